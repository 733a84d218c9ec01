package bulk

import (
	"testing"
)

func TestParseShard(t *testing.T) {
	s, err := ParseShard(" 2/4 ")
	if err != nil || s != (Shard{K: 2, N: 4}) || s.String() != "2/4" {
		t.Fatalf("ParseShard = %+v, %v", s, err)
	}
	for _, bad := range []string{"", "2", "0/4", "5/4", "a/4", "2/0", "-1/3", "1/2/3"} {
		if _, err := ParseShard(bad); err == nil {
			t.Errorf("ParseShard(%q) accepted", bad)
		}
	}
}

func TestShardsSplitPagesAndIDsExactlyOnce(t *testing.T) {
	const n = 4
	pages := map[int]int{}
	ids := map[int64]int{}
	for k := 1; k <= n; k++ {
		s := Shard{K: k, N: n}
		for p := 1; p <= 20; p++ {
			if s.Owns(p) {
				pages[p] = k
			}
		}
		for id := int64(1); id <= 20; id++ {
			if s.OwnsID(id) {
				ids[id]++
			}
		}
	}
	for p := 1; p <= 20; p++ {
		if want := (p-1)%n + 1; pages[p] != want {
			t.Errorf("page %d went to shard %d, want %d", p, pages[p], want)
		}
		if ids[int64(p)] != 1 {
			t.Errorf("id %d owned by %d shards", p, ids[int64(p)])
		}
	}
	if !(Shard{}).Owns(7) || !(Shard{}).OwnsID(7) || !(Shard{K: 1, N: 1}).Owns(3) {
		t.Error("the zero shard and 1/1 own everything")
	}
	if (Shard{K: 2, N: 4}).Owns(1) || !(Shard{K: 2, N: 4}).Owns(6) {
		t.Error("2/4 owns pages 2, 6, 10, …")
	}
}
