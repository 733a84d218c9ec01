// Package client describes Chatwoot's Client API (the public API under
// /public/api/v1) for woot: one declarative api.Operation per command of
// `woot client …`, the identifier_hash used for identity validation, and a
// small typed API for the calls other code needs to read the answer of.
//
// Client API calls carry no token. They act as one contact of one API
// inbox: the inbox identifier and the contact identifier (the contact's
// source_id) are part of every path, and come from configuration rather
// than positional arguments.
package client
