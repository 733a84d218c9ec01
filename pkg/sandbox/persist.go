package sandbox

import (
	"encoding/json"
	"fmt"

	"github.com/wootcli/woot/pkg/sandbox/store"
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
	if err := store.WriteAtomic(s.opts.StatePath, raw); err != nil {
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
