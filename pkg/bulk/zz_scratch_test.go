package bulk

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/sandbox"
)

func TestZZScratchFaults(t *testing.T) {
	sb, err := sandbox.New(sandbox.Options{Seed: "empty", FailRate: 0.10, ResetRate: 0.05, RateLimit: 60000, RandSeed: 3})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sb)
	defer srv.Close()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("name,email\n")
	for i := 0; i < 300; i++ {
		if i%100 == 7 {
			fmt.Fprintf(&b, "Bad %d,not-an-email-%d\n", i, i)
			continue
		}
		fmt.Fprintf(&b, "User %d,user%d@example.com\n", i, i)
	}
	in := filepath.Join(dir, "c.csv")
	os.WriteFile(in, []byte(b.String()), 0o600)
	lim := NewAdaptiveLimiter(0)
	c, _ := api.New(api.Config{BaseURL: srv.URL, UserToken: sandbox.SeedUserToken, Retries: 3, Limiter: lim, Sleep: func(context.Context, time.Duration) error { return nil }})
	opts := Options{Journal: in + ".journal", Rejects: filepath.Join(dir, "r.csv"), Concurrency: 4, Limiter: lim}
	for run := 0; run < 30; run++ {
		inp, _ := OpenInput(in, nil)
		rows, err := ReadContacts(inp, "", false)
		if err != nil {
			t.Fatal(err)
		}
		sum, _, err := ImportContacts(context.Background(), c, 1, rows, ContactImport{}, opts)
		inp.Close()
		t.Logf("run %d: %+v err=%v", run, sum, err)
		if err == nil {
			break
		}
	}
	r, _ := os.ReadFile(opts.Rejects)
	t.Logf("rejects:\n%s", r)
}
