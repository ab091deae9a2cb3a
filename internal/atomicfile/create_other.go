//go:build !unix

package atomicfile

import "os"

// createTemp makes a new temporary file for base in dir (see create_unix.go).
func createTemp(dir, pattern string) (*os.File, error) { return os.CreateTemp(dir, pattern) }

// rename moves the temporary file tmp over path.
func rename(tmp, path string) error { return os.Rename(tmp, path) }
