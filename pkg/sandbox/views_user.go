package sandbox

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

func availableName(u *store.User) string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Name
}

// agentView is the agent partial: a user as a member of one account.
type agentView struct {
	ID                 int64  `json:"id"`
	AccountID          int64  `json:"account_id"`
	AvailabilityStatus string `json:"availability_status"`
	AutoOffline        bool   `json:"auto_offline"`
	Confirmed          bool   `json:"confirmed"`
	Email              string `json:"email"`
	AvailableName      string `json:"available_name"`
	Name               string `json:"name"`
	Role               string `json:"role"`
	Thumbnail          string `json:"thumbnail"`
	CustomRoleID       *int64 `json:"custom_role_id"`
}

func agentOf(u *store.User, au *store.AccountUser) agentView {
	v := agentView{
		ID: u.ID, Confirmed: u.Confirmed, Email: u.Email,
		AvailableName: availableName(u), Name: u.Name,
		AvailabilityStatus: "offline", Role: "agent",
	}
	if au != nil {
		v.AccountID = au.AccountID
		v.AvailabilityStatus = orDefault(au.Availability, "offline")
		v.AutoOffline = au.AutoOffline
		v.Role = au.Role
		v.CustomRoleID = intOrNil(au.CustomRoleID)
	}
	return v
}

func renderAgent(st *store.State, accountID, userID int64) (agentView, bool) {
	u := st.User(userID)
	au := st.AccountUser(accountID, userID)
	if u == nil || au == nil {
		return agentView{}, false
	}
	return agentOf(u, au), true
}

// agentsOf lists the account's agents for ids, skipping unknown ones.
func agentsOf(st *store.State, accountID int64, ids []int64) []agentView {
	out := []agentView{}
	for _, id := range ids {
		if v, ok := renderAgent(st, accountID, id); ok {
			out = append(out, v)
		}
	}
	return out
}

// userPush is User#push_event_data (message senders, performers).
func userPush(st *store.State, accountID int64, u *store.User) obj {
	status := "offline"
	if au := st.AccountUser(accountID, u.ID); au != nil {
		status = orDefault(au.Availability, "offline")
	}
	return obj{
		"id": u.ID, "name": u.Name, "available_name": availableName(u),
		"avatar_url": "", "type": "user", "availability_status": status, "thumbnail": "",
	}
}

func userWebhook(u *store.User) obj {
	return obj{"id": u.ID, "name": u.Name, "email": u.Email, "type": "user"}
}

func botPush(b *store.AgentBot) obj {
	return obj{"id": b.ID, "name": b.Name, "avatar_url": b.AvatarURL, "type": "agent_bot"}
}

// hmacIdentifier is the user's identity hash for the widget: HMAC-SHA256
// of the user's id keyed by their pubsub token, stable per user.
func hmacIdentifier(u *store.User) string {
	m := hmac.New(sha256.New, []byte(u.PubsubToken))
	m.Write([]byte(u.Email))
	return hex.EncodeToString(m.Sum(nil))
}

// profileView is the user schema as GET /api/v1/profile renders it.
func profileView(st *store.State, u *store.User) obj {
	accounts := []obj{}
	var first *store.AccountUser
	for _, au := range st.AccountUsersOf(u.ID) {
		a := st.Account(au.AccountID)
		if a == nil {
			continue
		}
		if first == nil {
			first = au
		}
		accounts = append(accounts, obj{
			"id": a.ID, "name": a.Name, "status": orDefault(a.Status, "active"),
			"active_at": isoOrNil(au.ActiveAt), "role": au.Role, "permissions": permissionsOf(au.Role),
			"availability": orDefault(au.Availability, "offline"), "availability_status": orDefault(au.Availability, "offline"),
			"auto_offline": au.AutoOffline, "custom_role_id": intOrNil(au.CustomRoleID), "custom_role": nil,
		})
	}
	v := obj{
		"id": u.ID, "access_token": u.AccessToken, "available_name": availableName(u),
		"avatar_url": "", "confirmed": u.Confirmed, "display_name": strOrNil(u.DisplayName),
		"message_signature": strOrNil(u.MessageSignature), "email": u.Email,
		"hmac_identifier": hmacIdentifier(u), "inviter_id": nil, "name": u.Name, "provider": "email",
		"pubsub_token": u.PubsubToken, "ui_settings": orEmpty(u.UISettings), "uid": u.Email,
		"type": strOrNil(u.Type), "custom_attributes": orEmpty(u.CustomAttributes), "accounts": accounts,
	}
	if first != nil {
		v["account_id"] = first.AccountID
		v["role"] = first.Role
		if first.InviterID != 0 {
			v["inviter_id"] = first.InviterID
		}
	}
	return v
}

func permissionsOf(role string) []string {
	if role == "administrator" {
		return []string{"administrator"}
	}
	return []string{"agent"}
}

// platformUserView is the Platform API's user partial.
func platformUserView(st *store.State, u *store.User) obj {
	v := profileView(st, u)
	delete(v, "hmac_identifier")
	delete(v, "inviter_id")
	delete(v, "type")
	return v
}

// teamView is the team partial; is_member is about the caller.
func teamView(t *store.Team, userID int64) obj {
	return obj{
		"id": t.ID, "name": t.Name, "description": t.Description,
		"allow_auto_assign": t.AllowAutoAssign, "account_id": t.AccountID,
		"is_member": store.ContainsInt(t.Members, userID),
	}
}

func teamPush(t *store.Team) obj { return obj{"id": t.ID, "name": t.Name} }

func orDefault(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}
