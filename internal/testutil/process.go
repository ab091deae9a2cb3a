package testutil

import (
	"bytes"
	"fmt"
	"os"
	"time"
)

// Gone reports whether process pid has ended within d: it has no
// /proc/PID/stat any more, or is a zombie that nobody reaps (a
// container's first process may not). Linux only; it polls every 10 ms.
func Gone(pid int, d time.Duration) bool {
	for deadline := time.Now().Add(d); ; time.Sleep(10 * time.Millisecond) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if i := bytes.LastIndexByte(b, ')'); err != nil || i > 0 && i+2 < len(b) && b[i+2] == 'Z' {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}
