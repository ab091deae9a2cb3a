//go:build unix

package testutil

import (
	"os/exec"
	"testing"
	"time"
)

// TestGone: a running process is not gone; once ended and reaped, it is.
func TestGone(t *testing.T) {
	cmd := exec.Command("sleep", "5")
	if err := cmd.Start(); err != nil {
		t.Skip(err)
	}
	if Gone(cmd.Process.Pid, 50*time.Millisecond) {
		t.Errorf("a running sleep is reported gone")
	}
	cmd.Process.Kill()
	cmd.Wait()
	if !Gone(cmd.Process.Pid, time.Second) {
		t.Errorf("a killed and reaped sleep is not reported gone")
	}
}
