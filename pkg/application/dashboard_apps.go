package application

import "github.com/wootcli/woot/pkg/api"

// dashboardAppOperations covers dashboard apps: pages embedded beside a
// conversation in the agent dashboard.
func dashboardAppOperations() []api.Operation {
	cols := []string{"id", "title", "content.0.url", "created_at"}
	params := func(create bool) []api.Param {
		return []api.Param{
			{Name: "dashboard_app.title", Flag: "title", Required: create, Usage: "Name shown on the tab"},
			{Name: "dashboard_app.content", Flag: "content", Type: api.JSON, Required: create, Usage: `Frames to embed, as JSON: [{"type":"frame","url":"https://…"}]`},
		}
	}
	app := []string{"APP_ID"}
	return []api.Operation{
		{
			Command: "dashboard-apps list", Method: "GET", Path: acct + "/dashboard_apps",
			Short:   "List dashboard apps",
			Example: "  $ woot dashboard-apps list",
			List:    &api.List{Pager: api.NoPages}, Columns: cols,
		},
		{
			Command: "dashboard-apps get", Method: "GET", Path: acct + "/dashboard_apps/{id}",
			Short:   "Show a dashboard app",
			Example: "  $ woot dashboard-apps get 1", ArgNames: app, Columns: cols,
		},
		{
			Command: "dashboard-apps create", Method: "POST", Path: acct + "/dashboard_apps",
			Short:   "Add a dashboard app",
			Example: `  $ woot dashboard-apps create --title Orders --content '[{"type":"frame","url":"https://shop.acme.test/orders"}]'`,
			Params:  params(true), Columns: cols,
		},
		{
			Command: "dashboard-apps update", Method: "PATCH", Path: acct + "/dashboard_apps/{id}",
			Short:   "Change a dashboard app",
			Example: "  $ woot dashboard-apps update 1 --title 'Order history'", ArgNames: app,
			Params: params(false), Columns: cols,
		},
		{
			Command: "dashboard-apps delete", Method: "DELETE", Path: acct + "/dashboard_apps/{id}",
			Short:   "Remove a dashboard app",
			Example: "  $ woot dashboard-apps delete 1 --yes", ArgNames: app, Confirm: true,
		},
	}
}
