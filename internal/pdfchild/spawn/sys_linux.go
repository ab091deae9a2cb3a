package spawn

import "syscall"

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
