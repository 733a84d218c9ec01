package bulk

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
)

func TestBulkActionOptionsFromFlags(t *testing.T) {
	ios, _, _, _ := output.Test()
	f := &cmdutil.Factory{IOStreams: ios, Getenv: func(string) string { return "" }}
	var got *bulkActionOptions
	c := newBulkCmd(f, bulk.KindConversations, func(o *bulkActionOptions) error { got = o; return nil })
	c.SetArgs([]string{"snooze", "7,8", "9", "--until", "2030-01-01T00:00:00Z", "--concurrency", "3", "--journal", "j", "--dry-run"})
	if err := c.Execute(); err != nil {
		t.Fatal(err)
	}
	if got.action.Name != "snooze" || got.action.SnoozedUntil != 1893456000 || got.job.concurrency != 3 || got.job.journal != "j" || !got.job.dryRun {
		t.Errorf("options %+v", got)
	}
	ids, err := got.ids()
	if err != nil || len(ids) != 3 || ids[0] != 7 || ids[2] != 9 {
		t.Errorf("ids %v %v", ids, err)
	}
}

func TestJobPaceIsNoCapUnlessRateIsGiven(t *testing.T) {
	// Without --rate the governor finds the server's limit itself.
	for _, tc := range []struct {
		args []string
		want float64
	}{{nil, 0}, {[]string{"--rate", "5"}, 5}, {[]string{"--rate", "0"}, 0}} {
		f := &cmdutil.Factory{}
		root := &cobra.Command{Use: "woot"}
		cmdutil.BindGlobalFlags(root, &f.Global)
		var got float64
		root.AddCommand(&cobra.Command{Use: "job", RunE: func(c *cobra.Command, _ []string) error {
			got = jobPace(c, f)
			return nil
		}})
		root.SetArgs(append([]string{"job"}, tc.args...))
		if err := root.Execute(); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%v: pace %v, want %v", tc.args, got, tc.want)
		}
	}
}
