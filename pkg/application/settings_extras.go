package application

import "github.com/wootcli/woot/pkg/api"

// integrationExtraOperations covers integration routes the first table
// leaves out: one app or hook, and the Shopify and Notion connections.
func integrationExtraOperations() []api.Operation {
	i := acct + "/integrations"
	return []api.Operation{
		{
			Command: "integrations apps get", Method: "GET", Path: i + "/apps/{id}",
			Short:   "Show an integration app and its hooks",
			Example: "  $ woot integrations apps get openai", ArgNames: []string{"APP_ID"},
			Columns: []string{"id", "name", "enabled", "hook_type", "allow_multiple_hooks"},
		},
		{
			Command: "integrations hooks get", Method: "GET", Path: i + "/hooks/{id}",
			Short:   "Show an integration hook",
			Example: "  $ woot integrations hooks get 1", ArgNames: []string{"HOOK_ID"},
			Columns: []string{"id", "app_id", "status", "inbox_id", "hook_type"},
		},
		{
			Command: "integrations shopify connect", Method: "POST", Path: i + "/shopify/auth",
			Short:   "Start connecting a Shopify store and print the URL that approves it",
			Example: "  $ woot integrations shopify connect --shop-domain acme.myshopify.com --jq .redirect_url",
			Params:  []api.Param{{Name: "shop_domain", Required: true, Usage: "The store's myshopify.com domain"}},
			Columns: []string{"redirect_url"},
		},
		{
			Command: "integrations shopify orders list", Method: "GET", Path: i + "/shopify/orders",
			Short:   "List a contact's Shopify orders",
			Example: "  $ woot integrations shopify orders list --contact-id 1",
			Params:  []api.Param{{Name: "contact_id", In: api.InQuery, Type: api.Int, Required: true, Usage: "Contact whose email or phone the orders match"}},
			Data:    "orders", List: &api.List{Pager: api.NoPages},
			Columns: []string{"id", "name", "created_at", "total_price", "currency", "financial_status", "fulfillment_status"},
		},
		{
			Command: "integrations shopify delete", Method: "DELETE", Path: i + "/shopify",
			Short:   "Disconnect the Shopify store",
			Example: "  $ woot integrations shopify delete --yes", Confirm: true,
		},
		{
			Command: "integrations notion delete", Method: "DELETE", Path: i + "/notion",
			Short:   "Disconnect Notion",
			Example: "  $ woot integrations notion delete --yes", Confirm: true,
		},
	}
}

// helpCenterExtraOperations covers portal routes the first table leaves out.
func helpCenterExtraOperations() []api.Operation {
	p := acct + "/portals"
	positions := []api.Param{{Name: "positions_hash", Flag: "positions", Type: api.Map, Required: true, Usage: "New position of each id (id=position, repeatable)"}}
	return []api.Operation{
		{
			Command: "portals ssl get", Method: "GET", Path: p + "/{id}/ssl_status",
			Short:   "Show the SSL status of a portal's custom domain",
			Example: "  $ woot portals ssl get acme-help", ArgNames: []string{"PORTAL"},
			Columns: []string{"status", "verification_errors"},
		},
		{
			Command: "portals instructions send", Method: "POST", Path: p + "/{id}/send_instructions",
			Short:   "Email the DNS set-up of a portal's custom domain",
			Example: "  $ woot portals instructions send acme-help --email it@acme.test", ArgNames: []string{"PORTAL"},
			Params: []api.Param{{Name: "email", Required: true, Usage: "Who receives the instructions"}},
		},
		{
			Command: "portals logo delete", Method: "DELETE", Path: p + "/{id}/logo",
			Short:   "Remove a portal's logo",
			Example: "  $ woot portals logo delete acme-help --yes", ArgNames: []string{"PORTAL"}, Confirm: true,
		},
		{
			Command: "portals categories reorder", Method: "POST", Path: p + "/{portal_id}/categories/reorder",
			Short:   "Change the order of a portal's categories",
			Example: "  $ woot portals categories reorder acme-help --positions 1=1", ArgNames: []string{"PORTAL"},
			Params: positions,
		},
		{
			Command: "portals articles reorder", Method: "POST", Path: p + "/{portal_id}/articles/reorder",
			Short:   "Change the order of a portal's articles",
			Example: "  $ woot portals articles reorder acme-help --positions 1=2 --positions 2=1", ArgNames: []string{"PORTAL"},
			Params: positions,
		},
	}
}

// agentBotExtraOperations covers account agent-bot routes the first table
// leaves out.
func agentBotExtraOperations() []api.Operation {
	bot := []string{"BOT_ID"}
	return []api.Operation{
		{
			Command: "agent-bots reset-secret", Method: "POST", Path: acct + "/agent_bots/{id}/reset_secret",
			Short:   "Issue a new webhook signing secret for an agent bot",
			Long:    "The old secret stops working at once: the bot's receiver must verify with the new one.",
			Example: "  $ woot agent-bots reset-secret 1 --yes --jq .secret", ArgNames: bot, Confirm: true,
			Columns: []string{"id", "name", "secret"},
		},
		{
			Command: "agent-bots avatar delete", Method: "DELETE", Path: acct + "/agent_bots/{id}/avatar",
			Short:   "Remove an agent bot's avatar",
			Example: "  $ woot agent-bots avatar delete 1 --yes", ArgNames: bot, Confirm: true,
		},
	}
}

// profileExtraOperations covers profile routes the first table leaves out.
func profileExtraOperations() []api.Operation {
	return []api.Operation{
		{
			Command: "profile availability set", Method: "POST", Path: "/api/v1/profile/availability",
			Short:   "Set your availability in an account",
			Example: "  $ woot profile availability set --availability busy --account-id 1",
			Params: []api.Param{
				{Name: "profile.availability", Flag: "availability", Required: true, Enum: []string{"online", "busy", "offline"}, Usage: "Your availability"},
				{Name: "profile.account_id", Flag: "account-id", Type: api.Int, Required: true, Usage: "Account it applies to"},
			},
			Columns: []string{"id", "name", "availability_status"},
		},
		{
			Command: "profile avatar delete", Method: "DELETE", Path: "/api/v1/profile/avatar",
			Short:   "Remove your avatar",
			Example: "  $ woot profile avatar delete --yes", Confirm: true,
		},
	}
}

// campaignExtraOperations covers campaign analytics (Enterprise).
func campaignExtraOperations() []api.Operation {
	c := acct + "/campaigns/{campaign_id}/analytics"
	return []api.Operation{
		{
			Command: "campaigns metrics get", Method: "GET", Path: c + "/metrics",
			Short:   "Show how a campaign performed",
			Example: "  $ woot campaigns metrics get 1", ArgNames: []string{"CAMPAIGN_ID"},
		},
		{
			Command: "campaigns contacts list", Method: "GET", Path: c + "/contacts",
			Short:   "List the contacts a campaign reached",
			Example: "  $ woot campaigns contacts list 1", ArgNames: []string{"CAMPAIGN_ID"},
			Data: "payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
			Columns: []string{"id", "name", "email", "phone_number", "status"},
		},
	}
}

// csatExtraOperations covers reviewing a CSAT response (Enterprise).
func csatExtraOperations() []api.Operation {
	return []api.Operation{{
		Command: "csat-responses update", Method: "PATCH", Path: acct + "/csat_survey_responses/{id}",
		Short:   "Add review notes to a CSAT response",
		Example: "  $ woot csat-responses update 1 --csat-review-notes 'Called back, resolved'", ArgNames: []string{"RESPONSE_ID"},
		Params:  []api.Param{{Name: "csat_review_notes", Required: true, Usage: "What the team did about the rating"}},
		Columns: []string{"id", "rating", "feedback_message", "csat_review_notes"},
	}}
}
