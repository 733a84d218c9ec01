package transcript

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"
	"time"
)

// Formats are the renderings Render knows, the first the default.
var Formats = []string{"text", "markdown", "html", "json"}

// Extension is the file extension of a format, for one file per
// conversation in a directory.
func Extension(format string) string {
	switch format {
	case "markdown":
		return ".md"
	case "html":
		return ".html"
	case "json":
		return ".json"
	}
	return ".txt"
}

// TimeFormat renders a time in text, markdown and html; JSON always
// carries RFC 3339 in UTC.
type TimeFormat func(time.Time) string

// RFC3339 is the time format of files and pipes.
func RFC3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// LocalTime is the time format of a terminal: the reader's own zone.
func LocalTime(loc *time.Location) TimeFormat {
	return func(t time.Time) string { return t.In(loc).Format("2006-01-02 15:04:05 MST") }
}

// Render writes t in format.
func Render(w io.Writer, t *Transcript, format string, tf TimeFormat) error {
	if tf == nil {
		tf = RFC3339
	}
	bw := bufio.NewWriter(w)
	switch format {
	case "", "text":
		renderText(bw, t, tf)
	case "markdown":
		renderMarkdown(bw, t, tf)
	case "html":
		renderHTML(bw, t, tf)
	case "json":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(t); err != nil {
			return err
		}
	default:
		return fmt.Errorf("transcript format %q: use one of %s", format, strings.Join(Formats, ", "))
	}
	return bw.Flush()
}

// header lines shared by the text and markdown renderings: label, value.
func header(t *Transcript, tf TimeFormat) [][2]string {
	c := t.Conversation
	rows := [][2]string{{"Status", c.Status}, {"Started", tf(c.CreatedAt)}}
	if c.Contact != nil {
		rows = append(rows, [2]string{"Contact", personLine(*c.Contact)})
	}
	if c.Assignee != nil {
		rows = append(rows, [2]string{"Assignee", c.Assignee.Name})
	}
	if c.Team != "" {
		rows = append(rows, [2]string{"Team", c.Team})
	}
	if len(c.Labels) > 0 {
		rows = append(rows, [2]string{"Labels", strings.Join(c.Labels, ", ")})
	}
	var ps []string
	for _, p := range t.Participants {
		ps = append(ps, p.Name+" ("+p.Role+")")
	}
	if len(ps) > 0 {
		rows = append(rows, [2]string{"Participants", strings.Join(ps, ", ")})
	}
	return rows
}

func personLine(p Participant) string {
	if p.Email != "" {
		return p.Name + " <" + p.Email + ">"
	}
	return p.Name
}

func renderText(w *bufio.Writer, t *Transcript, tf TimeFormat) {
	fmt.Fprintf(w, "Conversation %d\n", t.Conversation.ID)
	for _, h := range header(t, tf) {
		fmt.Fprintf(w, "%s: %s\n", h[0], h[1])
	}
	for _, e := range t.Messages {
		w.WriteByte('\n')
		switch e.Kind {
		case KindActivity:
			fmt.Fprintf(w, "[%s] -- %s\n", tf(e.Time), oneLine(e.Content))
			continue
		case KindNote:
			fmt.Fprintf(w, "[%s] %s (private note):\n", tf(e.Time), e.Author)
		default:
			fmt.Fprintf(w, "[%s] %s:\n", tf(e.Time), e.Author)
		}
		if e.Content != "" {
			for _, line := range strings.Split(e.Content, "\n") {
				fmt.Fprintf(w, "  %s\n", line)
			}
		}
		for _, a := range e.Attachments {
			if a.URL == "" { // a location or contact card: nothing to link to
				fmt.Fprintf(w, "  attachment (%s)\n", a.FileType)
				continue
			}
			fmt.Fprintf(w, "  attachment (%s): %s\n", a.FileType, a.URL)
		}
	}
}

// renderMarkdown keeps Chatwoot's content as the markdown it is, but
// writes every < as &lt;, so no tag in a message becomes live HTML in a
// markdown viewer.
func renderMarkdown(w *bufio.Writer, t *Transcript, tf TimeFormat) {
	md := func(s string) string { return strings.ReplaceAll(s, "<", "&lt;") }
	fmt.Fprintf(w, "# Conversation %d\n\n", t.Conversation.ID)
	for _, h := range header(t, tf) {
		fmt.Fprintf(w, "- **%s:** %s\n", h[0], md(h[1]))
	}
	for _, e := range t.Messages {
		w.WriteByte('\n')
		switch e.Kind {
		case KindActivity:
			fmt.Fprintf(w, "*%s: %s*\n", tf(e.Time), md(oneLine(e.Content)))
			continue
		case KindNote:
			fmt.Fprintf(w, "### %s (private note), %s\n\n", md(e.Author), tf(e.Time))
		default:
			fmt.Fprintf(w, "### %s, %s\n\n", md(e.Author), tf(e.Time))
		}
		if e.Content != "" {
			fmt.Fprintf(w, "%s\n", md(strings.TrimRight(e.Content, "\n")))
		}
		if len(e.Attachments) > 0 {
			if e.Content != "" {
				w.WriteByte('\n')
			}
			for _, a := range e.Attachments {
				switch {
				case a.URL == "": // a location or contact card: nothing to link to
					fmt.Fprintf(w, "- attachment (%s)\n", a.FileType)
					continue
				case !safeLink(a.URL): // shown, never clickable
					fmt.Fprintf(w, "- attachment (%s) %s\n", a.FileType, md("`"+strings.ReplaceAll(a.URL, "`", "")+"`"))
					continue
				}
				fmt.Fprintf(w, "- [%s](%s) (%s)\n", markdownLinkText(a.Name), a.URL, a.FileType)
			}
		}
	}
}

// markdownLinkText keeps a file name from closing the link early.
func markdownLinkText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`).Replace(s)
}

func renderHTML(w *bufio.Writer, t *Transcript, tf TimeFormat) {
	esc := html.EscapeString
	fmt.Fprintf(w, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>Conversation %d</title>\n", t.Conversation.ID)
	w.WriteString("<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}.note{background:#fff8e1}.activity{color:#666;font-style:italic}.message,.note{border-left:3px solid #ccc;padding:.2em .8em;margin:1em 0}.incoming{border-color:#1f93ff}pre{white-space:pre-wrap;font-family:inherit;margin:.3em 0}</style>\n")
	fmt.Fprintf(w, "</head>\n<body>\n<h1>Conversation %d</h1>\n<dl>\n", t.Conversation.ID)
	for _, h := range header(t, tf) {
		fmt.Fprintf(w, "<dt>%s</dt><dd>%s</dd>\n", esc(h[0]), esc(h[1]))
	}
	w.WriteString("</dl>\n")
	for _, e := range t.Messages {
		if e.Kind == KindActivity {
			fmt.Fprintf(w, "<p class=\"activity\"><time datetime=\"%s\">%s</time> %s</p>\n", RFC3339(e.Time), esc(tf(e.Time)), esc(e.Content))
			continue
		}
		label := ""
		if e.Kind == KindNote {
			label = " (private note)"
		}
		fmt.Fprintf(w, "<div class=\"%s %s\">\n<p><strong>%s</strong>%s <time datetime=\"%s\">%s</time></p>\n",
			e.Kind, e.Direction, esc(e.Author), label, RFC3339(e.Time), esc(tf(e.Time)))
		if e.Content != "" {
			fmt.Fprintf(w, "<pre>%s</pre>\n", esc(e.Content))
		}
		for _, a := range e.Attachments {
			if safeLink(a.URL) {
				fmt.Fprintf(w, "<p>attachment (%s): <a href=\"%s\">%s</a></p>\n", esc(a.FileType), esc(a.URL), esc(a.Name))
			} else {
				fmt.Fprintf(w, "<p>attachment (%s): %s</p>\n", esc(a.FileType), esc(a.URL))
			}
		}
		w.WriteString("</div>\n")
	}
	w.WriteString("</body>\n</html>\n")
}

// safeLink is true for http and https URLs only: a javascript: or data:
// URL in a message must not become a link someone clicks.
func safeLink(u string) bool {
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
