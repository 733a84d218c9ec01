package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

const maxBody = 32 << 20

// parseParams merges the query string and the body (JSON, form or
// multipart) into one object, the way Rails builds params: body fields win
// over query fields of the same name, and bracketed form names
// (profile[name], ids[]) nest.
func (c *ctx) parseParams() error {
	c.params = obj{}
	mergeForm(c.params, c.r.URL.Query())
	if c.r.Body == nil || c.r.Method == http.MethodGet || c.r.Method == http.MethodHead {
		return nil
	}
	ct, _, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	switch ct {
	case "multipart/form-data":
		if err := c.r.ParseMultipartForm(maxBody); err != nil {
			return fmt.Errorf("read multipart body: %w", err)
		}
		mergeForm(c.params, c.r.MultipartForm.Value)
		for field, files := range c.r.MultipartForm.File {
			for _, f := range files {
				c.files = append(c.files, store.Attachment{FileName: f.Filename, FileSize: f.Size, FileType: fileType(f.Header.Get("Content-Type")), Extension: strings.TrimPrefix(path.Ext(f.Filename), ".")})
			}
			c.params[strings.TrimSuffix(field, "[]")] = "file"
		}
		return nil
	case "application/x-www-form-urlencoded":
		raw, err := io.ReadAll(io.LimitReader(c.r.Body, maxBody))
		if err != nil {
			return fmt.Errorf("read form body: %w", err)
		}
		form, err := url.ParseQuery(string(raw))
		if err != nil {
			return fmt.Errorf("parse form body: %w", err)
		}
		mergeForm(c.params, form)
		return nil
	}
	raw, err := io.ReadAll(io.LimitReader(c.r.Body, maxBody))
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("parse JSON body: %w", err)
	}
	if m, ok := v.(map[string]any); ok {
		for k, val := range m {
			c.params[k] = val
		}
	} else {
		c.params["_json"] = v
	}
	return nil
}

func fileType(contentType string) string {
	switch {
	case strings.HasPrefix(contentType, "image/"):
		return "image"
	case strings.HasPrefix(contentType, "video/"):
		return "video"
	case strings.HasPrefix(contentType, "audio/"):
		return "audio"
	}
	return "file"
}

// mergeForm adds form values, nesting bracketed names.
func mergeForm(dst obj, form url.Values) {
	for key, vals := range form {
		setNested(dst, key, vals)
	}
}

func setNested(dst obj, key string, vals []string) {
	parts := splitBrackets(key)
	cur := dst
	for i, p := range parts {
		last := i == len(parts)-1
		if last {
			if p == "" {
				return
			}
			cur[p] = formValue(vals)
			return
		}
		if parts[i+1] == "" && i+1 == len(parts)-1 {
			arr := make([]any, len(vals))
			for j, v := range vals {
				arr[j] = v
			}
			cur[p] = arr
			return
		}
		next, ok := cur[p].(map[string]any)
		if !ok {
			next = obj{}
			cur[p] = next
		}
		cur = next
	}
}

func formValue(vals []string) any {
	if len(vals) == 1 {
		return vals[0]
	}
	arr := make([]any, len(vals))
	for i, v := range vals {
		arr[i] = v
	}
	return arr
}

// splitBrackets turns "a[b][]" into ["a","b",""].
func splitBrackets(key string) []string {
	i := strings.IndexByte(key, '[')
	if i < 0 {
		return []string{key}
	}
	parts := []string{key[:i]}
	rest := key[i:]
	for strings.HasPrefix(rest, "[") {
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			break
		}
		parts = append(parts, rest[1:j])
		rest = rest[j+1:]
	}
	return parts
}

// in returns the object nested under wrapper when the client wrapped its
// fields (Rails accepts both {"team":{…}} and {…}), else the top level.
func (c *ctx) in(wrapper string) obj {
	if w, ok := c.params[wrapper].(map[string]any); ok {
		return w
	}
	return c.params
}

// Accessors over a params object. Each says whether the key was present,
// so updates touch only the fields a client sent.

func getStr(o obj, key string) (string, bool) {
	v, ok := o[key]
	if !ok || v == nil {
		return "", ok
	}
	switch t := v.(type) {
	case string:
		return t, true
	case json.Number:
		return t.String(), true
	case bool:
		return strconv.FormatBool(t), true
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64), true
	}
	return fmt.Sprint(v), true
}

func str(o obj, key string) string {
	s, _ := getStr(o, key)
	return s
}

func getInt(o obj, key string) (int64, bool) {
	v, ok := o[key]
	if !ok || v == nil {
		return 0, false
	}
	return toInt(v)
}

func toInt(v any) (int64, bool) {
	switch t := v.(type) {
	case json.Number:
		if n, err := t.Int64(); err == nil {
			return n, true
		}
		if f, err := t.Float64(); err == nil {
			return int64(f), true
		}
	case float64:
		return int64(t), true
	case int64:
		return t, true
	case int:
		return int64(t), true
	case string:
		if n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64); err == nil {
			return n, true
		}
	}
	return 0, false
}

func intOf(o obj, key string) int64 {
	n, _ := getInt(o, key)
	return n
}

func getBool(o obj, key string) (bool, bool) {
	v, ok := o[key]
	if !ok || v == nil {
		return false, false
	}
	switch t := v.(type) {
	case bool:
		return t, true
	case string:
		return t == "true" || t == "1" || t == "on", true
	case json.Number:
		return t.String() != "0", true
	}
	return false, false
}

func getObj(o obj, key string) (obj, bool) {
	m, ok := o[key].(map[string]any)
	return m, ok
}

// getList reads an array, a single value, or a comma-free string as a
// one-element list.
func getList(o obj, key string) ([]any, bool) {
	v, ok := o[key]
	if !ok {
		v, ok = o[key+"[]"]
	}
	if !ok || v == nil {
		return nil, ok
	}
	if arr, isArr := v.([]any); isArr {
		return arr, true
	}
	return []any{v}, true
}

func getStrs(o obj, key string) ([]string, bool) {
	list, ok := getList(o, key)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		s, _ := getStr(obj{"v": v}, "v")
		if s != "" {
			out = append(out, s)
		}
	}
	return out, true
}

func getInts(o obj, key string) ([]int64, bool) {
	list, ok := getList(o, key)
	if !ok {
		return nil, false
	}
	out := make([]int64, 0, len(list))
	for _, v := range list {
		if n, ok := toInt(v); ok {
			out = append(out, n)
		}
	}
	return out, true
}

// page reads the page query parameter (1 when absent or invalid).
func (c *ctx) page() int {
	n, ok := getInt(c.params, "page")
	if !ok || n < 1 {
		return 1
	}
	return int(n)
}

// copyObj returns a shallow copy, so stored attributes never alias a
// request's params.
func copyObj(o obj) obj {
	out := make(obj, len(o))
	for k, v := range o {
		out[k] = v
	}
	return out
}

func orEmpty(o obj) obj {
	if o == nil {
		return obj{}
	}
	return o
}
