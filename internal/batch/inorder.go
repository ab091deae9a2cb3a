package batch

import (
	"context"
	"iter"
	"sync"
)

// InOrder takes the items of items one at a time, calls produce(item) on
// workers goroutines (<= 0: one per CPU) and hands each result to consume
// with its item, in the order of items. At most ahead items (at least
// workers) are taken and not yet consumed at any time, so that memory
// holds a window of items and results, not the whole sequence, and the
// items may come from a walk that has not finished. It stops at consume's
// first error or when ctx is done (consume then sees no more results, no
// more items are taken and no produce starts) and returns that error, or
// ctx.Err(). items runs on a goroutine of its own; InOrder returns after it
// and every produce have returned, so a stop waits for items to reach its
// next yield, unless items also watches a context that the stop cancels
// (Walk's, see the bundle). items must return once yield returns false (a
// range function's rule): a panic there is on that goroutine, and ends the
// process.
func InOrder[J, T any](ctx context.Context, workers, ahead int, items iter.Seq[J], produce func(J) T, consume func(J, T) error) error {
	if workers <= 0 {
		workers = DefaultJobs()
	}
	w := &window[J, T]{slots: make([]slot[J, T], max(ahead, workers, 1)), workers: workers}
	w.cond = sync.NewCond(&w.mu)
	defer context.AfterFunc(ctx, w.stop)()
	var wg sync.WaitGroup
	wg.Go(func() { w.feed(ctx, items) })
	for range workers {
		wg.Go(func() { w.work(ctx, produce) })
	}
	err := w.drain(ctx, consume)
	w.stop()
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// A window is InOrder's ring: slot i%len(slots) holds the i-th item from
// the time it is fed until it has been consumed. Items [head, taken) are
// being produced or are done, [taken, fed) wait for a worker, and fed -
// head <= len(slots). Every field is guarded by mu; cond is broadcast on
// every change.
type window[J, T any] struct {
	mu      sync.Mutex
	cond    *sync.Cond
	slots   []slot[J, T]
	head    int  // items consumed
	taken   int  // items handed to a worker
	fed     int  // items put into the ring
	workers int  // workers that have not exited
	ended   bool // the sequence has no more items
	stopped bool // the consumer or ctx ended the run
}

// A slot is one item of the window: taken from the sequence, then its
// result once produce has returned.
type slot[J, T any] struct {
	item J
	v    T
	done bool // v is item's result
}

// stop ends the run: nothing is fed, taken or consumed after it.
func (w *window[J, T]) stop() {
	w.mu.Lock()
	w.stopped = true
	w.cond.Broadcast()
	w.mu.Unlock()
}

// feed puts the items into the ring, waiting while it is full, until the
// sequence ends or the run stops (which ends the sequence early); like
// drain, it checks ctx itself rather than wait for the stop it brings.
func (w *window[J, T]) feed(ctx context.Context, items iter.Seq[J]) {
	defer func() {
		w.mu.Lock()
		w.ended = true
		w.cond.Broadcast()
		w.mu.Unlock()
	}()
	for item := range items {
		w.mu.Lock()
		for w.fed-w.head >= len(w.slots) && !w.stopped {
			w.cond.Wait()
		}
		if w.stopped || ctx.Err() != nil {
			w.mu.Unlock()
			return
		}
		w.slots[w.fed%len(w.slots)] = slot[J, T]{item: item}
		w.fed++
		w.cond.Broadcast()
		w.mu.Unlock()
	}
}

// work produces the items in the order they were fed, one at a time,
// until the sequence is done or the run stops.
func (w *window[J, T]) work(ctx context.Context, produce func(J) T) {
	w.mu.Lock()
	defer func() {
		w.workers--
		w.cond.Broadcast()
		w.mu.Unlock()
	}()
	for {
		for w.taken == w.fed && !w.ended && !w.stopped {
			w.cond.Wait()
		}
		if w.stopped || w.taken == w.fed || ctx.Err() != nil {
			return
		}
		s := &w.slots[w.taken%len(w.slots)]
		w.taken++
		w.mu.Unlock()
		v := produce(s.item) // the slot is this worker's until done
		w.mu.Lock()
		s.v, s.done = v, true
		w.cond.Broadcast()
	}
}

// drain hands the results to consume in order until the sequence is done,
// the run stops or consume fails, and returns consume's error. ctx is
// checked before each result: the stop that ctx's end brings comes on a
// goroutine of its own (context.AfterFunc), maybe after the next result.
func (w *window[J, T]) drain(ctx context.Context, consume func(J, T) error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	for {
		s := &w.slots[w.head%len(w.slots)]
		for !s.done && w.workers > 0 && !w.stopped {
			w.cond.Wait()
		}
		if !s.done || w.stopped || ctx.Err() != nil {
			return nil
		}
		err := func() error {
			w.mu.Unlock()
			defer w.mu.Lock() // also when consume panics: drain's deferred Unlock needs it held
			return consume(s.item, s.v)
		}()
		*s = slot[J, T]{} // the slot keeps nothing of what it held
		w.head++
		w.cond.Broadcast()
		if err != nil {
			return err
		}
	}
}
