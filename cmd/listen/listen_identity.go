package listen

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
)

// listenIdentity is who listen subscribes as.
type listenIdentity struct {
	id       cable.Identifier
	agent    bool
	describe string           // for the state line, never the token
	app      *application.API // agent mode: for --backfill
	baseURL  string           // the configured Chatwoot URL, "" when unknown
}

func (o *listenOptions) identity(ctx context.Context) (*listenIdentity, error) {
	if o.f.SandboxRequested() && o.cableURL != "" {
		return nil, cmdutil.FlagErrorf("--cable-url points listen at a server, but --sandbox (or CHATWOOT_URL=sandbox) listens to the embedded sandbox's own cable: drop one of them")
	}
	s, err := o.f.Settings()
	if err != nil {
		return nil, err
	}
	if o.as == "contact" {
		return o.contactIdentity(s)
	}
	return o.agentIdentity(ctx, s)
}

// contactIdentity needs only the contact inbox's pubsub token: no user
// token is read, so a chat front end's own credentials suffice.
func (o *listenOptions) contactIdentity(s config.Settings) (*listenIdentity, error) {
	token := o.pubsubToken
	if token == "" {
		token = s.PubsubToken.Value
	}
	if strings.TrimSpace(token) == "" {
		return nil, cmdutil.FlagErrorf("contact mode needs a pubsub token: pass --pubsub-token (returned by `woot client contacts create`), or save one in the profile with `woot client contacts create --save`")
	}
	return &listenIdentity{
		id:       cable.Identifier{PubsubToken: token},
		describe: "contact",
		baseURL:  s.URL.Value,
	}, nil
}

// agentIdentity reads the user's pubsub token and id from the profile and
// picks the account: the configured one, or the user's only account.
func (o *listenOptions) agentIdentity(ctx context.Context, s config.Settings) (*listenIdentity, error) {
	client, err := o.f.APIClient()
	if err != nil {
		return nil, err
	}
	app := &application.API{C: client}
	p, _, err := app.Profile(ctx)
	if err != nil {
		return nil, err
	}
	if p.PubsubToken == "" || p.ID == 0 {
		return nil, &api.CredentialError{
			What: "the profile has no pubsub_token or user id, so it cannot subscribe as an agent",
			Fix:  "use a user's access token (an agent-bot token has no websocket), or subscribe as a contact with --pubsub-token",
		}
	}
	account, err := pickAccount(s, p)
	if err != nil {
		return nil, err
	}
	app.AccountID = account
	name := p.Name
	if name == "" {
		name = p.Email
	}
	return &listenIdentity{
		id:       cable.Identifier{PubsubToken: p.PubsubToken, AccountID: account, UserID: p.ID},
		agent:    true,
		describe: fmt.Sprintf("agent %s (user %d) in account %d", name, p.ID, account),
		app:      app,
		baseURL:  s.URL.Value,
	}, nil
}

func pickAccount(s config.Settings, p *application.Profile) (int64, error) {
	id, err := s.Account()
	if err != nil {
		return 0, &cmdutil.FlagError{Err: err}
	}
	var ids []string
	member := false
	for _, a := range p.Accounts {
		ids = append(ids, fmt.Sprint(a.ID))
		member = member || a.ID == id
	}
	switch {
	case id == 0 && len(p.Accounts) == 1:
		return p.Accounts[0].ID, nil
	case id == 0:
		return 0, &api.CredentialError{
			What: "no account id configured",
			Fix:  fmt.Sprintf("pass --account or set CHATWOOT_ACCOUNT_ID to one of the user's accounts (%s)", strings.Join(ids, ", ")),
		}
	case len(p.Accounts) > 0 && !member:
		return 0, &api.CredentialError{
			What: fmt.Sprintf("user %d is not a member of account %d, so Chatwoot would not confirm the subscription", p.ID, id),
			Fix:  fmt.Sprintf("use one of the user's accounts (%s) with --account", strings.Join(ids, ", ")),
		}
	}
	return id, nil
}

// dialer builds the websocket client: the endpoint from --cable-url or the
// base URL, and the base URL's origin, which Rails checks on the upgrade.
// In sandbox mode it reaches the embedded sandbox's cable in memory, with
// the writes of other `woot --sandbox` processes relayed onto it; stop ends
// that.
func (o *listenOptions) dialer(who *listenIdentity) (d *cable.Dialer, stop func(), err error) {
	d, err = o.networkDialer(who)
	if err != nil || !o.f.SandboxRequested() {
		return d, func() {}, err
	}
	client, stop, err := o.f.SandboxCable()
	if err != nil {
		return nil, nil, err
	}
	d.HTTPClient = client
	return d, stop, nil
}

func (o *listenOptions) networkDialer(who *listenIdentity) (*cable.Dialer, error) {
	raw := o.cableURL
	if raw == "" {
		raw = who.baseURL
	}
	if raw == "" {
		return nil, &api.CredentialError{What: "no Chatwoot URL configured", Fix: "set CHATWOOT_URL, pass --url or --cable-url, or run `woot auth login`"}
	}
	wsURL, err := cable.CableURL(raw)
	if err != nil {
		return nil, cmdutil.FlagErrorf("%v", err)
	}
	s, err := o.f.Settings()
	if err != nil {
		return nil, err
	}
	return &cable.Dialer{
		URL:            wsURL,
		Origin:         originOf(who.baseURL),
		HTTPClient:     o.f.HTTPClientFor(s.Insecure || o.f.Global.Insecure),
		StaleAfter:     o.staleAfter,
		ConfirmTimeout: o.confirmTimeout,
	}, nil
}

// originOf is the scheme and host of the Chatwoot URL, as the dashboard's
// browser would send it; "" lets the dialer derive it from the endpoint.
func originOf(base string) string {
	u, err := url.Parse(base)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
