package webhooks

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/cmd/operation"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/webhook"
)

type triggerOptions struct {
	f          *cmdutil.Factory
	event      string
	to         string
	secret     string
	secretFile string
	data       string
	sets       []string
	list       bool
	out        cmdutil.OutputFlags
}

func newWebhooksTriggerCmd(f *cmdutil.Factory) *cobra.Command {
	o := &triggerOptions{f: f}
	c := &cobra.Command{
		Use:   "trigger EVENT --to URL",
		Short: "Send a realistic, signed sample webhook to a URL",
		Long: `Send one webhook the way Chatwoot delivers it: a POST with a JSON body in
Chatwoot's payload shape for EVENT, X-Chatwoot-Delivery, and (with a secret)
X-Chatwoot-Timestamp and X-Chatwoot-Signature. The sample data is invented
(an account, a contact, an agent, a conversation about a cracked mug) and
consistent across events. --list names every event with who receives it.

--data replaces the sample body (@file, @- for stdin, or inline JSON);
--set key=value changes one field, with dotted paths into nested objects
(--set conversation.id=7) and values typed like -F of ` + "`woot api`" + `. The
"event" field is always EVENT, as Chatwoot merges it last.

The secret is --secret-file, CHATWOOT_WEBHOOK_SECRET or the profile's (--secret
works too, but shows the value to every user in ps); without one the webhook
goes unsigned, as Chatwoot sends it for a webhook with no secret.
The command fails (exit 1, or 8 when nothing answered) unless the receiver
answers 2xx.`,
		Example: `  $ woot webhooks trigger --list
  $ CHATWOOT_WEBHOOK_SECRET=s3cret woot webhooks trigger message_created --to http://127.0.0.1:8787/
  $ woot webhooks trigger message_created --to http://127.0.0.1:8787/ --secret-file webhook-secret.txt
  $ woot webhooks trigger conversation_status_changed --to http://127.0.0.1:4000/hooks --set id=7 --set status=snoozed
  $ woot webhooks trigger contact_created --to http://127.0.0.1:4000/hooks --data @contact.json`,
		Args: func(c *cobra.Command, args []string) error {
			if o.list {
				return cmdutil.NoArgs(c, args)
			}
			return operation.ExactArgs([]string{"EVENT"})(c, args)
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return webhookSampleNames(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			if o.list {
				return triggerList(o)
			}
			o.event = args[0]
			return triggerRun(c.Context(), o)
		},
	}
	fs := c.Flags()
	fs.StringVar(&o.to, "to", "", "URL to POST the webhook to")
	fs.StringVar(&o.secret, "secret", "", cmdutil.SecretFlagUsage)
	fs.StringVar(&o.secretFile, "secret-file", "", cmdutil.SecretFileFlagUsage)
	fs.StringVar(&o.data, "data", "", "Body to send instead of the sample: @file, @- or inline JSON")
	fs.StringArrayVar(&o.sets, "set", nil, "Set a field of the body, key=value (dotted paths reach nested fields)")
	fs.BoolVar(&o.list, "list", false, "List the events with samples")
	cmdutil.AddOutputFlags(c, &o.out)
	return c
}

func triggerList(o *triggerOptions) error {
	popts := o.out.Options([]string{"event", "receivers", "description"})
	if err := popts.Validate(); err != nil {
		return err
	}
	ios, closeOut, err := o.out.Streams(o.f.IOStreams)
	if err != nil {
		return err
	}
	printer, err := output.New(ios, popts)
	if err != nil {
		return closeOut(err)
	}
	for _, s := range webhookSamples() {
		raw, _ := json.Marshal(s)
		if err := printer.Item(raw); err != nil {
			return closeOut(err)
		}
	}
	err = printer.Close()
	return closeOut(err)
}

// triggerResult is what -o prints after a send.
type triggerResult struct {
	Event    string          `json:"event"`
	URL      string          `json:"url"`
	Status   int             `json:"status"`
	Delivery string          `json:"delivery_id"`
	Signed   bool            `json:"signed"`
	Body     json.RawMessage `json:"body"`
}

func triggerRun(ctx context.Context, o *triggerOptions) error {
	popts := o.out.Options([]string{"event", "status", "delivery_id", "url"})
	if err := popts.Validate(); err != nil {
		return err
	}
	name := o.event
	if w, ok := webhook.WebhookEventName(name); ok {
		name = w // message.created → message_created
	}
	sample, ok := findWebhookSample(name)
	if !ok {
		return cmdutil.FlagErrorf("unknown webhook event %q; one of: %s", o.event, strings.Join(webhookSampleNames(), ", "))
	}
	if o.to == "" {
		return cmdutil.FlagErrorf("pass --to URL: where to send the %s webhook", name)
	}
	body, err := o.body(sample)
	if err != nil {
		return err
	}
	secret, origin, err := cmdutil.ResolveWebhookSecret(o.f, cmdutil.SecretSource{Flag: o.secret, FlagName: "--secret", File: o.secretFile, FileName: "--secret-file"})
	if err != nil {
		return err
	}
	stderr := o.f.IOStreams.ErrOut
	if secret == "" {
		fmt.Fprintln(stderr, "no webhook secret: sending unsigned, as Chatwoot does for a webhook without one (pass --secret-file or set CHATWOOT_WEBHOOK_SECRET to sign)")
	}
	sender := webhook.NewSender(nil, secret)
	sender.MaxAttempts = 1 // Chatwoot tries an account webhook once
	sender.Now = o.f.Now
	sender.UserAgent = "woot-trigger/" + cmdutil.Version()
	res, err := sender.Deliver(ctx, o.to, body)
	if err != nil {
		var de *webhook.DeliveryError
		if errors.As(err, &de) && de.Status == 0 {
			return &cmdutil.ExitError{Code: cmdutil.ExitNetwork, Err: err}
		}
		return err
	}
	signed := "unsigned"
	if secret != "" {
		signed = "signed with the secret from " + origin
	}
	fmt.Fprintf(stderr, "%s %s sent to %s: HTTP %d (delivery %s, %s)\n", o.f.IOStreams.Green("✓"), name, o.to, res.Status, res.ID, signed)
	if o.out.Format == "" && o.out.JQ == "" && o.out.Template == "" {
		return nil
	}
	raw, err := json.Marshal(triggerResult{Event: name, URL: o.to, Status: res.Status, Delivery: res.ID, Signed: secret != "", Body: body})
	if err != nil {
		return err
	}
	return printObject(o.f, &o.out, popts, raw)
}

// body is the sample or --data, with --set applied and "event" set last.
func (o *triggerOptions) body(sample webhookSample) ([]byte, error) {
	stdin := o.f.StdinOnce()
	body := []byte(sample.Body())
	if o.data != "" {
		data, err := operation.ReadValueArg(o.data, stdin)
		if err != nil {
			return nil, cmdutil.FlagErrorf("--data: %v", err)
		}
		if _, err := objectMembers(data); err != nil {
			return nil, cmdutil.FlagErrorf("--data must hold a JSON object: %v", err)
		}
		body = data
	}
	for _, kv := range o.sets {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || strings.Contains("."+k+".", "..") {
			return nil, cmdutil.FlagErrorf("--set %q: expected key=value, with a dotted path as key", kv)
		}
		val, err := setValue(v, stdin)
		if err != nil {
			return nil, cmdutil.FlagErrorf("--set %s: %v", k, err)
		}
		if body, err = setJSONPath(body, strings.Split(k, "."), val); err != nil {
			return nil, cmdutil.FlagErrorf("--set %s: %v", k, err)
		}
	}
	body, err := setJSONPath(body, []string{"event"}, jsonString(sample.Event))
	if err != nil {
		return nil, cmdutil.FlagErrorf("build the %s body: %v", sample.Event, err)
	}
	return body, nil
}
