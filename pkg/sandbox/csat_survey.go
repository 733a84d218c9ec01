package sandbox

import (
	"net/http"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// csatLockAfter: Chatwoot refuses survey answers this long after the
// survey was sent.
const csatLockAfter = 14 * 24 * 3600

// surveyConversation finds the {id} conversation by its uuid, the key of
// the survey link a customer gets, as Public::Api::V1::CsatSurveyController
// does; the survey is its input_csat message. Seeded conversations that
// were resolved without one stand in with their resolution line (Chatwoot
// sends the survey as it resolves).
func (c *ctx) surveyConversation() *store.Conversation {
	uuid := c.r.PathValue("id")
	for _, cv := range c.st.Conversations {
		if cv.UUID == uuid && uuid != "" && (surveyMessage(cv) != nil || cv.Status == store.StatusResolved) {
			return cv
		}
	}
	c.notFound()
	return nil
}

// surveyMessage is the conversation's CSAT survey message (content type
// input_csat), nil when it has none.
func surveyMessage(cv *store.Conversation) *store.Message {
	for _, m := range cv.Messages {
		if m.ContentType == "input_csat" {
			return m
		}
	}
	return nil
}

// surveyAnswer is the conversation's stored CSAT response, if any.
func surveyAnswer(st *store.State, cv *store.Conversation) *store.Record {
	for _, r := range st.RecordsOf(store.KindCSAT) {
		if r.AccountID == cv.AccountID && intOf(r.Attrs, "conversation_id") == cv.DisplayID {
			return r
		}
	}
	return nil
}

// surveySent is when the survey went out and the message that carries it:
// Chatwoot sends it as the conversation is resolved, so the sandbox takes
// the latest resolution line.
func surveySent(cv *store.Conversation) (at, messageID int64) {
	if m := surveyMessage(cv); m != nil {
		return m.CreatedAt, m.ID
	}
	for i := len(cv.Messages) - 1; i >= 0; i-- {
		if m := cv.Messages[i]; m.MessageType == store.MsgActivity && strings.Contains(m.Content, "marked resolved") {
			return m.CreatedAt, m.ID
		}
	}
	return cv.UpdatedAt, 0
}

func surveyView(st *store.State, cv *store.Conversation) obj {
	sentAt, messageID := surveySent(cv)
	v := obj{"id": messageID, "csat_survey_response": nil, "display_type": "emoji", "content": "Please rate the conversation",
		"inbox_avatar_url": "", "inbox_name": "", "locale": "en", "conversation_id": cv.DisplayID, "created_at": sentAt}
	if in := st.InboxOf(cv.InboxID); in != nil {
		v["inbox_name"] = in.Name
	}
	if r := surveyAnswer(st, cv); r != nil {
		v["id"] = intOf(r.Attrs, "message_id")
		v["csat_survey_response"] = obj{"id": r.ID, "rating": intOf(r.Attrs, "rating"),
			"feedback_message": str(r.Attrs, "feedback_message"), "created_at": r.CreatedAt}
	}
	return v
}

func (c *ctx) showCSATSurvey() {
	if cv := c.surveyConversation(); cv != nil {
		c.ok(surveyView(c.st, cv))
	}
}

// answerCSATSurvey records the customer's rating and feedback, sent as
// message.submitted_values.csat_survey_response.
func (c *ctx) answerCSATSurvey() {
	cv := c.surveyConversation()
	if cv == nil {
		return
	}
	sentAt, messageID := surveySent(cv)
	if c.now()-sentAt > csatLockAfter {
		c.fail(http.StatusUnprocessableEntity, "You cannot update the CSAT survey after 14 days")
		return
	}
	msg, _ := getObj(c.params, "message")
	values, _ := getObj(msg, "submitted_values")
	answer, _ := getObj(values, "csat_survey_response")
	if !c.recordSurveyAnswer(cv, messageID, answer) {
		return
	}
	if m := surveyMessage(cv); m != nil {
		m.ContentAttributes = mergeObj(m.ContentAttributes, obj{"submitted_values": obj{"csat_survey_response": answer}})
		m.UpdatedAt = c.now()
	}
	c.ok(surveyView(c.st, cv))
}

// recordSurveyAnswer keeps a CSAT answer (rating 1-5, optional feedback)
// as the conversation's survey response, one per conversation, as
// CsatSurveys::ResponseBuilder does; false (answered 422) for a rating
// out of range.
func (c *ctx) recordSurveyAnswer(cv *store.Conversation, messageID int64, answer obj) bool {
	rating, hasRating := getInt(answer, "rating")
	if !hasRating || rating < 1 || rating > 5 {
		c.invalid("Rating is not included in the list", "rating")
		return false
	}
	r := surveyAnswer(c.st, cv)
	if r == nil {
		r = c.st.AddRecord(store.KindCSAT, &store.Record{AccountID: cv.AccountID, Attrs: obj{"conversation_id": cv.DisplayID,
			"contact_id": cv.ContactID, "assigned_agent_id": cv.AssigneeID, "message_id": messageID}}, c.now())
	}
	r.Attrs["rating"] = rating
	if fb, ok := getStr(answer, "feedback_message"); ok {
		r.Attrs["feedback_message"] = fb
	}
	r.UpdatedAt = c.now()
	return true
}
