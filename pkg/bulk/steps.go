package bulk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/wootcli/woot/pkg/api"
)

// Step is one unit of a request job (a contact merge, one contact's
// attribute change): its requests are sent in order and the step is one
// journal row, so a re-run skips the steps an earlier run finished.
type Step struct {
	Label    string        // names the step in rejects and plans: "merge contact 13 into 12"
	Requests []StepRequest // relative to the account: "/actions/contact_merge"
	// Gone, when set, is a read whose 404 means the step already took
	// effect (the merged-away contact no longer exists). It is asked only
	// when a run died between sending the step and journaling its answer,
	// so a re-run never sends a request twice that cannot be repeated.
	Gone string
}

// StepRequest is one request of a step.
type StepRequest struct {
	Method string
	Path   string
	Body   any
}

// RunSteps runs a request job called name (the journal's job name):
// each step is journaled with its intent before its first request and
// its outcome after the last, so an interrupted run resumes at the first
// unfinished step. A step Chatwoot refuses (4xx) is rejected with the
// reason and the job goes on.
func RunSteps(ctx context.Context, c *api.Client, accountID int64, name string, steps []Step, opts Options) (Summary, Plan, error) {
	j, err := newJob(c, accountID, opts, name, stepsInputID(name, steps), "")
	if err != nil {
		return Summary{}, Plan{}, err
	}
	j.total.Store(int64(len(steps)))
	s := &stepRunner{j: j, steps: steps}
	plan := func(context.Context) (Plan, error) { return s.plan(), nil }
	return j.execute(ctx, plan, s.next)
}

func stepsInputID(name string, steps []Step) InputID {
	h := sha256.New()
	for _, s := range steps {
		h.Write(stepBytes(s))
	}
	return InputID{Path: name, Size: int64(len(steps)), Head: hex.EncodeToString(h.Sum(nil))}
}

func stepBytes(s Step) []byte {
	b, _ := json.Marshal(s)
	return append(b, '\n')
}

type stepRunner struct {
	j     *job
	steps []Step
	n     int64
}

func (s *stepRunner) next() (*task, error) {
	if int(s.n) >= len(s.steps) {
		return nil, io.EOF
	}
	s.n++
	num, step := s.n, s.steps[s.n-1]
	key := rowKey(num, stepBytes(step))
	render := stepRejects(num, step)
	return s.j.rowTask(num, key, render, func() ([]string, rowRun) {
		return nil, func(ctx context.Context, st *rowState) (outcome, error) { return s.run(ctx, num, key, step, st) }
	})
}

func (s *stepRunner) run(ctx context.Context, num int64, key string, step Step, st *rowState) (outcome, error) {
	if step.Gone != "" && st.hasIntent("send") {
		// An earlier run sent this step and died before recording the
		// answer: if the step took effect, it must not be sent again.
		_, err := s.j.send(ctx, http.MethodGet, s.j.path("%s", step.Gone), nil, nil)
		var ae *api.Error
		if errors.As(err, &ae) && ae.Status == http.StatusNotFound {
			return outcome{kind: outSkipped, reason: "already done by an earlier run"}, nil
		}
		if err != nil {
			return outcome{}, err
		}
	}
	if err := s.j.jr.intent(num, key, "send"); err != nil {
		return outcome{}, err
	}
	for _, r := range step.Requests {
		// A retry after a lost answer comes back through the Gone check
		// above, as the intent is on record.
		if _, err := s.j.send(ctx, r.Method, s.j.path("%s", r.Path), nil, r.Body); err != nil {
			return outcome{}, err
		}
	}
	return outcome{kind: outUpdated}, nil
}

// stepRejects renders a refused step: its number, label and reason.
func stepRejects(num int64, step Step) func(string) string {
	return func(reason string) string {
		b, _ := json.Marshal(map[string]any{"step": num, "label": step.Label, "_error": reason})
		return string(b) + "\n"
	}
}

func (s *stepRunner) plan() Plan {
	var p Plan
	for i, step := range s.steps {
		num := int64(i + 1)
		if st := s.j.jr.state(num); st != nil && st.outcome != "" && st.key == rowKey(num, stepBytes(step)) {
			p.Done++
			continue
		}
		it := PlanItem{Row: num, Action: actionBulk, Match: step.Label}
		for _, r := range step.Requests {
			pr := PlannedRequest{Method: r.Method, Path: s.j.path("%s", r.Path)}
			if r.Body != nil {
				pr.Body = mustJSON(r.Body)
			}
			it.Requests = append(it.Requests, pr)
		}
		p.Items = append(p.Items, it)
	}
	return p
}
