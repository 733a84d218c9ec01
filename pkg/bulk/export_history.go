package bulk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"github.com/wootcli/woot/pkg/api"
)

// historyPageSize is how many messages Chatwoot's MessageFinder returns
// for after=<id>: up to 100, oldest first. Reading forwards gives the
// history in the order it is written out, so no page has to be held
// back, and it takes a fifth of the requests before=<id> (20 a page) does.
const historyPageSize = 100

// historyMemory is how much of one history stays in memory before its
// spool moves to a file: a conversation of a few dozen messages fits.
// Up to twice --concurrency histories wait their turn at once, each
// holding at most this, so it is what bounds the export's memory at
// --concurrency 16 (a sealed file spool holds none).
const historyMemory = 16 << 10

// ReadHistory reads every message of one conversation (path is its
// messages route), oldest first, into a spool as a compact JSON array.
// The caller closes the spool; on an error there is none to close.
func ReadHistory(ctx context.Context, c *api.Client, path string) (*ExportSpool, error) {
	spool := NewExportSpool(historyMemory)
	err := readHistory(ctx, c, path, spool)
	if err == nil {
		err = spool.Seal()
	}
	if err != nil {
		spool.Close()
		return nil, err
	}
	return spool, nil
}

func readHistory(ctx context.Context, c *api.Client, path string, dst *ExportSpool) error {
	dst.WriteByte('[')
	var compact bytes.Buffer
	var msgs []json.RawMessage
	after, first := int64(0), true
	for {
		req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: path, Query: url.Values{"after": {strconv.FormatInt(after, 10)}}}
		resp, err := c.Do(ctx, req)
		if err != nil {
			return err
		}
		if msgs, err = historyPage(resp.Body, msgs[:0]); err != nil {
			return fmt.Errorf("GET %s: %w", path, err)
		}
		for _, m := range msgs {
			id, err := messageID(m)
			if err != nil {
				return fmt.Errorf("GET %s: %w", path, err)
			}
			// A server that ignores after= (Chatwoot before late 2022, or a
			// proxy dropping the query) answers the latest page every time.
			if id <= after {
				return fmt.Errorf("GET %s?after=%d: the server sent message %d, which is not newer; it ignores after=, so the history cannot be read forwards (upgrade Chatwoot, or export without --with-messages)", path, after, id)
			}
			if !first {
				dst.WriteByte(',')
			}
			first = false
			compact.Reset()
			if err := json.Compact(&compact, m); err != nil {
				return fmt.Errorf("GET %s: a message is not JSON: %w", path, err)
			}
			if _, err := dst.Write(compact.Bytes()); err != nil {
				return err
			}
			after = max(after, id)
		}
		if len(msgs) < historyPageSize {
			return dst.WriteByte(']')
		}
	}
}

// historyPage is the messages of one after= answer ({"meta":…,
// "payload":[…]}), as slices of body found in one strict pass, appended
// to dst: a long history is hundreds of pages, and decoding each into
// copies of its messages made most of the export's garbage. A body of
// any other shape goes to api.Items, whose errors say what came instead.
func historyPage(body []byte, dst []json.RawMessage) ([]json.RawMessage, error) {
	if msgs, ok := payloadElements(body, dst); ok {
		return msgs, nil
	}
	return api.Items(body, "payload")
}

// payloadElements finds the elements of the array at "payload" in a JSON
// object, checking the whole object's syntax; false for any other shape.
func payloadElements(body []byte, dst []json.RawMessage) ([]json.RawMessage, bool) {
	p := &flatScanner{b: body}
	p.space()
	if p.peek() != '{' {
		return nil, false
	}
	p.i++
	found := false
	for {
		name, ok := p.member()
		if !ok {
			return nil, false
		}
		if name == "payload" && !found && p.peek() == '[' {
			if dst, ok = p.elements(dst); !ok {
				return nil, false
			}
			found = true
		} else if !p.skipValue() {
			return nil, false
		}
		more, ok := p.next('}')
		if !ok {
			return nil, false
		}
		if !more {
			break
		}
	}
	p.space()
	return dst, found && p.i == len(p.b)
}

// elements appends the elements of the array at p (on its '[') to dst.
func (p *flatScanner) elements(dst []json.RawMessage) ([]json.RawMessage, bool) {
	p.i++ // [
	p.space()
	if p.peek() == ']' {
		p.i++
		return dst, true
	}
	for {
		p.space()
		start := p.i
		if !p.skipValue() {
			return nil, false
		}
		dst = append(dst, p.b[start:p.i])
		more, ok := p.next(']')
		if !ok {
			return nil, false
		}
		if !more {
			return dst, true
		}
	}
}

// messageID finds a message's top-level "id" without decoding the rest
// of it: a history is thousands of messages, and a full decode of each
// cost more than everything else the export does with it.
func messageID(raw json.RawMessage) (int64, error) {
	id, ok := topLevelValue(raw, "id")
	if !ok {
		return 0, fmt.Errorf("a message has no id: %.60s", raw)
	}
	n, err := strconv.ParseInt(string(id), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("message id %s is not an integer", id)
	}
	return n, nil
}
