package webhook

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestCheckHeadersJudgesWithoutTheBody(t *testing.T) {
	sig := handSign(testSecret, signedAt.Unix(), []byte(`{"id":1}`))
	for _, c := range []struct {
		name, sig, ts string
		now           time.Time
		code          Code
	}{
		{"none", "", "", signedAt, CodeMissingHeaders},
		{"no signature", "", tsString(signedAt), signedAt, CodeMissingSignature},
		{"no timestamp", sig, "", signedAt, CodeMissingTimestamp},
		{"short digest", "sha256=abc", tsString(signedAt), signedAt, CodeMalformedSignature},
		{"milliseconds", sig, "1718000000000", signedAt, CodeMalformedTimestamp},
		{"too old", sig, tsString(signedAt), signedAt.Add(6 * time.Minute), CodeTimestampTooOld},
		{"in the future", sig, tsString(signedAt), signedAt.Add(-6 * time.Minute), CodeTimestampInFuture},
	} {
		t.Run(c.name, func(t *testing.T) {
			var se *SignatureError
			if err := CheckHeaders(c.sig, c.ts, c.now, 5*time.Minute); !errors.As(err, &se) || se.Code != c.code {
				t.Fatalf("CheckHeaders = %v, want code %s", err, c.code)
			}
		})
	}
	// A well-formed wrong signature passes: only the body can tell.
	wrong := handSign("another-secret", signedAt.Unix(), []byte(`{"id":1}`))
	if err := CheckHeaders(" "+wrong, tsString(signedAt), signedAt.Add(5*time.Minute), 5*time.Minute); err != nil {
		t.Fatalf("well-formed headers within tolerance: %v", err)
	}
	if err := CheckHeaders(wrong, tsString(signedAt), signedAt.Add(48*time.Hour), 0); err != nil {
		t.Fatalf("tolerance 0 skips the age check: %v", err)
	}
}

// countingReader hands out n bytes of 'x' and counts what was read.
type countingReader struct {
	left, read int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := int64(len(p))
	n = min(n, r.left)
	for i := range p[:n] {
		p[i] = 'x'
	}
	r.left -= n
	r.read += n
	return int(n), nil
}

func TestReadBodyCapsWhatItReads(t *testing.T) {
	const max = 64 << 10
	t.Run("declared too large: nothing read", func(t *testing.T) {
		src := &countingReader{left: 60 << 20}
		req := httptest.NewRequest(http.MethodPost, "/", src)
		req.ContentLength = 60 << 20
		_, err := ReadBody(req, max)
		var tl *ErrBodyTooLarge
		if !errors.As(err, &tl) || tl.Max != max || src.read != 0 {
			t.Fatalf("err %v, read %d bytes: want ErrBodyTooLarge before reading", err, src.read)
		}
	})
	t.Run("chunked too large: stops past the cap", func(t *testing.T) {
		src := &countingReader{left: 60 << 20}
		req := httptest.NewRequest(http.MethodPost, "/", src)
		req.ContentLength = -1
		_, err := ReadBody(req, max)
		var tl *ErrBodyTooLarge
		if !errors.As(err, &tl) || src.read > 2*max {
			t.Fatalf("err %v, read %d bytes: want ErrBodyTooLarge after about %d", err, src.read, max)
		}
	})
	for _, n := range []int64{0, 1, 4095, 4096, 4097, max - 1, max} {
		src := &countingReader{left: n}
		req := httptest.NewRequest(http.MethodPost, "/", src)
		req.ContentLength = -1
		body, err := ReadBody(req, max)
		if err != nil || int64(len(body)) != n || strings.Trim(string(body), "x") != "" {
			t.Fatalf("%d bytes: got %d, %v", n, len(body), err)
		}
	}
	if got := (&ErrBodyTooLarge{Max: 1 << 20}).Error(); got != "body larger than 1 MiB" {
		t.Errorf("message %q", got)
	}
}

func TestLimitInFlightAnswers503Beyond(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	h := LimitInFlight(1, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		<-release
	}))
	done := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
		done <- rec.Code
	}()
	<-entered
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Connection") != "close" || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("second request: %d %v, want 503 with Retry-After, closing", rec.Code, rec.Header())
	}
	close(release)
	if code := <-done; code != http.StatusOK {
		t.Fatalf("first request: %d", code)
	}
	// The slot is free again.
	go func() { <-entered }()
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("after release: %d", rec.Code)
	}
}

func TestReplayCacheRemembersPairsWithinTolerance(t *testing.T) {
	c := NewReplayCache(100, 5*time.Minute)
	sig := handSign(testSecret, signedAt.Unix(), []byte(`{}`))
	ts := tsString(signedAt)
	if c.Replayed(sig, ts, signedAt.Unix(), signedAt) {
		t.Fatal("first sight reported as a replay")
	}
	upper := "sha256=" + strings.ToUpper(strings.TrimPrefix(sig, "sha256="))
	for _, at := range []time.Duration{0, time.Second, 5 * time.Minute} {
		if !c.Replayed(upper, " "+ts, signedAt.Unix(), signedAt.Add(at)) {
			t.Fatalf("the same pair %s later is not a replay", at)
		}
	}
	other := handSign(testSecret, signedAt.Unix()+1, []byte(`{}`))
	if c.Replayed(other, tsString(signedAt.Add(time.Second)), signedAt.Unix()+1, signedAt) {
		t.Fatal("a new signature counted as a replay")
	}
	// Once the age check would refuse the timestamp, the entry may go.
	late := signedAt.Add(5*time.Minute + 2*time.Second)
	c.Replayed(handSign(testSecret, late.Unix(), nil), tsString(late), late.Unix(), late)
	if c.Len() != 1 {
		t.Fatalf("%d entries after the window passed, want only the newest", c.Len())
	}
}

func TestReplayCacheIsBounded(t *testing.T) {
	c := NewReplayCache(3, 0) // no age check: capacity is the only bound
	for i := range int64(10) {
		c.Replayed(handSign(testSecret, i, nil), tsString(time.Unix(i, 0)), i, signedAt)
	}
	if c.Len() != 3 {
		t.Fatalf("%d entries, want 3", c.Len())
	}
	if !c.Replayed(handSign(testSecret, 9, nil), "9", 9, signedAt.Add(1000*time.Hour)) {
		t.Fatal("with tolerance 0 a recent pair never expires")
	}
}

func TestReplayCacheAdmitsOneOfConcurrentCopies(t *testing.T) {
	c := NewReplayCache(DefaultReplayEntries, 5*time.Minute)
	sig, ts := handSign(testSecret, signedAt.Unix(), []byte(`{}`)), tsString(signedAt)
	var wg sync.WaitGroup
	var mu sync.Mutex
	fresh := 0
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !c.Replayed(sig, ts, signedAt.Unix(), signedAt) {
				mu.Lock()
				fresh++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if fresh != 1 {
		t.Fatalf("%d copies accepted, want exactly 1", fresh)
	}
}

func TestReadSecretFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil { // umask may have narrowed it
			t.Fatal(err)
		}
		return p
	}
	sf, err := ReadSecretFile(write("crlf", "s3cret \r\n", 0o600))
	if err != nil || sf.Secret != "s3cret " || sf.Warning != "" {
		t.Fatalf("got %+v, %v: want the value less its line ending, no warning", sf, err)
	}
	sf, err = ReadSecretFile(write("lf", "s3cret\n\n", 0o600))
	if err != nil || sf.Secret != "s3cret\n" {
		t.Fatalf("only one trailing newline is trimmed: %q, %v", sf.Secret, err)
	}
	open := write("open", "s3cret", 0o644)
	sf, err = ReadSecretFile(open)
	if err != nil || sf.Secret != "s3cret" || !strings.Contains(sf.Warning, "chmod 600 "+open) || !strings.Contains(sf.Warning, "0644") {
		t.Fatalf("a world-readable file: %+v, %v; want the secret and a chmod warning", sf, err)
	}
	if strings.Contains(sf.Warning, "s3cret") {
		t.Fatal("the warning shows the secret")
	}
	for name, path := range map[string]string{"empty": write("empty", "\n", 0o600), "missing": filepath.Join(dir, "nope"), "directory": dir} {
		if _, err := ReadSecretFile(path); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
