package gen

import (
	"io"
	"testing"
)

// BenchmarkWrite measures generation and JSON writing; ads/s is the figure to quote.
func BenchmarkWrite(b *testing.B) {
	b.ReportAllocs()
	var written countingWriter
	if err := Write(&written, Config{Ads: b.N, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ads/s")
	b.ReportMetric(float64(written.n)/float64(b.N), "B/ad")
}

type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += int64(len(p))
	return io.Discard.Write(p)
}
