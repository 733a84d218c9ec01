package jsontemplate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// htmlEscape is the html function: the five characters that matter in
// HTML text and attributes as entities, and NUL as U+FFFD, as
// text/template writes them.
func htmlEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ { // bytes, so that invalid UTF-8 passes as it is
		switch c := s[i]; c {
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case 0:
			b.WriteRune(unicode.ReplacementChar)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// jsEscape is the js function: quotes and backslashes escaped, the
// characters HTML gives meaning to (< > & =) and control characters as
// \uXXXX, and runes that do not print as \uXXXX, as text/template writes
// them.
func jsEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\\' || c == '\'' || c == '"':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '<' || c == '>' || c == '&' || c == '=' || c < ' ':
				fmt.Fprintf(&b, "\\u%04X", c)
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsPrint(r) {
			b.WriteString(s[i : i+size])
		} else {
			fmt.Fprintf(&b, "\\u%04X", r)
		}
		i += size
	}
	return b.String()
}
