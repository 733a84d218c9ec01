package api

import (
	"bytes"
	"net/http"
	"strings"
)

// Feature is a part of Chatwoot that an installation may lack: the
// Enterprise edition's modules, or a feature its plan or account does not
// enable. Routes lists the account paths it serves, after
// /api/v1/accounts/{id}/; "*" stands for one segment.
type Feature struct {
	Name   string
	Needs  string // what an installation needs to have it, for the hint
	Routes []string
}

// Features are the optional parts of Chatwoot woot has commands for.
var Features = []Feature{
	{"captain", "Chatwoot Enterprise (or Cloud) with Captain enabled for the account", []string{"captain"}},
	{"companies", "Chatwoot Enterprise with the companies feature", []string{"companies"}},
	{"sla", "Chatwoot Enterprise with SLA policies enabled", []string{"sla_policies", "applied_slas"}},
	{"custom-roles", "Chatwoot Enterprise with custom roles enabled", []string{"custom_roles"}},
	{"audit-logs", "Chatwoot Enterprise with audit logs enabled", []string{"audit_logs"}},
	{"agent-capacity", "Chatwoot Enterprise with agent capacity policies (assignment v2)", []string{"agent_capacity_policies"}},
	{"saml", "Chatwoot Enterprise with SAML single sign-on enabled", []string{"saml_settings"}},
	{"voice", "Chatwoot Enterprise with the voice channel", []string{"contacts/*/call", "calls", "whatsapp_calls"}},
	{"campaign-analytics", "Chatwoot Enterprise with campaign analytics", []string{"campaigns/*/analytics"}},
}

// FeatureNames lists the names of Features, for help and errors.
func FeatureNames() []string {
	out := make([]string, len(Features))
	for i, f := range Features {
		out[i] = f.Name
	}
	return out
}

// FeatureOf names the optional feature a request path belongs to, or "".
func FeatureOf(path string) *Feature {
	rest, ok := strings.CutPrefix(path, "/api/v1/accounts/")
	if !ok {
		return nil
	}
	_, rest, ok = strings.Cut(rest, "/")
	if !ok {
		return nil
	}
	segs := strings.Split(strings.Trim(rest, "/"), "/")
	for i := range Features {
		for _, route := range Features[i].Routes {
			if segmentsMatch(strings.Split(route, "/"), segs) {
				return &Features[i]
			}
		}
	}
	return nil
}

func segmentsMatch(pattern, segs []string) bool {
	if len(segs) < len(pattern) {
		return false
	}
	for i, p := range pattern {
		if p != "*" && p != segs[i] {
			return false
		}
	}
	return true
}

// lacksFeature says whether an error answer means the installation has no
// such feature rather than no such record: 402 (the plan lacks it), or a
// 403/404 that is not Chatwoot's JSON (Rails' own page for a route whose
// controller the edition does not ship).
func lacksFeature(status int, body []byte) bool {
	switch status {
	case http.StatusPaymentRequired:
		return true
	case http.StatusNotFound, http.StatusForbidden:
		b := bytes.TrimSpace(body)
		return len(b) == 0 || b[0] != '{'
	}
	return false
}
