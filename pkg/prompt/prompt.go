// Package prompt asks the person at the terminal. Every question gives up
// at once when the command's context is cancelled (Ctrl-C, SIGTERM), when
// Ctrl-C arrives as a byte (a terminal in raw mode sends no signal) and
// at the end of the input, so no prompt can outlive an interrupt and no
// answer typed after one can act.
package prompt

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrAborted is returned when the user pressed Ctrl-C at a prompt that
// reads the terminal raw, or ended the input (Ctrl-D) without answering.
var ErrAborted = errors.New("no answer: the prompt was aborted")

// Prompter asks questions on out and reads the answers from in.
type Prompter struct {
	in    io.Reader
	out   io.Writer
	lines *bufio.Reader
	// pending is a read still running from a question that was given up
	// on: the next question takes its result instead of racing it for
	// the input.
	pending chan answer
}

type answer struct {
	text string
	err  error
}

// New returns a Prompter reading in and writing the questions to out
// (stderr: stdout carries only data).
func New(in io.Reader, out io.Writer) *Prompter {
	return &Prompter{in: in, out: out, lines: bufio.NewReader(in)}
}

// Line asks label and returns the trimmed answer; an empty answer is def,
// which is shown in brackets.
func (p *Prompter) Line(ctx context.Context, label, def string) (string, error) {
	if def != "" {
		fmt.Fprintf(p.out, "? %s [%s]: ", label, def)
	} else {
		fmt.Fprintf(p.out, "? %s: ", label)
	}
	line, err := p.await(ctx, p.readLine)
	if err != nil {
		return "", p.abort(err)
	}
	if v := strings.TrimSpace(line); v != "" {
		return v, nil
	}
	return def, nil
}

// Confirm asks a yes/no question whose default is no: only "y" or "yes"
// is a yes.
func (p *Prompter) Confirm(ctx context.Context, question string) (bool, error) {
	fmt.Fprintf(p.out, "? %s [y/N] ", question)
	line, err := p.await(ctx, p.readLine)
	if err != nil {
		return false, p.abort(err)
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}

// readLine reads one line; a last line without a newline still counts.
func (p *Prompter) readLine() (string, error) {
	line, err := p.lines.ReadString('\n')
	if err != nil && line == "" {
		if errors.Is(err, io.EOF) {
			return "", ErrAborted
		}
		return "", err
	}
	return line, nil
}

// await runs read in a goroutine, so that a cancelled context ends the
// question even though a read of a terminal cannot be interrupted.
func (p *Prompter) await(ctx context.Context, read func() (string, error)) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if p.pending == nil {
		ch := make(chan answer, 1)
		go func() {
			text, err := read()
			ch <- answer{text, err}
		}()
		p.pending = ch
	}
	select {
	case a := <-p.pending:
		p.pending = nil
		return a.text, a.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// abort ends the prompt's line, so what is printed next (the error)
// does not follow the question on the same line.
func (p *Prompter) abort(err error) error {
	fmt.Fprintln(p.out)
	return err
}

// All reads the rest of the input (a token piped to --with-token), giving
// up when ctx is cancelled: on a terminal that read lasts until Ctrl-D.
func (p *Prompter) All(ctx context.Context) (string, error) {
	return p.await(ctx, func() (string, error) {
		data, err := io.ReadAll(p.lines)
		return string(data), err
	})
}
