// Package store holds the sandbox's state: the rows a Chatwoot server
// keeps (accounts, users, contacts, conversations, messages, free-form
// records…), the ids and tokens it hands out, the indexes derived from the
// rows, the demo seed and the state file. It knows nothing of HTTP: the
// handlers in package sandbox read and change a *State under their lock and
// the views render it.
//
// Row fields are exported for encoding/json; their json names belong to the
// state file, not to the API (the views own the wire shapes).
package store
