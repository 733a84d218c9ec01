package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// The Client API addresses an API inbox by its inbox_identifier and a
// contact by its contact_inbox's source_id; no token.

func (c *ctx) publicInbox() *store.Inbox {
	in := c.st.InboxByIdentifier(c.r.PathValue("inbox_identifier"))
	if in == nil {
		c.notFound()
		return nil
	}
	c.acct = c.st.Account(in.AccountID)
	return in
}

func (c *ctx) publicContact() (*store.Inbox, *store.ContactInbox, *store.Contact) {
	in := c.publicInbox()
	if in == nil {
		return nil, nil, nil
	}
	ci := c.st.ContactInboxBySource(in.ID, c.r.PathValue("contact_identifier"))
	if ci == nil {
		c.notFound()
		return nil, nil, nil
	}
	ct := c.st.ContactOf(ci.ContactID)
	if ct == nil {
		c.notFound()
		return nil, nil, nil
	}
	return in, ci, ct
}

// identifierHash is hex(HMAC-SHA256(inbox hmac_token, identifier)), the
// identity check of FACTS §3.
func identifierHash(hmacToken, identifier string) string {
	m := hmac.New(sha256.New, []byte(hmacToken))
	m.Write([]byte(identifier))
	return hex.EncodeToString(m.Sum(nil))
}

// checkHMAC runs the identity validation: skipped when no hash is sent and
// the inbox does not demand one; otherwise the hash must match. It
// reports whether the request may go on and whether the contact is
// verified.
func (c *ctx) checkHMAC(in *store.Inbox) (ok, verified bool) {
	hash := str(c.params, "identifier_hash")
	if hash == "" && !in.HMACMandatory {
		return true, false
	}
	want := identifierHash(in.HMACToken, str(c.params, "identifier"))
	if !hmac.Equal([]byte(hash), []byte(want)) {
		c.unauthorized(errHMACFailed)
		return false, false
	}
	return true, true
}

func (c *ctx) showPublicInbox() {
	if in := c.publicInbox(); in != nil {
		c.ok(publicInbox(in))
	}
}

// clientContactFields are the contact fields the Client API stores
// (Public::Api::V1::Inboxes::ContactsController#permitted_params without
// identifier and identifier_hash, which only serve the HMAC check: the
// server neither stores the identifier nor finds a contact by it).
func clientContactFields(p obj) obj {
	out := obj{}
	for _, k := range []string{"name", "email", "phone_number", "avatar_url", "custom_attributes"} {
		if v, ok := p[k]; ok {
			out[k] = v
		}
	}
	return out
}

// createPublicContact creates the contact (or finds one by email, then
// phone number) with a new contact inbox, as ContactInboxWithContactBuilder
// does; a source_id of an existing contact inbox of the inbox answers that
// one. The identity check runs first, but marks nothing verified: the
// contact inbox does not exist yet when the server runs it.
func (c *ctx) createPublicContact() {
	in := c.publicInbox()
	if in == nil {
		return
	}
	if ok, _ := c.checkHMAC(in); !ok {
		return
	}
	sourceID := str(c.params, "source_id")
	if ci := c.st.ContactInboxBySource(in.ID, sourceID); sourceID != "" && ci != nil {
		if ct := c.st.ContactOf(ci.ContactID); ct != nil {
			c.ok(publicContact(ct, ci))
			return
		}
	}
	fields := clientContactFields(c.params)
	ct := c.st.ExistingContact(in.AccountID, "", str(fields, "email"), str(fields, "phone_number"))
	created := ct == nil
	if created {
		ct = &store.Contact{AccountID: in.AccountID, CustomAttributes: obj{}, AdditionalAttributes: obj{}}
		applyContactFields(ct, fields)
		if ct.Name == "" {
			ct.Name = defaultVisitorName(c.st)
		}
		if !c.validContact(ct) {
			return
		}
		c.st.AddContact(ct, c.now())
	}
	ci := c.st.NewContactInbox(ct, in, sourceID, c.now())
	if created {
		c.contactEvent("contact.created", ct, nil)
	}
	c.ok(publicContact(ct, ci))
}

// defaultVisitorName stands in for Chatwoot's generated visitor names.
func defaultVisitorName(st *store.State) string { return "visitor-" + st.NewToken(6) }

// showPublicContact runs the identity check too (process_hmac is a
// before_action of every contact route): a valid hash marks the contact
// inbox verified.
func (c *ctx) showPublicContact() {
	if ci, ct, ok := c.checkedPublicContact(); ok {
		c.ok(publicContact(ct, ci))
	}
}

// checkedPublicContact finds the request's contact and runs the identity
// check on it, as show and update do; false when it answered already.
func (c *ctx) checkedPublicContact() (*store.ContactInbox, *store.Contact, bool) {
	in, ci, ct := c.publicContact()
	if ct == nil {
		return nil, nil, false
	}
	ok, verified := c.checkHMAC(in)
	if !ok {
		return nil, nil, false
	}
	if verified {
		ci.HMACVerified = true
	}
	return ci, ct, true
}

func (c *ctx) updatePublicContact() {
	_, ct, ok := c.checkedPublicContact()
	if !ok {
		return
	}
	c.params = clientContactFields(c.params)
	if c.applyContactUpdate(ct) {
		c.ok(contactRecord(ct))
	}
}

func (c *ctx) createPublicConversation() {
	in, ci, ct := c.publicContact()
	if ct == nil {
		return
	}
	cv := c.st.NewConversation(c.acct, in, ct, ci, c.now())
	if in.AgentBotID != 0 {
		cv.Status = store.StatusPending
	}
	if m, ok := getObj(c.params, "custom_attributes"); ok {
		cv.CustomAttributes = copyObj(m)
	}
	c.conversationEvent("conversation.created", cv, nil)
	c.ok(publicConversation(c.st, cv))
}

// clientSees reports whether a contact inbox reaches a conversation on the
// conversation routes (Public::Api::V1::Inboxes::ConversationsController):
// a verified contact inbox reaches all of its contact's conversations, in
// any inbox; an unverified one those it started itself.
func clientSees(ci *store.ContactInbox, cv *store.Conversation) bool {
	if ci.HMACVerified {
		return cv.ContactID == ci.ContactID
	}
	return cv.ContactInboxID == ci.ID
}

func (c *ctx) listPublicConversations() {
	_, ci, ct := c.publicContact()
	if ct == nil {
		return
	}
	out := []obj{}
	for _, cv := range c.st.Conversations {
		if cv.AccountID == c.acct.ID && clientSees(ci, cv) {
			out = append(out, publicConversation(c.st, cv))
		}
	}
	c.ok(out)
}

// publicConversation finds the {conversation_id} conversation of the
// contact: on the conversation routes as clientSees says; on the message
// routes among all of the contact's conversations, verified or not
// (Public::Api::V1::InboxesController#set_conversation looks it up as
// @contact_inbox.contact.conversations).
func (c *ctx) publicConversation(onMessages bool) *store.Conversation {
	_, ci, ct := c.publicContact()
	if ct == nil {
		return nil
	}
	id, ok := c.pathID("conversation_id")
	if !ok {
		return nil
	}
	cv := c.st.Conversation(c.acct.ID, id)
	if cv == nil || (onMessages && cv.ContactID != ct.ID) || (!onMessages && !clientSees(ci, cv)) {
		c.notFound()
		return nil
	}
	return cv
}

func (c *ctx) showPublicConversation() {
	if cv := c.publicConversation(false); cv != nil {
		c.ok(publicConversation(c.st, cv))
	}
}

// resolvePublicConversation is the contact ending the chat.
func (c *ctx) resolvePublicConversation() {
	cv := c.publicConversation(false)
	if cv == nil {
		return
	}
	c.setStatus(cv, store.StatusResolved, 0)
	c.ok(publicConversation(c.st, cv))
}

func (c *ctx) publicTyping() {
	cv := c.publicConversation(false)
	if cv == nil {
		return
	}
	ts := str(c.params, "typing_status")
	if ts != "on" && ts != "off" {
		c.missing("typing_status")
		return
	}
	c.typingEvent(ts == "on", cv, false, true)
	c.head(http.StatusOK)
}

func (c *ctx) publicLastSeen() {
	cv := c.publicConversation(false)
	if cv == nil {
		return
	}
	cv.ContactLastSeenAt = c.now()
	c.agentOnlyEvent("conversation.read", cv)
	c.head(http.StatusOK)
}

func (c *ctx) listPublicMessages() {
	cv := c.publicConversation(true)
	if cv == nil {
		return
	}
	out := []obj{}
	for _, m := range cv.Messages {
		if !m.Private {
			out = append(out, publicMessage(c.st, cv, m))
		}
	}
	c.ok(out)
}

// createPublicMessage posts an incoming message from the contact.
func (c *ctx) createPublicMessage() {
	cv := c.publicConversation(true)
	if cv == nil {
		return
	}
	content, ok := getStr(c.params, "content")
	if !ok && len(c.files) == 0 {
		c.missing("content")
		return
	}
	m := &store.Message{Content: content, MessageType: store.MsgIncoming, SenderType: "Contact", SenderID: cv.ContactID, EchoID: str(c.params, "echo_id")}
	c.attachFiles(m)
	c.addMessage(cv, m)
	c.ok(publicMessage(c.st, cv, m))
}

// updatePublicMessage records a contact's answer to an interactive
// message (form, options, CSAT).
func (c *ctx) updatePublicMessage() {
	cv := c.publicConversation(true)
	if cv == nil {
		return
	}
	m := c.findMessage(cv)
	if m == nil {
		return
	}
	if m.ContentType == "input_csat" {
		// CsatSurveyListener#message_updated: answering the survey message
		// records the conversation's CSAT response (CsatSurveys::
		// ResponseBuilder, after the update: a bad rating fails there, not
		// in this request).
		values, _ := getObj(c.params, "submitted_values")
		if answer, ok := getObj(values, "csat_survey_response"); ok {
			if rating, ok := getInt(answer, "rating"); ok && rating >= 1 && rating <= 5 {
				c.recordSurveyAnswer(cv, m.ID, answer)
			}
		}
	}
	if sv, ok := c.params["submitted_values"]; ok {
		m.ContentAttributes = mergeObj(m.ContentAttributes, obj{"submitted_values": sv})
	}
	m.UpdatedAt = c.now()
	var ch changes
	ch.add("content_attributes", nil, m.ContentAttributes)
	c.messageEvent("message.updated", cv, m, ch)
	c.ok(publicMessage(c.st, cv, m))
}
