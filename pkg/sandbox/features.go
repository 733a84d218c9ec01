package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/wootcli/woot/pkg/api"
)

// An installation may lack an optional feature (the Enterprise modules, a
// plan's features): Options.Without names the ones this sandbox lacks.
// Their routes then answer as Rails does for a controller the edition does
// not ship: 404 with the framework's HTML page, not Chatwoot's JSON, so a
// client can tell a missing feature from a missing record.

// routingErrorPage is the body of Rails' public/404.html, shortened.
const routingErrorPage = `<!DOCTYPE html>
<html>
<head><title>The page you were looking for doesn't exist (404)</title></head>
<body><h1>The page you were looking for doesn't exist.</h1></body>
</html>
`

// checkFeatures refuses a name no feature has, listing the known ones.
func checkFeatures(names []string) error {
	known := api.FeatureNames()
	for _, n := range names {
		if !slices.Contains(known, n) {
			return fmt.Errorf("sandbox: no feature %q (known: %s)", n, strings.Join(known, ", "))
		}
	}
	return nil
}

// lacks says whether the route pattern belongs to a feature the sandbox
// was started without.
func (s *Sandbox) lacks(path string) bool {
	f := api.FeatureOf(path)
	return f != nil && slices.Contains(s.opts.Without, f.Name)
}

// withoutFeature answers live requests as a missing feature, but still
// replays the journal through the real handler: a state written by a
// sandbox that had the feature must not lose those rows.
func withoutFeature(hf http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if _, replay := r.Context().Value(replayKey{}).(*entry); replay {
			hf(w, r)
			return
		}
		missingFeature(w, r)
	}
}

func missingFeature(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte(routingErrorPage))
}
