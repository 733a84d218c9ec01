package operation_test

import (
	"fmt"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

const appV1 = "/api/v1/accounts/1"

func contactSearchPage(ids ...int) string {
	var parts []string
	for _, id := range ids {
		parts = append(parts, cmdtest.ContactJSON(id))
	}
	// Search reads one row ahead: count is the rows on this page, has_more
	// says whether another page follows (FACTS.md §5).
	return fmt.Sprintf(`{"meta":{"count":%d,"current_page":1,"has_more":false},"payload":[%s]}`, len(ids), joinStrings(parts))
}

func contactInboxJSON(sourceID string, inboxID int, name, channel string) string {
	return fmt.Sprintf(`{"source_id":%q,"inbox":{"id":%d,"avatar_url":"","channel_id":%d,"name":%q,"channel_type":%q,"provider":null}}`,
		sourceID, inboxID, inboxID+10, name, channel)
}

func appContactCases() []appCase {
	filter := `[{"attribute_key":"country_code","filter_operator":"equal_to","values":["de"],"query_operator":"AND"},` +
		`{"attribute_key":"city","filter_operator":"contains","values":["Berlin"]}]`
	return []appCase{
		{
			command: "contacts list",
			args:    appArgs("contacts list --sort -last_activity_at --jq .[].email"),
			method:  "GET", path: appV1 + "/contacts", query: appQuery("page", "1", "sort", "-last_activity_at"),
			resp:   cmdtest.ContactsPage(2, 1),
			stdout: "contact1@example.com\ncontact2@example.com\n",
		},
		{
			command: "contacts search",
			args:    appArgs("contacts search --q lisbon --sort name --jq .[].name"),
			method:  "GET", path: appV1 + "/contacts/search", query: appQuery("page", "1", "q", "lisbon", "sort", "name"),
			resp:   contactSearchPage(4, 9),
			stdout: "Contact 4\nContact 9\n",
		},
		{
			command: "contacts filter",
			// FACTS.md §10: the last condition leaves query_operator out, which
			// both the spec and the server accept.
			args:   appArgs("contacts filter --payload", filter, "--jq", `.[] | "\(.id) \(.additional_attributes.city)"`),
			method: "POST", path: appV1 + "/contacts/filter", query: appQuery("page", "1"),
			body:   `{"payload":` + filter + `}`,
			resp:   cmdtest.ContactsPage(1, 1),
			stdout: "1 Lisbon\n",
		},
		{
			command: "contacts list-active",
			args:    appArgs("contacts list-active --fields id,name,availability_status"),
			method:  "GET", path: appV1 + "/contacts/active", query: appQuery("page", "1"),
			resp:   `{"meta":{"count":1,"current_page":1},"payload":[` + cmdtest.ContactJSON(12) + `]}`,
			stdout: "12\tContact 12\toffline\n",
		},
		{
			command: "contacts get",
			args:    appArgs("contacts get 42 -o json --jq .custom_attributes.plan"),
			method:  "GET", path: appV1 + "/contacts/42",
			resp:   `{"payload":` + cmdtest.ContactJSON(42) + `}`,
			stdout: "pro\n",
		},
		{
			command: "contacts create",
			args: appArgs("contacts create --inbox-id 3 --name", "Ann Lee", "--email", "ann@example.com",
				"--phone-number", "+4915112345678", "--custom-attribute", "plan=pro", "--additional-attribute", "company_name=Acme",
				"-o", "json", "--jq", `"\(.id) \(.contact_inboxes[0].source_id)"`),
			method: "POST", path: appV1 + "/contacts",
			body: `{"inbox_id":3,"name":"Ann Lee","email":"ann@example.com","phone_number":"+4915112345678",` +
				`"custom_attributes":{"plan":"pro"},"additional_attributes":{"company_name":"Acme"}}`,
			resp: `{"payload":{"contact":{"id":42,"name":"Ann Lee","email":"ann@example.com","phone_number":"+4915112345678",` +
				`"identifier":null,"thumbnail":"","additional_attributes":{"company_name":"Acme"},"custom_attributes":{"plan":"pro"},` +
				`"availability_status":"offline","blocked":false,"last_activity_at":null,"created_at":1763712000,` +
				`"contact_inboxes":[{"source_id":"2f0c64d1-7e4b-4a34-9d8e-1b2f5c3a9e10","inbox":{"id":3,"name":"Mobile app","channel_type":"Channel::Api"}}]},` +
				`"contact_inbox":{"inbox":{"id":3,"name":"Mobile app"},"source_id":"2f0c64d1-7e4b-4a34-9d8e-1b2f5c3a9e10"}}}`,
			stdout: "42 2f0c64d1-7e4b-4a34-9d8e-1b2f5c3a9e10\n",
		},
		{
			command: "contacts update",
			args:    appArgs("contacts update 42 --email ann@new.example.com --custom-attribute plan=enterprise --blocked=false --jq .email"),
			method:  "PUT", path: appV1 + "/contacts/42",
			body:   `{"email":"ann@new.example.com","custom_attributes":{"plan":"enterprise"},"blocked":false}`,
			resp:   `{"payload":` + replaceFirst(cmdtest.ContactJSON(42), "contact42@example.com", "ann@new.example.com") + `}`,
			stdout: "ann@new.example.com\n",
		},
		{
			command: "contacts delete",
			args:    appArgs("contacts delete 42 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/contacts/42",
			stderr: "✓ DELETE " + appV1 + "/contacts/42: 200",
		},
		{
			command: "contacts merge",
			args:    appArgs("contacts merge --base-contact-id 42 --mergee-contact-id 57 --yes -o json --jq", `"\(.id) \(.email)"`),
			method:  "POST", path: appV1 + "/actions/contact_merge",
			body:   `{"base_contact_id":42,"mergee_contact_id":57}`,
			resp:   cmdtest.ContactJSON(42),
			stdout: "42 contact42@example.com\n",
		},
		{
			command: "contacts conversations list",
			args:    appArgs("contacts conversations list 42 --jq", `.[] | "\(.id) \(.status) \(.meta.sender.id)"`),
			method:  "GET", path: appV1 + "/contacts/42/conversations",
			resp:   `{"payload":[` + cmdtest.ConversationJSON(42) + `]}`,
			stdout: "42 open 42\n",
		},
		{
			command: "contacts labels list",
			args:    appArgs("contacts labels list 42 --jq .[]"),
			method:  "GET", path: appV1 + "/contacts/42/labels",
			resp:   `{"payload":["vip","billing"]}`,
			stdout: "vip\nbilling\n",
		},
		{
			command: "contacts labels set",
			args:    appArgs("contacts labels set 42 --labels vip,billing --labels churn-risk --jq", `join(",")`),
			method:  "POST", path: appV1 + "/contacts/42/labels",
			body:   `{"labels":["vip","billing","churn-risk"]}`,
			resp:   `{"payload":["vip","billing","churn-risk"]}`,
			stdout: "vip,billing,churn-risk\n",
		},
		{
			command: "contacts inboxes create",
			args:    appArgs("contacts inboxes create 42 --inbox-id 5 --source-id +4915112345678 --jq", `"\(.source_id) \(.inbox.name)"`),
			method:  "POST", path: appV1 + "/contacts/42/contact_inboxes",
			body:   `{"inbox_id":5,"source_id":"+4915112345678"}`,
			resp:   contactInboxJSON("+4915112345678", 5, "WhatsApp", "Channel::Whatsapp"),
			stdout: "+4915112345678 WhatsApp\n",
		},
		{
			command: "contacts contactable-inboxes list",
			// Piped output is headerless TSV of the operation's default columns.
			args:   appArgs("contacts contactable-inboxes list 42"),
			method: "GET", path: appV1 + "/contacts/42/contactable_inboxes",
			resp: `{"payload":[` + contactInboxJSON("ann@example.com", 2, "Support mail", "Channel::Email") + `,` +
				contactInboxJSON("+4915112345678", 5, "WhatsApp", "Channel::Whatsapp") + `]}`,
			stdout: "ann@example.com\t2\tSupport mail\tChannel::Email\n+4915112345678\t5\tWhatsApp\tChannel::Whatsapp\n",
		},
		{
			command: "contacts custom-attributes delete",
			args:    appArgs("contacts custom-attributes delete 42 --keys plan,trial_ends_at --yes -o json --jq .custom_attributes"),
			method:  "POST", path: appV1 + "/contacts/42/destroy_custom_attributes",
			body:   `{"custom_attributes":["plan","trial_ends_at"]}`,
			resp:   `{"payload":` + replaceFirst(cmdtest.ContactJSON(42), `"custom_attributes":{"plan":"pro"}`, `"custom_attributes":{}`) + `}`,
			stdout: "{}\n",
		},
		{
			command: "contacts attachments list",
			args:    appArgs("contacts attachments list 42 --jq .[].data_url"),
			method:  "GET", path: appV1 + "/contacts/42/attachments", query: appQuery("page", "1"),
			resp:   `{"meta":{"total_count":1},"payload":[` + attachmentJSON(5) + `]}`,
			stdout: "https://chat.acme.example/rails/active_storage/blobs/5/invoice.pdf\n",
		},
		{
			command: "contacts server-import",
			args:    appArgs("contacts server-import --file {dir}/contacts.csv"), tty: true,
			files:  map[string]string{"contacts.csv": "name,email,phone_number\nAnn Lee,ann@example.com,+4915112345678\n"},
			method: "POST", path: appV1 + "/contacts/import",
			form:   map[string][]string{"import_file": {"name,email,phone_number\nAnn Lee,ann@example.com,+4915112345678\n"}},
			stderr: "✓ POST " + appV1 + "/contacts/import: 200",
		},
		{
			command: "contacts server-export",
			args:    appArgs("contacts server-export --column-names id,name,email,phone_number --label vip"), tty: true,
			method: "POST", path: appV1 + "/contacts/export",
			body:   `{"column_names":["id","name","email","phone_number"],"label":"vip"}`,
			stderr: "✓ POST " + appV1 + "/contacts/export: 200",
		},
		{
			command: "contacts notes list",
			args:    appArgs("contacts notes list 42 --jq", `.[] | "\(.id) \(.user.name): \(.content)"`),
			method:  "GET", path: appV1 + "/contacts/42/notes",
			resp:   `[` + noteJSON(7, "Prefers e-mail over phone") + `,` + noteJSON(8, "Renewal due in March") + `]`,
			stdout: "7 Agent Smith: Prefers e-mail over phone\n8 Agent Smith: Renewal due in March\n",
		},
		{
			command: "contacts notes get",
			args:    appArgs("contacts notes get 42 7 --fields id,content"),
			method:  "GET", path: appV1 + "/contacts/42/notes/7",
			resp:   noteJSON(7, "Prefers e-mail over phone"),
			stdout: "7\tPrefers e-mail over phone\n",
		},
		{
			command: "contacts notes create",
			args:    appArgs("contacts notes create 42 --content", "Prefers e-mail over phone", "--jq", ".id"),
			method:  "POST", path: appV1 + "/contacts/42/notes",
			body:   `{"content":"Prefers e-mail over phone"}`,
			resp:   noteJSON(7, "Prefers e-mail over phone"),
			stdout: "7\n",
		},
		{
			command: "contacts notes update",
			args:    appArgs("contacts notes update 42 7 --content", "Prefers phone after 5pm", "--jq", ".content"),
			method:  "PATCH", path: appV1 + "/contacts/42/notes/7",
			body:   `{"content":"Prefers phone after 5pm"}`,
			resp:   noteJSON(7, "Prefers phone after 5pm"),
			stdout: "Prefers phone after 5pm\n",
		},
		{
			command: "contacts notes delete",
			args:    appArgs("contacts notes delete 42 7 --yes"), tty: true,
			method: "DELETE", path: appV1 + "/contacts/42/notes/7",
			stderr: "✓ DELETE " + appV1 + "/contacts/42/notes/7: 200",
		},
	}
}

func TestAppContacts(t *testing.T) { runAppCases(t, appContactCases()) }
