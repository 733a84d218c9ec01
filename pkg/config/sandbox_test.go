package config

import "testing"

func TestSandboxFileResolvesOnlyTheSandboxProfile(t *testing.T) {
	dir := t.TempDir()
	f, err := LoadSandbox(dir)
	if err != nil {
		t.Fatal(err)
	}
	f.Profiles[SandboxProfile] = &Profile{ContactIdentifier: "sb-contact"}
	f.Profiles["prod"] = &Profile{ContactIdentifier: "prod-contact"}
	env := map[string]string{"WOOT_PROFILE": "prod"}
	s := Resolve(f, Flags{Profile: "prod"}, func(k string) string { return env[k] })
	if s.Profile != SandboxProfile || s.ContactIdentifier.Value != "sb-contact" || !f.Sandbox() {
		t.Fatalf("resolved %q (%q), sandbox %v", s.Profile, s.ContactIdentifier.Value, f.Sandbox())
	}
	real, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s := Resolve(real, Flags{Profile: "prod"}, func(string) string { return "" }); s.Profile != "prod" || real.Sandbox() {
		t.Fatalf("a user's file resolved %q", s.Profile)
	}
}
