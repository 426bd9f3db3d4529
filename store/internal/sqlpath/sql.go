// Package sqlpath computes the figure groups of a term's page and the market index by SQL
// (stats.SQLStats), for both stores: the statements are written once, in the SQL SQLite and
// PostgreSQL share, and a Dialect supplies the few parts that differ (how an ad's terms are read,
// month numbers, byte-order collation).
//
// Everything a figure is made of is SQL: counting and grouping (GROUP BY, COUNT FILTER), ranks
// (RANK() over grouped counts), order statistics (ROW_NUMBER() over the sorted salary figures,
// then the two rows docs/figures.md's linear interpolation reads, interpolated in SQL with the same
// float64 operations in the same order as stats.Percentile, so the two agree to the bit), the
// median's 95% interval (the order statistics at stats.MedianCI95's ranks, computed in SQL from n),
// the locations table's groups (UNION ALL of each ad's country, nation, region, GB excluding
// London and Work from Home) and the co-occurring top lists (ROW_NUMBER() overall and per
// category). Go only divides (shares, changes) and lays out the rows: empty trend months and
// histogram bins between those SQL returns.
package sqlpath

import (
	"fmt"
	"strings"

	"jobscope"
	"jobscope/stats"
)

// Dialect is what differs between the stores' SQL.
type Dialect struct {
	// Name prefixes errors ("sqlite", "postgres").
	Name string
	// Cites is the condition that ad a cites the skill or title @kind/@term, through the store's
	// index of ads by term.
	Cites string
	// CitesCategory is the condition that ad a cites some term of category @cat.
	CitesCategory string
	// Terms is a FROM item of (cols..., kind, name, category): each row of src (an ads row, or a
	// CTE row with id and Carry) once for each term it cites. cols are columns of src, unprefixed.
	Terms func(src string, cols []string) string
	// Carry lists the ads columns Terms reads besides id (none, or term_ids), which the CTEs of
	// ads then carry.
	Carry []string
	// Month is the month number (year·12 + month - 1) of the date column col.
	Month func(col string) string
	// Collate follows a text ORDER BY key so that names sort by byte, as the engine sorts them.
	Collate string
}

// float is a number literal typed double precision in both dialects (PostgreSQL reads 0.1 as
// numeric), so that SQL rounds as float64 does.
func float(s string) string { return "CAST(" + s + " AS DOUBLE PRECISION)" }

// scope is the condition that ad a is canonical, dated and of the scope's market and country.
const scope = `a.dup_of IS NULL AND a.posted_at IS NOT NULL AND a.emp_type = @market
	AND (@country = '' OR a.country = @country)`

// in is the condition that ad a was posted in one of the first n periods: an OR of ranges of the
// posted_at index.
func in(n int) string {
	var b []string
	for i := range n {
		b = append(b, fmt.Sprintf("(a.posted_at > @f%d AND a.posted_at <= @t%d)", i, i))
	}
	return "(" + strings.Join(b, " OR ") + ")"
}

// period numbers the period ad a was posted in (0 latest, 1 a year earlier, 2 two years), NULL
// when none.
const period = `CASE WHEN a.posted_at > @f0 AND a.posted_at <= @t0 THEN 0
	WHEN a.posted_at > @f1 AND a.posted_at <= @t1 THEN 1
	WHEN a.posted_at > @f2 AND a.posted_at <= @t2 THEN 2 END`

// live is the condition that ad a is open on day @t<i>: posted on or before it and closed after
// it, or with no closing date posted within stats.LiveDays days up to it (after @m<i>).
func live(i int) string {
	return fmt.Sprintf(`(a.posted_at <= @t%d AND (a.closed_at > @t%d OR (a.closed_at IS NULL AND a.posted_at > @m%d)))`, i, i, i)
}

const mid = "((COALESCE(a.salary_min, 0) + COALESCE(a.salary_max, 0)) / 2)"

// value is the SQL of an ad's salary figure for the market, NULL when it has none or quotes
// another currency than @cur: the annual midpoint (permanent) or the day-rate midpoint
// (contract), computed with the engine's operations so that the figures agree to the bit.
func value(m stats.Market) string {
	cur := "(@cur = '' OR a.currency = @cur)"
	if m == stats.MarketContract {
		return "CASE WHEN " + cur + " AND a.period = 'day' THEN " + mid + " END"
	}
	return "CASE WHEN " + cur + " THEN CASE a.period WHEN 'year' THEN " + mid + " WHEN 'month' THEN " + mid +
		" * 12 WHEN 'week' THEN " + mid + " * 52 END END"
}

// hour is the contract market's hour rate of ad a, shown apart; NULL for the permanent market.
func hour(m stats.Market) string {
	if m != stats.MarketContract {
		return float("NULL")
	}
	return "CASE WHEN (@cur = '' OR a.currency = @cur) AND a.period = 'hour' THEN " + mid + " END"
}

// plausible is the condition that salary figure x is within the market's bounds.
func plausible(x string) string { return x + " BETWEEN @lo AND @hi" }

// cites is the condition that ad a cites the query's term.
func (d *Dialect) cites(k jobscope.TermKind) string {
	if k == jobscope.KindLocation {
		return "@term IN (a.country, a.nation, a.region, a.county, a.place)"
	}
	return d.Cites
}

// citesCategory is the condition that ad a cites a term of the query's category: for locations,
// any location value at all.
func (d *Dialect) citesCategory(k jobscope.TermKind) string {
	if k == jobscope.KindLocation {
		return "(a.country <> '' OR a.nation <> '' OR a.region <> '' OR a.county <> '' OR a.place <> '')"
	}
	return d.CitesCategory
}

// adCols are the columns of ads the CTEs of market ads carry.
const adCols = "a.id, a.posted_at, a.closed_at, a.country, a.nation, a.region, a.county, a.place, a.remote"

// ads is a SELECT of the scope's ads meeting cond, with adCols, the dialect's carried columns, the
// period number pi, the salary figure v and the hour rate h.
func (d *Dialect) ads(m stats.Market, cond string) string {
	return `SELECT ` + adCols + d.carry() + `, ` + period + ` AS pi, ` + value(m) + ` AS v, ` + hour(m) + ` AS h
		FROM ads AS a WHERE ` + scope + ` AND ` + cond
}

// carry is ", a.col" for each carried column.
func (d *Dialect) carry() string {
	out := ""
	for _, c := range d.Carry {
		out += ", a." + c
	}
	return out
}

// termsOf is a SELECT of (cols..., name, cat) for each term of kind @kind that each row of src
// cites, each once per row: through Terms for skills and titles, the location columns (UNION,
// which also drops an ad's repeated values) for locations. cols are columns of src, unprefixed.
func (d *Dialect) termsOf(k jobscope.TermKind, src string, cols ...string) string {
	pre := make([]string, len(cols))
	for i, c := range cols {
		pre[i] = "a." + c
	}
	sel := strings.Join(pre, ", ")
	if k != jobscope.KindLocation {
		return `SELECT DISTINCT ` + sel + `, a.name AS name, a.category AS cat FROM ` + d.Terms(src, cols) +
			` AS a WHERE a.kind = @kind`
	}
	var b []string
	for _, c := range []string{"country", "nation", "region", "place", "county"} {
		b = append(b, `SELECT `+sel+`, a.`+c+` AS name, '`+stats.LocationCategory+`' AS cat FROM `+src+` AS a WHERE a.`+c+` <> ''`)
	}
	return strings.Join(b, "\nUNION ")
}

// groupsOf is a SELECT of (cols..., loc, c) for each location group each row of src is in: its
// country, its nation and region each once by name, and in GB "GB excluding London" unless its
// region is London and "Work from Home" when remote, as the engine groups ads. cols are columns
// of src; the unknown country has no groups.
func groupsOf(src string, cols ...string) string {
	sel := strings.Join(cols, ", ")
	return `SELECT ` + sel + `, country AS loc, country AS c FROM ` + src + ` WHERE country <> ''
		UNION ALL SELECT ` + sel + `, nation, country FROM ` + src + ` WHERE country <> '' AND nation <> '' AND nation <> country
		UNION ALL SELECT ` + sel + `, region, country FROM ` + src + ` WHERE country <> '' AND region <> '' AND region <> country AND region <> nation
		UNION ALL SELECT ` + sel + `, '` + stats.GBExclLondon + `', country FROM ` + src + ` WHERE country = 'GB' AND region <> '` + stats.London + `'
		UNION ALL SELECT ` + sel + `, '` + stats.WorkFromHome + `', country FROM ` + src + ` WHERE country = 'GB' AND remote`
}

// pct returns CTEs computing order statistics of src(keys..., x) per group of keys, as name(keys...,
// n, p0, ..., p4, cl, ch): p0 to p4 the percentiles p10 to p90 by docs/figures.md's linear interpolation,
// cl and ch the bounds of the median's 95% interval (NULL below 6 values) at stats.MedianCI95's
// ranks: round(n/2 - 1.96·√n/2) and round(1 + n/2 + 1.96·√n/2), 1-based, clamped. The values are
// numbered in order by ROW_NUMBER(); one pass then picks the rows each figure reads (ranks
// floor((n-1)·p) and the next), and the interpolation x + (h - floor h)·(y - x) is done in SQL with
// the operations of stats.Percentile in its order, so the figures agree to the bit.
func pct(name, src string, keys []string) string {
	k := strings.Join(keys, ", ")
	n := "CAST(n AS DOUBLE PRECISION)"
	half := float("1.96") + " * sqrt(" + n + ") / 2"
	round := func(x string) string { // math.Round for x >= 0
		return "(CASE WHEN " + x + " - floor(" + x + ") >= 0.5 THEN floor(" + x + ") + 1 ELSE floor(" + x + ") END)"
	}
	ciLo := "(CASE WHEN " + round(n+" / 2 - "+half) + " - 1 > 0 THEN " + round(n+" / 2 - "+half) + " - 1 ELSE 0 END)"
	ciHi := "(CASE WHEN " + round("1 + "+n+" / 2 + "+half) + " - 1 < n - 1 THEN " + round("1 + "+n+" / 2 + "+half) + " - 1 ELSE n - 1 END)"
	var pick, out []string
	for i, p := range stats.PercentileLevels() {
		h := fmt.Sprintf("((n - 1) * %s)", float(fmt.Sprint(p)))
		pick = append(pick, fmt.Sprintf("MAX(CASE WHEN i = floor(%s) THEN x END) AS x%d, MAX(CASE WHEN i = floor(%s) + 1 THEN x END) AS y%d", h, i, h, i))
		out = append(out, fmt.Sprintf("x%d + (%s - floor(%s)) * (COALESCE(y%d, x%d) - x%d) AS p%d", i, h, h, i, i, i, i))
	}
	return name + `_r AS (SELECT ` + k + `, x, ROW_NUMBER() OVER (PARTITION BY ` + k + ` ORDER BY x) - 1 AS i,
			COUNT(*) OVER (PARTITION BY ` + k + `) AS n FROM ` + src + `),
	` + name + `_w AS (SELECT ` + k + `, n, ` + strings.Join(pick, ",\n\t\t\t") + `,
			MAX(CASE WHEN i = ` + ciLo + ` THEN x END) AS cl, MAX(CASE WHEN i = ` + ciHi + ` THEN x END) AS ch
		FROM ` + name + `_r GROUP BY ` + k + `, n),
	` + name + ` AS (SELECT ` + k + `, n, ` + strings.Join(out, ", ") + `,
			CASE WHEN n >= 6 THEN cl END AS cl, CASE WHEN n >= 6 THEN ch END AS ch FROM ` + name + `_w)`
}
