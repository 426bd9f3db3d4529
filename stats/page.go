package stats

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"

	"jobscope"
)

// ErrUnknownTerm is returned for a term no ad held cites.
var ErrUnknownTerm = errors.New("no ads cite the term")

// Query selects a term's page: the term, the market and country, and the as-of date.
type Query struct {
	Kind  jobscope.TermKind // "" tries skill, then title, then location
	Term  string
	Scope Scope
	AsOf  time.Time // zero: the newest posting date held
	// Cut narrows the whole page to some of the scope's ads (see Cut); the zero Cut is none.
	Cut Cut
	// MinSalaries hides what too few salaries would make look precise: a percentile, interval or
	// median over fewer salary figures than this is nil (and a change from one), the counts still
	// given. 0 hides nothing.
	MinSalaries int
}

// Page is every figure of a term's page (docs/figures.md).
type Page struct {
	Term     string            `json:"term"`
	Kind     jobscope.TermKind `json:"kind"`
	Category string            `json:"category"`
	Market   Market            `json:"market"`
	Country  string            `json:"country"`
	Currency string            `json:"currency"`
	AsOf     string            `json:"as_of"`
	// Periods are the 6 months to the as-of date, the same period a year earlier and two years
	// earlier; All the same figures over every ad of the market (the baseline).
	Periods [3]TermFigures `json:"periods"`
	All     [3]Figures     `json:"all"`
	// Baseline names the population: "tech" (every tech job: Scope.Tech) or "all" (every job).
	Baseline string `json:"baseline"`
	// WithTitle counts, for each period, the baseline's ads with a recognised job title: what a
	// title's ShareOfCategory is a share of.
	WithTitle   [3]int        `json:"with_title"`
	Cooccurring Cooccurring   `json:"cooccurring"`
	Locations   []LocationRow `json:"locations"`
	Trend       []TrendPoint  `json:"trend"`
	Histogram   Histogram     `json:"histogram"`
	// Coverage says how many of the term's ads, in every country and period, the figures above
	// cannot count: undated ads are in no period, and ads of neither market in neither market's.
	// It is the term's whole count, a cut or not.
	Coverage TermCoverage `json:"coverage"`
	// Cut is the narrowing every figure above is within, when there is one.
	Cut *Cut `json:"cut,omitempty"`
}

// TermCoverage counts a term's ads over all time and countries, and those without a posting date or a
// permanent or contract market.
type TermCoverage struct {
	Ads      int `json:"ads"`
	Undated  int `json:"undated"`
	NoMarket int `json:"no_market"`
}

// TermFigures are a term's figures for one period: the baseline's, plus its share of its category's
// ads and its rank among the terms of its kind.
type TermFigures struct {
	Figures
	ShareOfCategory float64 `json:"share_of_category"`
	Rank            *int    `json:"rank"`        // nil when no ad of the period cites the term
	RankChange      *int    `json:"rank_change"` // rank a year earlier minus rank now; nil when either is missing
}

// CoTerm is a term cited by the ads of another: how many of them cite it, and what share of them.
type CoTerm struct {
	Term     string  `json:"term"`
	Category string  `json:"category"`
	Jobs     int     `json:"jobs"`
	Share    float64 `json:"share"`
}

// Cooccurring lists the skills and titles cited by a term's ads in the latest period: the top 30,
// and the top 20 of each category.
type Cooccurring struct {
	Top        []CoTerm            `json:"top"`
	ByCategory map[string][]CoTerm `json:"by_category"`
}

// LocationRow is a term's figures in one location, for the latest period.
type LocationRow struct {
	Location     string   `json:"location"`
	Jobs         int      `json:"jobs"`
	P50          *float64 `json:"p50"`
	MedianChange *float64 `json:"median_change"`
	Rank         *int     `json:"rank"`
	RankChange   *int     `json:"rank_change"`
	LiveJobs     int      `json:"live_jobs"`
}

// TrendPoint is one calendar month of a term's history: its jobs and their share of the market's
// ads that month, and its salary percentiles over the 3 months ending with it.
type TrendPoint struct {
	Month string   `json:"month"` // YYYY-MM
	Jobs  int      `json:"jobs"`
	Share float64  `json:"share"`
	P10   *float64 `json:"p10"`
	P25   *float64 `json:"p25"`
	P50   *float64 `json:"p50"`
	P75   *float64 `json:"p75"`
	P90   *float64 `json:"p90"`
}

// Histogram counts the latest period's salary figures in bins [From, To) of BinWidth.
type Histogram struct {
	BinWidth float64 `json:"bin_width"`
	Bins     []Bin   `json:"bins"`
}

// Bin is one bar of a histogram.
type Bin struct {
	From  float64 `json:"from"`
	To    float64 `json:"to"`
	Count int     `json:"count"`
}

// Limits of the lists on a page.
const (
	TopCooccurring         = 30
	TopCooccurringCategory = 20
	TopLocations           = 12
	// LiveDays is how long an ad with no closing date counts as open: posted within the 30 days
	// up to D, that is D-29 to D.
	LiveDays = 30
)

// span of days (from, to], as a period holds them.
type dayRange struct{ from, to int32 }

func periodDays(asOf time.Time) [3]dayRange {
	var out [3]dayRange
	for i, p := range Periods(asOf) {
		out[i] = dayRange{dayOf(p.From), dayOf(p.To)}
	}
	return out
}

// resolve finds a term by kind and name; an empty kind tries skill, title, then location.
func (e *Engine) resolve(kind jobscope.TermKind, name string) (uint32, error) {
	kinds := []jobscope.TermKind{kind}
	if kind == "" {
		kinds = []jobscope.TermKind{jobscope.KindSkill, jobscope.KindTitle, jobscope.KindLocation}
	}
	for _, k := range kinds {
		if id, ok := e.termIdx[termKey{k, name}]; ok && e.terms[id].ads > 0 {
			return id, nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownTerm, name)
}

// TechShare counts a term's ads of the scope's market and country over all time: every one, and
// those that are tech jobs. It tells whether the tech baseline suits the term (see Scope.Tech).
func (e *Engine) TechShare(kind jobscope.TermKind, name string, s Scope) (all, tech int, err error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	t, err := e.resolve(kind, name)
	if err != nil {
		return 0, 0, err
	}
	s.Tech = false
	all = listsLen(termLists(e.scopeGroups(s), t))
	s.Tech = true
	tech = listsLen(termLists(e.scopeGroups(s), t))
	return all, tech, nil
}

func listsLen(ls []*list) int {
	n := 0
	for _, l := range ls {
		n += len(l.ids)
	}
	return n
}

// scopeGroups returns the country groups of the scope's market and country (every country when
// the scope names none).
func (e *Engine) scopeGroups(s Scope) []*group {
	m := marketCode(string(s.Market))
	var out []*group
	for _, g := range e.groups {
		if g.kind == grpCountry && g.in(s, m) {
			out = append(out, g)
		}
	}
	return out
}

// locationGroups returns the groups a scope's locations table draws on: every location group of
// its market in its country (or countries), the unknown country left out.
func (e *Engine) locationGroups(s Scope) []*group {
	m := marketCode(string(s.Market))
	var out []*group
	for _, g := range e.groups {
		if g.country != "" && g.in(s, m) {
			out = append(out, g)
		}
	}
	return out
}

func termLists(gs []*group, t uint32) []*list {
	out := make([]*list, 0, len(gs))
	for _, g := range gs {
		if int(t) < len(g.terms) && g.terms[t] != nil {
			out = append(out, g.terms[t])
		}
	}
	return out
}

func allLists(gs []*group) []*list {
	out := make([]*list, len(gs))
	for i, g := range gs {
		out[i] = g.all
	}
	return out
}

func catLists(gs []*group, c uint32) []*list {
	var out []*list
	for _, g := range gs {
		if int(c) < len(g.cats) && g.cats[c] != nil {
			out = append(out, g.cats[c])
		}
	}
	return out
}

func (e *Engine) countAll(ls []*list, r dayRange) int {
	n := 0
	for _, l := range ls {
		n += e.count(l, r.from, r.to)
	}
	return n
}

// currencyFilter is which currency salary figures use: -1 any, else a currency number (or one
// that matches none).
func (e *Engine) currencyFilter(s Scope) int {
	if s.Currency == "" {
		return -1
	}
	if id, ok := e.curIdx[s.Currency]; ok {
		return int(id)
	}
	return 256
}

// sample is the salary figures of a set of ads, in no order: London's and the rest apart.
type sample struct {
	london, rest []float64
	left         int
	hours        []float64
	hleft        int
}

// gather collects the salary figures of the ads of ls posted in r.
func (e *Engine) gather(ls []*list, r dayRange, cur int, hourly bool) sample {
	var s sample
	for _, l := range ls {
		a, b := e.span(l, r.from, r.to)
		if s.rest == nil {
			s.rest = make([]float64, 0, b-a)
		}
		for _, id := range l.ids[a:b] {
			sl := &e.sal[id]
			if cur >= 0 && int(sl.cur) != cur {
				continue
			}
			switch sl.vstate {
			case salOK:
				if sl.london {
					s.london = append(s.london, sl.val)
				} else {
					s.rest = append(s.rest, sl.val)
				}
			case salImplausible:
				s.left++
			}
			if hourly {
				switch sl.hstate {
				case salOK:
					s.hours = append(s.hours, sl.hour)
				case salImplausible:
					s.hleft++
				}
			}
		}
	}
	return s
}

// liveJobs counts the ads of ls open on day d (see isLive).
func (e *Engine) liveJobs(ls []*list, d int32) int {
	back := max(e.maxLife, LiveDays)
	n := 0
	for _, l := range ls {
		a, b := e.span(l, d-back, d)
		for _, id := range l.ids[a:b] {
			if e.isLive(id, d) {
				n++
			}
		}
	}
	return n
}

// isLive reports whether ad id is open on day d: posted on or before d and closed after it, or,
// with no closing date, posted within the LiveDays days up to d. Callers only ask of ads posted
// after d minus max(maxLife, LiveDays), as no ad posted earlier can be open on d.
func (e *Engine) isLive(id uint32, d int32) bool {
	if c := e.closed[id]; c != noDay {
		return c > d && e.day[id] <= d
	}
	return e.day[id] > d-LiveDays && e.day[id] <= d
}

func change(now, before *float64) *float64 {
	if now == nil || before == nil || *before == 0 {
		return nil
	}
	return ptr(*now / *before - 1)
}

// figures computes the period figures of the ads of ls; all are the market's lists for the share.
// It also returns the salary figures of the latest period, for the histogram.
func (e *Engine) figures(ls, all []*list, ps [3]dayRange, s Scope) ([3]Figures, []float64) {
	var out [3]Figures
	var latest []float64
	cur := e.currencyFilter(s)
	hourly := s.Market == MarketContract
	var hourP50 [3]*float64
	for i, r := range ps {
		f := &out[i]
		f.From = dayTime(r.from + 1).Format(time.DateOnly)
		f.To = dayTime(r.to).Format(time.DateOnly)
		f.Jobs = e.countAll(ls, r)
		if n := e.countAll(all, r); n > 0 {
			f.ShareOfAll = float64(f.Jobs) / float64(n)
		}
		sm := e.gather(ls, r, cur, hourly)
		if i == 0 {
			latest = append(append(latest, sm.london...), sm.rest...)
		}
		sum := summarize(true, sm.london, sm.rest)
		f.SalariesQuoted = sum.n
		f.Implausible = sm.left
		f.P10, f.P25, f.P50, f.P75, f.P90 = sum.percentiles()
		f.MedianCI95 = sum.ci95()
		if m, ok := medianOf(sm.rest); ok {
			f.MedianExclLondon = ptr(m)
		}
		f.LiveJobs = e.liveJobs(ls, r.to)
		if hourly {
			hs := summarize(false, sm.hours)
			h := &Rates{SalariesQuoted: hs.n, Implausible: sm.hleft}
			h.P10, h.P25, h.P50, h.P75, h.P90 = hs.percentiles()
			hourP50[i] = h.P50
			f.Hourly = h
		}
	}
	for i := 0; i < 2; i++ {
		out[i].MedianChange = change(out[i].P50, out[i+1].P50)
		out[i].MedianExclLondonChange = change(out[i].MedianExclLondon, out[i+1].MedianExclLondon)
		if hourly {
			out[i].Hourly.MedianChange = change(hourP50[i], hourP50[i+1])
		}
	}
	return out, latest
}

// rank is the term's position among the terms of its kind by ads of gs posted in r: 1 plus the
// number of terms with more; nil when no ad cites it. k names gs for the cache of counts.
func (e *Engine) rank(k rankKey, gs []*group, t uint32, r dayRange) *int {
	mine := e.countAll(termLists(gs, t), r)
	if mine == 0 {
		return nil
	}
	k.kind, k.from, k.to = e.terms[t].kind, r.from, r.to
	if len(gs) > 0 && gs[0].partial {
		// A cut's groups hold no other term's list: every term of the kept ads is counted, once
		// for every page under the cut.
		counts := e.cutCounts(k, gs)
		return ptrInt(1 + sortSearch(len(counts), func(i int) bool { return int(counts[i]) <= mine }))
	}
	if counts, ok := e.kindCounts(k, gs); ok {
		// counts run largest first: the terms with more than mine come before the first with at most.
		return ptrInt(1 + sortSearch(len(counts), func(i int) bool { return int(counts[i]) <= mine }))
	}
	above := 0
	for _, u := range e.byKind[k.kind] {
		if u == t {
			continue
		}
		total, n := 0, 0
		for _, g := range gs {
			if int(u) < len(g.terms) && g.terms[u] != nil {
				total += len(g.terms[u].ids)
			}
		}
		if total <= mine {
			continue // cannot have more
		}
		for _, g := range gs {
			if int(u) < len(g.terms) && g.terms[u] != nil {
				n += e.count(g.terms[u], r.from, r.to)
			}
		}
		if n > mine {
			above++
		}
	}
	return ptrInt(1 + above)
}

// cutCounts returns the counts of ads of gs (a cut's narrowed copies of groups, which hold no other
// term's list) posted in k's period citing each term of k's kind, largest first, zeros left out:
// made by counting every term of those ads, and kept until the ads change, since they serve the
// rank of every term under the cut. k names the groups (with the cut), the kind and the period.
func (e *Engine) cutCounts(k rankKey, gs []*group) []int32 {
	build := func() []int32 {
		c := termCountsPool.Get().(*[]int32)
		defer termCountsPool.Put(c)
		if len(*c) < len(e.terms) {
			*c = make([]int32, len(e.terms))
		}
		counts := (*c)[:len(e.terms)]
		defer clear(counts)
		for _, g := range gs {
			a, b := e.span(g.all, k.from, k.to)
			for _, id := range g.all.ids[a:b] {
				for _, u := range e.termIDs[e.termOff[id]:e.termOff[id+1]] {
					counts[u]++
				}
			}
		}
		out := []int32{}
		for _, u := range e.byKind[k.kind] {
			if counts[u] > 0 {
				out = append(out, counts[u])
			}
		}
		slices.SortFunc(out, func(a, b int32) int { return cmp.Compare(b, a) })
		return slices.Clip(out)
	}
	if k.cut.IsZero() {
		return build() // not named: never kept
	}
	return cached(e, &e.cutRanks, k, build, func(c []int32) int { return len(c) }, &e.rankHeld)
}

// termCountsPool holds cutCounts' arrays of a count per term, all zero.
var termCountsPool = sync.Pool{New: func() any { return new([]int32) }}

// kindCounts returns the counts of ads of gs posted in k's period citing each term of k's kind,
// largest first, zeros left out, kept until the ads change. Counting every term costs more than
// one rank, which skips the terms too small to rank above, so they are counted only when asked
// for a second time: ok is false the first time.
func (e *Engine) kindCounts(k rankKey, gs []*group) (counts []int32, ok bool) {
	e.lockCache()
	counts, ok = e.rankCounts[k]
	if !ok {
		if e.rankCounts == nil {
			e.rankCounts = make(map[rankKey][]int32)
		}
		e.rankCounts[k] = nil // asked once
	}
	e.cacheMu.Unlock()
	if counts != nil || !ok {
		return counts, ok
	}
	for _, u := range e.byKind[k.kind] {
		n := 0
		for _, g := range gs {
			if int(u) < len(g.terms) && g.terms[u] != nil {
				n += e.count(g.terms[u], k.from, k.to)
			}
		}
		if n > 0 {
			counts = append(counts, int32(n))
		}
	}
	slices.SortFunc(counts, func(a, b int32) int { return cmp.Compare(b, a) })
	if counts == nil {
		counts = []int32{}
	}
	e.lockCache()
	if e.rankCounts == nil {
		e.rankCounts = make(map[rankKey][]int32)
	}
	e.rankCounts[k] = counts
	e.cacheMu.Unlock()
	return counts, true
}

// scopeRankKey names a scope's country groups for rank.
func scopeRankKey(s Scope) rankKey {
	return rankKey{market: marketCode(string(s.Market)), country: s.Country, tech: s.Tech, scope: true}
}

func ptrInt(v int) *int { return &v }

func rankChange(now, before *int) *int {
	if now == nil || before == nil {
		return nil
	}
	return ptrInt(*before - *now)
}

// Page computes every figure of a term's page. Live jobs count the ads open on each period's last
// day: posted on or before it and either closed after it or, with no closing date, posted within
// the LiveDays days up to it. Locations are the country, its nations, regions or states, and in GB
// "GB excluding London" and "Work from Home" (remote ads). The trend runs from the month of the
// market's first ad to the as-of month, counting ads posted on or before the as-of date.
func (e *Engine) Page(q Query) (*Page, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	t, err := e.resolve(q.Kind, q.Term)
	if err != nil {
		return nil, err
	}
	if q.Cut.IsZero() {
		return e.page(t, q.Scope, q.AsOf, q.MinSalaries), nil
	}
	nd := &need{term: t, cats: []uint32{e.terms[t].cat}}
	if c, ok := e.catIdx[TitleCategory]; ok && c != nd.cats[0] {
		nd.cats = append(nd.cats, c)
	}
	c, err := e.cutView(q.Scope, q.Cut, periodDays(e.asOf(q.AsOf)), nd)
	if err != nil {
		return nil, err
	}
	return e.pageOver(t, q.Scope, q.AsOf, q.MinSalaries, c), nil
}

func (e *Engine) asOf(d time.Time) time.Time {
	if d.IsZero() {
		return dayTime(e.maxDay)
	}
	return dayTime(dayOf(d))
}

func (e *Engine) page(t uint32, s Scope, asOf time.Time, minSal int) *Page {
	return e.pageOver(t, s, asOf, minSal, nil)
}

// pageOver computes a term's page over the scope's groups, or, with c, over the cut's narrowed
// copies of them (see Cut).
func (e *Engine) pageOver(t uint32, s Scope, asOf time.Time, minSal int, c *cutView) *Page {
	asOf = e.asOf(asOf)
	ti := &e.terms[t]
	p := &Page{Term: ti.name, Kind: ti.kind, Category: ti.category, Market: s.Market, Country: s.Country,
		Currency: s.Currency, AsOf: asOf.Format(time.DateOnly),
		Coverage: TermCoverage{Ads: ti.ads, Undated: ti.undated, NoMarket: ti.noMarket}}
	ps := periodDays(asOf)
	gs := e.scopeGroups(s)
	if c != nil {
		gs = c.scope
		p.Cut = &c.Cut
	}
	all := allLists(gs)
	ls := termLists(gs, t)
	cats := catLists(gs, ti.cat)

	// The locations table and the trend read what nothing else writes: they are computed beside
	// the rest, on other cores when there are. When every core already has a page to compute,
	// there are none, and handing the parts to other goroutines would only add their switching.
	var wg sync.WaitGroup
	besides := func(f func()) { f() }
	if n := e.paging.Add(1); int(n) < runtime.GOMAXPROCS(0) {
		besides = wg.Go
	}
	defer e.paging.Add(-1)
	if c == nil {
		besides(func() { p.Locations = e.locations(s, t, ps, minSal) })
	} else {
		besides(func() { p.Locations = e.locationsOver(s, t, ps, minSal, c.locIDs, c.location, c.Cut) })
	}
	besides(func() { p.Trend = e.trend(gs, t, s, dayOf(asOf), minSal) })

	var latest []float64
	if c == nil {
		p.All = e.baselineFigures(all, ps, s, asOf)
	} else {
		p.All, _ = e.figures(all, all, ps, s)
	}
	var base [3]Figures
	base, latest = e.figures(ls, all, ps, s)
	p.Baseline = baselineName(s)
	titled := catLists(gs, e.catIdx[TitleCategory])
	if _, ok := e.catIdx[TitleCategory]; !ok {
		titled = nil
	}
	var ranks [3]*int
	for i := range ps {
		p.WithTitle[i] = e.countAll(titled, ps[i])
		p.Periods[i].Figures = base[i]
		if n := e.countAll(cats, ps[i]); n > 0 {
			p.Periods[i].ShareOfCategory = float64(base[i].Jobs) / float64(n)
		}
		k := scopeRankKey(s)
		if c != nil {
			k.cut = c.Cut
		}
		ranks[i] = e.rank(k, gs, t, ps[i])
		p.Periods[i].Rank = ranks[i]
	}
	for i := 0; i < 2; i++ {
		p.Periods[i].RankChange = rankChange(ranks[i], ranks[i+1])
	}
	p.Cooccurring = e.cooccurring(ls, t, ps[0], base[0].Jobs)
	p.Histogram = histogram(latest, s.Market)
	wg.Wait()
	if minSal > 0 {
		var fs [3]*Figures
		for i := range p.Periods {
			fs[i] = &p.Periods[i].Figures
		}
		hideSmall(fs, minSal)
		for i := range p.All {
			fs[i] = &p.All[i]
		}
		hideSmall(fs, minSal)
	}
	return p
}

// baselineName names the population of s as Page.Baseline does.
func baselineName(s Scope) string {
	if s.Tech {
		return "tech"
	}
	return "all"
}

// hideSmall sets to nil the figures of fs (the three periods) that rest on fewer than min salary
// figures, and the changes from them.
func hideSmall(fs [3]*Figures, min int) {
	for _, f := range fs {
		if f.SalariesQuoted < min {
			f.P10, f.P25, f.P50, f.P75, f.P90, f.MedianCI95, f.MedianExclLondon = nil, nil, nil, nil, nil, nil, nil
		}
		if h := f.Hourly; h != nil && h.SalariesQuoted < min {
			h.P10, h.P25, h.P50, h.P75, h.P90 = nil, nil, nil, nil, nil
		}
	}
	for i := 0; i < 2; i++ {
		f, before := fs[i], fs[i+1]
		if f.P50 == nil || before.P50 == nil {
			f.MedianChange = nil
		}
		if f.MedianExclLondon == nil || before.MedianExclLondon == nil {
			f.MedianExclLondonChange = nil
		}
		if f.Hourly != nil && (f.Hourly.P50 == nil || before.Hourly == nil || before.Hourly.P50 == nil) {
			f.Hourly.MedianChange = nil
		}
	}
}

// medianMin is the median of xs, or nil when xs holds fewer than min figures (or none).
func medianMin(xs []float64, min int) *float64 {
	if len(xs) < min {
		return nil
	}
	return median(xs)
}

// baselineFigures returns the figures of every ad of the scope's market, from the cache when the
// ads have not changed since they were computed.
func (e *Engine) baselineFigures(all []*list, ps [3]dayRange, s Scope, asOf time.Time) [3]Figures {
	k := baselineKey{s, dayOf(asOf)}
	e.lockCache()
	f, ok := e.baseline[k]
	e.cacheMu.Unlock()
	if !ok {
		f, _ = e.figures(all, all, ps, s)
		e.lockCache()
		if e.baseline == nil {
			e.baseline = make(map[baselineKey][3]Figures)
		}
		e.baseline[k] = f
		e.cacheMu.Unlock()
	}
	for i := range f {
		f[i] = f[i].clone()
	}
	return f
}

func (e *Engine) cooccurring(ls []*list, t uint32, r dayRange, jobs int) Cooccurring {
	// Count every term of the ads (a tight loop without branches), then keep skills and titles.
	counts := make([]int32, len(e.terms))
	for _, l := range ls {
		a, b := e.span(l, r.from, r.to)
		for _, id := range l.ids[a:b] {
			for _, u := range e.termIDs[e.termOff[id]:e.termOff[id+1]] {
				counts[u]++
			}
		}
	}
	var seen []uint32
	for u, c := range counts {
		if c > 0 && uint32(u) != t && e.kinds[u] != jobscope.KindLocation {
			seen = append(seen, uint32(u))
		}
	}
	slices.SortFunc(seen, func(a, b uint32) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(e.terms[a].name, e.terms[b].name),
			cmp.Compare(e.terms[a].kind, e.terms[b].kind))
	})
	co := func(u uint32) CoTerm {
		return CoTerm{Term: e.terms[u].name, Category: e.terms[u].category, Jobs: int(counts[u]),
			Share: float64(counts[u]) / float64(jobs)}
	}
	out := Cooccurring{Top: []CoTerm{}, ByCategory: map[string][]CoTerm{}}
	for _, u := range seen {
		if len(out.Top) < TopCooccurring {
			out.Top = append(out.Top, co(u))
		}
		c := e.terms[u].category
		if len(out.ByCategory[c]) < TopCooccurringCategory {
			out.ByCategory[c] = append(out.ByCategory[c], co(u))
		}
	}
	return out
}

// locations computes the locations table from each location group's own list of the term's ads:
// their counts rank the groups, and only the groups shown are read further.
func (e *Engine) locations(s Scope, t uint32, ps [3]dayRange, minSal int) []LocationRow {
	m := marketCode(string(s.Market))
	var gids []uint32
	for gid, g := range e.groups {
		if g.country != "" && g.in(s, m) {
			gids = append(gids, uint32(gid))
		}
	}
	return e.locationsOver(s, t, ps, minSal, gids, func(gid uint32) *group { return e.groups[gid] }, Cut{})
}

// locationsOver computes the locations table over the location groups gids, each read by groupOf:
// the engine's own groups, or a cut's narrowed copies of them (cut not zero), whose ranks count
// every term of the kept ads (see cutCounts).
func (e *Engine) locationsOver(s Scope, t uint32, ps [3]dayRange, minSal int, gids []uint32, groupOf func(uint32) *group, cut Cut) []LocationRow {
	type cand struct {
		gid  uint32
		g    *group
		jobs int
	}
	m := marketCode(string(s.Market))
	var cs []cand
	for _, gid := range gids {
		g := groupOf(gid)
		if g == nil || int(t) >= len(g.terms) || g.terms[t] == nil {
			continue
		}
		if n := e.count(g.terms[t], ps[0].from, ps[0].to); n > 0 {
			cs = append(cs, cand{gid, g, n})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		ga, gb := a.g, b.g
		return cmp.Or(cmp.Compare(b.jobs, a.jobs), cmp.Compare(ga.name, gb.name), cmp.Compare(ga.country, gb.country))
	})
	if len(cs) > TopLocations {
		cs = cs[:TopLocations]
	}
	cur := e.currencyFilter(s)
	out := make([]LocationRow, 0, len(cs))
	var buf []float64
	for _, c := range cs {
		g := c.g
		l := g.terms[t]
		gs := []*group{g}
		row := LocationRow{Location: g.name, Jobs: c.jobs, LiveJobs: e.liveJobs([]*list{l}, ps[0].to)}
		buf = e.values(buf[:0], l, ps[0], cur)
		row.P50 = medianMin(buf, minSal)
		buf = e.values(buf[:0], l, ps[1], cur)
		row.MedianChange = change(row.P50, medianMin(buf, minSal))
		k := rankKey{market: m, gid: c.gid}
		if !cut.IsZero() {
			// A cut's copy of the group holds the kept ads of the scope's groups.
			k.country, k.tech, k.cut = s.Country, s.Tech, cut
		}
		row.Rank = e.rank(k, gs, t, ps[0])
		row.RankChange = rankChange(row.Rank, e.rank(k, gs, t, ps[1]))
		out = append(out, row)
	}
	return out
}

func monthDays(m int32) (first, last int32) {
	f := time.Date(int(m/12), time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC)
	return int32(f.Unix() / 86400), int32(f.AddDate(0, 1, -1).Unix() / 86400)
}

func monthOfDay(d int32) int32 {
	y, m, _ := dayTime(d).Date()
	return int32(y)*12 + int32(m) - 1
}

func (e *Engine) trend(gs []*group, t uint32, s Scope, asOf int32, minSal int) []TrendPoint {
	all := allLists(gs)
	// The trend starts with the month of the market's first dated ad: undated ads, at the start of
	// every list, are in no month.
	first := int32(math.MaxInt32)
	for _, l := range all {
		if k := e.upper(l, zeroDay); k < len(l.ids) && e.day[l.ids[k]] <= asOf {
			first = min(first, monthOfDay(e.day[l.ids[k]]))
		}
	}
	if first == math.MaxInt32 {
		return []TrendPoint{}
	}
	last := monthOfDay(asOf)
	n := int(last - first + 1)
	ends := make([]int32, n) // the last day counted of each month
	for k := range ends {
		_, hi := monthDays(first + int32(k))
		ends[k] = min(hi, asOf)
	}
	// Each month's ads are a run of each list (no ad of the term is older than the market's first):
	// count them first, so that the months' figures go into one array without regrowing.
	ls := termLists(gs, t)
	bounds := make([]int, len(ls)*(n+1))
	jobs := make([]int, n)
	for i, l := range ls {
		bl := bounds[i*(n+1) : (i+1)*(n+1)]
		bl[0] = e.upper(l, zeroDay)
		for k, end := range ends {
			bl[k+1] = e.upper(l, end)
			jobs[k] += bl[k+1] - bl[k]
		}
	}
	total := 0
	for _, j := range jobs {
		total += j
	}
	backing := make([]float64, 0, total)
	vals := make([][]float64, n)
	cur := e.currencyFilter(s)
	for k := range n {
		start := len(backing)
		for i, l := range ls {
			bl := bounds[i*(n+1) : (i+1)*(n+1)]
			backing = e.appendValues(backing, l.ids[bl[k]:bl[k+1]], cur)
		}
		vals[k] = backing[start:len(backing):len(backing)]
	}
	out := make([]TrendPoint, n)
	prev := make([]int, len(all))
	for i, l := range all {
		prev[i] = e.upper(l, zeroDay) // past the undated ads
	}
	for k := range n {
		m := first + int32(k)
		pt := &out[k]
		pt.Month = fmt.Sprintf("%04d-%02d", m/12, m%12+1)
		pt.Jobs = jobs[k]
		total := 0
		for i, l := range all {
			u := e.upper(l, ends[k])
			total += u - prev[i]
			prev[i] = u
		}
		if total > 0 {
			pt.Share = float64(jobs[k]) / float64(total)
		}
		if sum := summarize(false, vals[max(0, k-2):k+1]...); sum.n >= minSal {
			pt.P10, pt.P25, pt.P50, pt.P75, pt.P90 = sum.percentiles()
		}
	}
	return out
}

// histogram bins xs (in any order).
func histogram(xs []float64, m Market) Histogram {
	w := 5000.0
	if m == MarketContract {
		w = 50
	}
	h := Histogram{BinWidth: w, Bins: []Bin{}}
	if len(xs) == 0 {
		return h
	}
	lo := math.Floor(slices.Min(xs) / w)
	hi := math.Floor(slices.Max(xs) / w)
	for b := lo; b <= hi; b++ {
		h.Bins = append(h.Bins, Bin{From: b * w, To: (b + 1) * w})
	}
	for _, v := range xs {
		h.Bins[int(math.Floor(v/w)-lo)].Count++
	}
	return h
}
