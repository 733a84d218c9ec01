package bulk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// findContact looks a contact up by the given keys. It uses one
// POST contacts/filter with equal_to conditions joined by OR rather than
// contacts/search: the filter compares whole values (search matches
// substrings of names and emails), and Chatwoot rate-limits search to 100
// calls a minute per account. Among the candidates the first key in keys
// order that matches exactly wins; by names it.
func (j *job) findContact(ctx context.Context, d *contactData, keys []string) (found *apiContact, by string, err error) {
	conds := filterConditions(d, keys)
	if len(conds) == 0 {
		return nil, "", nil
	}
	body, err := j.lookup(ctx, http.MethodPost, j.path("/contacts/filter"), map[string]any{"payload": conds})
	if err != nil {
		return nil, "", fmt.Errorf("look up contact: %w", err)
	}
	var v struct {
		Payload []apiContact `json:"payload"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, "", fmt.Errorf("look up contact: %w", err)
	}
	for _, k := range keys {
		want := d.keyValue(k)
		if want == "" {
			continue
		}
		for i := range v.Payload {
			if sameValue(k, &v.Payload[i], want) {
				return &v.Payload[i], k, nil
			}
		}
	}
	return nil, "", nil
}

// filterConditions builds the filter payload. The last condition carries
// no query_operator: Chatwoot's UI sends null there, which its own spec
// does not allow, and leaving the key out is valid for both.
func filterConditions(d *contactData, keys []string) []map[string]any {
	var conds []map[string]any
	for _, k := range keys {
		if v := d.keyValue(k); v != "" {
			conds = append(conds, map[string]any{"attribute_key": k, "filter_operator": "equal_to", "values": []string{v}})
		}
	}
	for i := 0; i < len(conds)-1; i++ {
		conds[i]["query_operator"] = "OR"
	}
	return conds
}

// sameValue compares as Chatwoot stores: emails without regard to case,
// identifiers and (normalised) phone numbers exactly.
func sameValue(key string, c *apiContact, want string) bool {
	switch key {
	case "identifier":
		return c.Identifier == want
	case "email":
		return strings.EqualFold(c.Email, want)
	case "phone_number":
		return c.PhoneNumber == want
	}
	return false
}

// isSameContact is true when c carries every identity and the name the row
// has, i.e. c is what creating this row would have produced.
func isSameContact(c *apiContact, d *contactData) bool {
	for _, k := range matchKeys {
		if v := d.keyValue(k); v != "" && !sameValue(k, c, v) {
			return false
		}
	}
	return d.name == "" || c.Name == d.name
}

func hasMatchKey(d *contactData) bool {
	for _, k := range matchKeys {
		if d.keyValue(k) != "" {
			return true
		}
	}
	return false
}

// describeMatch is the dry run's account of a lookup it did not send.
func describeMatch(d *contactData, keys []string) string {
	var parts []string
	for _, k := range keys {
		if v := d.keyValue(k); v != "" {
			parts = append(parts, fmt.Sprintf("%s=%q", k, v))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "would match by " + strings.Join(parts, ", then ")
}
