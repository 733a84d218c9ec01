package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/api"
)

// Options are shared by every import and bulk action.
type Options struct {
	// Journal is the path of the job's journal. Empty runs without one:
	// nothing can be resumed then, so commands always set it.
	Journal string
	// Rejects is the path of the rejects file. Empty keeps rejects only in
	// the journal and the summary.
	Rejects string
	// DryRun plans the job and changes nothing: the only requests it sends
	// read the account's labels, inboxes and agents, once each and only
	// when rows need them, to check the rows as the real run would.
	DryRun bool
	// Concurrency is the number of rows worked on at once (default 1).
	Concurrency int
	// Progress is called as rows finish; total is 0 or less while unknown.
	Progress func(done, total int64)
	// Restart discards an existing journal (and its rejects file) instead
	// of resuming it.
	Restart bool
	// BatchSize is the number of ids per bulk-action request (default 100).
	BatchSize int
	// MaxRowBytes bounds a conversation import's lines (default
	// DefaultMaxConversationBytes); a contact import takes its limit from
	// ReadOptions.
	MaxRowBytes int64
	// Limiter is the rate governor the client was built with; the 429
	// answers it saw are added to Summary.Retried.
	Limiter *api.Governor

	// sleep waits between the engine's own retries; tests make it instant.
	sleep func(ctx context.Context, d time.Duration) error
}

func (o Options) workers() int {
	if o.Concurrency < 1 {
		return 1
	}
	return o.Concurrency
}

// Summary counts what a job's run did. Rows an earlier run of the same
// journal finished are not touched again and are counted apart: AlreadyDone
// says how many there were (ids, for a bulk action), Earlier how they ended.
type Summary struct {
	Created     int64   `json:"created"`
	Updated     int64   `json:"updated"`
	Skipped     int64   `json:"skipped"`
	Rejected    int64   `json:"rejected"`
	Retried     int64   `json:"retried"`
	AlreadyDone int64   `json:"already_done"`
	Earlier     Counts  `json:"earlier"`
	Seconds     float64 `json:"seconds"`
}

// Counts are outcomes by kind.
type Counts struct {
	Created  int64 `json:"created"`
	Updated  int64 `json:"updated"`
	Skipped  int64 `json:"skipped"`
	Rejected int64 `json:"rejected"`
}

// HasRejects is true when rows were rejected, by this run or an earlier
// one: the rejects file holds them, and the command exits 5.
func (s Summary) HasRejects() bool { return s.Rejected > 0 || s.Earlier.Rejected > 0 }

// DescribeCounts lists the kinds that occurred: "3 created, 1 rejected".
func DescribeCounts(c Counts) string {
	var parts []string
	for _, k := range []struct {
		n    int64
		name string
	}{{c.Created, "created"}, {c.Updated, "updated"}, {c.Skipped, "skipped"}, {c.Rejected, "rejected"}} {
		if k.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", k.n, k.name))
		}
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

// DidNothing is true when this run found every row already done.
func (s Summary) DidNothing() bool {
	return s.Created+s.Updated+s.Skipped+s.Rejected == 0 && s.AlreadyDone > 0
}

// Plan is what a dry run would do. Rows are checked against the account's
// labels, inboxes and agents (Read lists the requests that fetched them);
// matches against existing records are described, not resolved.
type Plan struct {
	Create int64      `json:"create"` // rows that would certainly be created
	Match  int64      `json:"match"`  // rows that would first be looked up, then created or updated
	Reject int64      `json:"reject"` // rows that fail validation
	Done   int64      `json:"done"`   // rows the journal already records as finished
	Items  []PlanItem `json:"items"`
	Read   []string   `json:"read,omitempty"` // the reads the checks made, "GET /api/v1/accounts/1/labels"
}

// PlanItem is the plan for one row (or one batch of a bulk action).
type PlanItem struct {
	Row      int64            `json:"row"`
	Action   string           `json:"action"` // create, match, reject, bulk
	Match    string           `json:"match,omitempty"`
	Reason   string           `json:"reason,omitempty"`
	Requests []PlannedRequest `json:"requests,omitempty"`
}

// PlannedRequest is a request a real run would send. Ids not known before
// the run are written as {placeholders} in Path.
type PlannedRequest struct {
	Method string          `json:"method"`
	Path   string          `json:"path"`
	Body   json.RawMessage `json:"body,omitempty"`
}

func (p *Plan) add(it PlanItem) {
	switch it.Action {
	case actionCreate:
		p.Create++
	case actionMatch:
		p.Match++
	case actionReject:
		p.Reject++
	}
	p.Items = append(p.Items, it)
}

const (
	actionCreate = "create"
	actionMatch  = "match"
	actionReject = "reject"
	actionBulk   = "bulk"
)
