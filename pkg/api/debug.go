package api

import (
	"bytes"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// maxLoggedBody keeps --debug readable when a page is large.
const maxLoggedBody = 4096

func (c *Client) debugf(format string, args ...any) {
	if c.cfg.Debug == nil {
		return
	}
	line := c.redact(fmt.Sprintf(format, args...))
	c.debugMu.Lock()
	defer c.debugMu.Unlock()
	fmt.Fprint(c.cfg.Debug, line)
}

func (c *Client) logRequest(r *http.Request, body []byte) {
	if c.cfg.Debug == nil {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "> %s %s\n", r.Method, RedactText(r.URL.String()))
	writeHeaders(&b, "> ", r.Header)
	writeBody(&b, "> ", body)
	c.debugf("%s", b.String())
}

func (c *Client) logResponse(r *http.Response, body []byte, took time.Duration) {
	if c.cfg.Debug == nil {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "< %s (%s)\n", r.Status, took.Round(time.Millisecond))
	writeHeaders(&b, "< ", r.Header)
	writeBody(&b, "< ", body)
	c.debugf("%s", b.String())
}

func writeHeaders(b *strings.Builder, prefix string, h http.Header) {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.Join(h[k], ", ")
		if SecretField(k) {
			v = redacted
		}
		fmt.Fprintf(b, "%s%s: %s\n", prefix, k, v)
	}
}

func writeBody(b *strings.Builder, prefix string, body []byte) {
	if len(body) == 0 {
		return
	}
	// Redact before cutting, so that no secret is cut in half and missed.
	s := RedactText(string(body))
	if len(s) > maxLoggedBody {
		s = s[:maxLoggedBody] + fmt.Sprintf("… (%d bytes)", len(body))
	}
	fmt.Fprintf(b, "%s\n%s\n", prefix, s)
}

// redact masks secret fields (RedactText) and every configured token,
// wherever it appears: headers are masked by name, this catches the
// values echoed in bodies, URLs and server messages.
func (c *Client) redact(s string) string {
	s = RedactText(s)
	for _, secret := range c.secrets {
		if len(secret) >= 4 {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

// redactBody masks the configured tokens where a response echoes them as
// JSON strings: Chatwoot's GET /api/v1/profile returns the caller's own
// access_token, and woot never prints a token it was given. Other secrets
// a response creates (a new bot token, a webhook secret) are left alone.
func (c *Client) redactBody(body []byte) []byte {
	for _, secret := range c.secrets {
		quoted := []byte(`"` + secret + `"`)
		if bytes.Contains(body, quoted) {
			body = bytes.ReplaceAll(body, quoted, []byte(`"[redacted]"`))
		}
	}
	return body
}
