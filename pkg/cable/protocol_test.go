package cable

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestIdentifierString(t *testing.T) {
	cases := []struct {
		id   Identifier
		want string
	}{
		{Identifier{PubsubToken: "Yp8vJx3r", AccountID: 1, UserID: 2},
			`{"channel":"RoomChannel","pubsub_token":"Yp8vJx3r","account_id":1,"user_id":2}`},
		{Identifier{PubsubToken: "c0ntact"},
			`{"channel":"RoomChannel","pubsub_token":"c0ntact"}`},
		{Identifier{PubsubToken: `a"b<&>`, AccountID: 12, UserID: 3400},
			`{"channel":"RoomChannel","pubsub_token":"a\"b<&>","account_id":12,"user_id":3400}`},
	}
	for _, c := range cases {
		got := c.id.String()
		if got != c.want {
			t.Errorf("%+v.String() =\n %s\nwant %s", c.id, got, c.want)
		}
		var back map[string]any
		if err := json.Unmarshal([]byte(got), &back); err != nil || back["pubsub_token"] != c.id.PubsubToken {
			t.Errorf("%s does not decode back to the token: %v %v", got, back, err)
		}
	}
}

func TestIdentifierValidate(t *testing.T) {
	for _, bad := range []Identifier{{}, {PubsubToken: "t", UserID: 2}, {PubsubToken: "t", AccountID: -1}} {
		if bad.Validate() == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	for _, good := range []Identifier{{PubsubToken: "t"}, {PubsubToken: "t", AccountID: 1, UserID: 2}} {
		if err := good.Validate(); err != nil {
			t.Errorf("%+v rejected: %v", good, err)
		}
	}
}

func TestCommandFrames(t *testing.T) {
	id := Identifier{PubsubToken: "tok", AccountID: 1, UserID: 2}.String()
	if got, want := string(commandFrame(commandSubscribe, id, "")),
		`{"command":"subscribe","identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"tok\",\"account_id\":1,\"user_id\":2}"}`; got != want {
		t.Errorf("subscribe frame\n got %s\nwant %s", got, want)
	}
	if got, want := string(commandFrame(commandMessage, `{"channel":"RoomChannel","pubsub_token":"t"}`, `{"action":"update_presence"}`)),
		`{"command":"message","identifier":"{\"channel\":\"RoomChannel\",\"pubsub_token\":\"t\"}","data":"{\"action\":\"update_presence\"}"}`; got != want {
		t.Errorf("presence frame\n got %s\nwant %s", got, want)
	}
}

func TestCableURL(t *testing.T) {
	cases := map[string]string{
		"https://app.chatwoot.com":           "wss://app.chatwoot.com/cable",
		"https://app.chatwoot.com/":          "wss://app.chatwoot.com/cable",
		"http://localhost:3000":              "ws://localhost:3000/cable",
		"https://example.com/chatwoot/":      "wss://example.com/chatwoot/cable",
		"https://example.com/chatwoot?x=1#f": "wss://example.com/chatwoot/cable",
		"wss://example.com/cable":            "wss://example.com/cable",
		"ws://127.0.0.1:3334":                "ws://127.0.0.1:3334/cable",
		" https://example.com ":              "wss://example.com/cable",
	}
	for in, want := range cases {
		got, err := CableURL(in)
		if err != nil || got != want {
			t.Errorf("CableURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "example.com", "ftp://example.com", "https://", "://x"} {
		if got, err := CableURL(bad); err == nil {
			t.Errorf("CableURL(%q) = %q, want an error", bad, got)
		}
	}
}

func TestOriginFor(t *testing.T) {
	cases := map[string]string{
		"wss://app.chatwoot.com/cable":       "https://app.chatwoot.com",
		"ws://localhost:3000/cable":          "http://localhost:3000",
		"wss://example.com/chatwoot/cable":   "https://example.com",
		"https://example.com:8443/cable?a=b": "https://example.com:8443",
	}
	for in, want := range cases {
		if got := originFor(in); got != want {
			t.Errorf("originFor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBackoffDelay(t *testing.T) {
	var zero Backoff
	for attempt, base := range map[int]time.Duration{1: 500 * time.Millisecond, 2: time.Second, 3: 2 * time.Second, 7: 30 * time.Second, 50: 30 * time.Second} {
		for range 100 {
			d := zero.Delay(attempt)
			lo := time.Duration(float64(base) * (1 - DefaultBackoffJitter))
			hi := min(time.Duration(float64(base)*(1+DefaultBackoffJitter)), DefaultBackoffMax)
			if d < lo || d > hi {
				t.Fatalf("attempt %d: %v outside [%v, %v]", attempt, d, lo, hi)
			}
		}
	}
	exact := Backoff{Min: 100 * time.Millisecond, Max: time.Second, Jitter: -1}
	for attempt, want := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 4: 800 * time.Millisecond, 5: time.Second} {
		if got := exact.Delay(attempt); got != want {
			t.Errorf("no-jitter attempt %d = %v, want %v", attempt, got, want)
		}
	}
	// Jitter spreads the delays: 100 draws are not all equal.
	seen := map[time.Duration]bool{}
	for range 100 {
		seen[zero.Delay(3)] = true
	}
	if len(seen) < 10 {
		t.Errorf("only %d distinct delays: no jitter", len(seen))
	}
}

func TestParseEvent(t *testing.T) {
	cases := []struct {
		raw     string
		name    string
		account int64
		data    string
	}{
		{`{"event":"message.created","data":{"id":1,"account_id":42}}`, "message.created", 42, `{"id":1,"account_id":42}`},
		{`{"event":"presence.update","data":{"account_id":"7","users":{"4":"online"}}}`, "presence.update", 7, `{"account_id":"7","users":{"4":"online"}}`},
		{`{"event":"conversation.unread_count_changed","data":{}}`, "conversation.unread_count_changed", 0, `{}`},
		{`{"event":"x","data":{"account_id":null}}`, "x", 0, `{"account_id":null}`},
		{`"just a string"`, "", 0, ``},
		{`{"data":[1,2]}`, "", 0, `[1,2]`},
	}
	for _, c := range cases {
		e := parseEvent(json.RawMessage(c.raw))
		if e.Name != c.name || e.AccountID != c.account || string(e.Data) != c.data || string(e.Raw) != c.raw {
			t.Errorf("parseEvent(%s) = %+v", c.raw, e)
		}
	}
}

func TestErrorMessagesSayWhatToDo(t *testing.T) {
	for _, err := range []error{
		&AuthError{Reason: "x"},
		&AuthError{Rejected: true, Reason: "x"},
		&HandshakeError{URL: "wss://h/cable", Status: 404},
		&DisconnectError{Reason: "unauthorized"},
	} {
		msg := err.Error()
		if !strings.Contains(msg, "token") && !strings.Contains(msg, "check") && !strings.Contains(msg, "reconnect") {
			t.Errorf("%T message gives no direction: %s", err, msg)
		}
	}
}
