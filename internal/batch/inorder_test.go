package batch

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

func TestInOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 8} {
		var got []int
		err := InOrder(context.Background(), workers, 500, 16, func(i int) int {
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
	err := InOrder(context.Background(), 3, 200, ahead, func(i int) int {
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
	err := InOrder(context.Background(), 2, 10000, 8, func(i int) int {
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
	if err := InOrder(ctx, 2, 100, 8, func(i int) int { return i }, func(int, int) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
