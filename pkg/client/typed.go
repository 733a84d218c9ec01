package client

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// API calls the Client API as one contact of one API inbox. Commands use
// it where they need the answer itself, not only to print it (saving a new
// contact's identity to the profile).
type API struct {
	C                 *api.Client
	InboxIdentifier   string // the API inbox's identifier
	ContactIdentifier string // the contact's source_id, for contact-scoped calls
}

// ContactInput is the body of a public contact create or update; empty
// fields are left out.
type ContactInput struct {
	Name             string         `json:"name,omitempty"`
	Email            string         `json:"email,omitempty"`
	PhoneNumber      string         `json:"phone_number,omitempty"`
	Identifier       string         `json:"identifier,omitempty"`
	IdentifierHash   string         `json:"identifier_hash,omitempty"`
	CustomAttributes map[string]any `json:"custom_attributes,omitempty"`
}

// Sign sets IdentifierHash from the inbox's HMAC token, for inboxes that
// enforce identity validation. It does nothing without an identifier or a
// token, so callers may call it unconditionally.
func (in *ContactInput) Sign(hmacToken string) {
	if in.Identifier == "" || hmacToken == "" {
		return
	}
	in.IdentifierHash = IdentifierHash(hmacToken, in.Identifier)
}

// Contact is what the Client API answers for a contact it created or
// shows: SourceID is the contact identifier of later calls, PubsubToken
// the contact's identity on the websocket.
type Contact struct {
	ID          int64  `json:"id"`
	SourceID    string `json:"source_id"`
	PubsubToken string `json:"pubsub_token"`
	Name        string `json:"name"`
	Email       string `json:"email"`
}

// DecodeContact reads a contact answer (create or show) and checks that it
// carries the source_id every later call needs.
func DecodeContact(body []byte) (*Contact, error) {
	var c Contact
	if err := json.Unmarshal(body, &c); err != nil {
		return nil, fmt.Errorf("decode contact: %w", err)
	}
	if c.SourceID == "" {
		return nil, fmt.Errorf("decode contact: the answer has no source_id, the contact identifier later calls need")
	}
	return &c, nil
}

// CreateContact creates a contact in the inbox and returns it, decoded and
// raw (the raw JSON keeps every field the server sent).
func (a *API) CreateContact(ctx context.Context, in ContactInput) (*Contact, json.RawMessage, error) {
	inbox, err := checkIdentifier("inbox", "CHATWOOT_INBOX_IDENTIFIER", a.InboxIdentifier)
	if err != nil {
		return nil, nil, err
	}
	body, err := json.Marshal(in)
	if err != nil {
		return nil, nil, fmt.Errorf("create client contact: encode body: %w", err)
	}
	resp, err := a.C.Do(ctx, &api.Request{
		Family: api.FamilyClient,
		Method: "POST",
		Path:   strings.Replace(inboxPath, "{inbox_identifier}", inbox, 1) + "/contacts",
		Body:   body,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("create client contact: %w", err)
	}
	c, err := DecodeContact(resp.Body)
	if err != nil {
		return nil, resp.Body, fmt.Errorf("create client contact: %w", err)
	}
	return c, resp.Body, nil
}

// checkIdentifier refuses identifiers that are missing or would change
// the shape of the path they are put into.
func checkIdentifier(what, env, id string) (string, error) {
	if id == "" {
		return "", &api.CredentialError{
			What: "no " + what + " identifier configured",
			Fix:  fmt.Sprintf("set %s or pass --%s-identifier", env, what),
		}
	}
	if strings.ContainsAny(id, "/?#") {
		return "", fmt.Errorf("%s identifier %q contains '/', '?' or '#': check that it was copied whole", what, id)
	}
	return id, nil
}
