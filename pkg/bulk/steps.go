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

// ActionStep is the plan action of a request job's step.
const ActionStep = "step"

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
	// Check, when set, is asked in the same case: a read that shows
	// whether the step's change is already in place.
	Check *AttrCheck
	// MergeAttrs, when set, is read first: the custom attributes it holds
	// are kept under those of the first request's custom_attributes, for
	// routes that replace the whole set (a conversation's).
	MergeAttrs *AttrRead
}

// AttrRead names where an object's custom attributes are: the read's
// path and the dotted path of the attributes in its answer.
type AttrRead struct {
	Path  string
	Field string // "payload.custom_attributes" (a contact), "custom_attributes" (a conversation)
}

// AttrCheck is a read whose custom attributes show a step done: every
// key of Has holds its value and no key of Lacks is present.
type AttrCheck struct {
	AttrRead
	Has   map[string]any
	Lacks []string
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
	if step.Check != nil && st.hasIntent("send") {
		attrs, err := s.readAttrs(ctx, step.Check.AttrRead)
		if err != nil {
			return outcome{}, err
		}
		if step.Check.holds(attrs) {
			return outcome{kind: outSkipped, reason: "already done by an earlier run"}, nil
		}
	}
	requests := step.Requests
	if step.MergeAttrs != nil && len(requests) > 0 {
		merged, err := s.mergedFirst(ctx, step)
		if err != nil {
			return outcome{}, err
		}
		requests = append([]StepRequest{merged}, requests[1:]...)
	}
	if err := s.j.jr.intent(num, key, "send"); err != nil {
		return outcome{}, err
	}
	for _, r := range requests {
		// A retry after a lost answer comes back through the Gone check
		// above, as the intent is on record.
		if _, err := s.j.send(ctx, r.Method, s.j.path("%s", r.Path), nil, r.Body); err != nil {
			return outcome{}, err
		}
	}
	return outcome{kind: outUpdated}, nil
}

// readAttrs reads an object's custom attributes.
func (s *stepRunner) readAttrs(ctx context.Context, r AttrRead) (map[string]any, error) {
	body, err := s.j.lookup(ctx, http.MethodGet, s.j.path("%s", r.Path), nil)
	if err != nil {
		return nil, err
	}
	raw, err := api.Extract(body, r.Field)
	if err != nil {
		return nil, err
	}
	attrs := map[string]any{}
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &attrs); err != nil {
			return nil, &api.ShapeError{What: r.Field + " is not an object"}
		}
	}
	return attrs, nil
}

// mergedFirst is the step's first request with the object's current
// attributes under the ones it sets.
func (s *stepRunner) mergedFirst(ctx context.Context, step Step) (StepRequest, error) {
	current, err := s.readAttrs(ctx, *step.MergeAttrs)
	if err != nil {
		return StepRequest{}, err
	}
	first := step.Requests[0]
	body, _ := first.Body.(map[string]any)
	set, _ := body["custom_attributes"].(map[string]any)
	out := map[string]any{}
	for k, v := range body {
		out[k] = v
	}
	merged := map[string]any{}
	for k, v := range current {
		merged[k] = v
	}
	for k, v := range set {
		merged[k] = v
	}
	out["custom_attributes"] = merged
	first.Body = out
	return first, nil
}

func (c *AttrCheck) holds(attrs map[string]any) bool {
	for k, want := range c.Has {
		got, ok := attrs[k]
		if !ok || !sameJSON(got, want) {
			return false
		}
	}
	for _, k := range c.Lacks {
		if _, ok := attrs[k]; ok {
			return false
		}
	}
	return true
}

func sameJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
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
		it := PlanItem{Row: num, Action: ActionStep, Match: step.Label}
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
