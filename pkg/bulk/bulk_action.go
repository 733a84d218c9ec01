package bulk

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// Action is one bulk action, sent through Chatwoot's
// POST /api/v1/accounts/{id}/bulk_actions (served beyond its published
// spec). Chatwoot answers at once and applies the change in a background
// job, so a finished bulk action means every batch was accepted.
type Action struct {
	// Name: for conversations resolve, open, pending, snooze, assign,
	// unassign, label, unlabel; for contacts label, unlabel, delete.
	Name         string
	AssigneeID   int64    // assign: the agent
	TeamID       int64    // assign: the team (with or without an agent)
	UnassignTeam bool     // unassign: remove the team as well as the agent
	Labels       []string // label, unlabel
	SnoozedUntil int64    // snooze: unix seconds; 0 snoozes until the next reply
}

// Kinds of bulk action targets.
const (
	KindConversations = "conversations"
	KindContacts      = "contacts"
)

// bulkActions are the actions each kind takes (a function: a map variable
// would be built at every start-up).
func bulkActions() map[string][]string {
	return map[string][]string{
		KindConversations: {"resolve", "open", "pending", "snooze", "assign", "unassign", "label", "unlabel"},
		KindContacts:      {"label", "unlabel", "delete"},
	}
}

// DefaultBatchSize is how many ids one bulk_actions request carries.
const DefaultBatchSize = 100

// Validate checks that the action exists for kind and has what it needs.
func (a Action) Validate(kind string) error {
	names, ok := bulkActions()[kind]
	if !ok {
		return fmt.Errorf("bulk actions apply to conversations or contacts, not %q", kind)
	}
	if !contains(names, a.Name) {
		return fmt.Errorf("%s bulk %q: use one of %s", kind, a.Name, strings.Join(names, ", "))
	}
	switch {
	case a.Name == "assign" && a.AssigneeID <= 0 && a.TeamID <= 0:
		return fmt.Errorf("assign needs an agent or a team to assign to")
	case (a.Name == "label" || a.Name == "unlabel") && len(cleanLabels(a.Labels)) == 0:
		return fmt.Errorf("%s needs at least one label", a.Name)
	}
	return nil
}

// body is the bulk_actions request for one batch of ids.
func (a Action) body(kind string, ids []int64) map[string]any {
	b := map[string]any{"type": "Conversation", "ids": ids}
	if kind == KindContacts {
		b["type"] = "Contact"
	}
	status := map[string]string{"resolve": "resolved", "open": "open", "pending": "pending", "snooze": "snoozed"}
	switch a.Name {
	case "resolve", "open", "pending", "snooze":
		b["fields"] = map[string]any{"status": status[a.Name]}
		if a.Name == "snooze" && a.SnoozedUntil > 0 {
			b["snoozed_until"] = a.SnoozedUntil
		}
	case "assign":
		f := map[string]any{}
		if a.AssigneeID > 0 {
			f["assignee_id"] = a.AssigneeID
		}
		if a.TeamID > 0 {
			f["team_id"] = a.TeamID
		}
		b["fields"] = f
	case "unassign":
		// A null assignee clears it; Chatwoot takes team 0 as "no team".
		f := map[string]any{"assignee_id": nil}
		if a.UnassignTeam {
			f["team_id"] = 0
		}
		b["fields"] = f
	case "label":
		b["labels"] = map[string]any{"add": cleanLabels(a.Labels)}
	case "unlabel":
		b["labels"] = map[string]any{"remove": cleanLabels(a.Labels)}
	case "delete":
		b["action_name"] = "delete"
	}
	return b
}

// ReadIDs reads ids one per line (blank lines and # comments skipped), as
// piped from `woot conversations list --jq '.[].id'` or a file.
func ReadIDs(r io.Reader) ([]int64, error) {
	sc := bufio.NewScanner(r)
	var ids []int64
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, err := parseID(line)
		if err != nil {
			return nil, inputErrorf("line %d: %v", n, err)
		}
		ids = append(ids, id)
	}
	if err := sc.Err(); err != nil {
		return nil, inputErrorf("read ids: %w", err)
	}
	return dedupeIDs(ids), nil
}

// ParseIDs reads ids given as arguments; commas separate ids too.
func ParseIDs(args []string) ([]int64, error) {
	var ids []int64
	for _, a := range args {
		for _, f := range strings.FieldsFunc(a, func(r rune) bool { return r == ',' || r == ' ' }) {
			id, err := parseID(f)
			if err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
	}
	return dedupeIDs(ids), nil
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.Trim(s, `"`), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%q is not an id (a positive whole number)", s)
	}
	return id, nil
}

func dedupeIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// BulkAction applies action to ids in batches of opts.BatchSize; each
// batch is one journal unit, so an interrupted run resumes at the first
// batch not yet accepted. Summary.Updated counts the ids accepted; ids of
// a batch Chatwoot refused go to the rejects file as {"id":…,"_error":…}.
func BulkAction(ctx context.Context, c *api.Client, accountID int64, kind string, ids []int64, action Action, opts Options) (Summary, Plan, error) {
	if err := action.Validate(kind); err != nil {
		return Summary{}, Plan{}, err
	}
	size := opts.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	j, err := newJob(c, accountID, opts, "bulk "+kind+" "+action.Name, bulkInputID(kind, action, ids), "")
	if err != nil {
		return Summary{}, Plan{}, err
	}
	j.total.Store(int64(len(ids)))
	b := &bulkRunner{j: j, kind: kind, action: action, ids: ids, size: size}
	plan := func(context.Context) (Plan, error) { return b.plan(), nil }
	return j.execute(ctx, plan, b.next)
}

// bulkInputID identifies a bulk job by what it does and to which ids.
func bulkInputID(kind string, a Action, ids []int64) InputID {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", kind)
	json.NewEncoder(h).Encode(a)
	for _, id := range ids {
		fmt.Fprintf(h, "%d\n", id)
	}
	return InputID{Path: kind + " " + a.Name, Size: int64(len(ids)), Head: hex.EncodeToString(h.Sum(nil))}
}

type bulkRunner struct {
	j      *job
	kind   string
	action Action
	ids    []int64
	size   int
	batch  int64
}

func (b *bulkRunner) batchAt(n int64) []int64 {
	start := int(n-1) * b.size
	end := min(start+b.size, len(b.ids))
	return b.ids[start:end]
}

func batchKey(n int64, ids []int64) string {
	var sb strings.Builder
	for _, id := range ids {
		sb.WriteString(strconv.FormatInt(id, 10))
		sb.WriteByte('\n')
	}
	return rowKey(n, []byte(sb.String()))
}

func (b *bulkRunner) next() (*task, error) {
	if int(b.batch)*b.size >= len(b.ids) {
		return nil, io.EOF
	}
	b.batch++
	n, ids := b.batch, b.batchAt(b.batch)
	key := batchKey(n, ids)
	b.j.seen.Add(int64(len(ids)))
	if err := b.j.checkKey(n, key); err != nil {
		return nil, err
	}
	if b.j.alreadyDone(b.j.jr.state(n), int64(len(ids))) {
		return nil, nil
	}
	return &task{num: n, key: key, size: int64(len(ids)), render: idRejects(ids), run: func(ctx context.Context) (outcome, error) {
		_, err := b.j.send(ctx, http.MethodPost, b.j.path("/bulk_actions"), nil, b.action.body(b.kind, ids))
		if err != nil {
			return outcome{}, err
		}
		return outcome{kind: outUpdated}, nil
	}}, nil
}

// idRejects renders a refused batch: one line per id.
func idRejects(ids []int64) func(string) string {
	return func(reason string) string {
		msg, _ := json.Marshal(reason)
		var sb strings.Builder
		for _, id := range ids {
			fmt.Fprintf(&sb, "{\"id\":%d,\"_error\":%s}\n", id, msg)
		}
		return sb.String()
	}
}

func (b *bulkRunner) plan() Plan {
	var p Plan
	for n := int64(1); int(n-1)*b.size < len(b.ids); n++ {
		ids := b.batchAt(n)
		if st := b.j.jr.state(n); st != nil && st.outcome != "" && st.key == batchKey(n, ids) {
			p.Done++
			continue
		}
		p.Items = append(p.Items, PlanItem{Row: n, Action: actionBulk, Requests: []PlannedRequest{{
			Method: http.MethodPost, Path: b.j.path("/bulk_actions"), Body: mustJSON(b.action.body(b.kind, ids)),
		}}})
	}
	return p
}
