package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/interrupt"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/webhook"
)

// Exit codes: the one table every failure is mapped through.
const (
	ExitOK         = 0
	ExitOther      = 1
	ExitUsage      = 2
	ExitAuth       = 3
	ExitNotFound   = 4
	ExitValidation = 5
	ExitRateLimit  = 6
	ExitServer     = 7
	ExitNetwork    = 8
	ExitSignature  = 9

	ExitChangesPending = 10 // config diff --exit-code: the account differs from the files

	ExitInterrupted = interrupt.ExitCode
)

// ExitCodeTable documents the codes for `woot help exit-codes`.
var ExitCodeTable = []struct {
	Code int
	What string
}{
	{ExitOK, "success"},
	{ExitOther, "any other error"},
	{ExitUsage, "usage: bad flag or argument, bad --jq or --template, bad input file"},
	{ExitAuth, "authentication: HTTP 401/403, or no URL/token configured"},
	{ExitNotFound, "not found: HTTP 404"},
	{ExitValidation, "validation: HTTP 422, or rows rejected by a bulk job"},
	{ExitRateLimit, "rate limited: HTTP 429 after retries"},
	{ExitServer, "server error: HTTP 5xx after retries"},
	{ExitNetwork, "network: no answer from Chatwoot (connection refused, DNS, timeout, an untrusted TLS certificate, or a redirect away from the configured URL)"},
	{ExitSignature, "webhook signature invalid (woot verify)"},
	{ExitChangesPending, "changes pending: woot config diff --exit-code found differences between the files and the account"},
	{ExitInterrupted, "interrupted or cancelled: Ctrl-C, SIGTERM, or a prompt answered no"},
}

// FlagError is a usage mistake: the message is followed by a pointer to help.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ExitError carries an exit code chosen by a command (e.g. verify's 9,
// a bulk job's 5) with the message to print, if any.
type ExitError struct {
	Code int
	Err  error
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit %d", e.Code)
	}
	return e.Err.Error()
}
func (e *ExitError) Unwrap() error { return e.Err }

// ErrSilent ends a command with exit 1 after it has said all it had to say.
var ErrSilent = errors.New("")

// ExitCode maps an error to the documented exit code.
func ExitCode(err error) int {
	var (
		exitErr  *ExitError
		flagErr  *FlagError
		usageErr *output.UsageError
		apiErr   *api.Error
		netErr   *api.NetworkError
		credErr  *api.CredentialError
		sigErr   *webhook.SignatureError
		subErr   *cable.AuthError
		wsRedir  *cable.RedirectError
		wsRefuse *cable.HandshakeError
		inErr    *bulk.InputError
		jrnErr   *bulk.JournalError
	)
	switch {
	case err == nil, errors.Is(err, interrupt.ErrStdoutClosed):
		return ExitOK // a reader that stops early has what it wanted
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.As(err, &exitErr):
		return exitErr.Code
	case errors.As(err, &sigErr):
		return ExitSignature
	case errors.As(err, &subErr):
		return ExitAuth
	case errors.As(err, &wsRedir), errors.As(err, &wsRefuse):
		return ExitNetwork // the websocket endpoint is not where the URL says
	case errors.As(err, &flagErr), errors.As(err, &usageErr):
		return ExitUsage
	case errors.As(err, &inErr), errors.As(err, &jrnErr):
		return ExitUsage // a bad input file, or a journal of another job
	case errors.As(err, &credErr):
		return ExitAuth
	case errors.As(err, &apiErr):
		return statusExitCode(apiErr.Status)
	case errors.As(err, &netErr):
		return ExitNetwork
	}
	return ExitOther
}

func statusExitCode(status int) int {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return ExitAuth
	case status == http.StatusNotFound:
		return ExitNotFound
	case status == http.StatusUnprocessableEntity:
		return ExitValidation
	case status == http.StatusTooManyRequests:
		return ExitRateLimit
	case status >= 500:
		return ExitServer
	}
	return ExitOther
}

// ErrorHint is the "what to do next" line printed under an error.
func ErrorHint(err error) string {
	var (
		apiErr  *api.Error
		netErr  *api.NetworkError
		flagErr *FlagError
		sigErr  *webhook.SignatureError
		subErr  *cable.AuthError
	)
	switch {
	case errors.As(err, &sigErr):
		return sigErr.Hint
	case errors.As(err, &subErr):
		return "Chatwoot stays silent for an unknown pubsub token, user or account: agents get theirs from the profile (check the token and --account), contacts from `woot client contacts create --save`"
	case errors.As(err, &apiErr):
		return apiErr.Hint()
	case errors.As(err, &netErr):
		return netErr.Hint()
	case errors.As(err, &flagErr):
		return "run the command with --help for its usage"
	}
	return ""
}
