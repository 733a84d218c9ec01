package cmdtest

import (
	"fmt"
	"strings"
)

// Fixtures in the shapes Chatwoot's server renders (FACTS.md §5).

func ContactJSON(id int) string {
	return fmt.Sprintf(`{"additional_attributes":{"city":"Lisbon","company_name":"Acme"},"availability_status":"offline","email":"contact%d@example.com","id":%d,"name":"Contact %d","phone_number":"+35191000%04d","blocked":false,"identifier":"ext-%d","thumbnail":"","custom_attributes":{"plan":"pro"},"last_activity_at":1763712000,"created_at":1763700000,"contact_inboxes":[]}`, id, id, id, id, id)
}

func ConversationJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"account_id":1,"inbox_id":1,"status":"open","priority":null,"labels":["billing"],"unread_count":0,"muted":false,"can_reply":true,"timestamp":1763712000,"created_at":1763700000,"last_activity_at":1763712000,"meta":{"sender":{"id":%d,"name":"Contact %d","email":"contact%d@example.com","type":"contact"},"assignee":{"id":2,"name":"Agent Smith","available_name":"Agent Smith","type":"user"},"channel":"Channel::Api","hmac_verified":false},"messages":[],"additional_attributes":{},"custom_attributes":{},"agent_last_seen_at":0,"contact_last_seen_at":0}`, id, id, id, id)
}

func messageJSON(id int) string {
	return fmt.Sprintf(`{"id":%d,"content":"message %d","account_id":1,"inbox_id":1,"conversation_id":7,"message_type":0,"created_at":%d,"private":false,"status":"sent","source_id":null,"content_type":"text","content_attributes":{},"sender_type":"Contact","sender_id":3,"attachments":[]}`, id, id, 1763700000+id)
}

func JoinObjects(from, to int, one func(int) string) string {
	var parts []string
	for id := from; id <= to; id++ {
		parts = append(parts, one(id))
	}
	return strings.Join(parts, ",")
}

// contactsPage renders page p of n contacts, 15 a page.
func ContactsPage(n, p int) string {
	from, to := (p-1)*15+1, min(p*15, n)
	return fmt.Sprintf(`{"meta":{"count":%d,"current_page":%d},"payload":[%s]}`, n, p, JoinObjects(from, to, ContactJSON))
}

// conversationsPage renders page p of n conversations, 25 a page.
func ConversationsPage(n, p int) string {
	from, to := (p-1)*25+1, min(p*25, n)
	return fmt.Sprintf(`{"data":{"meta":{"mine_count":0,"assigned_count":%d,"unassigned_count":0,"all_count":%d},"payload":[%s]}}`, n, n, JoinObjects(from, to, ConversationJSON))
}

// messagesBefore renders the up-to-20 messages older than before (ascending).
func MessagesBefore(before int) string {
	return fmt.Sprintf(`{"meta":{"labels":[],"additional_attributes":{},"contact":{"id":3},"assignee":null,"agent_last_seen_at":null,"assignee_last_seen_at":null},"payload":[%s]}`, JoinObjects(max(1, before-20), before-1, messageJSON))
}
