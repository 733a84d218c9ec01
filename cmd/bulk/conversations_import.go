package bulk

import (
	"context"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

type conversationsImportOptions struct {
	f      *cmdutil.Factory
	input  string
	maxRow string
	job    jobFlags
}

func newConversationsImportCmd(f *cmdutil.Factory, runF func(*conversationsImportOptions) error) *cobra.Command {
	o := &conversationsImportOptions{f: f}
	c := &cobra.Command{
		Use:   "import FILE",
		Short: "Migrate conversations with their messages from an NDJSON file, resumably",
		Long: `Import conversations from another help desk: FILE holds one conversation per
line (NDJSON; "-" reads stdin):

  {"inbox_id": 3, "source_id": "zd-4411",
   "contact": {"identifier": "cus_981", "email": "ana@example.com", "name": "Ana Lima"},
   "status": "resolved", "assignee_email": "bo@example.com", "labels": ["billing"],
   "messages": [
     {"type": "incoming", "content": "My invoice is wrong", "author": "Ana Lima",
      "created_at": "2024-03-01T09:12:00Z", "source_id": "m-1"},
     {"type": "outgoing", "content": "Fixed it, sorry!", "author": "Bo",
      "created_at": "2024-03-01T10:02:00Z"},
     {"type": "private", "content": "Refund issued", "author": "Bo"}]}

inbox_id must be an API inbox (other channels would deliver the imported
replies to the customer again). The contact is found by identifier, email or
phone_number, or created. Messages are created in order: incoming (from the
contact), outgoing (from the agent whose token runs the import) or private
notes; the original author, time and id are kept in each message's
content_attributes. Labels must exist in the account; assignee_email must be
an agent. status (open, resolved, pending, snoozed with snoozed_until) is set
last. --dry-run checks every line as the import would, inbox, labels and
assignee included (it reads the account's inboxes, labels and agents once),
and changes nothing.

A journal (default FILE.journal) records every conversation and message
created, so an interrupted import resumes inside a conversation without
posting any message twice. Lines that fail validation or that Chatwoot
refuses go to the rejects file with an "_error" field; so does a line longer
than --max-row-size (16 MiB), without being read into memory (copied whole
into a file of its own beside the rejects file). Exit 0 when
every line was imported, 5 when some were rejected.`,
		Example: `  $ woot conversations import zendesk.ndjson --dry-run
  $ woot conversations import zendesk.ndjson --concurrency 8
  $ ./convert-helpscout.py | woot conversations import - --journal helpscout.journal`,
		Args: operation.ExactArgs([]string{"FILE"}),
		RunE: func(c *cobra.Command, args []string) error {
			o.input = args[0]
			o.job.pace = jobPace(c, f)
			if _, err := bulk.ParseSize(o.maxRow); err != nil {
				return cmdutil.FlagErrorf("--max-row-size: %v", err)
			}
			if err := o.job.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return conversationsImportRun(c.Context(), o)
		},
	}
	c.Flags().StringVar(&o.maxRow, "max-row-size", "16MiB", "Reject lines longer than this, without reading them into memory (bytes, KiB or MiB)")
	addJobFlags(c, &o.job, "next to FILE")
	c.Flags().SortFlags = false
	return c
}

func conversationsImportRun(ctx context.Context, o *conversationsImportOptions) error {
	j, account, client, err := newJob(o.f, &o.job, "conversations import")
	if err != nil {
		return err
	}
	in, err := bulk.OpenInput(o.input, o.f.IOStreams.In)
	if err != nil {
		return err
	}
	defer in.Close()
	j.setPaths(bulk.DefaultPaths(o.input, "conversations", "ndjson"))
	opts := j.options("Importing conversations")
	opts.MaxRowBytes, _ = bulk.ParseSize(o.maxRow) // checked in RunE
	sum, plan, err := bulk.ImportConversations(ctx, client, account, in, opts)
	return j.finish(sum, plan, err)
}
