package store

// The stored rows. Fields are exported for encoding/json (Save and Load);
// their json names belong to the save file. What clients see is rendered
// by the views (views_*.go) in Chatwoot's shapes.

type PlatformApp struct {
	base
	Name  string `json:"name"`
	Token string `json:"token"`
}

// Permissible records that a platform app created an object; the Platform
// API lets an app touch only those.
type Permissible struct {
	AppID int64  `json:"app_id"`
	Type  string `json:"type"` // account, user, agent_bot
	ID    int64  `json:"id"`
}

type Account struct {
	base
	Name               string  `json:"name"`
	Locale             string  `json:"locale"`
	Domain             string  `json:"domain"`
	SupportEmail       string  `json:"support_email"`
	Status             string  `json:"status"`
	CustomAttributes   obj     `json:"custom_attributes"`
	Settings           obj     `json:"settings"`
	Limits             obj     `json:"limits"`
	BrandedEmailLayout *string `json:"branded_email_layout"`
	DisplaySeq         int64   `json:"display_seq"` // last conversation display_id handed out
}

type User struct {
	base
	Name             string `json:"name"`
	DisplayName      string `json:"display_name"`
	Email            string `json:"email"`
	PhoneNumber      string `json:"phone_number"`
	AccessToken      string `json:"access_token"`
	PubsubToken      string `json:"pubsub_token"`
	MessageSignature string `json:"message_signature"`
	Availability     string `json:"availability"`
	UISettings       obj    `json:"ui_settings"`
	CustomAttributes obj    `json:"custom_attributes"`
	Confirmed        bool   `json:"confirmed"`
	Type             string `json:"type"` // "SuperAdmin" or ""
	Deleted          bool   `json:"deleted"`
}

type AccountUser struct {
	base
	AccountID    int64  `json:"account_id"`
	UserID       int64  `json:"user_id"`
	Role         string `json:"role"` // administrator, agent
	Availability string `json:"availability"`
	AutoOffline  bool   `json:"auto_offline"`
	InviterID    int64  `json:"inviter_id"`
	ActiveAt     int64  `json:"active_at"`
	CustomRoleID int64  `json:"custom_role_id"`
}

type AgentBot struct {
	base
	AccountID   int64  `json:"account_id"` // 0: a global bot (created through the Platform API)
	Name        string `json:"name"`
	Description string `json:"description"`
	OutgoingURL string `json:"outgoing_url"`
	AvatarURL   string `json:"avatar_url"`
	BotType     string `json:"bot_type"`
	BotConfig   obj    `json:"bot_config"`
	AccessToken string `json:"access_token"`
	Secret      string `json:"secret"`
}

const (
	ChannelAPI    = "Channel::Api"
	ChannelWidget = "Channel::WebWidget"
	ChannelEmail  = "Channel::Email"
)

type Inbox struct {
	base
	AccountID   int64  `json:"account_id"`
	Name        string `json:"name"`
	ChannelType string `json:"channel_type"`
	ChannelID   int64  `json:"channel_id"`

	// API channel.
	Identifier    string `json:"identifier"`
	HMACToken     string `json:"hmac_token"`
	HMACMandatory bool   `json:"hmac_mandatory"`
	WebhookURL    string `json:"webhook_url"`
	Secret        string `json:"secret"`

	// Website channel.
	WebsiteURL     string `json:"website_url"`
	WebsiteToken   string `json:"website_token"`
	WidgetColor    string `json:"widget_color"`
	WelcomeTitle   string `json:"welcome_title"`
	WelcomeTagline string `json:"welcome_tagline"`
	ReplyTime      string `json:"reply_time"`

	GreetingEnabled            bool   `json:"greeting_enabled"`
	GreetingMessage            string `json:"greeting_message"`
	EnableAutoAssignment       bool   `json:"enable_auto_assignment"`
	EnableEmailCollect         bool   `json:"enable_email_collect"`
	CSATSurveyEnabled          bool   `json:"csat_survey_enabled"`
	WorkingHoursEnabled        bool   `json:"working_hours_enabled"`
	AllowMessagesAfterResolved bool   `json:"allow_messages_after_resolved"`
	LockToSingleConversation   bool   `json:"lock_to_single_conversation"`
	OutOfOfficeMessage         string `json:"out_of_office_message"`
	Timezone                   string `json:"timezone"`
	SenderNameType             string `json:"sender_name_type"`
	BusinessName               string `json:"business_name"`
	AdditionalAttributes       obj    `json:"additional_attributes"`
	// Channel holds the other channel fields given at creation (email,
	// phone number, provider…), echoed back as given.
	Channel    obj     `json:"channel"`
	Members    []int64 `json:"members"`
	AgentBotID int64   `json:"agent_bot_id"`
	PortalID   int64   `json:"portal_id"`
}

func (in *Inbox) IsAPI() bool { return in.ChannelType == ChannelAPI }

type Team struct {
	base
	AccountID       int64   `json:"account_id"`
	Name            string  `json:"name"`
	Description     string  `json:"description"`
	AllowAutoAssign bool    `json:"allow_auto_assign"`
	Members         []int64 `json:"members"`
}

type Contact struct {
	base
	AccountID            int64    `json:"account_id"`
	Name                 string   `json:"name"`
	Email                string   `json:"email"`
	PhoneNumber          string   `json:"phone_number"`
	Identifier           string   `json:"identifier"`
	Blocked              bool     `json:"blocked"`
	AvatarURL            string   `json:"avatar_url"`
	AdditionalAttributes obj      `json:"additional_attributes"`
	CustomAttributes     obj      `json:"custom_attributes"`
	Labels               []string `json:"labels"`
	LastActivityAt       int64    `json:"last_activity_at"`
	Online               bool     `json:"online"`
}

// Resolved says whether Chatwoot lists the contact: anonymous visitors
// (no email, phone number or identifier) are left out of contacts index.
func (c *Contact) Resolved() bool {
	return c.Email != "" || c.PhoneNumber != "" || c.Identifier != ""
}

type ContactInbox struct {
	base
	ContactID    int64  `json:"contact_id"`
	InboxID      int64  `json:"inbox_id"`
	SourceID     string `json:"source_id"`
	PubsubToken  string `json:"pubsub_token"`
	HMACVerified bool   `json:"hmac_verified"`
}

const (
	StatusOpen     = "open"
	StatusResolved = "resolved"
	StatusPending  = "pending"
	StatusSnoozed  = "snoozed"
)

type Conversation struct {
	base
	AccountID            int64      `json:"account_id"`
	DisplayID            int64      `json:"display_id"`
	InboxID              int64      `json:"inbox_id"`
	ContactID            int64      `json:"contact_id"`
	ContactInboxID       int64      `json:"contact_inbox_id"`
	AssigneeID           int64      `json:"assignee_id"`
	AssigneeBotID        int64      `json:"assignee_bot_id"`
	TeamID               int64      `json:"team_id"`
	CampaignID           int64      `json:"campaign_id"`
	Status               string     `json:"status"`
	Priority             string     `json:"priority"`
	SnoozedUntil         int64      `json:"snoozed_until"`
	UUID                 string     `json:"uuid"`
	Labels               []string   `json:"labels"`
	CustomAttributes     obj        `json:"custom_attributes"`
	AdditionalAttributes obj        `json:"additional_attributes"`
	Muted                bool       `json:"muted"`
	SLAPolicyID          int64      `json:"sla_policy_id"`
	LastActivityAt       int64      `json:"last_activity_at"`
	AgentLastSeenAt      int64      `json:"agent_last_seen_at"`
	AssigneeLastSeenAt   int64      `json:"assignee_last_seen_at"`
	ContactLastSeenAt    int64      `json:"contact_last_seen_at"`
	FirstReplyCreatedAt  int64      `json:"first_reply_created_at"`
	WaitingSince         int64      `json:"waiting_since"`
	Messages             []*Message `json:"messages"`
}

const (
	MsgIncoming = 0
	MsgOutgoing = 1
	MsgActivity = 2
	MsgTemplate = 3
)

var MessageTypeNames = [...]string{"incoming", "outgoing", "activity", "template"}

type Message struct {
	base
	Content              string       `json:"content"`
	MessageType          int          `json:"message_type"`
	Private              bool         `json:"private"`
	Status               string       `json:"status"`
	ContentType          string       `json:"content_type"`
	ContentAttributes    obj          `json:"content_attributes"`
	AdditionalAttributes obj          `json:"additional_attributes"`
	SenderType           string       `json:"sender_type"` // Contact, User, AgentBot or ""
	SenderID             int64        `json:"sender_id"`
	SourceID             string       `json:"source_id"`
	EchoID               string       `json:"echo_id"`
	Attachments          []Attachment `json:"attachments"`
}

type Attachment struct {
	ID        int64  `json:"id"`
	FileType  string `json:"file_type"`
	Extension string `json:"extension"`
	FileName  string `json:"file_name"`
	FileSize  int64  `json:"file_size"`
	DataURL   string `json:"data_url"`
}

type Label struct {
	base
	AccountID     int64  `json:"account_id"`
	Title         string `json:"title"`
	Description   string `json:"description"`
	Color         string `json:"color"`
	ShowOnSidebar bool   `json:"show_on_sidebar"`
}

type CannedResponse struct {
	base
	AccountID int64  `json:"account_id"`
	ShortCode string `json:"short_code"`
	Content   string `json:"content"`
}

type AttributeDef struct {
	base
	AccountID    int64  `json:"account_id"`
	DisplayName  string `json:"display_name"`
	DisplayType  string `json:"display_type"`
	Description  string `json:"description"`
	Key          string `json:"key"`
	Model        string `json:"model"` // contact_attribute, conversation_attribute
	Values       []any  `json:"values"`
	RegexPattern string `json:"regex_pattern"`
	RegexCue     string `json:"regex_cue"`
	DefaultValue any    `json:"default_value"`
}

type CustomFilter struct {
	base
	AccountID int64  `json:"account_id"`
	UserID    int64  `json:"user_id"`
	Name      string `json:"name"`
	Type      string `json:"type"` // conversation, contact, report
	Query     obj    `json:"query"`
}

type Webhook struct {
	base
	AccountID     int64    `json:"account_id"`
	InboxID       int64    `json:"inbox_id"`
	URL           string   `json:"url"`
	Name          string   `json:"name"`
	Subscriptions []string `json:"subscriptions"`
	Secret        string   `json:"secret"`
}

type AutomationRule struct {
	base
	AccountID   int64  `json:"account_id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	EventName   string `json:"event_name"`
	Conditions  []any  `json:"conditions"`
	Actions     []any  `json:"actions"`
	Active      bool   `json:"active"`
}

type Campaign struct {
	base
	AccountID                     int64  `json:"account_id"`
	DisplayID                     int64  `json:"display_id"`
	Title                         string `json:"title"`
	Description                   string `json:"description"`
	InboxID                       int64  `json:"inbox_id"`
	SenderID                      int64  `json:"sender_id"`
	Message                       string `json:"message"`
	Enabled                       bool   `json:"enabled"`
	CampaignType                  string `json:"campaign_type"`   // ongoing, one_off
	CampaignStatus                string `json:"campaign_status"` // active, completed
	ScheduledAt                   int64  `json:"scheduled_at"`
	Audience                      []any  `json:"audience"`
	TriggerRules                  obj    `json:"trigger_rules"`
	TemplateParams                obj    `json:"template_params"`
	TriggerOnlyDuringBusinessHour bool   `json:"trigger_only_during_business_hours"`
}

// Record is a row of a resource kept as free-form attributes: the sandbox
// stores what the client sent and renders it back with id, account and
// timestamps.
type Record struct {
	base
	AccountID int64 `json:"account_id"`
	ParentID  int64 `json:"parent_id"` // contact of a note, portal of a category or article
	Attrs     obj   `json:"attrs"`
}

// Record kinds.
const (
	KindNotes           = "notes"
	KindMacros          = "macros"
	KindSLAPolicies     = "sla_policies"
	KindCustomRoles     = "custom_roles"
	KindPortals         = "portals"
	KindCategories      = "categories"
	KindArticles        = "articles"
	KindHooks           = "integration_hooks"
	KindAuditLogs       = "audit_logs"
	KindReportingEvents = "reporting_events"
	KindCSAT            = "csat_survey_responses"
)

// Notification is one entry of a user's notification inbox. Chatwoot
// creates them when a conversation is assigned to someone, when a message
// arrives in a conversation assigned to them, and when a private note
// mentions them.
type Notification struct {
	base
	AccountID      int64  `json:"account_id"`
	UserID         int64  `json:"user_id"`
	Type           string `json:"notification_type"`
	ConversationID int64  `json:"conversation_id"` // display id
	MessageID      int64  `json:"message_id,omitempty"`
	ActorID        int64  `json:"actor_id,omitempty"` // the user who assigned
	ReadAt         int64  `json:"read_at,omitempty"`
	SnoozedUntil   int64  `json:"snoozed_until,omitempty"`
	LastActivityAt int64  `json:"last_activity_at"`
}

const (
	NotifyAssignment = "conversation_assignment"
	NotifyNewMessage = "assigned_conversation_new_message"
	NotifyMention    = "conversation_mention"
)
