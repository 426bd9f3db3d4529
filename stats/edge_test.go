package stats_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"jobscope"
	"jobscope/stats"
)

// ad builds a GB record posted on a date, citing skills (all of category "Cat").
func ad(seq int64, posted, typ string, skills ...string) stats.Record {
	r := stats.Record{Seq: seq, Posted: date(posted), Type: typ, Country: "GB", Nation: "England", Region: "North West",
		Place: "Manchester"}
	for _, s := range skills {
		r.Skills = append(r.Skills, jobscope.Skill{Name: s, Category: "Cat"})
	}
	return r
}

func withSalary(r stats.Record, period string, lo, hi float64) stats.Record {
	r.Period, r.Currency, r.Min, r.Max = period, "GBP", lo, hi
	return r
}

var gbPerm = stats.Scope{Market: stats.MarketPermanent, Country: "GB", Currency: "GBP"}

func page(t *testing.T, e *stats.Engine, term, asOf string) *stats.Page {
	t.Helper()
	p, err := e.Page(stats.Query{Kind: jobscope.KindSkill, Term: term, Scope: gbPerm, AsOf: date(asOf)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func intp(p *int) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

func TestEngineRankTies(t *testing.T) {
	var recs []stats.Record
	seq := int64(0)
	add := func(n int, posted string, skills ...string) {
		for range n {
			recs = append(recs, ad(seq, posted, "permanent", skills...))
			seq++
		}
	}
	add(5, "2026-06-01", "A")
	add(3, "2026-06-02", "B", "C")
	add(1, "2026-06-03", "D")
	add(2, "2025-06-01", "E") // only a year ago
	add(1, "2025-06-01", "A")
	e := stats.NewEngine()
	e.Add(recs...)
	want := map[string][3]string{
		"A": {"1", "2", "nil"},
		"B": {"2", "nil", "nil"},
		"C": {"2", "nil", "nil"},
		"D": {"4", "nil", "nil"},
		"E": {"nil", "1", "nil"},
	}
	for term, w := range want {
		t.Run(term, func(t *testing.T) {
			p := page(t, e, term, "2026-06-30")
			for i, r := range w {
				if got := intp(p.Periods[i].Rank); got != r {
					t.Errorf("period %d rank %s, want %s", i, got, r)
				}
			}
		})
	}
	p := page(t, e, "A", "2026-06-30")
	if got := intp(p.Periods[0].RankChange); got != "1" {
		t.Errorf("A rank change %s, want 1 (rank 2 a year ago, 1 now)", got)
	}
	if got := intp(page(t, e, "E", "2026-06-30").Periods[0].RankChange); got != "nil" {
		t.Errorf("E (absent now) rank change %s, want nil", got)
	}
	if got := intp(page(t, e, "B", "2026-06-30").Periods[0].RankChange); got != "nil" {
		t.Errorf("B (absent a year ago) rank change %s, want nil", got)
	}
	idx, err := e.Index(stats.IndexQuery{Scope: gbPerm, AsOf: date("2026-06-30")})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, r := range idx.Terms {
		order = append(order, r.Term+":"+intp(r.Rank))
	}
	if got, want := fmt.Sprint(order), "[A:1 B:2 C:2 D:4 E:nil]"; got != want {
		t.Errorf("index %s, want %s", got, want)
	}
	checkAgainstReference(t, recs, "2026-06-30", "A", "B", "C", "D", "E")
}

func TestEngineSalaries(t *testing.T) {
	recs := []stats.Record{
		withSalary(ad(1, "2026-05-01", "permanent", "One"), "year", 50000, 60000),
		withSalary(ad(2, "2026-05-01", "permanent", "Many"), "month", 4000, 4000), // 48,000
		withSalary(ad(3, "2026-05-02", "permanent", "Many"), "week", 1000, 1000),  // 52,000
		withSalary(ad(4, "2026-05-03", "permanent", "Many"), "year", 5000, 5000),  // implausible
		withSalary(ad(5, "2026-05-04", "permanent", "Many"), "day", 500, 500),     // not a salary
		withSalary(ad(6, "2026-05-05", "contract", "Many"), "day", 500, 600),
		withSalary(ad(7, "2026-05-05", "contract", "Many"), "hour", 40, 60),
		withSalary(ad(8, "2026-05-05", "contract", "Many"), "hour", 2, 2), // implausible hour rate
	}
	recs[1].Region = stats.London
	e := stats.NewEngine()
	e.Add(recs...)
	p := page(t, e, "One", "2026-06-30")
	f := p.Periods[0]
	for _, v := range []*float64{f.P10, f.P25, f.P50, f.P75, f.P90} {
		if v == nil || *v != 55000 {
			t.Fatalf("one salary: percentiles %v", f)
		}
	}
	if f.MedianCI95 != nil || f.SalariesQuoted != 1 {
		t.Errorf("one salary: ci %v, quoted %d", f.MedianCI95, f.SalariesQuoted)
	}
	if f.MedianChange != nil || p.Periods[2].Jobs != 0 || p.Periods[2].P50 != nil || p.Periods[2].ShareOfAll != 0 {
		t.Errorf("empty earlier periods: %+v", p.Periods[2])
	}
	m := page(t, e, "Many", "2026-06-30").Periods[0]
	if m.Jobs != 4 || m.SalariesQuoted != 2 || m.Implausible != 1 || *m.P50 != 50000 || *m.MedianExclLondon != 52000 {
		t.Errorf("permanent: jobs %d quoted %d left out %d p50 %v excl London %v", m.Jobs, m.SalariesQuoted,
			m.Implausible, *m.P50, *m.MedianExclLondon)
	}
	if got := p.Histogram; len(got.Bins) != 1 || got.Bins[0] != (stats.Bin{From: 55000, To: 60000, Count: 1}) {
		t.Errorf("histogram %+v", got)
	}
	c, err := e.Page(stats.Query{Term: "Many", Scope: stats.Scope{Market: stats.MarketContract, Country: "GB", Currency: "GBP"},
		AsOf: date("2026-06-30")})
	if err != nil {
		t.Fatal(err)
	}
	cf := c.Periods[0]
	if cf.Jobs != 3 || cf.SalariesQuoted != 1 || *cf.P50 != 550 || cf.Hourly.SalariesQuoted != 1 || *cf.Hourly.P50 != 50 ||
		cf.Hourly.Implausible != 1 {
		t.Errorf("contract: %+v hourly %+v", cf, cf.Hourly)
	}
	checkAgainstReference(t, recs, "2026-06-30", "One", "Many")
}

func TestEnginePeriodEdges(t *testing.T) {
	tests := []struct {
		name, asOf string
		posted     []string // of ads citing "X"
		jobs       [3]int
	}{
		// 31 August: the period starts after 28 February (31 minus 6 months clamps).
		{"month end", "2026-08-31", []string{"2026-02-28", "2026-03-01", "2026-08-31", "2026-09-01", "2025-08-31", "2025-02-28"}, [3]int{2, 1, 0}},
		// A leap day: as of 28 August 2024 the period starts after 28 February and holds 29 February.
		{"leap day inside", "2024-08-28", []string{"2024-02-29", "2024-02-28"}, [3]int{1, 0, 0}},
		// As of 29 August 2024 it starts after 29 February.
		{"leap day start", "2024-08-29", []string{"2024-02-29", "2024-03-01"}, [3]int{1, 0, 0}},
		// As of 28 February 2025, a year earlier ends on 28 February 2024: the leap day is out.
		{"leap day a year on", "2025-02-28", []string{"2024-02-29", "2024-02-28", "2023-08-29"}, [3]int{0, 2, 0}},
		// As of 29 February 2024, two years earlier ends on 28 February 2022.
		{"as of leap day", "2024-02-29", []string{"2024-02-29", "2022-02-28", "2021-08-28", "2021-08-29"}, [3]int{1, 0, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var recs []stats.Record
			for i, d := range tt.posted {
				recs = append(recs, ad(int64(i), d, "permanent", "X"))
			}
			recs = append(recs, ad(99, "2020-01-01", "permanent", "Y"))
			e := stats.NewEngine()
			e.Add(recs...)
			p := page(t, e, "X", tt.asOf)
			for i, w := range tt.jobs {
				if p.Periods[i].Jobs != w {
					t.Errorf("period %d (%s to %s): %d jobs, want %d", i, p.Periods[i].From, p.Periods[i].To, p.Periods[i].Jobs, w)
				}
			}
			checkAgainstReference(t, recs, tt.asOf, "X")
		})
	}
}

func TestEngineLiveJobs(t *testing.T) {
	d := "2026-06-30"
	closed := func(r stats.Record, c string) stats.Record {
		r.Closed = date(c)
		return r
	}
	recs := []stats.Record{
		ad(1, "2026-06-01", "permanent", "L"),                       // posted 29 days before: live
		ad(2, "2026-05-31", "permanent", "L"),                       // 30 days before: not live
		closed(ad(3, "2025-01-01", "permanent", "L"), "2026-07-01"), // closes after D: live
		closed(ad(4, "2026-06-20", "permanent", "L"), "2026-06-30"), // closes on D: not live
		ad(5, "2026-07-01", "permanent", "L"),                       // posted after D
	}
	e := stats.NewEngine()
	e.Add(recs...)
	if got := page(t, e, "L", d).Periods[0].LiveJobs; got != 2 {
		t.Errorf("live jobs %d, want 2", got)
	}
	checkAgainstReference(t, recs, d, "L")
}

func TestEngineUpdates(t *testing.T) {
	e := stats.NewEngine()
	e.Add(ad(1, "2026-06-01", "permanent", "U"), ad(2, "2026-06-01", "permanent", "U"))
	e.Add(ad(1, "2026-06-01", "contract", "U")) // replaced: now a contract ad
	if got := page(t, e, "U", "2026-06-30").Periods[0].Jobs; got != 1 {
		t.Errorf("after replace: %d permanent jobs, want 1", got)
	}
	e.Remove(2)
	if got := page(t, e, "U", "2026-06-30").Periods[0].Jobs; got != 0 {
		t.Errorf("after remove: %d permanent jobs, want 0", got)
	}
	e.Remove(1)
	if _, err := e.Page(stats.Query{Term: "U", Scope: gbPerm}); !errors.Is(err, stats.ErrUnknownTerm) {
		t.Errorf("term with no ads left: %v", err)
	}
	if e.Len() != 0 || !e.LastPosted().IsZero() {
		t.Errorf("empty engine: %d ads, last %v", e.Len(), e.LastPosted())
	}
}

// checkAgainstReference compares the engine's pages of terms with the reference's, for every
// market of GB.
func checkAgainstReference(t *testing.T, recs []stats.Record, asOf string, terms ...string) {
	t.Helper()
	e := stats.NewEngine()
	e.Add(recs...)
	m := newRefModel([]refOp{{add: recs}})
	var ts []refTerm
	for _, n := range terms {
		ts = append(ts, refTerm{jobscope.KindSkill, n})
	}
	checkPages(t, e, m, []refScope{refScopeOf("permanent", "GB"), refScopeOf("contract", "GB")},
		[]time.Time{date(asOf)}, ts)
}
