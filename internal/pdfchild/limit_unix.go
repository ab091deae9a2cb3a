//go:build unix

package pdfchild

import "syscall"

// limitData caps the process's data segment (heap and anonymous mappings)
// at n bytes: an allocation beyond it fails, and the Go runtime exits.
func limitData(n uint64) {
	lim := syscall.Rlimit{Cur: n, Max: n}
	syscall.Setrlimit(syscall.RLIMIT_DATA, &lim)
}
