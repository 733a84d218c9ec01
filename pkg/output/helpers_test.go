package output

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// assertGolden compares got with testdata/name, or rewrites it with -update.
func assertGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./pkg/output -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (rerun with -update if intended)\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// fixedNow is the clock tests run at: 2023-11-15T00:00:00Z.
var fixedNow = time.Date(2023, 11, 15, 0, 0, 0, 0, time.UTC)

// testIO returns buffer streams with a fixed clock.
func testIO(tty bool) (*IOStreams, *bytes.Buffer, *bytes.Buffer) {
	ios, _, out, errOut := Test()
	ios.SetStdoutTTY(tty)
	ios.SetNow(func() time.Time { return fixedNow })
	return ios, out, errOut
}

// Contacts in the shape of GET /api/v1/accounts/{id}/contacts payload items.
const (
	contactAlice = `{"additional_attributes":{"city":"Berlin","company_name":"Acme GmbH"},"availability_status":"offline","email":"alice@example.com","id":1,"name":"Alice Schmidt","phone_number":"+4930123456","identifier":null,"thumbnail":"","custom_attributes":{"plan":"pro"},"last_activity_at":1700000000,"created_at":1699990000,"contact_inboxes":[]}`
	contactBob   = `{"additional_attributes":{},"availability_status":"online","email":"bob@example.org","id":2,"name":"Bob\tTab\nNewline","phone_number":null,"identifier":"crm-2","thumbnail":"","custom_attributes":{},"last_activity_at":null,"created_at":1699900000,"contact_inboxes":[]}`
	contactChen  = `{"additional_attributes":{"city":"上海"},"availability_status":"offline","email":"chen@example.cn","id":12345678901234567,"name":"陈伟","phone_number":"+8613800000000","identifier":null,"thumbnail":"","custom_attributes":{"plan":"free"},"last_activity_at":1699999990,"created_at":1600000000,"contact_inboxes":[]}`
)

// A conversation in the shape of GET /api/v1/accounts/{id}/conversations data.payload items.
const conversation42 = `{"id":42,"account_id":1,"inbox_id":3,"status":"open","priority":null,"labels":["vip","billing"],"meta":{"sender":{"id":7,"name":"Bob","email":"bob@example.org","thumbnail":""},"assignee":null,"channel":"Channel::Api"},"messages":[{"id":900,"content":"Hello\nthere","message_type":0,"created_at":1699999000}],"timestamp":1699999000,"created_at":1699990000,"unread_count":2,"agent_last_seen_at":"2023-11-14T20:00:00.000Z","custom_attributes":{}}`

var contacts = []string{contactAlice, contactBob, contactChen}

// print feeds items to a fresh printer and closes it.
func printList(t *testing.T, ios *IOStreams, opts Options, items ...string) error {
	t.Helper()
	p, err := New(ios, opts)
	if err != nil {
		t.Fatalf("New(%+v): %v", opts, err)
	}
	for _, it := range items {
		if err := p.Item(json.RawMessage(it)); err != nil {
			return err
		}
	}
	return p.Close()
}

func printObject(t *testing.T, ios *IOStreams, opts Options, obj string) error {
	t.Helper()
	p, err := New(ios, opts)
	if err != nil {
		t.Fatalf("New(%+v): %v", opts, err)
	}
	if err := p.Object(json.RawMessage(obj)); err != nil {
		return err
	}
	return p.Close()
}
