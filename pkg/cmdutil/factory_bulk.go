package cmdutil

import (
	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/bulk"
)

// BulkClient returns the transport for bulk jobs and exports: the same
// settings as APIClient, paced by an adaptive limiter instead of a fixed
// one that never exceeds perSecond (0: no cap, unpaced until the first
// 429). On 429 it settles just under the server's limit: Chatwoot's 429
// carries no Retry-After, so the client has to find the limit itself.
func (f *Factory) BulkClient(perSecond float64) (*api.Client, *bulk.AdaptiveLimiter, error) {
	lim := bulk.NewAdaptiveLimiter(perSecond)
	c, err := f.apiClientWith(lim)
	if err != nil {
		return nil, nil, err
	}
	return c, lim, nil
}
