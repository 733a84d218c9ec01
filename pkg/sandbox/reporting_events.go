package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Reporting events: 25 per page with {count,current_page,total_pages}.

func reportingEventView(r *store.Record) obj {
	return obj{
		"id": r.ID, "name": str(r.Attrs, "name"), "value": floatOf(r.Attrs["value"]),
		"value_in_business_hours": floatOf(r.Attrs["value_in_business_hours"]),
		"event_start_time":        str(r.Attrs, "event_start_time"), "event_end_time": str(r.Attrs, "event_end_time"),
		"account_id": r.AccountID, "conversation_id": nullableInt(r.Attrs["conversation_id"]),
		"inbox_id": nullableInt(r.Attrs["inbox_id"]), "user_id": nullableInt(r.Attrs["user_id"]),
		"created_at": store.ISO(r.CreatedAt), "updated_at": store.ISO(r.UpdatedAt),
	}
}

func nullableInt(v any) any {
	if n, ok := toInt(v); ok && n != 0 {
		return n
	}
	return nil
}

func (c *ctx) reportingEvents() {
	since, hasSince := getInt(c.params, "since")
	until, hasUntil := getInt(c.params, "until")
	inboxID, hasInbox := getInt(c.params, "inbox_id")
	userID, hasUser := getInt(c.params, "user_id")
	name := str(c.params, "name")
	var rows []*store.Record
	for _, r := range c.recordsOf(store.KindReportingEvents, 0) {
		switch {
		case hasSince && r.CreatedAt < since, hasUntil && r.CreatedAt > until,
			hasInbox && intOf(r.Attrs, "inbox_id") != inboxID, hasUser && intOf(r.Attrs, "user_id") != userID,
			name != "" && str(r.Attrs, "name") != name:
			continue
		}
		rows = append(rows, r)
	}
	page := c.page()
	out := []obj{}
	for _, r := range pageOf(rows, page, 25) {
		out = append(out, reportingEventView(r))
	}
	pages := (len(rows) + 24) / 25
	c.ok(obj{"meta": obj{"count": len(rows), "current_page": page, "total_pages": pages}, "payload": out})
}

// CSAT survey responses and applied SLAs.

func (c *ctx) csatView(r *store.Record) obj {
	v := obj{"id": r.ID, "rating": intOf(r.Attrs, "rating"), "feedback_message": str(r.Attrs, "feedback_message"),
		"account_id": r.AccountID, "conversation_id": intOf(r.Attrs, "conversation_id"),
		"message_id": intOf(r.Attrs, "message_id"), "created_at": r.CreatedAt}
	if ct := store.FindIn(c.st.Contacts, r.AccountID, intOf(r.Attrs, "contact_id")); ct != nil {
		v["contact"] = obj{"id": ct.ID, "name": ct.Name, "email": strOrNil(ct.Email), "thumbnail": ct.AvatarURL}
	}
	if a, ok := renderAgent(c.st, r.AccountID, intOf(r.Attrs, "assigned_agent_id")); ok {
		v["assigned_agent"] = a
	}
	return v
}

// csatRows are the account's CSAT responses that the request's filters
// keep, as Api::V1::Accounts::CsatSurveyResponsesController sets them for
// index, metrics and download: created_at in [since, until) when both are
// given (DateRangeHelper#range), the assigned agent among user_ids, the
// conversation's inbox and team, and the rating.
func (c *ctx) csatRows() []*store.Record {
	since, hasSince := getInt(c.params, "since")
	until, hasUntil := getInt(c.params, "until")
	agents, _ := getInts(c.params, "user_ids")
	inboxID, hasInbox := getInt(c.params, "inbox_id")
	teamID, hasTeam := getInt(c.params, "team_id")
	ratings, _ := getInts(c.params, "rating")
	var out []*store.Record
	for _, r := range c.recordsOf(store.KindCSAT, 0) {
		if hasSince && hasUntil && (r.CreatedAt < since || r.CreatedAt >= until) {
			continue
		}
		if len(agents) > 0 && !slices.Contains(agents, intOf(r.Attrs, "assigned_agent_id")) {
			continue
		}
		if len(ratings) > 0 && !slices.Contains(ratings, intOf(r.Attrs, "rating")) {
			continue
		}
		if hasInbox || hasTeam {
			cv := c.st.Conversation(r.AccountID, intOf(r.Attrs, "conversation_id"))
			if cv == nil || hasInbox && cv.InboxID != inboxID || hasTeam && cv.TeamID != teamID {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

func (c *ctx) listCSAT() {
	rows := c.csatRows()
	c.ok(viewsOf(pageOf(rows, c.page(), 25), c.csatView))
}

func (c *ctx) csatMetrics() {
	rows := c.csatRows()
	ratings := obj{}
	for _, r := range rows {
		k := strconv.FormatInt(intOf(r.Attrs, "rating"), 10)
		n, _ := ratings[k].(int)
		ratings[k] = n + 1
	}
	sent := len(rows)
	rate := "0"
	if sent > 0 {
		rate = "100"
	}
	c.ok(obj{"total_count": len(rows), "ratings_count": ratings, "total_sent_messages_count": sent, "response_rate": rate})
}

func (c *ctx) csatDownload() {
	var b strings.Builder
	b.WriteString("Agent name,Rating,Feedback,Contact name,Contact email,Contact phone,Link to the conversation,Recorded on\n")
	for _, r := range c.csatRows() {
		v := c.csatView(r)
		agent := ""
		if a, ok := v["assigned_agent"].(agentView); ok {
			agent = a.Name
		}
		contactName := ""
		if ct, ok := v["contact"].(obj); ok {
			contactName, _ = ct["name"].(string)
		}
		b.WriteString(csvField(agent) + "," + strconv.FormatInt(intOf(r.Attrs, "rating"), 10) + "," +
			csvField(str(r.Attrs, "feedback_message")) + "," + csvField(contactName) + ",,," +
			c.s.opts.BaseURL + "/app/accounts/" + strconv.FormatInt(r.AccountID, 10) + "/conversations/" +
			strconv.FormatInt(intOf(r.Attrs, "conversation_id"), 10) + "," + time.Unix(r.CreatedAt, 0).UTC().Format(time.RFC3339) + "\n")
	}
	c.text(http.StatusOK, "text/csv", b.String())
}

func (c *ctx) listAppliedSLAs() {
	c.ok(obj{"payload": []obj{}, "meta": obj{"count": 0, "current_page": c.page()}})
}

func (c *ctx) appliedSLAMetrics() {
	c.ok(obj{"total_applied_slas": 0, "number_of_sla_misses": 0, "hit_rate": "0%"})
}

func (c *ctx) appliedSLADownload() {
	c.text(http.StatusOK, "text/csv", "Conversation,Agent,Inbox,SLA policy,Breached events\n")
}
