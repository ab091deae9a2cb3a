//go:build !unix

package batch

import "errors"

// mkfifo: no named pipes here; the tests that need one skip.
func mkfifo(string) error { return errors.ErrUnsupported }
