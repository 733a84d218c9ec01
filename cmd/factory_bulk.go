package cmd

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
	s, err := f.Settings()
	if err != nil {
		return nil, nil, err
	}
	lim := bulk.NewAdaptiveLimiter(perSecond)
	// Everything but the limiter is what APIClient builds; keep the two in step.
	cfg := api.Config{
		BaseURL:       s.URL.Value,
		UserToken:     s.UserToken.Value,
		PlatformToken: s.PlatformToken.Value,
		TokenStyle:    api.TokenStyle(s.TokenStyle.Value),
		UserAgent:     "woot/" + Version(),
		Timeout:       f.Global.Timeout,
		Retries:       f.Global.Retries,
		Limiter:       lim,
		HTTPClient:    f.httpClient(s.Insecure || f.Global.Insecure),
		Sleep:         f.Sleep,
	}
	if f.Global.Debug || f.Getenv("WOOT_DEBUG") == "api" {
		cfg.Debug = f.IOStreams.ErrOut
	}
	if cfg.TokenStyle != "" && !validTokenStyle(cfg.TokenStyle) {
		return nil, nil, flagErrorf("token style %q (from %s) is not one of %v", cfg.TokenStyle, s.TokenStyle.Origin, api.TokenStyles)
	}
	c, err := api.New(cfg)
	if err != nil {
		return nil, nil, err
	}
	return c, lim, nil
}
