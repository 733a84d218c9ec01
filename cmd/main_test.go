package cmd_test

import (
	"os"
	"testing"

	"github.com/wootcli/woot/cmd/internal/cmdtest"
)

func TestMain(m *testing.M) { os.Exit(cmdtest.Main(m)) }
