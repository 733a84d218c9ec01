package config

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
)

// Source says where a setting's value came from, for `woot auth status`.
type Source string

const (
	FromFlag    Source = "flag"
	FromEnv     Source = "env"
	FromFile    Source = "config"
	FromDefault Source = "default"
	FromSandbox Source = "sandbox"
	FromKeyring Source = "keyring"
)

// Value is one resolved setting.
type Value struct {
	Value  string
	Source Source
	Origin string // the flag, variable or file it came from
	// Key is the keyring entry of a token that lives in the keyring; its
	// Value stays empty until Settings.FetchSecrets reads it.
	Key string
	// Err says why a keyring token could not be read.
	Err error
}

// Settings are the effective values after flags > environment > file > defaults.
type Settings struct {
	Profile           string
	URL               Value
	AccountID         Value
	UserToken         Value
	PlatformToken     Value
	TokenStyle        Value
	InboxIdentifier   Value
	ContactIdentifier Value
	PubsubToken       Value
	HMACToken         Value
	WebhookSecret     Value
	Insecure          bool
}

// Flags are the command-line values that take part in resolution ("" = not given).
type Flags struct {
	Profile, URL, Account, InboxIdentifier, ContactIdentifier, HMACToken string
}

// Resolve applies the precedence rule to one profile of f.
func Resolve(f *File, flags Flags, getenv func(string) string) Settings {
	name := first(f.pinned, flags.Profile, getenv("WOOT_PROFILE"), f.Current, DefaultProfile)
	p := f.Profile(name)
	if p == nil {
		p = &Profile{}
	}
	path := f.Path()
	pick := func(flagVal, flagName, env, fileVal string) Value {
		switch {
		case flagVal != "":
			return Value{Value: flagVal, Source: FromFlag, Origin: "--" + flagName}
		case env != "" && getenv(env) != "":
			return Value{Value: getenv(env), Source: FromEnv, Origin: env}
		case fileVal != "":
			return Value{Value: fileVal, Source: FromFile, Origin: path + " (profile " + name + ")"}
		}
		return Value{}
	}
	s := Settings{Profile: name, Insecure: p.Insecure}
	s.URL = pick(flags.URL, "url", "CHATWOOT_URL", p.URL)
	s.AccountID = pick(flags.Account, "account", "CHATWOOT_ACCOUNT_ID", idString(p.AccountID))
	token := func(env, kind string) Value {
		if v := pick("", "", env, ""); v.Value != "" {
			return v
		}
		if p.TokenStorage(kind) == StoreKeyring {
			key := KeyringKey(name, kind)
			return Value{Source: FromKeyring, Origin: "service " + KeyringService + ", entry " + key, Key: key}
		}
		return pick("", "", "", p.tokenValue(kind))
	}
	s.UserToken = token("CHATWOOT_API_TOKEN", UserTokenKind)
	s.PlatformToken = token("CHATWOOT_PLATFORM_TOKEN", PlatformTokenKind)
	s.TokenStyle = pick("", "", "", p.TokenStyle)
	if s.TokenStyle.Value == "" {
		s.TokenStyle = Value{Value: "api_access_token", Source: FromDefault}
	}
	s.InboxIdentifier = pick(flags.InboxIdentifier, "inbox-identifier", "CHATWOOT_INBOX_IDENTIFIER", p.InboxIdentifier)
	s.ContactIdentifier = pick(flags.ContactIdentifier, "contact-identifier", "CHATWOOT_CONTACT_IDENTIFIER", p.ContactIdentifier)
	s.PubsubToken = pick("", "", "", p.PubsubToken)
	s.HMACToken = pick(flags.HMACToken, "hmac-token", "CHATWOOT_HMAC_TOKEN", p.HMACToken)
	s.WebhookSecret = pick("", "", "CHATWOOT_WEBHOOK_SECRET", p.WebhookSecret)
	return s
}

// Account parses the account id; 0 when unset.
func (s Settings) Account() (int64, error) {
	if s.AccountID.Value == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s.AccountID.Value, 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("account id %q from %s is not a positive number", s.AccountID.Value, s.AccountID.Origin)
	}
	return id, nil
}

func idString(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// Mask identifies a token without revealing any part of it: a short
// SHA-256 fingerprint is enough to tell two tokens apart.
func Mask(token string) string {
	if token == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(token))
	return "set (sha256:" + hex.EncodeToString(sum[:4]) + ")"
}
