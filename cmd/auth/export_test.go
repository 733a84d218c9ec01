package auth

// Internals the external tests of this package reach.
type StatusRow = statusRow
