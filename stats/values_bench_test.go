package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// BenchmarkAppendValues gathers the plausible salaries of 30,000 ads spread over a column of a
// million, half of them without one, as a page's trend and locations do.
func BenchmarkAppendValues(b *testing.B) {
	e, ids := valuesFixture()
	var dst []float64
	for b.Loop() {
		dst = e.appendValues(dst[:0], ids, 0)
	}
}

// valuesFixture is a column of a million ads, half without a salary, and every 30th ad or so.
func valuesFixture() (*Engine, []uint32) {
	rnd := rand.New(rand.NewPCG(1, 2))
	e := &Engine{okv: make([]float64, 1_000_000), cur: make([]uint8, 1_000_000)}
	for i := range e.okv {
		e.okv[i] = math.NaN()
		if rnd.IntN(2) == 0 {
			e.okv[i] = 20_000 + 100_000*rnd.Float64()
		}
		e.cur[i] = uint8(rnd.IntN(20) / 19)
	}
	var ids []uint32
	for id := rnd.IntN(30); id < len(e.okv); id += 1 + rnd.IntN(60) {
		ids = append(ids, uint32(id))
	}
	return e, ids
}

// appendValuesBranchy is appendValues as first written, with a branch per ad, for comparison.
func (e *Engine) appendValuesBranchy(dst []float64, ids []uint32, cur int) []float64 {
	okv, c := e.okv, e.cur
	for _, id := range ids {
		if v := okv[id]; v == v && int(c[id]) == cur {
			dst = append(dst, v)
		}
	}
	return dst
}

// BenchmarkAppendValuesBranchy is BenchmarkAppendValues with the branchy loop.
func BenchmarkAppendValuesBranchy(b *testing.B) {
	e, ids := valuesFixture()
	var dst []float64
	for b.Loop() {
		dst = e.appendValuesBranchy(dst[:0], ids, 0)
	}
}
