package store

import (
	"fmt"
	"math/rand/v2"
)

// source draws the random parts of tokens and UUIDs. The seed uses a
// fixed-seed generator so demo data repeats; requests use the runtime's.
type source interface{ Uint64() uint64 }

type runtimeSource struct{}

func (runtimeSource) Uint64() uint64 { return rand.Uint64() }

const tokenAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// token returns n characters of [a-zA-Z0-9], like Rails' secure tokens.
func token(r source, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = tokenAlphabet[r.Uint64()%uint64(len(tokenAlphabet))]
	}
	return string(b)
}

// uuid returns a version-4 UUID.
func uuid(r source) string {
	hi, lo := r.Uint64(), r.Uint64()
	hi = hi&^(0xf<<12) | 0x4<<12
	lo = lo&^(0x3<<62) | 0x2<<62
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, (hi>>16)&0xffff, hi&0xffff, lo>>48, lo&0xffffffffffff)
}

// Reseed makes the tokens and UUIDs drawn from now on follow seed, so a
// journaled change replays to the very same rows.
func (st *State) Reseed(seed uint64) { st.rnd = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }

func (st *State) random() source {
	if st.rnd == nil {
		return runtimeSource{}
	}
	return st.rnd
}

// NewToken draws n characters of [a-zA-Z0-9] for a new row.
func (st *State) NewToken(n int) string { return token(st.random(), n) }

// NewUUID draws a version-4 UUID for a new row.
func (st *State) NewUUID() string { return uuid(st.random()) }
