package sandbox

import (
	"testing"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Chatwoot's enum (app/models/custom_attribute_definition.rb) numbers
// conversation attributes 0 and contact attributes 1.
func TestAttributeModelNumbersFollowChatwootsEnum(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	for model, want := range map[string]string{"0": "order_id", "1": "plan", "conversation_attribute": "order_id", "contact_attribute": "plan"} {
		r := call(t, srv, "GET", "/api/v1/accounts/1/custom_attribute_definitions?attribute_model="+model, store.SeedUserToken, nil)
		mustStatus(t, r, 200, "list definitions")
		keys := map[any]bool{}
		for _, d := range r.list(t) {
			keys[d.(map[string]any)["attribute_key"]] = true
		}
		if !keys[want] || len(keys) == 0 {
			t.Errorf("attribute_model=%s lists %v, want %s among them", model, keys, want)
		}
		other := map[string]string{"order_id": "plan", "plan": "order_id"}[want]
		if keys[other] {
			t.Errorf("attribute_model=%s lists %s of the other model", model, other)
		}
	}
}

// The portals index carries meta {current_page, portals_count}, as
// Chatwoot's portals/index.json.jbuilder renders it.
func TestPortalsIndexHasMeta(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	body := call(t, srv, "GET", "/api/v1/accounts/1/portals", store.SeedUserToken, nil).json(t)
	portals, _ := body["payload"].([]any)
	meta, _ := body["meta"].(map[string]any)
	if len(portals) == 0 || meta == nil || meta["current_page"] != float64(1) || meta["portals_count"] != float64(len(portals)) {
		t.Fatalf("portals index %v", body)
	}
	paged := call(t, srv, "GET", "/api/v1/accounts/1/portals?page=2", store.SeedUserToken, nil).json(t)
	if m, _ := paged["meta"].(map[string]any); m == nil || m["current_page"] != "2" {
		t.Errorf("page=2 gives meta %v, want current_page \"2\" as the controller echoes params[:page]", paged["meta"])
	}
}
