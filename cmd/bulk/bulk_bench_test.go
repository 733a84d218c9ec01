package bulk_test

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/pkg/sandbox"
)

// The measurements of the acceptance that take minutes or hundreds
// of megabytes of seeding run only when WOOT_BULK_BENCH=1 (scripts/
// bench-bulk sets it); each one logs a "BENCH" line with its figures.

func benchOnly(t *testing.T) {
	t.Helper()
	if os.Getenv("WOOT_BULK_BENCH") == "" {
		t.Skip("a measurement of minutes: run scripts/bench-bulk (or set WOOT_BULK_BENCH=1)")
	}
}

// exportRSS runs `woot contacts export` as a subprocess against sb and
// returns its peak resident set size in KiB and the file it wrote.
//
// The child's own rusage cannot be used: Go starts children with vfork,
// so the kernel records the parent's (this test's, hundreds of MB)
// high-water mark as the child's. GNU time, which forks normally, measures
// woot alone; without it, /proc/<pid>/status VmHWM is polled.
func exportRSS(t *testing.T, bin string, sb *bulkSandbox, args ...string) (kib int64, file string, took time.Duration) {
	t.Helper()
	dir := t.TempDir()
	file = filepath.Join(dir, "export.out")
	argv := append([]string{bin, "contacts", "export", "--output-file", file}, args...)
	timeBin, _ := exec.LookPath("/usr/bin/time")
	if timeBin != "" {
		argv = append([]string{timeBin, "-f", "maxrss=%M"}, argv...)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = sb.env(dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var polled atomic.Int64
	if timeBin == "" {
		go func() {
			for {
				if hwm := vmHWM(cmd.Process.Pid); hwm > 0 {
					polled.Store(hwm) // VmHWM only grows
				}
				select {
				case <-stop:
					return
				case <-time.After(5 * time.Millisecond):
				}
			}
		}()
	}
	err := cmd.Wait()
	close(stop)
	took = time.Since(start)
	if err != nil {
		t.Fatalf("export: %v\n%s", err, stderr.String())
	}
	if _, v, ok := strings.Cut(stderr.String(), "maxrss="); ok && timeBin != "" {
		fmt.Sscanf(v, "%d", &kib)
		return kib, file, took
	}
	if polled.Load() == 0 {
		t.Skip("no way to read a process's peak memory here (no /usr/bin/time, no /proc)")
	}
	return polled.Load(), file, took
}

// vmHWM reads a running process's peak resident set size in KiB.
func vmHWM(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var n int64
			fmt.Sscanf(strings.TrimSpace(v), "%d", &n)
			return n
		}
	}
	return 0
}

// sameLines compares a file line by line with the sandbox's items.
func sameLines(t *testing.T, file string, want []string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	i := 0
	for ; sc.Scan(); i++ {
		if i >= len(want) || sc.Text() != want[i] {
			t.Fatalf("line %d of the export differs from the sandbox's item", i+1)
		}
	}
	if i != len(want) {
		t.Fatalf("the export has %d lines, the sandbox %d items", i, len(want))
	}
}

func TestBenchExportPeakMemory(t *testing.T) {
	benchOnly(t)
	bin := cmdtest.WootBinary(t)
	var rss = map[int]int64{}
	for _, n := range []int{10_000, 100_000} {
		sb := newBulkSandbox(t, sandbox.Options{})
		sb.seedContacts(t, seedCSV(n))
		want := compactLines(t, sb.allItems(t, "/api/v1/accounts/1/contacts", "payload"))
		if len(want) != n {
			t.Fatalf("seeded %d of %d", len(want), n)
		}
		kib, file, took := exportRSS(t, bin, sb, "--concurrency", "4")
		sameLines(t, file, want)
		csvKiB, _, csvTook := exportRSS(t, bin, sb, "--concurrency", "4", "-o", "csv")
		rss[n] = kib
		t.Logf("BENCH export %d contacts: ndjson peak RSS %.1f MB in %.1fs; csv (every column) %.1f MB in %.1fs",
			n, float64(kib)/1024, took.Seconds(), float64(csvKiB)/1024, csvTook.Seconds())
		if kib > 40*1024 || csvKiB > 40*1024 {
			t.Errorf("peak RSS %d / %d KiB exceeds 40 MB", kib, csvKiB)
		}
	}
	ratio := float64(rss[100_000]) / float64(rss[10_000])
	t.Logf("BENCH export RSS 100k/10k = %.3f", ratio)
	if ratio > 1.10 {
		t.Errorf("peak RSS grows with the item count: 100k uses %.0f%% of 10k's", 100*ratio)
	}
}

func TestBenchExportConcurrencySpeedup(t *testing.T) {
	benchOnly(t)
	sb := newBulkSandbox(t, sandbox.Options{Latency: 50 * time.Millisecond})
	sb.seedContacts(t, seedCSV(6000))
	h := sb.harness(t)
	took := map[string]time.Duration{}
	for _, conc := range []string{"1", "8"} {
		start := time.Now()
		out := h.MustRun("contacts", "export", "--concurrency", conc)
		took[conc] = time.Since(start)
		if n := strings.Count(out, "\n"); n != 6000 {
			t.Fatalf("--concurrency %s exported %d contacts", conc, n)
		}
	}
	ratio := took["1"].Seconds() / took["8"].Seconds()
	t.Logf("BENCH export 6000 contacts at 50ms latency: --concurrency 1 %.1fs, --concurrency 8 %.1fs, speed-up %.1fx",
		took["1"].Seconds(), took["8"].Seconds(), ratio)
	if ratio < 5 {
		t.Errorf("--concurrency 8 is %.1fx faster than 1, want at least 5x", ratio)
	}
}

// requestLog records when the sandbox accepted and refused requests.
type requestLog struct {
	mu           sync.Mutex
	accepted     []time.Time
	refused      int
	firstRefused time.Time
}

func (l *requestLog) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		l.mu.Lock()
		defer l.mu.Unlock()
		if rec.status == http.StatusTooManyRequests {
			if l.refused == 0 {
				l.firstRefused = time.Now()
			}
			l.refused++
		} else {
			l.accepted = append(l.accepted, time.Now())
		}
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// longestGap is the longest time between two accepted requests.
func (l *requestLog) longestGap() time.Duration {
	var gap time.Duration
	for i := 1; i < len(l.accepted); i++ {
		gap = max(gap, l.accepted[i].Sub(l.accepted[i-1]))
	}
	return gap
}

// TestBenchImportThroughputAtChatwootsLimit imports contacts for about
// three minutes against Chatwoot's default limit of 3,000 requests a
// minute, with no --rate and with a --rate just under the limit. Without
// one the governor has to find the limit from 429s alone: its first
// minute is a burst and then a wait (nothing can tell it the limit before
// the allowance runs out), so the figure that counts is the pace after
// that minute. With --rate 49 no 429 may come at all.
func TestBenchImportThroughputAtChatwootsLimit(t *testing.T) {
	benchOnly(t)
	bin := cmdtest.WootBinary(t)
	const limit, rows = 3000, 9000
	for _, tc := range []struct {
		name  string
		extra []string
	}{{"--rate 49", []string{"--rate", "49"}}, {"no --rate (the governor finds the limit)", nil}} {
		sb, err := sandbox.New(sandbox.Options{Seed: "empty", RateLimit: limit})
		if err != nil {
			t.Fatal(err)
		}
		log := &requestLog{}
		srv := httptest.NewServer(log.wrap(sb))
		b := &bulkSandbox{Sandbox: sb, URL: srv.URL}
		dir := t.TempDir()
		var csv strings.Builder
		csv.WriteString("name,email\n")
		for i := 1; i <= rows; i++ {
			fmt.Fprintf(&csv, "Rate %d,rate%d@example.com\n", i, i)
		}
		in := filepath.Join(dir, "c.csv")
		os.WriteFile(in, []byte(csv.String()), 0o600)
		args := append([]string{"contacts", "import", in, "--concurrency", "8", "-o", "json"}, tc.extra...)
		exit, _, stdout, stderr := killRun(t, bin, b.env(dir), args, 0)
		srv.Close()
		sb.Close()
		if exit != 0 {
			t.Fatalf("%s: exit %d\n%s", tc.name, exit, stderr)
		}
		log.mu.Lock()
		perMin := ratePerMinute(log.accepted, 0)
		settled := ratePerMinute(log.accepted, time.Minute)
		gap, refused, total := log.longestGap(), log.refused, len(log.accepted)+log.refused
		log.mu.Unlock()
		t.Logf("BENCH import throughput, %s: %.0f requests/min against a %d/min limit (%.1f%%); after the first minute %.0f/min (%.1f%%); %d of %d requests refused with 429; longest gap %.2fs; summary %s",
			tc.name, perMin, limit, 100*perMin/limit, settled, 100*settled/limit, refused, total, gap.Seconds(), strings.TrimSpace(stdout))
		if tc.extra != nil {
			if perMin < 0.9*limit || perMin > 1.02*limit || refused > 0 || gap > time.Second {
				t.Errorf("%s: %.0f requests/min, %d 429s, longest gap %v: want within 10%% of %d, no 429, no idle second", tc.name, perMin, refused, gap, limit)
			}
			continue
		}
		if settled < 0.95*limit || float64(refused) > 0.02*float64(total) {
			t.Errorf("%s: %.0f requests/min after the first minute, %d 429s: want at least 95%% of %d and under 2%% refused", tc.name, settled, refused, limit)
		}
	}
}

// ratePerMinute is the pace of the accepted requests from skip after the
// first one to the last.
func ratePerMinute(times []time.Time, skip time.Duration) float64 {
	var from int
	for from < len(times) && times[from].Sub(times[0]) < skip {
		from++
	}
	if len(times)-from < 2 {
		return 0
	}
	return float64(len(times)-from-1) / times[len(times)-1].Sub(times[from]).Minutes()
}
