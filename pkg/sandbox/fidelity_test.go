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
