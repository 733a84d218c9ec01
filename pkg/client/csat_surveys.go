package client

import "github.com/wootcli/woot/pkg/api"

// The CSAT survey page's routes are served beyond Chatwoot's published
// spec. They are keyed by the conversation's UUID, not by inbox or contact.
const csatSurveyPath = "/public/api/v1/csat_survey/{id}"

const csatNote = "Keyed by the conversation's UUID: the one in the survey link sent to the customer " +
	"(/survey/responses/UUID). No token and no inbox or contact identifier are needed."

func csatColumns() []string {
	return []string{"id", "conversation_id", "csat_survey_response.rating", "csat_survey_response.feedback_message", "created_at"}
}

func csatSurveyOperations() []api.Operation {
	return []api.Operation{
		{
			Family:   api.FamilyClient,
			Command:  "client csat-surveys get",
			Method:   "GET",
			Path:     csatSurveyPath,
			Short:    "Show a conversation's CSAT survey and its answer",
			Long:     csatNote,
			Example:  "  $ woot client csat-surveys get 0f8e2d3c-5b7a-4e61-9c2d-8a1b3c4d5e6f",
			ArgNames: []string{"CONVERSATION_UUID"},
			Columns:  csatColumns(),
		},
		{
			Family:  api.FamilyClient,
			Command: "client csat-surveys update",
			Method:  "PATCH",
			Path:    csatSurveyPath,
			Short:   "Submit a rating and feedback to a CSAT survey",
			Long: long(csatNote,
				"The server refuses (422) answers more than 14 days after the survey was sent."),
			Example:  "  $ woot client csat-surveys update 0f8e2d3c-5b7a-4e61-9c2d-8a1b3c4d5e6f --rating 4 --feedback 'Solved, thanks'",
			ArgNames: []string{"CONVERSATION_UUID"},
			Params:   csatParams("message.submitted_values."),
			Columns:  csatColumns(),
		},
	}
}
