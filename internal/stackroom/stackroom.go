// Package stackroom gives a goroutine its stack at once, instead of by
// doublings as it goes deeper.
//
// A goroutine starts with 8 KiB of stack. Each time a call finds too
// little left, the runtime allocates a stack twice as large, copies the
// old one over and adjusts every frame on it: the deeper the goroutine is
// at that moment, the more the copy costs, and a goroutine that compiles
// regular expressions or encodes JSON through reflection is deep. The
// reading of a one-page PDF grew stacks 14-15 times a run (counted with a
// uprobe on runtime.morestack), and the copies took 5% of the run's CPU
// samples: a page fault costs 10-16 µs on the guest the benchmarks run on
// (see package prefault), and each new stack's pages fault in as the copy
// touches them.
//
// Grow, called first thing in a goroutine (or, through this package's
// init, in the one that runs the package initialisations and main), makes
// its stack 64 KiB while it is still shallow: one copy of a few frames.
// The runtime shrinks a stack again at a garbage collection when the
// goroutine uses a quarter of it or less, as it would a stack grown by
// doublings.
package stackroom

// frame is Grow's frame size, in bytes: the runtime doubles a stack until
// what a function needs fits, so a 32 KiB frame on a shallow 8 KiB stack
// makes it 64 KiB.
const frame = 32 << 10

// index is 0, always, but in a variable that nothing writes: the compiler
// cannot know which element of Grow's array is written and read, so it
// keeps the array, and the frame, whole (and goroutines growing at once
// share nothing but this read).
var index int

// Grow makes the calling goroutine's stack at least 64 KiB now, while the
// goroutine is shallow and the copy cheap.
//
//go:noinline
func Grow() {
	var room [frame]byte
	room[index] = 1
	if room[frame-1-index] != 0 { // the last element, never written
		panic("stackroom: index is not 0")
	}
}

// init grows the stack of the goroutine that runs the program's package
// initialisations, and then main.
func init() { Grow() }
