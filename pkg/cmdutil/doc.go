// Package cmdutil is what every woot command shares: the Factory (IO,
// settings, API clients, the embedded sandbox), the global flags, the error
// types and their one mapping to exit codes, and the shared flag types.
// It imports no package under cmd/.
package cmdutil
