// Package releasetest checks scripts/release by running it for the host.
package releasetest

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReleaseStampsVersionAndCommit builds the host's archive only (one
// build keeps it cheap) and runs the binary packed in it.
func TestReleaseStampsVersionAndCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release binary; skipped with -short")
	}
	if runtime.GOOS == "windows" {
		t.Skip("scripts/release is a bash script")
	}
	for _, bin := range []string{"bash", "go", "tar", "sha256sum"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("no %s on PATH to run scripts/release", bin)
		}
	}
	dist := t.TempDir()
	target := runtime.GOOS + "/" + runtime.GOARCH
	cmd := exec.Command("bash", "scripts/release", "v1.2.3-test")
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "DIST="+dist, "TARGETS="+target, "COMMIT=c0ffee123456")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/release: %v\n%s", err, out)
	}
	name := "woot_1.2.3-test_" + runtime.GOOS + "_" + runtime.GOARCH
	archive := filepath.Join(dist, name+".tar.gz")
	data, err := os.ReadFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(dist, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if want := hex.EncodeToString(sum[:]) + "  " + name + ".tar.gz\n"; string(sums) != want {
		t.Errorf("SHA256SUMS = %q, want %q", sums, want)
	}
	files := unpack(t, archive, t.TempDir())
	for _, want := range []string{"woot", "README.md", "man/woot.1", "completions/woot.bash", "completions/_woot"} {
		if _, ok := files[want]; !ok {
			t.Errorf("archive lacks %s", want)
		}
	}
	checkLicenceNotices(t, files)
	out, err := exec.Command(files["woot"], "version").Output()
	if err != nil {
		t.Fatalf("woot version: %v", err)
	}
	if got := strings.TrimSpace(string(out)); got != "woot version v1.2.3-test (c0ffee123456)" {
		t.Errorf("stamped binary says %q", got)
	}
}

// checkLicenceNotices: every module the packed binary says it links (its
// build information, not the script's own list) has its licence file in
// third-party-licenses/, and so has Go.
func checkLicenceNotices(t *testing.T, files map[string]string) {
	t.Helper()
	info, err := buildinfo.ReadFile(files["woot"])
	if err != nil {
		t.Fatalf("the packed binary has no build information: %v", err)
	}
	if len(info.Deps) < 5 {
		t.Fatalf("the packed binary lists %d modules; it links cobra, pflag, gojq, tablewriter and more", len(info.Deps))
	}
	has := func(dir string) bool {
		for rel := range files {
			if strings.HasPrefix(rel, dir+"/") {
				return true
			}
		}
		return false
	}
	if _, ok := files["third-party-licenses/go/LICENSE"]; !ok {
		t.Error("archive lacks Go's licence (third-party-licenses/go/LICENSE)")
	}
	for _, dep := range info.Deps {
		if !has("third-party-licenses/" + dep.Path) {
			t.Errorf("archive lacks the licence of %s, which the binary links", dep.Path)
		}
	}
}

// unpack extracts a tar.gz into dir and returns its regular files by
// their path below the archive's top folder.
func unpack(t *testing.T, archive, dir string) map[string]string {
	t.Helper()
	f, err := os.Open(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		_, rel, _ := strings.Cut(h.Name, "/")
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, os.FileMode(h.Mode)&0o755)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(out, tr); err != nil {
			t.Fatal(err)
		}
		out.Close()
		files[rel] = path
	}
}
