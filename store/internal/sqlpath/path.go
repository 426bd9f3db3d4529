package sqlpath

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"jobscope/stats"
)

// Rows runs query with named parameters (written @name) and calls fn with a scanner for each row.
type Rows func(ctx context.Context, query string, args map[string]any, fn func(scan func(dest ...any) error) error) error

// Cursor is what the rows of database/sql and of pgx have in common.
type Cursor interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// Each calls fn with the scanner of each row of rs, for a store's Rows; the caller closes rs.
func Each(rs Cursor, fn func(scan func(dest ...any) error) error) error {
	for rs.Next() {
		if err := fn(rs.Scan); err != nil {
			return err
		}
	}
	return rs.Err()
}

// Path is the SQL path of one store: its dialect and how it runs a query.
type Path struct {
	D    Dialect
	Rows Rows
}

var _ stats.SQLStats = (*Path)(nil)

func day(t time.Time) string { return t.Format(time.DateOnly) }

// args are the named parameters of the statements; each store sends only those a statement uses.
func args(q stats.SQLQuery) map[string]any {
	lo, hi := stats.SalaryBounds(q.Scope.Market)
	hlo, hhi := stats.HourBounds()
	a := map[string]any{"kind": string(q.Kind), "term": q.Term, "cat": q.Category, "market": string(q.Scope.Market),
		"country": q.Scope.Country, "cur": q.Scope.Currency, "lo": lo, "hi": hi, "hlo": hlo, "hhi": hhi}
	for i, p := range q.Periods {
		a[fmt.Sprintf("f%d", i)] = day(p.From)
		a[fmt.Sprintf("t%d", i)] = day(p.To)
		a[fmt.Sprintf("m%d", i)] = day(p.To.AddDate(0, 0, -stats.LiveDays))
	}
	return a
}

func (p *Path) run(ctx context.Context, what, query string, a map[string]any, fn func(scan func(...any) error) error) error {
	if err := p.Rows(ctx, query, a, fn); err != nil {
		return fmt.Errorf("%s: sql %s: %w", p.D.Name, what, err)
	}
	return nil
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func change(now, before *float64) *float64 {
	if now == nil || before == nil || *before == 0 {
		return nil
	}
	v := *now / *before - 1
	return &v
}

// rankChange is the rank a year earlier minus the rank now; nil when either is missing.
func rankChange(now, before *int) *int {
	if now == nil || before == nil {
		return nil
	}
	c := *before - *now
	return &c
}

// Order statistics series of the period figures.
const (
	seriesAll      = 0 // every plausible salary figure
	seriesExLondon = 1 // those of ads whose region is not London
	seriesHour     = 2 // the contract market's plausible hour rates
)

// periodStats holds what the period statements return for one set of ads.
type periodStats struct {
	jobs, quoted, left, hquoted, hleft, live [3]int
	all, cat                                 [3]int
	val                                      [3][3][7]*float64 // series, period: p10-p90, the median's interval
}

// periodFigures computes the period figures of the ads meeting cond (a term's, or every ad of the
// market when cond is "true") in two statements: the counts (the ads', the market's, the
// category's, live jobs on each period's last day) as tagged rows of one UNION ALL, then the order
// statistics of three series by period.
func (p *Path) periodFigures(ctx context.Context, q stats.SQLQuery, cond string, shares bool) (*periodStats, error) {
	a := args(q)
	var ps periodStats
	extra := ""
	if shares {
		extra = `
		UNION ALL SELECT 'all', ` + period + `, COUNT(*), 0, 0, 0, 0 FROM ads AS a WHERE ` + scope + ` AND ` + in(3) + ` GROUP BY 2
		UNION ALL SELECT 'cat', ` + period + `, COUNT(*), 0, 0, 0, 0 FROM ads AS a WHERE ` + scope + ` AND ` + in(3) + `
			AND ` + p.D.citesCategory(q.Kind) + ` GROUP BY 2`
	}
	err := p.run(ctx, "periods", `WITH t AS (`+p.D.ads(q.Scope.Market, in(3)+` AND `+cond)+`)
		SELECT 'ads', pi, COUNT(*), COUNT(*) FILTER (WHERE `+plausible("v")+`),
			COUNT(*) FILTER (WHERE v IS NOT NULL AND NOT (`+plausible("v")+`)),
			COUNT(*) FILTER (WHERE h BETWEEN @hlo AND @hhi), COUNT(*) FILTER (WHERE h IS NOT NULL AND NOT (h BETWEEN @hlo AND @hhi))
		FROM t GROUP BY pi
		UNION ALL SELECT 'live', 0, COUNT(*) FILTER (WHERE `+live(0)+`), COUNT(*) FILTER (WHERE `+live(1)+`),
			COUNT(*) FILTER (WHERE `+live(2)+`), 0, 0
		FROM ads AS a WHERE `+scope+` AND a.posted_at <= @t0 AND `+cond+extra, a, func(scan func(...any) error) error {
		var tag string
		var pi int
		var n [5]int
		if err := scan(&tag, &pi, &n[0], &n[1], &n[2], &n[3], &n[4]); err != nil {
			return err
		}
		switch tag {
		case "ads":
			ps.jobs[pi], ps.quoted[pi], ps.left[pi], ps.hquoted[pi], ps.hleft[pi] = n[0], n[1], n[2], n[3], n[4]
		case "live":
			ps.live = [3]int{n[0], n[1], n[2]}
		case "all":
			ps.all[pi] = n[0]
		case "cat":
			ps.cat[pi] = n[0]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = p.run(ctx, "periods: percentiles", `WITH t AS (`+p.D.ads(q.Scope.Market, in(3)+` AND `+cond)+`),
		s AS (SELECT 0 AS s, pi, v AS x FROM t WHERE `+plausible("v")+`
			UNION ALL SELECT 1, pi, v FROM t WHERE `+plausible("v")+` AND region <> '`+stats.London+`'
			UNION ALL SELECT 2, pi, h FROM t WHERE h BETWEEN @hlo AND @hhi),
		`+pct("q", "s", []string{"s", "pi"})+`
		SELECT s, pi, p0, p1, p2, p3, p4, cl, ch FROM q`, a, func(scan func(...any) error) error {
		var s, pi int
		var v [7]*float64
		if err := scan(&s, &pi, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]); err != nil {
			return err
		}
		ps.val[s][pi] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &ps, nil
}

// figures lays out the period figures of ps.
func (ps *periodStats) figures(q stats.SQLQuery, shareDenom [3]int) [3]stats.Figures {
	var out [3]stats.Figures
	for i, per := range q.Periods {
		f := &out[i]
		f.From, f.To = day(per.FirstDay()), day(per.To)
		f.Jobs = ps.jobs[i]
		f.ShareOfAll = ratio(f.Jobs, shareDenom[i])
		f.SalariesQuoted, f.Implausible = ps.quoted[i], ps.left[i]
		v := ps.val[seriesAll][i]
		f.P10, f.P25, f.P50, f.P75, f.P90 = v[0], v[1], v[2], v[3], v[4]
		if v[5] != nil && v[6] != nil {
			f.MedianCI95 = &[2]float64{*v[5], *v[6]}
		}
		f.MedianExclLondon = ps.val[seriesExLondon][i][2]
		f.LiveJobs = ps.live[i]
		if q.Scope.Market == stats.MarketContract {
			h := ps.val[seriesHour][i]
			f.Hourly = &stats.Rates{SalariesQuoted: ps.hquoted[i], Implausible: ps.hleft[i],
				P10: h[0], P25: h[1], P50: h[2], P75: h[3], P90: h[4]}
		}
	}
	for i := 0; i < 2; i++ {
		out[i].MedianChange = change(out[i].P50, out[i+1].P50)
		out[i].MedianExclLondonChange = change(out[i].MedianExclLondon, out[i+1].MedianExclLondon)
		if out[i].Hourly != nil {
			out[i].Hourly.MedianChange = change(out[i].Hourly.P50, out[i+1].Hourly.P50)
		}
	}
	return out
}

// SQLPeriods computes the term's period figures, shares of all and of the category included.
func (p *Path) SQLPeriods(ctx context.Context, q stats.SQLQuery) ([3]stats.TermFigures, error) {
	var out [3]stats.TermFigures
	ps, err := p.periodFigures(ctx, q, p.D.cites(q.Kind), true)
	if err != nil {
		return out, err
	}
	fs := ps.figures(q, ps.all)
	for i := range out {
		out[i].Figures = fs[i]
		out[i].ShareOfCategory = ratio(fs[i].Jobs, ps.cat[i])
	}
	return out, nil
}

// SQLBaseline computes the period figures of every ad of the market.
func (p *Path) SQLBaseline(ctx context.Context, q stats.SQLQuery) ([3]stats.Figures, error) {
	ps, err := p.periodFigures(ctx, q, "true", false)
	if err != nil {
		return [3]stats.Figures{}, err
	}
	return ps.figures(q, ps.jobs), nil
}

// SQLWithTitle counts the market's ads of each period with a recognised job title.
func (p *Path) SQLWithTitle(ctx context.Context, q stats.SQLQuery) ([3]int, error) {
	var out [3]int
	err := p.run(ctx, "with title", `SELECT `+period+` AS pi, COUNT(*) FROM ads AS a
		WHERE `+scope+` AND `+in(3)+` AND a.title_norm <> '' GROUP BY 1`, args(q), func(scan func(...any) error) error {
		var pi, n int
		if err := scan(&pi, &n); err != nil {
			return err
		}
		out[pi] = n
		return nil
	})
	return out, err
}

// SQLRanks ranks the term in each period: the market's ads of the three periods (by the posted_at
// index) with the terms of the kind they cite, counted by period and term, RANK() by count.
func (p *Path) SQLRanks(ctx context.Context, q stats.SQLQuery) ([3]*int, error) {
	var out [3]*int
	err := p.run(ctx, "ranks", `WITH m AS (`+p.D.ads(q.Scope.Market, in(3))+`),
		c AS (`+p.D.termsOf(q.Kind, "m", "id", "pi")+`),
		n AS (SELECT pi, name, COUNT(*) AS n FROM c GROUP BY pi, name),
		r AS (SELECT pi, name, RANK() OVER (PARTITION BY pi ORDER BY n DESC) AS rk FROM n)
		SELECT pi, rk FROM r WHERE name = @term`, args(q), func(scan func(...any) error) error {
		var pi, rk int
		if err := scan(&pi, &rk); err != nil {
			return err
		}
		out[pi] = &rk
		return nil
	})
	return out, err
}

// SQLCooccurring counts the skills and titles the term's ads of the latest period cite, and keeps
// the top overall and per category by ROW_NUMBER() over (count, name, kind).
func (p *Path) SQLCooccurring(ctx context.Context, q stats.SQLQuery) (stats.Cooccurring, error) {
	out := stats.Cooccurring{Top: []stats.CoTerm{}, ByCategory: map[string][]stats.CoTerm{}}
	order := "n DESC, name" + p.D.Collate + ", kind" + p.D.Collate
	err := p.run(ctx, "cooccurring", `WITH t AS (SELECT a.id`+p.D.carry()+` FROM ads AS a WHERE `+scope+` AND `+in(1)+` AND `+p.D.cites(q.Kind)+`),
		c AS (SELECT DISTINCT a.id, a.kind, a.name, a.category FROM `+p.D.Terms("t", []string{"id"})+` AS a
			WHERE a.kind IN ('skill', 'title') AND NOT (a.kind = @kind AND a.name = @term)),
		n AS (SELECT kind, name, MIN(category) AS cat, COUNT(*) AS n FROM c GROUP BY kind, name),
		r AS (SELECT name, cat, n, ROW_NUMBER() OVER (ORDER BY `+order+`) AS r1,
			ROW_NUMBER() OVER (PARTITION BY cat ORDER BY `+order+`) AS r2 FROM n)
		SELECT name, cat, n, r1, r2, (SELECT COUNT(*) FROM t) FROM r
		WHERE r1 <= @top OR r2 <= @topcat ORDER BY r1`,
		with(args(q), "top", stats.TopCooccurring, "topcat", stats.TopCooccurringCategory),
		func(scan func(...any) error) error {
			var c stats.CoTerm
			var r1, r2, jobs int
			if err := scan(&c.Term, &c.Category, &c.Jobs, &r1, &r2, &jobs); err != nil {
				return err
			}
			c.Share = ratio(c.Jobs, jobs)
			if r1 <= stats.TopCooccurring {
				out.Top = append(out.Top, c)
			}
			if r2 <= stats.TopCooccurringCategory {
				out.ByCategory[c.Category] = append(out.ByCategory[c.Category], c)
			}
			return nil
		})
	return out, err
}

func with(a map[string]any, kv ...any) map[string]any {
	for i := 0; i+1 < len(kv); i += 2 {
		a[kv[i].(string)] = kv[i+1]
	}
	return a
}

// SQLLocations computes the locations table in one statement: the term's ads of the two latest
// periods and those live on the as-of date, in each of their location groups; the top groups by
// jobs; each one's median now and a year earlier (ROW_NUMBER order statistics); and the term's
// rank among the terms of its kind within each top group, from the market's ads in those groups
// (RANK() over counts by group, period and term).
func (p *Path) SQLLocations(ctx context.Context, q stats.SQLQuery) ([]stats.LocationRow, error) {
	out := []stats.LocationRow{}
	coll := p.D.Collate
	m := q.Scope.Market
	err := p.run(ctx, "locations", `WITH t AS (SELECT a.country, a.nation, a.region, a.remote, `+period+` AS pi,
				`+value(m)+` AS v, CASE WHEN `+live(0)+` THEN 1 ELSE 0 END AS live
			FROM ads AS a WHERE `+scope+` AND a.posted_at <= @t0 AND (`+in(2)+` OR `+live(0)+`) AND `+p.D.cites(q.Kind)+`),
		g AS (`+groupsOf("t", "pi", "v", "live")+`),
		j AS (SELECT loc, c, COUNT(*) FILTER (WHERE pi = 0) AS jobs, SUM(live) AS live FROM g GROUP BY loc, c),
		top AS (SELECT loc, c, jobs, live FROM j WHERE jobs > 0 ORDER BY jobs DESC, loc`+coll+`, c`+coll+` LIMIT @top),
		s AS (SELECT g.loc, g.c, g.pi, g.v AS x FROM g JOIN top ON top.loc = g.loc AND top.c = g.c
			WHERE g.pi IN (0, 1) AND `+plausible("g.v")+`),
		`+pct("med", "s", []string{"loc", "c", "pi"})+`,
		m AS (SELECT `+adCols+`, `+period+` AS pi`+p.D.carry()+` FROM ads AS a WHERE `+scope+` AND `+in(2)+`),
		mt AS (`+p.D.termsOf(q.Kind, "m", "id", "pi")+`),
		mg AS (SELECT x.id, x.loc, x.c FROM (`+groupsOf("m", "id")+`) AS x JOIN top ON top.loc = x.loc AND top.c = x.c),
		mn AS (SELECT mg.loc, mg.c, mt.pi, mt.name, COUNT(*) AS n FROM mg JOIN mt ON mt.id = mg.id GROUP BY mg.loc, mg.c, mt.pi, mt.name),
		mr AS (SELECT loc, c, pi, name, RANK() OVER (PARTITION BY loc, c, pi ORDER BY n DESC) AS rk FROM mn)
		SELECT top.loc, top.jobs, top.live, m0.p2, m1.p2, r0.rk, r1.rk FROM top
			LEFT JOIN med AS m0 ON m0.loc = top.loc AND m0.c = top.c AND m0.pi = 0
			LEFT JOIN med AS m1 ON m1.loc = top.loc AND m1.c = top.c AND m1.pi = 1
			LEFT JOIN mr AS r0 ON r0.loc = top.loc AND r0.c = top.c AND r0.pi = 0 AND r0.name = @term
			LEFT JOIN mr AS r1 ON r1.loc = top.loc AND r1.c = top.c AND r1.pi = 1 AND r1.name = @term
		ORDER BY top.jobs DESC, top.loc`+coll+`, top.c`+coll,
		with(args(q), "top", stats.TopLocations), func(scan func(...any) error) error {
			var r stats.LocationRow
			var before *float64
			var r1 *int
			if err := scan(&r.Location, &r.Jobs, &r.LiveJobs, &r.P50, &before, &r.Rank, &r1); err != nil {
				return err
			}
			r.MedianChange = change(r.P50, before)
			r.RankChange = rankChange(r.Rank, r1)
			out = append(out, r)
			return nil
		})
	return out, err
}

// SQLTrend computes the monthly trend: the term's and the market's ads by month (one GROUP BY over
// the market's ads up to the as-of date), and the term's percentiles over the 3 months ending with
// each month (each salary figure counted in its month and the two after, ROW_NUMBER order
// statistics by month). Months between the first and the as-of month that SQL returns no row for
// are laid out empty.
func (p *Path) SQLTrend(ctx context.Context, q stats.SQLQuery) ([]stats.TrendPoint, error) {
	asOf := q.Periods[0].To
	last := asOf.Year()*12 + int(asOf.Month()) - 1
	type month struct{ jobs, all int }
	months := map[int]month{}
	first := -1
	a := with(args(q), "last", last)
	err := p.run(ctx, "trend", `SELECT `+p.D.Month("a.posted_at")+` AS mo, COUNT(*) FILTER (WHERE `+p.D.cites(q.Kind)+`), COUNT(*)
		FROM ads AS a WHERE `+scope+` AND a.posted_at <= @t0 GROUP BY mo`, a, func(scan func(...any) error) error {
		var mo int
		var m month
		if err := scan(&mo, &m.jobs, &m.all); err != nil {
			return err
		}
		months[mo] = m
		if first < 0 || mo < first {
			first = mo
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	vals := map[int]*[5]*float64{}
	err = p.run(ctx, "trend: percentiles", `WITH t AS (SELECT `+p.D.Month("a.posted_at")+` AS mo, `+value(q.Scope.Market)+` AS v
			FROM ads AS a WHERE `+scope+` AND a.posted_at <= @t0 AND `+p.D.cites(q.Kind)+`),
		w(d) AS (VALUES (0), (1), (2)),
		s AS (SELECT t.mo + w.d AS mo, t.v AS x FROM t CROSS JOIN w WHERE `+plausible("t.v")+` AND t.mo + w.d <= @last),
		`+pct("q", "s", []string{"mo"})+`
		SELECT mo, p0, p1, p2, p3, p4 FROM q`, a, func(scan func(...any) error) error {
		var mo int
		var v [5]*float64
		if err := scan(&mo, &v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
			return err
		}
		vals[mo] = &v
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []stats.TrendPoint{}
	if first < 0 {
		return out, nil
	}
	for mo := first; mo <= last; mo++ {
		m := months[mo]
		pt := stats.TrendPoint{Month: fmt.Sprintf("%04d-%02d", mo/12, mo%12+1), Jobs: m.jobs, Share: ratio(m.jobs, m.all)}
		if v := vals[mo]; v != nil {
			pt.P10, pt.P25, pt.P50, pt.P75, pt.P90 = v[0], v[1], v[2], v[3], v[4]
		}
		out = append(out, pt)
	}
	return out, nil
}

// SQLHistogram counts the term's plausible salary figures of the latest period by bin
// floor(v / width); the empty bins between the lowest and the highest are laid out in Go.
func (p *Path) SQLHistogram(ctx context.Context, q stats.SQLQuery) (stats.Histogram, error) {
	w := stats.HistogramWidth(q.Scope.Market)
	h := stats.Histogram{BinWidth: w, Bins: []stats.Bin{}}
	counts := map[float64]int{}
	var bins []float64
	err := p.run(ctx, "histogram", `WITH t AS (SELECT `+value(q.Scope.Market)+` AS v FROM ads AS a
			WHERE `+scope+` AND `+in(1)+` AND `+p.D.cites(q.Kind)+`)
		SELECT floor(v / @w) AS b, COUNT(*) FROM t WHERE `+plausible("v")+` GROUP BY b`,
		with(args(q), "w", w), func(scan func(...any) error) error {
			var b float64
			var n int
			if err := scan(&b, &n); err != nil {
				return err
			}
			counts[b] = n
			bins = append(bins, b)
			return nil
		})
	if err != nil || len(bins) == 0 {
		return h, err
	}
	for b := slices.Min(bins); b <= slices.Max(bins); b++ {
		h.Bins = append(h.Bins, stats.Bin{From: b * w, To: (b + 1) * w, Count: counts[b]})
	}
	return h, nil
}

// SQLCoverage counts the term's ads over every market, country and period (copies aside), with those
// undated and those of neither market.
func (p *Path) SQLCoverage(ctx context.Context, q stats.SQLQuery) (stats.TermCoverage, error) {
	var c stats.TermCoverage
	err := p.run(ctx, "coverage", `SELECT COUNT(*),
			COALESCE(SUM(CASE WHEN a.posted_at IS NULL THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN a.emp_type NOT IN ('permanent', 'contract') THEN 1 ELSE 0 END), 0)
		FROM ads AS a WHERE a.dup_of IS NULL AND `+p.D.cites(q.Kind), args(q), func(scan func(...any) error) error {
		return scan(&c.Ads, &c.Undated, &c.NoMarket)
	})
	return c, err
}

// SQLIndex computes the market index of q.Kind in one statement: the market's ads of the two
// latest periods (by the posted_at index) with the terms they cite, counted by term and period,
// ranked by RANK() over the counts, with each term's median now and a year earlier by ROW_NUMBER
// order statistics.
func (p *Path) SQLIndex(ctx context.Context, q stats.SQLQuery) ([]stats.IndexRow, error) {
	out := []stats.IndexRow{}
	err := p.run(ctx, "index", `WITH m AS (`+p.D.ads(q.Scope.Market, in(2))+`),
		c AS (`+p.D.termsOf(q.Kind, "m", "id", "pi", "v")+`),
		n AS (SELECT name, MIN(cat) AS cat, COUNT(*) FILTER (WHERE pi = 0) AS now, COUNT(*) FILTER (WHERE pi = 1) AS before,
			COUNT(*) FILTER (WHERE pi = 0 AND `+plausible("v")+`) AS sq FROM c GROUP BY name),
		s AS (SELECT name, pi, v AS x FROM c WHERE `+plausible("v")+`),
		`+pct("med", "s", []string{"name", "pi"})+`
		SELECT n.name, n.cat, n.now, n.before, n.sq,
			CASE WHEN n.now > 0 THEN RANK() OVER (ORDER BY n.now DESC) END,
			CASE WHEN n.before > 0 THEN RANK() OVER (ORDER BY n.before DESC) END,
			m0.p2, m1.p2, (SELECT COUNT(*) FROM m WHERE pi = 0)
		FROM n LEFT JOIN med AS m0 ON m0.name = n.name AND m0.pi = 0 LEFT JOIN med AS m1 ON m1.name = n.name AND m1.pi = 1`,
		args(q), func(scan func(...any) error) error {
			var r stats.IndexRow
			var before *int
			var prev *float64
			var all int
			if err := scan(&r.Term, &r.Category, &r.Jobs, &r.JobsYearAgo, &r.SalariesQuoted, &r.Rank, &before,
				&r.Median, &prev, &all); err != nil {
				return err
			}
			r.ShareOfAll = ratio(r.Jobs, all)
			r.MedianChange = change(r.Median, prev)
			r.RankChange = rankChange(r.Rank, before)
			out = append(out, r)
			return nil
		})
	slices.SortFunc(out, func(a, b stats.IndexRow) int { return cmp.Compare(a.Term, b.Term) })
	return out, err
}
