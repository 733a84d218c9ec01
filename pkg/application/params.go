package application

import "github.com/wootcli/woot/pkg/api"

// Parameter groups several operations share.

// sinceUntil are the time window of report queries, in Unix seconds.
func sinceUntil() []api.Param {
	return []api.Param{
		{Name: "since", In: api.InQuery, Usage: "Start of the time window (Unix seconds)"},
		{Name: "until", In: api.InQuery, Usage: "End of the time window (Unix seconds)"},
	}
}

// reportWindow is sinceUntil plus the business-hours switch of the summary
// and download reports.
func reportWindow() []api.Param {
	return append(sinceUntil(), api.Param{Name: "business_hours", In: api.InQuery, Type: api.Bool, Usage: "Count only time inside business hours"})
}

func withParams(groups ...[]api.Param) []api.Param {
	var out []api.Param
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
