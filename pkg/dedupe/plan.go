package dedupe

import (
	"encoding/json"
	"fmt"
	"io"
)

// Plan is the merge plan file: a person reviews it, edits the survivors
// or the merge lists, deletes groups that are not duplicates, and applies
// it with `woot contacts merge-plan apply`.
type Plan struct {
	About  string      `json:"about"`
	Groups []PlanGroup `json:"groups"`
}

// PlanGroup is one merge: every contact in Merge is merged into Survivor
// (its conversations, notes and inboxes move; the contact is deleted).
type PlanGroup struct {
	Survivor  int64     `json:"survivor"`
	Merge     []int64   `json:"merge"`
	MatchedBy []string  `json:"matched_by"`
	Keys      []string  `json:"keys"`
	Contacts  []Contact `json:"contacts"` // for the reader; apply uses only survivor and merge
}

const planAbout = "woot merge plan. Each group merges the contacts in \"merge\" into \"survivor\" " +
	"(chosen: most conversations, then oldest). Change survivor or merge, or delete a group, then run " +
	"`woot contacts merge-plan apply FILE --dry-run` and without --dry-run. Merging cannot be undone."

// NewPlan proposes a merge for every group.
func NewPlan(groups []Group) Plan {
	p := Plan{About: planAbout, Groups: []PlanGroup{}}
	for _, g := range groups {
		s := Survivor(g)
		pg := PlanGroup{Survivor: s.ID, Merge: []int64{}, MatchedBy: g.MatchedBy, Keys: g.Keys, Contacts: g.Contacts}
		for _, c := range g.Contacts {
			if c.ID != s.ID {
				pg.Merge = append(pg.Merge, c.ID)
			}
		}
		p.Groups = append(p.Groups, pg)
	}
	return p
}

// ReadPlan reads and checks a plan: every group names a survivor, and no
// contact appears twice (a contact merged away cannot survive elsewhere).
func ReadPlan(r io.Reader) (Plan, error) {
	var p Plan
	dec := json.NewDecoder(r)
	if err := dec.Decode(&p); err != nil {
		return Plan{}, fmt.Errorf("not a merge plan (JSON as `woot contacts duplicates --plan` writes it): %w", err)
	}
	seen := map[int64]int{}
	for i, g := range p.Groups {
		n := i + 1
		if g.Survivor <= 0 {
			return Plan{}, fmt.Errorf("group %d has no survivor: set \"survivor\" to the id of the contact to keep", n)
		}
		for _, id := range append([]int64{g.Survivor}, g.Merge...) {
			if id == g.Survivor && seen[id] == n {
				return Plan{}, fmt.Errorf("group %d merges contact %d into itself: take it out of \"merge\"", n, id)
			}
			if id <= 0 {
				return Plan{}, fmt.Errorf("group %d: %d is not a contact id", n, id)
			}
			if prev, ok := seen[id]; ok {
				return Plan{}, fmt.Errorf("contact %d appears in group %d and group %d: a contact can be in one group only", id, prev, n)
			}
			seen[id] = n
		}
	}
	return p, nil
}
