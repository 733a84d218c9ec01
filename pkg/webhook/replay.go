package webhook

import (
	"container/list"
	"strings"
	"sync"
	"time"
)

// ReplayCache remembers the (timestamp, signature) pairs a receiver has
// accepted. The delivery id header is not signed, so a captured delivery
// replayed with a new id, or none, would otherwise pass again while its
// timestamp is within tolerance; the pair is what the sender signed.
//
// An entry is needed only while its timestamp can still pass the age
// check, so it expires at timestamp + tolerance. The cache holds at most
// its capacity: past it the oldest entry goes first (with no age check,
// tolerance 0, that is the only bound).
type ReplayCache struct {
	mu        sync.Mutex
	capacity  int
	tolerance time.Duration
	order     *list.List // of *replayEntry, oldest first
	entries   map[string]*list.Element
}

type replayEntry struct {
	key     string
	expires time.Time // zero: never
}

// NewReplayCache returns a cache of at most capacity pairs for deliveries
// checked with tolerance.
func NewReplayCache(capacity int, tolerance time.Duration) *ReplayCache {
	return &ReplayCache{capacity: max(capacity, 1), tolerance: tolerance, order: list.New(), entries: map[string]*list.Element{}}
}

// Replayed records the pair and reports whether it was already recorded
// and not yet expired. Call it only for deliveries whose signature
// verified: an unsigned sender must not be able to fill the cache.
func (c *ReplayCache) Replayed(signature, timestamp string, signedAt int64, now time.Time) bool {
	key := replayKey(signature, timestamp)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.dropExpired(now)
	if el, ok := c.entries[key]; ok {
		if e := el.Value.(*replayEntry); e.expires.IsZero() || now.Before(e.expires) {
			return true
		}
		c.remove(el)
	}
	for len(c.entries) >= c.capacity {
		c.remove(c.order.Front())
	}
	e := &replayEntry{key: key}
	if c.tolerance > 0 {
		e.expires = time.Unix(signedAt, 0).Add(c.tolerance + time.Second) // the age check allows tolerance itself
	}
	c.entries[key] = c.order.PushBack(e)
	return false
}

// Len is the number of pairs held.
func (c *ReplayCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// dropExpired removes expired entries from the front. Entries arrive
// roughly in timestamp order, so this frees nearly all of them; one out of
// order waits for its turn or for the capacity bound.
func (c *ReplayCache) dropExpired(now time.Time) {
	for el := c.order.Front(); el != nil; el = c.order.Front() {
		e := el.Value.(*replayEntry)
		if e.expires.IsZero() || now.Before(e.expires) {
			return
		}
		c.remove(el)
	}
}

func (c *ReplayCache) remove(el *list.Element) {
	delete(c.entries, el.Value.(*replayEntry).key)
	c.order.Remove(el)
}

// replayKey names a pair; hex case does not make a new signature.
func replayKey(signature, timestamp string) string {
	return strings.TrimSpace(timestamp) + "." + strings.ToLower(strings.TrimSpace(signature))
}

// CodeReplayed marks a delivery whose signed pair was accepted before.
const CodeReplayed Code = "replayed"

// ReplayError is the rejection of a delivery ReplayCache has seen.
func ReplayError() *SignatureError {
	return &SignatureError{
		Code:   CodeReplayed,
		Reason: "replayed delivery: this timestamp and signature were accepted before",
		Hint:   "a captured delivery sent again (Chatwoot signs each retry anew, so it is no retry); the X-Chatwoot-Delivery id is not signed and does not count",
	}
}
