//go:build !linux

package spawn

import (
	"os"
	"syscall"
)

// sysAttr is nil where there is no parent-death signal: a busy child
// outlives a parent killed by a signal until its time limit or the file's
// end (an idle one ends as its stdin closes).
func sysAttr() *syscall.SysProcAttr { return nil }

// growPipe leaves the pipe as it is: only Linux sizes pipes.
func growPipe(*os.File) {}

// interpreted returns "": only Linux is known to start a program through
// an interpreter that /proc/self/exe then names.
func interpreted(string) string { return "" }
