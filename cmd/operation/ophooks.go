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
}

// hookFactory binds a hook's own flags on the command and returns the hook.
type hookFactory func(f *cmdutil.Factory, c *cobra.Command) opHook

// opHooks maps operation commands ("client contacts create") to their hooks.
func opHooks() map[string]hookFactory {
	return map[string]hookFactory{
		"client contacts create": newClientContactsCreateHook,
	}
}
