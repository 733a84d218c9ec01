package docgen

import "strings"

// leftOut says why a route of the table has no command: keyed by a path
// (a route's exact path, or "path/*" for it and everything under it, with
// Chatwoot's parameter names); the longest match wins. Only routes that serve Chatwoot's web
// dashboard or a third party's callback alone belong here; a route a
// script could use deserves a command instead.
var leftOut = map[string]string{
	"/api/v1/accounts":                                                                   "account sign-up from the web page (needs a captcha and no token); use `woot platform accounts create`",
	"/api/v2/accounts":                                                                   "account sign-up from the web page (v2); use `woot platform accounts create`",
	"/api/v1/accounts/{id}/update_active_at":                                             "the dashboard's presence ping",
	"/api/v1/accounts/{id}/cache_keys":                                                   "the dashboard's cache invalidation keys",
	"/api/v1/accounts/{account_id}/onboarding/*":                                         "the dashboard's first-run wizard",
	"/api/v1/accounts/{account_id}/callbacks/*":                                          "Facebook page OAuth callbacks the dashboard's connect flow calls",
	"/api/v1/accounts/{account_id}/twitter/authorization":                                "a browser OAuth redirect; connect the channel in the dashboard",
	"/api/v1/accounts/{account_id}/microsoft/authorization":                              "a browser OAuth redirect; connect the channel in the dashboard",
	"/api/v1/accounts/{account_id}/google/authorization":                                 "a browser OAuth redirect; connect the channel in the dashboard",
	"/api/v1/accounts/{account_id}/instagram/authorization":                              "a browser OAuth redirect; connect the channel in the dashboard",
	"/api/v1/accounts/{account_id}/tiktok/authorization":                                 "a browser OAuth redirect; connect the channel in the dashboard",
	"/api/v1/accounts/{account_id}/notion/authorization":                                 "a browser OAuth redirect; connect Notion in the dashboard (`woot integrations notion delete` disconnects it)",
	"/api/v1/accounts/{account_id}/whatsapp/*":                                           "WhatsApp embedded sign-up and manual set-up: Meta's browser flow",
	"/api/v1/accounts/{account_id}/whatsapp_calls/*":                                     "live WhatsApp calls: WebRTC signalling for the dashboard's call widget",
	"/api/v1/accounts/{account_id}/calls":                                                "live voice calls: the dashboard's call widget",
	"/api/v1/accounts/{account_id}/inboxes/{inbox_id}/conference/*":                      "live voice conferences: the dashboard's call widget (Twilio client tokens)",
	"/api/v1/accounts/{account_id}/inboxes/{id}/enable_whatsapp_calling":                 "WhatsApp calling set-up, done with Meta's consent screens in the dashboard",
	"/api/v1/accounts/{account_id}/inboxes/{id}/disable_whatsapp_calling":                "WhatsApp calling set-up, done with Meta's consent screens in the dashboard",
	"/api/v1/accounts/{account_id}/inboxes/{id}/set_inbound_calls":                       "voice inbox call settings of the dashboard's call widget",
	"/api/v1/accounts/{account_id}/inboxes/{id}/set_call_recording":                      "voice inbox call settings of the dashboard's call widget",
	"/api/v1/accounts/{account_id}/inboxes/{id}/whatsapp_business_management_token":      "Meta token exchange of the embedded sign-up flow",
	"/api/v1/accounts/{account_id}/inboxes/{id}/register_webhook":                        "part of Meta's embedded sign-up flow",
	"/api/v1/accounts/{account_id}/captain/assistants/{id}/playground":                   "the dashboard's assistant playground (a chat preview)",
	"/api/v1/accounts/{account_id}/captain/copilot_threads/*":                            "the dashboard's Copilot side panel",
	"/api/v1/accounts/{account_id}/captain/tasks/*":                                      "editor helpers of the reply box (rewrite, summarize, suggest)",
	"/api/v1/accounts/{account_id}/conversations/{conversation_id}/contact_info_request": "a reply-box action that sends the contact a form",
	"/api/v1/accounts/{account_id}/conversations/{conversation_id}/direct_uploads":       "Active Storage direct upload of the reply box; `woot messages create --attach` uploads files",
	"/api/v1/accounts/{account_id}/conversations/{conversation_id}/draft_messages":       "the reply box's unsent draft, kept per agent for the dashboard",
	"/api/v1/accounts/{account_id}/conversations/{conversation_id}/suggestions/*":        "Captain suggestions shown in the dashboard's sidebar",
	"/api/v1/accounts/{account_id}/conversations/{id}/toggle_typing_status":              "the dashboard's typing indicator",
	"/api/v1/accounts/{account_id}/conversations/{id}/inbox_assistant":                   "the dashboard's assistant badge for the conversation's inbox",
	"/api/v1/accounts/{account_id}/companies/{id}/avatar":                                "avatar removal of the companies page",
	"/api/v1/accounts/{account_id}/integrations/hooks/{id}/process_event":                "events the dashboard forwards to a hook (Dialogflow, OpenAI editor actions)",
	"/api/v1/accounts/{account_id}/integrations/slack/*":                                 "Slack OAuth connection and channel picker of the dashboard",
	"/api/v1/accounts/{account_id}/integrations/dyte/*":                                  "video meetings started from the dashboard's reply box",
	"/api/v1/accounts/{account_id}/integrations/linear/*":                                "Linear's OAuth-bound issue panel of the dashboard",
	"/api/v1/profile/auto_offline":                                                       "a dashboard preference toggle",
	"/api/v1/profile/set_active_account":                                                 "which account the dashboard opens",
	"/api/v1/profile/resend_confirmation":                                                "the sign-up confirmation e-mail of the web page",
	"/api/v1/profile/mfa/*":                                                              "two-factor set-up needs an authenticator app and the web page's QR code",
	"/api/v1/profile/trusted_devices":                                                    "browser trusted-device cookies of the web sign-in",
	"/api/v1/notification_subscriptions":                                                 "browser and mobile push subscriptions",
	"/api/v2/accounts/{account_id}/year_in_review":                                       "the dashboard's yearly recap cards",
	"/enterprise/api/v1/accounts/{id}/*":                                                 "Chatwoot Cloud billing pages (Stripe checkout in a browser)",
}

// reasonFor is the reason of the route's exact path, or of the longest
// "…/*" key whose subtree holds it; "" when there is none.
func reasonFor(r Route) string {
	if why, ok := leftOut[r.Path]; ok {
		return why
	}
	best := ""
	for key := range leftOut {
		tree, ok := strings.CutSuffix(key, "/*")
		if ok && (r.Path == tree || strings.HasPrefix(r.Path, tree+"/")) && len(key) > len(best) {
			best = key
		}
	}
	return leftOut[best]
}
