package application

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"github.com/wootcli/woot/pkg/api"
)

// API makes typed Application API calls for the hand-written commands
// (listen, bulk jobs) over the shared transport.
type API struct {
	C         *api.Client
	AccountID int64
}

// Profile is the part of GET /api/v1/profile woot relies on: who the token
// belongs to, the pubsub token the websocket needs, and the accounts.
type Profile struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Email       string `json:"email"`
	PubsubToken string `json:"pubsub_token"`
	Accounts    []struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
		Role string `json:"role"`
	} `json:"accounts"`
}

// messagesAfterPageSize is how many newer messages Chatwoot returns at most
// for after=<id> (MessageFinder).
const messagesAfterPageSize = 100

// Profile fetches the token owner's profile; the raw body is returned too
// so that callers can print every field the server sent.
func (a *API) Profile(ctx context.Context) (*Profile, json.RawMessage, error) {
	resp, err := a.C.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: "/api/v1/profile"})
	if err != nil {
		return nil, nil, fmt.Errorf("get profile: %w", err)
	}
	var p Profile
	if err := json.Unmarshal(resp.Body, &p); err != nil {
		return nil, nil, fmt.Errorf("get profile: response is not a profile object: %w", err)
	}
	return &p, json.RawMessage(resp.Body), nil
}

// MessagesAfter returns every message of a conversation newer than
// afterID, oldest first. Chatwoot answers at most 100 per request, so it
// asks again after the newest one until a short page arrives.
func (a *API) MessagesAfter(ctx context.Context, conversationID, afterID int64) ([]json.RawMessage, error) {
	path := a.accountPath("/conversations/" + strconv.FormatInt(conversationID, 10) + "/messages")
	var all []json.RawMessage
	for {
		resp, err := a.C.Do(ctx, &api.Request{
			Family: api.FamilyApplication, Method: "GET", Path: path,
			Query: url.Values{"after": {strconv.FormatInt(afterID, 10)}},
		})
		if err != nil {
			return all, fmt.Errorf("list messages of conversation %d: %w", conversationID, err)
		}
		items, err := api.Items(resp.Body, "payload")
		if err != nil {
			return all, fmt.Errorf("list messages of conversation %d: %w", conversationID, err)
		}
		all = append(all, items...)
		if len(items) < messagesAfterPageSize {
			return all, nil
		}
		next, err := maxID(items)
		if err != nil {
			return all, fmt.Errorf("list messages of conversation %d: %w", conversationID, err)
		}
		if next <= afterID {
			// A server that ignores after= would return the same page forever.
			return all, fmt.Errorf("list messages of conversation %d: the server ignored after=%d", conversationID, afterID)
		}
		afterID = next
	}
}

// SearchContacts returns the first page (up to 15) of contacts matching q.
func (a *API) SearchContacts(ctx context.Context, q string) ([]json.RawMessage, error) {
	resp, err := a.C.Do(ctx, &api.Request{
		Family: api.FamilyApplication, Method: "GET", Path: a.accountPath("/contacts/search"),
		Query: url.Values{"q": {q}, "page": {"1"}},
	})
	if err != nil {
		return nil, fmt.Errorf("search contacts for %q: %w", q, err)
	}
	items, err := api.Items(resp.Body, "payload")
	if err != nil {
		return nil, fmt.Errorf("search contacts for %q: %w", q, err)
	}
	return items, nil
}

func (a *API) accountPath(rest string) string {
	return "/api/v1/accounts/" + strconv.FormatInt(a.AccountID, 10) + rest
}

// maxID is the largest "id" among items.
func maxID(items []json.RawMessage) (int64, error) {
	var max int64
	for _, raw := range items {
		var it struct {
			ID *int64 `json:"id"`
		}
		if err := json.Unmarshal(raw, &it); err != nil || it.ID == nil {
			return 0, fmt.Errorf("a message has no numeric id")
		}
		if *it.ID > max {
			max = *it.ID
		}
	}
	return max, nil
}
