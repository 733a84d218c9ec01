package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestSecretField(t *testing.T) {
	for _, k := range []string{"access_token", "pubsub_token", "secret", "hmac_token", "webhook_secret", "website_token", "client_secret",
		"Authorization", "api_access_token", "Api-Access-Token", "api-access-token", "agent_bot[access_token]", "password", "current_password", "token", "Set-Cookie"} {
		if !SecretField(k) {
			t.Errorf("%q is not treated as a secret", k)
		}
	}
	for _, k := range []string{"id", "name", "email", "tokens_used", "secretary", "identifier", "content", "Content-Type", "hmac_mandatory", "token_style"} {
		if SecretField(k) {
			t.Errorf("%q is treated as a secret", k)
		}
	}
}

func TestRedactTextMasksSecretFieldsInEveryShape(t *testing.T) {
	cases := []struct{ name, in, keep string }{
		{"nested JSON", `{"id":1,"agent_bot":{"name":"Bot","access_token":"s3-bot","nested":[{"pubsub_token":"s3-pubsub"}]},"hmac_token":"s3-hmac"}`, `"name":"Bot"`},
		{"JSON with spaces", `{ "secret" : "s3-webhook", "webhook_secret":"s3-w2", "url":"http://x" }`, `"url":"http://x"`},
		{"a number", `{"access_token": 1234567}`, `"access_token": "[redacted]"`},
		{"form body", `name=Bot&agent_bot%5Baccess_token%5D=s3-bot&secret=s3-webhook`, `name=Bot`},
		{"URL", `https://chat.example.com/api/v1/x?page=2&api_access_token=s3-tok&pubsub_token=s3-pubsub`, `page=2`},
		{"multipart", "--b\r\nContent-Disposition: form-data; name=\"webhook[secret]\"\r\n\r\ns3-webhook\r\n--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBot\r\n--b--", "\r\n\r\nBot\r\n"},
		{"JSON in a string", `{"payload":"{\"secret\":\"s3-webhook\",\"n\":1}"}`, `\"n\":1`},
		{"header text", "Invalid api_access_token: s3-tok; Authorization: Bearer s3-bearer", "Invalid"},
	}
	for _, tc := range cases {
		got := RedactText(tc.in)
		if strings.Contains(got, "s3-") || !strings.Contains(got, "[redacted]") || !strings.Contains(got, tc.keep) {
			t.Errorf("%s:\n in  %s\n out %s", tc.name, tc.in, got)
		}
	}
	if got := RedactText(`{"email":"ann@example.com","token_style":"bearer"}`); got != `{"email":"ann@example.com","token_style":"bearer"}` {
		t.Errorf("text without secrets changed: %s", got)
	}
}

// An agent bot answer: the debug log masks its token and secret, the data
// handed to the printer keeps them (the user asked for the bot).
func TestDebugLogRedactsSecretFieldsButDataKeepsThem(t *testing.T) {
	const bot = `{"id":3,"name":"Bot","access_token":"bot-s3cr3t-tok","secret":"bot-s3cr3t-sec","account":{"pubsub_token":"pub-s3cr3t"}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Set-Cookie", "_chatwoot_session=cookie-s3cr3t")
		fmt.Fprint(w, bot)
	}))
	defer srv.Close()
	var log bytes.Buffer
	c := newTestClient(t, srv.URL, func(cfg *Config) { cfg.Debug = &log })
	resp, err := c.Do(context.Background(), &Request{Family: FamilyApplication, Method: "POST", Path: "/api/v1/accounts/1/agent_bots?hmac_token=q-s3cr3t",
		Body: []byte(`{"name":"Bot","webhook_secret":"req-s3cr3t"}`)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(log.String(), "s3cr3t") {
		t.Fatalf("debug log leaks a secret:\n%s", log.String())
	}
	if !strings.Contains(log.String(), `"name":"Bot"`) {
		t.Fatalf("debug log lost the non-secret fields:\n%s", log.String())
	}
	if string(resp.Body) != bot {
		t.Fatalf("the data was redacted too: %s", resp.Body)
	}
}

func TestServerErrorMessageQuotingTheTokenIsRedacted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnprocessableEntity)
		fmt.Fprintf(w, `{"message":"token %s is not valid for webhook_secret: whk-s3cr3t"}`, r.Header.Get("api_access_token"))
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv.URL).Do(context.Background(), &Request{Family: FamilyApplication, Method: "GET", Path: "/x"})
	var apiErr *Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "user-secret-token") || strings.Contains(err.Error(), "whk-s3cr3t") || !strings.Contains(err.Error(), "is not valid") {
		t.Fatalf("error line %q", err)
	}
}
