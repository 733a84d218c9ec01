package cmd_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// rawURIServer records each request's URI exactly as it came off the wire
// and answers 404, so the error line can be compared with what was sent.
func rawURIServer(t *testing.T) (url string, uris func() []string) {
	t.Helper()
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.RequestURI)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"error":"Resource could not be found"}`))
	}))
	t.Cleanup(srv.Close)
	return srv.URL, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), seen...)
	}
}

func TestPathParametersAreEscapedOnce(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"portals", "update", "my help", "--name", "Help"}, "/api/v1/accounts/1/portals/my%20help"},
		{[]string{"portals", "get", "a/b"}, "/api/v1/accounts/1/portals/a%2Fb"},
		{[]string{"portals", "get", "100%"}, "/api/v1/accounts/1/portals/100%25"},
		{[]string{"portals", "get", "a#b?c"}, "/api/v1/accounts/1/portals/a%23b%3Fc"},
		{[]string{"client", "contacts", "get", "--inbox-identifier", "in box", "--contact-identifier", "user 42"}, "/public/api/v1/inboxes/in%20box/contacts/user%2042"},
	}
	for _, tc := range cases {
		url, uris := rawURIServer(t)
		h := cmdtest.NewHarness(t)
		h.Env["CHATWOOT_URL"] = url
		code := h.Run(tc.args...)
		got := uris()
		if len(got) != 1 || got[0] != tc.want {
			t.Errorf("woot %s sent %q, want %s", strings.Join(tc.args, " "), got, tc.want)
		}
		if code != cmdutil.ExitNotFound || !strings.Contains(h.ErrOut.String(), tc.want+":") {
			t.Errorf("woot %s: exit %d, error %q; want exit 4 naming the path sent, %s", strings.Join(tc.args, " "), code, h.ErrOut, tc.want)
		}
	}
}
