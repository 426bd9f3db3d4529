package stats

import (
	"math"
	"slices"
)

// Percentiles and the confidence interval read only a few order statistics of a sample, so the
// engine finds just those instead of sorting: it counts the values into buckets of equal width,
// and sorts only the few buckets holding a wanted rank. The values found are exactly those a full
// sort would put at those ranks.

// pctLevels are the percentiles of a page.
var pctLevels = [5]float64{0.10, 0.25, 0.50, 0.75, 0.90}

// summary is what a page shows of a sample: its size, p10 to p90, and the median's interval.
type summary struct {
	n     int
	p     [5]float64
	ci    [2]float64
	hasCI bool
}

// percentilePositions returns the ranks Percentile reads for n values at level p.
func percentilePositions(n int, p float64) (lo, hi int) {
	lo = int(math.Floor(float64(n-1) * p))
	if lo >= n-1 {
		return n - 1, n - 1
	}
	return lo, lo + 1
}

// summarize computes the summary of the values in parts (in any order; left unchanged), with the
// median's interval when withCI is set.
func summarize(withCI bool, parts ...[]float64) summary {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	s := summary{n: n}
	if n == 0 {
		return s
	}
	var kbuf [12]int
	ks := kbuf[:0]
	for _, p := range pctLevels {
		lo, hi := percentilePositions(n, p)
		ks = append(ks, lo, hi)
	}
	l, u, ok := ciPositions(n)
	ok = ok && withCI
	if ok {
		ks = append(ks, l, u)
	}
	var vbuf [12]float64
	vs := vbuf[:len(ks)]
	orderStats(parts, n, ks, vs)
	at := func(i int) float64 {
		for j, k := range ks {
			if k == i {
				return vs[j]
			}
		}
		panic("stats: rank not selected")
	}
	for i, p := range pctLevels {
		s.p[i] = percentileAt(n, p, at)
	}
	if ok {
		s.ci, s.hasCI = [2]float64{at(l), at(u)}, true
	}
	return s
}

// medianOf is the p50 of the values in parts; ok is false when there are none.
func medianOf(parts ...[]float64) (float64, bool) {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	if n == 0 {
		return 0, false
	}
	lo, hi := percentilePositions(n, 0.5)
	ks := [2]int{lo, hi}
	var vs [2]float64
	orderStats(parts, n, ks[:], vs[:])
	return percentileAt(n, 0.5, func(i int) float64 {
		if i == lo {
			return vs[0]
		}
		return vs[1]
	}), true
}

func (s *summary) percentiles() (p10, p25, p50, p75, p90 *float64) {
	if s.n == 0 {
		return
	}
	return ptr(s.p[0]), ptr(s.p[1]), ptr(s.p[2]), ptr(s.p[3]), ptr(s.p[4])
}

func (s *summary) ci95() *[2]float64 {
	if !s.hasCI {
		return nil
	}
	ci := s.ci
	return &ci
}

// orderStats sets out[i] to the ks[i]-th smallest (0-based) of the n values in parts.
func orderStats(parts [][]float64, n int, ks []int, out []float64) {
	if n <= 64 {
		all := make([]float64, 0, n)
		for _, p := range parts {
			all = append(all, p...)
		}
		slices.Sort(all)
		for i, k := range ks {
			out[i] = all[k]
		}
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range parts {
		for _, v := range p {
			lo = min(lo, v)
			hi = max(hi, v)
		}
	}
	if !(hi > lo) || math.IsInf(hi-lo, 0) { // all equal, or bounds no bucket width can span
		if lo == hi {
			for i := range ks {
				out[i] = lo
			}
			return
		}
		all := make([]float64, 0, n)
		for _, p := range parts {
			all = append(all, p...)
		}
		slices.Sort(all)
		for i, k := range ks {
			out[i] = all[k]
		}
		return
	}
	nb := min(max(n/8, 16), 4096)
	scale := float64(nb) / (hi - lo)
	bucket := func(v float64) int { return min(int((v-lo)*scale), nb-1) } // monotone in v
	counts := make([]int32, nb+1)
	for _, p := range parts {
		for _, v := range p {
			counts[bucket(v)+1]++
		}
	}
	for b := 1; b <= nb; b++ {
		counts[b] += counts[b-1] // counts[b] is now the rank of bucket b's first value
	}
	// The buckets holding the wanted ranks, each once; want[b] is bucket b's place in wants, or -1.
	type wanted struct {
		b    int
		vals []float64
	}
	var wants []wanted
	want := make([]int8, nb)
	for b := range want {
		want[b] = -1
	}
	bucketOf := make([]int, len(ks))
	for i, k := range ks {
		b := sortSearch(nb, func(b int) bool { return int(counts[b+1]) > k })
		bucketOf[i] = b
		if want[b] < 0 {
			want[b] = int8(len(wants))
			wants = append(wants, wanted{b: b, vals: make([]float64, 0, counts[b+1]-counts[b])})
		}
	}
	for _, p := range parts {
		for _, v := range p {
			if j := want[bucket(v)]; j >= 0 {
				wants[j].vals = append(wants[j].vals, v)
			}
		}
	}
	for j := range wants {
		w := &wants[j]
		var sub []int
		for i, k := range ks {
			if bucketOf[i] == w.b {
				sub = append(sub, k-int(counts[w.b]))
			}
		}
		res := make([]float64, len(sub))
		if len(w.vals) > 256 && len(w.vals) < n {
			orderStats([][]float64{w.vals}, len(w.vals), sub, res) // a crowded bucket: split it again
		} else {
			slices.Sort(w.vals)
			for i, k := range sub {
				res[i] = w.vals[k]
			}
		}
		r := 0
		for i := range ks {
			if bucketOf[i] == w.b {
				out[i] = res[r]
				r++
			}
		}
	}
}

// sortSearch is sort.Search: the least i in [0, n) with f(i) true, n if none.
func sortSearch(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(m) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
