// Package ordered runs work on several goroutines and hands the results on in the order the inputs
// came: a pipeline over every core whose output reads as if one goroutine had made it.
package ordered

import (
	"context"
	"sync"
)

// Run calls produce, which hands inputs to yield one at a time (yield reports false when the run is
// being stopped, and produce should then return); work turns each input into an output on one of
// workers goroutines; consume is called with the outputs in the order produce yielded the inputs, on
// the caller's goroutine. At most about 4 × workers inputs are in flight, so memory stays bounded
// however long the input. Run returns produce's error, else consume's first error (which stops the
// run), else ctx's error if it ended the run.
func Run[In, Out any](ctx context.Context, workers int, produce func(yield func(In) bool) error, work func(In) Out, consume func(Out) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		seq int
		in  In
	}
	type result struct {
		seq int
		out Out
	}
	jobs := make(chan job, 2*workers)
	results := make(chan result, 2*workers)
	// Slots bound what is between produce and consume: the reorder buffer cannot grow past them
	// however slowly one input is worked.
	slots := make(chan struct{}, 4*workers)

	var prodErr error
	go func() {
		defer close(jobs)
		seq := 0
		prodErr = produce(func(in In) bool {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- job{seq, in}:
				seq++
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				results <- result{j.seq, work(j.in)}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := map[int]Out{}
	next := 0
	var err error
	for r := range results {
		if err != nil {
			continue // draining after a failure, so that every goroutine ends
		}
		pending[r.seq] = r.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if err = consume(out); err != nil {
				cancel()
				break
			}
		}
	}
	// results is closed only after jobs is, so produce has returned and prodErr is set.
	if prodErr != nil {
		return prodErr
	}
	if err != nil {
		return err
	}
	return ctx.Err()
}
