package operation

import (
	"context"
	"encoding/json"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// opHook adds behaviour to a generated command without copying it: a
// step after flags are parsed and before the request is sent (it may
// change the request), and a step after a successful answer.
type opHook struct {
	before func(ctx context.Context, o *opOptions, req *api.Request) error
	after  func(ctx context.Context, o *opOptions, body json.RawMessage) error
	// present changes a single object before it is printed.
	present func(data json.RawMessage) json.RawMessage
}

// hookFactory binds a hook's own flags on the command and returns the hook.
type hookFactory func(f *cmdutil.Factory, c *cobra.Command) opHook

// opHooks maps operation commands ("client contacts create") to their hooks.
func opHooks() map[string]hookFactory {
	return map[string]hookFactory{
		"client contacts create": newClientContactsCreateHook,
		"profile get":            newProfileGetHook,
	}
}

// newProfileGetHook hides the profile's pubsub_token unless asked: it lets
// anyone subscribe to the user's realtime stream, and `profile get` is run
// in front of others far more often than it is run to fetch the token.
func newProfileGetHook(_ *cmdutil.Factory, c *cobra.Command) opHook {
	show := c.Flags().Bool("show-secrets", false, "Show pubsub_token (it lets anyone read your realtime events); hidden by default")
	return opHook{present: func(data json.RawMessage) json.RawMessage {
		if *show {
			return data
		}
		return api.MaskField(data, "pubsub_token")
	}}
}
