package stats

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"jobscope"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"2026-03-31", -1, "2026-02-28"},
		{"2024-03-31", -1, "2024-02-29"},
		{"2026-08-31", -6, "2026-02-28"},
		{"2026-11-23", -6, "2026-05-23"},
		{"2026-01-15", -12, "2025-01-15"},
		{"2024-02-29", -12, "2023-02-28"},
		{"2026-05-31", -24, "2024-05-31"},
		{"2025-12-31", 2, "2026-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := AddMonths(date(tt.in), tt.n).Format(time.DateOnly); got != tt.want {
				t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func TestPeriods(t *testing.T) {
	ps := Periods(date("2026-08-31"))
	want := [3][2]string{
		{"2026-02-28", "2026-08-31"},
		{"2025-02-28", "2025-08-31"},
		{"2024-02-29", "2024-08-31"},
	}
	for i, p := range ps {
		if got := [2]string{p.From.Format(time.DateOnly), p.To.Format(time.DateOnly)}; got != want[i] {
			t.Errorf("period %d = %v, want %v", i, got, want[i])
		}
	}
	p := ps[0]
	for _, c := range []struct {
		d    string
		want bool
	}{{"2026-02-28", false}, {"2026-03-01", true}, {"2026-08-31", true}, {"2026-09-01", false}} {
		if got := p.Contains(date(c.d)); got != c.want {
			t.Errorf("Contains(%s) = %v, want %v", c.d, got, c.want)
		}
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{10, 20, 30, 40}
	tests := []struct {
		p, want float64
	}{{0, 10}, {0.1, 13}, {0.25, 17.5}, {0.5, 25}, {0.75, 32.5}, {0.9, 37}, {1, 40}}
	for _, tt := range tests {
		if got := Percentile(xs, tt.p); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Percentile(%v) = %v, want %v", tt.p, got, tt.want)
		}
	}
	if got := Percentile([]float64{7}, 0.9); got != 7 {
		t.Errorf("one value: %v", got)
	}
}

func TestMedianCI95(t *testing.T) {
	if _, _, ok := MedianCI95([]float64{1, 2, 3, 4, 5}); ok {
		t.Error("5 values gave an interval")
	}
	xs := make([]float64, 100)
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	// n=100: ranks round(50-9.8)=40 and round(1+50+9.8)=61 (1-based).
	lo, hi, ok := MedianCI95(xs)
	if !ok || lo != 40 || hi != 61 {
		t.Errorf("MedianCI95 = %v, %v, %v; want 40, 61", lo, hi, ok)
	}
}

// TestPeriodFiguresByHand checks a page's period figures against values worked out by hand: the
// period's exclusive start, a monthly salary made annual, an implausible figure left out and
// counted, a day rate that is no salary, another market and another country left out.
func TestPeriodFiguresByHand(t *testing.T) {
	asOf := date("2026-06-30")
	n := int64(0)
	rec := func(posted, typ, country, currency, period string, min, max float64) Record {
		n++
		return Record{Seq: n, Posted: date(posted), Type: typ, Country: country, Currency: currency, Period: period,
			Min: min, Max: max, Skills: []jobscope.Skill{{Name: "Go", Category: "Programming Languages"}}}
	}
	perm := func(posted string, min, max float64, period string) Record {
		return rec(posted, "permanent", "GB", "GBP", period, min, max)
	}
	e := NewEngine()
	e.Add(
		perm("2026-06-30", 50000, 60000, "year"), // 55000
		perm("2026-01-01", 4000, 4000, "month"),  // 48000
		perm("2025-12-30", 1, 1, "year"),         // outside the period (exclusive start)
		perm("2026-03-01", 5000, 5000, "year"),   // implausible: left out, counted
		perm("2026-03-02", 500, 500, "day"),      // a day rate is not a salary
		perm("2025-06-30", 40000, 40000, "year"), // a year ago
		rec("2026-05-01", "contract", "GB", "GBP", "day", 500, 600),
		rec("2026-05-01", "permanent", "US", "USD", "year", 1e5, 1e5),
	)
	page := func(m Market) [3]TermFigures {
		p, err := e.Page(Query{Kind: jobscope.KindSkill, Term: "Go", AsOf: asOf,
			Scope: Scope{Market: m, Country: "GB", Currency: "GBP"}})
		if err != nil {
			t.Fatal(err)
		}
		return p.Periods
	}
	got := page(MarketPermanent)
	if got[0].Jobs != 4 || got[0].SalariesQuoted != 2 || got[0].Implausible != 1 {
		t.Fatalf("period 0 = %+v", got[0])
	}
	if *got[0].P50 != 51500 || *got[0].P10 != 48700 {
		t.Errorf("p50=%v p10=%v", *got[0].P50, *got[0].P10)
	}
	if got[1].Jobs != 1 || *got[1].P50 != 40000 {
		t.Errorf("period 1 = %+v", got[1])
	}
	if mc := *got[0].MedianChange; math.Abs(mc-(51500.0/40000-1)) > 1e-12 {
		t.Errorf("median change %v", mc)
	}
	if got[2].Jobs != 0 || got[2].P50 != nil || got[1].MedianChange != nil {
		t.Errorf("period 2 = %+v", got[2])
	}
	if got[0].From != "2025-12-31" || got[0].To != "2026-06-30" {
		t.Errorf("range %s..%s", got[0].From, got[0].To)
	}
	if cf := page(MarketContract); cf[0].Jobs != 1 || *cf[0].P50 != 550 || cf[0].ShareOfAll != 1 {
		t.Errorf("contract = %+v", cf[0])
	}
}

func TestSummarizeMatchesSort(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	gens := map[string]func() float64{
		"distinct": func() float64 { return 10_000 + rnd.Float64()*990_000 },
		"round":    func() float64 { return float64(20+rnd.IntN(80)) * 1000 },
		"skewed": func() float64 {
			if rnd.IntN(100) == 0 {
				return 1_000_000
			}
			return 50_000 + rnd.Float64()*10
		},
		"equal": func() float64 { return 42_000 },
	}
	for name, gen := range gens {
		t.Run(name, func(t *testing.T) {
			for _, n := range []int{1, 2, 5, 6, 7, 63, 64, 65, 100, 1000, 5000, 40_000} {
				a := make([]float64, n/3)
				b := make([]float64, n-n/3)
				for i := range a {
					a[i] = gen()
				}
				for i := range b {
					b[i] = gen()
				}
				sorted := slices.Concat(a, b)
				slices.Sort(sorted)
				s := summarize(true, a, b)
				for i, p := range pctLevels {
					if want := Percentile(sorted, p); s.p[i] != want {
						t.Fatalf("n=%d p%v = %v, sorted gives %v", n, p, s.p[i], want)
					}
				}
				lo, hi, ok := MedianCI95(sorted)
				if ok != s.hasCI || (ok && s.ci != [2]float64{lo, hi}) {
					t.Fatalf("n=%d ci %v %v, sorted gives %v %v %v", n, s.ci, s.hasCI, lo, hi, ok)
				}
				if m, _ := medianOf(b, a); m != Percentile(sorted, 0.5) {
					t.Fatalf("n=%d median %v", n, m)
				}
			}
		})
	}
}
