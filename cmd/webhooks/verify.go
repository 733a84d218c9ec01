package webhooks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/cmdutil"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/webhook"
)

// defaultTolerance is how old a signed timestamp may be; Chatwoot's own
// advice (PR #13573) is to reject requests older than about five minutes.
const defaultTolerance = 5 * time.Minute

type verifyOptions struct {
	f          *cmdutil.Factory
	secret     string
	secretFile string
	timestamp  string
	signature  string
	request    string
	tolerance  time.Duration
	body       string // FILE, "-" or "" (stdin)
	out        cmdutil.OutputFlags

	sigSet, tsSet bool // given on the command line, even if empty
}

func NewCmdVerify(f *cmdutil.Factory) *cobra.Command {
	o := &verifyOptions{f: f}
	c := &cobra.Command{
		Use:   "verify [FILE|-]",
		Short: "Check a Chatwoot webhook signature",
		Long: `Check that a webhook body was signed by Chatwoot with the webhook's secret:

  X-Chatwoot-Signature = sha256=HMAC-SHA256(secret, "<X-Chatwoot-Timestamp>.<raw body>")

The body is read byte for byte from FILE or stdin, never re-encoded: a
re-serialised JSON body or a newline added by an editor breaks the signature.
--request FILE reads a whole raw HTTP request instead (request line, headers,
blank line, body, as dumped by a request bin or ` + "`nc -l`" + `) and takes the
signature and timestamp from its headers; --signature and --timestamp given
as well win over the headers.

The secret is the webhook's own secret (shown when the webhook is created),
from --secret-file, CHATWOOT_WEBHOOK_SECRET or the profile — not the API
access token and not an inbox's HMAC token. --secret also works, but its value
is visible to every user of this machine in ps. The timestamp may differ from this
machine's clock by at most --tolerance either way (0 disables the check).

Exit status 0 means valid, 9 invalid (the reason and what to do on stderr),
2 a usage problem such as a missing secret. -o json prints
{"valid","reason","age_seconds"} on stdout.`,
		Example: `  $ woot verify --timestamp 1767225600 --signature "$SIG" body.json
  $ pbpaste | CHATWOOT_WEBHOOK_SECRET="$SECRET" woot verify --timestamp "$TS" --signature "$SIG" -
  $ woot verify --secret-file ~/.config/chatwoot-webhook-secret --request captured.http
  $ woot verify --request captured.http --tolerance 0 -o json`,
		Args:    maxArgs(1, "FILE"),
		GroupID: cmdutil.GroupRealtime,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.body = args[0]
			}
			o.sigSet, o.tsSet = c.Flags().Changed("signature"), c.Flags().Changed("timestamp")
			return verifyRun(o)
		},
	}
	fs := c.Flags()
	fs.StringVar(&o.secret, "secret", "", cmdutil.SecretFlagUsage)
	fs.StringVar(&o.secretFile, "secret-file", "", cmdutil.SecretFileFlagUsage)
	fs.StringVar(&o.timestamp, "timestamp", "", "Value of the X-Chatwoot-Timestamp header (unix seconds)")
	fs.StringVar(&o.signature, "signature", "", "Value of the X-Chatwoot-Signature header (sha256=…)")
	fs.StringVar(&o.request, "request", "", "Read a raw HTTP request from FILE (- for stdin) and take the headers from it")
	fs.DurationVar(&o.tolerance, "tolerance", defaultTolerance, "Largest allowed difference between the timestamp and now (0 = no age check)")
	cmdutil.AddOutputFlags(c, &o.out)
	return c
}

// maxArgs allows at most n positional arguments, named for the message.
func maxArgs(n int, names string) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) > n {
			return cmdutil.FlagErrorf("%s takes at most %d argument(s) (%s), got %d", c.CommandPath(), n, names, len(args))
		}
		return nil
	}
}

// verifyResult is what -o prints: age_seconds is null when the timestamp
// could not be read.
type verifyResult struct {
	Valid      bool   `json:"valid"`
	Reason     string `json:"reason"`
	AgeSeconds *int64 `json:"age_seconds"`
}

func verifyRun(o *verifyOptions) error {
	popts := o.out.Options([]string{"valid", "reason", "age_seconds"})
	if err := popts.Validate(); err != nil {
		return err
	}
	if o.request != "" && o.body != "" {
		return cmdutil.FlagErrorf("give either --request FILE or a body FILE, not both")
	}
	if o.tolerance < 0 {
		return cmdutil.FlagErrorf("--tolerance %s: must not be negative (0 disables the age check)", o.tolerance)
	}
	secret, _, err := cmdutil.ResolveWebhookSecret(o.f, cmdutil.SecretSource{Flag: o.secret, FlagName: "--secret", File: o.secretFile, FileName: "--secret-file"})
	if err != nil {
		return err
	}
	if secret == "" {
		return cmdutil.ErrNoSecret("--secret-file")
	}
	sig, ts, body, err := o.input()
	if err != nil {
		return err
	}
	res, verr := webhook.Verify(secret, sig, ts, body, now(o.f), o.tolerance)
	if o.out.Format != "" || o.out.JQ != "" || o.out.Template != "" {
		if err := o.print(res, popts); err != nil {
			return err
		}
	}
	var sigErr *webhook.SignatureError
	if errors.As(verr, &sigErr) {
		return sigErr
	}
	if verr != nil {
		return verr
	}
	fmt.Fprintf(o.f.IOStreams.ErrOut, "%s %s\n", o.f.IOStreams.Green("✓"), res.Reason)
	return nil
}

// input returns the signature, timestamp and raw body to check.
func (o *verifyOptions) input() (sig, ts string, body []byte, err error) {
	if o.request != "" {
		data, err := o.readArg(o.request, "--request")
		if err != nil {
			return "", "", nil, err
		}
		req, err := webhook.ParseRequest(bytes.NewReader(data))
		if err != nil {
			return "", "", nil, cmdutil.FlagErrorf("--request %s: %v", o.request, err)
		}
		sig, ts = req.Headers.Get(webhook.HeaderSignature), req.Headers.Get(webhook.HeaderTimestamp)
		if o.sigSet {
			sig = o.signature
		}
		if o.tsSet {
			ts = o.timestamp
		}
		return sig, ts, req.Body, nil
	}
	// An empty value (a header a shell variable did not find) is checked
	// and reported as missing; a flag left out entirely is a usage slip.
	if !o.sigSet || !o.tsSet {
		return "", "", nil, cmdutil.FlagErrorf("pass --signature and --timestamp (the X-Chatwoot-Signature and X-Chatwoot-Timestamp header values), or --request FILE")
	}
	name := o.body
	if name == "" {
		if o.f.IOStreams.IsStdinTTY() {
			return "", "", nil, cmdutil.FlagErrorf("give the raw body as FILE, or pipe it on stdin")
		}
		name = "-"
	}
	body, err = o.readArg(name, "body")
	return o.signature, o.timestamp, body, err
}

// readArg reads FILE, or stdin for "-", bounded like a request.
func (o *verifyOptions) readArg(name, what string) ([]byte, error) {
	var r io.Reader = o.f.IOStreams.In
	if name != "-" {
		file, err := os.Open(name)
		if err != nil {
			return nil, cmdutil.FlagErrorf("%s: %v", what, err)
		}
		defer file.Close()
		r = file
	}
	data, err := io.ReadAll(io.LimitReader(r, webhook.MaxRequestSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if len(data) > webhook.MaxRequestSize {
		return nil, cmdutil.FlagErrorf("%s is larger than %d MiB; that is no webhook", what, webhook.MaxRequestSize>>20)
	}
	return data, nil
}

func (o *verifyOptions) print(res webhook.Result, popts output.Options) error {
	out := verifyResult{Valid: res.Valid, Reason: res.Reason}
	switch res.Code {
	case webhook.CodeMissingHeaders, webhook.CodeMissingSignature, webhook.CodeMissingTimestamp,
		webhook.CodeMalformedSignature, webhook.CodeMalformedTimestamp:
	default:
		age := res.AgeSeconds
		out.AgeSeconds = &age
	}
	raw, err := json.Marshal(out)
	if err != nil {
		return err
	}
	return printObject(o.f, &o.out, popts, raw)
}

// printObject prints one JSON object with the command's output flags,
// to stdout or --output-file.
func printObject(f *cmdutil.Factory, out *cmdutil.OutputFlags, popts output.Options, raw json.RawMessage) error {
	ios, closeOut, err := out.Streams(f.IOStreams)
	if err != nil {
		return err
	}
	printer, err := output.New(ios, popts)
	if err == nil {
		err = printer.Object(raw)
		if cerr := printer.Close(); err == nil {
			err = cerr
		}
	}
	return closeOut(err)
}

// now is the factory's clock, or the system's.
func now(f *cmdutil.Factory) time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}
