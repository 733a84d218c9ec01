package convreport

import (
	"encoding/json"
	"testing"
)

func events(t *testing.T, js string) []Event {
	t.Helper()
	e, err := DecodeEvents([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// A conversation reopened and still open: its earlier resolution is
// counted but gives no resolution time; business hours pick the other
// value; events arrive in any order and the earliest first_response wins.
func TestComputeDefinitions(t *testing.T) {
	ev := events(t, `[
	 {"id":9,"name":"conversation_resolved","value":7200,"value_in_business_hours":3600,"conversation_id":5},
	 {"id":3,"name":"first_response","value":600,"value_in_business_hours":0,"conversation_id":5},
	 {"id":12,"name":"first_response","value":9000,"value_in_business_hours":9000,"conversation_id":5}]`)
	var cv Conversation
	if err := json.Unmarshal([]byte(`{"id":5,"inbox_id":1,"status":"open","created_at":0,"labels":null,"meta":{"assignee":{"name":"Bob"}}}`), &cv); err != nil {
		t.Fatal(err)
	}
	r := Compute(Input{Conversation: cv, Events: ev}, Options{})
	if r.FirstResponseSeconds == nil || *r.FirstResponseSeconds != 600 {
		t.Errorf("first response %v, want 600 (the earliest event)", r.FirstResponseSeconds)
	}
	if r.ResolutionSeconds != nil || r.Resolutions != 1 {
		t.Errorf("open conversation: resolution %v (want none), resolutions %d (want 1)", r.ResolutionSeconds, r.Resolutions)
	}
	if r.Assignee != "Bob" || r.Labels == nil {
		t.Errorf("assignee %q, labels %v", r.Assignee, r.Labels)
	}
	cv.Status = "resolved"
	r = Compute(Input{Conversation: cv, Events: ev}, Options{BusinessHours: true})
	if *r.FirstResponseSeconds != 0 || *r.ResolutionSeconds != 3600 {
		t.Errorf("business hours: first %v resolution %v, want 0 and 3600", *r.FirstResponseSeconds, *r.ResolutionSeconds)
	}
}

func TestRepliesCountPeopleOnly(t *testing.T) {
	user, bot := "User", "AgentBot"
	msgs := []Message{{MessageType: 0}, {MessageType: 1, SenderType: &bot}, {MessageType: 1, SenderType: &user, Private: true},
		{MessageType: 1, SenderType: &user}, {MessageType: 2}, {MessageType: 1, SenderType: &user}}
	if r := Compute(Input{Messages: msgs}, Options{}); r.Replies != 2 {
		t.Errorf("%d replies, want 2 (a bot's message, a note, the contact's and activity excluded)", r.Replies)
	}
}

func TestCSATIndexKeepsTheLatest(t *testing.T) {
	x := CSATIndex{}
	x.Add(CSAT{ID: 7, Rating: 2, ConversationID: 1})
	x.Add(CSAT{ID: 3, Rating: 5, ConversationID: 1})
	if x[1].Rating != 2 {
		t.Errorf("rating %d, want 2 (response 7 is the later one)", x[1].Rating)
	}
}

func TestEventValuesAsStrings(t *testing.T) {
	ev := events(t, `[{"id":1,"name":"first_response","value":"600.0","value_in_business_hours":null}]`)
	if ev[0].Value != 600 || ev[0].ValueInBusinessHours != 0 {
		t.Errorf("decoded %+v", ev[0])
	}
	if _, err := DecodeEvents([]byte(`[{"id":1,"value":"soon"}]`)); err == nil {
		t.Error("a value that is not a number decoded")
	}
}
