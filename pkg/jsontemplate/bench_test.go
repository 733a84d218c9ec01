package jsontemplate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"text/template"
)

// BenchmarkExecute runs one list template over 1000 decoded conversations
// with this package and with text/template, side by side:
//
//	go test ./pkg/jsontemplate -run '^$' -bench Execute -benchmem
func BenchmarkExecute(b *testing.B) {
	var items []string
	for i := range 1000 {
		items = append(items, fmt.Sprintf(`{"id": %d, "status": "open", "labels": ["vip", "billing"], "meta": {"sender": {"name": "Contact %d"}}, "unread_count": %d}`, i, i, i%3))
	}
	dec := json.NewDecoder(strings.NewReader("[" + strings.Join(items, ",") + "]"))
	dec.UseNumber()
	var data any
	if err := dec.Decode(&data); err != nil {
		b.Fatal(err)
	}
	const src = `{{range .}}{{.id}}	{{.meta.sender.name}}	{{if eq .status "open"}}open{{end}}	{{len .labels}}	{{index .labels 0}}{{"\n"}}{{end}}`
	b.Run("jsontemplate", func(b *testing.B) {
		tmpl, err := Parse("t", src, nil)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			if err := tmpl.Execute(io.Discard, data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("text-template", func(b *testing.B) {
		tmpl := template.Must(template.New("t").Parse(src))
		for b.Loop() {
			if err := tmpl.Execute(io.Discard, data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
