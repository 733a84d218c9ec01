package sandbox

import (
	"fmt"
	"strconv"
	"testing"
)

// Chatwoot's MessageFinder reads any after= that is present, 0 included
// (`after.present?`, then id > 0): after=0 is the first page of a history
// read forwards, not the latest page.
func TestMessagesAfterZeroReadsFromTheFirstMessage(t *testing.T) {
	_, _, do := emptySandbox(t)
	ct := do("POST", "/api/v1/accounts/1/contacts", obj{"name": "Forward", "email": "forward@example.com", "inbox_id": 1})
	sourceID := dig(ct.json(t), "payload.contact_inbox.source_id").(string)
	cv := do("POST", "/api/v1/accounts/1/conversations", obj{"source_id": sourceID, "inbox_id": 1})
	path := "/api/v1/accounts/1/conversations/" + strconv.Itoa(int(cv.json(t)["id"].(float64))) + "/messages"
	var ids []float64
	for i := range 130 {
		r := do("POST", path, obj{"content": fmt.Sprintf("message %d", i)})
		mustStatus(t, r, 200, "create message")
		ids = append(ids, r.json(t)["id"].(float64))
	}
	var got []float64
	for _, m := range do("GET", path+"?after=0", nil).json(t)["payload"].([]any) {
		got = append(got, m.(map[string]any)["id"].(float64))
	}
	if fmt.Sprint(got) != fmt.Sprint(ids[:100]) {
		t.Errorf("after=0 gives %d messages from %v, want the first 100 ascending from %v", len(got), got[:1], ids[0])
	}
}
