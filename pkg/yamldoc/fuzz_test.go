package yamldoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// Whatever the input, ParseStream returns documents or a *SyntaxError on a
// line the input has, and what it returns decodes and encodes.
func FuzzParseStream(f *testing.F) {
	for _, s := range readerDocuments {
		f.Add(s)
	}
	for _, tc := range invalidDocuments {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := 2
		for _, r := range src {
			if r == '\n' || r == '\r' || r == 0x85 || r == 0x2028 || r == 0x2029 {
				lines++
			}
		}
		docs, err := ParseStream([]byte(src))
		checkSyntaxError(t, src, err, lines)
		for _, d := range docs {
			_, err := d.Decode()
			checkSyntaxError(t, src, err, lines)
			Encode(d)
		}
	})
}

func checkSyntaxError(t *testing.T, src string, err error, lines int) {
	t.Helper()
	if err == nil {
		return
	}
	if se, ok := err.(*SyntaxError); !ok || se.Line < 1 || se.Line > lines {
		t.Fatalf("%q: %v (%T)", src, err, err)
	}
}

// Any string, as render.go writes it in values and keys, encodes as
// yaml.v3 encodes it and reads back as itself.
func FuzzEncodeString(f *testing.F) {
	for _, s := range writerStrings() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || s == "<<" { // see roundTrips
			return
		}
		v := map[string]any{"k": s, "l": []any{s, map[string]any{s: s}}, s: []any{s}}
		tree := renderValue(v)
		out := Encode(tree)
		if want := v3Encode(t, toV3(tree)); !bytes.Equal(out, want) {
			t.Fatalf("%q:\n got %q\nwant %q", s, out, want)
		}
		docs, err := ParseStream(out)
		if err != nil || len(docs) != 1 {
			t.Fatalf("%q: %q: %d documents, %v", s, out, len(docs), err)
		}
		if back, err := docs[0].Decode(); err != nil || !sameValue(back, v) {
			t.Fatalf("%q: %q reads back as %#v, %v", s, out, back, err)
		}
	})
}

// largeInputs are documents of every shape at n times a base size.
func largeInputs(n int) map[string]string {
	return map[string]string{
		"plain lines":  "a: " + strings.Repeat("word\n  ", 2000*n) + "end\n",
		"quoted lines": "a: \"" + strings.Repeat("word\n  ", 2000*n) + "\"\n",
		"block lines":  "a: |\n" + strings.Repeat("  line of text\n", 2000*n),
		"flow line":    "[" + strings.Repeat("a, ", 2000*n) + "b]\n",
		"list":         strings.Repeat("- item: x\n  other: 'y'\n", 250*n),
		"long line":    "a: " + strings.Repeat("é", 10000*n) + "\n",
		"many keys":    manyKeys(500 * n),
	}
}

// Megabytes of each shape read, decode and write back. How long that
// takes is BenchmarkLargeInputs' question, not a test's.
func TestLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("parses megabytes")
	}
	for name, src := range largeInputs(100) {
		docs, err := ParseStream([]byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := docs[0].Decode(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(Encode(docs[0])) == 0 {
			t.Fatalf("%s: nothing written", name)
		}
	}
}

// BenchmarkLargeInputs reads, decodes and writes each shape at 10 and 40
// times the base size, side by side: linear time shows as a ratio near 4
// between the two (a quadratic step once made a 1.4 MB plain scalar take
// 20 s).
//
//	go test ./pkg/yamldoc -run '^$' -bench LargeInputs
func BenchmarkLargeInputs(b *testing.B) {
	for _, n := range []int{10, 40} {
		for name, src := range largeInputs(n) {
			b.Run(fmt.Sprintf("%s/x%d", strings.ReplaceAll(name, " ", "-"), n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					docs, err := ParseStream([]byte(src))
					if err != nil {
						b.Fatal(err)
					}
					if _, err := docs[0].Decode(); err != nil {
						b.Fatal(err)
					}
					Encode(docs[0])
				}
			})
		}
	}
}

func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "key%d: v\n", i)
	}
	return b.String()
}
