package yamldoc

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// mark is a position in the input.
type mark struct {
	pos       int // byte offset
	line      int // 1-based
	lineStart int // byte offset of the line's first character
}

// input is the text being read and the reader's position in it. Line
// breaks are \n (CRLF and CR are turned into \n first) and, as in
// yaml.v3, which follows YAML 1.1 here, NEL, LS and PS.
type input struct {
	src []byte
	mark
	// The column of the last position asked for, so that a long line is
	// not counted again from its start for every node on it.
	colLineStart, colPos, colRunes int
}

func newInput(data []byte) (*input, error) {
	src := bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	in := &input{src: src, mark: mark{line: 1}, colLineStart: -1}
	if err := in.checkCharacters(); err != nil {
		return nil, err
	}
	return in, nil
}

// checkCharacters rejects what YAML does not allow in a stream: invalid
// UTF-8 and control characters other than tab and line breaks.
func (in *input) checkCharacters() error {
	for i := 0; i < len(in.src); {
		r, size := utf8.DecodeRune(in.src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return &SyntaxError{Line: in.lineAt(i), Msg: "the file is not valid UTF-8: save it as UTF-8"}
		case !allowedInStream(r):
			return &SyntaxError{Line: in.lineAt(i), Msg: fmt.Sprintf("the control character %U is not allowed in YAML: remove it, or write it as an escape in a double-quoted string", r)}
		}
		i += size
	}
	return nil
}

// allowedInStream is YAML's c-printable.
func allowedInStream(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// lineAt is the line of a byte offset, counted from the start.
func (in *input) lineAt(offset int) int {
	line := 1
	for i := 0; i < offset; {
		if n := in.breakAt(i); n > 0 {
			line++
			i += n
			continue
		}
		i++
	}
	return line
}

// breakAt is the length of the line break at offset i, or 0. The lead
// bytes of NEL, LS and PS never occur inside another character, so a
// byte-wise scan finds them safely.
func (in *input) breakAt(i int) int {
	if i >= len(in.src) {
		return 0
	}
	switch in.src[i] {
	case '\n':
		return 1
	case 0xC2:
		if i+1 < len(in.src) && in.src[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(in.src) && in.src[i+1] == 0x80 && (in.src[i+2] == 0xA8 || in.src[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// peek is the byte i bytes ahead, 0 past the end.
func (in *input) peek(i int) byte {
	if in.pos+i < len(in.src) {
		return in.src[in.pos+i]
	}
	return 0
}

func (in *input) eof() bool { return in.pos >= len(in.src) }

func (in *input) atBreak() bool { return in.breakAt(in.pos) > 0 }

// atLineEnd is true at a line break or the end of the input.
func (in *input) atLineEnd() bool { return in.eof() || in.atBreak() }

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// blankOrEndAt is true when offset i holds a space, a tab, a line break or
// the end of the input: what must follow an indicator such as "- ".
func (in *input) blankOrEndAt(i int) bool {
	return i >= len(in.src) || isBlank(in.src[i]) || in.breakAt(i) > 0
}

func (in *input) skipBlanks() {
	for in.pos < len(in.src) && isBlank(in.src[in.pos]) {
		in.pos++
	}
}

// skipToLineEnd skips the rest of the line (a comment), not its break.
func (in *input) skipToLineEnd() {
	for !in.atLineEnd() {
		in.pos++
	}
}

// takeBreak consumes the line break at the position and returns it as the
// text it stands for in a value: \n for \n and NEL, LS and PS as
// themselves (yaml.v3 keeps those). It returns "" at the end of the input.
func (in *input) takeBreak() string {
	n := in.breakAt(in.pos)
	if n == 0 {
		return ""
	}
	text := "\n"
	if n == 3 {
		text = string(in.src[in.pos : in.pos+3])
	}
	in.pos += n
	in.line++
	in.lineStart = in.pos
	return text
}

// skipSpace skips blanks, comments and line breaks, whatever the
// indentation: between documents, inside flow collections, and before a
// block node (whose caller then checks the indentation).
func (in *input) skipSpace() {
	for {
		in.skipBlanks()
		if in.peek(0) == '#' {
			in.skipToLineEnd()
		}
		if in.takeBreak() == "" {
			return
		}
	}
}

// column is the 0-based column of m, in characters.
func (in *input) column(m mark) int {
	if m.lineStart != in.colLineStart || m.pos < in.colPos {
		in.colLineStart, in.colPos, in.colRunes = m.lineStart, m.lineStart, 0
	}
	in.colRunes += utf8.RuneCount(in.src[in.colPos:m.pos])
	in.colPos = m.pos
	return in.colRunes
}

// indentation is the number of characters before the position on its
// line: the indentation of a line once its leading spaces are skipped.
func (in *input) indentation() int { return in.column(in.mark) }

// atDocumentMarker is true at a --- or ... that starts a line.
func (in *input) atDocumentMarker() bool {
	return in.atMarker('-') || in.atMarker('.')
}

// atDocumentBoundary is true where block content ends: at a document
// marker, or at a directive, which yaml.v3 takes to end the document
// before it as a "..." would.
func (in *input) atDocumentBoundary() bool {
	return in.atDocumentMarker() || in.pos == in.lineStart && in.peek(0) == '%'
}

// atMarker is true at "---" (c '-') or "..." (c '.') at a line start,
// followed by a blank or the line's end.
func (in *input) atMarker(c byte) bool {
	return in.pos == in.lineStart && in.peek(0) == c && in.peek(1) == c && in.peek(2) == c && in.blankOrEndAt(in.pos+3)
}

// endMark is where yaml.v3 puts the end of the input: at the start of the
// line after the last, when the input does not end with a line break.
func (in *input) endMark() mark {
	m := in.mark
	if m.pos > m.lineStart {
		m.line++
		m.lineStart = m.pos
	}
	return m
}
