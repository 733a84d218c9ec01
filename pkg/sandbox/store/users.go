package store

import "strings"

func (st *State) UserByEmail(email string) *User {
	for _, u := range st.Users {
		if !u.Deleted && strings.EqualFold(u.Email, email) {
			return u
		}
	}
	return nil
}

func (st *State) AddUser(name, email string, now int64) *User {
	u := &User{Name: name, Email: email, AccessToken: st.NewToken(24), PubsubToken: st.NewToken(24),
		Confirmed: true, UISettings: obj{}, CustomAttributes: obj{}}
	u.ID = st.Next("users")
	u.CreatedAt, u.UpdatedAt = now, now
	st.Users = append(st.Users, u)
	st.idx.tokens[u.AccessToken] = TokenOwner{TokenUser, u.ID}
	return u
}

func (st *State) AddAccountUser(accountID, userID int64, role string, inviter, now int64) *AccountUser {
	au := &AccountUser{AccountID: accountID, UserID: userID, Role: role, Availability: "offline", AutoOffline: true, InviterID: inviter}
	au.ID = st.Next("account_users")
	au.CreatedAt, au.UpdatedAt, au.ActiveAt = now, now, now
	st.AccountUsers = append(st.AccountUsers, au)
	return au
}
