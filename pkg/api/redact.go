package api

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/wootcli/woot/pkg/lazyregexp"
)

// redacted replaces a secret's value in logs and error messages.
const redacted = "[redacted]"

// SecretField reports whether a field, parameter or header of this name
// holds a credential: access_token, pubsub_token, secret, hmac_token,
// webhook_secret, any *_token or *_secret, passwords, the token headers
// and cookies. A Rails form name such as agent_bot[access_token] is judged
// by its last part.
func SecretField(name string) bool {
	k := strings.ToLower(name)
	if i := strings.LastIndexByte(k, '['); i >= 0 {
		k = strings.TrimSuffix(k[i+1:], "]")
	}
	k = strings.ReplaceAll(k, "-", "_")
	switch k {
	case "secret", "token", "authorization", "cookie", "set_cookie":
		return true
	}
	return strings.HasSuffix(k, "_token") || strings.HasSuffix(k, "_secret") || strings.Contains(k, "password")
}

// The patterns are compiled on first use: most runs never log.
var redactPatterns = []*lazyregexp.Regexp{
	// "key": "value" or "key": 123, in JSON anywhere in the text
	{Expr: `"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)+"|-?[0-9][0-9.eE+-]*)`},
	// \"key\":\"value\", JSON inside a JSON string
	{Expr: `\\"((?:[^"\\]|\\\\.)*)\\"(\s*:\s*)(\\"(?:[^"\\]|\\\\.)+\\")`},
	// key=value in a query string or a form body
	{Expr: `(?:^|[?&;\s])([A-Za-z0-9_.%\[\]-]+)(=)([^&\s"#;]+)`},
	// a header-like "name: value" line, as in a server's error text
	{Expr: `(?i)\b(authorization|api[_-]access[_-]token|[a-z_]*_token|[a-z_]*_secret)(\s*:\s*)((?:bearer\s+)?[^\s",;]+)`},
	// a multipart form field: name="key", its headers, a blank line, the value
	{Expr: `name="([^"]+)"()\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]+)`},
}

// RedactText masks the value of every secret field in s, in whichever of
// the shapes above it appears; other text is left as it is. It does not
// know the configured tokens' values: Client.redact adds those.
func RedactText(s string) string {
	for _, re := range redactPatterns {
		s = replaceSecretValues(re.Compiled(), s, SecretField)
	}
	return s
}

// MaskField masks the values of one field wherever it appears in a JSON
// document, keeping everything else byte for byte; commands use it for a
// secret that is shown only on request (`profile get`'s pubsub_token).
func MaskField(doc []byte, field string) []byte {
	return []byte(replaceSecretValues(redactPatterns[0].Compiled(), string(doc), func(k string) bool { return k == field }))
}

// replaceSecretValues rewrites each match of re (groups: key, separator,
// value) whose key is secret.
func replaceSecretValues(re *regexp.Regexp, s string, secret func(string) bool) string {
	matches := re.FindAllStringSubmatchIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		key, val := s[m[2]:m[3]], s[m[6]:m[7]]
		if !secret(decodeKey(key)) || val == redacted || val == `"`+redacted+`"` {
			continue
		}
		b.WriteString(s[last:m[6]])
		b.WriteString(maskLike(val))
		last = m[7]
	}
	b.WriteString(s[last:])
	return b.String()
}

// decodeKey undoes the escaping a query or form key may carry (%5B for [).
func decodeKey(k string) string {
	if d, err := url.QueryUnescape(k); err == nil {
		return d
	}
	return k
}

// maskLike keeps the value's quoting so that redacted JSON stays JSON
// (a number becomes a string: the value is gone either way).
func maskLike(val string) string {
	switch {
	case val[0] == '-' || val[0] >= '0' && val[0] <= '9':
		if strings.Trim(val, "0123456789.eE+-") == "" {
			return `"` + redacted + `"`
		}
	case strings.HasPrefix(val, `\"`):
		return `\"` + redacted + `\"`
	case strings.HasPrefix(val, `"`):
		return `"` + redacted + `"`
	case len(val) > 7 && strings.EqualFold(val[:7], "bearer "):
		return val[:7] + redacted
	}
	return redacted
}
