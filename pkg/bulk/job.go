package bulk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/wootcli/woot/pkg/api"
)

// outcome is how one row ended.
type outcome struct {
	kind   string // outCreated, outUpdated, outSkipped, outRejected
	id     int64  // the Chatwoot id created, updated or matched
	reason string // why a row was rejected or skipped
}

const (
	outCreated  = "created"
	outUpdated  = "updated"
	outSkipped  = "skipped"
	outRejected = "rejected"
)

func reject(reason string) outcome { return outcome{kind: outRejected, reason: reason} }

// rowError rejects the current row for a reason found while working on it
// (an unknown label, an assignee who is not an agent).
type rowError struct{ reason string }

func (e *rowError) Error() string { return e.reason }

func rowErrorf(format string, args ...any) error {
	return &rowError{reason: fmt.Sprintf(format, args...)}
}

// task is one row handed to a worker.
type task struct {
	num    int64
	key    string
	size   int64 // records the row stands for (a bulk-action batch: its ids); 0 means 1
	run    func(ctx context.Context) (outcome, error)
	render func(reason string) string // the row as a rejects-file record
}

// where names the task in an error that stops the job.
func (t *task) where() string {
	if t.size > 0 {
		return fmt.Sprintf("batch %d", t.num)
	}
	return fmt.Sprintf("row %d", t.num)
}

// maxServerErrors consecutive 5xx answers mean the server is down, not
// that the rows are bad: the job stops instead of rejecting everything.
const maxServerErrors = 5

// job is the engine shared by every import and bulk action: journal,
// rejects, workers, counters and progress.
type job struct {
	c       *api.Client
	account int64
	opts    Options
	jr      *journal
	rej     *rejectsFile
	locks   keyLocks
	sleep   func(ctx context.Context, d time.Duration) error

	start          time.Time
	throttledStart int64

	now, earlier                  counters // this run's outcomes; those of earlier runs
	retried, alreadyDoneN         atomic.Int64
	done, total, seen, serverErrs atomic.Int64

	recMu sync.Mutex // keeps the journal and the rejects file in the same order

	readsMu sync.Mutex
	reads   []string // the account's lists read to check rows, for a dry run's plan
}

func (j *job) noteRead(req string) {
	j.readsMu.Lock()
	j.reads = append(j.reads, req)
	j.readsMu.Unlock()
}

func newJob(c *api.Client, account int64, opts Options, name string, id InputID, rejectsHeader string) (*job, error) {
	j := &job{c: c, account: account, opts: opts, start: time.Now(), sleep: opts.sleep}
	if j.sleep == nil {
		j.sleep = sleepCtx
	}
	if opts.Limiter != nil {
		j.throttledStart = opts.Limiter.Throttled()
	}
	var err error
	if j.jr, err = openJournal(opts.Journal, name, id, opts.Restart, opts.DryRun); err != nil {
		return nil, err
	}
	if opts.DryRun {
		return j, nil
	}
	var existing []string
	started := j.jr == nil || opts.Restart
	if j.jr != nil {
		existing = j.jr.rejects
		started = started || j.jr.created
	}
	if j.rej, err = openRejects(opts.Rejects, rejectsHeader, existing, opts.Restart || j.jr == nil, started); err != nil {
		j.jr.close()
		return nil, err
	}
	return j, nil
}

func (j *job) close() error {
	err := j.jr.close()
	if rerr := j.rej.close(); err == nil && rerr != nil {
		err = fmt.Errorf("close rejects file: %w", rerr)
	}
	return err
}

func (j *job) summary() Summary {
	now := j.now.load()
	s := Summary{
		Created: now.Created, Updated: now.Updated, Skipped: now.Skipped, Rejected: now.Rejected,
		Retried: j.retried.Load(), AlreadyDone: j.alreadyDoneN.Load(), Earlier: j.earlier.load(),
		Seconds: time.Since(j.start).Seconds(),
	}
	if j.opts.Limiter != nil {
		s.Retried += j.opts.Limiter.Throttled() - j.throttledStart
	}
	return s
}

// counters count outcomes by kind, from several workers at once.
type counters struct{ created, updated, skipped, rejected atomic.Int64 }

func (c *counters) add(kind string, n int64) {
	switch kind {
	case outCreated:
		c.created.Add(n)
	case outUpdated:
		c.updated.Add(n)
	case outSkipped:
		c.skipped.Add(n)
	case outRejected:
		c.rejected.Add(n)
	}
}

func (c *counters) load() Counts {
	return Counts{Created: c.created.Load(), Updated: c.updated.Load(), Skipped: c.skipped.Load(), Rejected: c.rejected.Load()}
}

func (j *job) progress(n int64) {
	done := j.done.Add(n)
	if j.opts.Progress != nil {
		j.opts.Progress(done, j.total.Load())
	}
}

// alreadyDone counts a row an earlier run finished; it is not touched again.
func (j *job) alreadyDone(st *rowState, size int64) bool {
	if st == nil || st.outcome == "" {
		return false
	}
	j.alreadyDoneN.Add(size)
	j.earlier.add(st.outcome, size)
	j.progress(size)
	return true
}

// rowRun imports one row, given its journal state read at run time: a
// retried row resumes from the steps its earlier attempts recorded.
type rowRun func(ctx context.Context, st *rowState) (outcome, error)

// rowTask is what every importer does with a row it has read: count it,
// check it against the journal, skip it when an earlier run finished it,
// reject it when it did not parse, else hand it to a worker. prepare runs
// only for a row still to do and returns its problems and its import.
func (j *job) rowTask(num int64, key string, render func(string) string, prepare func() ([]string, rowRun)) (*task, error) {
	j.seen.Add(1)
	if err := j.checkKey(num, key); err != nil {
		return nil, err
	}
	if j.alreadyDone(j.jr.state(num), 1) {
		return nil, nil
	}
	problems, run := prepare()
	if len(problems) > 0 {
		return nil, j.finish(num, key, reject(strings.Join(problems, "; ")), render)
	}
	return &task{num: num, key: key, render: render, run: func(ctx context.Context) (outcome, error) {
		return run(ctx, j.jr.state(num))
	}}, nil
}

// checkKey refuses a row whose content differs from what the journal
// recorded under the same row number: the input changed since.
func (j *job) checkKey(num int64, key string) error {
	st := j.jr.state(num)
	if st == nil || st.key == key {
		return nil
	}
	return &JournalError{Path: j.jr.path, Msg: fmt.Sprintf("row %d of the input differs from the row it recorded: the input changed since; run on the original input, or pass --restart to start over", num)}
}

// finish records a row's outcome: journal first (the truth), then the
// rejects file, both under one lock so their orders agree.
func (j *job) finish(num int64, key string, o outcome, render func(string) string) error {
	return j.finishN(num, key, 1, o, render)
}

func (j *job) finishN(num int64, key string, size int64, o outcome, render func(string) string) error {
	var rendered string
	if o.kind == outRejected && render != nil {
		rendered = render(o.reason)
	}
	j.recMu.Lock()
	err := j.jr.done(num, key, o, rendered)
	if err == nil && rendered != "" {
		err = j.rej.add(rendered)
	}
	j.recMu.Unlock()
	if err != nil {
		return err
	}
	j.now.add(o.kind, size)
	j.progress(size)
	return nil
}

// run feeds the rows next returns to the workers. next handles rows that
// need no request itself (finished earlier, invalid) and returns nil for
// them. A worker's fatal error or ctx's cancellation stops the feed; rows
// in flight finish or stay behind as intents for the next run.
func (j *job) run(ctx context.Context, next func() (*task, error)) error {
	wctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	tasks := make(chan *task)
	var wg sync.WaitGroup
	for range j.opts.workers() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range tasks {
				if err := j.work(wctx, t); err != nil {
					cancel(err)
				}
			}
		}()
	}
	readErr := j.feed(wctx, next, tasks)
	close(tasks)
	wg.Wait()
	if ctx.Err() != nil {
		return fmt.Errorf("interrupted; the journal records every finished row, so running the same command again resumes: %w", ctx.Err())
	}
	if cause := context.Cause(wctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return readErr
}

func (j *job) feed(ctx context.Context, next func() (*task, error), tasks chan<- *task) error {
	for ctx.Err() == nil {
		t, err := next()
		if errors.Is(err, io.EOF) {
			if j.total.Load() <= 0 {
				j.total.Store(j.seen.Load())
			}
			return nil
		}
		if err != nil {
			return err
		}
		if t == nil {
			continue
		}
		select {
		case tasks <- t:
		case <-ctx.Done():
		}
	}
	return nil
}

func (j *job) work(ctx context.Context, t *task) error {
	o, err := j.attempts(ctx, t)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // interrupted mid-row: an intent (if any) stays for the next run
		}
		var ok bool
		if o, ok = j.classify(err); !ok {
			return fmt.Errorf("%s: %w", t.where(), err)
		}
	} else {
		j.serverErrs.Store(0)
	}
	size := t.size
	if size == 0 {
		size = 1
	}
	return j.finishN(t.num, t.key, size, o, t.render)
}

// rowRetries is how often a row is tried again after a transient failure
// (a 5xx, a dropped connection). A retry starts the row over with what
// the journal holds, so a create that may have happened is looked up
// before it is sent again, exactly as after a kill: no row is created
// twice, and a flaky server costs time, not rows.
const rowRetries = 8

// attempts runs t, trying it again after transient failures.
func (j *job) attempts(ctx context.Context, t *task) (outcome, error) {
	for attempt := 0; ; attempt++ {
		o, err := t.run(ctx)
		if err == nil || ctx.Err() != nil || attempt >= rowRetries || !j.retryable(err) {
			return o, err
		}
		j.retried.Add(1)
		wait := rowBackoff << attempt
		if wait > rowBackoffMax {
			wait = rowBackoffMax
		}
		if serr := j.sleep(ctx, wait); serr != nil {
			return o, err
		}
	}
}

const (
	rowBackoff    = 200 * time.Millisecond
	rowBackoffMax = 5 * time.Second
)

// retryable is true for failures that say nothing about the row: the
// server failed (5xx) or the connection broke. Without a journal there is
// no intent to reconcile a retried create with, so nothing is retried.
func (j *job) retryable(err error) bool {
	if j.jr == nil {
		return false
	}
	var once *unrepeatable
	if errors.As(err, &once) {
		return false
	}
	return j.transient(err)
}

// transient is true for a 5xx or a connection that broke.
func (j *job) transient(err error) bool {
	var ae *api.Error
	if errors.As(err, &ae) {
		return ae.Status >= 500
	}
	var ne *api.NetworkError
	return errors.As(err, &ne) && !errors.Is(err, context.Canceled)
}

// unrepeatable marks a failure whose row must not be tried again: a create
// that cannot be looked up afterwards (a contact with only a name).
// uncertain is the reason the row is rejected with when the failure says
// nothing about whether the server acted.
type unrepeatable struct {
	err       error
	uncertain string
}

func (e *unrepeatable) Error() string { return e.err.Error() }
func (e *unrepeatable) Unwrap() error { return e.err }

// classify turns a row's error into a rejection when the error belongs to
// the row (400, 404, 422, a rowError), or when a create that cannot be
// repeated may or may not have happened; anything else stops the job.
func (j *job) classify(err error) (outcome, bool) {
	var re *rowError
	if errors.As(err, &re) {
		return reject(re.reason), true
	}
	var are *accountReadError
	if errors.As(err, &are) {
		return outcome{}, false
	}
	var once *unrepeatable
	var ne *api.NetworkError
	if errors.As(err, &once) && once.uncertain != "" && errors.As(err, &ne) && !refused(err) && !errors.Is(err, context.Canceled) {
		// Like a 5xx: the row is set aside, unless failures in a row say
		// the server is down rather than that this one answer was lost.
		if j.serverErrs.Add(1) <= maxServerErrors {
			return reject(fmt.Sprintf("%s (%v)", once.uncertain, err)), true
		}
		return outcome{}, false
	}
	var ae *api.Error
	if !errors.As(err, &ae) {
		return outcome{}, false
	}
	switch {
	case ae.Status == 400 || ae.Status == 404 || ae.Status == 422:
		j.serverErrs.Store(0)
		return reject(serverReason(ae)), true
	case ae.Status >= 500 && j.serverErrs.Add(1) <= maxServerErrors:
		return reject(serverReason(ae) + "; the server may have applied part of it: check before importing this row again"), true
	}
	return outcome{}, false
}

// refused is a connection the server never accepted: nothing was sent,
// and a server that refuses connections is down, which stops the job.
func refused(err error) bool { return errors.Is(err, syscall.ECONNREFUSED) }

// serverReason is the server's own words for a rejected row.
func serverReason(e *api.Error) string {
	msg := e.Message
	if len(e.Fields) > 0 {
		msg += " [" + strings.Join(e.Fields, ", ") + "]"
	}
	return fmt.Sprintf("%s (HTTP %d from %s %s)", msg, e.Status, e.Method, e.Path)
}

// do sends one request. A 429 is waited out by the transport's governor,
// which gives up (exit 6) only when nothing got through for two rate
// windows; repeating the request here could not get past it.
func (j *job) do(ctx context.Context, req *api.Request) (*api.Response, error) {
	return j.c.Do(ctx, req)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// execute is every job's last step: a dry run only plans; otherwise the
// rows run and the journal is closed, whose error counts when the run
// itself had none. The summary is returned also when the job stops early.
func (j *job) execute(ctx context.Context, plan func(context.Context) (Plan, error), next func() (*task, error)) (Summary, Plan, error) {
	if j.opts.DryRun {
		p, err := plan(ctx)
		p.Read = j.reads
		return j.summary(), p, err
	}
	err := j.run(ctx, next)
	if cerr := j.close(); err == nil {
		err = cerr
	}
	return j.summary(), Plan{}, err
}
