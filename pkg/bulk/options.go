package bulk

import (
	"context"
	"encoding/json"
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
	// DryRun plans the job and sends nothing, not even lookups.
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

// Summary counts a job's outcomes, including rows finished by earlier runs
// of the same journal (Resumed says how many of those there were).
type Summary struct {
	Created  int64   `json:"created"`
	Updated  int64   `json:"updated"`
	Skipped  int64   `json:"skipped"`
	Rejected int64   `json:"rejected"`
	Retried  int64   `json:"retried"`
	Resumed  int64   `json:"resumed"`
	Seconds  float64 `json:"seconds"`
}

// HasRejects is true when rows were rejected: the command exits 5 then,
// pointing at the rejects file.
func (s Summary) HasRejects() bool { return s.Rejected > 0 }

// Plan is what a dry run would do. It is built without a single request,
// so matches against existing records are described, not resolved.
type Plan struct {
	Create int64      `json:"create"` // rows that would certainly be created
	Match  int64      `json:"match"`  // rows that would first be looked up, then created or updated
	Reject int64      `json:"reject"` // rows that fail validation
	Done   int64      `json:"done"`   // rows the journal already records as finished
	Items  []PlanItem `json:"items"`
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
