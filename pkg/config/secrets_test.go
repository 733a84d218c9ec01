package config

import "testing"

func TestResolveTokenInKeyringIsReadOnlyWhenFetched(t *testing.T) {
	f := &File{Profiles: map[string]*Profile{"default": {URL: "https://chat.example.com", UserTokenStore: StoreKeyring, PlatformToken: "plat-in-file"}}, path: "/cfg/config.json"}
	env := map[string]string{}
	s := Resolve(f, Flags{}, func(k string) string { return env[k] })
	if s.UserToken.Source != FromKeyring || s.UserToken.Value != "" || s.UserToken.Key != "default:user_token" {
		t.Fatalf("user token before fetching: %+v", s.UserToken)
	}
	if s.PlatformToken.Source != FromFile || s.PlatformToken.Value != "plat-in-file" {
		t.Fatalf("platform token: %+v", s.PlatformToken)
	}
	s.FetchSecrets(MemoryKeyring{"default:user_token": "from-keyring"})
	if s.UserToken.Value != "from-keyring" {
		t.Fatalf("user token after fetching: %+v", s.UserToken)
	}
	s = Resolve(f, Flags{}, func(k string) string { return env[k] })
	s.FetchSecrets(MemoryKeyring{})
	if s.UserToken.Err == nil || s.UserToken.Value != "" {
		t.Fatalf("a missing keyring entry must say so: %+v", s.UserToken)
	}
	env["CHATWOOT_API_TOKEN"] = "from-env"
	if s = Resolve(f, Flags{}, func(k string) string { return env[k] }); s.UserToken.Source != FromEnv || s.UserToken.Value != "from-env" {
		t.Fatalf("the environment must win over the keyring: %+v", s.UserToken)
	}
}

func TestForgetTokensRemovesOnlyKeyringEntries(t *testing.T) {
	mem := MemoryKeyring{}
	p := &Profile{}
	if where, err := p.StoreToken(mem, "work", UserTokenKind, "u", false); where != StoreKeyring || err != nil {
		t.Fatalf("StoreToken = %s, %v", where, err)
	}
	if where, _ := p.StoreToken(mem, "work", PlatformTokenKind, "p", true); where != "file" || p.PlatformToken != "p" {
		t.Fatalf("insecure StoreToken = %s, profile %+v", where, p)
	}
	if err := p.ForgetTokens(mem, "work"); err != nil || len(mem) != 0 {
		t.Fatalf("ForgetTokens: %v, left %v", err, mem)
	}
}
