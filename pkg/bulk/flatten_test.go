package bulk

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestFlattenContact(t *testing.T) {
	// A contact as Chatwoot's contacts list renders it.
	item := json.RawMessage(`{"additional_attributes":{"city":"Lisbon","company_name":"Acme","social_profiles":{"twitter":"ana"}},
		"availability_status":"offline","email":"ana@example.com","id":4412,"name":"Ana","phone_number":null,"blocked":false,
		"identifier":"cus_1","thumbnail":"","custom_attributes":{"plan":"gold","seats":12.50},"last_activity_at":1700000000,
		"labels":["vip","billing"],"contact_inboxes":[{"source_id":"abc","inbox":{"id":1}}],"empty":{}}`)
	got := Flatten(item)
	want := map[string]string{
		"additional_attributes.city": "Lisbon", "additional_attributes.company_name": "Acme",
		"additional_attributes.social_profiles.twitter": "ana", "availability_status": "offline",
		"email": "ana@example.com", "id": "4412", "name": "Ana", "phone_number": "", "blocked": "false",
		"identifier": "cus_1", "thumbnail": "", "custom_attributes.plan": "gold", "custom_attributes.seats": "12.50",
		"last_activity_at": "1700000000", "labels": "vip;billing",
		"contact_inboxes": `[{"source_id":"abc","inbox":{"id":1}}]`, // as sent, compacted
	}
	if !reflect.DeepEqual(got, want) {
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %q, want %q", k, got[k], v)
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("unexpected column %s = %q", k, got[k])
			}
		}
	}
	for _, bad := range []string{`[1,2]`, `"x"`, `{`, `null`} {
		if Flatten(json.RawMessage(bad)) != nil {
			t.Errorf("Flatten(%s) is not nil", bad)
		}
	}
}

func TestFlattenOrderedKeepsTheServersOrder(t *testing.T) {
	keys, cells := FlattenOrdered(json.RawMessage(`{"id":7,"name":"Ann","custom_attributes":{"z":1,"a":"x"},"empty":{},"labels":[],"note":null}`))
	wantKeys := []string{"id", "name", "custom_attributes.z", "custom_attributes.a", "labels", "note"}
	wantCells := []string{"7", "Ann", "1", "x", "", ""}
	if !reflect.DeepEqual(keys, wantKeys) || !reflect.DeepEqual(cells, wantCells) {
		t.Errorf("FlattenOrdered = %q %q, want %q %q", keys, cells, wantKeys, wantCells)
	}
	if k, c := FlattenOrdered(json.RawMessage(`[1]`)); k != nil || c != nil {
		t.Errorf("an array flattened to %q %q", k, c)
	}
}
