package client_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/spectest"
)

// createdContact is the body Chatwoot renders for a public contact create:
// source_id and pubsub_token of the contact inbox, then the contact.
const createdContact = `{"source_id":"5e3f7c1a-8d2b-4c6e-9f0a-1b2c3d4e5f60","pubsub_token":"pX9rT4vKq2mN8sLw3hJd6bYc","id":17,"name":"Ann Lee","email":"ann@example.com"}`

// recorded is one request the stub server received.
type recorded struct {
	method, path, contentType string
	header                    http.Header
	body                      []byte
}

// stub answers every request with status and body and records it.
func stub(t *testing.T, status int, body string) (*api.Client, func() []recorded) {
	t.Helper()
	var mu sync.Mutex
	var got []recorded
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, recorded{r.Method, r.URL.Path, r.Header.Get("Content-Type"), r.Header.Clone(), b})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	// Tokens are configured on purpose: the Client API must send none.
	c, err := api.New(api.Config{BaseURL: srv.URL, UserToken: "user-secret", PlatformToken: "platform-secret",
		Retries: -1, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return c, func() []recorded { mu.Lock(); defer mu.Unlock(); return append([]recorded(nil), got...) }
}

func TestCreateContactSendsThePublicCreate(t *testing.T) {
	c, requests := stub(t, http.StatusOK, createdContact)
	a := &client.API{C: c, InboxIdentifier: "Jzk3Ym1ZZ2p3V1hZ"}
	in := client.ContactInput{Name: "Ann Lee", Email: "ann@example.com", Identifier: "user-42",
		CustomAttributes: map[string]any{"plan": "pro"}}
	in.Sign("hmac-token-of-the-inbox")

	contact, raw, err := a.CreateContact(context.Background(), in)
	if err != nil {
		t.Fatalf("CreateContact: %v", err)
	}
	want := &client.Contact{ID: 17, SourceID: "5e3f7c1a-8d2b-4c6e-9f0a-1b2c3d4e5f60",
		PubsubToken: "pX9rT4vKq2mN8sLw3hJd6bYc", Name: "Ann Lee", Email: "ann@example.com"}
	if !reflect.DeepEqual(contact, want) {
		t.Errorf("contact = %+v, want %+v", contact, want)
	}
	if string(raw) != createdContact {
		t.Errorf("raw = %s, want the body as sent", raw)
	}

	reqs := requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.method != "POST" || r.path != "/public/api/v1/inboxes/Jzk3Ym1ZZ2p3V1hZ/contacts" {
		t.Errorf("request = %s %s", r.method, r.path)
	}
	if r.contentType != "application/json" {
		t.Errorf("Content-Type = %q", r.contentType)
	}
	for _, h := range spectest.TokenHeaders {
		if v := r.header.Values(h); len(v) > 0 {
			t.Errorf("a Client API request carried a token in %s", h)
		}
	}
	var body map[string]any
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("body %s: %v", r.body, err)
	}
	wantBody := map[string]any{"name": "Ann Lee", "email": "ann@example.com", "identifier": "user-42",
		"identifier_hash":   hmacByHand([]byte("hmac-token-of-the-inbox"), []byte("user-42")),
		"custom_attributes": map[string]any{"plan": "pro"}}
	if !reflect.DeepEqual(body, wantBody) {
		t.Errorf("body = %v, want %v", body, wantBody)
	}

	t.Run("conforms to the spec", func(t *testing.T) {
		spec := spectest.Load(t)
		req := httptest.NewRequest(r.method, "http://chatwoot.test"+r.path, strings.NewReader(string(r.body)))
		req.Header = r.header.Clone()
		if err := spec.ValidateRequest(req); err != nil {
			t.Errorf("request: %v", err)
		}
		if err := spec.ValidateResponse(req, http.StatusOK, nil, []byte(createdContact)); err != nil {
			t.Errorf("fixture: %v", err)
		}
	})
}

func TestContactInputLeavesEmptyFieldsOut(t *testing.T) {
	in := client.ContactInput{Email: "ann@example.com"}
	in.Sign("hmac-token") // no identifier: nothing to sign
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"email":"ann@example.com"}` {
		t.Errorf("body = %s", b)
	}
	in = client.ContactInput{Identifier: "user-42"}
	in.Sign("") // no token: nothing to sign
	if in.IdentifierHash != "" {
		t.Errorf("signed without a token: %q", in.IdentifierHash)
	}
}

func TestCreateContactRefusesBadIdentifiersWithoutCalling(t *testing.T) {
	for _, id := range []string{"", "abc/def", "abc?x=1", "abc#top"} {
		c, requests := stub(t, http.StatusOK, createdContact)
		a := &client.API{C: c, InboxIdentifier: id}
		_, _, err := a.CreateContact(context.Background(), client.ContactInput{Name: "Ann"})
		if err == nil {
			t.Errorf("inbox identifier %q: no error", id)
		}
		if n := len(requests()); n != 0 {
			t.Errorf("inbox identifier %q: %d requests sent", id, n)
		}
		var cred *api.CredentialError
		if id == "" && (!errors.As(err, &cred) || !strings.Contains(err.Error(), "CHATWOOT_INBOX_IDENTIFIER")) {
			t.Errorf("missing identifier: error %v does not say how to set it", err)
		}
	}
}

func TestCreateContactReportsServerErrors(t *testing.T) {
	c, _ := stub(t, http.StatusUnprocessableEntity, `{"message":"Email has already been taken","attributes":["email"]}`)
	a := &client.API{C: c, InboxIdentifier: "Jzk3Ym1ZZ2p3V1hZ"}
	_, _, err := a.CreateContact(context.Background(), client.ContactInput{Email: "ann@example.com"})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnprocessableEntity {
		t.Fatalf("error = %v, want an *api.Error with status 422", err)
	}
	if !strings.Contains(err.Error(), "create client contact") || !strings.Contains(err.Error(), "already been taken") {
		t.Errorf("error %q lacks context or the server's message", err)
	}
}

func TestCreateContactNeedsASourceID(t *testing.T) {
	const body = `{"id":17,"name":"Ann Lee","email":"ann@example.com"}`
	c, _ := stub(t, http.StatusOK, body)
	a := &client.API{C: c, InboxIdentifier: "Jzk3Ym1ZZ2p3V1hZ"}
	contact, raw, err := a.CreateContact(context.Background(), client.ContactInput{Name: "Ann Lee"})
	if err == nil || !strings.Contains(err.Error(), "source_id") {
		t.Fatalf("error = %v, want one naming the missing source_id", err)
	}
	if contact != nil || string(raw) != body {
		t.Errorf("contact = %v, raw = %s: want no contact and the raw body for diagnosis", contact, raw)
	}
}

func TestDecodeContactReadsShowAnswers(t *testing.T) {
	c, err := client.DecodeContact([]byte(`{"source_id":"s-1","pubsub_token":"p-1","id":9,"name":null,"email":"x@example.com"}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.SourceID != "s-1" || c.PubsubToken != "p-1" || c.ID != 9 || c.Name != "" || c.Email != "x@example.com" {
		t.Errorf("contact = %+v", c)
	}
	if _, err := client.DecodeContact([]byte(`<html>`)); err == nil {
		t.Error("HTML decoded as a contact")
	}
}
