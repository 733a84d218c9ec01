package cmdutil

import (
	"fmt"

	"github.com/wootcli/woot/pkg/api"
)

// BulkClient returns the transport for bulk jobs and exports and the
// command's rate governor, which caps requests at perSecond (0: no cap)
// and otherwise finds the server's limit from its 429s: Chatwoot's carry
// no Retry-After, so the client has to find the limit itself.
func (f *Factory) BulkClient(perSecond float64) (*api.Client, *api.Governor, error) {
	gov := f.rateGovernor(perSecond)
	c, err := f.apiClientWith(gov)
	if err != nil {
		return nil, nil, err
	}
	return c, gov, nil
}

// rateGovernor is the command's one governor, made on first use: every
// client of a command shares what it learns about the server's limits.
// The embedded sandbox limits nothing, so nothing is paced there but what
// --rate asks for.
func (f *Factory) rateGovernor(perSecond float64) *api.Governor {
	if f.governor != nil {
		return f.governor
	}
	sb, _ := f.sandboxMode()
	f.governor = api.NewGovernor(api.GovernorOptions{
		Rate:        perSecond,
		Window:      f.Global.RateWindow,
		Unthrottled: sb != nil,
		Clock:       api.ClockFor(f.Sleep),
		Notice:      func(line string) { fmt.Fprintln(f.IOStreams.ErrOut, line) },
	})
	return f.governor
}
