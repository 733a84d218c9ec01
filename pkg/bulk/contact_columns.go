package bulk

import (
	"fmt"
	"sort"
	"strings"
)

// ContactColumns are the columns (CSV) or fields (NDJSON) a contact import
// understands, besides custom_attributes.<key> and additional_attributes.<key>.
// The names follow Chatwoot's contact schema and its own CSV import.
var ContactColumns = []string{
	"name", "email", "phone_number", "identifier", "company_name", "city",
	"country", "avatar_url", "blocked", "labels",
}

type columnKind int

const (
	colIgnore columnKind = iota
	colName
	colEmail
	colPhone
	colIdentifier
	colAvatar
	colBlocked
	colLabels
	colAdditional // additional_attributes.<key>, and company_name, city, country
	colCustom     // custom_attributes.<key>, and unknown columns with ExtraCustom
)

type column struct {
	kind columnKind
	key  string // the attribute key for colAdditional and colCustom
}

const (
	customPrefix     = "custom_attributes."
	additionalPrefix = "additional_attributes."
	// rejectsColumn and rejectsField carry the reason in a rejects file;
	// they are ignored on input so a fixed rejects file imports as is.
	rejectsColumn = "error"
	rejectsField  = "_error"
)

// contactColumn maps a column name. Known names are matched without regard
// to case or surrounding spaces; attribute keys keep their spelling.
func contactColumn(name string, extraCustom bool) (column, bool) {
	trimmed := strings.TrimSpace(name)
	lower := strings.ToLower(trimmed)
	switch lower {
	case "name":
		return column{kind: colName}, true
	case "email":
		return column{kind: colEmail}, true
	case "phone_number":
		return column{kind: colPhone}, true
	case "identifier":
		return column{kind: colIdentifier}, true
	case "avatar_url":
		return column{kind: colAvatar}, true
	case "blocked":
		return column{kind: colBlocked}, true
	case "labels":
		return column{kind: colLabels}, true
	case "company_name", "company": // Chatwoot's own import accepts both
		return column{kind: colAdditional, key: "company_name"}, true
	case "city", "country":
		return column{kind: colAdditional, key: lower}, true
	case rejectsColumn, rejectsField:
		return column{kind: colIgnore}, true
	}
	if strings.HasPrefix(lower, customPrefix) && len(trimmed) > len(customPrefix) {
		return column{kind: colCustom, key: trimmed[len(customPrefix):]}, true
	}
	if strings.HasPrefix(lower, additionalPrefix) && len(trimmed) > len(additionalPrefix) {
		return column{kind: colAdditional, key: trimmed[len(additionalPrefix):]}, true
	}
	if extraCustom && trimmed != "" {
		return column{kind: colCustom, key: trimmed}, true
	}
	return column{}, false
}

// contactHeader maps a CSV header, failing on unknown, empty or repeated
// columns (a typo must not silently drop a column of data), on a first
// line that is a row rather than a header, and on a header without a
// column to name the contact by, whose every row would be rejected.
func contactHeader(header []string, extraCustom bool, comma byte) ([]column, error) {
	if err := checkIsHeader(header); err != nil {
		return nil, err
	}
	cols, err := mapHeader(header, extraCustom, comma)
	if err != nil {
		return nil, err
	}
	for _, c := range cols {
		switch c.kind {
		case colName, colEmail, colPhone, colIdentifier:
			return cols, nil
		}
	}
	return nil, inputErrorf("no column names the contact: the header (%s, split at %s) has none of name, email, phone_number, identifier, so every row would be rejected; add one of them%s",
		quoteList(header), delimiterName(comma), delimiterHint(header, comma))
}

func mapHeader(header []string, extraCustom bool, comma byte) ([]column, error) {
	cols := make([]column, len(header))
	var unknown []string
	seen := map[string]int{}
	for i, h := range header {
		if strings.TrimSpace(h) == "" {
			return nil, inputErrorf("column %d of the header has no name: name it, or delete the column", i+1)
		}
		c, ok := contactColumn(h, extraCustom)
		if !ok {
			unknown = append(unknown, h)
			continue
		}
		id := fmt.Sprintf("%d/%s", c.kind, c.key)
		if prev, dup := seen[id]; dup && c.kind != colIgnore {
			return nil, inputErrorf("columns %d (%q) and %d (%q) set the same field: keep one", prev+1, header[prev], i+1, h)
		}
		seen[id] = i
		cols[i] = c
	}
	if len(unknown) > 0 {
		if hint := delimiterHint(unknown, comma); hint != "" {
			return nil, inputErrorf("unknown %s %s%s", plural("column", len(unknown)), quoteList(unknown), hint)
		}
		return nil, unknownColumnsError("column", unknown)
	}
	return cols, nil
}

// checkIsHeader refuses a first line that names no column woot knows and
// holds a value (an email address, a phone number, a URL, a number): the
// file has no header row, and reading its first row as one would send
// every column to the wrong field.
func checkIsHeader(header []string) error {
	for _, h := range header {
		if c, ok := contactColumn(h, false); ok && c.kind != colIgnore {
			return nil
		}
	}
	for _, h := range header {
		if what := valueKind(strings.TrimSpace(h)); what != "" {
			return inputErrorf("line 1 is a row, not a header (%q is %s): a CSV import starts with a header row naming its columns, such as name,email,phone_number; add one as the first line", h, what)
		}
	}
	return nil
}

// valueKind names what s looks like when it is a value no column is named.
func valueKind(s string) string {
	lower := strings.ToLower(s)
	switch {
	case s == "":
		return ""
	case validEmail(s):
		return "an email address"
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		return "a URL"
	case strings.Trim(s, "0123456789") == "":
		return "a number"
	case strings.Trim(s, "+0123456789 -().") == "" && strings.ContainsAny(s, "0123456789"):
		return "a phone number"
	}
	return ""
}

// delimiterCandidates are the delimiters detected from a CSV header row.
var delimiterCandidates = []byte{',', ';', '\t'}

// detectDelimiter picks the delimiter that splits the header row into the
// most known columns, then into the most columns; a comma by default.
// Spreadsheets in many locales save CSV with semicolons.
func detectDelimiter(line []byte) byte {
	best, bestKnown, bestFields := byte(','), -1, 0
	for _, comma := range delimiterCandidates {
		p := &csvParse{comma: comma}
		p.feed(line)
		known := 0
		for _, f := range p.fields() {
			if c, ok := contactColumn(f, false); ok && c.kind != colIgnore {
				known++
			}
		}
		if known > bestKnown || (known == bestKnown && p.count() > bestFields) {
			best, bestKnown, bestFields = comma, known, p.count()
		}
	}
	return best
}

// delimiterHint suggests --delimiter when column names hold another
// candidate delimiter than the one in use.
func delimiterHint(names []string, comma byte) string {
	for _, d := range delimiterCandidates {
		if d == comma {
			continue
		}
		for _, n := range names {
			if strings.IndexByte(n, d) >= 0 {
				return fmt.Sprintf(": the header holds %s; if that separates the columns, pass --delimiter %s", delimiterName(d), delimiterFlag(d))
			}
		}
	}
	return ""
}

func delimiterName(d byte) string {
	switch d {
	case '\t':
		return "tabs"
	case ';':
		return "semicolons"
	case ',':
		return "commas"
	}
	return fmt.Sprintf("%q", string(d))
}

func delimiterFlag(d byte) string {
	switch d {
	case '\t':
		return "tab"
	case ';':
		return "';'"
	}
	return string(d)
}

// ParseDelimiter reads a --delimiter: one ASCII character other than a
// quote or a line break, or "tab".
func ParseDelimiter(s string) (byte, error) {
	switch {
	case strings.EqualFold(s, "tab") || s == "\\t" || s == "\t":
		return '\t', nil
	case len(s) == 1 && s[0] < 0x80 && !strings.Contains("\"\r\n", s):
		return s[0], nil
	}
	return 0, fmt.Errorf("--delimiter %q: give one character (such as ';' or '|'), or tab", s)
}

func plural(what string, n int) string {
	if n > 1 {
		return what + "s"
	}
	return what
}

func unknownColumnsError(what string, names []string) error {
	sort.Strings(names)
	plural := what
	if len(names) > 1 {
		plural += "s"
	}
	return inputErrorf("unknown %s %s: known are %s, custom_attributes.<key> and additional_attributes.<key>; rename the %s, or pass --extra custom to import unknown %ss as custom attributes",
		plural, quoteList(names), strings.Join(ContactColumns, ", "), plural, what)
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
