package stats

import (
	"context"

	"jobscope"
)

// SQL path: the same figure groups as a term's page, computed by SQL inside a store rather than by
// the Engine. It exists so that `jobscope bench stats` can time the two against each other and check
// that they agree; the figures are a subset of Page (no ranks, no confidence interval, no rolling
// trend percentiles), enough to compare the work each path does.

// SQLQuery selects a term's ads for the SQL path: a term of a kind (a location term matches any of
// an ad's country, nation, region, county or place), a scope, and the three periods of Periods.
type SQLQuery struct {
	Kind    jobscope.TermKind
	Term    string
	Scope   Scope
	Periods [3]Period
}

// SQLPeriod is one period's figures by SQL: the term's jobs, all jobs of the market, salary counts,
// p10 to p90 (nil when no salary is quoted) and live jobs on the period's last day.
type SQLPeriod struct {
	Jobs           int
	All            int
	SalariesQuoted int
	Implausible    int
	LiveJobs       int
	P              [5]*float64 // p10, p25, p50, p75, p90
}

// SQLCoTerm is a co-occurring skill or title by SQL, with the term's ads in the latest period citing it.
type SQLCoTerm struct {
	Term string
	Kind jobscope.TermKind
	Jobs int
}

// SQLLocation is one row of the locations table by SQL: the term's jobs in the latest period in a
// location group and their median salary.
type SQLLocation struct {
	Location string
	Jobs     int
	P50      *float64
}

// SQLMonth is one month of the trend by SQL: the term's jobs and all jobs of the market.
type SQLMonth struct {
	Month string // YYYY-MM
	Jobs  int
	All   int
}

// SQLBin is one histogram bin by SQL: values v with From <= v < From + width.
type SQLBin struct {
	From  float64
	Count int
}

// SQLIndexRow is one term of the market index by SQL.
type SQLIndexRow struct {
	Term           string
	Jobs           int // latest period
	JobsYearAgo    int
	SalariesQuoted int
	Median         *float64
}

// SQLStats is what a store implements to compute the figure groups of a term's page by SQL.
type SQLStats interface {
	// SQLPeriods computes the period figures of the term and the market's totals.
	SQLPeriods(ctx context.Context, q SQLQuery) ([3]SQLPeriod, error)
	// SQLCooccurring lists the top limit skills and titles the term's ads of the latest period cite,
	// by count then name.
	SQLCooccurring(ctx context.Context, q SQLQuery, limit int) ([]SQLCoTerm, error)
	// SQLLocations lists the top limit location groups of the term's ads in the latest period.
	SQLLocations(ctx context.Context, q SQLQuery, limit int) ([]SQLLocation, error)
	// SQLTrend counts the term's and the market's ads by month, up to the latest period's end.
	SQLTrend(ctx context.Context, q SQLQuery) ([]SQLMonth, error)
	// SQLHistogram bins the term's salary figures of the latest period.
	SQLHistogram(ctx context.Context, q SQLQuery, width float64) ([]SQLBin, error)
	// SQLIndex ranks every term of a kind: jobs in the latest and year-ago period (q.Term is
	// ignored), salaries quoted and median in the latest.
	SQLIndex(ctx context.Context, q SQLQuery) ([]SQLIndexRow, error)
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
