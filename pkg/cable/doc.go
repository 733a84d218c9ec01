// Package cable speaks Rails ActionCable's JSON protocol as Chatwoot uses
// it: a client that subscribes to RoomChannel and streams events (for
// `woot listen`), and a small server with the same wire behaviour (for the
// sandbox and for tests).
//
// The protocol, sub-protocol "actioncable-v1-json", is JSON text frames:
//
//	server → {"type":"welcome"}, then {"type":"ping","message":<unix>} every 3 s
//	client → {"command":"subscribe","identifier":"<identifier JSON as a string>"}
//	server → {"identifier":"…","type":"confirm_subscription"} or reject_subscription
//	server → {"identifier":"…","message":{"event":"message.created","data":{…}}}
//	server → {"type":"disconnect","reason":"server_restart","reconnect":true}
//
// Chatwoot authorises in RoomChannel#subscribed: an unknown pubsub token
// raises there, so the client gets neither confirmation nor rejection. The
// client therefore treats silence after subscribing as an auth failure.
//
// Events are delivered in the order their frames arrive. ActionCable runs
// broadcasts through thread pools, so a Rails server may itself send
// broadcasts published back to back out of order; Chatwoot's own jobs
// re-read conversations for that reason.
package cable
