package dedupe

import "testing"

func TestPhone(t *testing.T) {
	for _, c := range []struct{ in, cc, want string }{
		{"+44 20 7946 0958", "", "+442079460958"},
		{"0044 (0)20-7946-0958", "", "+442079460958"},
		{"+1 (555) 010.9999", "", "+15550109999"},
		{"(555) 010-9999", "1", "+15550109999"},
		{"020 7946 0958", "44", "+442079460958"}, // the trunk 0 goes
		{"(555) 010-9999", "", "5550109999"},     // no country: digits only
		{"+44 20 7946 0958 ext 12", "", ""},
		{"12345", "", ""},
		{"", "", ""},
		{"+0123456789", "", ""},
	} {
		if got := Phone(c.in, c.cc); got != c.want {
			t.Errorf("Phone(%q, %q) = %q, want %q", c.in, c.cc, got, c.want)
		}
	}
}

func TestNormalise(t *testing.T) {
	if got := Normalise("email", " Ann@Example.COM ", ""); got != "ann@example.com" {
		t.Errorf("email: %q", got)
	}
	if got := Normalise("name", "  Ann \t SMITH ", ""); got != "ann smith" {
		t.Errorf("name: %q", got)
	}
}

func TestSurvivorOrder(t *testing.T) {
	g := Group{Contacts: []Contact{{ID: 1, CreatedAt: 10, Conversations: 1}, {ID: 2, CreatedAt: 5, Conversations: 1}, {ID: 3, CreatedAt: 1}}}
	if s := Survivor(g); s.ID != 2 {
		t.Errorf("survivor %d, want 2 (tied on conversations, older)", s.ID)
	}
	g.Contacts[0].Conversations = 4
	if s := Survivor(g); s.ID != 1 {
		t.Errorf("survivor %d, want 1 (most conversations)", s.ID)
	}
}
