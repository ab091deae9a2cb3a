package batch

import (
	"context"
	"sync"
)

// InOrder calls produce(i) for every i in [0, n) on workers goroutines
// (<= 0: one per CPU) and hands each result to consume in order of i, at
// most ahead results ahead of consume (ahead >= workers), so that memory
// holds a window of results, not all n. It stops at consume's first error
// or when ctx is done (consume then sees no more results) and returns that
// error, or ctx.Err().
func InOrder[T any](ctx context.Context, workers, n, ahead int, produce func(i int) T, consume func(i int, v T) error) error {
	if workers <= 0 {
		workers = DefaultJobs()
	}
	ahead = max(ahead, workers, 1)
	type slot struct {
		v    T
		done bool
	}
	slots := make([]slot, ahead)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	next, stop, finished := 0, false, false
	go func() {
		ForEach(ctx, workers, n, func(i int) {
			mu.Lock()
			for i >= next+ahead && !stop {
				cond.Wait()
			}
			quit := stop
			mu.Unlock()
			if quit {
				return
			}
			v := produce(i)
			mu.Lock()
			slots[i%ahead] = slot{v, true}
			cond.Broadcast()
			mu.Unlock()
		})
		mu.Lock()
		finished = true
		cond.Broadcast()
		mu.Unlock()
	}()
	var err error
	for i := 0; i < n && err == nil; i++ {
		mu.Lock()
		for !slots[i%ahead].done && !finished {
			cond.Wait()
		}
		s := slots[i%ahead]
		slots[i%ahead] = slot{}
		next = i + 1
		cond.Broadcast()
		mu.Unlock()
		if !s.done { // cancelled before i was produced
			break
		}
		err = consume(i, s.v)
	}
	mu.Lock()
	stop = true
	cond.Broadcast()
	for !finished {
		cond.Wait()
	}
	mu.Unlock()
	if err == nil {
		err = ctx.Err()
	}
	return err
}
