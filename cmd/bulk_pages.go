package cmd

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
)

// pageWalk reads a page-numbered list for an export: the pages a shard
// owns (all of them for the zero shard), up to `inFlight` at once, handed
// to emit one page at a time in page order. It stops after the first
// short or empty page, as api.Client.Paginate does: Chatwoot's totals are not
// trusted.
//
// Shards are dealt round-robin (page p belongs to shard (p-1) mod N + 1),
// so shard K reads pages K, K+N, K+2N… and stops at its first short page:
// on a list that does not change during the export, every page before the
// last is full, so the N shards together read every page exactly once.
type pageWalk struct {
	client   *api.Client
	req      *api.Request
	data     string
	pageSize int
	shard    bulk.Shard
	inFlight int
}

type pageResult struct {
	items []json.RawMessage
	err   error
}

func (w *pageWalk) run(ctx context.Context, emit func(items []json.RawMessage) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // drops the pages fetched ahead when the walk stops early
	first, stride := 1, 1
	if w.shard.N > 0 {
		first, stride = w.shard.K, w.shard.N
	}
	n := max(w.inFlight, 1)
	window := make([]chan pageResult, 0, n)
	next := first
	launch := func() {
		ch := make(chan pageResult, 1)
		page := next
		next += stride
		window = append(window, ch)
		go func() {
			items, err := w.page(ctx, page)
			ch <- pageResult{items, err}
		}()
	}
	for len(window) < n {
		launch()
	}
	for len(window) > 0 {
		res := <-window[0]
		window = window[1:]
		if res.err != nil {
			return res.err
		}
		if len(res.items) > 0 {
			if err := emit(res.items); err != nil {
				return err
			}
		}
		if len(res.items) == 0 || len(res.items) < w.pageSize {
			return nil
		}
		launch()
	}
	return nil
}

// page fetches one page through the transport's pager (retries, rate
// limit, Chatwoot's envelopes).
func (w *pageWalk) page(ctx context.Context, page int) ([]json.RawMessage, error) {
	var items []json.RawMessage
	list := &api.List{Pager: api.PageNumber, PageSize: w.pageSize}
	err := w.client.Paginate(ctx, w.req, w.data, list, api.PageOptions{StartPage: page}, func(raw json.RawMessage) error {
		items = append(items, raw)
		return nil
	})
	return items, err
}

// mapOrdered applies fn to every item with up to n calls at once and
// returns the results in the items' order.
func mapOrdered(ctx context.Context, items []json.RawMessage, n int, fn func(context.Context, json.RawMessage) (json.RawMessage, error)) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, len(items))
	errs := make([]error, len(items))
	sem := make(chan struct{}, max(n, 1))
	var wg sync.WaitGroup
	for i, it := range items {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i], errs[i] = fn(ctx, it)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
