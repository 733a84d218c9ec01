// Package spectest gives tests Chatwoot's published contract: it finds the
// shared spec files, loads swagger.json once, and checks requests and
// responses against it with kin-openapi.
//
// The spec files live beside the repository in CI and on the team's
// machines, not in an outside contributor's clone, so every entry point
// skips the calling test with a one-line reason when they are absent.
package spectest

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// Dir returns the chatwoot-api directory: $CHATWOOT_SPEC when set (a
// directory, or a file inside it), else ../shared/chatwoot-api beside the
// repository root. It skips the test when neither exists.
func Dir(t testing.TB) string {
	t.Helper()
	if dir, ok := findDir("CHATWOOT_SPEC", filepath.Join("shared", "chatwoot-api")); ok {
		return dir
	}
	t.Skip("Chatwoot spec not found: set CHATWOOT_SPEC or put shared/ beside the repository")
	return ""
}

// HarnessDir returns the ActionCable harness directory: $WOOT_HARNESS when
// set, else ../shared/harness beside the repository root; it skips the test
// when neither exists.
func HarnessDir(t testing.TB) string {
	t.Helper()
	if dir, ok := findDir("WOOT_HARNESS", filepath.Join("shared", "harness")); ok {
		return dir
	}
	t.Skip("ActionCable harness not found: set WOOT_HARNESS or put shared/ beside the repository")
	return ""
}

// File returns the path of one file of the chatwoot-api directory.
func File(t testing.TB, name string) string {
	t.Helper()
	return filepath.Join(Dir(t), name)
}

func findDir(env, rel string) (string, bool) {
	if v := os.Getenv(env); v != "" {
		if st, err := os.Stat(v); err == nil {
			if !st.IsDir() {
				v = filepath.Dir(v)
			}
			return v, true
		}
		return "", false
	}
	root, ok := repoRoot()
	if !ok {
		return "", false
	}
	dir := filepath.Join(filepath.Dir(root), rel)
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return dir, true
	}
	return "", false
}

// repoRoot walks up from the working directory (a package dir under test)
// to the directory holding go.mod.
func repoRoot() (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

var (
	loadOnce sync.Once
	loaded   *Spec
	loadErr  error
)

// Spec is the loaded swagger.json with a router that finds the operation
// for a request.
type Spec struct {
	Doc    *openapi3.T
	Router routers.Router
}

// Load returns the parsed swagger.json, loaded once per test binary.
func Load(t testing.TB) *Spec {
	t.Helper()
	path := File(t, "swagger.json")
	loadOnce.Do(func() {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromFile(path)
		if err != nil {
			loadErr = err
			return
		}
		// Chatwoot's spec lists no servers; an empty server list makes the
		// router match paths on any host.
		doc.Servers = nil
		router, err := gorillamux.NewRouter(doc)
		if err != nil {
			loadErr = err
			return
		}
		loaded = &Spec{Doc: doc, Router: router}
	})
	if loadErr != nil {
		t.Fatalf("load %s: %v", path, loadErr)
	}
	return loaded
}

// FindRoute returns the spec operation for a request, or an error when the
// spec has no such method and path.
func (s *Spec) FindRoute(r *http.Request) (*routers.Route, map[string]string, error) {
	return s.Router.FindRoute(r)
}

var background = context.Background

// Optional returns the spec when the shared files are present and nil
// otherwise, without skipping: tests that also check other things keep
// running in a contributor's clone and validate requests only where they can.
func Optional(t testing.TB) *Spec {
	t.Helper()
	if _, ok := findDir("CHATWOOT_SPEC", filepath.Join("shared", "chatwoot-api")); !ok {
		return nil
	}
	return Load(t)
}
