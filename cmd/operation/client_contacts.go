package operation

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
)

// contactCreateHook gives `woot client contacts create` the two things a
// generated command cannot do: sign the identifier for inboxes that
// enforce identity validation, and keep the new contact's identity in the
// profile so later Client API commands and `woot listen --as contact` need
// no identifiers.
type contactCreateHook struct {
	// hmacToken is the --hmac-token flag; it takes precedence over the
	// resolved setting (CHATWOOT_HMAC_TOKEN, then the profile) below.
	hmacToken string
	save      bool
}

func newClientContactsCreateHook(_ *cmdutil.Factory, c *cobra.Command) opHook {
	h := &contactCreateHook{}
	fs := c.Flags()
	fs.StringVar(&h.hmacToken, "hmac-token", "", "Inbox HMAC token: sign --identifier with it when --identifier-hash is not given (env CHATWOOT_HMAC_TOKEN)")
	fs.BoolVar(&h.save, "save", false, "Store the inbox identifier, the new contact's identifier and its pubsub token in the current profile (with --sandbox: the sandbox's own profile)")
	return opHook{before: h.sign, after: h.saveIdentity}
}

// sign adds identifier_hash to a body that has an identifier but no hash,
// when an HMAC token is known. An explicit hash is left alone: the user
// may be reproducing what their own backend sends.
func (h *contactCreateHook) sign(_ context.Context, o *opOptions, req *api.Request) error {
	token := h.hmacToken
	if token == "" {
		s, err := o.f.Settings()
		if err != nil {
			return err
		}
		token = s.HMACToken.Value
	}
	if token == "" || len(req.Body) == 0 {
		return nil
	}
	body, err := signContactBody(req.Body, token)
	if err != nil {
		return err
	}
	req.Body = body
	return nil
}

// signContactBody returns body with identifier_hash set, or body itself
// when there is nothing to sign or a hash is already there.
func signContactBody(body []byte, token string) ([]byte, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil, cmdutil.FlagErrorf("sign the identifier: the request body is not a JSON object: %v", err)
	}
	if present(fields["identifier_hash"]) {
		return body, nil
	}
	id, ok := identifierText(fields["identifier"])
	if !ok {
		return body, nil
	}
	hash, err := json.Marshal(client.IdentifierHash(token, id))
	if err != nil {
		return nil, err
	}
	fields["identifier_hash"] = hash
	signed, err := json.Marshal(fields)
	if err != nil {
		return nil, fmt.Errorf("sign the identifier: encode body: %w", err)
	}
	return signed, nil
}

// present reports whether a JSON value is there and not null or "".
func present(raw json.RawMessage) bool {
	s := string(raw)
	return s != "" && s != "null" && s != `""`
}

// identifierText is the identifier as the server hashes it (it calls
// to_s on the parameter): a string as it is, an integer (from --input)
// in decimal. Anything else is not signed.
func identifierText(raw json.RawMessage) (string, bool) {
	if !present(raw) {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	if isInteger(string(raw)) {
		return string(raw), true
	}
	return "", false
}

func isInteger(s string) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// saveIdentity stores what later Client API commands need in the current
// profile, creating it when absent.
func (h *contactCreateHook) saveIdentity(_ context.Context, o *opOptions, body json.RawMessage) error {
	if !h.save {
		return nil
	}
	contact, err := client.DecodeContact(body)
	if err != nil {
		return fmt.Errorf("--save: %w; the contact was created, but nothing was saved", err)
	}
	s, err := o.f.Settings()
	if err != nil {
		return err
	}
	cfg, err := o.f.Config()
	if err != nil {
		return err
	}
	p := cfg.Profiles[s.Profile]
	if p == nil {
		p = &config.Profile{}
		cfg.Profiles[s.Profile] = p
	}
	p.InboxIdentifier = s.InboxIdentifier.Value
	p.ContactIdentifier = contact.SourceID
	p.PubsubToken = contact.PubsubToken
	savedURL := p.URL == "" && s.URL.Value != "" && s.URL.Source != config.FromSandbox
	if savedURL {
		p.URL = s.URL.Value
	}
	if err := cfg.Save(); err != nil {
		return fmt.Errorf("--save: the contact was created (source_id %s) but the profile was not written: %w", contact.SourceID, err)
	}
	reportSaved(o.f, s, cfg.Path(), p, savedURL)
	return nil
}

// reportSaved says on stderr what --save stored. The pubsub token is a
// credential for the contact's websocket stream: only its presence is told.
func reportSaved(f *cmdutil.Factory, s config.Settings, path string, p *config.Profile, savedURL bool) {
	w := f.IOStreams.ErrOut
	fmt.Fprintf(w, "✓ Saved to profile %q (%s):\n", s.Profile, path)
	fmt.Fprintf(w, "  inbox_identifier    %s\n", p.InboxIdentifier)
	fmt.Fprintf(w, "  contact_identifier  %s\n", p.ContactIdentifier)
	if p.PubsubToken != "" {
		fmt.Fprintln(w, "  pubsub_token        saved (not shown)")
	} else {
		fmt.Fprintln(w, "  pubsub_token        none in the answer: `woot listen --as contact` cannot subscribe")
	}
	if savedURL {
		fmt.Fprintf(w, "  url                 %s\n", p.URL)
	}
	if s.ContactIdentifier.Source == config.FromEnv {
		fmt.Fprintf(w, "note: %s is set and still wins over the saved contact identifier; unset it to use the new contact\n", s.ContactIdentifier.Origin)
	}
}
