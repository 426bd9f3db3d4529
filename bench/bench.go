// Package bench measures jobscope against yardsticks, for `jobscope bench`: the statistics engine
// against the same figures computed by SQL in the stores (RunStats), and extraction against GNU
// grep's multi-pattern scan of the same text (RunExtract). Each run returns a report that prints as
// text (WriteText) or encodes as JSON.
//
// The package measures; it opens no store and builds no extractor of its own. What needs the
// command's helpers (opening a store from its DSN, ingesting with a progress bar, the taxonomy, the
// command's own executable) comes in through the run's config, so that the command only wires and
// prints, as it does for package eval.
package bench

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"jobscope/gen"
	"jobscope/stats"
)

// Timing is the median and 90th percentile of a set of timed runs, in milliseconds: the figures
// every measurement of `bench stats` reports, the median being the steady one on a shared machine.
type Timing struct {
	Runs int     `json:"runs"`
	P50  float64 `json:"p50_ms"`
	P90  float64 `json:"p90_ms"`
}

// TimingOf reduces timed runs to their Timing (docs/figures.md's linear interpolation, as the engine's
// percentiles); no runs give the zero Timing.
func TimingOf(ds []time.Duration) Timing {
	if len(ds) == 0 {
		return Timing{}
	}
	xs := make([]float64, len(ds))
	for i, d := range ds {
		xs[i] = ms(d)
	}
	slices.Sort(xs)
	return Timing{Runs: len(xs), P50: stats.Percentile(xs, 0.5), P90: stats.Percentile(xs, 0.9)}
}

// timeRuns runs fn once to warm up, then times it runs times.
func timeRuns(runs int, fn func() error) ([]time.Duration, error) {
	if err := fn(); err != nil {
		return nil, err
	}
	return timed(runs, fn)
}

// timed times runs runs of fn.
func timed(runs int, fn func() error) ([]time.Duration, error) {
	out := make([]time.Duration, runs)
	for i := range out {
		start := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		out[i] = time.Since(start)
	}
	return out, nil
}

// writeFile creates the file at path and fills it through a buffer with write.
func writeFile(path string, write func(w *bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if err = write(w); err == nil {
		err = w.Flush()
	}
	return errors.Join(err, f.Close())
}

// writeGenerated writes the ads gen makes with cfg to a new file at path.
func writeGenerated(path string, cfg gen.Config) error {
	err := writeFile(path, func(w *bufio.Writer) error { return gen.Write(w, cfg) })
	if err != nil {
		return fmt.Errorf("generate %d ads: %w", cfg.Ads, err)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func mb(b uint64) float64 { return float64(b) / (1 << 20) }

// fmtMS prints milliseconds with the digits that matter at their size.
func fmtMS(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 1:
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.2f ms", v)
}

// ratio prints a over b as "3.2x", or "-" when b is not positive.
func ratio(a, b float64) string {
	if b <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1fx", a/b)
}
