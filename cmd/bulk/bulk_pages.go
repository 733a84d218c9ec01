package bulk

import (
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
)

// shardPages are the pagination options of an export: every page, or,
// for shard K of N, pages K, K+N, K+2N… (page p belongs to shard
// (p-1) mod N + 1). Each shard stops at its own first short page; on a list
// that does not change during the export every earlier page is full, so
// the N shards together read every page exactly once. concurrency pages
// are fetched at once and still emitted in page order.
func shardPages(shard bulk.Shard, concurrency int) api.PageOptions {
	opts := api.PageOptions{All: true, Concurrency: max(concurrency, 1)}
	if shard.N > 0 {
		opts.StartPage, opts.Stride = shard.K, shard.N
	}
	return opts
}
