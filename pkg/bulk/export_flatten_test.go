package bulk

import (
	"reflect"
	"testing"
)

// flattenCases cover every branch of FlattenOrdered's rules, and JSON that
// is not an object or not valid.
var flattenCases = []string{
	`{"id":1,"name":"Ann","email":null,"blocked":false,"score":1.50e+2}`,
	`{"additional_attributes":{"city":"Paris","social":{"x":"@a"},"empty":{}},"custom_attributes":{}}`,
	`{"labels":["vip","b2b"],"ids":[1,2.0,true,null],"none":[],"inboxes":[{"id":1,"name":"Web"}],"deep":[[1]]}`,
	"{ \"spaced\" : [ 1 , \"a\" ] ,\n\t\"x\" : { \"y\" : \"z\" } }",
	`{"esc":"line\nbreak \"quoted\" \u00e9 \ud83d\ude00","uni":"été","k\u0065y":"v","":{"":1,"x":2}}`,
	`{"bad":"` + "\xff\xfe" + `","mixed":["a\tb","` + "\xc3" + `"]}`,
	`{"dup":1,"dup":2}`,
	"  {\"pad\":1}\n",
	`{}`, `[]`, `[1]`, `"s"`, `1`, `null`, ``, ` `,
	`{"a":1,}`, `{"a":01}`, `{"a":1.}`, `{"a":-}`, `{"a":tru}`, `{"a":"\x"}`, `{"a":"\u12"}`, `{"a" 1}`,
	`{"a":1}x`, `{"a":[1,]}`, `{"a":[1 2]}`, `{"a":{"b":1}`, `{"a":"` + "\x01" + `"}`, `{a:1}`,
	`{"a":[{"b":[1,{"c":2}]}],"n":-0.5E-3}`,
}

func TestFastFlattenMatchesFlattenOrdered(t *testing.T) {
	var r flatRow
	for _, c := range flattenCases {
		checkFlattenSame(t, &r, []byte(c))
	}
}

func checkFlattenSame(t *testing.T, r *flatRow, item []byte) {
	t.Helper()
	wantKeys, wantCells := FlattenOrdered(item)
	ok := r.flatten(item)
	if ok != (wantKeys != nil) {
		t.Fatalf("%q: valid object %v, FlattenOrdered says %v", item, ok, wantKeys != nil)
	}
	if !ok {
		return
	}
	if !reflect.DeepEqual(append([]string{}, r.keys...), wantKeys) || !reflect.DeepEqual(append([]string{}, r.cells...), wantCells) {
		t.Fatalf("%q:\n keys  %q\n want  %q\n cells %q\n want  %q", item, r.keys, wantKeys, r.cells, wantCells)
	}
}

// FuzzFastFlatten: go test ./pkg/bulk -run '^$' -fuzz FuzzFastFlatten
func FuzzFastFlatten(f *testing.F) {
	for _, c := range flattenCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, item []byte) {
		var r flatRow
		checkFlattenSame(t, &r, item)
	})
}
