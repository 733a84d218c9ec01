package operation

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/url"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/config"
)

// pathParams lists the template's {name} parameters in order.
func pathParams(template string) []string {
	var names []string
	expandPath(template, func(name string) string {
		names = append(names, name)
		return ""
	})
	return names
}

// expandPath replaces each {name} of the template with value(name). Every
// command's help lists the parameters, so this is a plain scan, not a
// regexp compiled at start-up.
func expandPath(template string, value func(name string) string) string {
	var b strings.Builder
	rest := template
	for {
		open := strings.IndexByte(rest, '{')
		end := strings.IndexByte(rest[max(open, 0):], '}')
		if open < 0 || end < 0 {
			b.WriteString(rest)
			return b.String()
		}
		b.WriteString(rest[:open])
		b.WriteString(value(rest[open+1 : open+end]))
		rest = rest[open+end+1:]
	}
}

// configuredParam reports whether a path parameter comes from
// configuration rather than a positional argument.
func configuredParam(f api.Family, name string) bool {
	switch name {
	case "account_id":
		return f != api.FamilyPlatform
	case "inbox_identifier", "contact_identifier":
		return f == api.FamilyClient
	}
	return false
}

// argParams are the path parameters given as positional arguments.
func argParams(op api.Operation) []string {
	var names []string
	for _, n := range pathParams(op.Path) {
		if !configuredParam(op.Family, n) {
			names = append(names, n)
		}
	}
	return names
}

// argNames are the display names of the positional arguments.
func argNames(op api.Operation) []string {
	params := argParams(op)
	names := make([]string, len(params))
	for i, p := range params {
		if i < len(op.ArgNames) && op.ArgNames[i] != "" {
			names[i] = op.ArgNames[i]
		} else {
			names[i] = strings.ToUpper(p)
		}
	}
	return names
}

// pathValues supplies the values of configured path parameters.
type pathValues struct {
	account func() (int64, error)
	client  func() (config.Settings, error)
}

// fillPath substitutes every parameter of the template.
func fillPath(op api.Operation, args []string, vals pathValues) (string, error) {
	var err error
	argIdx := 0
	path := expandPath(op.Path, func(name string) string {
		if err != nil {
			return "{" + name + "}"
		}
		if !configuredParam(op.Family, name) {
			v := args[argIdx]
			argIdx++
			if numericParam(op.Path, name) && !isDigits(v) {
				err = cmdutil.FlagErrorf("%s %q is not a number: pass the numeric id (the list command shows them)", argDisplayName(op, argIdx-1, name), v)
			}
			return url.PathEscape(v)
		}
		var v string
		v, err = configuredValue(name, vals)
		return url.PathEscape(v)
	})
	return path, err
}

func configuredValue(name string, vals pathValues) (string, error) {
	if name == "account_id" {
		id, err := vals.account()
		return strconv.FormatInt(id, 10), err
	}
	s, err := vals.client()
	if err != nil {
		return "", err
	}
	if name == "inbox_identifier" {
		if s.InboxIdentifier.Value == "" {
			return "", &api.CredentialError{What: "no inbox identifier configured", Fix: "pass --inbox-identifier or set CHATWOOT_INBOX_IDENTIFIER (the API inbox's identifier, shown in its settings)"}
		}
		return s.InboxIdentifier.Value, nil
	}
	if s.ContactIdentifier.Value == "" {
		return "", &api.CredentialError{What: "no contact identifier configured", Fix: "pass --contact-identifier, set CHATWOOT_CONTACT_IDENTIFIER, or create one with `woot client contacts create --save`"}
	}
	return s.ContactIdentifier.Value, nil
}

// requestParts are the query and body an operation's flags produce.
type requestParts struct {
	query       url.Values
	body        []byte
	contentType string
}

// buildRequestParts turns the set flags (over an optional --input body)
// into query values and a JSON or multipart body.
func buildRequestParts(op api.Operation, flags []*paramFlag, input []byte, stdin func() ([]byte, error)) (requestParts, error) {
	parts := requestParts{query: url.Values{}}
	body := map[string]any{}
	if input != nil {
		if err := json.Unmarshal(input, &body); err != nil {
			return parts, cmdutil.FlagErrorf("--input must hold a JSON object: %v", err)
		}
	}
	var files []*paramFlag
	for _, pf := range flags {
		if !pf.set() {
			continue
		}
		p := pf.param
		if p.In == api.InQuery || p.In == api.InQueryAndBody {
			pf.queryValues(parts.query)
			if p.In == api.InQuery {
				continue
			}
		}
		if p.Type == api.File {
			files = append(files, pf)
			continue
		}
		v, err := pf.jsonValue(stdin)
		if err != nil {
			return parts, err
		}
		SetDotted(body, p.Name, v)
	}
	if len(files) > 0 {
		return multipartParts(parts, body, files, stdin)
	}
	if input != nil || len(body) > 0 || methodHasBody(op.Method) && hasBodyParams(op) {
		data, err := json.Marshal(body)
		if err != nil {
			return parts, fmt.Errorf("encode request body: %w", err)
		}
		parts.body = data
	}
	return parts, nil
}

func methodHasBody(m string) bool { return m == "POST" || m == "PUT" || m == "PATCH" }

func hasBodyParams(op api.Operation) bool {
	for _, p := range op.Params {
		if p.In == api.InBody || p.In == api.InQueryAndBody {
			return true
		}
	}
	return false
}

// setDotted sets a.b.c inside nested maps.
func SetDotted(m map[string]any, name string, v any) {
	keys := strings.Split(name, ".")
	for _, k := range keys[:len(keys)-1] {
		next, ok := m[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	m[keys[len(keys)-1]] = v
}

// multipartParts encodes the body as form fields (Rails' bracket names for
// nesting) plus the file parts.
func multipartParts(parts requestParts, body map[string]any, files []*paramFlag, stdin func() ([]byte, error)) (requestParts, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := writeFormFields(w, "", body); err != nil {
		return parts, err
	}
	for _, pf := range files {
		data, err := ReadFileArg(pf.str, stdin)
		if err != nil {
			return parts, cmdutil.FlagErrorf("--%s: %v", pf.param.FlagName(), err)
		}
		name := filepath.Base(pf.str)
		if pf.str == "-" {
			name = "stdin"
		}
		part, err := w.CreateFormFile(bracketName(pf.param.Name), name)
		if err != nil {
			return parts, err
		}
		if _, err := part.Write(data); err != nil {
			return parts, err
		}
	}
	if err := w.Close(); err != nil {
		return parts, err
	}
	parts.body = buf.Bytes()
	parts.contentType = w.FormDataContentType()
	return parts, nil
}

// bracketName turns profile.avatar into profile[avatar].
func bracketName(dotted string) string {
	keys := strings.Split(dotted, ".")
	name := keys[0]
	for _, k := range keys[1:] {
		name += "[" + k + "]"
	}
	return name
}

func writeFormFields(w *multipart.Writer, prefix string, v any) error {
	switch t := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			name := k
			if prefix != "" {
				name = prefix + "[" + k + "]"
			}
			if err := writeFormFields(w, name, t[k]); err != nil {
				return err
			}
		}
		return nil
	case []string:
		for _, s := range t {
			if err := w.WriteField(prefix+"[]", s); err != nil {
				return err
			}
		}
		return nil
	case []int64:
		for _, n := range t {
			if err := w.WriteField(prefix+"[]", strconv.FormatInt(n, 10)); err != nil {
				return err
			}
		}
		return nil
	case json.RawMessage:
		return w.WriteField(prefix, string(t))
	case nil:
		return w.WriteField(prefix, "")
	}
	return w.WriteField(prefix, fmt.Sprint(v))
}

// wordIDs are the collections whose ids are words: portals go by slug
// ({portal_id}, {id} after /portals/), CSAT surveys by conversation uuid,
// integration apps by name (slack, openai).
var wordIDs = []string{"/portals/", "/csat_survey/", "/integrations/apps/"}

// numericParam reports whether a path parameter is a record's numeric id:
// "id" and "*_id", except in wordIDs.
func numericParam(path, name string) bool {
	if name == "portal_id" {
		return false
	}
	for _, c := range wordIDs {
		if strings.Contains(path, c+"{"+name+"}") {
			return false
		}
	}
	return name == "id" || strings.HasSuffix(name, "_id")
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// argDisplayName is how help names the i-th positional argument.
func argDisplayName(op api.Operation, i int, name string) string {
	if i < len(op.ArgNames) {
		return op.ArgNames[i]
	}
	return strings.ToUpper(name)
}
