package stats

import (
	"context"

	"jobscope"
)

// SQL path: every figure group of a term's page and the market index, computed by SQL inside a
// store rather than by the Engine, in the Engine's own types. It exists so that `jobscope bench
// stats` can time the two against each other honestly (the same figures, not a subset) and check
// that they agree exactly (CheckSQL, CheckSQLIndex).

// SQLQuery selects a term's ads for the SQL path: a term of a kind (a location term matches any of
// an ad's country, nation, region, county or place), its category (for share_of_category), a scope,
// and the three periods of Periods. The SQL path computes the figures of every job (Scope.Tech
// false): which ads are tech jobs is the engine's rule, which the tables do not hold.
type SQLQuery struct {
	Kind     jobscope.TermKind
	Term     string
	Category string
	Scope    Scope
	Periods  [3]Period
}

// SQLStats is what a store implements to compute the figure groups of a term's page by SQL. Each
// method is one figure group, computed in one or a few statements.
type SQLStats interface {
	// SQLPeriods computes the term's period figures (jobs, shares, salaries quoted and left out,
	// p10 to p90, median change, median excluding London and its change, the median's 95% interval,
	// live jobs, hourly rates for the contract market) without the ranks.
	SQLPeriods(ctx context.Context, q SQLQuery) ([3]TermFigures, error)
	// SQLRanks ranks the term among every term of its kind by jobs in each period.
	SQLRanks(ctx context.Context, q SQLQuery) ([3]*int, error)
	// SQLBaseline computes the same period figures over every ad of the market (q.Term is ignored).
	SQLBaseline(ctx context.Context, q SQLQuery) ([3]Figures, error)
	// SQLWithTitle counts the market's ads of each period with a recognised job title.
	SQLWithTitle(ctx context.Context, q SQLQuery) ([3]int, error)
	// SQLCooccurring lists the skills and titles the term's ads of the latest period cite: the top
	// TopCooccurring, and the top TopCooccurringCategory of each category.
	SQLCooccurring(ctx context.Context, q SQLQuery) (Cooccurring, error)
	// SQLLocations computes the top TopLocations rows of the locations table.
	SQLLocations(ctx context.Context, q SQLQuery) ([]LocationRow, error)
	// SQLTrend computes the monthly trend up to the latest period's end.
	SQLTrend(ctx context.Context, q SQLQuery) ([]TrendPoint, error)
	// SQLHistogram bins the term's salary figures of the latest period.
	SQLHistogram(ctx context.Context, q SQLQuery) (Histogram, error)
	// SQLCoverage counts the term's ads over all time and countries, undated and of neither market.
	SQLCoverage(ctx context.Context, q SQLQuery) (TermCoverage, error)
	// SQLIndex computes the market index of q.Kind (q.Term is ignored), in no particular order.
	SQLIndex(ctx context.Context, q SQLQuery) ([]IndexRow, error)
}

// SQLStore is a store that computes the statistics by SQL.
type SQLStore interface {
	SQLStats() SQLStats
}

// SalaryBounds returns the plausible bounds of the market's salary figure (annual or day rate).
func SalaryBounds(m Market) (lo, hi float64) {
	if m == MarketContract {
		b := bounds["day"]
		return b[0], b[1]
	}
	b := bounds["annual"]
	return b[0], b[1]
}

// HourBounds returns the plausible bounds of an hour rate (the contract market's, shown apart).
func HourBounds() (lo, hi float64) {
	b := bounds["hour"]
	return b[0], b[1]
}

// HistogramWidth is the bin width of the market's salary histogram: 5,000 (annual) or 50 (day).
func HistogramWidth(m Market) float64 {
	if m == MarketContract {
		return 50
	}
	return 5000
}

// PercentileLevels are the levels of p10 to p90, in that order.
func PercentileLevels() [5]float64 { return pctLevels }
