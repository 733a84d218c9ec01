package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
)

// PageOptions tune a paged read.
type PageOptions struct {
	All         bool // follow pages to the end; otherwise read one page
	StartPage   int  // first page number (PageNumber lists); 0 = 1
	Limit       int  // stop after this many items; 0 = no limit
	Concurrency int  // pages fetched at once (PageNumber lists); output stays in page order
	// Stride is the step between page numbers (PageNumber lists); 0 = 1.
	// StartPage K with Stride N reads pages K, K+N, K+2N…: one of N shards
	// of a list, which ends at its own first short page.
	Stride int
}

// Paginate reads a list and calls emit for every item, in order, as pages
// arrive; memory holds at most Concurrency pages at a time.
//
// Chatwoot reports totals inconsistently (meta.count, data.meta.all_count,
// none at all), so the end of a list is found the way the server itself
// defines it: a page shorter than the server's page size, or an empty one.
// Totals and has_more flags are never trusted.
func (c *Client) Paginate(ctx context.Context, req *Request, data string, list *List, opts PageOptions, emit func(json.RawMessage) error) error {
	lim := &limitedEmit{emit: emit, limit: opts.Limit}
	switch {
	case list == nil || list.Pager == NoPages:
		return c.singlePage(ctx, req, data, lim)
	case list.Pager == BeforeID:
		return c.pagesBefore(ctx, req, data, list, opts, lim)
	default:
		return c.pagesByNumber(ctx, req, data, list, opts, lim)
	}
}

// errLimitReached stops paging once --limit items were printed.
var errLimitReached = fmt.Errorf("limit reached")

type limitedEmit struct {
	emit  func(json.RawMessage) error
	limit int
	n     int
}

func (l *limitedEmit) item(raw json.RawMessage) error {
	if l.limit > 0 && l.n >= l.limit {
		return errLimitReached
	}
	l.n++
	if err := l.emit(raw); err != nil {
		return err
	}
	if l.limit > 0 && l.n >= l.limit {
		return errLimitReached
	}
	return nil
}

func (l *limitedEmit) all(items []json.RawMessage) error {
	for _, it := range items {
		if err := l.item(it); err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) singlePage(ctx context.Context, req *Request, data string, lim *limitedEmit) error {
	items, err := c.fetchItems(ctx, req, data, nil)
	if err != nil {
		return err
	}
	return ignoreLimit(lim.all(items))
}

func ignoreLimit(err error) error {
	if err == errLimitReached {
		return nil
	}
	return err
}

func (c *Client) fetchItems(ctx context.Context, req *Request, data string, extra url.Values) ([]json.RawMessage, error) {
	r := *req
	r.Query = mergeQuery(req.Query, extra)
	resp, err := c.Do(ctx, &r)
	if err != nil {
		return nil, err
	}
	items, err := Items(resp.Body, data)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", r.Method, r.Path, err)
	}
	return items, nil
}

func mergeQuery(base, extra url.Values) url.Values {
	q := url.Values{}
	for k, vs := range base {
		q[k] = append([]string(nil), vs...)
	}
	for k, vs := range extra {
		q[k] = vs
	}
	return q
}

// pageResult is one fetched page, delivered in page order.
type pageResult struct {
	items []json.RawMessage
	err   error
}

func (c *Client) pagesByNumber(ctx context.Context, req *Request, data string, list *List, opts PageOptions, lim *limitedEmit) error {
	start := opts.StartPage
	if start <= 0 {
		start = 1
	}
	if !opts.All {
		items, err := c.fetchItems(ctx, req, data, url.Values{"page": {strconv.Itoa(start)}})
		if err != nil {
			return err
		}
		return ignoreLimit(lim.all(items))
	}
	workers := opts.Concurrency
	if workers < 1 {
		workers = 1
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// A window of in-flight pages: page p's result is read only after every
	// earlier page was emitted, so output keeps page order while up to
	// `workers` requests run at once.
	window := make([]chan pageResult, 0, workers)
	next, stride := start, max(opts.Stride, 1)
	launch := func() {
		ch := make(chan pageResult, 1)
		page := next
		next += stride
		window = append(window, ch)
		go func() {
			items, err := c.fetchItems(ctx, req, data, url.Values{"page": {strconv.Itoa(page)}})
			ch <- pageResult{items, err}
		}()
	}
	for len(window) < workers {
		launch()
	}
	for len(window) > 0 {
		res := <-window[0]
		window = window[1:]
		if res.err != nil {
			return res.err
		}
		if err := lim.all(res.items); err != nil {
			return ignoreLimit(err)
		}
		if lastPage(len(res.items), list.PageSize) {
			return nil // cancel() drops the pages fetched ahead
		}
		launch()
	}
	return nil
}

func lastPage(n, size int) bool {
	return n == 0 || (size > 0 && n < size)
}

// pagesBefore walks a message list backwards with before=<smallest id>.
// Chatwoot returns each page in ascending order, newest page first; the
// pages are gathered and then printed oldest first, so output reads as a
// conversation does. Memory is one conversation's history.
func (c *Client) pagesBefore(ctx context.Context, req *Request, data string, list *List, opts PageOptions, lim *limitedEmit) error {
	var pages [][]json.RawMessage
	var extra url.Values
	total := 0
	prevOldest := int64(-1)
	for {
		items, err := c.fetchItems(ctx, req, data, extra)
		if err != nil {
			return err
		}
		pages = append(pages, items)
		total += len(items)
		if !opts.All || lastPage(len(items), list.PageSize) || (opts.Limit > 0 && total >= opts.Limit) {
			break
		}
		oldest, err := itemID(items[0])
		if err != nil {
			return fmt.Errorf("%s %s: %w", req.Method, req.Path, err)
		}
		// A server that ignores before= would hand back the same page forever.
		if prevOldest >= 0 && oldest >= prevOldest {
			return fmt.Errorf("%s %s: the server ignored before=%d (the page did not get older); stopping", req.Method, req.Path, prevOldest)
		}
		prevOldest = oldest
		extra = url.Values{"before": {strconv.FormatInt(oldest, 10)}}
	}
	// With --limit, keep the newest N: skip the oldest surplus.
	skip := 0
	if opts.Limit > 0 && total > opts.Limit {
		skip = total - opts.Limit
	}
	for i := len(pages) - 1; i >= 0; i-- {
		for _, it := range pages[i] {
			if skip > 0 {
				skip--
				continue
			}
			if err := lim.emit(it); err != nil {
				return err
			}
		}
	}
	return nil
}

func itemID(raw json.RawMessage) (int64, error) {
	var v struct {
		ID json.Number `json:"id"`
	}
	if err := json.Unmarshal(raw, &v); err != nil || v.ID == "" {
		return 0, fmt.Errorf("list item has no id to page before")
	}
	id, err := v.ID.Int64()
	if err != nil {
		return 0, fmt.Errorf("list item id %q is not an integer", v.ID)
	}
	return id, nil
}
