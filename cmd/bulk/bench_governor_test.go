package bulk_test

import (
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

// TestBenchJobsAtChatwootsLimit measures issue 18's acceptance: export and
// import against the sandbox at 50 ms latency and rack-attack's 3,000
// requests a minute, with no --rate, so woot's governor has to find the
// limit itself. It prints one table row per job: requests per second as a
// share of the limit (over the whole job, and after the first refused
// window, which is a burst and a wait by necessity), the longest idle gap
// after that window, the 429s, TIME_WAIT sockets (peak during the job and
// left after it) and woot's peak RSS. WOOT_BENCH_QUICK=1 runs 10k only.
func TestBenchJobsAtChatwootsLimit(t *testing.T) {
	benchOnly(t)
	bin := cmdtest.WootBinary(t)
	timeBin, err := exec.LookPath("/usr/bin/time")
	if err != nil {
		t.Skip("needs GNU time for peak RSS (apt-get install -y time)")
	}
	sizes := []int{10_000, 100_000}
	if os.Getenv("WOOT_BENCH_QUICK") != "" {
		sizes = sizes[:1]
	}
	const limit = 3000
	t.Logf("BENCH %-34s %6s %5s %8s %8s %7s %5s %9s %9s %7s", "job", "exit", "secs", "share", "settled", "maxgap", "429s", "tw-peak", "tw-after", "rssMB")
	if os.Getenv("WOOT_BENCH_ONLY") != "histories" {
		for _, n := range sizes {
			for _, conc := range []int{4, 8} {
				runJobBench(t, bin, timeBin, limit, benchJob{
					name: fmt.Sprintf("contacts export %dk --concurrency %d", n/1000, conc), contacts: n, conc: conc,
					args: []string{"contacts", "export", "-o", "ndjson", "--concurrency", strconv.Itoa(conc)},
				})
			}
		}
		var csv strings.Builder
		csv.WriteString("name,email\n")
		for i := 1; i <= 5000; i++ {
			fmt.Fprintf(&csv, "Bench %d,bench%d@example.com\n", i, i)
		}
		runJobBench(t, bin, timeBin, limit, benchJob{
			name: "contacts import 5,000 rows", importCSV: csv.String(), conc: 8,
			args: []string{"contacts", "import", "--concurrency", "8"},
		})
	}
	// 3,000 conversations are 120 list pages and 3,000 histories: more
	// than a window's allowance, so the governor has to find the limit.
	runJobBench(t, bin, timeBin, limit, benchJob{
		name: "conversations export 3k --with-messages", state: historyState(t, 3000, 5), conc: 16,
		args: []string{"conversations", "export", "--with-messages", "--concurrency", "16"},
	})
}

// benchJob is one job of TestBenchJobsAtChatwootsLimit and what the
// sandbox holds for it: seeded contacts, a seeded state file (copied, so
// the cache stays as it was), or rows to import.
type benchJob struct {
	name      string
	args      []string
	conc      int
	contacts  int
	state     string
	importCSV string
}

// jobFigures are one job's measurements.
type jobFigures struct {
	exit                 int
	took                 time.Duration
	share, settled       float64
	gap                  time.Duration
	refused              int
	twPeak, twAfter, rss int
}

func runJobBench(t *testing.T, bin, timeBin string, limit int, job benchJob) {
	t.Helper()
	name, args, conc := job.name, job.args, job.conc
	dir := t.TempDir()
	opts := sandbox.Options{Seed: "empty", Latency: 50 * time.Millisecond, RateLimit: limit}
	if job.state != "" {
		opts.StatePath = filepath.Join(dir, "state.json")
		copyFile(t, job.state, opts.StatePath)
	}
	sb, err := sandbox.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	log := &requestLog{}
	srv := httptest.NewServer(log.wrap(sb))
	defer func() { srv.Close(); sb.Close() }()
	b := &bulkSandbox{Sandbox: sb, URL: srv.URL}
	if job.contacts > 0 {
		b.seedContacts(t, seedCSV(job.contacts))
	}
	argv := append([]string{}, args...)
	if job.importCSV != "" {
		in := filepath.Join(dir, "rows.csv")
		if err := os.WriteFile(in, []byte(job.importCSV), 0o600); err != nil {
			t.Fatal(err)
		}
		argv = append(argv[:2], append([]string{in}, argv[2:]...)...)
	} else {
		argv = append(argv, "--output-file", filepath.Join(dir, "out"))
	}
	// The seeding's own request must not count against the job.
	waitForNextMinute()
	log.mu.Lock()
	log.accepted, log.refused = nil, 0
	log.mu.Unlock()

	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	var twPeak atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			twPeak.Store(max(twPeak.Load(), int64(timeWaitSockets(port))))
			select {
			case <-stop:
				return
			case <-time.After(500 * time.Millisecond):
			}
		}
	}()
	cmd := exec.Command(timeBin, append([]string{"-v", bin}, argv...)...)
	cmd.Env = b.env(dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	runErr := cmd.Run()
	f := jobFigures{took: time.Since(start)}
	close(stop)
	wg.Wait()
	if ee, ok := runErr.(*exec.ExitError); ok {
		f.exit = ee.ExitCode()
	} else if runErr != nil {
		t.Fatal(runErr)
	}
	f.twPeak, f.twAfter = int(twPeak.Load()), timeWaitSockets(port)
	if m := regexp.MustCompile(`Maximum resident set size \(kbytes\): (\d+)`).FindStringSubmatch(stderr.String()); m != nil {
		f.rss, _ = strconv.Atoi(m[1])
	}
	log.mu.Lock()
	f.refused = log.refused
	f.share, f.settled, f.gap = limitShare(log.accepted, log.firstRefused, limit)
	log.mu.Unlock()
	t.Logf("BENCH %-34s %6d %5.0f %7.1f%% %7.1f%% %6.2fs %5d %9d %9d %7.1f",
		name, f.exit, f.took.Seconds(), 100*f.share, 100*f.settled, f.gap.Seconds(), f.refused, f.twPeak, f.twAfter, float64(f.rss)/1024)
	if f.exit != 0 {
		t.Errorf("%s: exit %d: %s", name, f.exit, strings.ReplaceAll(lastLines(stderr.String(), 30), "\n", " | "))
	}
	if f.settled < 0.95 || f.gap > 2*time.Second {
		t.Errorf("%s: %.1f%% of the limit after the first window, longest gap %s: want at least 95%% and no gap over 2s", name, 100*f.settled, f.gap)
	}
	if f.twAfter > 2*conc {
		t.Errorf("%s: %d TIME_WAIT sockets after the job, want at most 2 x the concurrency (%d)", name, f.twAfter, 2*conc)
	}
	if f.rss > 40*1024 {
		t.Errorf("%s: peak RSS %.1f MB, want under 40 MB", name, float64(f.rss)/1024)
	}
}

// waitForNextMinute starts a job at a minute boundary, where the
// sandbox's window starts (rack-attack's Time.now / period), so a run's
// first window is the same from one run to the next.
func waitForNextMinute() {
	time.Sleep(time.Until(time.Now().Truncate(time.Minute).Add(time.Minute)))
}

// limitShare is the accepted requests per second as a share of the limit
// over the whole job, and from the end of the first refused window on;
// gap is the longest time between accepted requests after that window.
func limitShare(accepted []time.Time, firstRefused time.Time, perMinute int) (share, settled float64, gap time.Duration) {
	if len(accepted) < 2 {
		return 0, 0, 0
	}
	perSec := float64(perMinute) / 60
	span := accepted[len(accepted)-1].Sub(accepted[0]).Seconds()
	share = float64(len(accepted)) / span / perSec
	from := 0
	if !firstRefused.IsZero() {
		reopen := firstRefused.Truncate(time.Minute).Add(time.Minute)
		for from < len(accepted) && accepted[from].Before(reopen) {
			from++
		}
	}
	if len(accepted)-from < 2 {
		return share, share, 0
	}
	for i := from + 1; i < len(accepted); i++ {
		gap = max(gap, accepted[i].Sub(accepted[i-1]))
	}
	rest := accepted[len(accepted)-1].Sub(accepted[from]).Seconds()
	settled = float64(len(accepted)-from-1) / rest / perSec
	return share, settled, gap
}

// timeWaitSockets counts TCP sockets in TIME_WAIT to or from port.
func timeWaitSockets(port string) int {
	out, err := exec.Command("ss", "-tanH", "state", "time-wait", "( sport = :"+port+" or dport = :"+port+" )").Output()
	if err != nil {
		return -1
	}
	return strings.Count(string(out), "\n")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
