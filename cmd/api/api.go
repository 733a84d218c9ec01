package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

type apiOptions struct {
	f        *cmdutil.Factory
	method   string
	path     string
	fields   []string
	typed    []string
	input    string
	headers  []string
	paginate bool
	include  bool
	family   string
	out      cmdutil.OutputFlags
	dryRun   bool
}

func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &apiOptions{f: f}
	c := &cobra.Command{
		Use:   "api PATH",
		Short: "Make an authenticated request to any Chatwoot endpoint",
		Long: `Send a request to any Chatwoot path and print the raw response body.

A PATH that does not start with "/" is relative to the account:
"contacts" means /api/v1/accounts/{account_id}/contacts. "{account_id}" in a
path is replaced with the configured account. The family (and so the token)
follows the path: /platform/... uses the platform token, /public/... none,
anything else the user token; --family overrides it.

-f key=value adds a string field, -F key=value a typed one (true, false, null,
numbers, @file for a file's contents, @- for stdin). Fields go to the query
string of a GET and to the JSON body otherwise. The method is GET, or POST
when fields or --input are given.

--paginate follows Chatwoot's list shapes (page numbers with payload,
data.payload or audit_logs; before=<id> for messages) and streams every item
as one JSON array (or one per line with -o ndjson).`,
		Example: `  $ woot api /api/v1/profile
  $ woot api -X GET contacts/search -f q=kim --paginate --jq '.[].email'
  $ woot api -X PATCH conversations/42 -F priority=urgent
  $ woot api /platform/api/v1/users/1
  $ woot api operations -o json`,
		Args:    operation.ExactArgs([]string{"PATH"}),
		GroupID: cmdutil.GroupTools,
		RunE: func(c *cobra.Command, args []string) error {
			opts.path = args[0]
			return apiRun(c.Context(), opts)
		},
	}
	fs := c.Flags()
	fs.StringVarP(&opts.method, "method", "X", "", "HTTP method (default GET, or POST with fields)")
	fs.StringArrayVarP(&opts.fields, "raw-field", "f", nil, "Add a string field key=value")
	fs.StringArrayVarP(&opts.typed, "field", "F", nil, "Add a typed field key=value (true, false, null, numbers, @file)")
	fs.StringVar(&opts.input, "input", "", "Read the request body from a file (- for stdin)")
	fs.StringArrayVarP(&opts.headers, "header", "H", nil, "Add a request header name:value")
	fs.BoolVar(&opts.paginate, "paginate", false, "Follow every page and stream all items")
	fs.BoolVarP(&opts.include, "include", "i", false, "Print the response status and headers before the body")
	fs.StringVar(&opts.family, "family", "", "API family whose credentials to use: application|client|platform")
	fs.BoolVar(&opts.dryRun, "dry-run", false, "Print the request that would be sent, as JSON, and send nothing")
	cmdutil.AddOutputFlags(c, &opts.out)
	c.AddCommand(newAPIOperationsCmd(f))
	return c
}

func apiRun(ctx context.Context, o *apiOptions) error {
	popts := o.out.Options(nil)
	if o.out.Format == "" {
		popts.Format = "json"
	}
	if err := popts.Validate(); err != nil {
		return err
	}
	req, err := o.request()
	if err != nil {
		return err
	}
	if o.dryRun {
		return operation.PrintDryRun(o.f, []*api.Request{req})
	}
	client, err := o.f.APIClient()
	if err != nil {
		return err
	}
	ios, closeOut, err := o.out.Streams(o.f.IOStreams)
	if err != nil {
		return err
	}
	if o.paginate {
		err = o.paginateAll(ctx, client, ios, req, popts)
	} else {
		err = o.single(ctx, client, ios, req, popts)
	}
	return closeOut(err)
}

func (o *apiOptions) request() (*api.Request, error) {
	path, err := o.resolvePath()
	if err != nil {
		return nil, err
	}
	family, err := o.resolveFamily(path)
	if err != nil {
		return nil, err
	}
	stdin := o.f.StdinOnce()
	fields := map[string]any{}
	for _, kv := range o.fields {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, cmdutil.FlagErrorf("-f %q: expected key=value", kv)
		}
		operation.SetDotted(fields, k, v)
	}
	for _, kv := range o.typed {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return nil, cmdutil.FlagErrorf("-F %q: expected key=value", kv)
		}
		tv, err := operation.TypedValue(v, stdin)
		if err != nil {
			return nil, cmdutil.FlagErrorf("-F %s: %v", k, err)
		}
		operation.SetDotted(fields, k, tv)
	}
	method := strings.ToUpper(o.method)
	if method == "" {
		method = http.MethodGet
		if len(fields) > 0 || o.input != "" {
			method = http.MethodPost
		}
	}
	req := &api.Request{Family: family, Method: method, Path: path, Header: http.Header{}}
	for _, h := range o.headers {
		name, value, ok := strings.Cut(h, ":")
		if !ok {
			return nil, cmdutil.FlagErrorf("-H %q: expected name:value", h)
		}
		req.Header.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	if err := o.attachFields(req, fields, stdin); err != nil {
		return nil, err
	}
	return req, nil
}

// attachFields puts fields in the query of a GET/DELETE and in the JSON body otherwise.
func (o *apiOptions) attachFields(req *api.Request, fields map[string]any, stdin func() ([]byte, error)) error {
	if o.input != "" {
		data, err := operation.ReadFileArg(o.input, stdin)
		if err != nil {
			return cmdutil.FlagErrorf("--input: %v", err)
		}
		req.Body = data
		if len(fields) == 0 {
			return nil
		}
	}
	if len(fields) == 0 {
		return nil
	}
	if req.Method == http.MethodGet || req.Method == http.MethodDelete || req.Method == http.MethodHead {
		req.Query = url.Values{}
		for k, v := range fields {
			addQueryValue(req.Query, k, v)
		}
		return nil
	}
	if req.Body != nil {
		var base map[string]any
		if err := json.Unmarshal(req.Body, &base); err != nil {
			return cmdutil.FlagErrorf("--input must hold a JSON object to combine with fields: %v", err)
		}
		for k, v := range fields {
			base[k] = v
		}
		fields = base
	}
	data, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	req.Body = data
	return nil
}

func addQueryValue(q url.Values, k string, v any) {
	switch t := v.(type) {
	case map[string]any:
		for sk, sv := range t {
			addQueryValue(q, k+"["+sk+"]", sv)
		}
	case nil:
		q.Set(k, "")
	default:
		q.Set(k, fmt.Sprint(t))
	}
}

func (o *apiOptions) resolvePath() (string, error) {
	p := o.path
	if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
		return "", cmdutil.FlagErrorf("PATH must be a path like /api/v1/profile, not a full URL: the base URL comes from --url or the profile")
	}
	if !strings.HasPrefix(p, "/") {
		p = "/api/v1/accounts/{account_id}/" + p
	}
	if strings.Contains(p, "{account_id}") {
		id, err := o.f.AccountID()
		if err != nil {
			return "", err
		}
		p = strings.ReplaceAll(p, "{account_id}", fmt.Sprint(id))
	}
	return p, nil
}

func (o *apiOptions) resolveFamily(path string) (api.Family, error) {
	switch o.family {
	case "application":
		return api.FamilyApplication, nil
	case "client":
		return api.FamilyClient, nil
	case "platform":
		return api.FamilyPlatform, nil
	case "":
	default:
		return "", cmdutil.FlagErrorf("--family %q is not one of application, client, platform", o.family)
	}
	switch {
	case strings.HasPrefix(path, "/platform/"):
		return api.FamilyPlatform, nil
	case strings.HasPrefix(path, "/public/"), path == "/api", path == "/health", strings.HasPrefix(path, "/survey/"):
		return api.FamilyClient, nil
	}
	return api.FamilyApplication, nil
}

// single prints one response body raw, or filtered with --jq/--template.
// An error status still prints the body (scripts may want it) before the
// error is reported.
func (o *apiOptions) single(ctx context.Context, client *api.Client, ios *output.IOStreams, req *api.Request, popts output.Options) error {
	resp, err := client.Do(ctx, req)
	var apiErr *api.Error
	if err != nil && !errors.As(err, &apiErr) {
		return err
	}
	status, header, body := 0, http.Header(nil), []byte(nil)
	if resp != nil {
		status, header, body = resp.Status, resp.Header, resp.Body
	} else {
		status, body = apiErr.Status, apiErr.Body
	}
	if o.include {
		printHeaders(ios, status, header)
	}
	if len(body) > 0 {
		if err == nil && (popts.JQ != "" || popts.Template != "" || o.out.Format != "") && json.Valid(body) {
			printer, perr := output.New(ios, popts)
			if perr != nil {
				return perr
			}
			if perr := printer.Object(body); perr != nil {
				return perr
			}
			if perr := printer.Close(); perr != nil {
				return perr
			}
		} else {
			ios.Out.Write(body)
			if body[len(body)-1] != '\n' {
				fmt.Fprintln(ios.Out)
			}
		}
	}
	return err
}

func printHeaders(ios *output.IOStreams, status int, h http.Header) {
	fmt.Fprintf(ios.Out, "HTTP %d %s\n", status, http.StatusText(status))
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(ios.Out, "%s: %s\n", k, strings.Join(h[k], ", "))
	}
	fmt.Fprintln(ios.Out)
}

// paginateAll reads the first page to learn the list's shape, then walks
// the rest with the same pager the generated commands use.
func (o *apiOptions) paginateAll(ctx context.Context, client *api.Client, ios *output.IOStreams, req *api.Request, popts output.Options) error {
	if req.Method != http.MethodGet {
		return cmdutil.FlagErrorf("--paginate works with GET requests only")
	}
	first, err := client.Do(ctx, req)
	if err != nil {
		return err
	}
	data, list, err := detectListShape(req.Path, first.Body)
	if err != nil {
		return err
	}
	printer, err := output.New(ios, popts)
	if err != nil {
		return err
	}
	opts := api.PageOptions{All: true}
	if list.Pager == api.PageNumber {
		// Page 1 is in hand: print it and continue from page 2.
		items, _ := api.Items(first.Body, data)
		for _, it := range items {
			if err := printer.Item(it); err != nil {
				return err
			}
		}
		if len(items) == 0 || req.Query.Has("page") {
			return printer.Close()
		}
		opts.StartPage = 2
	}
	if err := client.Paginate(ctx, req, data, list, opts, printer.Item); err != nil {
		return err
	}
	return printer.Close()
}

// detectListShape finds where the items are and how the list pages.
func detectListShape(path string, body []byte) (string, *api.List, error) {
	for _, data := range []string{"data.payload", "payload", "audit_logs", "data", ""} {
		items, err := api.Items(body, data)
		if err != nil {
			continue
		}
		if strings.HasSuffix(path, "/messages") {
			return data, &api.List{Pager: api.BeforeID, PageSize: len(items)}, nil
		}
		// A later page shorter than the first one is the last.
		return data, &api.List{Pager: api.PageNumber, PageSize: len(items)}, nil
	}
	return "", nil, fmt.Errorf("--paginate: the response holds no list (looked for data.payload, payload, audit_logs, a bare array)")
}
