package sandbox

import (
	"sync"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// listCache keeps sorted and filtered contact lists between requests, so
// paging through a large address book does not re-sort it for every page.
// Readers fill it under the state's read lock; every write request empties
// it under the write lock, so an entry never outlives the data it shows.
type listCache struct {
	mu       sync.Mutex
	contacts map[string][]*store.Contact
}

func (lc *listCache) reset() {
	lc.mu.Lock()
	lc.contacts = nil
	lc.mu.Unlock()
}

func (lc *listCache) contactList(key string, build func() []*store.Contact) []*store.Contact {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	if rows, ok := lc.contacts[key]; ok {
		return rows
	}
	rows := build()
	if lc.contacts == nil {
		lc.contacts = map[string][]*store.Contact{}
	}
	lc.contacts[key] = rows
	return rows
}

// pageOf returns the rows of a 1-based page.
func pageOf[T any](rows []T, page, size int) []T {
	start := (page - 1) * size
	if start >= len(rows) || start < 0 {
		return rows[:0:0]
	}
	return rows[start:min(start+size, len(rows))]
}
