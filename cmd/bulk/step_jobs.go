package bulk

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/wootcli/woot/pkg/bulk"
	"github.com/wootcli/woot/pkg/cmdutil"
)

// stepJobPaths names a step job's journal after what it does, so that the
// same plan resumes and another starts afresh.
func stepJobPaths(f *cmdutil.Factory, flags *jobFlags, name string, steps []bulk.Step) (journal, rejects string, err error) {
	if flags.journal != "" && flags.rejects != "" {
		return flags.journal, flags.rejects, nil
	}
	dir, err := f.ConfigDir()
	if err != nil {
		return "", "", err
	}
	h := sha256.New()
	for _, s := range steps {
		b, err := json.Marshal(s) // maps in sorted order: the same steps hash the same
		if err != nil {
			return "", "", err
		}
		h.Write(append(b, '\n'))
	}
	stem := filepath.Join(dir, "jobs", fmt.Sprintf("%s-%s", name, hex.EncodeToString(h.Sum(nil))[:12]))
	if err := os.MkdirAll(filepath.Dir(stem), 0o700); err != nil {
		return "", "", fmt.Errorf("create the jobs directory: %w (or pass --journal and --rejects)", err)
	}
	return stem + ".journal", stem + ".rejects.ndjson", nil
}
