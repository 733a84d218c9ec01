package sandbox

import (
	"encoding/csv"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// importContacts reads the CSV in the multipart field import_file and
// merges it into the contacts right away (the server queues a job that
// does the same): rows match an existing contact by identifier, then
// email, then phone number; name, email, phone_number, identifier,
// company and city are columns, every other column a custom attribute
// (FACTS §8). Invalid rows are skipped, as the server reports them in a
// failed-records file rather than failing the request.
func (c *ctx) importContacts() {
	file, _, err := c.r.FormFile("import_file")
	if err != nil {
		c.fail(http.StatusUnprocessableEntity, "Import failed: attach a CSV file as import_file")
		return
	}
	defer file.Close()
	r := csv.NewReader(file)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		c.fail(http.StatusUnprocessableEntity, "Import failed: the CSV has no header row")
		return
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(header[i], "\ufeff")))
	}
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			continue
		}
		c.importRow(header, row)
	}
	c.head(http.StatusOK)
}

func (c *ctx) importRow(header, row []string) {
	fields := obj{}
	custom := obj{}
	additional := obj{}
	for i, col := range header {
		if i >= len(row) {
			break
		}
		v := strings.ToValidUTF8(strings.TrimSpace(row[i]), "")
		if v == "" || !utf8.ValidString(v) {
			continue
		}
		switch col {
		case "name", "email", "identifier":
			fields[col] = v
		case "phone_number":
			if !strings.HasPrefix(v, "+") {
				v = "+" + v
			}
			fields[col] = v
		case "company", "company_name":
			additional["company_name"] = v
		case "city":
			additional["city"] = v
		default:
			custom[col] = v
		}
	}
	if len(custom) > 0 {
		fields["custom_attributes"] = custom
	}
	if len(additional) > 0 {
		fields["additional_attributes"] = additional
	}
	ct := c.st.ExistingContact(c.acct.ID, str(fields, "identifier"), str(fields, "email"), str(fields, "phone_number"))
	if ct != nil {
		draft := *ct
		applyContactFields(&draft, fields)
		if c.quietlyValid(&draft) {
			c.st.ReplaceContact(ct, draft)
			ct.UpdatedAt = c.now()
		}
		return
	}
	ct = &store.Contact{AccountID: c.acct.ID, CustomAttributes: obj{}, AdditionalAttributes: obj{}}
	applyContactFields(ct, fields)
	if c.quietlyValid(ct) {
		c.st.AddContact(ct, c.now())
	}
}

// quietlyValid runs the contact validations without answering.
func (c *ctx) quietlyValid(ct *store.Contact) bool {
	saved := *c
	ok := c.validContact(ct)
	c.status, c.contentType, c.body = saved.status, saved.contentType, saved.body
	return ok
}
