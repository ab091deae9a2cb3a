//go:build unix

package interrupt

import (
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"newsclip/internal/atomicfile"
)

// TestSignalCaughtOnceTempFileExists: Watch returns before the signals are
// caught (here 100 ms before), but the first temporary file is created
// only once they are: a SIGTERM sent right after it cancels the run (this
// one graceful, so that the test process is not ended) instead of ending
// the process, which would leave the temporary file behind.
func TestSignalCaughtOnceTempFileExists(t *testing.T) {
	defer func(old func(chan<- os.Signal, ...os.Signal)) { notify = old }(notify)
	notify = func(c chan<- os.Signal, sig ...os.Signal) {
		time.Sleep(100 * time.Millisecond)
		signal.Notify(c, sig...)
	}
	SetGraceful()
	cancelled := make(chan struct{})
	w := Watch(func() { close(cancelled) }, io.Discard)
	defer w.Stop()
	f, err := atomicfile.Create(filepath.Join(t.TempDir(), "out.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	syscall.Kill(os.Getpid(), syscall.SIGTERM) // ends the test binary if not caught
	select {
	case <-cancelled:
	case <-time.After(10 * time.Second):
		t.Fatal("SIGTERM did not cancel the run")
	}
	if w.ExitCode() != 143 {
		t.Errorf("exit code %d after SIGTERM, want 143", w.ExitCode())
	}
}

// TestStopDoesNotWait: Stop returns while the signals are still being
// caught (here, held back until the test lets go), and the watch lets
// them go once they are.
func TestStopDoesNotWait(t *testing.T) {
	defer func(n func(chan<- os.Signal, ...os.Signal), s func(chan<- os.Signal)) {
		notify, stopNotify = n, s
	}(notify, stopNotify)
	hold := make(chan struct{})
	stopped := make(chan struct{})
	notify = func(c chan<- os.Signal, sig ...os.Signal) {
		<-hold
		signal.Notify(c, sig...)
	}
	stopNotify = func(c chan<- os.Signal) {
		signal.Stop(c)
		close(stopped)
	}
	w := Watch(func() {}, io.Discard)
	returned := make(chan struct{})
	go func() {
		w.Stop()
		close(returned)
	}()
	select {
	case <-returned:
	case <-time.After(10 * time.Second):
		close(hold)
		t.Fatal("Stop waited for the signals to be caught")
	}
	close(hold)
	select {
	case <-stopped:
	case <-time.After(10 * time.Second):
		t.Fatal("the signals caught after Stop were not let go")
	}
}
