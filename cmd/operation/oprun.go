package operation

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// runOperation sends one operation's request and prints the result.
func runOperation(ctx context.Context, o *opOptions) error {
	if err := o.checkPaging(); err != nil {
		return err
	}
	popts := o.out.Options(o.op.Columns)
	if !o.op.Raw {
		if err := popts.Validate(); err != nil {
			return err
		}
	}
	req, err := o.request()
	if err != nil {
		return err
	}
	if o.hook.before != nil {
		if err := o.hook.before(ctx, o, req); err != nil {
			return err
		}
	}
	if o.dryRun {
		return PrintDryRun(o.f, []*api.Request{req})
	}
	if o.op.Confirm {
		if err := cmdutil.Confirm(ctx, o.f, o.yes, fmt.Sprintf("%s %s", o.op.Method, req.Path)); err != nil {
			return err
		}
	}
	client, err := o.f.APIClient()
	if err != nil {
		return err
	}
	ios, closeOut, err := o.out.Streams(o.f.IOStreams)
	if err != nil {
		return err
	}
	err = o.send(ctx, client, ios, req, popts)
	return closeOut(err)
}

func (o *opOptions) send(ctx context.Context, client *api.Client, ios *output.IOStreams, req *api.Request, popts output.Options) error {
	if o.op.Raw {
		resp, err := client.Do(ctx, req)
		if err != nil {
			return err
		}
		_, err = ios.Out.Write(resp.Body)
		return err
	}
	printer, err := output.New(ios, popts)
	if err != nil {
		return err
	}
	if o.op.List != nil {
		err = client.Paginate(ctx, req, o.op.Data, o.op.List, o.pageOptions(), printer.Item)
	} else {
		err = o.printSingle(ctx, client, ios, req, printer)
	}
	if err != nil {
		return err
	}
	return printer.Close()
}

func (o *opOptions) pageOptions() api.PageOptions {
	return api.PageOptions{
		All:         o.all || o.limit > 0,
		StartPage:   o.page,
		Limit:       o.limit,
		Concurrency: o.conc,
	}
}

// printSingle prints a single-object answer; an answer that turns out to
// be a list (labels of a contact) prints as one, and an empty body prints
// nothing but a note on a terminal.
func (o *opOptions) printSingle(ctx context.Context, client *api.Client, ios *output.IOStreams, req *api.Request, printer output.Printer) error {
	resp, err := client.Do(ctx, req)
	if err != nil {
		return err
	}
	body := bytes.TrimSpace(resp.Body)
	if len(body) == 0 {
		if ios.IsStderrTTY() {
			fmt.Fprintf(ios.ErrOut, "✓ %s %s: %d\n", req.Method, req.Path, resp.Status)
		}
		return nil
	}
	// An HTML page is never data: a wrong URL answers 200 with one.
	if _, err := api.Extract(body, ""); err != nil {
		return err
	}
	data, err := api.Extract(body, o.op.Data)
	if err != nil {
		// The server answered another shape than Chatwoot's usual one:
		// show all of it rather than nothing.
		data = body
	}
	if o.hook.present != nil {
		data = o.hook.present(data)
	}
	if err := printValue(printer, data); err != nil {
		return err
	}
	if o.hook.after != nil {
		return o.hook.after(ctx, o, body)
	}
	return nil
}

// printValue prints a JSON value as a list when it is an array.
func printValue(printer output.Printer, data json.RawMessage) error {
	if len(data) > 0 && data[0] == '[' {
		items, err := api.Items(data, "")
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := printer.Item(it); err != nil {
				return err
			}
		}
		return nil
	}
	return printer.Object(data)
}

// request builds the HTTP request the invocation describes.
func (o *opOptions) request() (*api.Request, error) {
	path, err := fillPath(o.op, o.args, pathValues{account: o.f.AccountID, client: o.f.Settings})
	if err != nil {
		return nil, err
	}
	stdin := o.f.StdinOnce()
	var input []byte
	if o.input != "" {
		if input, err = ReadFileArg(o.input, stdin); err != nil {
			return nil, cmdutil.FlagErrorf("--input: %v", err)
		}
	}
	if err := checkParams(o.params, input); err != nil {
		return nil, err
	}
	parts, err := buildRequestParts(o.op, o.params, input, stdin)
	if err != nil {
		return nil, err
	}
	family := o.op.Family
	if o.op.Credentials != "" {
		family = o.op.Credentials
	}
	req := &api.Request{
		Family: family, Method: o.op.Method, Path: path,
		Query: parts.query, Body: parts.body, ContentType: parts.contentType,
	}
	if o.op.Raw {
		// Downloads are CSV or HTML; a JSON-only Accept could earn a 406.
		req.Header = http.Header{"Accept": {"*/*"}}
	}
	return req, nil
}

// printDryRun shows the requests as JSON on stdout and sends nothing.
func PrintDryRun(f *cmdutil.Factory, reqs []*api.Request) error {
	type shown struct {
		Method string          `json:"method"`
		URL    string          `json:"url"`
		Body   json.RawMessage `json:"body,omitempty"`
	}
	var out []shown
	base := ""
	if s, err := f.Settings(); err == nil {
		base = strings.TrimRight(s.URL.Value, "/")
	}
	for _, r := range reqs {
		u := base + r.Path
		if len(r.Query) > 0 {
			u += "?" + api.EncodeQuery(r.Query)
		}
		s := shown{Method: r.Method, URL: u}
		switch {
		case len(r.Body) == 0:
		case json.Valid(r.Body):
			s.Body = r.Body
		default:
			s.Body, _ = json.Marshal(fmt.Sprintf("<%s, %d bytes>", r.ContentType, len(r.Body)))
		}
		out = append(out, s)
	}
	var data []byte
	var err error
	if len(out) == 1 {
		data, err = json.MarshalIndent(out[0], "", "  ")
	} else {
		data, err = json.MarshalIndent(out, "", "  ")
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(f.IOStreams.Out, string(data))
	return nil
}

// checkParams enforces required flags and enum values; a required body
// field may come from the --input document instead of its flag.
func checkParams(params []*paramFlag, input []byte) error {
	var fromInput map[string]json.RawMessage
	if input != nil {
		_ = json.Unmarshal(input, &fromInput)
	}
	for _, pf := range params {
		p := pf.param
		if !pf.set() && p.Required && p.In != api.InQuery {
			top, _, _ := strings.Cut(p.Name, ".")
			if _, ok := fromInput[top]; ok {
				continue
			}
		}
		if err := pf.check(); err != nil {
			return err
		}
	}
	return nil
}

// checkPaging refuses paging values that would quietly mean something
// else: a negative or zero --limit, a page before the first.
func (o *opOptions) checkPaging() error {
	fs := o.flags
	if fs == nil {
		return nil
	}
	if f := fs.Lookup("limit"); f != nil && f.Changed && o.limit < 1 {
		return cmdutil.FlagErrorf("--limit %d: give a number of items of at least 1 (leave --limit out for no limit)", o.limit)
	}
	if f := fs.Lookup("page"); f != nil && f.Changed && o.page < 1 {
		return cmdutil.FlagErrorf("--page %d: pages are numbered from 1", o.page)
	}
	return nil
}
