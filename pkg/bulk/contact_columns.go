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
// columns: a typo must not silently drop a column of data.
func contactHeader(header []string, extraCustom bool) ([]column, error) {
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
		return nil, unknownColumnsError("column", unknown)
	}
	return cols, nil
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
