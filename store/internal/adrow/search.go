package adrow

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"jobscope"
)

// Dialect is what differs between the stores' SQL for job search.
type Dialect struct {
	// Param returns the placeholder of the n-th argument (1-based).
	Param func(n int) string
	// TextIDs returns a subquery of the ids of the ads whose text matches every word and phrase
	// (any when anyOf), given the placeholder of its one argument, and that argument.
	TextIDs func(param string, words, phrases []string, anyOf bool) (sql string, arg any)
	// TermCond returns a condition on ads (alias a) that it cites one of the terms of a kind and
	// name, given the placeholders of those two arguments.
	TermCond func(kindParam, nameParam string) string
	// Date is a date argument as the store compares it with posted_at.
	Date func(time.Time) any
}

// SearchColumns returns the columns of ads (alias a) ScanHit reads, in its order, given the
// expression that gives a.posted_at as YYYY-MM-DD text.
func SearchColumns(posted string) string {
	return `a.id, a.source, a.ext_id, a.title_raw, a.title_norm, a.company, a.location_raw,
	a.place, a.county, a.region, a.nation, a.country, ` + posted + `, a.emp_type, a.work_mode, a.seniority,
	a.salary_min, a.salary_max, a.currency, a.period, a.annual, a.salary_text`
}

// SearchSQL returns the conditions (joined by AND, on ads as a) and arguments of q, without its
// cursor (see CursorSQL).
func SearchSQL(d Dialect, q *jobscope.SearchQuery) (where string, args []any) {
	conds := []string{"a.dup_of IS NULL"}
	arg := func(v any) string {
		args = append(args, v)
		return d.Param(len(args))
	}
	if len(q.Words) > 0 || len(q.Phrases) > 0 {
		p := d.Param(len(args) + 1)
		sub, v := d.TextIDs(p, q.Words, q.Phrases, false)
		args = append(args, v)
		conds = append(conds, "a.id IN ("+sub+")")
	}
	if len(q.Exclude) > 0 {
		p := d.Param(len(args) + 1)
		sub, v := d.TextIDs(p, q.Exclude, nil, true)
		args = append(args, v)
		conds = append(conds, "a.id NOT IN ("+sub+")")
	}
	for _, t := range q.Terms {
		kind := string(t.Kind)
		if t.Kind == jobscope.KindLocation {
			// Counties are terms of their own kind in the store (see terms).
			loc := d.TermCond(arg(kind), arg(t.Name))
			county := d.TermCond(arg(KindCounty), arg(t.Name))
			conds = append(conds, "("+loc+" OR "+county+")")
			continue
		}
		kp, np := arg(kind), arg(t.Name)
		conds = append(conds, d.TermCond(kp, np))
	}
	for _, f := range []struct{ col, v string }{
		{"a.emp_type", q.Type}, {"a.work_mode", q.WorkMode}, {"a.seniority", q.Seniority},
	} {
		if f.v != "" {
			conds = append(conds, f.col+" = "+arg(f.v))
		}
	}
	if q.MinPay > 0 || q.MaxPay > 0 {
		pay := "a.annual"
		if q.Period == jobscope.PeriodDay {
			pay = "(a.salary_min + a.salary_max) / 2"
			conds = append(conds, "a.period = "+arg(jobscope.PeriodDay))
		} else {
			conds = append(conds, "a.annual IS NOT NULL")
		}
		if q.MinPay > 0 {
			conds = append(conds, pay+" >= "+arg(q.MinPay))
		}
		if q.MaxPay > 0 {
			conds = append(conds, pay+" <= "+arg(q.MaxPay))
		}
	}
	if !q.Since.IsZero() {
		conds = append(conds, "a.posted_at >= "+arg(d.Date(q.Since)))
	}
	return strings.Join(conds, " AND "), args
}

// CursorSQL returns the condition that keeps the hits after c, in the order of SearchOrder, with its
// arguments appended to args.
func CursorSQL(d Dialect, c *jobscope.SearchCursor, args []any) (string, []any) {
	arg := func(v any) string {
		args = append(args, v)
		return d.Param(len(args))
	}
	if c.Posted.IsZero() {
		return "(a.posted_at IS NULL AND a.id < " + arg(c.ID) + ")", args
	}
	p := d.Date(c.Posted)
	return "(a.posted_at < " + arg(p) + " OR (a.posted_at = " + arg(p) + " AND a.id < " + arg(c.ID) +
		") OR a.posted_at IS NULL)", args
}

// SearchOrder is the order of hits: newest first, undated last, then the latest stored first.
const SearchOrder = "a.posted_at DESC NULLS LAST, a.id DESC"

// ScanHit reads one row of SearchColumns.
func ScanHit(rows interface{ Scan(...any) error }) (jobscope.SearchHit, error) {
	var h jobscope.SearchHit
	var place, county, region, nation, country, currency, period, salText string
	var posted sql.NullString
	var smin, smax, annual sql.NullFloat64
	if err := rows.Scan(&h.ID, &h.Key.Source, &h.Key.ID, &h.Title, &h.TitleNorm, &h.Company, &h.Location,
		&place, &county, &region, &nation, &country, &posted, &h.Type, &h.WorkMode, &h.Seniority,
		&smin, &smax, &currency, &period, &annual, &salText); err != nil {
		return h, fmt.Errorf("read hit: %w", err)
	}
	for _, p := range []string{place, county, region, nation, country} {
		if p != "" {
			h.Place = p
			break
		}
	}
	if posted.Valid && posted.String != "" {
		t, err := ParseDate(posted.String)
		if err != nil {
			return h, fmt.Errorf("read hit %s: %w", h.Key, err)
		}
		h.Posted = t
	}
	if smin.Valid && period != "" {
		h.Salary = &jobscope.Salary{Min: smin.Float64, Max: smax.Float64, Currency: currency, Period: period, Text: salText}
		if annual.Valid {
			a := annual.Float64
			h.Salary.Annual = &a
		}
	}
	return h, nil
}

// FinishSearch trims the one hit read past the limit into the result's Next cursor.
func FinishSearch(res *jobscope.SearchResult, limit int) {
	if len(res.Hits) > limit {
		res.Hits = res.Hits[:limit]
		last := res.Hits[limit-1]
		res.Next = &jobscope.SearchCursor{Posted: last.Posted, ID: last.ID}
	}
}
