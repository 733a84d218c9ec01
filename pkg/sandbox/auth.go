package sandbox

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Chatwoot's 401 bodies (FACTS §4, §7).
const (
	errInvalidToken    = "Invalid Access Token"
	errBotNotAllowed   = "Access to this endpoint is not authorized for bots"
	errPlatformToken   = "Invalid access_token"
	errNonPermissible  = "Non permissible resource"
	errNotAuthorized   = "You are not authorized to do this action"
	errAccountAccess   = "You are not authorized to access this account"
	errHMACFailed      = "HMAC failed: Invalid Identifier Hash Provided"
	errSearchNeedsTerm = "Specify search string with parameter q"
)

// accessToken reads the token from any header Chatwoot accepts:
// api_access_token, api-access-token (both reach Rails as
// HTTP_API_ACCESS_TOKEN) or, from v4.19, Authorization: Bearer.
func accessToken(r *http.Request) string {
	if v := r.Header.Get("api_access_token"); v != "" {
		return v
	}
	if v := r.Header["api_access_token"]; len(v) > 0 && v[0] != "" {
		return v[0]
	}
	if v := r.Header.Get("Api-Access-Token"); v != "" {
		return v
	}
	if v, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(v)
	}
	return ""
}

// authenticate resolves the caller for the route's family and answers the
// failure itself; false means the handler must not run.
func (c *ctx) authenticate() bool {
	switch c.route.auth {
	case authPublic:
		return true
	case authPlatform:
		return c.authPlatform()
	}
	owner, ok := c.st.Owner(accessToken(c.r))
	switch {
	case ok && owner.Kind == store.TokenUser:
		c.user = c.st.User(owner.ID)
		if c.user == nil {
			c.unauthorized(errInvalidToken)
			return false
		}
	case ok && owner.Kind == store.TokenBot:
		if c.route.auth != authUserBot {
			c.unauthorized(errBotNotAllowed)
			return false
		}
		c.bot = store.FindID(c.st.AgentBots, owner.ID)
	default:
		c.unauthorized(errInvalidToken)
		return false
	}
	if c.route.auth == authProfile {
		return true
	}
	return c.authAccount()
}

// authAccount loads the path's account and checks the caller belongs to it.
func (c *ctx) authAccount() bool {
	id, err := strconv.ParseInt(c.r.PathValue("account_id"), 10, 64)
	if err != nil {
		c.notFound()
		return false
	}
	c.acct = c.st.Account(id)
	if c.acct == nil {
		c.notFound()
		return false
	}
	if c.bot != nil {
		if !c.botInAccount() {
			c.unauthorized(errAccountAccess)
			return false
		}
		return true
	}
	c.au = c.st.AccountUser(id, c.user.ID)
	if c.au == nil {
		c.unauthorized(errAccountAccess)
		return false
	}
	if c.route.admin && !c.isAdmin() {
		c.unauthorized(errNotAuthorized)
		return false
	}
	return true
}

// botInAccount: a bot reaches an account it belongs to or whose inbox it
// is connected to.
func (c *ctx) botInAccount() bool {
	if c.bot.AccountID == c.acct.ID {
		return true
	}
	for _, in := range c.st.Inboxes {
		if in.AccountID == c.acct.ID && in.AgentBotID == c.bot.ID {
			return true
		}
	}
	return false
}

func (c *ctx) authPlatform() bool {
	owner, ok := c.st.Owner(accessToken(c.r))
	if !ok || owner.Kind != store.TokenPlatform {
		c.unauthorized(errPlatformToken)
		return false
	}
	c.app = store.FindID(c.st.PlatformApps, owner.ID)
	return true
}

// permitted says whether the platform app created the object; when not, it
// answers 401 Non permissible resource.
func (c *ctx) permitted(kind string, id int64) bool {
	for _, p := range c.st.Permissibles {
		if p.AppID == c.app.ID && p.Type == kind && p.ID == id {
			return true
		}
	}
	c.unauthorized(errNonPermissible)
	return false
}

func (c *ctx) grant(kind string, id int64) {
	c.st.Permissibles = append(c.st.Permissibles, store.Permissible{AppID: c.app.ID, Type: kind, ID: id})
}
