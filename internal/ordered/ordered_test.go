package ordered

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

// TestRun: outputs come in input order whatever the work's timing; a consumer's error stops the run
// and is returned, as is the producer's; a cancelled context ends it.
func TestRun(t *testing.T) {
	ctx := context.Background()
	for _, workers := range []int{1, 2, 8} {
		var got []int
		err := Run(ctx, workers, func(yield func(int) bool) error {
			for i := range 500 {
				if !yield(i) {
					return nil
				}
			}
			return nil
		}, func(i int) int {
			time.Sleep(time.Duration(rand.IntN(50)) * time.Microsecond)
			return i * 2
		}, func(v int) error {
			got = append(got, v)
			return nil
		})
		if err != nil || len(got) != 500 {
			t.Fatalf("workers %d: %d outputs, %v", workers, len(got), err)
		}
		for i, v := range got {
			if v != 2*i {
				t.Fatalf("workers %d: output %d is %d, want %d", workers, i, v, 2*i)
			}
		}
	}

	stop := errors.New("stop")
	n := 0
	err := Run(ctx, 4, func(yield func(int) bool) error {
		for i := 0; ; i++ { // endless: the consumer must stop it
			if !yield(i) {
				return nil
			}
		}
	}, func(i int) int { return i }, func(int) error {
		if n++; n == 100 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 100 {
		t.Errorf("consumer's error: %v after %d outputs", err, n)
	}

	bad := errors.New("bad input")
	if err := Run(ctx, 2, func(yield func(int) bool) error { yield(1); return bad }, func(i int) int { return i },
		func(int) error { return nil }); !errors.Is(err, bad) {
		t.Errorf("producer's error: %v", err)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := Run(cctx, 2, func(yield func(int) bool) error {
		for yield(0) {
		}
		return nil
	}, func(i int) int { return i }, func(int) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
}
