package cmd

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cable"
	"github.com/wootcli/woot/pkg/output"
	"github.com/wootcli/woot/pkg/webhook"
)

// Exit codes: the one table every failure is mapped through.
const (
	exitOK         = 0
	exitError      = 1
	exitUsage      = 2
	exitAuth       = 3
	exitNotFound   = 4
	exitValidation = 5
	exitRateLimit  = 6
	exitServer     = 7
	exitNetwork    = 8
	exitSignature  = 9
)

// exitCodeTable documents the codes for `woot help exit-codes`.
var exitCodeTable = []struct {
	code int
	what string
}{
	{exitOK, "success"},
	{exitError, "any other error"},
	{exitUsage, "usage: bad flag or argument, bad --jq or --template, bad input file"},
	{exitAuth, "authentication: HTTP 401/403, or no URL/token configured"},
	{exitNotFound, "not found: HTTP 404"},
	{exitValidation, "validation: HTTP 422, or rows rejected by a bulk job"},
	{exitRateLimit, "rate limited: HTTP 429 after retries"},
	{exitServer, "server error: HTTP 5xx after retries"},
	{exitNetwork, "network: no answer from Chatwoot (connection refused, DNS, timeout, an untrusted TLS certificate, or a redirect away from the configured URL)"},
	{exitSignature, "webhook signature invalid (woot verify)"},
}

// FlagError is a usage mistake: the message is followed by a pointer to help.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

func flagErrorf(format string, args ...any) error {
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

// errSilent ends a command with exit 1 after it has said all it had to say.
var errSilent = errors.New("")

// exitCode maps an error to the documented exit code.
func exitCode(err error) int {
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
		inErr    *bulk.InputError
		jrnErr   *bulk.JournalError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &exitErr):
		return exitErr.Code
	case errors.As(err, &sigErr):
		return exitSignature
	case errors.As(err, &subErr):
		return exitAuth
	case errors.As(err, &wsRedir):
		return exitNetwork
	case errors.As(err, &flagErr), errors.As(err, &usageErr):
		return exitUsage
	case errors.As(err, &inErr), errors.As(err, &jrnErr):
		return exitUsage // a bad input file, or a journal of another job
	case errors.As(err, &credErr):
		return exitAuth
	case errors.As(err, &apiErr):
		return statusExitCode(apiErr.Status)
	case errors.As(err, &netErr):
		if errors.Is(err, context.Canceled) {
			return exitError
		}
		return exitNetwork
	}
	return exitError
}

func statusExitCode(status int) int {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return exitAuth
	case status == http.StatusNotFound:
		return exitNotFound
	case status == http.StatusUnprocessableEntity:
		return exitValidation
	case status == http.StatusTooManyRequests:
		return exitRateLimit
	case status >= 500:
		return exitServer
	}
	return exitError
}

// errorHint is the "what to do next" line printed under an error.
func errorHint(err error) string {
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
