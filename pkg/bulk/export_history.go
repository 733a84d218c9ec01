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
// spool moves to a file: most conversations fit, and a worker waiting
// for its turn with a long one holds no more than this.
const historyMemory = 64 << 10

// ReadHistory reads every message of one conversation (path is its
// messages route), oldest first, into a spool as a compact JSON array.
// The caller closes the spool; on an error there is none to close.
func ReadHistory(ctx context.Context, c *api.Client, path string) (*ExportSpool, error) {
	spool := NewExportSpool(historyMemory)
	if err := readHistory(ctx, c, path, spool); err != nil {
		spool.Close()
		return nil, err
	}
	return spool, nil
}

func readHistory(ctx context.Context, c *api.Client, path string, dst *ExportSpool) error {
	dst.WriteByte('[')
	var compact bytes.Buffer
	after, first := int64(0), true
	for {
		req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: path, Query: url.Values{"after": {strconv.FormatInt(after, 10)}}}
		resp, err := c.Do(ctx, req)
		if err != nil {
			return err
		}
		msgs, err := api.Items(resp.Body, "payload")
		if err != nil {
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
