//go:build unix

package testutil

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Gone reports whether process pid has ended within d, polling every
// 10 ms: where there is /proc (Linux), it has no /proc/PID/stat any more
// or is a zombie that nobody reaps (a container's first process may not);
// elsewhere, no process has its id (kill with signal 0).
func Gone(pid int, d time.Duration) bool {
	_, err := os.Stat("/proc/self/stat")
	proc := err == nil
	for deadline := time.Now().Add(d); ; time.Sleep(10 * time.Millisecond) {
		if !proc {
			if syscall.Kill(pid, 0) == syscall.ESRCH {
				return true
			}
		} else if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err != nil || zombie(b) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// ChildDiesWithParent starts parent, a process that starts a child,
// prints the child's process id on its stdout and then waits, its stdin
// held open; it kills parent and fails t unless the child is gone within
// 2 s (it kills the child then).
func ChildDiesWithParent(t Fataler, parent *exec.Cmd) {
	t.Helper()
	in, err := parent.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := parent.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := parent.Start(); err != nil {
		t.Fatal(err)
	}
	// A parent that prints no number and waits would hold the test to its
	// timeout: it has 10 s.
	stop := time.AfterFunc(10*time.Second, func() { parent.Process.Kill() })
	var pid int
	_, err = fmt.Fscan(out, &pid)
	stop.Stop()
	if err != nil {
		parent.Process.Kill()
		t.Fatal(fmt.Sprintf("no child id from the parent: %v", err))
	}
	parent.Process.Kill()
	parent.Wait()
	if !Gone(pid, 2*time.Second) {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Fatal(fmt.Sprintf("child %d still runs 2 s after its parent was killed", pid))
	}
}

// zombie reports whether b, a /proc/PID/stat, shows state Z: the field
// after the command name (in parentheses, which may hold spaces).
func zombie(b []byte) bool {
	i := bytes.LastIndexByte(b, ')')
	return i > 0 && i+2 < len(b) && b[i+2] == 'Z'
}
