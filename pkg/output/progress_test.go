package output

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestProgressSilentWithoutTerminal(t *testing.T) {
	ios, _, errOut := testIO(true) // stdout a terminal does not matter
	p := ios.Progress("Importing")
	p.Set(5, 10)
	p.Set(10, 10)
	p.Done()
	if errOut.Len() != 0 {
		t.Errorf("progress drew on a non-terminal stderr: %q", errOut)
	}
	var nilP *Progress
	nilP.Set(1, 2) // must not panic
	nilP.Done()
}

func TestProgressDrawsAndThrottles(t *testing.T) {
	ios, out, errOut := testIO(false)
	ios.SetStderrTTY(true)
	now := fixedNow
	ios.SetNow(func() time.Time { return now })
	p := ios.Progress("Importing contacts")

	now = now.Add(2 * time.Second)
	p.Set(100, 1000)
	want := "\rImporting contacts 100/1000 (10%)  50/s  ETA 18s\x1b[K"
	if errOut.String() != want {
		t.Fatalf("first draw %q, want %q", errOut, want)
	}
	now = now.Add(50 * time.Millisecond)
	p.Set(101, 1000)
	if errOut.String() != want {
		t.Errorf("redrew within 100ms: %q", errOut)
	}
	now = now.Add(60 * time.Millisecond)
	p.Set(102, 1000)
	if strings.Count(errOut.String(), "\r") != 2 {
		t.Errorf("did not redraw after 100ms: %q", errOut)
	}
	now = now.Add(time.Millisecond)
	p.Set(1000, 1000) // completion always draws
	if !strings.Contains(errOut.String(), "1000/1000 (100%)") {
		t.Errorf("completion not drawn: %q", errOut)
	}
	p.Done()
	if !strings.HasSuffix(errOut.String(), "\r\x1b[K") {
		t.Errorf("Done did not clear the line: %q", errOut)
	}
	if out.Len() != 0 {
		t.Errorf("progress wrote to stdout: %q", out)
	}
}

func TestProgressUnknownTotal(t *testing.T) {
	ios, _, errOut := testIO(false)
	ios.SetStderrTTY(true)
	now := fixedNow
	ios.SetNow(func() time.Time { return now })
	p := ios.Progress("Exporting")
	now = now.Add(4 * time.Second)
	p.Set(10, 0)
	if want := "\rExporting 10  2.5/s\x1b[K"; errOut.String() != want {
		t.Errorf("got %q, want %q", errOut, want)
	}
}

func TestProgressConcurrentWorkers(t *testing.T) {
	ios, _, _ := testIO(false)
	ios.SetStderrTTY(true)
	p := ios.Progress("Working")
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int64(0); i < 200; i++ {
				p.Set(i, 200)
			}
		}()
	}
	wg.Wait()
	p.Done()
}

func TestProgressFitsTheTerminal(t *testing.T) {
	ios, _, errOut := testIO(false)
	ios.SetStderrTTY(true)
	ios.SetTerminalWidth(20)
	p := ios.Progress("Importing contacts from a long file name")
	p.Set(1, 10)
	line := strings.TrimSuffix(strings.TrimPrefix(errOut.String(), "\r"), "\x1b[K")
	if displayWidth(line) != 19 || !strings.HasSuffix(line, "…") {
		t.Errorf("progress line %q is not cut to 19 cells", line)
	}
}
