package cmdutil

import "io"

// StdinOnce reads standard input at most once, however many flags ask for it.
func (f *Factory) StdinOnce() func() ([]byte, error) {
	var data []byte
	var err error
	read := false
	return func() ([]byte, error) {
		if !read {
			read = true
			data, err = io.ReadAll(f.IOStreams.In)
		}
		return data, err
	}
}
