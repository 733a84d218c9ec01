package cable

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
)

// Subprotocol is the websocket sub-protocol ActionCable negotiates.
const Subprotocol = "actioncable-v1-json"

// ChannelName is Chatwoot's one application channel.
const ChannelName = "RoomChannel"

// Frame types sent by the server.
const (
	typeWelcome = "welcome"
	typePing    = "ping"
	typeConfirm = "confirm_subscription"
	typeReject  = "reject_subscription"
	typeDisconn = "disconnect"
)

// Commands sent by the client.
const (
	commandSubscribe   = "subscribe"
	commandUnsubscribe = "unsubscribe"
	commandMessage     = "message"
)

// ActionUpdatePresence is the RoomChannel action that keeps an agent or
// contact shown as online.
const ActionUpdatePresence = "update_presence"

// serverFrame is any frame the server sends; which fields are set depends
// on Type (broadcasts have none).
type serverFrame struct {
	Type       string          `json:"type,omitempty"`
	Identifier string          `json:"identifier,omitempty"`
	Message    json.RawMessage `json:"message,omitempty"`
	Reason     string          `json:"reason,omitempty"`
	Reconnect  *bool           `json:"reconnect,omitempty"`
}

// clientFrame is a command; Data is itself a JSON document in a string.
type clientFrame struct {
	Command    string `json:"command"`
	Identifier string `json:"identifier"`
	Data       string `json:"data,omitempty"`
}

// Identifier says who subscribes to RoomChannel: an agent (PubsubToken of
// the user, with AccountID and UserID) or a contact (the contact inbox's
// PubsubToken alone).
type Identifier struct {
	PubsubToken string
	AccountID   int64
	UserID      int64
}

// String returns the identifier JSON exactly as Chatwoot's dashboard builds
// it, keys in this order:
// {"channel":"RoomChannel","pubsub_token":"…","account_id":1,"user_id":2}.
// account_id and user_id appear only when set.
func (id Identifier) String() string {
	b := []byte(`{"channel":"` + ChannelName + `","pubsub_token":`)
	b = appendJSONString(b, id.PubsubToken)
	if id.AccountID != 0 {
		b = strconv.AppendInt(append(b, `,"account_id":`...), id.AccountID, 10)
	}
	if id.UserID != 0 {
		b = strconv.AppendInt(append(b, `,"user_id":`...), id.UserID, 10)
	}
	return string(append(b, '}'))
}

// Validate reports identifiers Chatwoot can never accept, before any
// network round trip.
func (id Identifier) Validate() error {
	switch {
	case id.PubsubToken == "":
		return errors.New("no pubsub token: agents find it in `woot profile get` (pubsub_token), contacts in the client API's contact response")
	case id.UserID != 0 && id.AccountID == 0:
		return errors.New("an agent identity needs the account id as well as the user id")
	case id.AccountID < 0 || id.UserID < 0:
		return errors.New("account and user ids must be positive")
	}
	return nil
}

// appendJSONString quotes s as JSON without Go's HTML escaping, the way
// JavaScript's JSON.stringify would.
func appendJSONString(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})...)
}

// commandFrame encodes a client command.
func commandFrame(command, identifier, data string) []byte {
	b, _ := json.Marshal(clientFrame{Command: command, Identifier: identifier, Data: data})
	return b
}
