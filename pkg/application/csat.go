package application

import "github.com/wootcli/woot/pkg/api"

// csatOperations covers customer-satisfaction survey responses.
func csatOperations() []api.Operation {
	filters := func() []api.Param {
		return withParams(sinceUntil(), []api.Param{
			{Name: "user_ids", In: api.InQuery, Type: api.Ints, Usage: "Only conversations of these agents"},
			{Name: "inbox_id", In: api.InQuery, Type: api.Int, Usage: "Only this inbox"},
			{Name: "team_id", In: api.InQuery, Type: api.Int, Usage: "Only this team"},
			{Name: "rating", In: api.InQuery, Type: api.Strings, Enum: []string{"1", "2", "3", "4", "5"}, Usage: "Only these ratings"},
		})
	}
	return []api.Operation{
		{
			Command: "csat-responses list", Method: "GET", Path: acct + "/csat_survey_responses",
			Short:   "List CSAT survey responses",
			Example: "  $ woot csat-responses list --since 1735689600 --rating 1,2 --all -o csv",
			Params:  filters(),
			List:    &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: []string{"id", "rating", "feedback_message", "contact.name", "assigned_agent.name", "conversation_id", "created_at"},
		},
		{
			Command: "csat-responses metrics get", Method: "GET", Path: acct + "/csat_survey_responses/metrics",
			Short:   "Count CSAT surveys sent and responses per rating",
			Example: "  $ woot csat-responses metrics get --since 1735689600 --until 1738368000 -o json",
			Params:  filters(),
			Columns: []string{"total_count", "total_sent_messages_count", "ratings_count"},
		},
		{
			Command: "csat-responses download", Method: "GET", Path: acct + "/csat_survey_responses/download",
			Short:   "Download CSAT survey responses as CSV",
			Example: "  $ woot csat-responses download --since 1735689600 --output-file csat.csv",
			Params:  filters(),
			Raw:     true,
		},
	}
}
