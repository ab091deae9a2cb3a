package stackroom

import (
	"runtime"
	"sync"
	"testing"
)

// stackInUse returns the bytes of goroutine stacks in use after n
// goroutines have each run f and wait, and a function that lets them end
// and returns once they have (their stacks freed before the next count).
func stackInUse(n int, f func()) (uint64, func()) {
	var ready, ended sync.WaitGroup
	release := make(chan struct{})
	ready.Add(n)
	ended.Add(n)
	for range n {
		go func() {
			defer ended.Done()
			f()
			ready.Done()
			<-release
		}()
	}
	ready.Wait()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse, func() {
		close(release)
		ended.Wait()
	}
}

// TestGrow: a goroutine that calls Grow holds a stack of 64 KiB or more
// after it returns; one that does not holds the runtime's 8 KiB start.
func TestGrow(t *testing.T) {
	const n = 32
	before, end := stackInUse(n, func() {})
	end()
	after, end := stackInUse(n, Grow)
	defer end()
	grown := (int64(after) - int64(before)) / n
	t.Logf("%d bytes of stack a goroutine more after Grow", grown)
	if grown < 48<<10 {
		t.Errorf("a goroutine that called Grow holds %d bytes more stack than one that did not; want at least 48 KiB more (64 KiB against 8)", grown)
	}
}
