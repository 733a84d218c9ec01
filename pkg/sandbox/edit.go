package sandbox

import (
	"errors"

	"github.com/wootcli/woot/pkg/sandbox/store"
)

// Edit changes an in-memory sandbox's state directly, under the write
// lock, for seeds that need records Chatwoot's API would refuse to create
// today: contacts imported before a validation existed (phone numbers not
// in E.164, emails in capitals), as real accounts hold them. A sandbox
// with a state file refuses, as the change would bypass its journal.
func (s *Sandbox) Edit(edit func(st *store.State, now int64)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file != nil {
		return errors.New("sandbox Edit: this sandbox keeps a state file; change it through its routes")
	}
	edit(s.st, s.now().Unix())
	s.cache.reset()
	return nil
}
