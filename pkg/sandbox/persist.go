package sandbox

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Save writes the state to Options.StatePath atomically (a temporary file
// renamed over the old one, mode 0600). Without a StatePath it does
// nothing.
func (s *Sandbox) Save() error {
	if s.opts.StatePath == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	raw, err := json.Marshal(s.st)
	if err != nil {
		return fmt.Errorf("save sandbox state: %w", err)
	}
	if err := writeAtomic(s.opts.StatePath, raw); err != nil {
		return fmt.Errorf("save sandbox state: %w", err)
	}
	s.dirty = false
	return nil
}

// Dirty says whether the state changed since it was loaded or saved.
func (s *Sandbox) Dirty() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.dirty
}

func writeAtomic(path string, data []byte) error {
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

// loadState reads a saved state; a missing file is reported as
// os.ErrNotExist so New can seed instead.
func loadState(path string) (*state, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, err
		}
		return nil, fmt.Errorf("load sandbox state: %w", err)
	}
	st := &state{}
	if err := json.Unmarshal(raw, st); err != nil {
		return nil, fmt.Errorf("load sandbox state %s: %w (delete the file to start from a fresh seed)", path, err)
	}
	if st.Version != stateVersion {
		return nil, fmt.Errorf("load sandbox state %s: version %d, this woot reads version %d (delete the file to start from a fresh seed)", path, st.Version, stateVersion)
	}
	st.reindex()
	return st, nil
}
