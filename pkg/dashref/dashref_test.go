package dashref

import (
	"strings"
	"testing"
)

func TestParseDashboardURLs(t *testing.T) {
	for _, c := range []struct {
		url, command, host string
	}{
		{"https://chat.example.com/app/accounts/1/conversations/42", "woot conversations get 42 --account 1", "https://chat.example.com"},
		{"https://chat.example.com/app/accounts/3/inbox/7/conversations/42?messageId=9", "woot conversations get 42 --account 3", "https://chat.example.com"},
		{"https://chat.example.com/app/accounts/1/label/billing/conversations/8", "woot conversations get 8 --account 1", "https://chat.example.com"},
		{"https://chat.example.com/app/accounts/1/team/2/conversations/8", "woot conversations get 8 --account 1", "https://chat.example.com"},
		{"https://chat.example.com/app/accounts/1/custom_view/5/conversations/8", "woot conversations get 8 --account 1", "https://chat.example.com"},
		{"https://chat.example.com/app/accounts/1/mentions/conversations/8", "woot conversations get 8 --account 1", "https://chat.example.com"},
		{"http://localhost:3000/app/accounts/1/contacts/17", "woot contacts get 17 --account 1", "http://localhost:3000"},
		{"https://chat.example.com/app/accounts/1/settings/inboxes/4", "woot inboxes get 4 --account 1", "https://chat.example.com"},
		{"https://chat.example.com/app/accounts/1/portals/help/en/articles/edit/31", "woot portals articles get help 31 --account 1", "https://chat.example.com"},
		{"https://chat.example.com/app/accounts/1/portals/help/en/categories/billing/articles/31", "woot portals articles get help 31 --account 1", "https://chat.example.com"},
		{"https://chat.example.com/support/app/accounts/1/contacts/17/", "woot contacts get 17 --account 1", "https://chat.example.com"},
	} {
		ref, err := Parse(c.url)
		if err != nil {
			t.Errorf("%s: %v", c.url, err)
			continue
		}
		if ref.Command != c.command || ref.Host != c.host {
			t.Errorf("%s: command %q host %q, want %q %q", c.url, ref.Command, ref.Host, c.command, c.host)
		}
	}
}

func TestParseRefusesWhatItCannotName(t *testing.T) {
	for url, want := range map[string]string{
		"chat.example.com/app/accounts/1/conversations/42":            "not a Chatwoot dashboard URL",
		"ftp://chat.example.com/app/accounts/1/conversations/42":      "not a Chatwoot dashboard URL",
		"https://chat.example.com/api/v1/accounts/1/conversations/42": "not a dashboard page",
		"https://chat.example.com/app/accounts/one/conversations/42":  `"one" is not an account id`,
		"https://chat.example.com/app/accounts/1/conversations":       "names no conversation",
		"https://chat.example.com/app/accounts/1/inbox/42":            "names no conversation",
		"https://chat.example.com/app/accounts/1/settings/agents/4":   "names no conversation",
		"https://chat.example.com/app/accounts/1/conversations/abc":   "names no conversation",
	} {
		if _, err := Parse(url); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to say %q", url, err, want)
		}
	}
}
