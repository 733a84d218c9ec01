package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".sandbox-state-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer os.Remove(name) // no-op once renamed
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(name, path)
}

// LoadState reads a saved state; a missing file is reported as
// os.ErrNotExist so New can seed instead.
func LoadState(path string) (*State, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, err
		}
		return nil, fmt.Errorf("load sandbox state: %w", err)
	}
	st := &State{}
	if err := json.Unmarshal(raw, st); err != nil {
		return nil, fmt.Errorf("load sandbox state %s: %w (delete the file to start from a fresh seed)", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("load sandbox state %s: version %d, this woot reads version %d (delete the file to start from a fresh seed)", path, st.Version, stateVersion)
	}
	st.Reindex()
	return st, nil
}
