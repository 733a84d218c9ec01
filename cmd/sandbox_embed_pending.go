package cmd

import (
	"net/http"

	"github.com/spf13/cobra"
	"github.com/wootcli/woot/pkg/config"
)

// Placeholder until pkg/sandbox lands.
type embeddedSandbox struct{}

func (f *Factory) sandboxMode() (*embeddedSandbox, error)             { return nil, nil }
func (s *embeddedSandbox) settings(b config.Settings) config.Settings { return b }
func (s *embeddedSandbox) httpClient() *http.Client                   { return nil }
func (f *Factory) closeSandbox()                                      {}
func newSandboxCmd(f *Factory) *cobra.Command                         { return groupCmd("sandbox", "Sandbox") }
