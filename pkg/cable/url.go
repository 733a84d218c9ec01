package cable

import (
	"fmt"
	"net/url"
	"strings"
)

// CableURL derives the websocket endpoint from Chatwoot's base URL:
// http → ws, https → wss, path + "/cable" (a path prefix such as
// https://example.com/chatwoot is kept). A ws(s) URL that already ends in
// /cable is returned as is.
func CableURL(base string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(base))
	if err != nil {
		return "", fmt.Errorf("parse Chatwoot URL %q: %w", base, err)
	}
	if u.Host == "" {
		return "", fmt.Errorf("chatwoot URL %q has no host: expected e.g. https://chat.example.com", base)
	}
	switch u.Scheme {
	case "http":
		u.Scheme = "ws"
	case "https":
		u.Scheme = "wss"
	case "ws", "wss":
		if strings.HasSuffix(u.Path, "/cable") {
			u.Fragment = ""
			return u.String(), nil
		}
	default:
		return "", fmt.Errorf("chatwoot URL %q: scheme must be http or https", base)
	}
	u.Path = strings.TrimRight(u.Path, "/") + "/cable"
	u.RawPath, u.RawQuery, u.Fragment = "", "", ""
	return u.String(), nil
}

// originFor is the Origin a browser on the Chatwoot dashboard would send;
// Rails refuses websocket upgrades from other origins unless configured.
func originFor(wsURL string) string {
	u, err := url.Parse(wsURL)
	if err != nil || u.Host == "" {
		return ""
	}
	scheme := "http"
	if u.Scheme == "wss" || u.Scheme == "https" {
		scheme = "https"
	}
	return scheme + "://" + u.Host
}
