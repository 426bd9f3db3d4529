package stats

import (
	"context"
	"fmt"
	"math"
	"time"
)

// NewSQLQuery is the SQL-path query of the page p: its term, kind, scope and periods.
func NewSQLQuery(p *Page) (SQLQuery, error) {
	asOf, err := time.Parse(time.DateOnly, p.AsOf)
	if err != nil {
		return SQLQuery{}, fmt.Errorf("stats: page as-of %q: %w", p.AsOf, err)
	}
	return SQLQuery{Kind: p.Kind, Term: p.Term, Scope: Scope{Market: p.Market, Country: p.Country, Currency: p.Currency},
		Periods: Periods(asOf)}, nil
}

// CheckSQL computes every SQL-path figure group of page p through s and compares it with the
// engine's page: per period jobs, all jobs, salaries quoted and left out, live jobs and p10 to p90;
// the co-occurring top list; the locations' jobs and medians; the trend's monthly jobs; the
// histogram. It returns one line per figure that differs, nil when the two paths agree.
func CheckSQL(ctx context.Context, s SQLStats, p *Page) ([]string, error) {
	q, err := NewSQLQuery(p)
	if err != nil {
		return nil, err
	}
	var diffs []string
	bad := func(format string, args ...any) {
		diffs = append(diffs, fmt.Sprintf("%s %q: ", p.Kind, p.Term)+fmt.Sprintf(format, args...))
	}
	ps, err := s.SQLPeriods(ctx, q)
	if err != nil {
		return nil, err
	}
	for i, sp := range ps {
		f := &p.Periods[i].Figures
		ints := []struct {
			name      string
			eng, sqlv int
		}{
			{"jobs", f.Jobs, sp.Jobs}, {"all jobs", p.All[i].Jobs, sp.All},
			{"salaries quoted", f.SalariesQuoted, sp.SalariesQuoted}, {"salaries left out", f.Implausible, sp.Implausible},
			{"live jobs", f.LiveJobs, sp.LiveJobs},
		}
		for _, c := range ints {
			if c.eng != c.sqlv {
				bad("period %d %s: engine %d, SQL %d", i, c.name, c.eng, c.sqlv)
			}
		}
		for k, e := range [5]*float64{f.P10, f.P25, f.P50, f.P75, f.P90} {
			if !sameFloat(e, sp.P[k]) {
				bad("period %d p%d: engine %s, SQL %s", i, []int{10, 25, 50, 75, 90}[k], fmtPtr(e), fmtPtr(sp.P[k]))
			}
		}
	}
	co, err := s.SQLCooccurring(ctx, q, TopCooccurring)
	if err != nil {
		return nil, err
	}
	if len(co) != len(p.Cooccurring.Top) {
		bad("co-occurring: engine %d terms, SQL %d", len(p.Cooccurring.Top), len(co))
	}
	for i := range min(len(co), len(p.Cooccurring.Top)) {
		if e := p.Cooccurring.Top[i]; e.Term != co[i].Term || e.Jobs != co[i].Jobs {
			bad("co-occurring #%d: engine %s (%d), SQL %s (%d)", i+1, e.Term, e.Jobs, co[i].Term, co[i].Jobs)
		}
	}
	ls, err := s.SQLLocations(ctx, q, TopLocations)
	if err != nil {
		return nil, err
	}
	if len(ls) != len(p.Locations) {
		bad("locations: engine %d rows, SQL %d", len(p.Locations), len(ls))
	}
	for i := range min(len(ls), len(p.Locations)) {
		if e := p.Locations[i]; e.Location != ls[i].Location || e.Jobs != ls[i].Jobs || !sameFloat(e.P50, ls[i].P50) {
			bad("location #%d: engine %s (%d, %s), SQL %s (%d, %s)", i+1, e.Location, e.Jobs, fmtPtr(e.P50),
				ls[i].Location, ls[i].Jobs, fmtPtr(ls[i].P50))
		}
	}
	tr, err := s.SQLTrend(ctx, q)
	if err != nil {
		return nil, err
	}
	months := make(map[string]SQLMonth, len(tr))
	for _, m := range tr {
		months[m.Month] = m
	}
	for _, pt := range p.Trend {
		m := months[pt.Month]
		delete(months, pt.Month)
		share := 0.0
		if m.All > 0 {
			share = float64(m.Jobs) / float64(m.All)
		}
		if m.Jobs != pt.Jobs || math.Abs(share-pt.Share) > 1e-12 {
			bad("trend %s: engine %d jobs (share %.6f), SQL %d (share %.6f)", pt.Month, pt.Jobs, pt.Share, m.Jobs, share)
		}
	}
	for month, m := range months {
		if m.Jobs > 0 {
			bad("trend %s: SQL has %d jobs, the engine no month", month, m.Jobs)
		}
	}
	bins, err := s.SQLHistogram(ctx, q, p.Histogram.BinWidth)
	if err != nil {
		return nil, err
	}
	counts := make(map[float64]int, len(bins))
	for _, b := range bins {
		counts[b.From] = b.Count
	}
	for _, b := range p.Histogram.Bins {
		if counts[b.From] != b.Count {
			bad("histogram bin %.0f: engine %d, SQL %d", b.From, b.Count, counts[b.From])
		}
		delete(counts, b.From)
	}
	for from, n := range counts {
		bad("histogram bin %.0f: SQL has %d, the engine no bin", from, n)
	}
	return diffs, nil
}

// CheckSQLIndex compares the market index by SQL with the engine's: each term's jobs now and a
// year earlier, salaries quoted and median.
func CheckSQLIndex(ctx context.Context, s SQLStats, ix *Index) ([]string, error) {
	asOf, err := time.Parse(time.DateOnly, ix.AsOf)
	if err != nil {
		return nil, fmt.Errorf("stats: index as-of %q: %w", ix.AsOf, err)
	}
	rows, err := s.SQLIndex(ctx, SQLQuery{Kind: ix.Kind, Scope: Scope{Market: ix.Market, Country: ix.Country,
		Currency: ix.Currency}, Periods: Periods(asOf)})
	if err != nil {
		return nil, err
	}
	byTerm := make(map[string]SQLIndexRow, len(rows))
	for _, r := range rows {
		byTerm[r.Term] = r
	}
	var diffs []string
	if len(rows) != len(ix.Terms) {
		diffs = append(diffs, fmt.Sprintf("index: engine %d terms, SQL %d", len(ix.Terms), len(rows)))
	}
	for _, e := range ix.Terms {
		r := byTerm[e.Term]
		if r.Jobs != e.Jobs || r.JobsYearAgo != e.JobsYearAgo || r.SalariesQuoted != e.SalariesQuoted || !sameFloat(r.Median, e.Median) {
			diffs = append(diffs, fmt.Sprintf("index %q: engine %d/%d jobs, %d salaries, median %s; SQL %d/%d, %d, %s",
				e.Term, e.Jobs, e.JobsYearAgo, e.SalariesQuoted, fmtPtr(e.Median), r.Jobs, r.JobsYearAgo, r.SalariesQuoted, fmtPtr(r.Median)))
		}
	}
	return diffs, nil
}

// sameFloat reports whether two optional figures agree: both missing, or equal to 1e-9 relative
// (PostgreSQL's percentile_cont rounds its last bit its own way).
func sameFloat(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return math.Abs(*a-*b) <= 1e-9*math.Max(1, math.Abs(*a))
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprintf("%.2f", *p)
}
