package sandbox

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// condition is one entry of a filter payload (contacts/filter,
// conversations/filter, custom filters).
type condition struct {
	key      string
	operator string
	values   []string
	join     string // query_operator joining this condition to the next: AND, OR
	now      int64  // the request's time, for days_before
}

func filterOperators() map[string]bool {
	return map[string]bool{
		"equal_to": true, "not_equal_to": true, "contains": true, "does_not_contain": true,
		"is_present": true, "is_not_present": true, "is_greater_than": true, "is_less_than": true,
		"days_before": true, "starts_with": true,
	}
}

// parseConditions reads params["payload"]; an unknown operator is the
// error Chatwoot renders as 422 {"error": …}.
func parseConditions(p obj, now int64) ([]condition, error) {
	list, _ := getList(p, "payload")
	var out []condition
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			return nil, errors.New("Invalid filter payload")
		}
		cd := condition{key: str(m, "attribute_key"), operator: str(m, "filter_operator"), join: strings.ToUpper(str(m, "query_operator")), now: now}
		if !filterOperators()[cd.operator] {
			return nil, fmt.Errorf("Invalid operator. The allowed operators for %s are [%s]", cd.key, "equal_to,not_equal_to,contains,does_not_contain")
		}
		cd.values, _ = getStrs(m, "values")
		out = append(out, cd)
	}
	return out, nil
}

// matchAll evaluates conditions with SQL precedence: AND binds tighter
// than OR, as the WHERE clause Chatwoot builds from them.
func matchAll(conds []condition, get func(key string) []string) bool {
	if len(conds) == 0 {
		return true
	}
	group := true
	for i, cd := range conds {
		group = group && matchOne(cd, get(cd.key))
		last := i == len(conds)-1
		if last || cd.join == "OR" {
			if group {
				return true
			}
			group = true
		}
	}
	return false
}

func matchOne(cd condition, have []string) bool {
	switch cd.operator {
	case "is_present":
		return anyNonEmpty(have)
	case "is_not_present":
		return !anyNonEmpty(have)
	case "equal_to":
		return intersects(have, cd.values, strings.EqualFold)
	case "not_equal_to":
		return !intersects(have, cd.values, strings.EqualFold)
	case "contains":
		return intersects(have, cd.values, containsFold)
	case "does_not_contain":
		return !intersects(have, cd.values, containsFold)
	case "starts_with":
		return intersects(have, cd.values, func(a, b string) bool { return strings.HasPrefix(strings.ToLower(a), strings.ToLower(b)) })
	case "is_greater_than":
		return compare(have, cd.values) > 0
	case "is_less_than":
		return compare(have, cd.values) < 0
	case "days_before":
		if len(cd.values) == 0 || len(have) == 0 {
			return false
		}
		days, err := strconv.Atoi(cd.values[0])
		t, ok := parseTimeValue(have[0])
		return err == nil && ok && t < cd.now-int64(days)*day
	}
	return false
}

func anyNonEmpty(xs []string) bool {
	for _, x := range xs {
		if x != "" {
			return true
		}
	}
	return false
}

func containsFold(a, b string) bool { return strings.Contains(strings.ToLower(a), strings.ToLower(b)) }

func intersects(have, want []string, eq func(a, b string) bool) bool {
	for _, h := range have {
		for _, w := range want {
			if eq(h, w) {
				return true
			}
		}
	}
	return false
}

// compare orders the first value against the first wanted value: as
// numbers, as times, else as strings.
func compare(have, want []string) int {
	if len(have) == 0 || len(want) == 0 {
		return 0
	}
	a, b := have[0], want[0]
	if x, err := strconv.ParseFloat(a, 64); err == nil {
		if y, err := strconv.ParseFloat(b, 64); err == nil {
			switch {
			case x > y:
				return 1
			case x < y:
				return -1
			}
			return 0
		}
	}
	if x, ok := parseTimeValue(a); ok {
		if y, ok := parseTimeValue(b); ok {
			return cmpInt(x, y)
		}
	}
	return strings.Compare(a, b)
}

func cmpInt(a, b int64) int {
	switch {
	case a > b:
		return 1
	case a < b:
		return -1
	}
	return 0
}

// parseTimeValue reads unix seconds, an RFC 3339 time or a date.
func parseTimeValue(s string) (int64, bool) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, true
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Unix(), true
		}
	}
	return 0, false
}

// attrValues renders a custom or additional attribute for matching.
func attrValues(o obj, key string) []string {
	v, ok := o[key]
	if !ok || v == nil {
		return nil
	}
	if arr, ok := v.([]any); ok {
		out := make([]string, 0, len(arr))
		for _, x := range arr {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return []string{fmt.Sprint(v)}
}

func contactFilterValues(ct *store.Contact, key string) []string {
	switch key {
	case "name":
		return []string{ct.Name}
	case "email":
		return []string{ct.Email}
	case "phone_number":
		return []string{ct.PhoneNumber}
	case "identifier":
		return []string{ct.Identifier}
	case "labels":
		return ct.Labels
	case "blocked":
		return []string{strconv.FormatBool(ct.Blocked)}
	case "created_at":
		return []string{strconv.FormatInt(ct.CreatedAt, 10)}
	case "last_activity_at":
		return []string{strconv.FormatInt(ct.LastActivityAt, 10)}
	case "country_code", "city", "company", "company_name", "country", "referer":
		return attrValues(ct.AdditionalAttributes, key)
	}
	return attrValues(ct.CustomAttributes, key)
}

func conversationFilterValues(cv *store.Conversation, key string) []string {
	switch key {
	case "status":
		return []string{cv.Status}
	case "assignee_id":
		return []string{idString(cv.AssigneeID)}
	case "inbox_id":
		return []string{idString(cv.InboxID)}
	case "team_id":
		return []string{idString(cv.TeamID)}
	case "priority":
		return []string{cv.Priority}
	case "display_id":
		return []string{strconv.FormatInt(cv.DisplayID, 10)}
	case "campaign_id":
		return []string{idString(cv.CampaignID)}
	case "labels":
		return cv.Labels
	case "created_at":
		return []string{strconv.FormatInt(cv.CreatedAt, 10)}
	case "last_activity_at":
		return []string{strconv.FormatInt(lastActivity(cv), 10)}
	case "browser_language", "conversation_language", "country_code", "referer", "mail_subject":
		return attrValues(cv.AdditionalAttributes, key)
	}
	return attrValues(cv.CustomAttributes, key)
}

func idString(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
