package main

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

// graceful is set by runs that can stop cleanly on a signal (batches and
// bundles finish the files in hand and their report); any other run exits
// at once, removing its temporary files.
var graceful atomic.Bool

// gracePeriod bounds how long a graceful stop may take before the process
// exits anyway.
const gracePeriod = 3 * time.Second

// A signalWatch turns SIGINT and SIGTERM into a cancelled context and the
// shell's exit codes (130, 143).
type signalWatch struct {
	ch   chan os.Signal
	got  atomic.Int32 // the signal number received, 0 for none
	done chan struct{}
}

func watchSignals(cancel context.CancelFunc, stderr io.Writer) *signalWatch {
	w := &signalWatch{ch: make(chan os.Signal, 2), done: make(chan struct{})}
	signal.Notify(w.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
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

// exitCode is 128 + the signal received, or 0.
func (w *signalWatch) exitCode() int {
	if n := w.got.Load(); n != 0 {
		return 128 + int(n)
	}
	return 0
}

func (w *signalWatch) stop() {
	signal.Stop(w.ch)
	close(w.done)
}
