package api

// Family names one of Chatwoot's API families; it picks the credentials a
// request carries.
type Family string

const (
	FamilyApplication Family = "application" // user or agent-bot token, /api/v1|v2/...
	FamilyClient      Family = "client"      // no token: inbox and contact identifiers in the path
	FamilyPlatform    Family = "platform"    // platform-app token, /platform/api/v1/...
	FamilyServer      Family = "other"       // unauthenticated server routes (/api, /health, /survey)
)

// Operation describes one HTTP operation and the command that calls it.
// Commands are built from these values, and `woot api operations` lists them,
// so the two can never disagree.
type Operation struct {
	Family  Family
	Command string // words after "woot", e.g. "contacts get", "client messages create"
	Method  string // GET, POST, PUT, PATCH, DELETE
	Path    string // path template exactly as in Chatwoot's spec, e.g. /api/v1/accounts/{account_id}/contacts/{id}
	InSpec  bool   // false for routes Chatwoot serves beyond its published spec

	// Credentials, when set, is the family whose token the request carries
	// instead of Family's (a spec path listed under "other" whose server
	// route needs a user token).
	Credentials Family

	Short   string // one line for help listings
	Long    string // optional extra help text
	Example string // at least one realistic invocation

	// Path parameters other than the ones filled from configuration
	// ({account_id} for the Application family, {inbox_identifier} and
	// {contact_identifier} for the Client family) become positional
	// arguments in template order. ArgNames overrides their display names.
	ArgNames []string

	Params []Param // flags bound to query parameters or JSON body fields

	// Data is the dotted path to the payload inside the response body:
	// "" for the whole body, "payload", "data.payload", "audit_logs".
	Data string
	List *List // non-nil when the operation returns a list

	Columns []string // default table/tsv/csv columns (dotted paths into each item)
	Confirm bool     // destructive: asks on a terminal, needs --yes otherwise
	Raw     bool     // the response is a file (CSV download): written raw, never parsed
}

// In says where a parameter travels.
type In int

const (
	InBody In = iota
	InQuery
	InQueryAndBody // sent in both places (the Client API's toggle_typing wants typing_status twice)
)

// Type is a parameter's value type; it decides the flag kind and the JSON
// encoding of the value.
type Type int

const (
	String  Type = iota
	Int          // JSON number
	Float        // JSON number
	Bool         // JSON boolean
	Strings      // repeatable or comma-separated flag, JSON array of strings (query: name[]=a&name[]=b)
	Ints         // repeatable or comma-separated flag, JSON array of numbers
	Map          // repeatable key=value flag, JSON object; values typed like `woot api -F`
	JSON         // a raw JSON value given on the command line or as @file
	File         // a path (or - for stdin) uploaded as a multipart file part; any File param set makes the body multipart/form-data
)

// Param binds one flag to one query parameter or body field.
type Param struct {
	Name     string // wire name; a dotted name nests in the JSON body ("profile.name")
	Flag     string // flag name; defaults to Name with "_" and "." turned into "-"
	In       In
	Type     Type
	Required bool
	Enum     []string // allowed values; also offered by shell completion
	// Names are words an Int parameter also takes on the command line, each
	// sent as its number (attribute_model: "contact_attribute" sends 1).
	Names map[string]int64
	Usage string
}

// Pager names how a list is paged.
type Pager int

const (
	NoPages    Pager = iota // the server returns the whole list at once
	PageNumber              // ?page=1,2,...; a short or empty page is the last
	BeforeID                // ?before=<smallest id seen>; messages, newest page first
)

// List describes a list response.
type List struct {
	Pager    Pager
	PageSize int // the server's fixed page size; 0 when unknown (stop on an empty page)
}

// FlagName is the flag a parameter binds to.
func (p Param) FlagName() string {
	if p.Flag != "" {
		return p.Flag
	}
	b := []byte(p.Name)
	for i, c := range b {
		if c == '_' || c == '.' {
			b[i] = '-'
		}
	}
	return string(b)
}
