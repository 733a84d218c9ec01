package application

import "github.com/wootcli/woot/pkg/api"

// monitorOperations covers conversation monitors (Enterprise): a question
// in plain words that an AI model asks of every new conversation, counted
// over time.
func monitorOperations() []api.Operation {
	cols := []string{"id", "name", "condition", "status"}
	m := acct + "/monitors"
	id := []string{"MONITOR_ID"}
	version := api.Param{Name: "collection_version", Type: api.Int, Usage: "The monitor's collection_version you last read (guards against concurrent changes)"}
	return []api.Operation{
		{
			Command: "monitors list", Method: "GET", Path: m,
			Short:   "List conversation monitors",
			Example: "  $ woot monitors list",
			Data:    "payload", List: &api.List{Pager: api.PageNumber, PageSize: 20},
			Columns: cols,
		},
		{
			Command: "monitors get", Method: "GET", Path: m + "/{id}",
			Short:    "Show a conversation monitor",
			Example:  "  $ woot monitors get 1",
			ArgNames: id, Columns: cols,
		},
		{
			Command: "monitors create", Method: "POST", Path: m,
			Short:   "Start monitoring conversations for something",
			Long:    "Chatwoot first scans the last seven days, then every new conversation.",
			Example: "  $ woot monitors create --name Refunds --condition 'The customer asks for a refund'",
			Params: []api.Param{
				{Name: "name", Required: true, Usage: "Monitor name (up to 100 characters)"},
				{Name: "condition", Required: true, Usage: "What to look for, in plain words (up to 2000 characters)"},
				{Name: "icon", Usage: "Icon name or emoji"},
				{Name: "icon_color", Usage: "Icon colour as #rrggbb"},
			},
			Columns: cols,
		},
		{
			Command: "monitors update", Method: "PATCH", Path: m + "/{id}",
			Short:    "Rename, re-word or pause a monitor",
			Example:  "  $ woot monitors update 1 --name 'Refund requests'",
			ArgNames: id,
			Params: []api.Param{
				{Name: "name", Usage: "Monitor name"},
				{Name: "condition", Usage: "What to look for; needs --collection-version"},
				{Name: "paused", Type: api.Bool, Usage: "Pause the monitor (undo with monitors resume)"},
				{Name: "icon", Usage: "Icon name or emoji"},
				{Name: "icon_color", Usage: "Icon colour as #rrggbb"},
				version,
			},
			Columns: cols,
		},
		{
			Command: "monitors delete", Method: "DELETE", Path: m + "/{id}",
			Short:    "Delete a conversation monitor",
			Example:  "  $ woot monitors delete 2 --yes",
			ArgNames: id, Confirm: true,
		},
		{
			Command: "monitors preview create", Method: "POST", Path: m + "/preview",
			Short:   "Try a condition on recent conversations before creating a monitor",
			Long:    "Answers with a token; read the result with `woot monitors preview get TOKEN`.",
			Example: "  $ woot monitors preview create --condition 'The customer asks for a refund'",
			Params:  []api.Param{{Name: "condition", Required: true, Usage: "What to look for, in plain words"}},
			Columns: []string{"token", "status", "retry_after"},
		},
		{
			Command: "monitors preview get", Method: "GET", Path: m + "/preview/{token}",
			Short:    "Show the result of a monitor preview",
			Example:  "  $ woot monitors preview get 5f2b9c0d4e8a1b3c7d6e9f0a1b2c3d4e",
			ArgNames: []string{"TOKEN"},
			Columns:  []string{"status"},
		},
		{
			Command: "monitors timeseries get", Method: "GET", Path: m + "/{id}/timeseries",
			Short:    "Show how often a monitor matched over time",
			Example:  "  $ woot monitors timeseries get 1 --since 1735689600",
			ArgNames: id,
			Params: withParams(sinceUntil(), []api.Param{
				{Name: "group_by", In: api.InQuery, Enum: []string{"hour", "day", "week", "month"}, Usage: "Bucket size"},
				{Name: "timezone_offset", In: api.InQuery, Type: api.Float, Usage: "Hours from UTC for buckets"},
			}),
		},
		{
			Command: "monitors conversations get", Method: "GET", Path: m + "/{id}/conversations",
			Short:    "List the conversations a monitor matched",
			Example:  "  $ woot monitors conversations get 1 --data-revision 1",
			ArgNames: id,
			Params: withParams(sinceUntil(), []api.Param{
				{Name: "data_revision", In: api.InQuery, Type: api.Int, Required: true, Usage: "The monitor's data_revision you read (409 when it changed)"},
			}),
			Data: "payload", Columns: []string{"id", "display_id", "status", "contact.name"},
		},
		{
			Command: "monitors retry-evaluations", Method: "POST", Path: m + "/{id}/retry_evaluations",
			Short:    "Evaluate again the conversations a monitor failed on",
			Example:  "  $ woot monitors retry-evaluations 1",
			ArgNames: id,
		},
		{
			Command: "monitors resume", Method: "POST", Path: m + "/{id}/resume",
			Short:    "Resume a paused monitor",
			Example:  "  $ woot monitors resume 1 --mode backfill --collection-version 1",
			ArgNames: id,
			Params: []api.Param{
				{Name: "mode", Enum: []string{"backfill", "forward"}, Usage: "Scan the paused period too, or only new conversations"},
				version,
			},
			Columns: cols,
		},
	}
}
