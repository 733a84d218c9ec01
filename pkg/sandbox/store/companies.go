package store

// Companies are Records; which company a contact belongs to is a
// KindCompanyContacts record (ParentID the company, Attrs contact_id), so
// a contact is in at most one company, as in Chatwoot.
const (
	KindCompanies       = "companies"
	KindCompanyContacts = "company_contacts"
)

// companies makes a company without contacts first (for the help example
// that deletes one), then a company of every company name the demo
// contacts were given, in the order the names first appear, with each
// contact in it: company 2 holds contact 1.
func (g *seeder) companies(created int64) {
	g.st.AddRecord(KindCompanies, &Record{AccountID: g.acct.ID, Attrs: obj{
		"name": "Initrode", "domain": "initrode.example", "description": "Former customer",
		"custom_attributes": obj{}, "additional_attributes": obj{},
	}}, created)
	byName := map[string]*Record{}
	for _, ct := range g.st.Contacts {
		if ct.AccountID != g.acct.ID {
			continue
		}
		name, _ := ct.AdditionalAttributes["company_name"].(string)
		if name == "" {
			continue
		}
		co := byName[name]
		if co == nil {
			co = g.st.AddRecord(KindCompanies, &Record{AccountID: g.acct.ID, Attrs: obj{
				"name": name, "domain": companyDomain(name), "description": nil,
				"custom_attributes": obj{}, "additional_attributes": obj{},
			}}, created)
			byName[name] = co
		}
		g.st.AddRecord(KindCompanyContacts, &Record{AccountID: g.acct.ID, ParentID: co.ID, Attrs: obj{"contact_id": ct.ID}}, created)
	}
}

func companyDomain(name string) string {
	b := make([]byte, 0, len(name)+8)
	for _, c := range []byte(name) {
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return string(b) + ".example"
}
