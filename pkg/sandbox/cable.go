package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/wootcli/woot/pkg/cable"
)

// broadcaster is the ActionCable side of the sandbox: /cable and the
// streams events go to.
type broadcaster interface {
	http.Handler
	Broadcast(stream string, message json.RawMessage)
	Close()
}

type cableHub struct{ srv *cable.Server }

func (h cableHub) ServeHTTP(w http.ResponseWriter, r *http.Request) { h.srv.ServeHTTP(w, r) }
func (h cableHub) Broadcast(stream string, message json.RawMessage) { h.srv.Broadcast(stream, message) }
func (h cableHub) Close()                                           { _ = h.srv.Close() }

func newCable(s *Sandbox) broadcaster {
	srv := cable.NewServer(s.authorizeCable)
	srv.Logf = s.logf
	srv.OnSubscribe = s.broadcastPresence
	srv.OnPresence = s.broadcastPresence
	return cableHub{srv}
}

// authorizeCable is RoomChannel#subscribed: without user_id the token must
// be a contact inbox's; with one, the user's own token and an account the
// user belongs to, and the agent also streams "account_<id>" (contact
// events). A refusal stays silent, as Chatwoot's does.
func (s *Sandbox) authorizeCable(id cable.ServerIdentifier) ([]string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	st := s.st
	if id.UserID == 0 {
		for _, ci := range st.ContactInboxes {
			if ci.PubsubToken == id.PubsubToken {
				return nil, true
			}
		}
		return nil, false
	}
	u := st.User(id.UserID)
	if u == nil || u.PubsubToken != id.PubsubToken || st.AccountUser(id.AccountID, u.ID) == nil {
		return nil, false
	}
	return []string{accountStream(id.AccountID)}, true
}

// broadcastPresence answers a subscription or an update_presence action
// with presence.update to the subscriber: the account's agents'
// availability and, for agents, the online contacts.
func (s *Sandbox) broadcastPresence(id cable.ServerIdentifier) {
	s.mu.RLock()
	st := s.st
	accountID := id.AccountID
	if id.UserID == 0 {
		for _, ci := range st.ContactInboxes {
			if ci.PubsubToken == id.PubsubToken {
				if in := st.InboxOf(ci.InboxID); in != nil {
					accountID = in.AccountID
				}
				break
			}
		}
	}
	users := obj{}
	for _, au := range st.AccountUsers {
		if au.AccountID == accountID {
			users[strconv.FormatInt(au.UserID, 10)] = orDefault(au.Availability, "offline")
		}
	}
	data := obj{"account_id": accountID, "users": users}
	if id.UserID != 0 {
		contacts := obj{}
		for _, ct := range st.Contacts {
			if ct.AccountID == accountID && ct.Online {
				contacts[strconv.FormatInt(ct.ID, 10)] = "online"
			}
		}
		data["contacts"] = contacts
	}
	s.mu.RUnlock()
	frame, _ := json.Marshal(obj{"event": "presence.update", "data": data})
	s.cable.Broadcast(id.PubsubToken, frame)
}
