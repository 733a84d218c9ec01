package output

import (
	"strings"
	"testing"
)

// searchPayload is the payload of GET /api/v1/accounts/{id}/search in the
// shape of Chatwoot's search views: a conversation result is {id,
// account_id, created_at, message, contact, inbox, agent}.
const searchPayload = `{"conversations":[{"id":7,"account_id":1,"created_at":1699990000,"message":{"id":90,"content":"order 1001 is late","message_type":0,"content_type":"text","source_id":null,"inbox_id":3,"conversation_id":7,"created_at":1699990000,"sender":{"id":5,"name":"Ann Lee","type":"contact"},"inbox":{"id":3,"name":"Website","channel_type":"Channel::WebWidget"}},"contact":{"email":"ann@example.com","id":5,"name":"Ann Lee","phone_number":null,"identifier":null,"additional_attributes":{},"last_activity_at":1699990000},"inbox":{"id":3,"name":"Website","channel_type":"Channel::WebWidget"},"agent":{"id":2,"name":"Agent Smith","available_name":"Agent Smith","email":"smith@example.com"}}],` +
	`"contacts":[{"email":"ann@example.com","id":5,"name":"Ann Lee","phone_number":"+4915100000","identifier":"crm-5","additional_attributes":{},"last_activity_at":1699990000}],` +
	`"messages":[]}`

var searchColumns = []string{
	"contacts[].id", "contacts[].name", "contacts[].email",
	"conversations[].id", "conversations[].contact.name", "conversations[].inbox.name", "conversations[].agent.name",
	"messages[].id", "messages[].content",
}

// A result of several lists prints one table per non-empty kind, with the
// kind's own columns, instead of JSON arrays in cells.
func TestSectionsTable(t *testing.T) {
	ios, out, _ := testIO(true)
	if err := printObject(t, ios, Options{Columns: searchColumns}, searchPayload); err != nil {
		t.Fatal(err)
	}
	want := "CONTACTS\n" +
		"ID  NAME     EMAIL\n" +
		"5   Ann Lee  ann@example.com\n" +
		"\n" +
		"CONVERSATIONS\n" +
		"ID  CONTACT NAME  INBOX NAME  AGENT NAME\n" +
		"7   Ann Lee       Website     Agent Smith\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// Piped, each result is a row led by its kind, so grep and cut work.
func TestSectionsDelimited(t *testing.T) {
	tests := []struct{ format, want string }{
		{"", "contacts\t5\tAnn Lee\tann@example.com\nconversations\t7\tAnn Lee\tWebsite\tAgent Smith\n"},
		{"tsv", "kind\tid\tname\temail\ncontacts\t5\tAnn Lee\tann@example.com\n" +
			"kind\tid\tcontact.name\tinbox.name\tagent.name\nconversations\t7\tAnn Lee\tWebsite\tAgent Smith\n"},
		{"csv", "kind,id,name,email\ncontacts,5,Ann Lee,ann@example.com\n" +
			"kind,id,contact.name,inbox.name,agent.name\nconversations,7,Ann Lee,Website,Agent Smith\n"},
	}
	for _, tt := range tests {
		ios, out, _ := testIO(false)
		if err := printObject(t, ios, Options{Format: tt.format, Columns: searchColumns}, searchPayload); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want {
			t.Errorf("-o %q: got %q, want %q", tt.format, out, tt.want)
		}
	}
}

// --fields takes section paths too: for JSON they keep those fields of
// each element; an unknown kind is a usage error naming the kinds.
func TestSectionsFields(t *testing.T) {
	ios, out, _ := testIO(false)
	if err := printObject(t, ios, Options{Format: "ndjson", Fields: []string{"contacts[].name", "conversations[].agent.name"}}, searchPayload); err != nil {
		t.Fatal(err)
	}
	if want := `{"contacts":[{"name":"Ann Lee"}],"conversations":[{"agent":{"name":"Agent Smith"}}]}` + "\n"; out.String() != want {
		t.Errorf("got %q, want %q", out, want)
	}
	ios, _, _ = testIO(true)
	err := printObject(t, ios, Options{Fields: []string{"contact[].name"}}, searchPayload)
	if err == nil || !strings.Contains(err.Error(), `unknown field "contact[].name" in --fields: the items have conversations, contacts, messages`) {
		t.Errorf("got %v", err)
	}
}
