package listen

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/cable"
)

// Bounds that keep a listener running for weeks at a flat memory.
const (
	backfillMaxConversations = 1000  // conversations whose last message id is kept
	backfillMaxPrinted       = 10000 // message ids remembered to drop duplicates
	backfillTimeout          = 30 * time.Second
)

// backfill remembers, per conversation seen, the newest message id, so that
// after a reconnect the messages created while the link was down can be
// fetched over REST (after=<id>) and printed; and it remembers the message
// ids printed, so that one arriving twice (fetched, then broadcast late)
// prints once.
type backfill struct {
	app  *application.API
	log  io.Writer
	last map[int64]int64 // conversation display id → newest message id seen

	seen  map[int64]bool // message ids printed as message.created
	order []int64        // the same ids, oldest first, to bound the set
}

func newBackfill(app *application.API, log io.Writer) *backfill {
	return &backfill{app: app, log: log, last: map[int64]int64{}, seen: map[int64]bool{}}
}

// eventIDs are the ids the backfill needs from an event's data: a
// message's id and conversation, or a conversation's id and messages.
type eventIDs struct {
	ID             int64 `json:"id"`
	ConversationID int64 `json:"conversation_id"`
	Messages       *[]struct {
		ID int64 `json:"id"`
	} `json:"messages"`
}

func decodeEventIDs(data json.RawMessage) eventIDs {
	var ids eventIDs
	_ = json.Unmarshal(data, &ids) // other shapes simply carry no ids
	return ids
}

func (b *backfill) duplicate(ev cable.Event) bool {
	return ev.Name == "message.created" && b.seen[decodeEventIDs(ev.Data).ID]
}

// observe records what ev says about conversations and messages.
func (b *backfill) observe(ev cable.Event) {
	ids := decodeEventIDs(ev.Data)
	switch {
	case strings.HasPrefix(ev.Name, "message."):
		if ids.ID > 0 && ids.ConversationID > 0 {
			b.note(ids.ConversationID, ids.ID)
		}
		if ev.Name == "message.created" && ids.ID > 0 {
			b.remember(ids.ID)
		}
	case strings.HasPrefix(ev.Name, "conversation.") && ids.ID > 0 && ids.Messages != nil:
		// A conversation's push data carries its latest message; one with
		// none yet is tracked from 0, so all its messages are new.
		var newest int64
		for _, m := range *ids.Messages {
			newest = max(newest, m.ID)
		}
		b.note(ids.ID, newest)
	}
}

func (b *backfill) note(conversation, message int64) {
	if cur, ok := b.last[conversation]; ok && cur >= message {
		return
	}
	b.last[conversation] = message
	if len(b.last) > backfillMaxConversations {
		b.forgetQuietest()
	}
}

// forgetQuietest drops the conversation with the oldest last message.
func (b *backfill) forgetQuietest() {
	var victim, lowest int64 = 0, -1
	for c, id := range b.last {
		if lowest < 0 || id < lowest {
			victim, lowest = c, id
		}
	}
	delete(b.last, victim)
}

func (b *backfill) remember(id int64) {
	if b.seen[id] {
		return
	}
	b.seen[id] = true
	b.order = append(b.order, id)
	if len(b.order) > backfillMaxPrinted {
		delete(b.seen, b.order[0])
		b.order = b.order[1:]
	}
}

// run fetches each tracked conversation's newer messages and hands them to
// emit as message.created events, oldest first; emit returning false stops
// it. Failures are reported and skipped: a backfill is best effort.
func (b *backfill) run(ctx context.Context, emit func(cable.Event) bool) {
	ctx, cancel := context.WithTimeout(ctx, backfillTimeout)
	defer cancel()
	convs := make([]int64, 0, len(b.last))
	for c := range b.last {
		convs = append(convs, c)
	}
	sort.Slice(convs, func(i, j int) bool { return convs[i] < convs[j] })
	fetched := 0
	for _, c := range convs {
		msgs, err := b.app.MessagesAfter(ctx, c, b.last[c])
		for _, m := range msgs {
			fetched++
			if !emit(b.messageCreated(m)) {
				return
			}
		}
		if err != nil {
			fmt.Fprintf(b.log, "! backfill: %v\n", err)
			if ctx.Err() != nil {
				return
			}
		}
	}
	fmt.Fprintf(b.log, "backfill: %d message(s) fetched from %d conversation(s) seen before the reconnect\n", fetched, len(convs))
}

// messageCreated wraps a REST message as the event Chatwoot would have
// broadcast, with account_id merged into the data as its broadcast job does.
func (b *backfill) messageCreated(msg json.RawMessage) cable.Event {
	data := bytes.TrimSpace(msg)
	var probe struct {
		AccountID *json.RawMessage `json:"account_id"`
	}
	if json.Unmarshal(data, &probe) == nil && probe.AccountID == nil && b.app.AccountID != 0 &&
		len(data) >= 2 && data[len(data)-1] == '}' {
		merged := append([]byte{}, data[:len(data)-1]...)
		if len(bytes.TrimSpace(merged)) > 1 {
			merged = append(merged, ',')
		}
		merged = append(merged, `"account_id":`+strconv.FormatInt(b.app.AccountID, 10)+`}`...)
		data = merged
	}
	raw := append(append([]byte(`{"event":"message.created","data":`), data...), '}')
	return cable.Event{Name: "message.created", Raw: raw, Data: data, AccountID: b.app.AccountID}
}
