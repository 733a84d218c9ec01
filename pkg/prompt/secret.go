package prompt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// Control bytes a raw terminal delivers instead of acting on them.
const (
	ctrlC     = 0x03
	ctrlD     = 0x04
	backspace = 0x08
	ctrlU     = 0x15
	del       = 0x7f
)

// Secret asks label and reads the answer without echo when in is a
// terminal (elsewhere, e.g. in tests, it reads a line). The terminal is
// put in raw mode for the read, so Ctrl-C arrives as a byte and aborts;
// a cancelled context restores the terminal before returning.
func (p *Prompter) Secret(ctx context.Context, label string) (string, error) {
	file, ok := p.in.(*os.File)
	if !ok || !term.IsTerminal(int(file.Fd())) {
		fmt.Fprintf(p.out, "? %s (input hidden): ", label)
		line, err := p.await(ctx, p.readLine)
		if err != nil {
			return "", p.abort(err)
		}
		fmt.Fprintln(p.out)
		return strings.TrimSpace(line), nil
	}
	fd := int(file.Fd())
	state, err := term.MakeRaw(fd)
	if err != nil {
		return "", fmt.Errorf("turn off echo for the %s: %w", strings.ToLower(label), err)
	}
	// The question comes after raw mode is on: once it shows, Ctrl-C is a byte.
	fmt.Fprintf(p.out, "? %s (input hidden): ", label)
	secret, err := p.readRaw(ctx, file)
	term.Restore(fd, state)
	fmt.Fprintln(p.out)
	return secret, err
}

// readRaw collects bytes up to Enter, with backspace and Ctrl-U editing.
func (p *Prompter) readRaw(ctx context.Context, file *os.File) (string, error) {
	var typed []byte
	for {
		chunk, err := p.await(ctx, func() (string, error) {
			buf := make([]byte, 256)
			n, err := file.Read(buf)
			return string(buf[:n]), err
		})
		if errors.Is(err, io.EOF) {
			return "", ErrAborted
		}
		if err != nil {
			return "", err
		}
		for _, b := range []byte(chunk) {
			switch b {
			case '\r', '\n':
				return strings.TrimSpace(string(typed)), nil
			case ctrlC:
				return "", ErrAborted
			case ctrlD:
				if len(typed) == 0 {
					return "", ErrAborted
				}
			case backspace, del:
				if len(typed) > 0 {
					typed = typed[:len(typed)-1]
				}
			case ctrlU:
				typed = typed[:0]
			default:
				typed = append(typed, b)
			}
		}
	}
}
