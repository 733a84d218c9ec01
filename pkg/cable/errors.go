package cable

import (
	"fmt"
)

// AuthError means Chatwoot did not accept the subscription: it rejected it,
// or (as it does for an unknown pubsub token) never confirmed it.
type AuthError struct {
	Rejected bool   // reject_subscription received; false: no confirmation
	Reason   string // what happened, for the message
}

func (e *AuthError) Error() string {
	if e.Rejected {
		return fmt.Sprintf("subscription rejected: %s; check the pubsub token (agents: `woot profile get`, contacts: the client API's contact)", e.Reason)
	}
	return fmt.Sprintf("no confirmation: the pubsub token, user id or account id is wrong (%s)", e.Reason)
}

// HandshakeError means the server answered the websocket upgrade with an
// HTTP status instead of switching protocols.
type HandshakeError struct {
	URL    string
	Status int
	Err    error
}

func (e *HandshakeError) Error() string {
	hint := "check the URL points at Chatwoot's /cable endpoint"
	if e.Status == 403 || e.Status == 404 {
		hint += " and that the server allows the Origin sent (Rails answers 404 to a disallowed origin)"
	}
	return fmt.Sprintf("websocket handshake with %s refused with HTTP %d: %s", e.URL, e.Status, hint)
}

func (e *HandshakeError) Unwrap() error { return e.Err }

// RedirectError means the websocket upgrade was answered with a redirect.
// Chatwoot's /cable never redirects, and a followed redirect would open the
// socket elsewhere and send the pubsub token there in the subscribe frame,
// so the redirect is refused and Listen stops.
type RedirectError struct {
	URL    string // the endpoint dialled
	Status int
	To     string // the Location
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("websocket handshake with %s was redirected to %s (HTTP %d); woot does not follow it: check CHATWOOT_URL", e.URL, e.To, e.Status)
}

// DisconnectError means the server closed the connection and asked the
// client not to come back ({"type":"disconnect","reconnect":false}).
type DisconnectError struct {
	Reason string
}

func (e *DisconnectError) Error() string {
	return fmt.Sprintf("server closed the connection and asked not to reconnect (reason %q)", e.Reason)
}

// staleError: no frame, not even a ping, for longer than StaleAfter.
type staleError struct{ after string }

func (e *staleError) Error() string {
	return "no frame from the server for " + e.after + " (dead link)"
}

// handlerError carries the event handler's own error out of Listen untouched.
type handlerError struct{ err error }

func (e *handlerError) Error() string { return e.err.Error() }
func (e *handlerError) Unwrap() error { return e.err }
