package sandbox

import (
	"fmt"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// TestClientAPIDemoContact: the demo seed gives the Client API a contact
// to act as (its source id in the credentials, the one the help examples
// use), whose recently resolved conversation holds an unanswered
// input_select and an unanswered CSAT survey message; answering the survey
// message through the Client API records the CSAT response, and the
// survey page is that message.
func TestClientAPIDemoContact(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	creds := s.Credentials()
	if creds.ContactIdentifier != store.SeedContactIdentifier {
		t.Fatalf("credentials' contact identifier %q, want %q", creds.ContactIdentifier, store.SeedContactIdentifier)
	}
	contact := "/public/api/v1/inboxes/" + creds.InboxIdentifier + "/contacts/" + creds.ContactIdentifier
	shown := call(t, srv, "GET", contact, "", nil)
	mustStatus(t, shown, 200, "the seeded client contact")
	if v := shown.json(t); v["source_id"] != store.SeedContactIdentifier || v["name"] != "Mia Okafor" {
		t.Errorf("seeded client contact %v", v)
	}

	conv := fmt.Sprintf("%s/conversations/%d", contact, store.SeedClientConversation)
	cv := call(t, srv, "GET", conv, "", nil)
	mustStatus(t, cv, 200, "the seeded client conversation")
	if v := cv.json(t); v["uuid"] != store.SeedClientConversationUUID || v["status"] != "resolved" {
		t.Errorf("seeded client conversation: uuid %v status %v", v["uuid"], v["status"])
	}
	byType := map[string]float64{}
	for _, m := range call(t, srv, "GET", conv+"/messages", "", nil).list(t) {
		if ct, _ := dig(m, "content_type").(string); ct != "text" {
			byType[ct] = dig(m, "id").(float64)
		}
	}
	// The ids the help examples of `client messages update` use.
	if byType["input_select"] != 334 || byType["input_csat"] != 336 {
		t.Fatalf("interactive messages of conversation %d: %v, want input_select 334 and input_csat 336", store.SeedClientConversation, byType)
	}

	survey := "/public/api/v1/csat_survey/" + store.SeedClientConversationUUID
	before := call(t, srv, "GET", survey, "", nil)
	mustStatus(t, before, 200, "the survey page")
	if v := before.json(t); v["id"] != float64(336) || v["csat_survey_response"] != nil {
		t.Errorf("survey before the answer: id %v, response %v; want the input_csat message 336, unanswered", v["id"], v["csat_survey_response"])
	}
	answer := call(t, srv, "PATCH", conv+"/messages/336", "",
		obj{"submitted_values": obj{"csat_survey_response": obj{"rating": 5, "feedback_message": "Quick and friendly"}}})
	mustStatus(t, answer, 200, "answer the CSAT message")
	after := call(t, srv, "GET", survey, "", nil).json(t)
	if dig(after, "csat_survey_response.rating") != float64(5) || dig(after, "csat_survey_response.feedback_message") != "Quick and friendly" {
		t.Errorf("survey after the answer: %v", after["csat_survey_response"])
	}
	found := false
	for _, r := range call(t, srv, "GET", "/api/v1/accounts/1/csat_survey_responses", creds.UserToken, nil).list(t) {
		if dig(r, "conversation_id") == float64(store.SeedClientConversation) {
			found = dig(r, "rating") == float64(5)
		}
	}
	if !found {
		t.Error("the answer to the CSAT message is not among the account's CSAT responses")
	}

	// An input_select answer is kept on the message, and records no CSAT.
	chose := call(t, srv, "PATCH", conv+"/messages/334", "", obj{"submitted_values": obj{"title": "Yes", "value": "yes"}})
	mustStatus(t, chose, 200, "answer the input_select")
	if got := dig(chose.json(t), "content_attributes.submitted_values.value"); got != "yes" {
		t.Errorf("input_select answer kept as %v", got)
	}
}

// TestClientConversationScope follows Chatwoot's public controllers: the
// conversation routes reach the conversations the contact inbox started,
// all of the contact's once its identity is verified; the message routes
// reach any conversation of the contact.
func TestClientConversationScope(t *testing.T) {
	s, srv := newTestSandbox(t, Options{})
	creds := s.Credentials()
	// Mia Okafor writes in on the website too (an agent opens it).
	web := call(t, srv, "POST", "/api/v1/accounts/1/conversations", creds.UserToken, obj{"contact_id": 3, "inbox_id": 2})
	mustStatus(t, web, 200, "conversation in the website inbox")
	other := fmt.Sprint(web.json(t)["id"])
	contact := "/public/api/v1/inboxes/" + creds.InboxIdentifier + "/contacts/" + creds.ContactIdentifier
	listed := func() map[string]bool {
		out := map[string]bool{}
		for _, cv := range call(t, srv, "GET", contact+"/conversations", "", nil).list(t) {
			out[fmt.Sprint(dig(cv, "id"))] = true
		}
		return out
	}
	if l := listed(); l[other] || !l[fmt.Sprint(store.SeedClientConversation)] {
		t.Errorf("unverified contact inbox lists %v: want %d and not the website's %s", l, store.SeedClientConversation, other)
	}
	mustStatus(t, call(t, srv, "GET", contact+"/conversations/"+other, "", nil), 404, "another inbox's conversation, unverified")
	mustStatus(t, call(t, srv, "GET", contact+"/conversations/"+other+"/messages", "", nil), 200, "its messages")

	verify := contact + "?identifier=mia-okafor&identifier_hash=" + identifierHash(creds.HMACToken, "mia-okafor")
	mustStatus(t, call(t, srv, "GET", verify, "", nil), 200, "verify the contact")
	if l := listed(); !l[other] || !l[fmt.Sprint(store.SeedClientConversation)] {
		t.Errorf("verified contact inbox lists %v: want %d and the website's %s", l, store.SeedClientConversation, other)
	}
	mustStatus(t, call(t, srv, "GET", contact+"/conversations/"+other, "", nil), 200, "another inbox's conversation, verified")
}
