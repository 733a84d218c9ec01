package application

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/spectest"
)

// Where Chatwoot's spec is wrong about what the server does, the table
// follows the server. Each departure is listed here with its reason, keyed
// "command/field", so the spec checks below stay strict everywhere else.

// extraQueryParams are query parameters the server reads that the spec's
// operation does not list.
func extraQueryParams() map[string]string {
	reason := "read by the v2 report builder (ReportsMetricParams#report_params), absent from the spec"
	return map[string]string{
		"reports timeseries list/group_by":        reason,
		"reports timeseries list/business_hours":  reason,
		"reports timeseries list/timezone_offset": reason,
		"reports summary get/business_hours":      reason,
	}
}

// typeExemptions are fields whose spec type the server contradicts.
func typeExemptions() map[string]string {
	return map[string]string{
		"portals articles create/status": "FACTS §10: article.status is typed integer, the server takes draft|published|archived",
		"inboxes members set/inbox_id":   "FACTS §10: the inbox_members PATCH types inbox_id as a string; it is an id and the server takes either",
		"inboxes members remove/inbox_id": "the inbox_members DELETE types inbox_id as a string like the PATCH (FACTS §10); " +
			"it is an id and the server takes either",
		"integrations hooks create/app_id": "the spec types app_id as an integer; integration app ids are names such as dialogflow",
	}
}

// requiredExemptions are spec-required body fields the server does not need.
func requiredExemptions() map[string]string {
	return map[string]string{
		"contacts create/inbox_id":       "ContactsController#build_contact_inbox skips the contact inbox when inbox_id is blank",
		"conversations create/source_id": "ConversationsController#contact_inbox builds it from inbox_id and contact_id when source_id is absent",
		"agents update/role":             "AgentsController#update updates only the fields sent (compact)",
		"messages create/content":        "the multipart variant requires nothing: a message may be just an attachment",
	}
}

// exampleExemptions are example values the spec's schema rejects but the
// server needs.
func exampleExemptions() map[string]string {
	return map[string]string{
		"inboxes agent-bot set/agent_bot": "the spec types agent_bot as a number, but null is how a bot is disconnected",
	}
}

// dataExemptions are in-spec operations whose payload path is not where
// the spec's response schema puts it.
func dataExemptions() map[string]string {
	portal := "the server and its dashboard use the bare portal object; the spec wraps it in payload"
	views := "the server's view wraps it (api/v1/accounts/webhooks/*.json.jbuilder); the spec and FACTS §5 describe a bare array"
	return map[string]string{
		"webhooks list":             views,
		"webhooks create":           views,
		"webhooks update":           views,
		"contacts create":           "the server answers {payload:{contact,contact_inbox}}; the spec's extended_contact is a list shape",
		"inboxes agent-bot get":     "the server answers {agent_bot:{…}} (inboxes/agent_bot.json.jbuilder)",
		"portals articles create":   "the server wraps the article in payload (articles/create.json.jbuilder); the spec shows it bare",
		"portals categories create": "the server wraps the category in payload, as for show (the dashboard reads data.payload); the spec shows it bare",
		"portals create":            portal,
		"portals update":            portal,
	}
}

const merged = "contact_merges/create.json.jbuilder renders the base contact; the spec's contact_base schema has only id and a payload list"

// columnExemptions are columns the server sends that the spec's response
// schema leaves out.
func columnExemptions() map[string]string {
	return map[string]string{
		"conversations create/status":            "the server renders the whole conversation; the spec lists only id, account_id and inbox_id",
		"conversations set-status/snoozed_until": "toggle_status.json.jbuilder sends snoozed_until; the spec's inline schema omits it",
		"contacts merge/name":                    merged,
		"contacts merge/email":                   merged,
		"contacts merge/phone_number":            merged,
		"contacts merge/identifier":              merged,
	}
}

func TestSpecOperationsCoveredOnce(t *testing.T) {
	byKey := map[string][]api.Operation{}
	for _, op := range allOperations() {
		byKey[opKey(op.Method, op.Path)] = append(byKey[opKey(op.Method, op.Path)], op)
	}
	var gaps []string
	specKeys := map[string]bool{}
	rows := 0
	for _, row := range spectest.Rows(t, "operations.tsv") {
		fam := row["family"]
		if fam != "application" && fam != "other" {
			continue
		}
		rows++
		key := opKey(row["method"], row["path"])
		specKeys[key] = true
		ops := byKey[key]
		switch {
		case len(ops) == 0:
			gaps = append(gaps, "missing: "+key+" ("+row["operationId"]+")")
			continue
		case len(ops) > 1:
			gaps = append(gaps, fmt.Sprintf("covered %d times: %s", len(ops), key))
		}
		op := ops[0]
		if !op.InSpec {
			gaps = append(gaps, "InSpec false: "+key)
		}
		wantFam := api.FamilyApplication
		if fam == "other" {
			wantFam = api.FamilyServer
		}
		if op.Family != wantFam {
			gaps = append(gaps, fmt.Sprintf("family %q, want %q: %s", op.Family, wantFam, key))
		}
	}
	if rows != 124 {
		t.Errorf("operations.tsv has %d application and other rows, want 122+2", rows)
	}
	for _, op := range allOperations() {
		if op.InSpec && !specKeys[opKey(op.Method, op.Path)] {
			gaps = append(gaps, "InSpec true but not in operations.tsv: "+opKey(op.Method, op.Path)+" ("+op.Command+")")
		}
	}
	spectest.Report(t, "spec coverage gaps", gaps)
}

func TestBeyondSpecRoutesCovered(t *testing.T) {
	byKey := map[string][]api.Operation{}
	for _, op := range allOperations() {
		byKey[opKey(op.Method, op.Path)] = append(byKey[opKey(op.Method, op.Path)], op)
	}
	var gaps []string
	known := map[string]bool{} // every beyond-spec route of these families
	high := 0
	for _, row := range spectest.Rows(t, "routes-beyond-spec.tsv") {
		fam := row["family"]
		if (fam != "application" && fam != "other") || row["in_spec"] != "no" {
			continue
		}
		// A Rails update route answers PATCH and PUT; woot uses PATCH.
		method := strings.Split(row["method"], "|")[0]
		key := opKey(method, row["path"])
		known[key] = true
		if row["cli_relevance"] != "high" {
			continue
		}
		high++
		ops := byKey[key]
		switch {
		case len(ops) == 0:
			gaps = append(gaps, "missing: "+key+" ("+row["controller_action"]+")")
		case len(ops) > 1:
			gaps = append(gaps, fmt.Sprintf("covered %d times: %s", len(ops), key))
		case ops[0].InSpec:
			gaps = append(gaps, "InSpec true: "+key)
		}
	}
	if high != 76 {
		t.Errorf("routes-beyond-spec.tsv has %d high-relevance application and other routes, want 74+2", high)
	}
	for _, op := range allOperations() {
		if !op.InSpec && !known[opKey(op.Method, op.Path)] {
			gaps = append(gaps, "InSpec false but no such beyond-spec route: "+opKey(op.Method, op.Path)+" ("+op.Command+")")
		}
	}
	spectest.Report(t, "beyond-spec coverage gaps", gaps)
}

var (
	kebabRE   = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	argNameRE = regexp.MustCompile(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$`)
)

// verbs are the words a command may end with (alone or as one part of a
// hyphenated verb such as set-status or list-active).
func verbs() map[string]bool {
	out := map[string]bool{}
	for _, v := range strings.Fields(`list get create update delete add remove set search filter
		merge assign mute unmute execute clone archive download count translate reset mark send
		import export retry start abandon validate sync reorder snooze analyze call upload connect
		approve dismiss test resume`) {
		out[v] = true
	}
	return out
}

func TestCommandNames(t *testing.T) {
	vs := verbs()
	// `server info` and `server health` read like `kubectl cluster-info`:
	// the brief names them so, and a verb would add nothing.
	noVerb := map[string]bool{"server info": true, "server health": true}
	reserved := []string{"contacts import", "contacts export", "conversations import", "conversations export", "contacts bulk", "conversations bulk"}
	seen := map[string]bool{}
	for _, op := range allOperations() {
		c := op.Command
		if seen[c] {
			t.Errorf("command %q declared twice", c)
		}
		seen[c] = true
		words := strings.Fields(c)
		if len(words) < 2 {
			t.Errorf("%q: want noun and verb", c)
			continue
		}
		for _, w := range words {
			if !kebabRE.MatchString(w) {
				t.Errorf("%q: %q is not kebab-case", c, w)
			}
		}
		switch words[0] {
		case "client", "platform", "api", "auth", "help", "listen", "verify", "sandbox", "completion":
			t.Errorf("%q: top-level word %q belongs to another family or a hand-written command", c, words[0])
		}
		for _, r := range reserved {
			if c == r || strings.HasPrefix(c, r+" ") {
				t.Errorf("%q is reserved for woot's own client-side command", c)
			}
		}
		last := words[len(words)-1]
		isVerb := false
		for _, part := range strings.Split(last, "-") {
			isVerb = isVerb || vs[part]
		}
		if !isVerb && !noVerb[c] {
			t.Errorf("%q: does not end with a verb", c)
		}
	}
}

func TestFamilies(t *testing.T) {
	for _, op := range Operations() {
		if op.Family != api.FamilyApplication {
			t.Errorf("%s: family %q in Operations()", op.Command, op.Family)
		}
		if !strings.HasPrefix(op.Path, "/api/v1/accounts/{account_id}") && !strings.HasPrefix(op.Path, "/api/v2/accounts/{account_id}") &&
			!strings.HasPrefix(op.Path, "/api/v1/profile") {
			t.Errorf("%s: %s is not an Application API path", op.Command, op.Path)
		}
	}
	for _, op := range ServerOperations() {
		if op.Family != api.FamilyServer {
			t.Errorf("%s: family %q in ServerOperations()", op.Command, op.Family)
		}
	}
}

func TestHelpTexts(t *testing.T) {
	for _, op := range allOperations() {
		if op.Short == "" {
			t.Errorf("%s: no Short", op.Command)
		} else {
			if r := []rune(op.Short)[0]; !unicode.IsUpper(r) {
				t.Errorf("%s: Short %q does not start with a capital", op.Command, op.Short)
			}
			if strings.HasSuffix(op.Short, ".") || len(op.Short) > 80 || strings.Contains(op.Short, "\n") {
				t.Errorf("%s: Short %q should be one line, under 80 characters, without a full stop", op.Command, op.Short)
			}
		}
		if !strings.HasPrefix(strings.TrimSpace(op.Example), "$ woot "+op.Command) {
			t.Errorf("%s: Example does not start with `$ woot %s`", op.Command, op.Command)
		}
	}
}

// TestExamplesInvokeTheirCommand parses every example line: it must call the
// operation's own command with flags the command has and exactly its
// positional arguments.
func TestExamplesInvokeTheirCommand(t *testing.T) {
	for _, op := range allOperations() {
		calls, err := parseExample(op)
		if err != nil {
			t.Errorf("%s: %v", op.Command, err)
			continue
		}
		want := len(positionalParams(op))
		for _, c := range calls {
			if len(c.args) != want {
				t.Errorf("%s: %q passes %d arguments %v, the command takes %d", op.Command, c.line, len(c.args), c.args, want)
			}
			for _, p := range op.Params {
				vals := c.flags[p.FlagName()]
				for _, v := range vals {
					given := []string{v}
					if p.Type == api.Strings {
						given = strings.Split(v, ",")
					}
					for _, g := range given {
						if len(p.Enum) > 0 && !contains(p.Enum, g) {
							t.Errorf("%s: %q gives --%s %q, not one of %v", op.Command, c.line, p.FlagName(), g, p.Enum)
						}
					}
				}
			}
		}
		// Every required flag is shown in at least one example, unless the
		// body comes from --input.
		for _, p := range op.Params {
			if !p.Required {
				continue
			}
			shown := false
			for _, c := range calls {
				_, ok := c.flags[p.FlagName()]
				_, input := c.flags["input"]
				shown = shown || ok || input
			}
			if !shown {
				t.Errorf("%s: no example gives the required --%s", op.Command, p.FlagName())
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestPathArguments(t *testing.T) {
	for _, op := range allOperations() {
		if !strings.HasPrefix(op.Path, "/") || strings.Contains(op.Path, "//") {
			t.Errorf("%s: malformed path %q", op.Command, op.Path)
		}
		pos := positionalParams(op)
		if op.ArgNames != nil && len(op.ArgNames) != len(pos) {
			t.Errorf("%s: %d ArgNames %v for %d path parameters %v", op.Command, len(op.ArgNames), op.ArgNames, len(pos), pos)
		}
		if len(pos) > 0 && op.ArgNames == nil {
			t.Errorf("%s: give ArgNames for %v", op.Command, pos)
		}
		for _, a := range op.ArgNames {
			if !argNameRE.MatchString(a) {
				t.Errorf("%s: argument name %q is not UPPER_SNAKE", op.Command, a)
			}
		}
	}
}

func TestParamsWellFormed(t *testing.T) {
	globals := globalFlags()
	for _, op := range allOperations() {
		flags := map[string]bool{}
		names := map[string]bool{}
		for _, p := range op.Params {
			f := p.FlagName()
			if !kebabRE.MatchString(f) {
				t.Errorf("%s: flag %q is not kebab-case", op.Command, f)
			}
			if _, clash := globals[f]; clash {
				t.Errorf("%s: flag --%s clashes with the builder's own flag", op.Command, f)
			}
			if flags[f] {
				t.Errorf("%s: flag --%s declared twice", op.Command, f)
			}
			flags[f] = true
			wire := fmt.Sprintf("%d:%s", p.In, p.Name)
			if names[wire] {
				t.Errorf("%s: parameter %q declared twice", op.Command, p.Name)
			}
			names[wire] = true
			if p.Usage == "" {
				t.Errorf("%s: --%s has no usage text", op.Command, f)
			}
			if p.In != api.InQuery && (op.Method == "GET") {
				t.Errorf("%s: GET cannot carry body field %q", op.Command, p.Name)
			}
			if p.Type == api.File && (p.In != api.InBody || op.Method == "GET" || op.Method == "DELETE") {
				t.Errorf("%s: file %q must be a body field of a POST, PUT or PATCH", op.Command, p.Name)
			}
			if p.Name == "page" && op.List != nil && op.List.Pager == api.PageNumber {
				t.Errorf("%s: declares page, which the builder sends itself", op.Command)
			}
			seenEnum := map[string]bool{}
			for _, e := range p.Enum {
				if e == "" || seenEnum[e] {
					t.Errorf("%s: --%s has an empty or repeated enum value %q", op.Command, f, e)
				}
				seenEnum[e] = true
			}
		}
	}
}

func TestDestructiveAndRaw(t *testing.T) {
	for _, op := range allOperations() {
		if op.Method == "DELETE" && !op.Confirm {
			t.Errorf("%s: a DELETE must ask for confirmation", op.Command)
		}
		if op.Raw && (op.List != nil || op.Data != "" || op.Columns != nil) {
			t.Errorf("%s: a raw download has no list, data path or columns", op.Command)
		}
		if strings.HasSuffix(op.Command, " download") && !op.Raw {
			t.Errorf("%s: a download must be Raw", op.Command)
		}
		if op.List != nil && op.List.Pager == api.BeforeID && op.Command != "messages list" {
			t.Errorf("%s: only conversation messages page with before=<id>", op.Command)
		}
		seen := map[string]bool{}
		for _, c := range op.Columns {
			if c == "" || seen[c] || strings.HasPrefix(c, ".") || strings.HasSuffix(c, ".") {
				t.Errorf("%s: bad or repeated column %q", op.Command, c)
			}
			seen[c] = true
		}
	}
	// Token resets and merges destroy something that cannot be restored.
	for _, c := range []string{"contacts merge", "agent-bots reset-token", "profile reset-token", "bulk-actions create", "portals articles delete-many"} {
		if op, ok := find(c); !ok || !op.Confirm {
			t.Errorf("%s: must ask for confirmation", c)
		}
	}
}

func find(command string) (api.Operation, bool) {
	for _, op := range allOperations() {
		if op.Command == command {
			return op, true
		}
	}
	return api.Operation{}, false
}

// TestListShapesPerFacts pins the list shapes and page sizes FACTS §5
// records for the real server.
func TestListShapesPerFacts(t *testing.T) {
	type shape struct {
		data  string
		pager api.Pager
		size  int
	}
	want := map[string]shape{
		"contacts list":          {"payload", api.PageNumber, 15},
		"contacts search":        {"payload", api.PageNumber, 15},
		"contacts filter":        {"payload", api.PageNumber, 15},
		"contacts list-active":   {"payload", api.PageNumber, 15},
		"conversations list":     {"data.payload", api.PageNumber, 25},
		"conversations filter":   {"data.payload", api.PageNumber, 25},
		"messages list":          {"payload", api.BeforeID, 20},
		"audit-logs list":        {"audit_logs", api.PageNumber, 25},
		"reporting-events list":  {"payload", api.PageNumber, 25},
		"campaigns list":         {"", api.NoPages, 0},
		"agents list":            {"", api.NoPages, 0},
		"teams list":             {"", api.NoPages, 0},
		"custom-filters list":    {"", api.NoPages, 0},
		"canned-responses list":  {"", api.NoPages, 0},
		"inboxes list":           {"payload", api.NoPages, 0},
		"labels list":            {"payload", api.NoPages, 0},
		"integrations apps list": {"payload", api.NoPages, 0},
		"inboxes members list":   {"payload", api.NoPages, 0},
		// FACTS §5 says automation rules take page, but the controller returns
		// every rule at once, so asking for page 2 would repeat page 1.
		"automation-rules list": {"payload", api.NoPages, 0},
		// FACTS §5 says webhooks are a bare array; the server's view wraps them.
		"webhooks list": {"payload.webhooks", api.NoPages, 0},
	}
	for c, w := range want {
		op, ok := find(c)
		if !ok {
			t.Errorf("%s: missing", c)
			continue
		}
		if op.List == nil {
			t.Errorf("%s: not a list", c)
			continue
		}
		if op.Data != w.data || op.List.Pager != w.pager || op.List.PageSize != w.size {
			t.Errorf("%s: data %q pager %d size %d, want %q %d %d", c, op.Data, op.List.Pager, op.List.PageSize, w.data, w.pager, w.size)
		}
	}
	for _, op := range allOperations() {
		if strings.HasSuffix(op.Command, " list") && op.List == nil {
			t.Errorf("%s: a list command without List", op.Command)
		}
		if op.List != nil && op.List.Pager == api.PageNumber && op.List.PageSize == 0 && op.Command != "portals articles list" {
			t.Errorf("%s: page size unknown; say why (only portals articles list pages to an empty page)", op.Command)
		}
	}
}

// inSpecOps pairs each in-spec table entry with its spec operation.
func inSpecOps(t *testing.T) ([]api.Operation, map[string]*openapi3.PathItem, map[string]*openapi3.Operation) {
	t.Helper()
	doc := spectest.Load(t).Doc
	var ops []api.Operation
	items := map[string]*openapi3.PathItem{}
	sops := map[string]*openapi3.Operation{}
	for _, op := range allOperations() {
		if !op.InSpec {
			continue
		}
		item, sop := specOp(doc, op)
		if sop == nil {
			t.Errorf("%s: %s %s not found in swagger.json", op.Command, op.Method, op.Path)
			continue
		}
		ops = append(ops, op)
		items[op.Command] = item
		sops[op.Command] = sop
	}
	return ops, items, sops
}

func TestParamsMatchSpec(t *testing.T) {
	ops, items, sops := inSpecOps(t)
	extra, typeEx := extraQueryParams(), typeExemptions()
	for _, op := range ops {
		item, sop := items[op.Command], sops[op.Command]
		for _, p := range op.Params {
			key := op.Command + "/" + p.Name
			var s *openapi3.Schema
			if p.In == api.InQuery {
				qp := queryParam(item, sop, p.Name)
				if qp == nil {
					if extra[key] == "" {
						t.Errorf("%s: query parameter %q is not in the spec", op.Command, p.Name)
					}
					continue
				}
				s = paramSchema(qp)
			} else {
				top := fieldPath(p.Name)[0]
				if bodyField(sop, top) == nil {
					t.Errorf("%s: body field %q is not a property of the request schema", op.Command, top)
					continue
				}
				s = bodyField(sop, p.Name)
				if s == nil {
					t.Errorf("%s: body field %q is not in the request schema", op.Command, p.Name)
					continue
				}
			}
			for _, e := range enumValues(s) {
				if !contains(p.Enum, e) && !namesNumber(p.Names, e) {
					t.Errorf("%s: --%s lacks the spec's enum value %q (has %v)", op.Command, p.FlagName(), e, p.Enum)
				}
			}
			if !typeFits(p.Type, s) && typeEx[key] == "" && !namesFitEnum(p, s) {
				t.Errorf("%s: --%s type %d does not fit the spec's %v", op.Command, p.FlagName(), p.Type, types(s))
			}
		}
		// Required query parameters of the spec are required flags.
		for _, group := range []openapi3.Parameters{item.Parameters, sop.Parameters} {
			for _, r := range group {
				qp := r.Value
				if qp == nil || qp.In != "query" || !qp.Required {
					continue
				}
				if p := paramNamed(op, qp.Name); p == nil || !p.Required {
					t.Errorf("%s: the spec requires query parameter %q", op.Command, qp.Name)
				}
			}
		}
	}
}

func TestRequiredBodyFields(t *testing.T) {
	ops, _, sops := inSpecOps(t)
	ex := requiredExemptions()
	for _, op := range ops {
		s := bodySchema(sops[op.Command])
		if s == nil {
			continue
		}
		for _, field := range requiredFields(s) {
			checkRequired(t, op, field, properties(s)[field], ex)
		}
	}
}

// checkRequired wants a required field to be a required flag, or, for an
// object the flags nest into, its own required fields to be.
func checkRequired(t *testing.T, op api.Operation, field string, s *openapi3.Schema, ex map[string]string) {
	t.Helper()
	if ex[op.Command+"/"+field] != "" {
		return
	}
	if p := paramNamed(op, field); p != nil {
		if !p.Required {
			t.Errorf("%s: the spec requires %q; declare it Required", op.Command, field)
		}
		return
	}
	nested := false
	for _, p := range op.Params {
		nested = nested || strings.HasPrefix(p.Name, field+".") || strings.HasPrefix(p.Name, field+"[")
	}
	if !nested {
		t.Errorf("%s: the spec requires %q and no flag sets it", op.Command, field)
		return
	}
	for _, sub := range requiredFields(s) {
		checkRequired(t, op, field+"."+sub, properties(s)[sub], ex)
	}
}

func paramNamed(op api.Operation, name string) *api.Param {
	for i := range op.Params {
		if op.Params[i].Name == name {
			return &op.Params[i]
		}
	}
	return nil
}

// TestDataPathsMatchSpec checks that each in-spec operation's payload path
// exists in its response schema, and that lists point at arrays.
func TestDataPathsMatchSpec(t *testing.T) {
	ops, _, sops := inSpecOps(t)
	ex := dataExemptions()
	for _, op := range ops {
		if op.Raw || ex[op.Command] != "" {
			continue
		}
		s := successSchema(sops[op.Command])
		if s == nil {
			if op.Data != "" {
				t.Errorf("%s: data path %q but the spec gives no JSON response schema", op.Command, op.Data)
			}
			continue
		}
		at, ok := descend(s, op.Data)
		if !ok {
			t.Errorf("%s: data path %q is not in the response schema", op.Command, op.Data)
			continue
		}
		if op.List != nil && !types(at)["array"] {
			t.Errorf("%s: list data %q is not an array in the spec (%v)", op.Command, op.Data, types(at))
		}
	}
}

// TestColumnsMatchSpec checks table columns against the spec's item
// schemas wherever the spec declares the item's fields.
func TestColumnsMatchSpec(t *testing.T) {
	ops, _, sops := inSpecOps(t)
	ex, colEx := dataExemptions(), columnExemptions()
	for _, op := range ops {
		if len(op.Columns) == 0 || ex[op.Command] != "" {
			continue
		}
		s := successSchema(sops[op.Command])
		at, ok := descend(s, op.Data)
		if s == nil || !ok {
			continue
		}
		if op.List != nil {
			at = itemSchema(at)
		}
		for _, c := range op.Columns {
			cur := at
			for _, seg := range strings.Split(c, ".") {
				props := properties(cur)
				if len(props) == 0 {
					break // the spec does not describe this level
				}
				if props[seg] == nil {
					if colEx[op.Command+"/"+c] != "" {
						break
					}
					t.Errorf("%s: column %q: %q is not a field of the spec's response", op.Command, c, seg)
					break
				}
				cur = props[seg]
			}
		}
	}
}

// TestExampleJSONConformsToSpec validates every literal JSON value an
// in-spec example passes against the spec's schema for that field. The
// filter examples leave query_operator out of the last condition, as FACTS
// §10 advises, instead of the spec's own example's null.
func TestExampleJSONConformsToSpec(t *testing.T) {
	ops, _, sops := inSpecOps(t)
	ex := exampleExemptions()
	checked := 0
	for _, op := range ops {
		calls, err := parseExample(op)
		if err != nil {
			continue // reported by TestExamplesInvokeTheirCommand
		}
		for _, p := range op.Params {
			if p.Type != api.JSON || p.In != api.InBody {
				continue
			}
			s := bodyField(sops[op.Command], p.Name)
			for _, c := range calls {
				for _, v := range c.flags[p.FlagName()] {
					if strings.HasPrefix(v, "@") {
						continue
					}
					var val any
					if err := json.Unmarshal([]byte(v), &val); err != nil {
						t.Errorf("%s: --%s %q is not JSON: %v", op.Command, p.FlagName(), v, err)
						continue
					}
					if s == nil || ex[op.Command+"/"+p.Name] != "" {
						continue
					}
					checked++
					if err := s.VisitJSON(val, openapi3.EnableJSONSchema2020()); err != nil {
						t.Errorf("%s: --%s %s does not fit the spec: %v", op.Command, p.FlagName(), v, err)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Error("no example JSON was checked against the spec")
	}
}

// namesNumber reports whether one of a parameter's names is sent as e.
func namesNumber(names map[string]int64, e string) bool {
	for _, n := range names {
		if strconv.FormatInt(n, 10) == e {
			return true
		}
	}
	return false
}

// namesFitEnum: an Int parameter with names fits a spec enum of numbers
// written as strings (it sends exactly those digits).
func namesFitEnum(p api.Param, s *openapi3.Schema) bool {
	if p.Type != api.Int || len(p.Names) == 0 || len(enumValues(s)) == 0 {
		return false
	}
	for _, e := range enumValues(s) {
		if !namesNumber(p.Names, e) {
			return false
		}
	}
	return true
}
