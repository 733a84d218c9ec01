package bulk

import (
	"fmt"
	"net/url"
	"strings"
)

// validate checks a contact the way Chatwoot would, so that bad rows are
// rejected with a reason before anything is sent. It normalises the phone
// number (a leading + is added, as Chatwoot's own import does).
func (d *contactData) validate() []string {
	var problems []string
	if d.name == "" && d.email == "" && d.phone == "" && d.identifier == "" {
		problems = append(problems, "the row has none of name, email, phone_number, identifier: a contact needs at least one")
	}
	if d.email != "" && !validEmail(d.email) {
		problems = append(problems, fmt.Sprintf("email %q is not an email address", d.email))
	}
	if d.phone != "" {
		p, ok := normalizePhone(d.phone)
		if !ok {
			problems = append(problems, fmt.Sprintf("phone_number %q is not an international number (E.164, e.g. +14155550123)", d.phone))
		}
		d.phone = p
	}
	if d.avatarURL != "" {
		if u, err := url.Parse(d.avatarURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			problems = append(problems, fmt.Sprintf("avatar_url %q is not an http(s) URL", d.avatarURL))
		}
	}
	return problems
}

// validEmail is a shape check, not RFC 5322: one @, something before it, a
// dotted domain after it, no spaces or address-list punctuation.
func validEmail(s string) bool {
	if strings.ContainsAny(s, " \t<>(),;:\"[]\\") {
		return false
	}
	at := strings.IndexByte(s, '@')
	if at < 1 || at != strings.LastIndexByte(s, '@') {
		return false
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	return dot > 0 && dot < len(domain)-1 && !strings.Contains(domain, "..") && domain[0] != '.'
}

// normalizePhone strips common separators, adds the + Chatwoot requires,
// and checks E.164: + then 2 to 15 digits, the first not 0.
func normalizePhone(s string) (string, bool) {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
		case strings.ContainsRune(" -().\u00a0/", r):
		default:
			return s, false
		}
	}
	digits := b.String()
	if len(digits) < 2 || len(digits) > 15 || digits[0] == '0' {
		return s, false
	}
	return "+" + digits, true
}

// body is the JSON object Chatwoot's contact create or update takes.
// company_name, city and country live in additional_attributes, as in
// Chatwoot's contact schema. inboxID (create only) also makes the contact
// reachable in that inbox.
func (d *contactData) body(inboxID int64) map[string]any {
	b := map[string]any{}
	put := func(k, v string) {
		if v != "" {
			b[k] = v
		}
	}
	put("name", d.name)
	put("email", d.email)
	put("phone_number", d.phone)
	put("identifier", d.identifier)
	put("avatar_url", d.avatarURL)
	if d.blocked != nil {
		b["blocked"] = *d.blocked
	}
	if len(d.additional) > 0 {
		b["additional_attributes"] = d.additional
	}
	if len(d.custom) > 0 {
		b["custom_attributes"] = d.custom
	}
	if inboxID > 0 {
		b["inbox_id"] = inboxID
	}
	return b
}

// matchKeys are the fields a contact can be found by, in Chatwoot's own
// import order.
var matchKeys = []string{"identifier", "email", "phone_number"}

func (d *contactData) keyValue(key string) string {
	switch key {
	case "identifier":
		return d.identifier
	case "email":
		return d.email
	case "phone_number":
		return d.phone
	}
	return ""
}

// lockKeys names the identities a row touches, so two rows about the same
// contact never race each other into a duplicate.
func (d *contactData) lockKeys() []string {
	var keys []string
	for _, k := range matchKeys {
		if v := d.keyValue(k); v != "" {
			keys = append(keys, k+"="+strings.ToLower(v))
		}
	}
	return keys
}

// ValidateMatch checks a --match list: identifier, email, phone_number.
func ValidateMatch(keys []string) error {
	for _, k := range keys {
		ok := false
		for _, m := range matchKeys {
			ok = ok || k == m
		}
		if !ok {
			return fmt.Errorf("cannot match contacts by %q: use identifier, email or phone_number", k)
		}
	}
	return nil
}
