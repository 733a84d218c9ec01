// Package sandbox is a local, stateful Chatwoot emulator: an http.Handler
// that answers the Application, Client and Platform APIs the way a real
// Chatwoot server does (list shapes, page sizes, error bodies, auth per
// family), keeps what clients create, pushes ActionCable events on /cable
// and posts signed webhooks. `woot sandbox serve` and `woot --sandbox` are
// built on it, so newcomers and CI can run every command without a server.
//
// Every operation of Chatwoot's published spec answers with a body of the
// documented shape; the core resources (contacts, conversations, messages,
// inboxes, teams, agents, labels, webhooks…) are stored and behave, the
// rest answer well-formed values computed from the stored data or zeros.
//
// Where Chatwoot's published spec and its real server disagree, the
// sandbox answers like the server (FACTS.md is the reference). The places:
//   - conversation status "snoozed" exists although the spec's enum omits
//     it (FACTS §5);
//   - article status is a string (FACTS §10);
//   - POST contacts answers {"payload":{"contact":…,"contact_inbox":…}} and
//     PUT contacts/{id} answers 200 {"payload":contact}, as the server's
//     views do (the spec says an array payload and 204);
//   - custom attribute definitions carry attribute_values as an array, as
//     stored by the server (the spec says string);
//   - GET inboxes/{id}/agent_bot answers 200 {"agent_bot":…} and
//     set_agent_bot 200 with no body (the spec says 204);
//   - integration hooks use the server's partial (integer id, hook_type
//     "account" or "inbox"); the spec types id as a string and hook_type
//     as a boolean;
//   - errors use the server's bodies (FACTS §7), not the spec's
//     bad_request_error.
//
// The spec's own inconsistencies are accepted both ways: inbox_id as a
// string or a number on inbox member routes, attribute and article enums
// by index or by name, an integer app_id for integration hooks (the
// catalogue position), and any conversation_uuid on the survey page.
//
// Client API, CSAT and search follow these files of Chatwoot's source:
//   - contacts: app/controllers/public/api/v1/inboxes/contacts_controller.rb.
//     The identity check (identifier_hash) runs on create, show and update;
//     only show and update mark the contact inbox hmac_verified (on create
//     it does not exist yet), and the identifier is never stored: it only
//     feeds the check. Create finds a contact by email, then phone number,
//     and a known source_id answers its contact inbox
//     (app/builders/contact_inbox_with_contact_builder.rb).
//   - conversations: app/controllers/public/api/v1/inboxes/conversations_controller.rb.
//     A verified contact inbox reaches all of its contact's conversations,
//     an unverified one those it started; resolving a resolved one changes
//     nothing. The message routes find the conversation among all of the
//     contact's (app/controllers/public/api/v1/inboxes_controller.rb).
//   - CSAT: the survey page is the conversation's input_csat message
//     (app/controllers/public/api/v1/csat_survey_controller.rb, 14 days to
//     answer); answering that message through the Client API records the
//     response too (app/listeners/csat_survey_listener.rb,
//     app/builders/csat_surveys/response_builder.rb). Seeded conversations
//     resolved without such a message stand in with their resolution line.
//     The account's responses (list, metrics, download) are filtered as
//     app/controllers/api/v1/accounts/csat_survey_responses_controller.rb
//     does: since and until together ([since, until), DateRangeHelper),
//     user_ids, inbox_id, team_id and rating.
//   - account search: app/services/search_service.rb (15 a page per kind).
//
// Fault injection (Options.Latency, FailRate, ResetRate, RateLimit) never
// applies to GET /health, GET /api or /cable, so readiness checks and
// listeners keep working while the API misbehaves.
//
// # Layers
//
// The package is split by what changes together:
//
//   - store (pkg/sandbox/store): the state and nothing else. The stored
//     row types (Contact, Conversation, Record…), id and token generation,
//     the derived indexes and the mutations that keep them in step, the
//     lookups, the demo seed, and the state file (encoding, versions,
//     locking). It imports no HTTP package, so a change of wire shape can
//     never reach it and durability work happens in one place.
//   - handlers (this package, one file per family: contacts.go,
//     conversations.go, messages.go, inboxes.go, teams.go, settings.go,
//     automation.go, helpcenter.go, platform.go, client.go, reports.go…):
//     read params, check auth, change the store under the lock.
//   - views (views_*.go and the *View helpers beside their handlers):
//     turn store rows into the JSON Chatwoot's jbuilder templates render.
//   - the request machinery: router.go and routes.go (the route table),
//     context.go (one request's ctx), params.go (Rails-style params),
//     auth.go (token kinds per family).
//   - beside them: cable.go (ActionCable pushes), events.go and
//     delivery.go (webhook events and their signed deliveries), faults.go
//     (latency, failures, connection resets, rate limiting).
//
// Handlers and views import store; store imports none of them.
package sandbox
