package cmdutil

// Release builds stamp these with the linker (scripts/release):
//
//	-X github.com/wootcli/woot/pkg/cmdutil.stampedVersion=v1.2.3
//	-X github.com/wootcli/woot/pkg/cmdutil.stampedCommit=0123abcd
//
// A trimmed cross-build carries no VCS settings in its build info, so
// without the stamp it would call itself "dev".
var stampedVersion, stampedCommit string
