package spawn

import (
	"os"
	"syscall"
)

// sysAttr makes the child die with its parent: Linux sends it SIGKILL when
// the thread that started it ends, which for Go's threads is when the
// process ends (the runtime ends a thread only under a goroutine locked to
// it, which this program has none of). A parent killed or stopped by a
// signal while its child reads a long file does not leave the child
// running to the file's time limit; an idle child needs none of this, as
// its stdin closes.
func sysAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// fSetPipeSize is Linux's F_SETPIPE_SZ, which package syscall lacks.
const fSetPipeSize = 1031

// pipeSize is the buffer the child's stdin pipe asks for, in bytes: a
// PDF of up to this size goes in with one write, where the default 64 KiB
// pipe takes a wake-up of each side per 64 KiB (some 0.3 ms of a 300 KB
// file's start). Linux grants up to /proc/sys/fs/pipe-max-size (1 MiB by
// default) and a failure leaves the default.
const pipeSize = 1 << 20

// growPipe asks for a pipeSize buffer for the pipe of r, a read end.
func growPipe(r *os.File) {
	syscall.Syscall(syscall.SYS_FCNTL, r.Fd(), fSetPipeSize, pipeSize)
}
