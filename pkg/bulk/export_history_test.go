package bulk

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/wootcli/woot/pkg/api"
)

// A history page is read without decoding, and gives what api.Items
// gives for every shape: Chatwoot's, with whitespace, empty, null, and
// the ones api.Items refuses (its errors then come through unchanged).
func TestHistoryPageAgreesWithItems(t *testing.T) {
	for _, body := range []string{
		`{"meta":{"labels":[],"contact":{"id":1}},"payload":[{"id":1,"content":"a [x], {y}"},{"id":2,"content":null}]}`,
		` { "payload" : [ {"id":3} , {"id":4,"n":[1,{"k":"v"}]} ] , "meta" : {} } `,
		`{"meta":{},"payload":[]}`,
		`{"meta":{},"payload":null}`,
		`{"payload":[{"id":1}]`,
		`{"payload":[{"id":1}]} trailing`,
		`<!DOCTYPE html><title>Bad gateway</title>`,
		`{"meta":{}}`,
		``,
	} {
		want, wantErr := api.Items([]byte(body), "payload")
		got, err := historyPage([]byte(body), nil)
		if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Errorf("%q: error %v, api.Items says %v", body, err, wantErr)
			continue
		}
		if len(got) != len(want) {
			t.Errorf("%q: %d messages, api.Items finds %d", body, len(got), len(want))
			continue
		}
		for i := range got {
			var a, b any
			json.Unmarshal(got[i], &a)
			json.Unmarshal(want[i], &b)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%q: message %d is %s, api.Items has %s", body, i, got[i], want[i])
			}
		}
	}
}
