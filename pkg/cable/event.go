package cable

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// Event is one broadcast on the subscription.
type Event struct {
	Name      string          // message.event, e.g. "message.created"
	Raw       json.RawMessage // the message object exactly as received
	Data      json.RawMessage // message.data, nil when absent
	AccountID int64           // data.account_id when present, else 0
}

// parseEvent reads the event name and account from a broadcast message.
// Anything that is not the usual {"event","data"} shape is still delivered,
// with the fields it lacks left empty.
func parseEvent(raw json.RawMessage) Event {
	ev := Event{Raw: raw}
	var m struct {
		Event string          `json:"event"`
		Data  json.RawMessage `json:"data"`
	}
	if json.Unmarshal(raw, &m) != nil {
		return ev
	}
	ev.Name, ev.Data = m.Event, m.Data
	var d struct {
		AccountID json.RawMessage `json:"account_id"`
	}
	if len(m.Data) > 0 && json.Unmarshal(m.Data, &d) == nil {
		// Chatwoot sends a number; a quoted number is accepted too.
		n, err := strconv.ParseInt(string(bytes.Trim(d.AccountID, `"`)), 10, 64)
		if err == nil {
			ev.AccountID = n
		}
	}
	return ev
}
