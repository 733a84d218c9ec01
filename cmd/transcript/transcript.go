// Package transcript is `woot conversations transcript`: a conversation
// rendered locally as text, markdown, HTML or JSON (the engine is
// pkg/transcript).
package transcript

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/transcript"
)

type options struct {
	f          *cmdutil.Factory
	args       []string
	format     string
	outputFile string
	dir        string
	publicOnly bool
}

// NewCmdConversations holds `transcript`, merged under the generated
// "conversations" noun.
func NewCmdConversations(f *cmdutil.Factory) *cobra.Command {
	return operation.NounCmd("conversations", newTranscriptCmd(f, nil))
}

func newTranscriptCmd(f *cmdutil.Factory, runF func(*options) error) *cobra.Command {
	o := &options{f: f}
	c := &cobra.Command{
		Use:   "transcript ID... | -",
		Short: "Render conversations as readable transcripts (text, markdown, HTML or JSON)",
		Long: `Render a conversation locally: the contact, assignee, team, labels and
participants, then every message oldest first with its author and time.
Private notes are marked as such (--public-only leaves them out, for a
transcript the customer may see), attachments become links, and activity
messages (status changes, assignments) become activity lines.

Times are in your local zone on a terminal and RFC 3339 (UTC) otherwise.
The whole history is fetched, 20 messages a request, walking back with
Chatwoot's before= cursor.

Ids come as arguments or, with - or no arguments, one per line on stdin.
One id prints to stdout or --output-file; several need --dir, which gets
one file per conversation, named conversation-ID.txt (.md, .html, .json).
Every file is written atomically: an interrupted run leaves no half file.`,
		Example: `  $ woot conversations transcript 1
  $ woot conversations transcript 1 -o markdown --public-only
  $ woot conversations transcript 1 -o html --output-file conversation-1.html
  $ woot conversations list --status resolved --jq '.[].id' | woot conversations transcript --dir transcripts -o html`,
		RunE: func(c *cobra.Command, args []string) error {
			o.args = args
			if err := o.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(o)
			}
			return run(c.Context(), o)
		},
	}
	fs := c.Flags()
	fs.StringVarP(&o.format, "output", "o", "text", "Format: "+strings.Join(transcript.Formats, "|"))
	fs.StringVar(&o.outputFile, "output-file", "", "Write the transcript to this file (one id only)")
	fs.StringVar(&o.dir, "dir", "", "Write one file per conversation into this directory (created if missing)")
	fs.BoolVar(&o.publicOnly, "public-only", false, "Leave out private notes")
	_ = c.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return transcript.Formats, cobra.ShellCompDirectiveNoFileComp
	})
	c.ValidArgsFunction = cmdutil.CompleteArgs(f, true, cmdutil.KindConversations)
	return c
}

func (o *options) validate() error {
	known := false
	for _, f := range transcript.Formats {
		known = known || f == o.format
	}
	if !known {
		return cmdutil.FlagErrorf("-o %q: a transcript is one of %s", o.format, strings.Join(transcript.Formats, ", "))
	}
	if o.outputFile != "" && o.dir != "" {
		return cmdutil.FlagErrorf("--output-file and --dir: give one (--dir for several conversations)")
	}
	return nil
}

// ids reads the ids from the arguments, or from stdin for "-" or none.
func (o *options) ids() ([]int64, error) {
	var ids []int64
	var err error
	switch {
	case len(o.args) == 1 && o.args[0] == "-", len(o.args) == 0 && !o.f.IOStreams.IsStdinTTY():
		ids, err = bulk.ReadIDs(o.f.IOStreams.In)
	case len(o.args) == 0:
		return nil, cmdutil.FlagErrorf("give conversation ids as arguments, or pipe them one per line on stdin")
	default:
		ids, err = bulk.ParseIDs(o.args)
	}
	if err != nil {
		return nil, &cmdutil.FlagError{Err: fmt.Errorf("conversation ids: %w", err)}
	}
	if len(ids) == 0 {
		return nil, cmdutil.FlagErrorf("no conversation ids given: pass them as arguments or one per line on stdin")
	}
	if len(ids) > 1 && o.dir == "" {
		return nil, cmdutil.FlagErrorf("%d conversations: pass --dir DIR to get one file each", len(ids))
	}
	return ids, nil
}

func run(ctx context.Context, o *options) error {
	ids, err := o.ids()
	if err != nil {
		return err
	}
	account, err := o.f.AccountID()
	if err != nil {
		return err
	}
	client, err := o.f.APIClient()
	if err != nil {
		return err
	}
	fetch := fetcher{client: client, account: account}
	if o.dir == "" {
		return o.toStream(ctx, fetch, ids[0])
	}
	if err := os.MkdirAll(o.dir, 0o755); err != nil {
		return fmt.Errorf("create --dir %s: %w", o.dir, err)
	}
	for i, id := range ids {
		path := filepath.Join(o.dir, fmt.Sprintf("conversation-%d%s", id, transcript.Extension(o.format)))
		if err := o.toFile(ctx, fetch, id, path); err != nil {
			if i > 0 {
				return fmt.Errorf("%w (%d of %d transcripts were written to %s)", err, i, len(ids), o.dir)
			}
			return err
		}
		fmt.Fprintf(o.f.IOStreams.ErrOut, "wrote %s\n", path)
	}
	return nil
}

// toStream prints one transcript on stdout or into --output-file.
func (o *options) toStream(ctx context.Context, fetch fetcher, id int64) error {
	t, err := fetch.transcript(ctx, id, transcript.Options{PublicOnly: o.publicOnly})
	if err != nil {
		return err
	}
	outFlags := cmdutil.OutputFlags{OutputFile: o.outputFile}
	ios, finish, err := outFlags.Streams(o.f.IOStreams)
	if err != nil {
		return err
	}
	return finish(transcript.Render(ios.Out, t, o.format, o.timeFormat(ios)))
}

func (o *options) toFile(ctx context.Context, fetch fetcher, id int64, path string) error {
	t, err := fetch.transcript(ctx, id, transcript.Options{PublicOnly: o.publicOnly})
	if err != nil {
		return err
	}
	file, err := output.CreateAtomic(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := transcript.Render(file, t, o.format, transcript.RFC3339); err != nil {
		file.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := file.Commit(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// timeFormat is the reader's zone on a terminal, RFC 3339 elsewhere.
func (o *options) timeFormat(ios *output.IOStreams) transcript.TimeFormat {
	if ios.IsStdoutTTY() {
		return transcript.LocalTime(time.Local)
	}
	return transcript.RFC3339
}

// fetcher reads a conversation and its whole history.
type fetcher struct {
	client  *api.Client
	account int64
}

func (f fetcher) transcript(ctx context.Context, id int64, opts transcript.Options) (*transcript.Transcript, error) {
	base := fmt.Sprintf("/api/v1/accounts/%d/conversations/%d", f.account, id)
	resp, err := f.client.Do(ctx, &api.Request{Family: api.FamilyApplication, Method: "GET", Path: base})
	if err != nil {
		return nil, fmt.Errorf("get conversation %d: %w", id, err)
	}
	var messages []json.RawMessage
	req := &api.Request{Family: api.FamilyApplication, Method: "GET", Path: base + "/messages"}
	err = f.client.Paginate(ctx, req, "payload", &api.List{Pager: api.BeforeID, PageSize: 20}, api.PageOptions{All: true},
		func(m json.RawMessage) error {
			messages = append(messages, m)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("list the messages of conversation %d: %w", id, err)
	}
	t, err := transcript.Build(resp.Body, messages, opts)
	if err != nil {
		return nil, fmt.Errorf("conversation %d: %w", id, err)
	}
	return t, nil
}
