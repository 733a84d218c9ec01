package operation

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

// TestFlagsBindToRequest checks argv → request without a server: the
// run function is replaced and inspects the parsed options.
func TestFlagsBindToRequest(t *testing.T) {
	ios, _, _, _ := output.Test()
	env := unitEnv(t)
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(k string) string { return env[k] }}
	op := api.Operation{
		Family: api.FamilyApplication, Command: "conversations list", Method: "GET",
		Path: "/api/v1/accounts/{account_id}/conversations", InSpec: true, Short: "List",
		Params: []api.Param{
			{Name: "status", In: api.InQuery, Enum: []string{"open", "resolved", "all"}},
			{Name: "labels", In: api.InQuery, Type: api.Strings},
			{Name: "inbox_id", In: api.InQuery, Type: api.Int},
		},
		Data: "data.payload", List: &api.List{Pager: api.PageNumber, PageSize: 25},
	}
	var got *api.Request
	var gotOpts *opOptions
	c := newOperationCmd(f, op, func(o *opOptions) error {
		gotOpts = o
		for _, pf := range o.params {
			if err := pf.check(); err != nil {
				return err
			}
		}
		var err error
		got, err = o.request()
		return err
	})
	exec := func(args ...string) error {
		root := &cobra.Command{Use: "woot", SilenceErrors: true, SilenceUsage: true}
		root.AddCommand(c)
		root.SetArgs(append([]string{"list"}, args...))
		return root.Execute()
	}
	if err := exec("--status", "resolved", "--labels", "a,b", "--labels", "c", "--inbox-id", "3", "--all", "--concurrency", "4"); err != nil {
		t.Fatal(err)
	}
	if got.Path != "/api/v1/accounts/1/conversations" || api.EncodeQuery(got.Query) != "inbox_id=3&labels[]=a&labels[]=b&labels[]=c&status=resolved" {
		t.Fatalf("request %s ? %s", got.Path, api.EncodeQuery(got.Query))
	}
	if !gotOpts.all || gotOpts.conc != 4 || got.Body != nil {
		t.Fatalf("options %+v body %q", gotOpts, got.Body)
	}
	err := exec("--status", "closed")
	if cmdutil.ExitCode(err) != cmdutil.ExitUsage || !strings.Contains(err.Error(), "open, resolved, all") {
		t.Fatalf("bad enum: %v", err)
	}
}

func TestBodyFromFlagsAndInput(t *testing.T) {
	op := api.Operation{
		Family: api.FamilyApplication, Command: "contacts update", Method: "PUT",
		Path: "/api/v1/accounts/{account_id}/contacts/{id}", Short: "Update",
		Params: []api.Param{
			{Name: "name"}, {Name: "email"},
			{Name: "custom_attributes", Type: api.Map, Flag: "custom-attribute"},
			{Name: "additional_attributes.city", Flag: "city"},
		},
	}
	env := unitEnv(t)
	input := filepath.Join(t.TempDir(), "body.json")
	os.WriteFile(input, []byte(`{"name":"Old","phone_number":"+1555"}`), 0o644)
	ios, _, _, _ := output.Test()
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(k string) string { return env[k] }}
	var body string
	c := newOperationCmd(f, op, func(o *opOptions) error {
		req, err := o.request()
		body = string(req.Body)
		return err
	})
	root := &cobra.Command{Use: "woot", SilenceErrors: true}
	root.AddCommand(c)
	root.SetArgs([]string{"update", "42", "--input", input, "--name", "Ann", "--custom-attribute", "plan=pro", "--custom-attribute", "seats=5", "--city", "Porto"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	want := `{"additional_attributes":{"city":"Porto"},"custom_attributes":{"plan":"pro","seats":5},"name":"Ann","phone_number":"+1555"}`
	if body != want {
		t.Fatalf("body\n%s\nwant\n%s", body, want)
	}
}

func TestTypedValuesKeepWhatWasTyped(t *testing.T) {
	for in, want := range map[string]any{
		"42": int64(42), "-7": int64(-7), "2.5": 2.5, "true": true, "null": nil,
		"01234": "01234", "+4915112345678": "+4915112345678", "1.10": "1.10", "1e3": "1e3", "0x10": "0x10", "NaN": "NaN",
	} {
		got, err := TypedValue(in, nil)
		if err != nil || got != want {
			t.Errorf("typedValue(%q) = %#v, want %#v", in, got, want)
		}
	}
}

// unitEnv configures commands built directly, without a server: requests
// are built, never sent.
func unitEnv(t *testing.T) map[string]string {
	return map[string]string{
		"CHATWOOT_URL":        "http://127.0.0.1:1",
		"CHATWOOT_API_TOKEN":  "tok-unit",
		"CHATWOOT_ACCOUNT_ID": "1",
		"WOOT_CONFIG_DIR":     t.TempDir(),
	}
}
