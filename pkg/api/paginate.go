package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
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
var errLimitReached = errors.New("limit reached")

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
	p, err := c.fetchPage(ctx, req, data, extra)
	return p.Items, err
}

func (c *Client) fetchPage(ctx context.Context, req *Request, data string, extra url.Values) (Page, error) {
	r := *req
	r.Query = mergeQuery(req.Query, extra)
	resp, err := c.Do(ctx, &r)
	if err != nil {
		return Page{}, err
	}
	p, err := ParsePage(resp.Body, data)
	if err != nil {
		return Page{}, fmt.Errorf("%s %s: %w", r.Method, r.Path, err)
	}
	return p, nil
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
	page Page
	err  error
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
			p, err := c.fetchPage(ctx, req, data, url.Values{"page": {strconv.Itoa(page)}})
			ch <- pageResult{p, err}
		}()
	}
	// The first page goes alone: the total it announces says how many
	// pages to fetch ahead, so a short list costs no requests past its end.
	launch()
	guard := pagingGuard{pageSize: list.PageSize, seed: maphash.MakeSeed()}
	for page := start; len(window) > 0; page += stride {
		res := <-window[0]
		window = window[1:]
		if res.err != nil {
			return res.err
		}
		if err := guard.check(res.page); err != nil {
			return fmt.Errorf("%s %s: page %d: %w; stopping (is a caching proxy in front of Chatwoot, or does the server ignore ?page=?)", req.Method, req.Path, page, err)
		}
		if err := lim.all(res.page.Items); err != nil {
			return ignoreLimit(err)
		}
		if lastPage(len(res.page.Items), list.PageSize) {
			return nil // cancel() drops the pages fetched ahead
		}
		last := guard.lastPage()
		for len(window) == 0 || (len(window) < workers && (last == 0 || next <= last)) {
			launch()
		}
	}
	return nil
}

// pagingGuard makes paging end on a server that keeps sending full pages:
// it stops when a page only repeats the previous one, or when the items
// pass the total the server announced by more than a page. A single item
// seen twice is normal (a contact created mid-export shifts the pages by
// one), and a total equal to a full page's count is no total (contact
// search's meta.count is the page's own).
type pagingGuard struct {
	pageSize int
	seen     int64
	total    int64 // the largest trustworthy total announced; 0 = none
	previous map[uint64]bool
	seed     maphash.Seed // hashes items to compare pages
}

// lastPage is the number of the page that should end the list by the
// announced total (short or empty); 0 when there is no total to go by.
func (g *pagingGuard) lastPage() int {
	if g.total <= 0 || g.pageSize <= 0 {
		return 0
	}
	return int(g.total)/g.pageSize + 1
}

func (g *pagingGuard) check(p Page) error {
	g.seen += int64(len(p.Items))
	n := int64(len(p.Items))
	if p.Total >= 0 && (p.Total > n || (g.pageSize > 0 && n < int64(g.pageSize))) {
		g.total = max(g.total, p.Total)
	}
	if g.total > 0 && g.seen > g.total+int64(max(g.pageSize, 1)) {
		return fmt.Errorf("%d items so far, more than the %d the server announced", g.seen, g.total)
	}
	hashes := make(map[uint64]bool, len(p.Items))
	repeated := len(p.Items) > 0
	for _, it := range p.Items {
		h := maphash.Bytes(g.seed, it)
		hashes[h] = true
		repeated = repeated && g.previous[h]
	}
	g.previous = hashes
	if repeated {
		return fmt.Errorf("it repeats the previous page's %d items", len(p.Items))
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
