package sandbox

import "github.com/wootcli/woot/pkg/sandbox/store"

// isoOrNil is iso for an optional time (0 = none).
func isoOrNil(t int64) *string {
	if t == 0 {
		return nil
	}
	s := store.ISO(t)
	return &s
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func intOrNil(n int64) *int64 {
	if n == 0 {
		return nil
	}
	return &n
}

// contactView is Chatwoot's contact partial (contact_list_item in the spec).
type contactView struct {
	AdditionalAttributes obj                 `json:"additional_attributes"`
	AvailabilityStatus   string              `json:"availability_status"`
	Email                *string             `json:"email"`
	ID                   int64               `json:"id"`
	Name                 string              `json:"name"`
	PhoneNumber          *string             `json:"phone_number"`
	Blocked              bool                `json:"blocked"`
	Identifier           *string             `json:"identifier"`
	Thumbnail            string              `json:"thumbnail"`
	CustomAttributes     obj                 `json:"custom_attributes"`
	LastActivityAt       *int64              `json:"last_activity_at,omitempty"`
	CreatedAt            int64               `json:"created_at"`
	ContactInboxes       *[]contactInboxView `json:"contact_inboxes,omitempty"`
}

type contactInboxView struct {
	SourceID string    `json:"source_id"`
	Inbox    inboxSlim `json:"inbox"`
}

type inboxSlim struct {
	ID          int64   `json:"id"`
	AvatarURL   string  `json:"avatar_url"`
	ChannelID   int64   `json:"channel_id"`
	Name        string  `json:"name"`
	ChannelType string  `json:"channel_type"`
	Provider    *string `json:"provider"`
}

func availability(online bool) string {
	if online {
		return "online"
	}
	return "offline"
}

func renderContact(st *store.State, ct *store.Contact, withInboxes bool) contactView {
	v := contactView{
		AdditionalAttributes: orEmpty(ct.AdditionalAttributes),
		AvailabilityStatus:   availability(ct.Online),
		Email:                strOrNil(ct.Email),
		ID:                   ct.ID,
		Name:                 ct.Name,
		PhoneNumber:          strOrNil(ct.PhoneNumber),
		Blocked:              ct.Blocked,
		Identifier:           strOrNil(ct.Identifier),
		Thumbnail:            ct.AvatarURL,
		CustomAttributes:     orEmpty(ct.CustomAttributes),
		LastActivityAt:       intOrNil(ct.LastActivityAt),
		CreatedAt:            ct.CreatedAt,
	}
	if withInboxes {
		cis := []contactInboxView{}
		for _, ci := range st.ContactInboxesOf(ct.ID) {
			if in := st.InboxOf(ci.InboxID); in != nil {
				cis = append(cis, contactInboxView{SourceID: ci.SourceID, Inbox: slimInbox(in)})
			}
		}
		v.ContactInboxes = &cis
	}
	return v
}

func slimInbox(in *store.Inbox) inboxSlim {
	return inboxSlim{ID: in.ID, ChannelID: in.ChannelID, Name: in.Name, ChannelType: in.ChannelType}
}

// contactPush is Contact#push_event_data: the sender of a message and the
// data of contact.* cable events.
type contactPush struct {
	AdditionalAttributes obj     `json:"additional_attributes"`
	CustomAttributes     obj     `json:"custom_attributes"`
	Email                *string `json:"email"`
	ID                   int64   `json:"id"`
	Identifier           *string `json:"identifier"`
	Name                 string  `json:"name"`
	PhoneNumber          *string `json:"phone_number"`
	Thumbnail            string  `json:"thumbnail"`
	Blocked              bool    `json:"blocked"`
	Type                 string  `json:"type"`
}

func contactPushOf(ct *store.Contact) contactPush {
	return contactPush{
		AdditionalAttributes: orEmpty(ct.AdditionalAttributes),
		CustomAttributes:     orEmpty(ct.CustomAttributes),
		Email:                strOrNil(ct.Email),
		ID:                   ct.ID,
		Identifier:           strOrNil(ct.Identifier),
		Name:                 ct.Name,
		PhoneNumber:          strOrNil(ct.PhoneNumber),
		Thumbnail:            ct.AvatarURL,
		Blocked:              ct.Blocked,
		Type:                 "contact",
	}
}

// contactWebhook is Contact#webhook_data.
func contactWebhook(st *store.State, ct *store.Contact) obj {
	return obj{
		"account":               accountWebhook(st, ct.AccountID),
		"additional_attributes": orEmpty(ct.AdditionalAttributes),
		"avatar":                ct.AvatarURL,
		"custom_attributes":     orEmpty(ct.CustomAttributes),
		"email":                 strOrNil(ct.Email),
		"id":                    ct.ID,
		"identifier":            strOrNil(ct.Identifier),
		"name":                  ct.Name,
		"phone_number":          strOrNil(ct.PhoneNumber),
		"thumbnail":             ct.AvatarURL,
		"blocked":               ct.Blocked,
	}
}

func accountWebhook(st *store.State, id int64) obj {
	a := st.Account(id)
	if a == nil {
		return obj{"id": id}
	}
	return obj{"id": a.ID, "name": a.Name}
}

// publicContact is the Client API's contact (public_contact).
func publicContact(ct *store.Contact, ci *store.ContactInbox) obj {
	return obj{
		"id":           ct.ID,
		"source_id":    ci.SourceID,
		"name":         ct.Name,
		"email":        strOrNil(ct.Email),
		"phone_number": strOrNil(ct.PhoneNumber),
		"pubsub_token": ci.PubsubToken,
	}
}

// contactRecord is the contact as a plain record, which the Client API's
// contact update and conversation views send (public_contact_record).
func contactRecord(ct *store.Contact) obj {
	labels := ct.Labels
	if labels == nil {
		labels = []string{}
	}
	return obj{
		"id":                    ct.ID,
		"name":                  ct.Name,
		"email":                 strOrNil(ct.Email),
		"phone_number":          strOrNil(ct.PhoneNumber),
		"identifier":            strOrNil(ct.Identifier),
		"blocked":               ct.Blocked,
		"additional_attributes": orEmpty(ct.AdditionalAttributes),
		"custom_attributes":     orEmpty(ct.CustomAttributes),
		"contact_type":          "visitor",
		"country_code":          nil,
		"last_activity_at":      isoOrNil(ct.LastActivityAt),
		"created_at":            store.ISO(ct.CreatedAt),
		"updated_at":            store.ISO(ct.UpdatedAt),
		"last_name":             nil,
		"middle_name":           nil,
		"location":              nil,
		"account_id":            ct.AccountID,
		"company_id":            nil,
		"label_list":            labels,
	}
}
