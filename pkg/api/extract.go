package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
)

// ShapeError means a 2xx body was not the JSON the operation expects.
type ShapeError struct{ What string }

func (e *ShapeError) Error() string { return "response is not the expected shape: " + e.What }

// Extract returns the value at a dotted path ("data.payload") inside a
// JSON body, its bytes untouched; "" returns the body itself.
func Extract(body []byte, path string) (json.RawMessage, error) {
	cur := json.RawMessage(bytes.TrimSpace(body))
	if err := notJSON(cur); err != nil {
		return nil, err
	}
	if path == "" {
		return cur, nil
	}
	for _, key := range strings.Split(path, ".") {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(cur, &obj); err != nil {
			return nil, &ShapeError{fmt.Sprintf("no object around %q", key)}
		}
		next, ok := obj[key]
		if !ok {
			return nil, &ShapeError{fmt.Sprintf("no %q field", key)}
		}
		cur = next
	}
	return cur, nil
}

// notJSON explains a 2xx body that cannot be Chatwoot's JSON: an HTML
// page (a CHATWOOT_URL pointing at a web page or the dashboard) or
// nothing at all, in the words a 5xx HTML page gets.
func notJSON(body []byte) error {
	switch {
	case len(body) == 0:
		return &ShapeError{"the server answered with an empty body, not Chatwoot's JSON: is the URL wrong (it is the address you open Chatwoot at), or a proxy in front of it?"}
	case body[0] == '<' || looksHTML(http.Header{}, body):
		msg := "the server answered with an HTML page"
		if t := htmlTitle(body); t != "" {
			msg += " (" + t + ")"
		}
		return &ShapeError{msg + ", not Chatwoot's JSON: is the URL wrong (it is the address you open Chatwoot at), or a proxy in front of it?"}
	}
	return nil
}

// Items returns the array at path inside body, each element's bytes untouched.
func Items(body []byte, path string) ([]json.RawMessage, error) {
	p, err := ParsePage(body, path)
	return p.Items, err
}

// Page is one parsed list answer.
type Page struct {
	Items []json.RawMessage
	// Total is the item count the server announced (meta.count,
	// data.meta.all_count, total_entries); -1 when it announced none.
	Total int64
}

// ParsePage reads a list answer in one pass: the items at path, and the
// total announced beside them. The rules, the same for every list:
//   - a bare array is the list itself, whatever path says (server
//     versions differ: webhooks come as {"payload":{"webhooks":[…]}} or
//     as […]);
//   - null, at path or around it, is an empty list;
//   - an HTML or empty body is a wrong URL or a proxy, said so.
func ParsePage(body []byte, path string) (Page, error) {
	trimmed := bytes.TrimSpace(body)
	if err := notJSON(trimmed); err != nil {
		return Page{Total: -1}, err
	}
	if trimmed[0] == '[' || path == "" {
		items, err := arrayItems(trimmed, path)
		return Page{Items: items, Total: -1}, err
	}
	v := reflect.New(pageType(path))
	if err := json.Unmarshal(trimmed, v.Interface()); err != nil {
		return parsePageSlowly(trimmed, path)
	}
	cur := v.Elem()
	for range strings.Count(path, ".") {
		cur = cur.Field(0)
		if cur.IsNil() {
			return parsePageSlowly(trimmed, path) // missing or null: say which
		}
		cur = cur.Elem()
	}
	items := cur.Field(0).Interface().([]json.RawMessage)
	if len(items) == 0 {
		return parsePageSlowly(trimmed, path) // missing, null or []: say which
	}
	return Page{Items: items, Total: announcedTotal(cur)}, nil
}

func arrayItems(raw []byte, path string) ([]json.RawMessage, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		where := path
		if where == "" {
			where = "the body"
		}
		return nil, &ShapeError{where + " is not a list"}
	}
	return items, nil
}

// parsePageSlowly walks the path a level at a time: for the answers the
// one-pass parse cannot tell apart (empty, null, missing, wrong shape).
func parsePageSlowly(body []byte, path string) (Page, error) {
	cur := json.RawMessage(body)
	for _, key := range strings.Split(path, ".") {
		if string(cur) == "null" {
			return Page{Total: -1}, nil
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(cur, &obj); err != nil {
			return Page{Total: -1}, &ShapeError{fmt.Sprintf("no object around %q", key)}
		}
		next, ok := obj[key]
		if !ok {
			return Page{Total: -1}, &ShapeError{fmt.Sprintf("no %q field", key)}
		}
		cur = next
	}
	if string(cur) == "null" {
		return Page{Total: -1}, nil
	}
	items, err := arrayItems(cur, path)
	return Page{Items: items, Total: -1}, err
}

// pageTypes caches, per data path, a struct type that decodes exactly the
// path, its items and the totals beside them: for "data.payload",
// struct{F *struct{F []json.RawMessage "payload"; Meta …} "data"}.
var pageTypes sync.Map

func pageType(path string) reflect.Type {
	if t, ok := pageTypes.Load(path); ok {
		return t.(reflect.Type)
	}
	keys := strings.Split(path, ".")
	last := keys[len(keys)-1]
	fields := []reflect.StructField{{Name: "F", Type: reflect.TypeFor[[]json.RawMessage](), Tag: jsonTag(last)}}
	if last != "meta" {
		fields = append(fields, reflect.StructField{Name: "Meta", Type: reflect.TypeFor[json.RawMessage](), Tag: jsonTag("meta")})
	}
	if last != "total_entries" {
		fields = append(fields, reflect.StructField{Name: "TotalEntries", Type: reflect.TypeFor[*int64](), Tag: jsonTag("total_entries")})
	}
	t := reflect.StructOf(fields)
	for i := len(keys) - 2; i >= 0; i-- {
		t = reflect.StructOf([]reflect.StructField{{Name: "F", Type: reflect.PointerTo(t), Tag: jsonTag(keys[i])}})
	}
	pageTypes.Store(path, t)
	return t
}

func jsonTag(key string) reflect.StructTag { return reflect.StructTag(`json:"` + key + `"`) }

// announcedTotal reads the total beside the items: meta.count (contacts),
// meta.all_count (conversations), total_entries (audit logs).
func announcedTotal(level reflect.Value) int64 {
	if f := level.FieldByName("TotalEntries"); f.IsValid() && !f.IsNil() {
		return f.Elem().Int()
	}
	f := level.FieldByName("Meta")
	if !f.IsValid() || f.Len() == 0 {
		return -1
	}
	var meta struct {
		Count    *int64 `json:"count"`
		AllCount *int64 `json:"all_count"`
	}
	if json.Unmarshal(f.Bytes(), &meta) != nil {
		return -1
	}
	switch {
	case meta.AllCount != nil:
		return *meta.AllCount
	case meta.Count != nil:
		return *meta.Count
	}
	return -1
}
