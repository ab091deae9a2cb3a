//go:build unix

package pdfchild

import "syscall"

// limitData caps the process's data segment (heap and anonymous mappings)
// at n bytes: an allocation beyond it fails, and the Go runtime exits.
func limitData(n uint64) {
	var lim syscall.Rlimit
	setLimit(&lim.Cur, n)
	setLimit(&lim.Max, n)
	syscall.Setrlimit(syscall.RLIMIT_DATA, &lim)
}

// setLimit stores n in a field of syscall.Rlimit, whose type is uint64 on
// most systems and int64 on FreeBSD and DragonFly.
func setLimit[T ~int64 | ~uint64](f *T, n uint64) { *f = T(n) }
