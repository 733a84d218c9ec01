// Package lazyregexp holds regular expressions that compile the first time
// they are used.
//
// Every woot command pays for the package-level variables of every package
// linked into the binary. A pattern compiled in a package-level var, or even
// a sync.OnceValue closure built there, is work done at start-up by
// `woot --version` as much as by the one command that matches the pattern.
// A Regexp is declared as a composite literal,
//
//	var accountPath = &lazyregexp.Regexp{Expr: `/accounts/(\d+)`}
//
// which the compiler lays out in the binary's data: start-up runs no code and
// allocates nothing for it.
package lazyregexp

import (
	"regexp"
	"sync"
)

// Regexp is Expr, compiled on first use. Expr must be a valid pattern: like
// regexp.MustCompile, a bad one panics (on first use, so a test that uses
// each pattern once catches it).
type Regexp struct {
	Expr string

	once sync.Once
	re   *regexp.Regexp
}

// Compiled returns the compiled pattern. It is safe for concurrent use.
func (r *Regexp) Compiled() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.Expr) })
	return r.re
}

// MatchString reports whether s contains a match of the pattern.
func (r *Regexp) MatchString(s string) bool { return r.Compiled().MatchString(s) }

// FindStringSubmatch returns the leftmost match in s and its submatches, or nil.
func (r *Regexp) FindStringSubmatch(s string) []string {
	return r.Compiled().FindStringSubmatch(s)
}
