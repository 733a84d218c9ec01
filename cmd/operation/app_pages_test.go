package operation_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/api"
)

// pageCase tests that a list command returns every item of a list the way
// the real server cuts it: page-number lists as one full page at the
// server's page size and a short second page, message lists as two
// before= cursors, unpaged lists as one answer with more items than any
// page holds (and no second request).
type pageCase struct {
	command      string
	args         []string // as the user types them; --all is appended for paged lists
	method, path string
	query        url.Values // carried by every request besides the page cursor
	body         string     // the exact JSON body of every request; "" = none
	errata       string     // as in appCase: the spec is wrong here, the case's assertions are the check

	pager api.Pager // how the server pages this list
	size  int       // the server's page size (paged lists)

	item func(id int) string                        // one item with this id
	wrap func(page, total int, items string) string // the page's envelope
	pick string                                     // jq path to an item's key; "" = .id
	key  func(id int) string                        // the key printed for an item; nil = its id
}

// unpagedItems is how many items an unpaged list answers with: more than
// Chatwoot's usual page sizes (15, 20, 25), so a command that stopped after
// a "page" would be caught.
const unpagedItems = 30

func (pc pageCase) total() int {
	if pc.pager == api.NoPages {
		return unpagedItems
	}
	return pc.size + 3
}

// pageAnswer is one request the list command must make and its answer.
type pageAnswer struct {
	cursor, value string // "page"/"2", "before"/"16", or "" for none
	ids           []int
}

// answers cuts ids 1…total the way the server pages them.
func (pc pageCase) answers(op api.Operation) []pageAnswer {
	total := pc.total()
	ids := func(from, to int) []int {
		var out []int
		for id := from; id <= to; id++ {
			out = append(out, id)
		}
		return out
	}
	switch pc.pager {
	case api.PageNumber:
		pages := []pageAnswer{
			{"page", "1", ids(1, pc.size)},
			{"page", "2", ids(pc.size+1, total)},
		}
		if op.List.PageSize == 0 {
			// Without a known page size the command reads on to an empty page.
			pages = append(pages, pageAnswer{"page", "3", nil})
		}
		return pages
	case api.BeforeID:
		// Newest page first, each page ascending (FACTS.md §5).
		oldest := total - pc.size + 1
		return []pageAnswer{
			{"before", "", ids(oldest, total)},
			{"before", strconv.Itoa(oldest), ids(1, oldest-1)},
		}
	}
	return []pageAnswer{{"", "", ids(1, total)}}
}

func (pc pageCase) render(page int, ids []int) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = pc.item(id)
	}
	return pc.wrap(page, pc.total(), strings.Join(parts, ","))
}

func (pc pageCase) wantStdout() string {
	keys := make([]string, 0, pc.total())
	for id := 1; id <= pc.total(); id++ {
		if pc.key != nil {
			keys = append(keys, pc.key(id))
		} else {
			keys = append(keys, strconv.Itoa(id))
		}
	}
	return strings.Join(keys, ",") + "\n"
}

func runPageCase(t *testing.T, ops map[string]api.Operation, pc pageCase) {
	t.Helper()
	op, ok := ops[pc.command]
	if !ok || op.List == nil {
		t.Fatalf("%q is no list operation", pc.command)
	}
	if op.List.Pager != pc.pager {
		t.Fatalf("the server pages %q as %v, the operation says %v", pc.command, pc.pager, op.List.Pager)
	}
	h := cmdtest.NewHarness(t)
	answers := pc.answers(op)
	for i, a := range answers {
		r := h.Stub.On(pc.method, pc.path, 200, pc.render(i+1, a.ids))
		if a.cursor != "" {
			r.WithQuery(a.cursor, a.value)
		}
		r.BeyondSpec = !op.InSpec || pc.errata != ""
		want := url.Values{}
		for k, vs := range pc.query {
			want[k] = vs
		}
		if a.value != "" {
			want.Set(a.cursor, a.value)
		}
		r.Check = func(req *http.Request, body []byte) error {
			if err := credentialsFor(op)(req); err != nil {
				return err
			}
			if err := sameQuery(req.URL.Query(), want); err != nil {
				return err
			}
			if err := errataNeeded(t, req, body, pc.errata); err != nil {
				return err
			}
			return sameJSONBody(body, pc.body)
		}
	}
	pick := pc.pick
	if pick == "" {
		pick = ".id"
	}
	args := append([]string(nil), pc.args...)
	if pc.pager != api.NoPages {
		args = append(args, "--all")
	}
	if pc.pager == api.PageNumber {
		// One page at a time makes the request count exact: a list with
		// no total may have pages past its end fetched ahead and dropped.
		args = append(args, "--concurrency", "1")
	}
	args = append(args, "--jq", fmt.Sprintf(`map(%s|tostring) | join(",")`, pick))
	out := h.MustRun(args...)
	if want := pc.wantStdout(); out != want {
		t.Errorf("stdout:\n%s\nwant every item once, in order:\n%s", out, want)
	}
	if got := len(h.Stub.Requests()); got != len(answers) {
		t.Errorf("sent %d requests, want %d", got, len(answers))
	}
}

// Envelopes of Chatwoot's list answers (FACTS.md §5).

func bareList(_, _ int, items string) string { return "[" + items + "]" }

func payloadList(_, _ int, items string) string { return `{"payload":[` + items + `]}` }

func contactsList(page, total int, items string) string {
	return fmt.Sprintf(`{"meta":{"count":%d,"current_page":%d},"payload":[%s]}`, total, page, items)
}

func contactSearchList(page, total int, items string) string {
	// Search reads one row ahead and reports has_more instead of a total.
	hasMore := page*15 < total
	return fmt.Sprintf(`{"meta":{"count":%d,"current_page":%d,"has_more":%v},"payload":[%s]}`, min(15, total-(page-1)*15), page, hasMore, items)
}

func conversationsList(_, total int, items string) string {
	return fmt.Sprintf(`{"data":{"meta":{"mine_count":0,"assigned_count":%d,"unassigned_count":0,"all_count":%d},"payload":[%s]}}`, total, total, items)
}

func attachmentsList(_, total int, items string) string {
	return fmt.Sprintf(`{"meta":{"total_count":%d},"payload":[%s]}`, total, items)
}

func searchList(key string) func(int, int, string) string {
	return func(_, _ int, items string) string { return `{"payload":{"` + key + `":[` + items + `]}}` }
}

func reportingEventsList(page, total int, items string) string {
	return fmt.Sprintf(`{"meta":{"count":%d,"current_page":%d,"total_pages":%d},"payload":[%s]}`, total, page, (total+24)/25, items)
}

func auditLogsList(page, total int, items string) string {
	return fmt.Sprintf(`{"per_page":25,"total_entries":%d,"current_page":%d,"audit_logs":[%s]}`, total, page, items)
}

func appliedSLAsList(_, total int, items string) string {
	return fmt.Sprintf(`{"payload":[%s],"meta":{"count":%d}}`, items, total)
}

func notificationsList(page, total int, items string) string {
	return fmt.Sprintf(`{"data":{"meta":{"unread_count":%d,"count":%d,"current_page":%d},"payload":[%s]}}`, total, total, page, items)
}

func articlesList(page, total int, items string) string {
	return fmt.Sprintf(`{"payload":[%s],"meta":{"all_articles_count":%d,"articles_count":%d,"archived_articles_count":0,`+
		`"draft_articles_count":0,"published_count":%d,"mine_articles_count":0,"current_page":%d}}`, items, total, total, total, page)
}

func messagesList(_, _ int, items string) string {
	return `{"meta":` + conversationMetaJSON() + `,"payload":[` + items + `]}`
}

func webhooksList(_, _ int, items string) string { return `{"payload":{"webhooks":[` + items + `]}}` }

// labelName is the label of item id in label lists.
func labelName(id int) string { return fmt.Sprintf("label-%d", id) }

func quotedLabel(id int) string { return strconv.Quote(labelName(id)) }

// idList is "1,2,…,n", for flags that take every id of an unpaged answer.
func idList(n int, name func(int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = name(i + 1)
	}
	return strings.Join(parts, ",")
}

func jsonIDs(n int) string { return "[" + idList(n, strconv.Itoa) + "]" }

func jsonLabels(n int) string { return "[" + idList(n, quotedLabel) + "]" }

func pagedListCases() []pageCase {
	search := func(what, key string, item func(int) string) pageCase {
		return pageCase{
			command: "search " + what + " list", args: appArgs("search " + what + " list --q ann"),
			method: "GET", path: appV1 + "/search/" + what, query: appQuery("q", "ann"),
			pager: api.PageNumber, size: 15, item: item, wrap: searchList(key),
		}
	}
	filter := `[{"attribute_key":"status","filter_operator":"equal_to","values":["open"]}]`
	return []pageCase{
		{
			command: "contacts list", args: appArgs("contacts list --sort name"),
			method: "GET", path: appV1 + "/contacts", query: appQuery("sort", "name"),
			pager: api.PageNumber, size: 15, item: cmdtest.ContactJSON, wrap: contactsList,
		},
		{
			command: "contacts search", args: appArgs("contacts search --q example.com"),
			method: "GET", path: appV1 + "/contacts/search", query: appQuery("q", "example.com"),
			pager: api.PageNumber, size: 15, item: cmdtest.ContactJSON, wrap: contactSearchList,
		},
		{
			command: "contacts filter", args: appArgs("contacts filter --payload", filter),
			method: "POST", path: appV1 + "/contacts/filter", body: `{"payload":` + filter + `}`,
			pager: api.PageNumber, size: 15, item: cmdtest.ContactJSON, wrap: contactsList,
		},
		{
			command: "contacts list-active", args: appArgs("contacts list-active"),
			method: "GET", path: appV1 + "/contacts/active",
			pager: api.PageNumber, size: 15, item: cmdtest.ContactJSON, wrap: contactsList,
		},
		{
			command: "contacts attachments list", args: appArgs("contacts attachments list 42"),
			method: "GET", path: appV1 + "/contacts/42/attachments",
			pager: api.PageNumber, size: 100, item: attachmentJSON, wrap: attachmentsList,
		},
		{
			command: "conversations list", args: appArgs("conversations list --status all"),
			method: "GET", path: appV1 + "/conversations", query: appQuery("status", "all"),
			pager: api.PageNumber, size: 25, item: cmdtest.ConversationJSON, wrap: conversationsList,
		},
		{
			command: "conversations filter", args: appArgs("conversations filter --payload", filter),
			method: "POST", path: appV1 + "/conversations/filter", body: `{"payload":` + filter + `}`,
			pager: api.PageNumber, size: 25, item: cmdtest.ConversationJSON, wrap: conversationsList,
		},
		{
			command: "conversations search", args: appArgs("conversations search --q refund"),
			method: "GET", path: appV1 + "/conversations/search", query: appQuery("q", "refund"),
			pager: api.PageNumber, size: 25, item: cmdtest.ConversationJSON, wrap: conversationsList,
		},
		{
			command: "conversations attachments list", args: appArgs("conversations attachments list 1234"),
			method: "GET", path: appV1 + "/conversations/1234/attachments",
			pager: api.PageNumber, size: 100, item: attachmentJSON, wrap: attachmentsList,
		},
		{
			command: "messages list", args: appArgs("messages list 1234"),
			method: "GET", path: appV1 + "/conversations/1234/messages",
			pager: api.BeforeID, size: 20, item: func(id int) string { return convMessageJSON(id, id%2, "message "+strconv.Itoa(id), false) }, wrap: messagesList,
		},
		search("conversations", "conversations", func(id int) string {
			return fmt.Sprintf(`{"id":%d,"account_id":1,"created_at":%d,"contact":{"id":42,"name":"Ann Lee"},"inbox":{"id":3,"name":"Mobile app"},"agent":null}`, id, 1763700000+id)
		}),
		search("messages", "messages", func(id int) string { return convMessageJSON(id, 0, "refund "+strconv.Itoa(id), false) }),
		search("contacts", "contacts", cmdtest.ContactJSON),
		search("articles", "articles", func(id int) string { return articleJSON(id, "Article "+strconv.Itoa(id), "published") }),
		{
			command: "reporting-events list", args: appArgs("reporting-events list --name first_response"),
			method: "GET", path: appV1 + "/reporting_events", query: appQuery("name", "first_response"),
			pager: api.PageNumber, size: 25, item: func(id int) string { return reportingEventJSON(id, "first_response") }, wrap: reportingEventsList,
		},
		{
			command: "audit-logs list", args: appArgs("audit-logs list --sort desc"),
			method: "GET", path: appV1 + "/audit_logs", query: appQuery("sort", "desc"),
			pager: api.PageNumber, size: 25, item: auditLogJSON, wrap: auditLogsList,
		},
		{
			command: "csat-responses list", args: appArgs("csat-responses list --since " + reportSince),
			method: "GET", path: appV1 + "/csat_survey_responses", query: appQuery("since", reportSince),
			pager: api.PageNumber, size: 25, item: func(id int) string { return csatResponseJSON(id, 1+id%5) }, wrap: bareList,
		},
		{
			command: "applied-slas list", args: appArgs("applied-slas list --inbox-id 3"),
			method: "GET", path: appV1 + "/applied_slas", query: appQuery("inbox_id", "3"),
			pager: api.PageNumber, size: 25, item: appliedSLAJSON, wrap: appliedSLAsList, pick: ".applied_sla.id",
		},
		{
			command: "notifications list", args: appArgs("notifications list"),
			method: "GET", path: appV1 + "/notifications",
			pager: api.PageNumber, size: 15, item: notificationJSON, wrap: notificationsList,
		},
		{
			// Articles page by Kaminari's default of 25 (Article.search pages
			// without a per-page size of its own).
			command: "portals articles list", args: appArgs("portals articles list help --locale en"),
			method: "GET", path: appV1 + "/portals/help/articles", query: appQuery("locale", "en"),
			pager: api.PageNumber, size: 25, item: func(id int) string { return articleJSON(id, "Article "+strconv.Itoa(id), "published") }, wrap: articlesList,
		},
	}
}

func unpagedListCases() []pageCase {
	n := unpagedItems
	agent := func(id int) string { return agentJSON(id, fmt.Sprintf("Agent %d", id), "agent") }
	label := func(id int) string { return quotedLabel(id) }
	summary := func(dim string) pageCase {
		return pageCase{
			command: "reports " + dim + "-summary list", args: appArgs("reports " + dim + "-summary list --since " + reportSince),
			method: "GET", path: appV2 + "/summary_reports/" + dim, query: appQuery("since", reportSince),
			item: func(id int) string {
				return fmt.Sprintf(`{"id":%d,"conversations_count":%d,"resolved_conversations_count":1,"avg_resolution_time":null,"avg_first_response_time":null,"avg_reply_time":null}`, id, id)
			},
			wrap: bareList,
		}
	}
	return []pageCase{
		{command: "contacts conversations list", args: appArgs("contacts conversations list 42"), method: "GET", path: appV1 + "/contacts/42/conversations", item: cmdtest.ConversationJSON, wrap: payloadList},
		{command: "contacts labels list", args: appArgs("contacts labels list 42"), method: "GET", path: appV1 + "/contacts/42/labels", item: label, wrap: payloadList, pick: ".", key: labelName},
		{
			command: "contacts labels set", args: appArgs("contacts labels set 42 --labels " + idList(n, labelName)),
			method: "POST", path: appV1 + "/contacts/42/labels", body: `{"labels":` + jsonLabels(n) + `}`,
			item: label, wrap: payloadList, pick: ".", key: labelName,
		},
		{
			command: "contacts contactable-inboxes list", args: appArgs("contacts contactable-inboxes list 42"),
			method: "GET", path: appV1 + "/contacts/42/contactable_inboxes",
			item: func(id int) string { return contactInboxJSON(fmt.Sprintf("src-%d", id), id, "Inbox", "Channel::Api") }, wrap: payloadList, pick: ".inbox.id",
		},
		{command: "contacts notes list", args: appArgs("contacts notes list 42"), method: "GET", path: appV1 + "/contacts/42/notes", item: func(id int) string { return noteJSON(id, "note") }, wrap: bareList},
		{command: "conversations labels list", args: appArgs("conversations labels list 1234"), method: "GET", path: appV1 + "/conversations/1234/labels", item: label, wrap: payloadList, pick: ".", key: labelName},
		{
			command: "conversations labels set", args: appArgs("conversations labels set 1234 --labels " + idList(n, labelName)),
			method: "POST", path: appV1 + "/conversations/1234/labels", body: `{"labels":` + jsonLabels(n) + `}`,
			item: label, wrap: payloadList, pick: ".", key: labelName,
		},
		{
			command: "conversations reporting-events list", args: appArgs("conversations reporting-events list 1234"),
			method: "GET", path: appV1 + "/conversations/1234/reporting_events", item: func(id int) string { return reportingEventJSON(id, "reply_time") }, wrap: bareList,
		},
		{command: "inboxes list", args: appArgs("inboxes list"), method: "GET", path: appV1 + "/inboxes", item: func(id int) string { return inboxJSON(id, "Inbox", "Channel::Api") }, wrap: payloadList},
		{
			command: "inboxes templates list", args: appArgs("inboxes templates list 5"), method: "GET", path: appV1 + "/inboxes/5/message_templates",
			item: func(id int) string {
				return fmt.Sprintf(`{"id":"%d","name":"template_%d","language":"en_US","category":"UTILITY","status":"APPROVED","components":[]}`, id, id)
			},
			wrap: func(_, _ int, items string) string {
				return `{"payload":[` + items + `],"meta":{"last_sync_attempt_at":null}}`
			},
		},
		{command: "inboxes members list", args: appArgs("inboxes members list 3"), method: "GET", path: appV1 + "/inbox_members/3", item: agent, wrap: payloadList},
		{
			command: "inboxes members add", args: appArgs("inboxes members add --inbox-id 3 --user-ids " + idList(n, strconv.Itoa)),
			method: "POST", path: appV1 + "/inbox_members", body: `{"inbox_id":3,"user_ids":` + jsonIDs(n) + `}`, item: agent, wrap: payloadList,
		},
		{
			command: "inboxes members set", args: appArgs("inboxes members set --inbox-id 3 --user-ids " + idList(n, strconv.Itoa)),
			method: "PATCH", path: appV1 + "/inbox_members", body: `{"inbox_id":3,"user_ids":` + jsonIDs(n) + `}`, item: agent, wrap: payloadList,
			// FACTS.md §10: the spec types this inbox_id as a string.
			errata: "FACTS.md §10 inbox_members inbox_id type",
		},
		{command: "teams list", args: appArgs("teams list"), method: "GET", path: appV1 + "/teams", item: func(id int) string { return teamJSON(id, "Team", true) }, wrap: bareList},
		{command: "teams members list", args: appArgs("teams members list 2"), method: "GET", path: appV1 + "/teams/2/team_members", item: agent, wrap: bareList},
		{
			command: "teams members add", args: appArgs("teams members add 2 --user-ids " + idList(n, strconv.Itoa)),
			method: "POST", path: appV1 + "/teams/2/team_members", body: `{"user_ids":` + jsonIDs(n) + `}`, item: agent, wrap: bareList,
		},
		{
			command: "teams members set", args: appArgs("teams members set 2 --user-ids " + idList(n, strconv.Itoa)),
			method: "PATCH", path: appV1 + "/teams/2/team_members", body: `{"user_ids":` + jsonIDs(n) + `}`, item: agent, wrap: bareList,
		},
		{command: "agents list", args: appArgs("agents list"), method: "GET", path: appV1 + "/agents", item: agent, wrap: bareList},
		{command: "labels list", args: appArgs("labels list"), method: "GET", path: appV1 + "/labels", item: func(id int) string { return labelJSON(id, labelName(id)) }, wrap: payloadList},
		{command: "canned-responses list", args: appArgs("canned-responses list"), method: "GET", path: appV1 + "/canned_responses", item: func(id int) string { return cannedResponseJSON(id, "code", "text") }, wrap: bareList},
		{
			command: "custom-attributes list", args: appArgs("custom-attributes list --attribute-model 0"), method: "GET", path: appV1 + "/custom_attribute_definitions",
			query: appQuery("attribute_model", "0"), item: func(id int) string { return customAttributeJSON(id, "key_"+strconv.Itoa(id)) }, wrap: bareList,
		},
		{command: "custom-filters list", args: appArgs("custom-filters list"), method: "GET", path: appV1 + "/custom_filters", item: func(id int) string { return customFilterJSON(id, "Filter") }, wrap: bareList},
		{command: "custom-roles list", args: appArgs("custom-roles list"), method: "GET", path: appV1 + "/custom_roles", item: func(id int) string { return customRoleJSON(id, "Role", "contact_manage") }, wrap: bareList},
		{command: "macros list", args: appArgs("macros list"), method: "GET", path: appV1 + "/macros", item: func(id int) string { return macroJSON(id, "Macro", "global") }, wrap: payloadList},
		{command: "automation-rules list", args: appArgs("automation-rules list"), method: "GET", path: appV1 + "/automation_rules", item: func(id int) string { return automationRuleJSON(id, "Rule", true) }, wrap: payloadList},
		{command: "campaigns list", args: appArgs("campaigns list"), method: "GET", path: appV1 + "/campaigns", item: func(id int) string { return campaignJSON(id, "Campaign", true) }, wrap: bareList},
		{command: "sla-policies list", args: appArgs("sla-policies list"), method: "GET", path: appV1 + "/sla_policies", item: func(id int) string { return slaPolicyJSON(id, "Policy", 900) }, wrap: payloadList},
		{command: "portals list", args: appArgs("portals list"), method: "GET", path: appV1 + "/portals", item: func(id int) string { return portalJSON(id, "portal-"+strconv.Itoa(id), "", false) }, wrap: payloadList},
		{command: "portals categories list", args: appArgs("portals categories list help"), method: "GET", path: appV1 + "/portals/help/categories", item: func(id int) string { return categoryJSON(id, "cat-"+strconv.Itoa(id), id) }, wrap: payloadList},
		{command: "webhooks list", args: appArgs("webhooks list"), method: "GET", path: appV1 + "/webhooks", item: func(id int) string {
			return webhookJSON(id, "https://example.com/hooks/"+strconv.Itoa(id), "message_created")
		}, wrap: webhooksList},
		{
			command: "integrations apps list", args: appArgs("integrations apps list"), method: "GET", path: appV1 + "/integrations/apps",
			item: func(id int) string {
				return fmt.Sprintf(`{"id":"app-%d","name":"App %d","description":"","hook_type":"account","enabled":false,"allow_multiple_hooks":false,"hooks":[]}`, id, id)
			},
			wrap: payloadList, key: func(id int) string { return fmt.Sprintf("app-%d", id) },
		},
		{command: "agent-bots list", args: appArgs("agent-bots list"), method: "GET", path: appV1 + "/agent_bots", item: func(id int) string { return appAgentBotJSON(id, "Bot", "https://bots.acme.example/"+strconv.Itoa(id)) }, wrap: bareList},
		{
			command: "reports timeseries list", args: appArgs("reports timeseries list --metric resolutions_count --type account"),
			method: "GET", path: appV2 + "/reports", query: appQuery("metric", "resolutions_count", "type", "account"),
			item: func(id int) string { return fmt.Sprintf(`{"value":"%d","timestamp":%d}`, id, 1735689600+86400*id) }, wrap: bareList,
			pick: ".timestamp", key: func(id int) string { return strconv.Itoa(1735689600 + 86400*id) },
		},
		{
			command: "reports agent-conversations list", args: appArgs("reports agent-conversations list --type agent"),
			method: "GET", path: appV2 + "/reports/conversations/", query: appQuery("type", "agent"),
			item: func(id int) string {
				return fmt.Sprintf(`{"id":%d,"name":"Agent %d","email":"agent%d@acme.example","thumbnail":"","availability":"online","metric":{"open":1,"unattended":0}}`, id, id, id)
			},
			wrap: bareList,
		},
		{
			command: "reports outgoing-messages list", args: appArgs("reports outgoing-messages list --group-by team"),
			method: "GET", path: appV2 + "/reports/outgoing_messages_count", query: appQuery("group_by", "team"),
			item: func(id int) string {
				return fmt.Sprintf(`{"id":%d,"name":"Team %d","outgoing_messages_count":%d}`, id, id, id*3)
			}, wrap: bareList,
		},
		summary("inbox"), summary("agent"), summary("team"), summary("label"),
		{
			command: "reports live-grouped list", args: appArgs("reports live-grouped list --group-by team_id"),
			method: "GET", path: appV2 + "/live_reports/grouped_conversation_metrics", query: appQuery("group_by", "team_id"),
			item: func(id int) string { return fmt.Sprintf(`{"team_id":%d,"open":2,"unattended":1,"unassigned":0}`, id) }, wrap: bareList, pick: ".team_id",
		},
		{
			command: "messages list-unprefixed", args: appArgs("messages list-unprefixed 1234"),
			method: "GET", path: "/accounts/1/conversations/1234/messages",
			item: func(id int) string { return convMessageJSON(id, 1, "message", false) }, wrap: messagesList,
		},
	}
}

func TestAppPagedListsReturnEveryPage(t *testing.T) {
	ops := appOperations()
	for _, pc := range pagedListCases() {
		t.Run(pc.command, func(t *testing.T) { runPageCase(t, ops, pc) })
	}
}

func TestAppUnpagedListsReturnAllInOneRequest(t *testing.T) {
	ops := appOperations()
	for _, pc := range unpagedListCases() {
		t.Run(pc.command, func(t *testing.T) { runPageCase(t, ops, pc) })
	}
}
