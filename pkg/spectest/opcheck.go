package spectest

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/lazyregexp"
)

// This file holds the checks that hold a family's operation table to
// Chatwoot's spec and to woot's command grammar. Each family's test passes
// in what is its own (the verbs it allows, the parameters the server reads
// beyond the spec, with reasons), so the exemptions stay beside the table
// they excuse.

// Rows reads one tab-separated table of the chatwoot-api directory
// (operations.tsv, routes-beyond-spec.tsv) into one map per row, keyed by
// the header. A row with more or fewer cells than the header fails the
// test: a shifted column would otherwise be read as the wrong field.
func Rows(t testing.TB, name string) []map[string]string {
	t.Helper()
	data, err := os.ReadFile(File(t, name))
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	rows := make([]map[string]string, 0, len(lines)-1)
	for i, line := range lines[1:] {
		cells := strings.Split(line, "\t")
		if len(cells) != len(header) {
			t.Fatalf("%s line %d: %d cells, header has %d", name, i+2, len(cells), len(header))
		}
		row := make(map[string]string, len(header))
		for j, h := range header {
			row[h] = cells[j]
		}
		rows = append(rows, row)
	}
	return rows
}

// Report fails the test with every item listed under what, sorted so the
// message reads the same from run to run; no items, no failure.
func Report(t testing.TB, what string, items []string) {
	t.Helper()
	if len(items) > 0 {
		sort.Strings(items)
		t.Errorf("%s:\n  %s", what, strings.Join(items, "\n  "))
	}
}

// pathParamRE is compiled on first use, not at init: every test binary
// that imports this package would pay for it otherwise.
var pathParamRE = &lazyregexp.Regexp{Expr: `\{([a-z_]+)\}`}

// PathParams lists the parameters of a path template in order:
// "/a/{x}/b/{y}" gives x, y.
func PathParams(path string) []string {
	var out []string
	for _, m := range pathParamRE.Compiled().FindAllStringSubmatch(path, -1) {
		out = append(out, m[1])
	}
	return out
}

// CheckSpecCoverage wants every operations.tsv row of family covered by
// exactly one InSpec operation of ops, and no InSpec operation that is not
// such a row. want is the family's row count, so a changed spec is noticed.
func CheckSpecCoverage(t testing.TB, family string, want int, ops []api.Operation) {
	t.Helper()
	rows := map[string]bool{}
	for _, r := range Rows(t, "operations.tsv") {
		if r["family"] == family {
			rows[r["method"]+" "+r["path"]] = true
		}
	}
	if len(rows) != want {
		t.Fatalf("operations.tsv has %d %s rows, this test expects %d", len(rows), family, want)
	}
	seen := map[string]int{}
	var extra []string
	for _, op := range ops {
		if !op.InSpec {
			continue
		}
		key := op.Method + " " + op.Path
		seen[key]++
		if !rows[key] {
			extra = append(extra, key+" ("+op.Command+")")
		}
	}
	var missing, twice []string
	for key := range rows {
		switch {
		case seen[key] == 0:
			missing = append(missing, key)
		case seen[key] > 1:
			twice = append(twice, key)
		}
	}
	Report(t, "spec operations without a command", missing)
	Report(t, "spec operations with more than one command", twice)
	Report(t, "operations marked InSpec that are not in operations.tsv", extra)
}

// beyondRoute is a routes-beyond-spec.tsv row: methods may be "PATCH|PUT".
type beyondRoute struct{ methods, path string }

func (rt beyondRoute) covers(op api.Operation) bool {
	return op.Path == rt.path && slices.Contains(strings.Split(rt.methods, "|"), op.Method)
}

// CheckBeyondSpecCoverage wants every routes-beyond-spec.tsv route of
// family that is not in the spec covered by exactly one operation of ops
// with InSpec false, and every such operation to be one of those routes.
func CheckBeyondSpecCoverage(t testing.TB, family string, ops []api.Operation) {
	t.Helper()
	spec := map[string]bool{}
	for _, r := range Rows(t, "operations.tsv") {
		spec[r["method"]+" "+r["path"]] = true
	}
	var routes []beyondRoute
	for _, r := range Rows(t, "routes-beyond-spec.tsv") {
		if r["family"] == family && r["in_spec"] == "no" {
			routes = append(routes, beyondRoute{r["method"], r["path"]})
		}
	}
	if len(routes) == 0 {
		t.Fatalf("routes-beyond-spec.tsv has no %s rows with in_spec=no", family)
	}
	var missing, twice, stray []string
	for _, rt := range routes {
		n := 0
		for _, op := range ops {
			if !op.InSpec && rt.covers(op) {
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
	for _, op := range ops {
		if op.InSpec {
			continue
		}
		found := slices.ContainsFunc(routes, func(rt beyondRoute) bool { return rt.covers(op) })
		if !found || spec[op.Method+" "+op.Path] {
			stray = append(stray, op.Method+" "+op.Path+" ("+op.Command+")")
		}
	}
	Report(t, "beyond-spec routes without a command", missing)
	Report(t, "beyond-spec routes with more than one command", twice)
	Report(t, "InSpec=false operations that are no beyond-spec route (or are in the spec)", stray)
}

// CheckCommandGrammar wants each command to read `family <noun…> <verb>`
// in kebab case with a plural noun and a verb of verbs, to be declared
// once, to have one-line help and an example that runs it, and to name one
// UPPER_SNAKE argument per path parameter not in configured.
func CheckCommandGrammar(t *testing.T, family string, verbs, configured []string, ops []api.Operation) {
	commandRE := regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*( [a-z][a-z0-9]*(-[a-z0-9]+)*)+$`)
	argNameRE := regexp.MustCompile(`^[A-Z][A-Z0-9_]*$`)
	seen := map[string]bool{}
	for _, op := range ops {
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
			for _, p := range PathParams(op.Path) {
				if !slices.Contains(configured, p) {
					positional = append(positional, p)
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

// CheckOperationShape checks what holds for an operation of any family: a
// known method, confirmation before a DELETE, lists fetched with GET, and
// flags that are unique, documented, clear of builderFlags (the flags the
// command builder adds itself) and flat where they travel in the query.
func CheckOperationShape(t testing.TB, op api.Operation, builderFlags []string) {
	t.Helper()
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

// CheckParamsMatchSpec compares each InSpec operation's Params with the
// spec's query parameters and JSON request body: names, required-ness,
// enums and types. beyondSpec lists, keyed "METHOD /path name", parameters
// the server reads that the spec does not declare, with the reason; an
// entry fails the test once the spec declares it or no operation uses it.
func CheckParamsMatchSpec(t *testing.T, ops []api.Operation, beyondSpec map[string]string) {
	doc := Load(t).Doc
	used := map[string]bool{}
	for _, op := range ops {
		if !op.InSpec {
			continue
		}
		t.Run(op.Command, func(t *testing.T) {
			checkParams(t, doc, op, beyondSpec, used)
		})
	}
	for key := range beyondSpec {
		if !used[key] {
			t.Errorf("beyondSpecParams lists %q, which no operation declares", key)
		}
	}
}

func checkParams(t *testing.T, doc *openapi3.T, op api.Operation, beyondSpec map[string]string, used map[string]bool) {
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
		if _, ok := beyondSpec[key]; ok {
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
					checkParamSchema(t, p, q.Schema.Value)
				}
			}
		}
		if p.In == api.InBody || p.In == api.InQueryAndBody {
			s := property(body, p.Name)
			if s == nil {
				t.Errorf("body field %s is not in the spec's request body", p.Name)
				continue
			}
			checkParamSchema(t, p, s)
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

// checkParamSchema compares one Param with the spec's schema for it.
func checkParamSchema(t *testing.T, p api.Param, s *openapi3.Schema) {
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

// typeFits says whether a Param type carries the spec schema's type; an
// untyped schema takes anything.
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

// CheckResponsesMatchSpec checks Data, List and Columns of each InSpec
// operation against the spec's 200 response: a list's Data must lead to an
// array, a single object's to an object, and each column must be a field
// of the item. beyondSpecColumns lists, per command, columns the server
// renders that the spec leaves out; an entry fails once the spec has it.
func CheckResponsesMatchSpec(t testing.TB, ops []api.Operation, beyondSpecColumns map[string][]string) {
	t.Helper()
	doc := Load(t).Doc
	for _, op := range ops {
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
			beyond := slices.Contains(beyondSpecColumns[op.Command], c)
			if beyond && property(s, c) != nil {
				t.Errorf("%s: column %s is in the spec now: drop it from beyondSpecColumns", op.Command, c)
			}
			if property(s, c) == nil && !additional(s, c) && !beyond {
				t.Errorf("%s: column %s is not a field of the spec's item", op.Command, c)
			}
		}
	}
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

// additional says whether the object holding the last segment of a dotted
// column exists and accepts fields the spec does not list.
func additional(s *openapi3.Schema, dotted string) bool {
	parts := strings.Split(dotted, ".")
	for _, name := range parts[:len(parts)-1] {
		s = ownProperty(s, name)
	}
	return s != nil && s.AdditionalProperties.Has != nil && *s.AdditionalProperties.Has
}

// required collects a schema's required names through allOf.
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
