package adrow

import "strings"

// coverageSQL is the select list both stores use to fill Info's coverage counts from their ads table
// (columns dup_of, posted_at, emp_type, country, remote, period, annual, salary_min, salary_max), with
// the plausible bounds of the statistics: annual 10,000 to 1,000,000, day 50 to 5,000, hour 5 to 1,000.
const coverageSQL = `count(*),
	coalesce(sum(CASE WHEN posted_at IS NULL THEN 1 ELSE 0 END), 0),
	coalesce(sum(CASE WHEN emp_type NOT IN ('permanent', 'contract') THEN 1 ELSE 0 END), 0),
	coalesce(sum(CASE WHEN country = '' AND NOT_REMOTE THEN 1 ELSE 0 END), 0),
	coalesce(sum(CASE WHEN period = '' THEN 1 ELSE 0 END), 0),
	coalesce(sum(CASE
		WHEN emp_type = 'permanent' AND period IN ('year', 'month', 'week') AND (annual < 10000 OR annual > 1000000) THEN 1
		WHEN emp_type = 'contract' AND period = 'day' AND ((salary_min + salary_max) / 2 < 50 OR (salary_min + salary_max) / 2 > 5000) THEN 1
		WHEN emp_type = 'contract' AND period = 'hour' AND ((salary_min + salary_max) / 2 < 5 OR (salary_min + salary_max) / 2 > 1000) THEN 1
		ELSE 0 END), 0)`

// CoverageSQL returns coverageSQL with notRemote, the store's test that an ad is not remote ("remote =
// 0" in SQLite, "NOT remote" in PostgreSQL). Its columns scan, in order, into Info's Canonical, Undated,
// NoMarket, NoLocation, NoSalary and Implausible, over the rows of ads it is selected from.
func CoverageSQL(notRemote string) string {
	return strings.ReplaceAll(coverageSQL, "NOT_REMOTE", notRemote)
}
