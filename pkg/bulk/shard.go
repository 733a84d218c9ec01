package bulk

import (
	"fmt"
	"strconv"
	"strings"
)

// Shard is one part of a deterministic K-of-N split of an export, so N
// processes (or machines) can each fetch a share: `--shard 2/4`. The zero
// Shard owns everything.
type Shard struct {
	K, N int
}

// ParseShard reads "K/N" with 1 <= K <= N.
func ParseShard(s string) (Shard, error) {
	k, n, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Shard{}, fmt.Errorf("shard %q: write it as K/N, e.g. 2/4 for the second of four parts", s)
	}
	ki, err1 := strconv.Atoi(k)
	ni, err2 := strconv.Atoi(n)
	if err1 != nil || err2 != nil || ni < 1 || ki < 1 || ki > ni {
		return Shard{}, fmt.Errorf("shard %q: K and N are whole numbers with 1 <= K <= N, e.g. 2/4", s)
	}
	return Shard{K: ki, N: ni}, nil
}

func (s Shard) String() string {
	if s.N == 0 {
		return "1/1"
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}

// Owns says whether page (1-based) of a page-numbered list is this
// shard's: pages are dealt round-robin, page p to shard (p-1) mod N + 1.
func (s Shard) Owns(page int) bool {
	if s.N <= 1 {
		return true
	}
	return (page-1)%s.N == s.K-1
}

// OwnsID says whether an item id is this shard's, for lists that are not
// paged by number (or to split a list of ids): id i goes to shard
// (i-1) mod N + 1.
func (s Shard) OwnsID(id int64) bool {
	if s.N <= 1 {
		return true
	}
	m := (id - 1) % int64(s.N)
	if m < 0 {
		m += int64(s.N)
	}
	return m == int64(s.K-1)
}
