package bulk

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/wootcli/woot/pkg/api"
)

// recordedSleep is a job's sleep that records what it was asked to wait.
type recordedSleep struct {
	mu    sync.Mutex
	total time.Duration
}

func (r *recordedSleep) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.total += d
	r.mu.Unlock()
	return ctx.Err()
}

// A 429 is the transport's business: its governor waits for the window,
// probes, and gives up (exit 6) only when nothing got through for two
// windows. The job adds no waits or requests of its own on top: once the
// governor has given up, repeating the request cannot get past it.
func TestImportLeavesA429ToTheGovernor(t *testing.T) {
	f := newFake(t)
	f.throttle = func() bool { return true }
	in := writeFile(t, t.TempDir(), "c.csv", "email\na@example.com\nb@example.com\n")
	opts := testOptions(t, ".csv")
	slept := &recordedSleep{}
	opts.sleep = slept.sleep
	_, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, opts)
	var ae *api.Error
	if !errors.As(err, &ae) || ae.Status != 429 {
		t.Fatalf("got %v, want the governor's 429 (exit 6)", err)
	}
	if slept.total != 0 {
		t.Errorf("the job waited %s of its own after the governor gave up", slept.total)
	}
	f.mu.Lock()
	refused := f.throttled
	f.mu.Unlock()
	// The governor's probes over two one-minute windows, backing off from
	// 250 ms to half a second: about 250 at most, and nothing after.
	if refused == 0 || refused > 300 {
		t.Errorf("the server refused %d requests, want the governor's probes only", refused)
	}
}

// A server that refuses for a while and then lets requests through: the
// governor alone waits it out and every row is imported.
func TestImportWaitsOutAWindowOf429s(t *testing.T) {
	f := newFake(t)
	refusals := 40
	f.throttle = func() bool {
		refusals--
		return refusals >= 0
	}
	in := writeFile(t, t.TempDir(), "c.csv", "email\na@example.com\nb@example.com\nc@example.com\n")
	sum, _, err := ImportContacts(context.Background(), f.client(t, nil), 1, openContacts(t, in, false), ContactImport{}, testOptions(t, ".csv"))
	if err != nil || sum.Created != 3 {
		t.Fatalf("%+v, %v: want the 3 rows created after the 429s", sum, err)
	}
}
