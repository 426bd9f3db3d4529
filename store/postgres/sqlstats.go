package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"jobscope"
	"jobscope/stats"
)

// The SQL path of the statistics (stats.SQLStats): the figure groups of a term's page computed by
// SQL over the ads table, for `jobscope bench stats` to time against the engine. Period bounds,
// salary bounds and the scope are parameters; the grouping, counting and percentiles (percentile_cont)
// are SQL. Names sort by byte (COLLATE "C"), as the engine sorts them.

var _ stats.SQLStats = (*Store)(nil)

// salaryExpr is the SQL of an ad's salary figure for the market, NULL when it has none (or quotes
// another currency than @cur), computed as the engine does.
func salaryExpr(m stats.Market) string {
	mid := "((COALESCE(a.salary_min, 0) + COALESCE(a.salary_max, 0)) / 2)"
	cur := "(@cur = '' OR a.currency = @cur)"
	if m == stats.MarketContract {
		return "CASE WHEN " + cur + " AND a.period = 'day' THEN " + mid + " END"
	}
	return "CASE WHEN " + cur + " THEN CASE a.period WHEN 'year' THEN " + mid + " WHEN 'month' THEN " + mid +
		" * 12 WHEN 'week' THEN " + mid + " * 52 END END"
}

// termFilter is the SQL condition that ad a cites the query's term: through the GIN index on
// term_ids for skills and titles, by its location columns for a location.
func termFilter(k jobscope.TermKind) string {
	if k == jobscope.KindLocation {
		return "@term IN (a.country, a.nation, a.region, a.county, a.place)"
	}
	return "a.term_ids && ARRAY(SELECT id FROM terms WHERE kind = @kind AND name = @term)"
}

// scopeFilter is the SQL condition that ad a is canonical, dated and of the scope's market and country.
const scopeFilter = `a.dup_of IS NULL AND a.posted_at IS NOT NULL AND a.emp_type = @market
	AND (@country = '' OR a.country = @country)`

// periodExpr numbers the period ad a was posted in (0 latest, 1 a year earlier, 2 two years), NULL
// when none.
const periodExpr = `CASE WHEN a.posted_at > @f0 AND a.posted_at <= @t0 THEN 0
	WHEN a.posted_at > @f1 AND a.posted_at <= @t1 THEN 1
	WHEN a.posted_at > @f2 AND a.posted_at <= @t2 THEN 2 END`

// inPeriods is the SQL condition that ad a was posted in one of the periods.
const inPeriods = `((a.posted_at > @f0 AND a.posted_at <= @t0) OR (a.posted_at > @f1 AND a.posted_at <= @t1)
	OR (a.posted_at > @f2 AND a.posted_at <= @t2))`

func pgDate(t time.Time) string { return t.Format(time.DateOnly) }

// sqlArgs are the named parameters of the SQL-path queries; pgx sends only those a query uses.
func sqlArgs(q stats.SQLQuery) pgx.NamedArgs {
	lo, hi := stats.SalaryBounds(q.Scope.Market)
	args := pgx.NamedArgs{"kind": string(q.Kind), "term": q.Term, "market": string(q.Scope.Market),
		"country": q.Scope.Country, "cur": q.Scope.Currency, "lo": lo, "hi": hi}
	for i, p := range q.Periods {
		args[fmt.Sprintf("f%d", i)] = pgDate(p.From)
		args[fmt.Sprintf("t%d", i)] = pgDate(p.To)
		args[fmt.Sprintf("m%d", i)] = pgDate(p.To.AddDate(0, 0, -stats.LiveDays))
	}
	return args
}

// termCTE is the common table t: the term's ads of the scope in the three periods, with period
// number pi and salary figure v.
func termCTE(q stats.SQLQuery) string {
	return `t AS (SELECT a.id, a.term_ids, a.country, a.nation, a.region, a.remote, ` +
		periodExpr + ` AS pi, ` + salaryExpr(q.Scope.Market) + ` AS v
		FROM ads AS a WHERE ` + scopeFilter + ` AND ` + inPeriods + ` AND ` + termFilter(q.Kind) + `)`
}

// SQLPeriods computes the period figures of the term by SQL: counts and percentile_cont by GROUP
// BY period, all jobs of the market likewise, live jobs with one FILTER per period's last day.
func (s *Store) SQLPeriods(ctx context.Context, q stats.SQLQuery) ([3]stats.SQLPeriod, error) {
	var out [3]stats.SQLPeriod
	args := sqlArgs(q)
	err := s.rows(ctx, `WITH `+termCTE(q)+`
		SELECT pi, count(*), count(*) FILTER (WHERE v BETWEEN @lo AND @hi),
			count(*) FILTER (WHERE v IS NOT NULL AND NOT (v BETWEEN @lo AND @hi)),
			percentile_cont(ARRAY[0.10, 0.25, 0.50, 0.75, 0.90]::float8[]) WITHIN GROUP (ORDER BY v)
				FILTER (WHERE v BETWEEN @lo AND @hi)
		FROM t GROUP BY pi`, args, func(r pgx.Rows) error {
		var pi, n, sq, left int
		var ps []float64
		if err := r.Scan(&pi, &n, &sq, &left, &ps); err != nil {
			return err
		}
		out[pi].Jobs, out[pi].SalariesQuoted, out[pi].Implausible = n, sq, left
		for k := range min(len(ps), 5) {
			out[pi].P[k] = &ps[k]
		}
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("postgres: sql periods: %w", err)
	}
	err = s.rows(ctx, `SELECT `+periodExpr+` AS pi, count(*) FROM ads AS a
		WHERE `+scopeFilter+` AND `+inPeriods+` GROUP BY pi`, args, func(r pgx.Rows) error {
		var pi, n int
		if err := r.Scan(&pi, &n); err != nil {
			return err
		}
		out[pi].All = n
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("postgres: sql periods: all: %w", err)
	}
	live := func(i int) string {
		return fmt.Sprintf(`count(*) FILTER (WHERE a.posted_at <= @t%d::date AND (a.closed_at > @t%d::date
			OR (a.closed_at IS NULL AND a.posted_at > @m%d::date)))`, i, i, i)
	}
	err = s.rows(ctx, `SELECT `+live(0)+`, `+live(1)+`, `+live(2)+` FROM ads AS a
		WHERE `+scopeFilter+` AND a.posted_at <= @t0 AND `+termFilter(q.Kind), args, func(r pgx.Rows) error {
		return r.Scan(&out[0].LiveJobs, &out[1].LiveJobs, &out[2].LiveJobs)
	})
	if err != nil {
		return out, fmt.Errorf("postgres: sql periods: live: %w", err)
	}
	return out, nil
}

// SQLCooccurring counts the skills and titles of the term's ads in the latest period by unnesting
// each ad's term_ids.
func (s *Store) SQLCooccurring(ctx context.Context, q stats.SQLQuery, limit int) ([]stats.SQLCoTerm, error) {
	out := []stats.SQLCoTerm{}
	args := sqlArgs(q)
	args["limit"] = limit
	err := s.rows(ctx, `WITH `+termCTE(q)+`
		SELECT tm.name, tm.kind, count(DISTINCT t.id) AS n
		FROM t CROSS JOIN LATERAL unnest(t.term_ids) AS u(id) JOIN terms AS tm ON tm.id = u.id
		WHERE t.pi = 0 AND tm.kind IN ('skill', 'title') AND NOT (tm.kind = @kind AND tm.name = @term)
		GROUP BY tm.kind, tm.name ORDER BY n DESC, tm.name COLLATE "C", tm.kind COLLATE "C" LIMIT @limit`,
		args, func(r pgx.Rows) error {
			var c stats.SQLCoTerm
			var kind string
			if err := r.Scan(&c.Term, &kind, &c.Jobs); err != nil {
				return err
			}
			c.Kind = jobscope.TermKind(kind)
			out = append(out, c)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("postgres: sql cooccurring: %w", err)
	}
	return out, nil
}

// SQLLocations computes the locations table: each ad of the latest period counted in its country,
// nation, region, GB excluding London and Work from Home (UNION ALL), jobs and median per group.
func (s *Store) SQLLocations(ctx context.Context, q stats.SQLQuery, limit int) ([]stats.SQLLocation, error) {
	out := []stats.SQLLocation{}
	args := sqlArgs(q)
	args["limit"] = limit
	err := s.rows(ctx, `WITH `+termCTE(q)+`,
		g AS (SELECT country AS loc, country AS c, v FROM t WHERE pi = 0 AND country <> ''
			UNION ALL SELECT nation, country, v FROM t WHERE pi = 0 AND country <> '' AND nation NOT IN ('', country)
			UNION ALL SELECT region, country, v FROM t WHERE pi = 0 AND country <> '' AND region NOT IN ('', country, nation)
			UNION ALL SELECT 'GB excluding London', country, v FROM t WHERE pi = 0 AND country = 'GB' AND region <> 'London'
			UNION ALL SELECT 'Work from Home', country, v FROM t WHERE pi = 0 AND country = 'GB' AND remote)
		SELECT loc, count(*) AS n,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FILTER (WHERE v BETWEEN @lo AND @hi)
		FROM g GROUP BY loc, c ORDER BY n DESC, loc COLLATE "C", c COLLATE "C" LIMIT @limit`,
		args, func(r pgx.Rows) error {
			var l stats.SQLLocation
			if err := r.Scan(&l.Location, &l.Jobs, &l.P50); err != nil {
				return err
			}
			out = append(out, l)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("postgres: sql locations: %w", err)
	}
	return out, nil
}

// SQLTrend counts the term's ads and all ads of the market by month, up to the latest period's end.
func (s *Store) SQLTrend(ctx context.Context, q stats.SQLQuery) ([]stats.SQLMonth, error) {
	out := []stats.SQLMonth{}
	err := s.rows(ctx, `SELECT to_char(a.posted_at, 'YYYY-MM') AS m, count(*) FILTER (WHERE `+termFilter(q.Kind)+`), count(*)
		FROM ads AS a WHERE `+scopeFilter+` AND a.posted_at <= @t0 GROUP BY m ORDER BY m`, sqlArgs(q),
		func(r pgx.Rows) error {
			var m stats.SQLMonth
			if err := r.Scan(&m.Month, &m.Jobs, &m.All); err != nil {
				return err
			}
			out = append(out, m)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("postgres: sql trend: %w", err)
	}
	return out, nil
}

// SQLHistogram bins the term's plausible salary figures of the latest period.
func (s *Store) SQLHistogram(ctx context.Context, q stats.SQLQuery, width float64) ([]stats.SQLBin, error) {
	out := []stats.SQLBin{}
	args := sqlArgs(q)
	args["w"] = width
	err := s.rows(ctx, `WITH `+termCTE(q)+`
		SELECT floor(v / @w::float8)::bigint AS b, count(*) FROM t WHERE pi = 0 AND v BETWEEN @lo AND @hi
		GROUP BY b ORDER BY b`, args, func(r pgx.Rows) error {
		var b int64
		var n int
		if err := r.Scan(&b, &n); err != nil {
			return err
		}
		out = append(out, stats.SQLBin{From: float64(b) * width, Count: n})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: sql histogram: %w", err)
	}
	return out, nil
}

// SQLIndex ranks every term of q.Kind by jobs in the latest period: the market's ads of the two
// latest periods with their term_ids unnested, grouped by term, with percentile_cont medians.
func (s *Store) SQLIndex(ctx context.Context, q stats.SQLQuery) ([]stats.SQLIndexRow, error) {
	if q.Kind == jobscope.KindLocation {
		return nil, fmt.Errorf("postgres: sql index: locations are not supported")
	}
	out := []stats.SQLIndexRow{}
	err := s.rows(ctx, `WITH x AS (SELECT DISTINCT tm.name, a.id, `+periodExpr+` AS pi, `+salaryExpr(q.Scope.Market)+` AS v
			FROM ads AS a CROSS JOIN LATERAL unnest(a.term_ids) AS u(id) JOIN terms AS tm ON tm.id = u.id
			WHERE tm.kind = @kind AND `+scopeFilter+` AND ((a.posted_at > @f0 AND a.posted_at <= @t0)
				OR (a.posted_at > @f1 AND a.posted_at <= @t1)))
		SELECT name, count(*) FILTER (WHERE pi = 0) AS now, count(*) FILTER (WHERE pi = 1),
			count(*) FILTER (WHERE pi = 0 AND v BETWEEN @lo AND @hi),
			percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FILTER (WHERE pi = 0 AND v BETWEEN @lo AND @hi)
		FROM x GROUP BY name ORDER BY now DESC, name COLLATE "C"`, sqlArgs(q), func(r pgx.Rows) error {
		var row stats.SQLIndexRow
		if err := r.Scan(&row.Term, &row.Jobs, &row.JobsYearAgo, &row.SalariesQuoted, &row.Median); err != nil {
			return err
		}
		out = append(out, row)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: sql index: %w", err)
	}
	return out, nil
}

// rows runs a query on a pooled connection and calls fn for each row.
func (s *Store) rows(ctx context.Context, query string, args pgx.NamedArgs, fn func(pgx.Rows) error) error {
	return s.pool.with(ctx, func(c *pgx.Conn) error {
		rs, err := c.Query(ctx, query, args)
		if err != nil {
			return err
		}
		defer rs.Close()
		for rs.Next() {
			if err := fn(rs); err != nil {
				return err
			}
		}
		return rs.Err()
	})
}
