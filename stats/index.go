package stats

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"jobscope"
)

// IndexQuery selects a market index: every term of a kind, ranked by jobs in the latest period.
type IndexQuery struct {
	Kind     jobscope.TermKind // default skill
	Scope    Scope
	AsOf     time.Time // zero: the newest posting date held
	Category string    // only terms of this category ("" for all); ranks stay among the whole kind
	Location string    // a location group (e.g. "London", "Scotland", GBExclLondon): ranks within it
	// Cut narrows the index to the ads it keeps, as a page's cut does: ranks, shares and medians
	// within them ("Manchester", senior, the ads of a title). Location and Cut.Location exclude
	// each other.
	Cut Cut
	// Sort is the column to order by: rank (default), term, category, jobs, jobs_year_ago, share,
	// rank_change, salaries_quoted, median, median_change. Numbers sort largest first, except rank;
	// Reverse turns the order round. Terms without the figure come last either way.
	Sort    string
	Reverse bool
	// MinSalaries: a median over fewer salary figures is nil (and its change), so that it sorts
	// last rather than first; MinJobs leaves out the terms of fewer ads in the latest period.
	MinSalaries, MinJobs int
}

// Index is the market index of IndexQuery.
type Index struct {
	Kind     jobscope.TermKind `json:"kind"`
	Market   Market            `json:"market"`
	Country  string            `json:"country"`
	Currency string            `json:"currency"`
	Location string            `json:"location,omitempty"`
	Category string            `json:"category,omitempty"`
	AsOf     string            `json:"as_of"`
	From     string            `json:"from"` // the latest period's first day
	To       string            `json:"to"`
	Jobs     int               `json:"jobs"`     // all ads of the market (in the location) in the period
	Baseline string            `json:"baseline"` // the population: "tech" (tech jobs) or "all"
	Cut      *Cut              `json:"cut,omitempty"`
	Terms    []IndexRow        `json:"terms"`
}

// IndexRow is one term of the market index. Terms cited in the latest period or a year earlier
// are listed; rank is nil for those with no ads in the latest period.
type IndexRow struct {
	Term           string   `json:"term"`
	Category       string   `json:"category"`
	Rank           *int     `json:"rank"`
	RankChange     *int     `json:"rank_change"`
	Jobs           int      `json:"jobs"`
	JobsYearAgo    int      `json:"jobs_year_ago"`
	ShareOfAll     float64  `json:"share_of_all"`
	SalariesQuoted int      `json:"salaries_quoted"`
	Median         *float64 `json:"median"`
	MedianChange   *float64 `json:"median_change"`
}

// IndexSorts are the columns an index sorts by.
var IndexSorts = []string{"rank", "term", "category", "jobs", "jobs_year_ago", "share", "rank_change",
	"salaries_quoted", "median", "median_change"}

// Index ranks every term of a kind.
func (e *Engine) Index(q IndexQuery) (*Index, error) {
	if q.Kind == "" {
		q.Kind = jobscope.KindSkill
	}
	if q.Sort == "" {
		q.Sort = "rank"
	}
	if !slices.Contains(IndexSorts, q.Sort) {
		return nil, fmt.Errorf("stats: index: unknown sort column %q (one of %s)", q.Sort, strings.Join(IndexSorts, ", "))
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	asOf := e.asOf(q.AsOf)
	ps := periodDays(asOf)
	gs := e.scopeGroups(q.Scope)
	switch {
	case q.Location != "" && q.Cut.Location != "":
		return nil, fmt.Errorf("stats: index: a location group %q and a cut by location %q: choose one", q.Location, q.Cut.Location)
	case !q.Cut.IsZero():
		v, err := e.cutGroups(q.Scope, q.Cut, nil, nil)
		if err != nil {
			return nil, err
		}
		gs = v.scope
	case q.Location != "":
		var lg []*group
		for _, g := range e.locationGroups(q.Scope) {
			if g.name == q.Location {
				lg = append(lg, g)
			}
		}
		if len(lg) == 0 {
			return nil, fmt.Errorf("stats: index: %q is not a location of the %s market here (%s)", q.Location,
				q.Scope.Market, strings.Join(e.locationNames(q.Scope), ", "))
		}
		gs = lg
	}
	var cut *Cut
	if !q.Cut.IsZero() {
		cut = &q.Cut
	}
	out := &Index{Kind: q.Kind, Market: q.Scope.Market, Country: q.Scope.Country, Currency: q.Scope.Currency,
		Location: q.Location, Category: q.Category, AsOf: asOf.Format(time.DateOnly),
		From: dayTime(ps[0].from + 1).Format(time.DateOnly), To: dayTime(ps[0].to).Format(time.DateOnly),
		Jobs: e.countAll(allLists(gs), ps[0]), Baseline: baselineName(q.Scope), Cut: cut, Terms: []IndexRow{}}
	ids := e.byKind[q.Kind]
	now := make([]int, len(ids))
	before := make([]int, len(ids))
	for i, t := range ids {
		for _, g := range gs {
			if int(t) < len(g.terms) && g.terms[t] != nil {
				now[i] += e.count(g.terms[t], ps[0].from, ps[0].to)
				before[i] += e.count(g.terms[t], ps[1].from, ps[1].to)
			}
		}
	}
	rankNow, rankBefore := ranksOf(now), ranksOf(before)
	cur := e.currencyFilter(q.Scope)
	var buf []float64
	for i, t := range ids {
		ti := &e.terms[t]
		if now[i] == 0 && before[i] == 0 || (q.Category != "" && ti.category != q.Category) || now[i] < q.MinJobs {
			continue
		}
		row := IndexRow{Term: ti.name, Category: ti.category, Rank: rankNow[i], Jobs: now[i], JobsYearAgo: before[i],
			RankChange: rankChange(rankNow[i], rankBefore[i])}
		if out.Jobs > 0 {
			row.ShareOfAll = float64(now[i]) / float64(out.Jobs)
		}
		ls := termLists(gs, t)
		buf = buf[:0]
		for _, l := range ls {
			buf = e.values(buf, l, ps[0], cur)
		}
		row.SalariesQuoted = len(buf)
		row.Median = medianMin(buf, q.MinSalaries)
		buf = buf[:0]
		for _, l := range ls {
			buf = e.values(buf, l, ps[1], cur)
		}
		row.MedianChange = change(row.Median, medianMin(buf, q.MinSalaries))
		out.Terms = append(out.Terms, row)
	}
	sortIndex(out.Terms, q.Sort, q.Reverse)
	return out, nil
}

// values appends the plausible salary figures of the ads of l posted in r to dst, unsorted.
func (e *Engine) values(dst []float64, l *list, r dayRange, cur int) []float64 {
	a, b := e.span(l, r.from, r.to)
	return e.appendValues(dst, l.ids[a:b], cur)
}

// appendValues appends the plausible salary figures of ads ids (in currency cur, unless cur < 0)
// to dst.
//
// About half the ads quote no salary, in no pattern a branch predictor could learn, so the loops
// store every figure and advance past it only when it is kept, without a branch.
func (e *Engine) appendValues(dst []float64, ids []uint32, cur int) []float64 {
	okv := e.okv
	dst = slices.Grow(dst, len(ids))
	n := len(dst)
	out := dst[:n+len(ids)]
	if cur < 0 {
		for _, id := range ids {
			v := okv[id]
			out[n] = v
			n += b2i(v == v)
		}
		return out[:n]
	}
	c := e.cur
	for _, id := range ids {
		v := okv[id]
		out[n] = v
		n += b2i(v == v) & b2i(int(c[id]) == cur)
	}
	return out[:n]
}

// b2i is 1 for true, 0 for false (compiled to a flag set, not a branch).
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// median is the p50 of docs/figures.md of xs (in any order); nil when xs is empty.
func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	m, _ := medianOf(xs)
	return ptr(m)
}

// ranksOf ranks counts, largest first, ties sharing the best position (1, 2, 2, 4); zero counts
// are unranked.
func ranksOf(counts []int) []*int {
	sorted := slices.Clone(counts)
	slices.SortFunc(sorted, func(a, b int) int { return cmp.Compare(b, a) })
	out := make([]*int, len(counts))
	for i, c := range counts {
		if c == 0 {
			continue
		}
		// The first position holding c: the number of counts larger than c, plus one.
		p, _ := slices.BinarySearchFunc(sorted, c, func(x, c int) int { return cmp.Compare(c, x) })
		out[i] = ptrInt(p + 1)
	}
	return out
}

func sortIndex(rows []IndexRow, col string, reverse bool) {
	// Each key returns the value and whether the row has it; rows without it go last.
	num := func(f func(*IndexRow) (float64, bool), asc bool) func(a, b *IndexRow) int {
		return func(a, b *IndexRow) int {
			x, okx := f(a)
			y, oky := f(b)
			switch {
			case okx != oky:
				if okx {
					return -1
				}
				return 1
			case !okx:
				return 0
			}
			c := cmp.Compare(y, x)
			if asc {
				c = -c
			}
			if reverse {
				c = -c
			}
			return c
		}
	}
	pf := func(p *float64) (float64, bool) {
		if p == nil {
			return 0, false
		}
		return *p, true
	}
	pi := func(p *int) (float64, bool) {
		if p == nil {
			return 0, false
		}
		return float64(*p), true
	}
	var by func(a, b *IndexRow) int
	switch col {
	case "rank":
		by = num(func(r *IndexRow) (float64, bool) { return pi(r.Rank) }, true)
	case "term", "category":
		by = func(a, b *IndexRow) int {
			c := cmp.Compare(a.Term, b.Term)
			if col == "category" {
				c = cmp.Compare(a.Category, b.Category)
			}
			if reverse {
				c = -c
			}
			return c
		}
	case "jobs":
		by = num(func(r *IndexRow) (float64, bool) { return float64(r.Jobs), true }, false)
	case "jobs_year_ago":
		by = num(func(r *IndexRow) (float64, bool) { return float64(r.JobsYearAgo), true }, false)
	case "share":
		by = num(func(r *IndexRow) (float64, bool) { return r.ShareOfAll, true }, false)
	case "rank_change":
		by = num(func(r *IndexRow) (float64, bool) { return pi(r.RankChange) }, false)
	case "salaries_quoted":
		by = num(func(r *IndexRow) (float64, bool) { return float64(r.SalariesQuoted), true }, false)
	case "median":
		by = num(func(r *IndexRow) (float64, bool) { return pf(r.Median) }, false)
	case "median_change":
		by = num(func(r *IndexRow) (float64, bool) { return pf(r.MedianChange) }, false)
	}
	slices.SortStableFunc(rows, func(a, b IndexRow) int {
		return cmp.Or(by(&a, &b), cmp.Compare(b.Jobs, a.Jobs), cmp.Compare(a.Term, b.Term))
	})
}

// locationNames lists the location groups of a scope, for messages.
func (e *Engine) locationNames(s Scope) []string {
	var out []string
	for _, g := range e.locationGroups(s) {
		if !slices.Contains(out, g.name) {
			out = append(out, g.name)
		}
	}
	slices.Sort(out)
	return out
}

// Locations lists the location groups of a scope's market: what IndexQuery.Location accepts.
func (e *Engine) Locations(s Scope) []string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.locationNames(s)
}

// TermRef names a term for Compare.
type TermRef struct {
	Kind jobscope.TermKind // "" tries skill, then title, then location
	Name string
}

// Compare computes the pages of several terms for the same scope and as-of date, side by side, with
// figures over fewer than minSal salaries hidden as Query.MinSalaries says.
func (e *Engine) Compare(s Scope, asOf time.Time, terms []TermRef, minSal int) ([]*Page, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	out := make([]*Page, 0, len(terms))
	for _, tr := range terms {
		t, err := e.resolve(tr.Kind, tr.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, e.page(t, s, asOf, minSal))
	}
	return out, nil
}
