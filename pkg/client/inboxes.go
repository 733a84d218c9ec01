package client

import "github.com/wootcli/woot/pkg/api"

func inboxOperations() []api.Operation {
	return []api.Operation{{
		Family:  api.FamilyClient,
		Command: "client inboxes get",
		Method:  "GET",
		Path:    inboxPath,
		InSpec:  true,
		Short:   "Show the API inbox the Client API talks to",
		Long: long(inboxNote,
			"Shows the inbox's name, timezone, working hours and whether it enforces identity validation "+
				"(identity_validation_enabled: contacts must then send an identifier_hash)."),
		Example: "  $ woot client inboxes get --inbox-identifier Jzk3Ym1ZZ2p3V1hZ\n" +
			"  $ woot client inboxes get -o json --jq .working_hours",
		Columns: []string{"identifier", "name", "timezone", "working_hours_enabled", "identity_validation_enabled", "csat_survey_enabled"},
	}}
}
