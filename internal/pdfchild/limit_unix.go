//go:build unix

package pdfchild

import (
	"syscall"
	"time"
)

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

// processCPU is this process's CPU time so far (user and system), or -1
// where it cannot be read.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
