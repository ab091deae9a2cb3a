//go:build unix

package spawn

import (
	"os"
	"syscall"
)

// startProcess starts exe with args as an extraction child with files as
// its standard streams. It forks with syscall.ForkExec rather than
// os.StartProcess: the first os.StartProcess of a Linux process first
// checks that pidfds work, which takes a test fork and four other system
// calls (some 0.3 ms here) before the child's own fork. os.FindProcess
// then makes the same check, but after the child has been started, while
// it starts on the other core. Wait and Kill on the Process returned work
// as on one from os.StartProcess.
func startProcess(exe string, args []string, files []*os.File) (*os.Process, error) {
	fds := make([]uintptr, len(files))
	for i, f := range files {
		fds[i] = f.Fd()
	}
	pid, err := syscall.ForkExec(exe, args, &syscall.ProcAttr{
		Env:   syscall.Environ(),
		Files: fds,
		Sys:   sysAttr(),
	})
	if err != nil {
		return nil, &os.PathError{Op: "fork/exec", Path: exe, Err: err}
	}
	p, err := os.FindProcess(pid)
	if err != nil { // not on Unix, where FindProcess always finds
		syscall.Kill(pid, syscall.SIGKILL)
		var ws syscall.WaitStatus
		syscall.Wait4(pid, &ws, 0, nil)
		return nil, err
	}
	return p, nil
}
