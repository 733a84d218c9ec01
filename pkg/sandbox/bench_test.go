package sandbox

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// BenchmarkContactsList measures the contacts index through a real HTTP
// round trip (httptest, keep-alive) and reports requests per second; the
// sandbox must sustain at least 1,000.
func BenchmarkContactsList(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	srv := httptest.NewServer(s)
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/api/v1/accounts/1/contacts?page=2", nil)
	req.Header["api_access_token"] = []string{store.SeedUserToken}
	client := srv.Client()
	b.ResetTimer()
	for b.Loop() {
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
