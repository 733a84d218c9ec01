package application

// Path prefixes of the Application API. Operation paths are written as these
// constants joined with the rest of the spec's template, so every path stays
// exactly as Chatwoot's spec spells it.
const (
	acct   = "/api/v1/accounts/{account_id}"
	acctV2 = "/api/v2/accounts/{account_id}"
)
