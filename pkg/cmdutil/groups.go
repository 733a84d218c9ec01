package cmdutil

// Help groups: root help lists commands by API family.
const (
	GroupApplication = "application"
	GroupFamilies    = "families"
	GroupRealtime    = "realtime"
	GroupTools       = "tools"
)
