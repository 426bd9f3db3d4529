// Package stats computes the market statistics of docs/figures.md. It does no I/O. Engine holds every
// canonical ad in columns and posting lists (fed from jobscope.Store.Changes, then batch by batch)
// and answers a term's page, the market index and comparisons in milliseconds at a million ads,
// whole or cut.
package stats

import "time"

// Period is a span of posting dates: ads with From < posted_at <= To. From is exclusive, as docs/figures.md
// defines it ("D minus 6 calendar months < posted_at <= D").
type Period struct {
	From time.Time // exclusive
	To   time.Time // inclusive
}

// Contains reports whether a posting date falls in the period.
func (p Period) Contains(t time.Time) bool { return t.After(p.From) && !t.After(p.To) }

// FirstDay is the first date the period includes, for display.
func (p Period) FirstDay() time.Time { return p.From.AddDate(0, 0, 1) }

// AddMonths moves t by n calendar months, landing on the last day of the target month when t's day
// does not exist there (31 March minus one month is 28 or 29 February). time.AddDate would instead
// overflow into the next month.
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, 0, 0, 0, 0, time.UTC)
}

// Day truncates t to its UTC calendar date.
func Day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Periods returns the three periods of docs/figures.md for as-of date d: the 6 months to d, the same period
// a year earlier and two years earlier. Each earlier end is d minus 12 (24) calendar months, clamped,
// and each start is 6 calendar months before its end.
func Periods(d time.Time) [3]Period {
	d = Day(d)
	var ps [3]Period
	for i := range ps {
		end := AddMonths(d, -12*i)
		ps[i] = Period{From: AddMonths(end, -6), To: end}
	}
	return ps
}
