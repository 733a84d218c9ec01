package sandbox

import "github.com/wootcli/woot/pkg/sandbox/store"

// Search results of conversations follow Chatwoot's
// app/views/api/v1/accounts/search/_conversation_search_result.json.jbuilder
// and its partials (_message, _contact, _inbox, _agent): a summary, not the
// full conversation. A missing part renders as an empty object, as the
// partial does when its condition fails.

func conversationSearchResult(st *store.State, cv *store.Conversation) obj {
	out := obj{"id": cv.DisplayID, "account_id": cv.AccountID, "created_at": cv.CreatedAt,
		"message": obj{}, "contact": obj{}, "inbox": obj{}, "agent": obj{}}
	if len(cv.Messages) > 0 {
		out["message"] = searchMessage(st, cv, cv.Messages[0])
	}
	if ct := st.ContactOf(cv.ContactID); ct != nil {
		out["contact"] = searchContact(ct)
	}
	if in := st.InboxOf(cv.InboxID); in != nil {
		out["inbox"] = searchInbox(in)
	}
	if u := st.User(cv.AssigneeID); u != nil && cv.AssigneeID != 0 {
		agent := obj{"id": u.ID, "available_name": availableName(u), "email": u.Email, "name": u.Name, "role": nil}
		if au := st.AccountUser(cv.AccountID, u.ID); au != nil {
			agent["role"] = au.Role
		}
		out["agent"] = agent
	}
	return out
}

func searchMessage(st *store.State, cv *store.Conversation, m *store.Message) obj {
	out := obj{"id": m.ID, "content": m.Content, "message_type": m.MessageType, "content_type": orDefault(m.ContentType, "text"),
		"source_id": strOrNil(m.SourceID), "inbox_id": cv.InboxID, "conversation_id": cv.DisplayID,
		"created_at": m.CreatedAt, "inbox": obj{}}
	if sender := senderPush(st, cv.AccountID, m); sender != nil {
		out["sender"] = sender
	}
	if in := st.InboxOf(cv.InboxID); in != nil {
		out["inbox"] = searchInbox(in)
	}
	return out
}

func searchContact(ct *store.Contact) obj {
	return obj{"email": strOrNil(ct.Email), "id": ct.ID, "name": ct.Name, "phone_number": strOrNil(ct.PhoneNumber),
		"identifier": strOrNil(ct.Identifier), "additional_attributes": orEmpty(ct.AdditionalAttributes),
		"last_activity_at": intOrNil(ct.LastActivityAt)}
}

func searchInbox(in *store.Inbox) obj {
	return obj{"id": in.ID, "channel_id": in.ChannelID, "name": in.Name, "channel_type": in.ChannelType}
}
