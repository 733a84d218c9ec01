package cmd_test

import (
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// A self-signed server: the certificate error is not retried, exits 8 and
// names the fixes; --insecure gets through and warns on every run.
func TestSelfSignedCertificateFailsOnceWithTheFix(t *testing.T) {
	var hits, conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `{"payload":[],"meta":{"count":0,"current_page":1}}`)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1) // one per attempt: each retry dials again
		}
	}
	srv.StartTLS()
	defer srv.Close()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = srv.URL
	code := h.Run("contacts", "list", "--retries", "4")
	stderr := h.ErrOut.String()
	if code != cmdutil.ExitNetwork {
		t.Fatalf("exit %d, want 8; stderr %s", code, stderr)
	}
	for _, want := range []string{"certificate is not trusted", "SSL_CERT_FILE", "--insecure"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := conns.Load(); n != 1 || strings.Contains(stderr, "attempts") {
		t.Errorf("%d connection attempts for a certificate error, want 1:\n%s", n, stderr)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the handler ran %d times through an untrusted certificate", n)
	}
	for run := 0; run < 2; run++ {
		out := h.MustRun("contacts", "list", "--insecure")
		if out != "" || strings.Count(h.ErrOut.String(), "warning: TLS certificates are not verified") != 1 {
			t.Fatalf("run %d with --insecure: stdout %q, stderr %q; want one warning line", run, out, h.ErrOut)
		}
	}
}
