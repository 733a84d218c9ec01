package webhook

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// A receiver that anyone can reach must not let an unsigned sender make
// it read, hold or remember much. The functions here let it decide from
// the headers alone before it touches the body, read a body only up to a
// cap, and bound the requests it works on at once.

// Receiver defaults: Chatwoot's payloads are kilobytes, so 1 MiB leaves a
// wide margin while 32 such bodies in flight stay far below 100 MB.
const (
	DefaultMaxBody           = 1 << 20
	DefaultMaxInFlight       = 32
	DefaultReadHeaderTimeout = 10 * time.Second
	DefaultReadTimeout       = 30 * time.Second
	DefaultIdleTimeout       = 60 * time.Second
	DefaultReplayEntries     = 10000
)

// CheckHeaders judges a delivery by its signature headers alone: both
// present, well formed, and the timestamp within tolerance (0 disables the
// age check). A receiver calls it before reading the body, so a request
// that cannot verify costs no body bytes. Verify still decides the
// signature itself once the body is read.
func CheckHeaders(signature, timestamp string, now time.Time, tolerance time.Duration) error {
	signature, timestamp = strings.TrimSpace(signature), strings.TrimSpace(timestamp)
	if err := checkPresent(signature, timestamp); err != nil {
		return err
	}
	if _, err := parseSignature(signature); err != nil {
		return err
	}
	ts, err := parseTimestamp(timestamp)
	if err != nil {
		return err
	}
	if err := checkAge(now.Unix()-ts, tolerance); err != nil {
		return err
	}
	return nil
}

// ErrBodyTooLarge is returned by ReadBody for a body over its cap.
type ErrBodyTooLarge struct{ Max int64 }

func (e *ErrBodyTooLarge) Error() string {
	return fmt.Sprintf("body larger than %s", FormatSize(e.Max))
}

// ReadBody reads r's body, at most max bytes. A declared Content-Length
// over max is refused before reading anything; a chunked body is refused
// as soon as it passes max, so no more than max+1 bytes are ever held.
func ReadBody(r *http.Request, max int64) ([]byte, error) {
	if r.ContentLength > max {
		return nil, &ErrBodyTooLarge{Max: max}
	}
	return readAtMost(r.Body, max, r.ContentLength)
}

// readAtMost grows its buffer only as data arrives: a sender that
// announces a size but sends nothing costs nothing.
func readAtMost(r io.Reader, max, sizeHint int64) ([]byte, error) {
	size := int64(4 << 10)
	if sizeHint >= 0 && sizeHint < size {
		size = sizeHint
	}
	buf := make([]byte, 0, min(size, max)+1) // +1 lets EOF arrive without growing
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > max {
				return nil, &ErrBodyTooLarge{Max: max}
			}
			grown := make([]byte, len(buf), min(2*int64(cap(buf)), max+1))
			copy(grown, buf)
			buf = grown
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > max {
			return nil, &ErrBodyTooLarge{Max: max}
		}
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// LimitInFlight runs at most n requests of next at once; one more is
// answered 503 at once rather than queued, so a flood costs no memory.
func LimitInFlight(n int, next http.Handler) http.Handler {
	slots := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
			next.ServeHTTP(w, r)
		default:
			w.Header().Set("Retry-After", "1")
			RefuseBody(w)
			http.Error(w, fmt.Sprintf("busy: %d deliveries in progress, try again", n), http.StatusServiceUnavailable)
		}
	})
}

// RefuseBody marks the response as the last on its connection. Go's
// server would otherwise read up to 256 KiB of an unread body before it
// answers, so a sender stalling its body would delay the answer.
func RefuseBody(w http.ResponseWriter) { w.Header().Set("Connection", "close") }

// FormatSize writes a byte count the way --max-body takes it.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
