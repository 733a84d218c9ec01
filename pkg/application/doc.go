// Package application describes every Chatwoot Application API operation
// woot covers, as declarative api.Operation values the command builder turns
// into cobra commands, and offers a few typed calls (API) that hand-written
// commands need.
//
// The table covers every operation of Chatwoot's published spec for the
// Application family, the routes the server answers beyond the spec that
// support staff and scripts need (InSpec false), and the unauthenticated
// server routes (ServerOperations). Functions build the slices on demand so
// that nothing runs at start-up.
package application
