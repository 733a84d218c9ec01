package store

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSeedPinsTheExamplesRows: the rows the help examples and sandbox
// mode's Client API name are in every demo seed, whatever the generator
// draws around them.
func TestSeedPinsTheExamplesRows(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	st := Seed("demo", now)
	api := st.InboxByIdentifier(SeedInboxIdentifier)
	if api == nil || !api.IsAPI() {
		t.Fatalf("no API inbox %q in the demo seed", SeedInboxIdentifier)
	}

	ci := st.ContactInboxBySource(api.ID, SeedContactIdentifier)
	if ci == nil {
		t.Fatalf("no contact inbox %s in the API inbox", SeedContactIdentifier)
	}
	cv := st.Conversation(api.AccountID, SeedClientConversation)
	if cv == nil || cv.ContactInboxID != ci.ID || cv.UUID != SeedClientConversationUUID || cv.Status != StatusResolved {
		t.Fatalf("conversation %d is not the client contact's resolved conversation %s: %+v", SeedClientConversation, SeedClientConversationUUID, cv)
	}
	var kinds []string
	var csatAt int64
	for _, m := range cv.Messages {
		kinds = append(kinds, m.ContentType)
		if m.ContentType == "input_csat" {
			csatAt = m.CreatedAt
		}
	}
	if !slices.Contains(kinds, "input_select") || csatAt == 0 {
		t.Errorf("conversation %d's content types %v lack an input_select or an input_csat", SeedClientConversation, kinds)
	}
	// Chatwoot refuses survey answers 14 days after the survey was sent.
	if age := now.Unix() - csatAt; age > 14*24*3600 {
		t.Errorf("the CSAT survey is %d days old: too old to answer", age/86400)
	}

	src := st.ContactInboxBySource(api.ID, SeedSourceID)
	if src == nil || !slices.Contains(api.Members, 2) {
		t.Errorf("no contact inbox %s in the API inbox, or agent 2 is not its member", SeedSourceID)
	}

	var at []string
	for _, ct := range st.Contacts {
		if strings.HasSuffix(ct.Email, "@"+SeedCompanyDomain) {
			at = append(at, ct.Email)
			if ct.AdditionalAttributes["company_name"] != "Globex" {
				t.Errorf("%s does not work at Globex", ct.Email)
			}
		}
	}
	if len(at) < 2 {
		t.Errorf("contacts at %s: %v, want a few", SeedCompanyDomain, at)
	}
}
