package labels_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
	"github.com/wootcli/woot/cmd/labels"
	"github.com/wootcli/woot/pkg/sandbox"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }

var t0 = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func TestMerge(t *testing.T) {
	if got := strings.Join(labels.Merge([]string{"billing", "vip"}, []string{"VIP", "bug", "bug"}, false), ","); got != "billing,vip,bug" {
		t.Errorf("add: %s", got)
	}
	if got := strings.Join(labels.Merge([]string{"billing", "vip"}, []string{"Billing", "nope"}, true), ","); got != "vip" {
		t.Errorf("remove: %s", got)
	}
}

func TestLabelsAddRemoveKeepTheOthers(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	h := sb.Harness(t)
	h.MustRun("conversations", "labels", "set", "2", "--labels", "billing")
	if out := h.MustRun("conversations", "labels", "add", "2", "vip", "bug"); out != "billing\nvip\nbug\n" {
		t.Errorf("add: %q", out)
	}
	if out := h.MustRun("conversations", "labels", "remove", "2", "billing"); out != "vip\nbug\n" {
		t.Errorf("remove: %q", out)
	}
	before := sb.Requests.Load()
	if out := h.MustRun("conversations", "labels", "add", "2", "vip"); out != "vip\nbug\n" || !strings.Contains(h.ErrOut.String(), "nothing sent") {
		t.Errorf("adding a label it has: %q %s", out, h.ErrOut)
	}
	if n := sb.Requests.Load() - before; n != 1 {
		t.Errorf("%d requests for a change that changes nothing, want 1 (the read)", n)
	}
	h.MustRun("contacts", "labels", "set", "3", "--labels", "churn-risk")
	if out := h.MustRun("contacts", "labels", "add", "3", "vip"); out != "churn-risk\nvip\n" {
		t.Errorf("contacts add: %q", out)
	}
}

// Someone else labels the conversation right after woot's write: the
// read-back shows it, and woot says so.
func TestLabelsAddReportsAChangeUnderneath(t *testing.T) {
	sb, err := sandbox.New(sandbox.Options{Seed: "demo", Now: func() time.Time { return t0 }})
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sb.ServeHTTP(w, r)
		if r.Method == "POST" && strings.HasSuffix(r.URL.Path, "/conversations/2/labels") {
			other := httptest.NewRequest("POST", r.URL.Path, bytes.NewBufferString(`{"labels":["urgent"]}`))
			other.Header.Set("api_access_token", sandbox.SeedUserToken)
			other.Header.Set("Content-Type", "application/json")
			sb.ServeHTTP(httptest.NewRecorder(), other)
		}
	}))
	defer srv.Close()
	h := cmdtest.NewHarness(t)
	h.Env["CHATWOOT_URL"] = srv.URL
	h.Env["CHATWOOT_API_TOKEN"] = sandbox.SeedUserToken
	out := h.MustRun("conversations", "labels", "add", "2", "vip")
	if out != "urgent\n" {
		t.Errorf("stdout %q, want the labels as they are now", out)
	}
	if !strings.Contains(h.ErrOut.String(), "changed while this ran: wrote labels ") || !strings.Contains(h.ErrOut.String(), "now labels urgent") {
		t.Errorf("stderr: %s", h.ErrOut)
	}
}

func TestLabelsUsage(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "empty", t0)
	h := sb.Harness(t)
	if code := h.Run("conversations", "labels", "add", "2"); code != 2 || !strings.Contains(h.ErrOut.String(), "at least one label") {
		t.Errorf("exit %d %s", code, h.ErrOut)
	}
	if code := h.Run("contacts", "labels", "remove", "x", "vip"); code != 2 || !strings.Contains(h.ErrOut.String(), `"x" is not a contact id`) {
		t.Errorf("exit %d %s", code, h.ErrOut)
	}
}

func TestLabelsRequestsConformToTheSpec(t *testing.T) {
	sb := cmdtest.NewSandbox(t, "demo", t0)
	sb.CheckSpec(t)
	h := sb.Harness(t)
	h.MustRun("conversations", "labels", "add", "2", "vip")
	h.MustRun("contacts", "labels", "add", "2", "vip")
	if n := len(sb.Checked()); n != 4 {
		t.Errorf("checked %v, want the GET and POST labels of conversations and contacts", sb.Checked())
	}
}
