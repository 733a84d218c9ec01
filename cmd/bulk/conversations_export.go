package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// Chatwoot's page sizes: conversations 25 (CONVERSATION_RESULTS_PER_PAGE),
// messages 20 per before= page.
const (
	conversationsPageSize = 25
	messagesPageSize      = 20
)

type conversationsExportOptions struct {
	f            *cmdutil.Factory
	status       string
	assigneeType string
	inboxID      int64
	teamID       int64
	labels       []string
	withMessages bool
	export       exportFlags
}

func newConversationsExportCmd(f *cmdutil.Factory, runF func(*conversationsExportOptions) error) *cobra.Command {
	o := &conversationsExportOptions{f: f}
	c := &cobra.Command{
		Use:   "export",
		Short: "Stream conversations, optionally with every message, to NDJSON, JSON, CSV or TSV",
		Long: `Export the account's conversations in flat memory however many there are.
Unlike "conversations list", whose server default is open conversations only,
the export takes every status unless --status says otherwise.

--with-messages adds each conversation's whole history as "messages" (oldest
first; Chatwoot's list items carry only the last message), read 100 at a time
with after=<id>. --concurrency conversations are read at once, across pages,
and written in the list's order; a long history waits its turn in a
temporary file (removed however the export ends) and is copied from there
into NDJSON or JSON output, so memory stays flat however long the
histories are (--jq, CSV and TSV hold one history at a time in memory).

NDJSON (the default) and JSON keep every field the server sent; CSV and TSV
flatten nested objects into dotted columns (meta.sender.email) and keep lists
of objects (messages) as JSON text. --concurrency, --rate and --shard K/N work
as in woot contacts export (conversations come 25 a page).`,
		Example: `  $ woot conversations export --output-file conversations.ndjson
  $ woot conversations export --with-messages --concurrency 8 > history.ndjson
  $ woot conversations export --status resolved -o csv --fields id,status,meta.sender.email,labels
  $ woot conversations export --shard 1/3 --with-messages --output-file part-1.ndjson`,
		Args: cmdutil.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if !operation.Contains(conversationStatuses, o.status) {
				return cmdutil.FlagErrorf("--status %q: use one of %v", o.status, conversationStatuses)
			}
			if runF != nil {
				return runF(o)
			}
			return conversationsExportRun(c.Context(), o)
		},
	}
	fs := c.Flags()
	fs.StringVar(&o.status, "status", "all", "Status to export: all, open, resolved, pending or snoozed")
	fs.StringVar(&o.assigneeType, "assignee-type", "", "Only me, unassigned, assigned or all")
	fs.Int64Var(&o.inboxID, "inbox-id", 0, "Only this inbox")
	fs.Int64Var(&o.teamID, "team-id", 0, "Only this team")
	cmdutil.StringListVar(fs, &o.labels, "labels", "Only conversations with these labels")
	fs.BoolVar(&o.withMessages, "with-messages", false, "Add each conversation's full message history as \"messages\"")
	addExportFlags(c, &o.export)
	_ = c.RegisterFlagCompletionFunc("status", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return conversationStatuses, cobra.ShellCompDirectiveNoFileComp
	})
	c.Flags().SortFlags = false
	completeObjects(c, f, bulk.KindConversations, false)
	return c
}

var conversationStatuses = []string{"all", "open", "resolved", "pending", "snoozed"}

func conversationsExportRun(ctx context.Context, o *conversationsExportOptions) error {
	account, err := o.f.AccountID()
	if err != nil {
		return err
	}
	q := url.Values{"status": {o.status}}
	if o.assigneeType != "" {
		q.Set("assignee_type", o.assigneeType)
	}
	if o.inboxID > 0 {
		q.Set("inbox_id", strconv.FormatInt(o.inboxID, 10))
	}
	if o.teamID > 0 {
		q.Set("team_id", strconv.FormatInt(o.teamID, 10))
	}
	for _, l := range o.labels {
		q.Add("labels[]", l)
	}
	base := fmt.Sprintf("/api/v1/accounts/%d", account)
	e := &exporter{
		f: o.f, flags: &o.export, noun: "conversations", data: "data.payload", pageSize: conversationsPageSize,
		req: &api.Request{Family: api.FamilyApplication, Method: "GET", Path: base + "/conversations", Query: q},
	}
	if o.withMessages {
		e.enrichField = "messages"
		e.enrich = func(ctx context.Context, c *api.Client, conv json.RawMessage) (*bulk.ExportSpool, error) {
			return conversationHistory(ctx, c, base, conv)
		}
	}
	return e.run(ctx)
}

// conversationHistory reads the whole history of a conversation from
// the list, oldest first, in place of the last message the list carries.
func conversationHistory(ctx context.Context, c *api.Client, base string, conv json.RawMessage) (*bulk.ExportSpool, error) {
	var head struct {
		ID int64 `json:"id"`
	}
	if err := json.Unmarshal(conv, &head); err != nil || head.ID == 0 {
		return nil, fmt.Errorf("export messages: a conversation without an id: %.60s", conv)
	}
	spool, err := bulk.ReadHistory(ctx, c, fmt.Sprintf("%s/conversations/%d/messages", base, head.ID))
	if err != nil {
		return nil, fmt.Errorf("export messages of conversation %d: %w", head.ID, err)
	}
	return spool, nil
}

// setField returns obj with key set to value, keeping every other field
// as the server sent it and in its order; an existing key is replaced
// where it stands, a new one appended.
func setField(obj json.RawMessage, key string, value json.RawMessage) (json.RawMessage, error) {
	head, tail, err := bulk.SplitAtField(obj, key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+len(value)+len(tail))
	return append(append(append(out, head...), value...), tail...), nil
}
