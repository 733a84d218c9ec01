package bulk

import (
	"slices"
	"sync"
)

// keyLocks serialises rows that touch the same identity (an email, an
// identifier): run side by side, both would miss each other's lookup and
// create the same contact twice.
type keyLocks struct {
	mu sync.Mutex
	m  map[string]*keyLock
}

type keyLock struct {
	sync.Mutex
	refs int
}

// lock takes every key (in sorted order, so two rows can never wait on
// each other crosswise) and returns the function that releases them.
func (k *keyLocks) lock(keys []string) func() {
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	held := make([]*keyLock, len(keys))
	k.mu.Lock()
	if k.m == nil {
		k.m = map[string]*keyLock{}
	}
	for i, key := range keys {
		l := k.m[key]
		if l == nil {
			l = &keyLock{}
			k.m[key] = l
		}
		l.refs++
		held[i] = l
	}
	k.mu.Unlock()
	for _, l := range held {
		l.Lock()
	}
	return func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i].Unlock()
		}
		k.mu.Lock()
		for i, l := range held {
			if l.refs--; l.refs == 0 {
				delete(k.m, keys[i])
			}
		}
		k.mu.Unlock()
	}
}
