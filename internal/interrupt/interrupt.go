// Package interrupt turns SIGINT and SIGTERM into a cancelled context and
// the shell's exit codes (130, 143). A run that can stop cleanly (a batch
// finishing the files in hand) calls SetGraceful; any other run exits at
// once, removing its temporary files (atomicfile.Abandon).
package interrupt

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"newsclip/internal/atomicfile"
)

// graceful is set (SetGraceful) by runs that can stop cleanly on a signal (batches and
// bundles finish the files in hand and their report); any other run exits
// at once, removing its temporary files.
var graceful atomic.Bool

// SetGraceful marks the run as one that stops cleanly on a first signal.
func SetGraceful() { graceful.Store(true) }

// gracePeriod bounds how long a graceful stop may take before the process
// exits anyway.
const gracePeriod = 3 * time.Second

// A Watcher turns SIGINT and SIGTERM into a cancelled context and the
// shell's exit codes (130, 143).
type Watcher struct {
	ch    chan os.Signal
	got   atomic.Int32  // the signal number received, 0 for none
	done  chan struct{} // closed by Stop
	armed chan struct{} // closed once the signals are caught
}

// Watch starts watching for SIGINT and SIGTERM: the first cancels the
// context (through cancel) and, unless the run is graceful, exits the
// process at once; a graceful run gets gracePeriod, or until a second
// signal.
//
// It returns before the signals are caught: signal.Notify starts the
// runtime's signal-mask thread, a goroutine locked to a thread of its
// own, and waits for it to answer, which took 1-2 ms of every run on the
// 2-core guest, with the other core busy reading the run's PDF. A
// goroutine makes the call instead, beside the command line's parsing and
// the reading. Until it has, a signal ends the process as it does before
// Watch; none can leave a temporary file behind, as the creation of one
// waits for the watch to be armed (atomicfile.SetBeforeTemp).
func Watch(cancel context.CancelFunc, stderr io.Writer) *Watcher {
	w := &Watcher{ch: make(chan os.Signal, 2), done: make(chan struct{}), armed: make(chan struct{})}
	atomicfile.SetBeforeTemp(w.waitArmed)
	go func() {
		notify(w.ch, os.Interrupt, syscall.SIGTERM)
		close(w.armed)
		defer stopNotify(w.ch) // after Stop (an exit ends it all otherwise)
		var s os.Signal
		select {
		case s = <-w.ch:
		case <-w.done:
			return
		}
		n := int32(s.(syscall.Signal))
		w.got.Store(n)
		cancel()
		if graceful.Load() {
			fmt.Fprintf(stderr, "newsclip: %v: finishing the files in hand (again to stop at once)\n", s)
			select {
			case <-w.ch:
			case <-time.After(gracePeriod):
			case <-w.done:
				return
			}
		}
		atomicfile.Abandon()
		fmt.Fprintf(stderr, "newsclip: stopped by %v\n", s)
		os.Exit(128 + int(n))
	}()
	return w
}

// ExitCode is 128 + the signal received, or 0.
func (w *Watcher) ExitCode() int {
	if n := w.got.Load(); n != 0 {
		return 128 + int(n)
	}
	return 0
}

// notify and stopNotify are signal.Notify and signal.Stop; tests hold
// the first back and watch the second.
var (
	notify     = signal.Notify
	stopNotify = signal.Stop
)

// waitArmed returns once the signals are caught.
func (w *Watcher) waitArmed() { <-w.armed }

// Stop ends the watch. It does not wait for the signals to be caught (a
// run as short as --version may end first, and the wait was a millisecond
// of its 18): the watch's goroutine lets them go once it has caught them.
func (w *Watcher) Stop() { close(w.done) }
