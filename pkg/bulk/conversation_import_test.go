package bulk

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const convLine = `{"inbox_id":1,"source_id":"zd-1","contact":{"identifier":"cus_1","email":"ana@example.com","name":"Ana"},` +
	`"status":"resolved","assignee_email":"BO@example.com","labels":["Billing"],"messages":[` +
	`{"type":"incoming","content":"My invoice is wrong","author":"Ana","created_at":"2024-03-01T09:12:00+01:00","source_id":"m-1"},` +
	`{"type":"outgoing","content":"Fixed it","author":"Bo","created_at":"2024-03-01T10:02:00Z","source_id":"m-2"},` +
	`{"type":"private","content":"Refund issued","author":"Bo"}]}`

func importConversations(t *testing.T, f *fakeChatwoot, ctx context.Context, content string, opts Options) (Summary, Plan, error) {
	t.Helper()
	in, err := OpenInput(writeFile(t, filepath.Dir(opts.Journal), "conv.ndjson", content), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	return ImportConversations(ctx, f.client(t, nil), 1, in, opts)
}

func onlyConversation(t *testing.T, f *fakeChatwoot) *fakeConversation {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.conversations) != 1 {
		t.Fatalf("conversations = %d, want 1", len(f.conversations))
	}
	for _, c := range f.conversations {
		return c
	}
	return nil
}

func TestImportConversationKeepsHistory(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	sum, _, err := importConversations(t, f, context.Background(), convLine+"\n", opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 1 || sum.Rejected != 0 {
		t.Fatalf("summary = %+v", sum)
	}
	conv := onlyConversation(t, f)
	if conv.Status != "resolved" || conv.Assignee != 7 || !reflect.DeepEqual(conv.Labels, []string{"billing"}) {
		t.Errorf("conversation = %+v (status set after the incoming message, assignee by email, labels)", conv)
	}
	imported, _ := conv.Additional["imported"].(map[string]any)
	if imported["source_id"] != "zd-1" || !strings.Contains(imported["key"].(string), "/1:") {
		t.Errorf("additional_attributes.imported = %v", imported)
	}
	var got []string
	for _, m := range conv.Messages {
		im, _ := m.Attrs["imported"].(map[string]any)
		got = append(got, strings.Join([]string{m.Content, []string{"in", "out"}[m.Type], map[bool]string{true: "private"}[m.Private],
			str(im, "author"), str(im, "created_at"), str(im, "source_id"), str(m.Attrs, "external_created_at")}, "|"))
	}
	want := []string{
		"My invoice is wrong|in||Ana|2024-03-01T08:12:00Z|m-1|2024-03-01T08:12:00Z",
		"Fixed it|out||Bo|2024-03-01T10:02:00Z|m-2|2024-03-01T10:02:00Z",
		"Refund issued|out|private|Bo|||",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("messages\n got %q\nwant %q", got, want)
	}
	ana := f.contactBy("ana@example.com")
	if ana == nil || ana.Identifier != "cus_1" || ana.Inboxes[1] == "" {
		t.Errorf("contact = %+v, want created in inbox 1", ana)
	}
}

func TestImportConversationsReuseContactAndCachedLookups(t *testing.T) {
	f := newFake(t)
	existing := f.addContact(fakeContact{Name: "Ana", Email: "ana@example.com"})
	second := strings.Replace(convLine, `"zd-1"`, `"zd-2"`, 1)
	opts := testOptions(t, ".ndjson")
	opts.Concurrency = 2
	sum, _, err := importConversations(t, f, context.Background(), convLine+"\n"+second+"\n", opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 2 || f.numContacts() != 1 {
		t.Fatalf("summary %+v, contacts %d: the existing contact must be reused", sum, f.numContacts())
	}
	f.mu.Lock()
	for _, c := range f.conversations {
		if c.ContactID != existing {
			t.Errorf("conversation %d belongs to contact %d, want %d", c.ID, c.ContactID, existing)
		}
	}
	f.mu.Unlock()
	for _, req := range []string{"GET /api/v1/accounts/1/agents", "GET /api/v1/accounts/1/labels", "GET /api/v1/accounts/1/inboxes"} {
		if n := f.exact(req); n != 1 {
			t.Errorf("%s sent %d times, want once per job", req, n)
		}
	}
	if n := f.exact("POST /api/v1/accounts/1/contacts/101/contact_inboxes"); n != 1 {
		t.Errorf("contact_inboxes created %d times, want once (then reused)", n)
	}
}

func TestImportConversationRejects(t *testing.T) {
	lines := []string{
		strings.Replace(convLine, `"resolved"`, `"closed"`, 1),
		strings.Replace(convLine, `BO@example.com`, `nobody@example.com`, 1),
		strings.Replace(convLine, `"inbox_id":1`, `"inbox_id":2`, 1),
		strings.Replace(convLine, `"inbox_id":1`, `"inbox_id":9`, 1),
		strings.Replace(convLine, `"source_id":"zd-1"`, `"sauce":"x"`, 1),
		strings.Replace(convLine, `"identifier":"cus_1","email":"ana@example.com",`, ``, 1),
		strings.Replace(convLine, `"type":"incoming"`, `"type":"email"`, 1),
		strings.Replace(convLine, `"2024-03-01T10:02:00Z"`, `"yesterday"`, 1),
		strings.Replace(convLine, `["Billing"]`, `["gold"]`, 1),
		strings.Replace(convLine, `"name":"Ana"}`, `"name":"Ana","labels":["vip"]}`, 1),
		`{"inbox_id":1,`,
	}
	want := []string{
		`status "closed"`,
		`assignee_email "nobody@example.com" is not an agent`,
		`inbox 2 is a Channel::Email inbox`,
		`inbox 9 does not exist`,
		`unknown field "sauce"`,
		`contact needs an identifier, email or phone_number`,
		`messages[0].type "email"`,
		`messages[1].created_at "yesterday"`,
		`labels "gold" do not exist`,
		`contact.labels are not imported with conversations`,
		`not a conversation object`,
	}
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	sum, _, err := importConversations(t, f, context.Background(), strings.Join(lines, "\n")+"\n", opts)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rejected != int64(len(lines)) || f.exact("POST /api/v1/accounts/1/conversations") != 0 {
		t.Fatalf("summary %+v; conversations created %d", sum, f.exact("POST /api/v1/accounts/1/conversations"))
	}
	rejects := strings.Split(strings.TrimSuffix(readFile(t, opts.Rejects), "\n"), "\n")
	if len(rejects) != len(lines) {
		t.Fatalf("rejects lines = %d", len(rejects))
	}
	// Rows rejected on reading come before rows rejected by the server:
	// find each line's reject by its original text.
	for i, w := range want {
		prefix := strings.TrimSuffix(lines[i], "}") + `,"_error":`
		if i == len(lines)-1 {
			prefix = `{"_raw":"{\"inbox_id\":1,","_error":`
		}
		found := ""
		for _, r := range rejects {
			if strings.HasPrefix(r, prefix) {
				found = r
			}
		}
		if !strings.Contains(found, w) && !strings.Contains(found, strings.ReplaceAll(w, `"`, `\"`)) {
			t.Errorf("line %d: reject %q\nwant the original line with a reason saying %s", i+1, found, w)
		}
	}
}

func TestImportConversationResumesInsideTheConversation(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	ctx, cancel := context.WithCancel(context.Background())
	// The second message is stored, then the process dies unanswered.
	f.afterMessage = func(n int) bool {
		if n == 2 {
			cancel()
			return true
		}
		return false
	}
	_, _, err := importConversations(t, f, ctx, convLine+"\n", opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: %v", err)
	}
	f.afterMessage = nil
	sum, _, err := importConversations(t, f, context.Background(), convLine+"\n", opts)
	if err != nil {
		t.Fatal(err)
	}
	conv := onlyConversation(t, f)
	var contents []string
	for _, m := range conv.Messages {
		contents = append(contents, m.Content)
	}
	if !reflect.DeepEqual(contents, []string{"My invoice is wrong", "Fixed it", "Refund issued"}) {
		t.Errorf("messages = %q: none twice, none left out", contents)
	}
	if sum.Created != 1 || sum.Retried != 1 || conv.Status != "resolved" {
		t.Errorf("summary %+v, status %s", sum, conv.Status)
	}
	if f.numContacts() != 1 {
		t.Errorf("contacts = %d", f.numContacts())
	}
}

func TestImportConversationReconcilesAConversationCreatedUnanswered(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	ctx, cancel := context.WithCancel(context.Background())
	// The conversation is stored, then the process dies unanswered.
	f.afterConversation = func() bool { cancel(); return true }
	if _, _, err := importConversations(t, f, ctx, convLine+"\n", opts); !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: %v", err)
	}
	f.afterConversation = nil
	sum, _, err := importConversations(t, f, context.Background(), convLine+"\n", opts)
	if err != nil {
		t.Fatal(err)
	}
	conv := onlyConversation(t, f)
	if len(conv.Messages) != 3 || sum.Retried != 1 || f.exact("POST /api/v1/accounts/1/conversations") != 1 {
		t.Errorf("messages %d, summary %+v, creates %d", len(conv.Messages), sum, f.exact("POST /api/v1/accounts/1/conversations"))
	}
}

func TestImportConversationDryRunOnlyReads(t *testing.T) {
	f := newFake(t)
	opts := testOptions(t, ".ndjson")
	opts.DryRun = true
	_, plan, err := importConversations(t, f, context.Background(), convLine+"\n{}\n", opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, req := range []string{"GET /api/v1/accounts/1/inboxes", "GET /api/v1/accounts/1/labels", "GET /api/v1/accounts/1/agents"} {
		if f.exact(req) != 1 {
			t.Errorf("dry run: %s sent %d times, want once", req, f.exact(req))
		}
	}
	if f.total() != 3 {
		t.Fatalf("dry run sent %d requests, want only the 3 reads", f.total())
	}
	if len(plan.Items) != 2 || plan.Match != 1 || plan.Reject != 1 {
		t.Fatalf("plan = %+v", plan)
	}
	it := plan.Items[0]
	if len(it.Requests) != 6 || !strings.Contains(it.Match, `would match by identifier="cus_1"`) || !strings.Contains(it.Match, "assignee") {
		t.Errorf("plan item = %+v", it)
	}
	if it.Requests[5].Path != "/api/v1/accounts/1/conversations/{conversation_id}/toggle_status" || string(it.Requests[5].Body) != `{"status":"resolved"}` {
		t.Errorf("last planned request = %+v", it.Requests[5])
	}
}
