package accountconf

// Kind describes one kind of account configuration: where the server
// lists it, which fields are configuration (in the order files show
// them), its natural key and how ids inside it map to other kinds' keys.
// Everything the engine does per kind is driven by this table.
type Kind struct {
	Name       string   // file stem and --only word
	Path       string   // collection under /api/v1/accounts/{id}/; "" = the account itself
	Key        []string // natural key fields; empty for the account singleton
	Fields     []Field  // configuration fields, in file order (key fields first)
	Enterprise bool     // answered 404 by community editions: skipped with a notice
	Parent     string   // "portals": listed per portal, the portal's slug is part of the key
	NoDelete   bool     // the account: never created or deleted
	Markdown   bool     // articles: one Markdown file per object
	// skip reports server objects that are not the account's configuration
	// (the platform's system bots).
	skip func(raw map[string]any) bool
	// query lists the collection once per value of this parameter (the
	// spec requires custom attribute definitions' attribute_model).
	query       string
	queryValues []string
	// members are set with their own endpoint after create or update.
	members *members
}

// Field is one configuration field.
type Field struct {
	Name string
	Src  string // where the server's view has it (dotted), when not Name; "a|b" tries a, then b
	Dst  string // where a create/update body takes it (dotted), when not Name
	// alsoDst is a second place the body carries it, where the server and
	// the spec name the field differently.
	alsoDst string
	Ref     string // the kind whose natural keys stand for the ids held here
	// conv converts between the server's form and the file's form.
	conv       string
	createOnly bool     // the server takes it on create only (inbox channel type)
	enum       []string // files hold the name, requests send its index (the spec's integers)
	secret     bool     // write-only: never exported, takes ${ENV_VAR}, sent on create only
}

type members struct {
	list string // GET path, %d = the owner's id
	set  func(id int64, userIDs []int64) (method, path string, body map[string]any)
}

// Kinds in dependency order: anything a later kind references comes first.
// Prune deletes run in the reverse order.
var Kinds = []*Kind{
	{Name: "account", NoDelete: true, Fields: []Field{
		{Name: "name"}, {Name: "locale"}, {Name: "domain"}, {Name: "support_email"},
		{Name: "auto_resolve_after", Src: "settings.auto_resolve_after"},
		{Name: "auto_resolve_message", Src: "settings.auto_resolve_message"},
		{Name: "auto_resolve_ignore_waiting", Src: "settings.auto_resolve_ignore_waiting"},
	}},
	{Name: "agents", Path: "agents", Key: []string{"email"}, Fields: []Field{
		{Name: "email", createOnly: true}, {Name: "name"}, {Name: "role"},
	}},
	{Name: "labels", Path: "labels", Key: []string{"title"}, Fields: []Field{
		{Name: "title"}, {Name: "description"}, {Name: "color"}, {Name: "show_on_sidebar"},
	}},
	{Name: "teams", Path: "teams", Key: []string{"name"}, Fields: []Field{
		{Name: "name"}, {Name: "description"}, {Name: "allow_auto_assign"}, {Name: "members", Ref: "agents"},
	}, members: &members{list: "teams/%d/team_members", set: func(id int64, ids []int64) (string, string, map[string]any) {
		return "PATCH", "teams/" + itoa(id) + "/team_members", map[string]any{"user_ids": ids}
	}}},
	{Name: "inboxes", Path: "inboxes", Key: []string{"name"}, Fields: []Field{
		{Name: "name"}, {Name: "channel_type", Dst: "channel.type", conv: "channel_type", createOnly: true},
		{Name: "greeting_enabled"}, {Name: "greeting_message"}, {Name: "enable_auto_assignment"},
		{Name: "enable_email_collect"}, {Name: "csat_survey_enabled"}, {Name: "allow_messages_after_resolved"},
		{Name: "lock_to_single_conversation"}, {Name: "timezone"}, {Name: "sender_name_type"},
		{Name: "out_of_office_message"}, {Name: "working_hours_enabled"},
		{Name: "webhook_url", Dst: "channel.webhook_url"}, {Name: "website_url", Dst: "channel.website_url"},
		{Name: "widget_color", Dst: "channel.widget_color"}, {Name: "welcome_title", Dst: "channel.welcome_title"},
		{Name: "welcome_tagline", Dst: "channel.welcome_tagline"}, {Name: "reply_time", Dst: "channel.reply_time"},
		{Name: "hmac_mandatory", Dst: "channel.hmac_mandatory"}, {Name: "business_name"},
		{Name: "additional_attributes", Dst: "channel.additional_attributes"},
		{Name: "email", Dst: "channel.email"},
		{Name: "imap_enabled", Dst: "channel.imap_enabled"}, {Name: "imap_address", Dst: "channel.imap_address"},
		{Name: "imap_port", Dst: "channel.imap_port"}, {Name: "imap_login", Dst: "channel.imap_login"},
		{Name: "imap_enable_ssl", Dst: "channel.imap_enable_ssl"},
		{Name: "imap_password", Dst: "channel.imap_password", secret: true},
		{Name: "smtp_enabled", Dst: "channel.smtp_enabled"}, {Name: "smtp_address", Dst: "channel.smtp_address"},
		{Name: "smtp_port", Dst: "channel.smtp_port"}, {Name: "smtp_login", Dst: "channel.smtp_login"},
		{Name: "smtp_domain", Dst: "channel.smtp_domain"}, {Name: "smtp_enable_ssl_tls", Dst: "channel.smtp_enable_ssl_tls"},
		{Name: "smtp_enable_starttls_auto", Dst: "channel.smtp_enable_starttls_auto"},
		{Name: "smtp_openssl_verify_mode", Dst: "channel.smtp_openssl_verify_mode"},
		{Name: "smtp_authentication", Dst: "channel.smtp_authentication"},
		{Name: "smtp_password", Dst: "channel.smtp_password", secret: true},
		{Name: "members", Ref: "agents"},
	}, members: &members{list: "inbox_members/%d", set: func(id int64, ids []int64) (string, string, map[string]any) {
		return "PATCH", "inbox_members", map[string]any{"inbox_id": id, "user_ids": ids}
	}}, skip: notCreatableInbox},
	{Name: "canned_responses", Path: "canned_responses", Key: []string{"short_code"}, Fields: []Field{
		{Name: "short_code"}, {Name: "content"},
	}},
	{Name: "custom_attribute_definitions", Path: "custom_attribute_definitions", query: "attribute_model", queryValues: []string{"0", "1"}, Key: []string{"attribute_key", "attribute_model"},
		Fields: []Field{
			{Name: "attribute_key"}, {Name: "attribute_model", enum: attributeModels}, {Name: "attribute_display_name"},
			{Name: "attribute_display_type", enum: attributeTypes}, {Name: "attribute_description"}, {Name: "attribute_values"},
			{Name: "regex_pattern"}, {Name: "regex_cue"},
		}},
	// Chatwoot lists one filter type at a time (conversation by default)
	// and permits filter_type where the spec documents type: both are sent.
	{Name: "custom_filters", Path: "custom_filters", Key: []string{"name", "type"}, query: "filter_type",
		queryValues: []string{"conversation", "contact", "report"}, Fields: []Field{
			{Name: "name"}, {Name: "type", alsoDst: "filter_type"}, {Name: "query"},
		}},
	{Name: "webhooks", Path: "webhooks", Key: []string{"url"}, Fields: []Field{
		{Name: "url"}, {Name: "name"}, {Name: "subscriptions", conv: "sorted"},
	}},
	{Name: "agent_bots", Path: "agent_bots", Key: []string{"name"}, Fields: []Field{
		{Name: "name"}, {Name: "description"}, {Name: "outgoing_url"}, {Name: "bot_type", enum: []string{"webhook"}}, {Name: "bot_config"},
	}, skip: func(raw map[string]any) bool { return raw["system_bot"] == true || raw["account_id"] == nil }},
	{Name: "sla_policies", Path: "sla_policies", Key: []string{"name"}, Enterprise: true, Fields: []Field{
		{Name: "name"}, {Name: "description"}, {Name: "first_response_time_threshold"},
		{Name: "next_response_time_threshold"}, {Name: "resolution_time_threshold"}, {Name: "only_during_business_hours"},
	}},
	{Name: "custom_roles", Path: "custom_roles", Key: []string{"name"}, Enterprise: true, Fields: []Field{
		{Name: "name"}, {Name: "description"}, {Name: "permissions", conv: "sorted"},
	}},
	{Name: "automation_rules", Path: "automation_rules", Key: []string{"name"}, Fields: []Field{
		{Name: "name"}, {Name: "description"}, {Name: "event_name"}, {Name: "active"},
		{Name: "conditions", conv: "conditions"}, {Name: "actions", conv: "actions"},
	}},
	{Name: "macros", Path: "macros", Key: []string{"name"}, Fields: []Field{
		{Name: "name"}, {Name: "visibility"}, {Name: "actions", conv: "actions"},
	}},
	{Name: "portals", Path: "portals", Key: []string{"slug"}, Fields: []Field{
		{Name: "slug"}, {Name: "name"}, {Name: "color"}, {Name: "header_text"}, {Name: "homepage_link"},
		{Name: "page_title"}, {Name: "custom_domain"}, {Name: "config", conv: "portal_config"},
	}},
	{Name: "categories", Path: "categories", Parent: "portals", Key: []string{"portal", "slug"}, Fields: []Field{
		{Name: "portal"}, {Name: "slug"}, {Name: "locale"}, {Name: "name"}, {Name: "description"}, {Name: "position"},
	}},
	{Name: "articles", Path: "articles", Parent: "portals", Key: []string{"portal", "slug"}, Markdown: true, Fields: []Field{
		{Name: "portal"}, {Name: "slug"}, {Name: "title"}, {Name: "category", Src: "category_id|category.id", Dst: "category_id", conv: "category"},
		{Name: "locale", Src: "locale|category.locale"}, {Name: "status"}, {Name: "position"},
		{Name: "author", Src: "author_id|author.id", Dst: "author_id", Ref: "agents"}, {Name: "content"},
	}},
}

// The enums of Chatwoot's models, in index order (custom_attribute_definition.rb).
var (
	attributeModels = []string{"conversation_attribute", "contact_attribute"}
	attributeTypes  = []string{"text", "number", "currency", "percent", "link", "date", "list", "checkbox"}
)

// KindNamed finds a kind by its name.
func KindNamed(name string) *Kind {
	for _, k := range Kinds {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// KindNames lists every kind, in dependency order.
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = k.Name
	}
	return out
}

func (k *Kind) field(name string) *Field {
	for i := range k.Fields {
		if k.Fields[i].Name == name {
			return &k.Fields[i]
		}
	}
	return nil
}

func (k *Kind) fieldNames() []string {
	var out []string
	for _, f := range k.Fields {
		out = append(out, f.Name)
	}
	return out
}

func (k *Kind) isKey(name string) bool {
	for _, n := range k.Key {
		if n == name {
			return true
		}
	}
	return false
}

// notCreatableInbox leaves out inboxes of channels the API cannot create
// from settings alone (WhatsApp, Facebook, Telegram, SMS …: they need the
// provider's own sign-up), so an export holds only inboxes apply can make.
func notCreatableInbox(raw map[string]any) bool {
	_, ok := channelNames()[scalarString(raw["channel_type"])]
	return !ok
}
