// Package dedupe finds groups of contacts that are probably the same
// person (the same email, phone number, identifier or name once
// normalised), picks the contact each group keeps, and reads and writes
// the editable merge plan. It knows no HTTP.
package dedupe

import (
	"strings"
	"unicode"
)

// Fields a duplicate search can compare.
var Fields = []string{"email", "phone_number", "identifier", "name"}

// DefaultFields are compared when --by is not given: names alone are too
// often shared by different people.
var DefaultFields = []string{"email", "phone_number", "identifier"}

// Normalise returns the comparable form of a contact field's value, or ""
// when the value cannot take part (empty, or not a phone number).
// countryCode (digits, "44") completes phone numbers written without one.
func Normalise(field, value, countryCode string) string {
	switch field {
	case "phone_number":
		return Phone(value, countryCode)
	case "email":
		return strings.ToLower(strings.Join(strings.Fields(value), ""))
	}
	return strings.ToLower(strings.Join(strings.Fields(value), " "))
}

// Phone brings a phone number to E.164 (+ and 7-15 digits) with a small
// set of rules rather than a numbering-plan database: spaces, dots,
// dashes, slashes and brackets go; a leading 00 becomes +; "(0)" after a
// country code goes ("+44 (0)20…"). A number without a country code gets
// countryCode, its one leading trunk 0 dropped; without countryCode it is
// compared by its digits alone, so it only matches numbers written the
// same way. It returns "" for anything else (letters, extensions).
func Phone(raw, countryCode string) string {
	s := strings.TrimSpace(raw)
	if s == "" {
		return ""
	}
	plus := false
	switch {
	case strings.HasPrefix(s, "+"):
		plus, s = true, s[1:]
	case strings.HasPrefix(s, "00"):
		plus, s = true, s[2:]
	}
	if plus {
		s = strings.Replace(s, "(0)", "", 1)
	}
	var digits strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case unicode.IsSpace(r) || strings.ContainsRune(".-/()", r):
		default:
			return ""
		}
	}
	d := digits.String()
	if !plus {
		if countryCode == "" {
			if len(d) < 7 || len(d) > 15 {
				return ""
			}
			return d // no country: digits only, never equal to an E.164 form
		}
		d = countryCode + strings.TrimPrefix(d, "0")
	}
	if len(d) < 7 || len(d) > 15 || d[0] == '0' {
		return ""
	}
	return "+" + d
}
