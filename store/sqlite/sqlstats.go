package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobscope"
	"jobscope/stats"
)

// The SQL path of the statistics (stats.SQLStats): the figure groups of a term's page computed by
// SQL over the ads table, for `jobscope bench stats` to time against the engine. Period bounds,
// salary bounds and the scope are parameters; the grouping, counting and percentiles are SQL.

var _ stats.SQLStats = (*Store)(nil)

// salaryExpr is the SQL of an ad's salary figure for the market, NULL when it has none (or quotes
// another currency than :cur): the annual midpoint (permanent) or the day-rate midpoint (contract),
// computed as the engine does so that the figures agree to the bit.
func salaryExpr(m stats.Market) string {
	mid := "((COALESCE(a.salary_min, 0) + COALESCE(a.salary_max, 0)) / 2)"
	cur := "(:cur = '' OR a.currency = :cur)"
	if m == stats.MarketContract {
		return "CASE WHEN " + cur + " AND a.period = 'day' THEN " + mid + " END"
	}
	return "CASE WHEN " + cur + " THEN CASE a.period WHEN 'year' THEN " + mid + " WHEN 'month' THEN " + mid +
		" * 12 WHEN 'week' THEN " + mid + " * 52 END END"
}

// termFilter is the SQL condition that ad a cites the query's term.
func termFilter(k jobscope.TermKind) string {
	if k == jobscope.KindLocation {
		return ":term IN (a.country, a.nation, a.region, a.county, a.place)"
	}
	return `a.id IN (SELECT at.ad_id FROM ad_terms AS at JOIN terms AS tm ON tm.id = at.term_id
		WHERE tm.kind = :kind AND tm.name = :term)`
}

// scopeFilter is the SQL condition that ad a is canonical, dated and of the scope's market and country.
const scopeFilter = `a.dup_of IS NULL AND a.posted_at IS NOT NULL AND a.emp_type = :market
	AND (:country = '' OR a.country = :country)`

// periodExpr numbers the period ad a was posted in (0 latest, 1 a year earlier, 2 two years), NULL
// when none.
const periodExpr = `CASE WHEN a.posted_at > :f0 AND a.posted_at <= :t0 THEN 0
	WHEN a.posted_at > :f1 AND a.posted_at <= :t1 THEN 1
	WHEN a.posted_at > :f2 AND a.posted_at <= :t2 THEN 2 END`

// inPeriods is the SQL condition that ad a was posted in one of the periods, as index ranges.
const inPeriods = `((a.posted_at > :f0 AND a.posted_at <= :t0) OR (a.posted_at > :f1 AND a.posted_at <= :t1)
	OR (a.posted_at > :f2 AND a.posted_at <= :t2))`

func date(t time.Time) string { return t.Format(time.DateOnly) }

// sqlArgs are the named parameters every SQL-path query may use.
func sqlArgs(q stats.SQLQuery) []any {
	lo, hi := stats.SalaryBounds(q.Scope.Market)
	args := []any{
		sql.Named("kind", string(q.Kind)), sql.Named("term", q.Term),
		sql.Named("market", string(q.Scope.Market)), sql.Named("country", q.Scope.Country),
		sql.Named("cur", q.Scope.Currency), sql.Named("lo", lo), sql.Named("hi", hi),
	}
	for i, p := range q.Periods {
		args = append(args, sql.Named(fmt.Sprintf("f%d", i), date(p.From)), sql.Named(fmt.Sprintf("t%d", i), date(p.To)))
	}
	return args
}

// termCTE is the common table t: the term's ads of the scope in the three periods, with period
// number pi and salary figure v.
func termCTE(q stats.SQLQuery) string {
	return `t AS (SELECT a.id, a.posted_at, a.closed_at, a.country, a.nation, a.region, a.remote, ` +
		periodExpr + ` AS pi, ` + salaryExpr(q.Scope.Market) + ` AS v
		FROM ads AS a WHERE ` + scopeFilter + ` AND ` + inPeriods + ` AND ` + termFilter(q.Kind) + `)`
}

// SQLPeriods computes the period figures of the term by SQL: counts by GROUP BY, live jobs by a
// join with the periods' last days, percentiles by ROW_NUMBER over the sorted figures.
func (s *Store) SQLPeriods(ctx context.Context, q stats.SQLQuery) ([3]stats.SQLPeriod, error) {
	var out [3]stats.SQLPeriod
	args := sqlArgs(q)
	err := s.rows(ctx, `WITH `+termCTE(q)+`
		SELECT pi, COUNT(*), COALESCE(SUM(v BETWEEN :lo AND :hi), 0),
			COALESCE(SUM(v IS NOT NULL AND NOT (v BETWEEN :lo AND :hi)), 0)
		FROM t GROUP BY pi`, args, func(r *sql.Rows) error {
		var pi, n, sq, left int
		if err := r.Scan(&pi, &n, &sq, &left); err != nil {
			return err
		}
		out[pi].Jobs, out[pi].SalariesQuoted, out[pi].Implausible = n, sq, left
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("sqlite: sql periods: %w", err)
	}
	err = s.rows(ctx, `SELECT `+periodExpr+` AS pi, COUNT(*) FROM ads AS a
		WHERE `+scopeFilter+` AND `+inPeriods+` GROUP BY pi`, args, func(r *sql.Rows) error {
		var pi, n int
		if err := r.Scan(&pi, &n); err != nil {
			return err
		}
		out[pi].All = n
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("sqlite: sql periods: all: %w", err)
	}
	// Live jobs on each period's last day D: posted on or before D and closed after it, or with no
	// closing date posted within the LiveDays days up to D.
	live := args
	for i, p := range q.Periods {
		live = append(live, sql.Named(fmt.Sprintf("m%d", i), date(p.To.AddDate(0, 0, -stats.LiveDays))))
	}
	err = s.rows(ctx, `WITH d(pi, day, since) AS (VALUES (0, :t0, :m0), (1, :t1, :m1), (2, :t2, :m2))
		SELECT d.pi, COUNT(a.id) FROM d JOIN ads AS a
			ON a.posted_at <= d.day AND (a.closed_at > d.day OR (a.closed_at IS NULL AND a.posted_at > d.since))
		WHERE `+scopeFilter+` AND `+termFilter(q.Kind)+` GROUP BY d.pi`, live, func(r *sql.Rows) error {
		var pi, n int
		if err := r.Scan(&pi, &n); err != nil {
			return err
		}
		out[pi].LiveJobs = n
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("sqlite: sql periods: live: %w", err)
	}
	err = s.rows(ctx, `WITH `+termCTE(q)+`,
		r AS (SELECT pi, v, ROW_NUMBER() OVER (PARTITION BY pi ORDER BY v) - 1 AS i, COUNT(*) OVER (PARTITION BY pi) AS n
			FROM t WHERE v BETWEEN :lo AND :hi),
		lv(k, q) AS (VALUES (0, 0.10), (1, 0.25), (2, 0.50), (3, 0.75), (4, 0.90)),
		pos AS (SELECT r.pi, lv.k, r.i, r.v, (r.n - 1) * lv.q AS h, CAST((r.n - 1) * lv.q AS INTEGER) AS lo
			FROM r CROSS JOIN lv)
		SELECT pi, k, MAX(CASE WHEN i = lo THEN v END) + COALESCE(MAX(h - lo) * (MAX(CASE WHEN i = lo + 1 THEN v END) - MAX(CASE WHEN i = lo THEN v END)), 0)
		FROM pos WHERE i = lo OR i = lo + 1 GROUP BY pi, k`, args, func(r *sql.Rows) error {
		var pi, k int
		var v float64
		if err := r.Scan(&pi, &k, &v); err != nil {
			return err
		}
		out[pi].P[k] = &v
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("sqlite: sql periods: percentiles: %w", err)
	}
	return out, nil
}

// SQLCooccurring counts the skills and titles of the term's ads in the latest period, reading each
// ad's term list (ad_docs.term_ids) with json_each.
func (s *Store) SQLCooccurring(ctx context.Context, q stats.SQLQuery, limit int) ([]stats.SQLCoTerm, error) {
	out := []stats.SQLCoTerm{}
	err := s.rows(ctx, `WITH `+termCTE(q)+`
		SELECT tm.name, tm.kind, COUNT(DISTINCT t.id) AS n -- CROSS JOIN: SQLite keeps this join order
		FROM t CROSS JOIN ad_docs AS d CROSS JOIN json_each(d.term_ids) AS j CROSS JOIN terms AS tm
		WHERE d.ad_id = t.id AND tm.id = j.value AND t.pi = 0 AND tm.kind IN ('skill', 'title') AND NOT (tm.kind = :kind AND tm.name = :term)
		GROUP BY tm.kind, tm.name ORDER BY n DESC, tm.name, tm.kind LIMIT :limit`,
		append(sqlArgs(q), sql.Named("limit", limit)), func(r *sql.Rows) error {
			var c stats.SQLCoTerm
			if err := r.Scan(&c.Term, &c.Kind, &c.Jobs); err != nil {
				return err
			}
			out = append(out, c)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("sqlite: sql cooccurring: %w", err)
	}
	return out, nil
}

// SQLLocations computes the locations table: each ad of the latest period counted in its country,
// nation, region, GB excluding London and Work from Home (UNION ALL), jobs and median per group.
func (s *Store) SQLLocations(ctx context.Context, q stats.SQLQuery, limit int) ([]stats.SQLLocation, error) {
	out := []stats.SQLLocation{}
	err := s.rows(ctx, `WITH `+termCTE(q)+`,
		g AS (SELECT country AS loc, country AS c, v FROM t WHERE pi = 0 AND country <> ''
			UNION ALL SELECT nation, country, v FROM t WHERE pi = 0 AND country <> '' AND nation NOT IN ('', country)
			UNION ALL SELECT region, country, v FROM t WHERE pi = 0 AND country <> '' AND region NOT IN ('', country, nation)
			UNION ALL SELECT 'GB excluding London', country, v FROM t WHERE pi = 0 AND country = 'GB' AND region <> 'London'
			UNION ALL SELECT 'Work from Home', country, v FROM t WHERE pi = 0 AND country = 'GB' AND remote),
		j AS (SELECT loc, c, COUNT(*) AS n FROM g GROUP BY loc, c),
		r AS (SELECT loc, c, v, ROW_NUMBER() OVER (PARTITION BY loc, c ORDER BY v) - 1 AS i,
				COUNT(*) OVER (PARTITION BY loc, c) AS m
			FROM g WHERE v BETWEEN :lo AND :hi),
		med AS (SELECT loc, c, MIN(v) + 0.5 * (MAX(v) - MIN(v)) AS p50 FROM r WHERE i IN ((m - 1) / 2, m / 2) GROUP BY loc, c)
		SELECT j.loc, j.n, med.p50 FROM j LEFT JOIN med ON med.loc = j.loc AND med.c = j.c
		ORDER BY j.n DESC, j.loc, j.c LIMIT :limit`,
		append(sqlArgs(q), sql.Named("limit", limit)), func(r *sql.Rows) error {
			var l stats.SQLLocation
			var p sql.NullFloat64
			if err := r.Scan(&l.Location, &l.Jobs, &p); err != nil {
				return err
			}
			if p.Valid {
				l.P50 = &p.Float64
			}
			out = append(out, l)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("sqlite: sql locations: %w", err)
	}
	return out, nil
}

// SQLTrend counts the term's ads and all ads of the market by month, up to the latest period's end.
func (s *Store) SQLTrend(ctx context.Context, q stats.SQLQuery) ([]stats.SQLMonth, error) {
	out := []stats.SQLMonth{}
	err := s.rows(ctx, `SELECT substr(a.posted_at, 1, 7) AS m, SUM(`+termFilter(q.Kind)+`), COUNT(*)
		FROM ads AS a WHERE `+scopeFilter+` AND a.posted_at <= :t0 GROUP BY m ORDER BY m`, sqlArgs(q),
		func(r *sql.Rows) error {
			var m stats.SQLMonth
			if err := r.Scan(&m.Month, &m.Jobs, &m.All); err != nil {
				return err
			}
			out = append(out, m)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("sqlite: sql trend: %w", err)
	}
	return out, nil
}

// SQLHistogram bins the term's plausible salary figures of the latest period (figures are positive,
// so truncation is the floor).
func (s *Store) SQLHistogram(ctx context.Context, q stats.SQLQuery, width float64) ([]stats.SQLBin, error) {
	out := []stats.SQLBin{}
	err := s.rows(ctx, `WITH `+termCTE(q)+`
		SELECT CAST(v / :w AS INTEGER) AS b, COUNT(*) FROM t WHERE pi = 0 AND v BETWEEN :lo AND :hi
		GROUP BY b ORDER BY b`, append(sqlArgs(q), sql.Named("w", width)), func(r *sql.Rows) error {
		var b int64
		var n int
		if err := r.Scan(&b, &n); err != nil {
			return err
		}
		out = append(out, stats.SQLBin{From: float64(b) * width, Count: n})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: sql histogram: %w", err)
	}
	return out, nil
}

// SQLIndex ranks every term of q.Kind by jobs in the latest period: the market's ads of the two
// latest periods (by the posted_at index) with their term lists, grouped by term, with each
// term's median by ROW_NUMBER. (Driving the join from ad_terms instead reads every ad of every
// term, all periods, and is several times slower.)
func (s *Store) SQLIndex(ctx context.Context, q stats.SQLQuery) ([]stats.SQLIndexRow, error) {
	if q.Kind == jobscope.KindLocation {
		return nil, fmt.Errorf("sqlite: sql index: locations are not supported")
	}
	out := []stats.SQLIndexRow{}
	err := s.rows(ctx, `WITH x AS (SELECT DISTINCT tm.name, a.id, `+periodExpr+` AS pi, `+salaryExpr(q.Scope.Market)+` AS v
			FROM ads AS a CROSS JOIN ad_docs AS d CROSS JOIN json_each(d.term_ids) AS j CROSS JOIN terms AS tm
			WHERE d.ad_id = a.id AND tm.id = j.value AND tm.kind = :kind AND `+scopeFilter+` AND ((a.posted_at > :f0 AND a.posted_at <= :t0)
				OR (a.posted_at > :f1 AND a.posted_at <= :t1))),
		c AS (SELECT name, SUM(pi = 0) AS now, SUM(pi = 1) AS before, COUNT(CASE WHEN pi = 0 AND v BETWEEN :lo AND :hi THEN 1 END) AS sq
			FROM x GROUP BY name),
		r AS (SELECT name, v, ROW_NUMBER() OVER (PARTITION BY name ORDER BY v) - 1 AS i, COUNT(*) OVER (PARTITION BY name) AS m
			FROM x WHERE pi = 0 AND v BETWEEN :lo AND :hi),
		med AS (SELECT name, MIN(v) + 0.5 * (MAX(v) - MIN(v)) AS p50 FROM r WHERE i IN ((m - 1) / 2, m / 2) GROUP BY name)
		SELECT c.name, c.now, c.before, c.sq, med.p50 FROM c LEFT JOIN med ON med.name = c.name
		ORDER BY c.now DESC, c.name`, sqlArgs(q), func(r *sql.Rows) error {
		var row stats.SQLIndexRow
		var p sql.NullFloat64
		if err := r.Scan(&row.Term, &row.Jobs, &row.JobsYearAgo, &row.SalariesQuoted, &p); err != nil {
			return err
		}
		if p.Valid {
			row.Median = &p.Float64
		}
		out = append(out, row)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: sql index: %w", err)
	}
	return out, nil
}

// rows runs a query on the reader pool and calls fn for each row.
func (s *Store) rows(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	query = strings.TrimSpace(query)
	rs, err := s.r.QueryContext(ctx, query, args...)
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
}
