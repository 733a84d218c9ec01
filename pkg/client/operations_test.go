package client_test

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/spectest"
)

const family = "client"

// verbs are the words a client command may end with.
var verbs = []string{"list", "get", "create", "update", "delete", "resolve", "toggle-typing", "update-last-seen"}

// configured path parameters come from configuration, not arguments.
var configured = []string{"inbox_identifier", "contact_identifier"}

// beyondSpecParams are parameters the real server reads that Chatwoot's
// spec does not declare, each with the reason it is sent anyway. The test
// fails when the spec starts declaring one, so the list cannot go stale.
var beyondSpecParams = map[string]string{
	"GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier} identifier":      "identity validation is checked on show too (FACTS §3)",
	"GET /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier} identifier_hash": "identity validation is checked on show too (FACTS §3)",
}

// builderFlags are added to commands by the builder; a Param must not take them.
var builderFlags = []string{"output", "jq", "template", "fields", "all", "page", "limit", "concurrency", "input",
	"output-file", "yes", "dry-run", "account", "profile", "url", "debug", "timeout", "retries", "rate", "sandbox",
	"help", "inbox-identifier", "contact-identifier", "save"}

func TestEverySpecOperationHasOneCommand(t *testing.T) {
	rows := readTSV(t, spectest.File(t, "operations.tsv"))
	want := map[string]bool{}
	for _, r := range rows {
		if r["family"] == family {
			want[r["method"]+" "+r["path"]] = true
		}
	}
	if len(want) != 13 {
		t.Fatalf("operations.tsv has %d client rows, this test expects 13", len(want))
	}
	seen := map[string]int{}
	var extra []string
	for _, op := range client.Operations() {
		if !op.InSpec {
			continue
		}
		key := op.Method + " " + op.Path
		seen[key]++
		if !want[key] {
			extra = append(extra, key+" ("+op.Command+")")
		}
	}
	var missing, twice []string
	for key := range want {
		switch {
		case seen[key] == 0:
			missing = append(missing, key)
		case seen[key] > 1:
			twice = append(twice, key)
		}
	}
	report(t, "spec operations without a command", missing)
	report(t, "spec operations with more than one command", twice)
	report(t, "operations marked InSpec that are not in operations.tsv", extra)
}

func TestEveryBeyondSpecRouteHasOneCommand(t *testing.T) {
	spec := map[string]bool{}
	for _, r := range readTSV(t, spectest.File(t, "operations.tsv")) {
		spec[r["method"]+" "+r["path"]] = true
	}
	type route struct{ methods, path string }
	var routes []route
	for _, r := range readTSV(t, spectest.File(t, "routes-beyond-spec.tsv")) {
		if r["family"] == family && r["in_spec"] == "no" {
			routes = append(routes, route{r["method"], r["path"]})
		}
	}
	if len(routes) == 0 {
		t.Fatal("routes-beyond-spec.tsv has no client rows with in_spec=no")
	}
	covers := func(rt route, op api.Operation) bool {
		return op.Path == rt.path && slices.Contains(strings.Split(rt.methods, "|"), op.Method)
	}
	var missing, twice, stray []string
	for _, rt := range routes {
		n := 0
		for _, op := range client.Operations() {
			if !op.InSpec && covers(rt, op) {
				n++
			}
		}
		switch {
		case n == 0:
			missing = append(missing, rt.methods+" "+rt.path)
		case n > 1:
			twice = append(twice, rt.methods+" "+rt.path)
		}
	}
	for _, op := range client.Operations() {
		if op.InSpec {
			continue
		}
		found := slices.ContainsFunc(routes, func(rt route) bool { return covers(rt, op) })
		if !found || spec[op.Method+" "+op.Path] {
			stray = append(stray, op.Method+" "+op.Path+" ("+op.Command+")")
		}
	}
	report(t, "beyond-spec routes without a command", missing)
	report(t, "beyond-spec routes with more than one command", twice)
	report(t, "InSpec=false operations that are no beyond-spec route (or are in the spec)", stray)
}

var (
	commandRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*( [a-z][a-z0-9]*(-[a-z0-9]+)*)+$`)
	paramRE   = regexp.MustCompile(`\{([a-z_]+)\}`)
	argNameRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
)

func TestCommandsFollowTheGrammar(t *testing.T) {
	seen := map[string]bool{}
	for _, op := range client.Operations() {
		t.Run(op.Command, func(t *testing.T) {
			words := strings.Fields(op.Command)
			if !commandRE.MatchString(op.Command) || words[0] != family || len(words) < 3 {
				t.Errorf("command %q is not `%s <noun…> <verb>` in kebab case", op.Command, family)
			}
			if seen[op.Command] {
				t.Errorf("command %q is declared twice", op.Command)
			}
			seen[op.Command] = true
			if verb := words[len(words)-1]; !slices.Contains(verbs, verb) {
				t.Errorf("command %q ends in %q, not a verb of %v", op.Command, verb, verbs)
			}
			if len(words) > 1 && !strings.HasSuffix(words[1], "s") {
				t.Errorf("noun %q of %q is not plural", words[1], op.Command)
			}
			checkHelp(t, op)
			var positional []string
			for _, m := range paramRE.FindAllStringSubmatch(op.Path, -1) {
				if !slices.Contains(configured, m[1]) {
					positional = append(positional, m[1])
				}
			}
			if op.ArgNames != nil && len(op.ArgNames) != len(positional) {
				t.Errorf("ArgNames %v for path parameters %v", op.ArgNames, positional)
			}
			for _, a := range op.ArgNames {
				if !argNameRE.MatchString(a) {
					t.Errorf("argument name %q is not UPPER_SNAKE", a)
				}
			}
		})
	}
}

func checkHelp(t *testing.T, op api.Operation) {
	t.Helper()
	if op.Short == "" || strings.Contains(op.Short, "\n") || strings.HasSuffix(op.Short, ".") ||
		strings.ToUpper(op.Short[:1]) != op.Short[:1] {
		t.Errorf("Short %q is not one capitalised line without a full stop", op.Short)
	}
	invokes := false
	for _, line := range strings.Split(op.Example, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !strings.HasPrefix(line, "$ ") {
			t.Errorf("example line %q has no `$ ` prompt", line)
		}
		if strings.HasPrefix(line, "$ woot "+op.Command+" ") || line == "$ woot "+op.Command {
			invokes = true
		}
	}
	if !invokes {
		t.Errorf("no example runs `woot %s`:\n%s", op.Command, op.Example)
	}
}

func TestOperationShapes(t *testing.T) {
	for _, op := range client.Operations() {
		if op.Family != api.FamilyClient {
			t.Errorf("%s: family %q", op.Command, op.Family)
		}
		if !strings.HasPrefix(op.Path, "/public/api/v1/") {
			t.Errorf("%s: path %s is outside the Client API", op.Command, op.Path)
		}
		if !slices.Contains([]string{"GET", "POST", "PATCH", "PUT", "DELETE"}, op.Method) {
			t.Errorf("%s: method %q", op.Command, op.Method)
		}
		if op.Method == "DELETE" && !op.Confirm {
			t.Errorf("%s: a DELETE without Confirm", op.Command)
		}
		if op.List != nil && op.Method != "GET" {
			t.Errorf("%s: a list operation must be a GET", op.Command)
		}
		flags := map[string]bool{}
		for _, p := range op.Params {
			f := p.FlagName()
			if slices.Contains(builderFlags, f) {
				t.Errorf("%s: param %s takes the builder's flag --%s", op.Command, p.Name, f)
			}
			if flags[f] {
				t.Errorf("%s: flag --%s declared twice", op.Command, f)
			}
			flags[f] = true
			if p.Usage == "" {
				t.Errorf("%s: flag --%s has no usage text", op.Command, f)
			}
			if (p.In == api.InQuery || p.In == api.InQueryAndBody) && strings.Contains(p.Name, ".") {
				t.Errorf("%s: query parameter %q cannot nest", op.Command, p.Name)
			}
		}
	}
}

func TestParamsMatchTheSpec(t *testing.T) {
	doc := spectest.Load(t).Doc
	used := map[string]bool{}
	for _, op := range client.Operations() {
		if !op.InSpec {
			continue
		}
		t.Run(op.Command, func(t *testing.T) {
			checkParamsAgainstSpec(t, doc, op, used)
		})
	}
	for key := range beyondSpecParams {
		if !used[key] {
			t.Errorf("beyondSpecParams lists %q, which no operation declares", key)
		}
	}
}

func checkParamsAgainstSpec(t *testing.T, doc *openapi3.T, op api.Operation, used map[string]bool) {
	item := doc.Paths.Value(op.Path)
	if item == nil || item.GetOperation(op.Method) == nil {
		t.Fatalf("the spec has no %s %s", op.Method, op.Path)
	}
	sop := item.GetOperation(op.Method)
	query := map[string]*openapi3.Parameter{}
	for _, ref := range append(slices.Clone(item.Parameters), sop.Parameters...) {
		if ref.Value != nil && ref.Value.In == "query" {
			query[ref.Value.Name] = ref.Value
		}
	}
	body := requestSchema(sop)
	for _, p := range op.Params {
		key := op.Method + " " + op.Path + " " + p.Name
		if _, ok := beyondSpecParams[key]; ok {
			used[key] = true
			if query[p.Name] != nil || (body != nil && property(body, p.Name) != nil) {
				t.Errorf("%s is in the spec now: drop it from beyondSpecParams", p.Name)
			}
			continue
		}
		if p.In == api.InQuery || p.In == api.InQueryAndBody {
			q := query[p.Name]
			if q == nil {
				t.Errorf("query parameter %s is not in the spec", p.Name)
			} else {
				if q.Required && !p.Required {
					t.Errorf("query parameter %s is required by the spec", p.Name)
				}
				if q.Schema != nil {
					checkSchema(t, p, q.Schema.Value)
				}
			}
		}
		if p.In == api.InBody || p.In == api.InQueryAndBody {
			s := property(body, p.Name)
			if s == nil {
				t.Errorf("body field %s is not in the spec's request body", p.Name)
				continue
			}
			checkSchema(t, p, s)
		}
	}
	for name, q := range query {
		if q.Required && !slices.ContainsFunc(op.Params, func(p api.Param) bool { return p.Name == name && p.Required }) {
			t.Errorf("the spec requires query parameter %s; no required Param declares it", name)
		}
	}
	for _, name := range required(body) {
		if !slices.ContainsFunc(op.Params, func(p api.Param) bool { return p.Name == name && p.Required }) {
			t.Errorf("the spec requires body field %s; no required Param declares it", name)
		}
	}
}

// checkSchema compares one Param with the spec's schema for it.
func checkSchema(t *testing.T, p api.Param, s *openapi3.Schema) {
	t.Helper()
	if s == nil {
		return
	}
	if len(s.Enum) > 0 {
		var want []string
		for _, v := range s.Enum {
			want = append(want, fmt.Sprint(v))
		}
		got := slices.Clone(p.Enum)
		sort.Strings(want)
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: Enum %v, the spec says %v", p.Name, p.Enum, want)
		}
	}
	if !typeFits(p.Type, s) {
		t.Errorf("%s: Param type %d does not fit the spec's %v", p.Name, p.Type, s.Type)
	}
}

func typeFits(typ api.Type, s *openapi3.Schema) bool {
	switch {
	case s.Type == nil || s.Type.IsEmpty():
		return true
	case s.Type.Includes("integer"):
		return typ == api.Int
	case s.Type.Includes("number"):
		return typ == api.Int || typ == api.Float
	case s.Type.Includes("boolean"):
		return typ == api.Bool
	case s.Type.Includes("array"):
		return typ == api.Strings || typ == api.Ints || typ == api.JSON
	case s.Type.Includes("object"):
		return typ == api.Map || typ == api.JSON
	case s.Type.Includes("string") && s.Format == "binary":
		return typ == api.File
	case s.Type.Includes("string"):
		return typ == api.String
	}
	return true
}

func requestSchema(op *openapi3.Operation) *openapi3.Schema {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	mt := op.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	return mt.Schema.Value
}

// property walks a dotted name through a schema's properties, looking
// into allOf parts as well.
func property(s *openapi3.Schema, dotted string) *openapi3.Schema {
	for _, name := range strings.Split(dotted, ".") {
		s = ownProperty(s, name)
	}
	return s
}

func ownProperty(s *openapi3.Schema, name string) *openapi3.Schema {
	if s == nil {
		return nil
	}
	if ref := s.Properties[name]; ref != nil {
		return ref.Value
	}
	for _, part := range s.AllOf {
		if p := ownProperty(part.Value, name); p != nil {
			return p
		}
	}
	return nil
}

func required(s *openapi3.Schema) []string {
	if s == nil {
		return nil
	}
	names := slices.Clone(s.Required)
	for _, part := range s.AllOf {
		names = append(names, required(part.Value)...)
	}
	return names
}

// TestResponsesMatchTheSpec checks Data, List and Columns against the
// spec's 200 response: a list operation's Data must lead to an array, a
// single object's to an object, and each column's first segment must be a
// property of the item.
func TestResponsesMatchTheSpec(t *testing.T) {
	doc := spectest.Load(t).Doc
	for _, op := range client.Operations() {
		if !op.InSpec {
			continue
		}
		sop := doc.Paths.Value(op.Path).GetOperation(op.Method)
		s := responseSchema(sop)
		if s == nil {
			if len(op.Columns) > 0 {
				t.Errorf("%s: Columns for a response without a body", op.Command)
			}
			continue
		}
		if op.Data != "" {
			s = property(s, op.Data)
		}
		isArray := s != nil && s.Type != nil && s.Type.Includes("array")
		if isArray != (op.List != nil) {
			t.Errorf("%s: List is %v but the spec's payload at %q is an array: %v", op.Command, op.List != nil, op.Data, isArray)
			continue
		}
		if isArray {
			s = s.Items.Value
		}
		for _, c := range op.Columns {
			if property(s, c) == nil && !additional(s, c) {
				t.Errorf("%s: column %s is not a field of the spec's item", op.Command, c)
			}
		}
	}
}

// additional says whether the first segment of a dotted column exists and
// the object below it accepts fields the spec does not list.
func additional(s *openapi3.Schema, dotted string) bool {
	parts := strings.Split(dotted, ".")
	for _, name := range parts[:len(parts)-1] {
		s = ownProperty(s, name)
	}
	return s != nil && s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has
}

func responseSchema(op *openapi3.Operation) *openapi3.Schema {
	r := op.Responses.Value("200")
	if r == nil || r.Value == nil {
		return nil
	}
	mt := r.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil {
		return nil
	}
	return mt.Schema.Value
}

// readTSV reads a tab-separated file with a header row into one map per row.
func readTSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var header []string
	var rows []map[string]string
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if header == nil {
			header = fields
			continue
		}
		row := map[string]string{}
		for i, h := range header {
			if i < len(fields) {
				row[h] = fields[i]
			}
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}

func report(t *testing.T, what string, items []string) {
	t.Helper()
	if len(items) > 0 {
		sort.Strings(items)
		t.Errorf("%s:\n  %s", what, strings.Join(items, "\n  "))
	}
}
