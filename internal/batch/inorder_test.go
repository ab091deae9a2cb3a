package batch

import (
	"context"
	"errors"
	"iter"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// upTo is the sequence 0, 1, ..., n-1.
func upTo(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n && yield(i); i++ {
		}
	}
}

func TestInOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		var got []int
		err := InOrder(context.Background(), workers, 16, upTo(500), func(i int) int {
			// Later items finish first: order must come from i, not timing.
			time.Sleep(time.Duration((i*7)%5) * time.Microsecond)
			return i * i
		}, func(i int, v int) error {
			if v != i*i {
				t.Fatalf("item %d got %d", i, v)
			}
			got = append(got, i)
			return nil
		})
		if err != nil || len(got) != 500 {
			t.Fatalf("workers %d: %v, %d items", workers, err, len(got))
		}
		for i, v := range got {
			if v != i {
				t.Fatalf("workers %d: item %d came as %d", workers, i, v)
			}
		}
	}
}

// TestInOrderWindow: no producer runs more than the window ahead of the
// consumer.
func TestInOrderWindow(t *testing.T) {
	var consumed atomic.Int64
	const ahead = 4
	err := InOrder(context.Background(), 3, ahead, upTo(200), func(i int) int {
		if c := consumed.Load(); int64(i) >= c+ahead {
			t.Errorf("item %d produced while only %d consumed (window %d)", i, c, ahead)
		}
		return i
	}, func(i int, v int) error {
		consumed.Add(1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestInOrderStops(t *testing.T) {
	boom := errors.New("disk full")
	var produced atomic.Int32
	err := InOrder(context.Background(), 2, 8, upTo(10000), func(i int) int {
		produced.Add(1)
		return i
	}, func(i int, v int) error {
		if i == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want the consumer's", err)
	}
	if p := produced.Load(); p > 10+8+2 {
		t.Errorf("%d items produced after the consumer stopped at 10", p)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := InOrder(ctx, 2, 8, upTo(100), func(i int) int { return i }, func(int, int) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// TestInOrderPullsItems: items are taken from the sequence as the window
// allows, not listed first: the sequence is never more than the window
// ahead of the consumer, it is stopped when the consumer fails, and InOrder
// returns after it has.
func TestInOrderPullsItems(t *testing.T) {
	const ahead = 8
	boom := errors.New("disk full")
	var consumed atomic.Int64
	yielded, stopped, returned := 0, false, false
	items := func(yield func(int) bool) {
		defer func() { returned = true }()
		for i := 0; i < 100000; i++ {
			if c := consumed.Load(); int64(i) > c+ahead {
				t.Errorf("item %d taken while only %d consumed (window %d)", i, c, ahead)
			}
			yielded++
			if !yield(i) {
				stopped = true
				return
			}
		}
	}
	err := InOrder(context.Background(), 2, ahead, items, func(i int) int { return i }, func(i, v int) error {
		consumed.Add(1)
		if i == 500 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want the consumer's", err)
	}
	if !returned || !stopped || yielded > 500+ahead+2 {
		t.Errorf("sequence returned %v, stopped %v, %d items taken for 501 consumed", returned, stopped, yielded)
	}

	calls := 0
	err = InOrder(context.Background(), 2, ahead, upTo(0), func(i int) int { return i }, func(int, int) error { calls++; return nil })
	if err != nil || calls != 0 {
		t.Errorf("empty sequence: %v, %d results", err, calls)
	}
}

// TestInOrderSlowItems: workers wait for a sequence slower than they are
// (a walk of a slow disk), and every item still comes out, in order.
func TestInOrderSlowItems(t *testing.T) {
	slow := func(yield func(int) bool) {
		for i := 0; i < 50; i++ {
			time.Sleep(100 * time.Microsecond)
			if !yield(i) {
				return
			}
		}
	}
	var got []int
	err := InOrder(context.Background(), 4, 16, slow, func(i int) int { return -i }, func(i, v int) error {
		if v != -i {
			t.Errorf("item %d got %d", i, v)
		}
		got = append(got, i)
		return nil
	})
	if err != nil || len(got) != 50 || got[49] != 49 {
		t.Errorf("%v, %d items", err, len(got))
	}
}

// TestInOrderCancelled: cancelled while it runs (Ctrl-C), InOrder hands
// consume no result and takes no item after the cancel, returns the
// context's error, and leaves nothing running: the sequence has returned,
// no produce is in flight, and no goroutine of its own is left.
func TestInOrderCancelled(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, workers := range []int{1, 2, 8} {
		ctx, cancel := context.WithCancel(t.Context())
		var inFlight atomic.Int32
		returned, afterCancel, cancelled := false, 0, false
		items := func(yield func(int) bool) {
			defer func() { returned = true }()
			for i := 0; ; i++ { // endless: only the stop ends it
				if !yield(i) {
					return
				}
			}
		}
		err := InOrder(ctx, workers, 16, items, func(i int) int {
			inFlight.Add(1)
			defer inFlight.Add(-1)
			return i
		}, func(i, v int) error {
			if cancelled {
				afterCancel++
			}
			if i == 100 {
				cancel()
				cancelled = true
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) || afterCancel != 0 || !returned || inFlight.Load() != 0 {
			t.Errorf("workers %d: error %v, %d results consumed after the cancel, sequence returned %v, %d produce running",
				workers, err, afterCancel, returned, inFlight.Load())
		}
	}
	// Cancelled by the sequence itself, the item it then offers is refused.
	for _, workers := range []int{1, 2, 8} {
		ctx, cancel := context.WithCancel(t.Context())
		taken := 0
		items := func(yield func(int) bool) {
			for i := 0; ; i++ {
				if i == 5 {
					cancel()
				}
				if !yield(i) {
					return
				}
				taken++
			}
		}
		err := InOrder(ctx, workers, 16, items, func(i int) int { return i }, func(int, int) error { return nil })
		if !errors.Is(err, context.Canceled) || taken != 5 {
			t.Errorf("workers %d: cancelled before item 5, %d items taken, error %v", workers, taken, err)
		}
	}
	// The goroutines that InOrder waited for may take a moment to exit.
	for range 100 {
		if runtime.NumGoroutine() <= before {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Errorf("%d goroutines before, %d after InOrder returned", before, runtime.NumGoroutine())
}
