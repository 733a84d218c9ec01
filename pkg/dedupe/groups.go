package dedupe

import (
	"sort"
	"strings"
)

// Contact is what a duplicate search knows of a contact.
type Contact struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	Email         string `json:"email"`
	PhoneNumber   string `json:"phone_number"`
	Identifier    string `json:"identifier"`
	CreatedAt     int64  `json:"created_at"`
	Conversations int    `json:"conversations"`
}

func (c Contact) field(name string) string {
	switch name {
	case "email":
		return c.Email
	case "phone_number":
		return c.PhoneNumber
	case "identifier":
		return c.Identifier
	}
	return c.Name
}

// Group is a set of contacts that share at least one normalised value,
// directly or through each other (A shares an email with B, B a phone
// number with C: one group).
type Group struct {
	MatchedBy []string  `json:"matched_by"` // the fields that tied them: email, phone_number…
	Keys      []string  `json:"keys"`       // the shared values: "email:ann@example.com"
	Contacts  []Contact `json:"contacts"`
}

// Find groups contacts by the given fields. Groups come ordered by their
// smallest contact id, contacts by id.
func Find(contacts []Contact, fields []string, countryCode string) []Group {
	parent := make([]int, len(contacts))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	first := map[string]int{} // key → first contact with it
	shared := map[string]bool{}
	for i, c := range contacts {
		for _, f := range fields {
			v := Normalise(f, c.field(f), countryCode)
			if v == "" {
				continue
			}
			key := f + ":" + v
			if j, ok := first[key]; ok {
				shared[key] = true
				parent[root(i)] = root(j)
			} else {
				first[key] = i
			}
		}
	}
	members := map[int][]int{}
	for i := range contacts {
		r := root(i)
		members[r] = append(members[r], i)
	}
	var groups []Group
	for _, idx := range members {
		if len(idx) < 2 {
			continue
		}
		g := Group{}
		keys := map[string]bool{}
		for _, i := range idx {
			g.Contacts = append(g.Contacts, contacts[i])
			for _, f := range fields {
				key := f + ":" + Normalise(f, contacts[i].field(f), countryCode)
				if shared[key] {
					keys[key] = true
				}
			}
		}
		for k := range keys {
			g.Keys = append(g.Keys, k)
		}
		sort.Strings(g.Keys)
		seen := map[string]bool{}
		for _, k := range g.Keys {
			f := k[:strings.IndexByte(k, ':')]
			if !seen[f] {
				seen[f] = true
				g.MatchedBy = append(g.MatchedBy, f)
			}
		}
		sort.Slice(g.Contacts, func(a, b int) bool { return g.Contacts[a].ID < g.Contacts[b].ID })
		groups = append(groups, g)
	}
	sort.Slice(groups, func(a, b int) bool { return groups[a].Contacts[0].ID < groups[b].Contacts[0].ID })
	return groups
}

// Survivor is the contact a group keeps: the one with the most
// conversations, then the oldest, then the smallest id.
func Survivor(g Group) Contact {
	best := g.Contacts[0]
	for _, c := range g.Contacts[1:] {
		switch {
		case c.Conversations != best.Conversations:
			if c.Conversations > best.Conversations {
				best = c
			}
		case c.CreatedAt != best.CreatedAt:
			if c.CreatedAt < best.CreatedAt {
				best = c
			}
		case c.ID < best.ID:
			best = c
		}
	}
	return best
}
