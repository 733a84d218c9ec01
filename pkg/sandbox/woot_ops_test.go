package sandbox

import (
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/wootcli/woot/pkg/api"
	"github.com/wootcli/woot/pkg/application"
	"github.com/wootcli/woot/pkg/client"
	"github.com/wootcli/woot/pkg/platform"
)

// Every command woot has must have a route in the sandbox, so that a
// newcomer's `woot --sandbox …` never meets a 404 for a missing endpoint
// (a record that does not exist still answers 404, as Chatwoot does).
func TestEveryWootOperationHasARoute(t *testing.T) {
	s, _ := newTestSandbox(t, Options{})
	param := regexp.MustCompile(`\{[a-z_]+\}`)
	var ops []api.Operation
	ops = append(ops, application.Operations()...)
	ops = append(ops, application.ServerOperations()...)
	ops = append(ops, client.Operations()...)
	ops = append(ops, platform.Operations()...)
	for _, op := range ops {
		req := httptest.NewRequest(op.Method, param.ReplaceAllString(op.Path, "1"), nil)
		if _, pattern := s.mux.Handler(req); pattern == "/" || pattern == "" {
			t.Errorf("woot %s: the sandbox has no route for %s %s", op.Command, op.Method, op.Path)
		}
	}
	if len(ops) < 230 {
		t.Fatalf("only %d operations read", len(ops))
	}
}
