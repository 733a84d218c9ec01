// Package platform describes Chatwoot's Platform API (/platform/api/v1) for
// woot: one declarative api.Operation per command of `woot platform …`.
//
// The Platform API is how a self-hosted installation is provisioned from
// outside: accounts, users, their memberships and agent bots. It is
// authenticated with a platform app's token, and a platform app sees only
// the objects it created itself (or was granted by an administrator).
package platform
