package sandbox

import (
	"fmt"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// The customer's CSAT survey (beyond the spec): keyed by the conversation
// uuid, there once the conversation is resolved, answered once within 14
// days, and the answer shows in the account's CSAT responses.
func TestClientCSATSurvey(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	creds := s.Credentials()
	var open, old *store.Conversation
	for _, cv := range s.st.Conversations {
		if at, _ := surveySent(cv); cv.Status == store.StatusResolved && time.Since(time.Unix(at, 0)) > 15*24*time.Hour && old == nil {
			old = cv
		}
		if cv.Status == store.StatusOpen && open == nil {
			open = cv
		}
	}
	if open == nil || old == nil {
		t.Fatal("the demo seed lacks an open conversation or one resolved over 15 days ago")
	}
	survey := "/public/api/v1/csat_survey/"
	mustStatus(t, call(t, srv, "GET", survey+open.UUID, "", nil), 404, "survey of an open conversation")
	mustStatus(t, call(t, srv, "GET", survey+"no-such-uuid", "", nil), 404, "unknown uuid")
	answer := func(rating int) obj {
		return obj{"message": obj{"submitted_values": obj{"csat_survey_response": obj{"rating": rating, "feedback_message": "Quick, thanks"}}}}
	}
	mustStatus(t, call(t, srv, "PATCH", survey+old.UUID, "", answer(5)), 422, "answer after 14 days")

	conv := fmt.Sprintf("/api/v1/accounts/1/conversations/%d", open.DisplayID)
	mustStatus(t, call(t, srv, "POST", conv+"/toggle_status", creds.UserToken, obj{"status": "resolved"}), 200, "resolve")
	shown := call(t, srv, "GET", survey+open.UUID, "", nil)
	mustStatus(t, shown, 200, "survey of a resolved conversation")
	if v := shown.json(t); v["conversation_id"] != float64(open.DisplayID) || v["csat_survey_response"] != nil || v["id"] == float64(0) {
		t.Errorf("survey %v, want conversation %d, unanswered, with its message id", v, open.DisplayID)
	}
	mustStatus(t, call(t, srv, "PATCH", survey+open.UUID, "", answer(9)), 422, "rating 9")
	answered := call(t, srv, "PATCH", survey+open.UUID, "", answer(5))
	mustStatus(t, answered, 200, "answer")
	if got := dig(answered.json(t), "csat_survey_response.rating"); got != float64(5) {
		t.Errorf("answered survey rating %v, want 5", got)
	}
	found := false
	for _, r := range call(t, srv, "GET", "/api/v1/accounts/1/csat_survey_responses", creds.UserToken, nil).list(t) {
		if dig(r, "conversation_id") == float64(open.DisplayID) {
			found = dig(r, "rating") == float64(5) && dig(r, "feedback_message") == "Quick, thanks"
		}
	}
	if !found {
		t.Error("the answer is not among the account's CSAT responses with its rating and feedback")
	}
}

// Email channel migrations create one email inbox per mailbox and report
// each entry on its own.
func TestPlatformEmailChannelMigrations(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	creds := s.Credentials()
	acct := call(t, srv, "POST", "/platform/api/v1/accounts", creds.PlatformToken, obj{"name": "Globex"})
	mustStatus(t, acct, 200, "create account")
	id := int64(acct.json(t)["id"].(float64))
	path := fmt.Sprintf("/platform/api/v1/accounts/%d/email_channel_migrations", id)
	body := obj{"migrations": []obj{
		{"email": "support@globex.example", "provider": "google", "provider_config": obj{"refresh_token": "r1"}},
		{"email": "support@globex.example", "provider": "google", "provider_config": obj{"refresh_token": "r1"}},
		{"email": "sales@globex.example", "provider": "fax"},
	}}
	r := call(t, srv, "POST", path, creds.PlatformToken, body)
	mustStatus(t, r, 200, "migrate")
	results := r.json(t)["results"].([]any)
	if len(results) != 3 || dig(results[0], "status") != "success" || dig(results[0], "inbox_id") == nil ||
		dig(results[1], "message") != "Email has already been taken" || dig(results[2], "status") != "error" {
		t.Fatalf("results %v: want a success, a duplicate and a bad provider", results)
	}
	inbox := s.st.InboxOf(int64(dig(results[0], "inbox_id").(float64)))
	if inbox == nil || inbox.AccountID != id || inbox.ChannelType != store.ChannelEmail {
		t.Errorf("the migrated mailbox's inbox is %+v, want an email inbox of account %d", inbox, id)
	}
	mustStatus(t, call(t, srv, "POST", "/platform/api/v1/accounts/999/email_channel_migrations", creds.PlatformToken, body), 404, "unknown account")
	mustStatus(t, call(t, srv, "POST", path, creds.PlatformToken, obj{"migrations": []obj{}}), 422, "no migrations")
}

func TestPlatformBotAvatarDelete(t *testing.T) {
	s, srv := newTestSandbox(t, Options{Now: time.Now})
	creds := s.Credentials()
	bot := call(t, srv, "POST", "/platform/api/v1/agent_bots", creds.PlatformToken,
		obj{"name": "Faces", "avatar_url": "https://example.com/face.png"})
	mustStatus(t, bot, 200, "create bot")
	id := int64(bot.json(t)["id"].(float64))
	if got := store.FindID(s.st.AgentBots, id).AvatarURL; got == "" {
		t.Fatal("the bot was created without its avatar; the test cannot tell a delete")
	}
	mustStatus(t, call(t, srv, "DELETE", fmt.Sprintf("/platform/api/v1/agent_bots/%d/avatar", id), creds.PlatformToken, nil), 200, "delete avatar")
	if got := store.FindID(s.st.AgentBots, id).AvatarURL; got != "" {
		t.Errorf("avatar %q after the delete", got)
	}
}
