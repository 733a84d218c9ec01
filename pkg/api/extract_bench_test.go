package api

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// contactsPage is a page of 15 contacts in the shape of Chatwoot's
// contacts/index.json.jbuilder (FACTS.md §5), contact inboxes included.
func contactsPage(page int) []byte {
	var items []string
	for i := range 15 {
		id := page*15 + i
		items = append(items, fmt.Sprintf(`{"additional_attributes":{"city":"Lisbon","country":"Portugal","company_name":"Acme %d","description":"","social_profiles":{"github":"","twitter":""}},"availability_status":"offline","email":"contact%d@example.com","id":%d,"name":"Contact %d","phone_number":"+35191%07d","blocked":false,"identifier":"ext-%d","thumbnail":"","custom_attributes":{"plan":"pro","seats":%d},"last_activity_at":1732190000,"created_at":1732100000,"contact_inboxes":[{"source_id":"8d5c4c8e-6a4c-4d1a-9f3e-%012d","inbox":{"id":1,"avatar_url":"","channel_id":1,"name":"Website","channel_type":"Channel::WebWidget","provider":null}}]}`, id, id, id, id, id, id, id%50, id))
	}
	return []byte(fmt.Sprintf(`{"meta":{"count":10000,"current_page":%d},"payload":[%s]}`, page, strings.Join(items, ",")))
}

// BenchmarkItemsContactsPage parses a page of contacts as a list reads
// it; the figure per item is ns/op / 15.
func BenchmarkItemsContactsPage(b *testing.B) {
	body := contactsPage(3)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		items, err := Items(body, "payload")
		if err != nil || len(items) != 15 {
			b.Fatal(err, len(items))
		}
	}
}

// itemsTwoPass is how Items parsed a page before it parsed it once: the
// body into a map, then the array again. Kept as the benchmark's baseline.
func itemsTwoPass(body []byte, path string) ([]json.RawMessage, error) {
	raw, err := Extract(body, path)
	if err != nil {
		return nil, err
	}
	var items []json.RawMessage
	err = json.Unmarshal(raw, &items)
	return items, err
}

// BenchmarkItemsContactsPageTwoPass is the baseline of BenchmarkItemsContactsPage.
func BenchmarkItemsContactsPageTwoPass(b *testing.B) {
	body := contactsPage(3)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		items, err := itemsTwoPass(body, "payload")
		if err != nil || len(items) != 15 {
			b.Fatal(err, len(items))
		}
	}
}
