package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

func (c *ctx) listTeams() {
	out := []obj{}
	for _, t := range store.OfAccount(c.st.Teams, c.acct.ID) {
		out = append(out, teamView(t, c.actorID()))
	}
	c.ok(out)
}

func (c *ctx) findTeam() *store.Team {
	id, ok := c.pathID("team_id")
	if !ok {
		return nil
	}
	t := store.FindIn(c.st.Teams, c.acct.ID, id)
	if t == nil {
		c.notFound()
	}
	return t
}

func (c *ctx) showTeam() {
	if t := c.findTeam(); t != nil {
		c.ok(teamView(t, c.actorID()))
	}
}

func (c *ctx) createTeam() {
	p := c.in("team")
	t := &store.Team{AccountID: c.acct.ID, AllowAutoAssign: true, Members: []int64{}}
	if !c.applyTeam(t, p) {
		return
	}
	t.ID = c.st.Next("teams")
	t.CreatedAt, t.UpdatedAt = c.now(), c.now()
	c.st.Teams = append(c.st.Teams, t)
	c.audit("Team", t.ID, "create", obj{"name": t.Name})
	c.ok(teamView(t, c.actorID()))
}

// applyTeam copies the team fields; names are unique per account, stored
// lower-case like Chatwoot's.
func (c *ctx) applyTeam(t *store.Team, p obj) bool {
	if v, ok := getStr(p, "name"); ok {
		t.Name = strings.ToLower(strings.TrimSpace(v))
	}
	if t.Name == "" {
		c.invalid("Name can't be blank", "name")
		return false
	}
	for _, other := range c.st.Teams {
		if other.AccountID == t.AccountID && other.ID != t.ID && other.Name == t.Name {
			c.invalid("Name has already been taken", "name")
			return false
		}
	}
	if v, ok := getStr(p, "description"); ok {
		t.Description = v
	}
	if v, ok := getBool(p, "allow_auto_assign"); ok {
		t.AllowAutoAssign = v
	}
	return true
}

func (c *ctx) updateTeam() {
	t := c.findTeam()
	if t == nil {
		return
	}
	draft := *t
	if !c.applyTeam(&draft, c.in("team")) {
		return
	}
	*t = draft
	t.UpdatedAt = c.now()
	c.ok(teamView(t, c.actorID()))
}

func (c *ctx) deleteTeam() {
	t := c.findTeam()
	if t == nil {
		return
	}
	c.st.Teams = store.RemoveID(c.st.Teams, t.ID)
	for _, cv := range c.st.Conversations {
		if cv.TeamID == t.ID {
			cv.TeamID = 0
		}
	}
	c.audit("Team", t.ID, "destroy", obj{"name": t.Name})
	c.head(http.StatusOK)
}

func (c *ctx) listTeamMembers() {
	if t := c.findTeam(); t != nil {
		c.ok(agentsOf(c.st, c.acct.ID, t.Members))
	}
}

func (c *ctx) teamMemberIDs() ([]int64, bool) {
	ids, ok := getInts(c.params, "user_ids")
	if !ok {
		c.missing("user_ids")
		return nil, false
	}
	for _, id := range ids {
		if c.st.AccountUser(c.acct.ID, id) == nil {
			c.fail(http.StatusUnprocessableEntity, "Invalid User IDs")
			return nil, false
		}
	}
	return ids, true
}

// addTeamMembers answers the agents it added, as the server does.
func (c *ctx) addTeamMembers() {
	t := c.findTeam()
	if t == nil {
		return
	}
	ids, ok := c.teamMemberIDs()
	if !ok {
		return
	}
	var added []int64
	for _, id := range ids {
		if !store.ContainsInt(t.Members, id) {
			t.Members = append(t.Members, id)
			added = append(added, id)
		}
	}
	c.ok(agentsOf(c.st, c.acct.ID, added))
}

func (c *ctx) replaceTeamMembers() {
	t := c.findTeam()
	if t == nil {
		return
	}
	ids, ok := c.teamMemberIDs()
	if !ok {
		return
	}
	t.Members = uniqInts(ids)
	c.ok(agentsOf(c.st, c.acct.ID, t.Members))
}

func (c *ctx) removeTeamMembers() {
	t := c.findTeam()
	if t == nil {
		return
	}
	ids, ok := c.teamMemberIDs()
	if !ok {
		return
	}
	t.Members = withoutInts(t.Members, ids)
	c.head(http.StatusOK)
}
