package bulk

import (
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

func readAllContacts(t *testing.T, r *RowReader) []*contactRow {
	t.Helper()
	var rows []*contactRow
	for {
		row, err := r.next()
		if errors.Is(err, io.EOF) {
			return rows
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, row)
	}
}

func bodyJSON(t *testing.T, d *contactData, inbox int64) string {
	t.Helper()
	b, err := json.Marshal(d.body(inbox))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadContactsCSVMapsColumnsToChatwootFields(t *testing.T) {
	in := "\ufeffName, EMAIL ,phone_number,identifier,Company,city,country,avatar_url,blocked,labels,custom_attributes.Plan,additional_attributes.source\n" +
		"Ana Lima,ana@example.com,44 20 7946 0958,cus_1,Acme,London,UK,https://example.com/a.png,no,VIP; billing;;vip,gold,fair\n"
	r, err := ReadContacts(strings.NewReader(in), "csv", false)
	if err != nil {
		t.Fatal(err)
	}
	rows := readAllContacts(t, r)
	if len(rows) != 1 || len(rows[0].problems) != 0 {
		t.Fatalf("rows = %d, problems = %v", len(rows), rows[0].problems)
	}
	got := bodyJSON(t, &rows[0].data, 3)
	want := `{"additional_attributes":{"city":"London","company_name":"Acme","country":"UK","source":"fair"},"avatar_url":"https://example.com/a.png","blocked":false,"custom_attributes":{"Plan":"gold"},"email":"ana@example.com","identifier":"cus_1","inbox_id":3,"name":"Ana Lima","phone_number":"+442079460958"}`
	if got != want {
		t.Errorf("body\n got %s\nwant %s", got, want)
	}
	if !reflect.DeepEqual(rows[0].data.labels, []string{"vip", "billing"}) {
		t.Errorf("labels = %q, want [vip billing]", rows[0].data.labels)
	}
}

func TestReadContactsRefusesUnknownColumnsUpFront(t *testing.T) {
	_, err := ReadContacts(strings.NewReader("name,emial,tier\nAna,a@b.co,1\n"), "csv", false)
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want *InputError", err)
	}
	for _, want := range []string{`"emial"`, `"tier"`, "--extra custom", "custom_attributes.<key>"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestReadContactsExtraCustomKeepsUnknownColumns(t *testing.T) {
	r, err := ReadContacts(strings.NewReader("name,tier\nAna,gold\n"), "csv", true)
	if err != nil {
		t.Fatal(err)
	}
	rows := readAllContacts(t, r)
	if got := bodyJSON(t, &rows[0].data, 0); got != `{"custom_attributes":{"tier":"gold"},"name":"Ana"}` {
		t.Errorf("body = %s", got)
	}
}

func TestReadContactsHeaderProblems(t *testing.T) {
	for name, in := range map[string]string{
		"empty input":    "",
		"empty column":   "name,,email\n",
		"same field":     "email,EMAIL\n",
		"alias conflict": "company,company_name\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadContacts(strings.NewReader(in), "csv", false)
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("err = %v, want *InputError", err)
			}
		})
	}
}

func TestReadContactsNDJSONKeepsTypesAndChecksFields(t *testing.T) {
	in := `{"name":"Ana","identifier":4711,"custom_attributes":{"age":30,"vip":true},"custom_attributes.plan":"gold","labels":["VIP"],"blocked":true}` + "\n\n" +
		`{"name":"Bo","shoe":"42"}` + "\n"
	r, err := ReadContacts(strings.NewReader(in), "", false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Format() != "ndjson" {
		t.Fatalf("format = %s, want ndjson (sniffed)", r.Format())
	}
	rows := readAllContacts(t, r)
	if len(rows) != 2 {
		t.Fatalf("rows = %d, want 2 (blank line skipped)", len(rows))
	}
	if got := bodyJSON(t, &rows[0].data, 0); got != `{"blocked":true,"custom_attributes":{"age":30,"plan":"gold","vip":true},"identifier":"4711","name":"Ana"}` {
		t.Errorf("body = %s", got)
	}
	if rows[1].rec.line != 3 || len(rows[1].problems) != 1 || !strings.Contains(rows[1].problems[0], `"shoe"`) {
		t.Errorf("row 2: line %d problems %q", rows[1].rec.line, rows[1].problems)
	}
}

func TestReadContactsNDJSONFirstLineChecked(t *testing.T) {
	_, err := ReadContacts(strings.NewReader(`{"name":"Ana","shoe":"42"}`+"\n"), "ndjson", false)
	if err == nil || !strings.Contains(err.Error(), `"shoe"`) {
		t.Fatalf("err = %v, want unknown field shoe", err)
	}
	_, err = ReadContacts(strings.NewReader("name,email\n"), "ndjson", false)
	if err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("err = %v, want a line 1 complaint", err)
	}
}

func TestContactValidationRejectsWithReasons(t *testing.T) {
	in := "name,email,phone_number,identifier,blocked,avatar_url\n" +
		"Ok,ok@example.com,14155550123,,,\n" +
		",,,,,\n" +
		"Bad Email,ana@@example,,,,\n" +
		"Bad Phone,,+0123,,,\n" +
		"Letters,,call me,,,\n" +
		"Block,,,x1,maybe,\n" +
		"Avatar,,,x2,,ftp://example.com/a.png\n" +
		"Short,only-two\n"
	r, err := ReadContacts(strings.NewReader(in), "csv", false)
	if err != nil {
		t.Fatal(err)
	}
	rows := readAllContacts(t, r)
	want := []string{
		"",
		"none of name, email, phone_number, identifier",
		`email "ana@@example" is not an email address`,
		`phone_number "+0123" is not an international number`,
		`phone_number "call me"`,
		`blocked is "maybe"`,
		`avatar_url "ftp://example.com/a.png"`,
		"the row has 2 fields, the header has 6",
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %d, want %d", len(rows), len(want))
	}
	for i, w := range want {
		got := strings.Join(rows[i].problems, "; ")
		if (w == "") != (got == "") || !strings.Contains(got, w) {
			t.Errorf("row %d problems = %q, want %q", i+1, got, w)
		}
	}
	if rows[0].data.phone != "+14155550123" {
		t.Errorf("phone = %q, want the + added", rows[0].data.phone)
	}
}

func TestValidEmailAndPhone(t *testing.T) {
	for s, ok := range map[string]bool{"a@b.co": true, "first.last+tag@sub.example.org": true, "a@b": false, "@b.co": false,
		"a b@c.co": false, "a@b..co": false, "a@.b.co": false, "Ana <a@b.co>": false, "a@b.co.": false} {
		if validEmail(s) != ok {
			t.Errorf("validEmail(%q) = %v", s, !ok)
		}
	}
	for s, want := range map[string]string{"+1 (415) 555-0123": "+14155550123", "0044 20": "", "+1": "", "4915112345678": "+4915112345678", "1234567890123456": ""} {
		got, ok := normalizePhone(s)
		if (want == "") == ok || (ok && got != want) {
			t.Errorf("normalizePhone(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
}

func TestRejectsFileImportsAgain(t *testing.T) {
	// A fixed rejects file keeps its error column: it must read cleanly.
	r, err := ReadContacts(strings.NewReader("name,email,error\nAna,ana@example.com,old reason\n"), "csv", false)
	if err != nil {
		t.Fatal(err)
	}
	rows := readAllContacts(t, r)
	if len(rows[0].problems) != 0 || bodyJSON(t, &rows[0].data, 0) != `{"email":"ana@example.com","name":"Ana"}` {
		t.Errorf("problems %q body %s", rows[0].problems, bodyJSON(t, &rows[0].data, 0))
	}
	if got := csvReject(r.Header(), []string{"Ana", "bad", "old reason"}, "new reason", ','); got != "Ana,bad,new reason\n" {
		t.Errorf("csvReject = %q, want the error column replaced", got)
	}
	if got := jsonReject([]byte(`{"name":"Ana","_error":"old"}`), "new"); got != `{"name":"Ana","_error":"new"}`+"\n" {
		t.Errorf("jsonReject = %q", got)
	}
}
