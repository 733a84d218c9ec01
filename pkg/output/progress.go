package output

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// redrawEvery caps progress redraws at about ten a second: bulk jobs call
// Set per item, and a terminal cannot usefully show more.
const redrawEvery = 100 * time.Millisecond

// Progress is a one-line "done/total, rate, ETA" indicator on stderr for
// bulk jobs. It draws only when stderr is a terminal, so logs and pipes
// never see carriage returns. A nil *Progress is valid and does nothing;
// methods are safe for concurrent workers.
type Progress struct {
	mu          sync.Mutex
	w           io.Writer // nil when disabled
	label       string
	now         func() time.Time
	width       func() int
	start, last time.Time
	drawn       bool
	done, total int64
}

// Progress starts a progress line labelled label (e.g. "Importing contacts").
func (s *IOStreams) Progress(label string) *Progress {
	p := &Progress{label: label, now: s.Now, width: s.TerminalWidth}
	if s.stderrTTY {
		p.w = s.ErrOut
		p.start = s.Now()
	}
	return p
}

// Set records that done of total units are finished; total <= 0 means
// unknown. It redraws at most every redrawEvery, and always on completion.
func (p *Progress) Set(done, total int64) {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total = done, total
	t := p.now()
	if p.drawn && t.Sub(p.last) < redrawEvery && !(total > 0 && done >= total) {
		return
	}
	p.last, p.drawn = t, true
	// One cell short of the width: a line that wraps cannot be redrawn by "\r".
	io.WriteString(p.w, "\r"+truncate(p.line(t), p.width()-1)+"\x1b[K")
}

// Done erases the progress line so the command's own summary starts on a
// clean line.
func (p *Progress) Done() {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		io.WriteString(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// line renders "label 1200/5000 (24%)  310/s  ETA 12s".
func (p *Progress) line(t time.Time) string {
	var b strings.Builder
	if p.label != "" {
		b.WriteString(p.label)
		b.WriteByte(' ')
	}
	if p.total > 0 {
		fmt.Fprintf(&b, "%d/%d (%d%%)", p.done, p.total, p.done*100/p.total)
	} else {
		fmt.Fprintf(&b, "%d", p.done)
	}
	elapsed := t.Sub(p.start).Seconds()
	if elapsed <= 0 || p.done <= 0 {
		return b.String()
	}
	rate := float64(p.done) / elapsed
	fmt.Fprintf(&b, "  %s/s", formatRate(rate))
	if p.total > p.done {
		eta := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
		fmt.Fprintf(&b, "  ETA %s", eta.Round(time.Second))
	}
	return b.String()
}

func formatRate(r float64) string {
	if r < 10 {
		return fmt.Sprintf("%.1f", r)
	}
	return fmt.Sprintf("%.0f", r)
}
