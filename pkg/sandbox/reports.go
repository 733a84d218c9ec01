package sandbox

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Reports are computed from the stored conversations and messages where
// that is a count; durations Chatwoot averages from its reporting events
// are computed from them too, and come out as zero when there are none.

const day = 24 * 60 * 60

// reportRange reads since/until (unix seconds); the default is the last
// seven days up to now.
func (c *ctx) reportRange() (since, until int64) {
	until = c.now()
	since = until - 7*day
	if v, ok := getInt(c.params, "since"); ok {
		since = v
	}
	if v, ok := getInt(c.params, "until"); ok {
		until = v
	}
	return since, until
}

// reportScope returns the account's conversations the report's type and
// id select (account, agent, inbox, team, label).
func (c *ctx) reportScope() []*store.Conversation {
	kind := orDefault(str(c.params, "type"), "account")
	id := intOf(c.params, "id")
	var labelTitle string
	if kind == "label" {
		if l := store.FindIn(c.st.Labels, c.acct.ID, id); l != nil {
			labelTitle = l.Title
		}
	}
	var out []*store.Conversation
	for _, cv := range c.st.Conversations {
		if cv.AccountID != c.acct.ID {
			continue
		}
		switch kind {
		case "agent":
			if cv.AssigneeID != id {
				continue
			}
		case "inbox":
			if cv.InboxID != id {
				continue
			}
		case "team":
			if cv.TeamID != id {
				continue
			}
		case "label":
			if !store.ContainsStr(cv.Labels, labelTitle) {
				continue
			}
		}
		out = append(out, cv)
	}
	return out
}

type reportTotals struct {
	conversations, incoming, outgoing, resolutions int
	firstResponse, resolution                      float64 // sums of seconds
	firstResponses, resolved                       int
}

func (c *ctx) totals(rows []*store.Conversation, since, until int64) reportTotals {
	var t reportTotals
	in := func(ts int64) bool { return ts >= since && ts <= until }
	for _, cv := range rows {
		if in(cv.CreatedAt) {
			t.conversations++
		}
		for _, m := range cv.Messages {
			if !in(m.CreatedAt) || m.Private {
				continue
			}
			switch m.MessageType {
			case store.MsgIncoming:
				t.incoming++
			case store.MsgOutgoing:
				t.outgoing++
			}
		}
		if cv.FirstReplyCreatedAt != 0 && in(cv.FirstReplyCreatedAt) {
			t.firstResponse += float64(cv.FirstReplyCreatedAt - cv.CreatedAt)
			t.firstResponses++
		}
	}
	for _, r := range c.recordsOf(store.KindReportingEvents, 0) {
		end, ok := parseTimeValue(str(r.Attrs, "event_end_time"))
		if str(r.Attrs, "name") == "conversation_resolved" && ok && in(end) && inScope(rows, intOf(r.Attrs, "conversation_id")) {
			t.resolutions++
			t.resolution += floatOf(r.Attrs["value"])
			t.resolved++
		}
	}
	return t
}

func inScope(rows []*store.Conversation, displayID int64) bool {
	for _, cv := range rows {
		if cv.DisplayID == displayID {
			return true
		}
	}
	return false
}

func floatOf(v any) float64 {
	switch t := v.(type) {
	case float64:
		return t
	case int64:
		return float64(t)
	case interface{ Float64() (float64, error) }:
		f, _ := t.Float64()
		return f
	}
	return 0
}

func avg(sum float64, n int) float64 {
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

func (t reportTotals) metric(name string) float64 {
	switch name {
	case "conversations_count":
		return float64(t.conversations)
	case "incoming_messages_count":
		return float64(t.incoming)
	case "outgoing_messages_count":
		return float64(t.outgoing)
	case "resolutions_count":
		return float64(t.resolutions)
	case "avg_first_response_time":
		return avg(t.firstResponse, t.firstResponses)
	case "avg_resolution_time":
		return avg(t.resolution, t.resolved)
	}
	return 0
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// reportSeries answers one point per day: [{value, timestamp}].
func (c *ctx) reportSeries() {
	metric := str(c.params, "metric")
	if metric == "" {
		c.missing("metric")
		return
	}
	since, until := c.reportRange()
	rows := c.reportScope()
	out := []obj{}
	for start := since - since%day; start <= until; start += day {
		t := c.totals(rows, max(start, since), min(start+day-1, until))
		out = append(out, obj{"value": num(t.metric(metric)), "timestamp": start})
	}
	c.ok(out)
}

func (c *ctx) summaryOf(rows []*store.Conversation, since, until int64) obj {
	t := c.totals(rows, since, until)
	return obj{
		"avg_first_response_time": num(t.metric("avg_first_response_time")),
		"avg_resolution_time":     num(t.metric("avg_resolution_time")),
		"conversations_count":     t.conversations, "incoming_messages_count": t.incoming,
		"outgoing_messages_count": t.outgoing, "resolutions_count": t.resolutions,
	}
}

func (c *ctx) reportSummary() {
	since, until := c.reportRange()
	rows := c.reportScope()
	v := c.summaryOf(rows, since, until)
	v["previous"] = c.summaryOf(rows, since-(until-since), since-1)
	c.ok(v)
}

// liveCounts are the open-conversation numbers of the live reports.
func liveCounts(rows []*store.Conversation) obj {
	open, unattended, unassigned, pending := 0, 0, 0, 0
	for _, cv := range rows {
		switch cv.Status {
		case store.StatusOpen:
			open++
			if cv.FirstReplyCreatedAt == 0 || cv.WaitingSince != 0 {
				unattended++
			}
			if cv.AssigneeID == 0 {
				unassigned++
			}
		case store.StatusPending:
			pending++
		}
	}
	return obj{"open": open, "unattended": unattended, "unassigned": unassigned, "pending": pending}
}

func (c *ctx) accountConversationMetrics() {
	c.ok(liveCounts(ofConversations(c.st.Conversations, c.acct.ID)))
}

func ofConversations(all []*store.Conversation, accountID int64) []*store.Conversation {
	var out []*store.Conversation
	for _, cv := range all {
		if cv.AccountID == accountID {
			out = append(out, cv)
		}
	}
	return out
}

func (c *ctx) agentConversationMetrics() {
	rows := ofConversations(c.st.Conversations, c.acct.ID)
	onlyUser, filtered := getInt(c.params, "user_id")
	out := []obj{}
	for _, au := range c.st.AccountUsers {
		u := c.st.User(au.UserID)
		if au.AccountID != c.acct.ID || u == nil || (filtered && u.ID != onlyUser) {
			continue
		}
		var mine []*store.Conversation
		for _, cv := range rows {
			if cv.AssigneeID == u.ID {
				mine = append(mine, cv)
			}
		}
		live := liveCounts(mine)
		out = append(out, obj{"id": u.ID, "name": u.Name, "email": u.Email, "thumbnail": "",
			"availability": orDefault(au.Availability, "offline"),
			"metric":       obj{"open": live["open"], "unattended": live["unattended"]}})
	}
	c.ok(out)
}

func statusCounts(rows []*store.Conversation) obj {
	v := obj{store.StatusOpen: 0, store.StatusResolved: 0, store.StatusPending: 0, store.StatusSnoozed: 0, "total": len(rows)}
	for _, cv := range rows {
		v[cv.Status] = v[cv.Status].(int) + 1
	}
	return v
}

func (c *ctx) channelSummary() {
	since, until := c.reportRange()
	byChannel := map[string][]*store.Conversation{}
	for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
		if cv.CreatedAt < since || cv.CreatedAt > until {
			continue
		}
		if in := c.st.InboxOf(cv.InboxID); in != nil {
			byChannel[in.ChannelType] = append(byChannel[in.ChannelType], cv)
		}
	}
	out := obj{}
	for ch, rows := range byChannel {
		out[ch] = statusCounts(rows)
	}
	c.ok(out)
}

// groupSummary answers the summary_reports/{inbox,agent,team,label} rows.
func groupSummary(kind string) handler {
	return func(c *ctx) {
		since, until := c.reportRange()
		out := []obj{}
		for _, g := range c.groups(kind) {
			var count, resolved int
			for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
				if g.has(cv) && cv.CreatedAt >= since && cv.CreatedAt <= until {
					count++
					if cv.Status == store.StatusResolved {
						resolved++
					}
				}
			}
			out = append(out, obj{"id": g.id, "conversations_count": count, "resolved_conversations_count": resolved,
				"avg_resolution_time": nil, "avg_first_response_time": nil, "avg_reply_time": nil})
		}
		c.ok(out)
	}
}

type reportGroup struct {
	id   int64
	name string
	has  func(*store.Conversation) bool
}

func (c *ctx) groups(kind string) []reportGroup {
	var out []reportGroup
	switch kind {
	case "inbox":
		for _, in := range store.OfAccount(c.st.Inboxes, c.acct.ID) {
			id := in.ID
			out = append(out, reportGroup{id, in.Name, func(cv *store.Conversation) bool { return cv.InboxID == id }})
		}
	case "agent":
		for _, au := range c.st.AccountUsers {
			if u := c.st.User(au.UserID); au.AccountID == c.acct.ID && u != nil {
				id := u.ID
				out = append(out, reportGroup{id, u.Name, func(cv *store.Conversation) bool { return cv.AssigneeID == id }})
			}
		}
	case "team":
		for _, t := range store.OfAccount(c.st.Teams, c.acct.ID) {
			id := t.ID
			out = append(out, reportGroup{id, t.Name, func(cv *store.Conversation) bool { return cv.TeamID == id }})
		}
	case "label":
		for _, l := range store.OfAccount(c.st.Labels, c.acct.ID) {
			title := l.Title
			out = append(out, reportGroup{l.ID, l.Title, func(cv *store.Conversation) bool { return store.ContainsStr(cv.Labels, title) }})
		}
	}
	return out
}

func (c *ctx) firstResponseDistribution() {
	since, until := c.reportRange()
	out := obj{}
	for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
		in := c.st.InboxOf(cv.InboxID)
		if in == nil || cv.CreatedAt < since || cv.CreatedAt > until {
			continue
		}
		buckets, ok := out[in.ChannelType].(obj)
		if !ok {
			buckets = obj{"0-1h": 0, "1-4h": 0, "4-8h": 0, "8-24h": 0, "24h+": 0}
			out[in.ChannelType] = buckets
		}
		if cv.FirstReplyCreatedAt == 0 {
			continue
		}
		hours := float64(cv.FirstReplyCreatedAt-cv.CreatedAt) / 3600
		key := "24h+"
		switch {
		case hours < 1:
			key = "0-1h"
		case hours < 4:
			key = "1-4h"
		case hours < 8:
			key = "4-8h"
		case hours < 24:
			key = "8-24h"
		}
		buckets[key] = buckets[key].(int) + 1
	}
	c.ok(out)
}

func (c *ctx) inboxLabelMatrix() {
	inboxIDs, _ := getInts(c.params, "inbox_ids")
	labelIDs, _ := getInts(c.params, "label_ids")
	var inboxes []*store.Inbox
	for _, in := range store.OfAccount(c.st.Inboxes, c.acct.ID) {
		if len(inboxIDs) == 0 || store.ContainsInt(inboxIDs, in.ID) {
			inboxes = append(inboxes, in)
		}
	}
	var labels []*store.Label
	for _, l := range store.OfAccount(c.st.Labels, c.acct.ID) {
		if len(labelIDs) == 0 || store.ContainsInt(labelIDs, l.ID) {
			labels = append(labels, l)
		}
	}
	since, until := c.reportRange()
	inboxOut, labelOut, matrix := []obj{}, []obj{}, [][]int{}
	for _, l := range labels {
		labelOut = append(labelOut, obj{"id": l.ID, "title": l.Title})
	}
	for _, in := range inboxes {
		inboxOut = append(inboxOut, obj{"id": in.ID, "name": in.Name})
		row := make([]int, len(labels))
		for _, cv := range c.st.Conversations {
			if cv.InboxID != in.ID || cv.CreatedAt < since || cv.CreatedAt > until {
				continue
			}
			for j, l := range labels {
				if store.ContainsStr(cv.Labels, l.Title) {
					row[j]++
				}
			}
		}
		matrix = append(matrix, row)
	}
	c.ok(obj{"inboxes": inboxOut, "labels": labelOut, "matrix": matrix})
}

func (c *ctx) outgoingMessagesCount() {
	kind := str(c.params, "group_by")
	if kind == "" {
		c.missing("group_by")
		return
	}
	since, until := c.reportRange()
	out := []obj{}
	for _, g := range c.groups(kind) {
		n := 0
		for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
			for _, m := range cv.Messages {
				if m.MessageType != store.MsgOutgoing || m.Private || m.CreatedAt < since || m.CreatedAt > until {
					continue
				}
				if (kind == "agent" && m.SenderType == "User" && m.SenderID == g.id) || (kind != "agent" && g.has(cv)) {
					n++
				}
			}
		}
		out = append(out, obj{"id": g.id, "name": g.name, "outgoing_messages_count": n})
	}
	c.ok(out)
}

func (c *ctx) botSummary() {
	zero := obj{"bot_resolutions_count": 0, "bot_handoffs_count": 0}
	c.ok(obj{"bot_resolutions_count": 0, "bot_handoffs_count": 0, "previous": zero})
}

func (c *ctx) botMetrics() {
	c.ok(obj{"conversation_count": 0, "message_count": 0, "resolution_rate": "0", "handoff_rate": "0"})
}

func (c *ctx) drilldown() { c.ok(obj{"payload": []obj{}, "meta": obj{"count": 0, "current_page": 1}}) }

// csvReport answers the report downloads (agents, inboxes, labels, teams,
// conversation summary and traffic) as CSV, one row per group.
func csvReport(kind string) handler {
	return func(c *ctx) {
		var b strings.Builder
		switch kind {
		case "conversation_traffic":
			b.WriteString("Start of the week,Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday\n")
		case "conversations_summary":
			b.WriteString("Conversations,Incoming messages,Outgoing messages,Resolutions\n")
			since, until := c.reportRange()
			t := c.totals(ofConversations(c.st.Conversations, c.acct.ID), since, until)
			b.WriteString(strconv.Itoa(t.conversations) + "," + strconv.Itoa(t.incoming) + "," + strconv.Itoa(t.outgoing) + "," + strconv.Itoa(t.resolutions) + "\n")
		default:
			b.WriteString(humanize(kind) + " name,Conversations count,Avg first response time,Avg resolution time\n")
			for _, g := range c.groups(kind) {
				n := 0
				for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
					if g.has(cv) {
						n++
					}
				}
				b.WriteString(csvField(g.name) + "," + strconv.Itoa(n) + ",--,--\n")
			}
		}
		c.text(http.StatusOK, "text/csv", b.String())
	}
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func (c *ctx) liveConversationMetrics() {
	rows := ofConversations(c.st.Conversations, c.acct.ID)
	if id, ok := getInt(c.params, "team_id"); ok {
		var team []*store.Conversation
		for _, cv := range rows {
			if cv.TeamID == id {
				team = append(team, cv)
			}
		}
		rows = team
	}
	c.ok(liveCounts(rows))
}

func (c *ctx) groupedLiveMetrics() {
	by := orDefault(str(c.params, "group_by"), "assignee_id")
	groups := map[int64][]*store.Conversation{}
	var order []int64
	for _, cv := range ofConversations(c.st.Conversations, c.acct.ID) {
		key := cv.AssigneeID
		if by == "team_id" {
			key = cv.TeamID
		}
		if _, seen := groups[key]; !seen {
			order = append(order, key)
		}
		groups[key] = append(groups[key], cv)
	}
	out := []obj{}
	for _, key := range order {
		v := liveCounts(groups[key])
		v[by] = intOrNil(key)
		out = append(out, v)
	}
	c.ok(out)
}
