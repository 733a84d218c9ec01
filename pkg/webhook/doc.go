// Package webhook signs, verifies, parses and delivers Chatwoot webhooks.
//
// Chatwoot (v4.11.2 and later) signs each webhook it sends when the webhook
// has a secret:
//
//	X-Chatwoot-Timestamp: <unix seconds>
//	X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//
// The secret is the webhook's own `secret` (returned when the webhook is
// created), not the API access token and not an inbox's HMAC token. The
// signature covers the raw bytes of the body, so a receiver must verify
// before decoding and never on re-serialised JSON.
package webhook
