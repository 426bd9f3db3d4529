package stats_test

// A reference implementation of docs/figures.md: every figure recomputed with plain loops over the
// records, sharing no code with the engine (the percentile formula and the confidence interval are
// written again from the spec). The engine must agree with it exactly.

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"jobscope"
	"jobscope/stats"
)

// refModel holds the live records and the term dictionary as the spec sees them.
type refModel struct {
	recs []stats.Record
	// Per record, computed once: its posting date, its terms and its location-table names.
	days   []time.Time
	terms  [][]refTerm
	groups [][]string
	// category of each term: that of the first record added citing it.
	category map[refTerm]string
	// minSal: no percentile or median over fewer salary figures (stats.Query.MinSalaries).
	minSal int
	// tech: the model holds only tech jobs (Scope.Tech), made by techModel.
	tech bool
	// whole is the model a techModel or cutModel was made from, whose records a page's coverage
	// counts (the term's whole count); nil for a model of every record.
	whole *refModel
}

type refTerm struct {
	kind jobscope.TermKind
	name string
}

// newRefModel applies adds (a record replaces the live one with its Seq) and removals in order.
type refOp struct {
	add    []stats.Record
	remove []int64
}

func newRefModel(ops []refOp) *refModel {
	m := &refModel{category: map[refTerm]string{}}
	live := map[int64]stats.Record{}
	var order []int64
	for _, op := range ops {
		for _, r := range op.add {
			for _, t := range refTermsOf(&r) {
				if _, ok := m.category[t]; !ok {
					m.category[t] = refCategoryOf(&r, t)
				}
			}
			if _, ok := live[r.Seq]; !ok {
				order = append(order, r.Seq)
			}
			live[r.Seq] = r
		}
		for _, s := range op.remove {
			delete(live, s)
		}
	}
	for _, s := range order {
		if r, ok := live[s]; ok {
			m.recs = append(m.recs, r)
			delete(live, s) // a Seq re-added after removal appears once
		}
	}
	for k := range m.recs {
		r := &m.recs[k]
		m.days = append(m.days, refDate(r.Posted))
		m.terms = append(m.terms, refTermsOf(r))
		m.groups = append(m.groups, refGroups(r))
	}
	return m
}

// cites reports whether record k cites t.
func (m *refModel) cites(k int, t refTerm) bool {
	for _, u := range m.terms[k] {
		if u == t {
			return true
		}
	}
	return false
}

// has reports whether record k was posted in p.
func (m *refModel) has(k int, p refPeriod) bool {
	return m.days[k].After(p.start) && !m.days[k].After(p.end)
}

func (m *refModel) inGroup(k int, country, name string) bool {
	if m.recs[k].Country != country {
		return false
	}
	for _, g := range m.groups[k] {
		if g == name {
			return true
		}
	}
	return false
}

func refCategoryOf(r *stats.Record, t refTerm) string {
	switch t.kind {
	case jobscope.KindTitle:
		return "Job Titles"
	case jobscope.KindLocation:
		return "Locations"
	}
	for _, s := range r.Skills {
		if s.Name == t.name {
			return s.Category
		}
	}
	panic("not cited")
}

// refTermsOf lists the distinct terms a record cites.
func refTermsOf(r *stats.Record) []refTerm {
	var out []refTerm
	add := func(t refTerm) {
		for _, o := range out {
			if o == t {
				return
			}
		}
		out = append(out, t)
	}
	for _, s := range r.Skills {
		if s.Name != "" {
			add(refTerm{jobscope.KindSkill, s.Name})
		}
	}
	if r.Title != "" {
		add(refTerm{jobscope.KindTitle, r.Title})
	}
	for _, l := range []string{r.Country, r.Nation, r.Region, r.Place, r.County} {
		if l != "" {
			add(refTerm{jobscope.KindLocation, l})
		}
	}
	return out
}

// refDate is the record's posting date as UTC midnight.
func refDate(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// refMonthsBack subtracts n calendar months, clamping to the month's last day.
func refMonthsBack(t time.Time, n int) time.Time {
	y, m := t.Year(), int(t.Month())-n
	for m < 1 {
		m += 12
		y--
	}
	last := 31
	for time.Date(y, time.Month(m), last, 0, 0, 0, 0, time.UTC).Month() != time.Month(m) {
		last--
	}
	d := t.Day()
	if d > last {
		d = last
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

type refPeriod struct{ start, end time.Time } // start < posted <= end

func refPeriods(d time.Time) [3]refPeriod {
	var ps [3]refPeriod
	for i := 0; i < 3; i++ {
		end := refMonthsBack(d, 12*i)
		ps[i] = refPeriod{refMonthsBack(end, 6), end}
	}
	return ps
}

// refScope is a market, a country ("" for all) and the currency of salary figures ("" for any).
type refScope struct {
	market, country, currency string
	tech                      bool // a question of the tech jobs, asked of a techModel
}

// withTech is s asked of the tech jobs.
func (s refScope) withTech() refScope {
	s.tech = true
	return s
}

func (s refScope) in(r *stats.Record) bool {
	return r.Type == s.market && (s.country == "" || r.Country == s.country)
}

// Salary states.
const (
	refNone = iota
	refOK
	refOut
)

// refSalary is the record's figure for the scope's market: annual for permanent, day rate for
// contract; hourly is the contract market's hour rate.
func refSalary(r *stats.Record, s refScope, hourly bool) (float64, int) {
	if r.Period == "" || (s.currency != "" && r.Currency != s.currency) {
		return 0, refNone
	}
	mid := (r.Min + r.Max) / 2
	var v, lo, hi float64
	switch {
	case hourly && s.market == "contract" && r.Period == "hour":
		v, lo, hi = mid, 5, 1000
	case hourly:
		return 0, refNone
	case s.market == "permanent" && r.Period == "year":
		v, lo, hi = mid, 10000, 1000000
	case s.market == "permanent" && r.Period == "month":
		v, lo, hi = mid*12, 10000, 1000000
	case s.market == "permanent" && r.Period == "week":
		v, lo, hi = mid*52, 10000, 1000000
	case s.market == "contract" && r.Period == "day":
		v, lo, hi = mid, 50, 5000
	default:
		return 0, refNone
	}
	if v < lo || v > hi {
		return v, refOut
	}
	return v, refOK
}

// refPct is the spec's percentile of sorted xs.
func refPct(xs []float64, p float64) float64 {
	h := float64(len(xs)-1) * p
	f := math.Floor(h)
	i := int(f)
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-f)*(xs[i+1]-xs[i])
}

func refPcts(xs []float64) [5]*float64 {
	var out [5]*float64
	if len(xs) == 0 {
		return out
	}
	for i, p := range []float64{0.10, 0.25, 0.50, 0.75, 0.90} {
		v := refPct(xs, p)
		out[i] = &v
	}
	return out
}

// refCI: ranks round(n/2 - 1.96·√n/2) and round(1 + n/2 + 1.96·√n/2), 1-based, clamped; none
// below 6 values.
func refCI(xs []float64) *[2]float64 {
	n := len(xs)
	if n < 6 {
		return nil
	}
	z := 1.96 * math.Sqrt(float64(n)) / 2
	l := int(math.Round(float64(n)/2-z)) - 1
	u := int(math.Round(1+float64(n)/2+z)) - 1
	l = max(l, 0)
	u = min(u, n-1)
	return &[2]float64{xs[l], xs[u]}
}

func refChange(a, b *float64) *float64 {
	if a == nil || b == nil || *b == 0 {
		return nil
	}
	v := *a / *b - 1
	return &v
}

// refLive: open on d.
func refLive(r *stats.Record, d time.Time) bool {
	p := refDate(r.Posted)
	if p.After(d) {
		return false
	}
	if !r.Closed.IsZero() {
		return refDate(r.Closed).After(d)
	}
	return p.After(d.AddDate(0, 0, -30))
}

// refGroups are the location-table names of a record: country, nation, region (each name once),
// and in GB "GB excluding London" unless in London, "Work from Home" when remote.
func refGroups(r *stats.Record) []string {
	if r.Country == "" {
		return nil
	}
	out := []string{r.Country}
	for _, a := range []string{r.Nation, r.Region} {
		dup := a == ""
		for _, o := range out {
			dup = dup || o == a
		}
		if !dup {
			out = append(out, a)
		}
	}
	if r.Country == "GB" {
		if r.Region != "London" {
			out = append(out, "GB excluding London")
		}
		if r.Remote {
			out = append(out, "Work from Home")
		}
	}
	return out
}

// refSel picks records by number.
type refSel func(k int) bool

// refFigures computes a period's baseline figures over the records sel picks (citing the term, or
// all), with share against the market's records.
func (m *refModel) refFigures(s refScope, ps [3]refPeriod, sel refSel) [3]stats.Figures {
	var out [3]stats.Figures
	var hp50 [3]*float64
	for i, p := range ps {
		f := &out[i]
		f.From = p.start.AddDate(0, 0, 1).Format(time.DateOnly)
		f.To = p.end.Format(time.DateOnly)
		all := 0
		var vals, excl, hours []float64
		hleft := 0
		for k := range m.recs {
			r := &m.recs[k]
			if !s.in(r) {
				continue
			}
			if refLive(r, p.end) && sel(k) {
				f.LiveJobs++
			}
			if !m.has(k, p) {
				continue
			}
			all++
			if !sel(k) {
				continue
			}
			f.Jobs++
			switch v, st := refSalary(r, s, false); st {
			case refOK:
				vals = append(vals, v)
				if r.Region != "London" {
					excl = append(excl, v)
				}
			case refOut:
				f.Implausible++
			}
			switch v, st := refSalary(r, s, true); st {
			case refOK:
				hours = append(hours, v)
			case refOut:
				hleft++
			}
		}
		if all > 0 {
			f.ShareOfAll = float64(f.Jobs) / float64(all)
		}
		sort.Float64s(vals)
		sort.Float64s(excl)
		sort.Float64s(hours)
		f.SalariesQuoted = len(vals)
		if len(vals) >= m.minSal {
			q := refPcts(vals)
			f.P10, f.P25, f.P50, f.P75, f.P90 = q[0], q[1], q[2], q[3], q[4]
			f.MedianCI95 = refCI(vals)
			if len(excl) > 0 {
				v := refPct(excl, 0.5)
				f.MedianExclLondon = &v
			}
		}
		if s.market == "contract" {
			h := &stats.Rates{SalariesQuoted: len(hours), Implausible: hleft}
			q := refPcts(hours)
			if len(hours) < m.minSal {
				q = [5]*float64{}
			}
			h.P10, h.P25, h.P50, h.P75, h.P90 = q[0], q[1], q[2], q[3], q[4]
			hp50[i] = h.P50
			f.Hourly = h
		}
	}
	for i := 0; i < 2; i++ {
		out[i].MedianChange = refChange(out[i].P50, out[i+1].P50)
		out[i].MedianExclLondonChange = refChange(out[i].MedianExclLondon, out[i+1].MedianExclLondon)
		if s.market == "contract" {
			out[i].Hourly.MedianChange = refChange(hp50[i], hp50[i+1])
		}
	}
	return out
}

// refCounts counts, for every term of a kind, the records of the scope in p that sel picks and
// cite it.
func (m *refModel) refCounts(s refScope, p refPeriod, kind jobscope.TermKind, sel refSel) map[string]int {
	out := map[string]int{}
	for k := range m.recs {
		if !s.in(&m.recs[k]) || !m.has(k, p) || !sel(k) {
			continue
		}
		for _, t := range m.terms[k] {
			if t.kind == kind {
				out[t.name]++
			}
		}
	}
	return out
}

func refRank(counts map[string]int, name string) *int {
	c := counts[name]
	if c == 0 {
		return nil
	}
	r := 1
	for _, o := range counts {
		if o > c {
			r++
		}
	}
	return &r
}

func refRankChange(now, before *int) *int {
	if now == nil || before == nil {
		return nil
	}
	v := *before - *now
	return &v
}

func everything(int) bool { return true }

// refPage computes a term's page.
func (m *refModel) refPage(t refTerm, s refScope, asOf time.Time) *stats.Page {
	ps := refPeriods(asOf)
	cat := m.category[t]
	cites := func(k int) bool { return m.cites(k, t) }
	p := &stats.Page{Term: t.name, Kind: t.kind, Category: cat, Market: stats.Market(s.market), Country: s.country,
		Currency: s.currency, AsOf: asOf.Format(time.DateOnly)}
	p.All = m.refFigures(s, ps, everything)
	p.Baseline = "all"
	if m.tech {
		p.Baseline = "tech"
	}
	for i, per := range ps {
		for k := range m.recs {
			if s.in(&m.recs[k]) && m.has(k, per) && m.recs[k].Title != "" {
				p.WithTitle[i]++
			}
		}
	}
	cm := m
	for cm.whole != nil {
		cm = cm.whole
	}
	for k := range cm.recs {
		if !cm.cites(k, t) {
			continue
		}
		p.Coverage.Ads++
		if cm.recs[k].Posted.IsZero() {
			p.Coverage.Undated++
		}
		if r := cm.recs[k].Type; r != jobscope.Permanent && r != jobscope.Contract {
			p.Coverage.NoMarket++
		}
	}
	base := m.refFigures(s, ps, cites)
	var ranks [3]*int
	for i, per := range ps {
		p.Periods[i].Figures = base[i]
		inCat := 0
		for k := range m.recs {
			if !s.in(&m.recs[k]) || !m.has(k, per) {
				continue
			}
			for _, u := range m.terms[k] {
				if m.category[u] == cat {
					inCat++
					break
				}
			}
		}
		if inCat > 0 {
			p.Periods[i].ShareOfCategory = float64(base[i].Jobs) / float64(inCat)
		}
		ranks[i] = refRank(m.refCounts(s, per, t.kind, everything), t.name)
		p.Periods[i].Rank = ranks[i]
	}
	for i := 0; i < 2; i++ {
		p.Periods[i].RankChange = refRankChange(ranks[i], ranks[i+1])
	}
	p.Cooccurring = m.refCooccurring(t, s, ps[0], base[0].Jobs)
	p.Locations = m.refLocations(t, s, ps)
	p.Trend = m.refTrend(t, s, asOf)
	p.Histogram = m.refHistogram(t, s, ps[0])
	return p
}

func (m *refModel) refCooccurring(t refTerm, s refScope, p refPeriod, jobs int) stats.Cooccurring {
	counts := map[refTerm]int{}
	for k := range m.recs {
		if !s.in(&m.recs[k]) || !m.has(k, p) || !m.cites(k, t) {
			continue
		}
		for _, u := range m.terms[k] {
			if u != t && u.kind != jobscope.KindLocation {
				counts[u]++
			}
		}
	}
	var list []refTerm
	for u := range counts {
		list = append(list, u)
	}
	sort.Slice(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.kind < b.kind
	})
	out := stats.Cooccurring{Top: []stats.CoTerm{}, ByCategory: map[string][]stats.CoTerm{}}
	for _, u := range list {
		c := stats.CoTerm{Term: u.name, Category: m.category[u], Jobs: counts[u], Share: float64(counts[u]) / float64(jobs)}
		if len(out.Top) < 30 {
			out.Top = append(out.Top, c)
		}
		if len(out.ByCategory[c.Category]) < 20 {
			out.ByCategory[c.Category] = append(out.ByCategory[c.Category], c)
		}
	}
	return out
}

type refLoc struct{ country, name string }

func (m *refModel) refLocations(t refTerm, s refScope, ps [3]refPeriod) []stats.LocationRow {
	jobs := map[refLoc]int{}
	for k := range m.recs {
		r := &m.recs[k]
		if s.in(r) && m.has(k, ps[0]) && m.cites(k, t) {
			for _, g := range m.groups[k] {
				jobs[refLoc{r.Country, g}]++
			}
		}
	}
	var cs []refLoc
	for l := range jobs {
		cs = append(cs, l)
	}
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if jobs[a] != jobs[b] {
			return jobs[a] > jobs[b]
		}
		if a.name != b.name {
			return a.name < b.name
		}
		return a.country < b.country
	})
	if len(cs) > 12 {
		cs = cs[:12]
	}
	out := []stats.LocationRow{}
	for _, l := range cs {
		in := func(k int) bool { return m.inGroup(k, l.country, l.name) }
		med := func(p refPeriod) *float64 {
			var xs []float64
			for k := range m.recs {
				r := &m.recs[k]
				if s.in(r) && m.has(k, p) && m.cites(k, t) && in(k) {
					if v, st := refSalary(r, s, false); st == refOK {
						xs = append(xs, v)
					}
				}
			}
			if len(xs) == 0 || len(xs) < m.minSal {
				return nil
			}
			sort.Float64s(xs)
			v := refPct(xs, 0.5)
			return &v
		}
		row := stats.LocationRow{Location: l.name, Jobs: jobs[l], P50: med(ps[0])}
		row.MedianChange = refChange(row.P50, med(ps[1]))
		row.Rank = refRank(m.refCounts(s, ps[0], t.kind, in), t.name)
		row.RankChange = refRankChange(row.Rank, refRank(m.refCounts(s, ps[1], t.kind, in), t.name))
		for k := range m.recs {
			r := &m.recs[k]
			if s.in(r) && in(k) && m.cites(k, t) && refLive(r, ps[0].end) {
				row.LiveJobs++
			}
		}
		out = append(out, row)
	}
	return out
}

func (m *refModel) refTrend(t refTerm, s refScope, asOf time.Time) []stats.TrendPoint {
	type month struct {
		total, jobs int
		xs          []float64
	}
	months := map[string]*month{}
	var first time.Time
	for k := range m.recs {
		r := &m.recs[k]
		d := m.days[k]
		if !s.in(r) || d.After(asOf) || r.Posted.IsZero() {
			continue // an undated ad is in no month
		}
		mo := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		if first.IsZero() || mo.Before(first) {
			first = mo
		}
		key := mo.Format("2006-01")
		if months[key] == nil {
			months[key] = &month{}
		}
		mm := months[key]
		mm.total++
		if m.cites(k, t) {
			mm.jobs++
			if v, st := refSalary(r, s, false); st == refOK {
				mm.xs = append(mm.xs, v)
			}
		}
	}
	out := []stats.TrendPoint{}
	if first.IsZero() {
		return out
	}
	last := time.Date(asOf.Year(), asOf.Month(), 1, 0, 0, 0, 0, time.UTC)
	for mo := first; !mo.After(last); mo = mo.AddDate(0, 1, 0) {
		pt := stats.TrendPoint{Month: mo.Format("2006-01")}
		var xs []float64
		for back := 0; back < 3; back++ {
			if mm := months[mo.AddDate(0, -back, 0).Format("2006-01")]; mm != nil {
				xs = append(xs, mm.xs...)
			}
		}
		if mm := months[pt.Month]; mm != nil {
			pt.Jobs = mm.jobs
			if mm.total > 0 {
				pt.Share = float64(mm.jobs) / float64(mm.total)
			}
		}
		sort.Float64s(xs)
		if len(xs) >= m.minSal {
			q := refPcts(xs)
			pt.P10, pt.P25, pt.P50, pt.P75, pt.P90 = q[0], q[1], q[2], q[3], q[4]
		}
		out = append(out, pt)
	}
	return out
}

func (m *refModel) refHistogram(t refTerm, s refScope, p refPeriod) stats.Histogram {
	w := 5000.0
	if s.market == "contract" {
		w = 50
	}
	h := stats.Histogram{BinWidth: w, Bins: []stats.Bin{}}
	var xs []float64
	for k := range m.recs {
		r := &m.recs[k]
		if s.in(r) && m.has(k, p) && m.cites(k, t) {
			if v, st := refSalary(r, s, false); st == refOK {
				xs = append(xs, v)
			}
		}
	}
	if len(xs) == 0 {
		return h
	}
	sort.Float64s(xs)
	for from := math.Floor(xs[0]/w) * w; from <= xs[len(xs)-1]; from += w {
		b := stats.Bin{From: from, To: from + w}
		for _, x := range xs {
			if x >= b.From && x < b.To {
				b.Count++
			}
		}
		h.Bins = append(h.Bins, b)
	}
	return h
}

// refIndex computes the market index: the market's ads in the latest period, and the rows by term.
func (m *refModel) refIndex(kind jobscope.TermKind, s refScope, asOf time.Time, category, location string) (int, map[string]stats.IndexRow) {
	ps := refPeriods(asOf)
	in := everything
	if location != "" {
		in = func(k int) bool {
			for _, g := range m.groups[k] {
				if g == location {
					return true
				}
			}
			return false
		}
	}
	now := m.refCounts(s, ps[0], kind, in)
	before := m.refCounts(s, ps[1], kind, in)
	all := 0
	vals := [2]map[string][]float64{{}, {}}
	for k := range m.recs {
		r := &m.recs[k]
		if !s.in(r) || !in(k) {
			continue
		}
		if m.has(k, ps[0]) {
			all++
		}
		for i := 0; i < 2; i++ {
			if !m.has(k, ps[i]) {
				continue
			}
			if v, st := refSalary(r, s, false); st == refOK {
				for _, t := range m.terms[k] {
					if t.kind == kind {
						vals[i][t.name] = append(vals[i][t.name], v)
					}
				}
			}
		}
	}
	med := func(xs []float64) *float64 {
		if len(xs) == 0 || len(xs) < m.minSal {
			return nil
		}
		sort.Float64s(xs)
		v := refPct(xs, 0.5)
		return &v
	}
	rows := map[string]stats.IndexRow{}
	names := map[string]bool{}
	for n := range now {
		names[n] = true
	}
	for n := range before {
		names[n] = true
	}
	for n := range names {
		c := m.category[refTerm{kind, n}]
		if category != "" && c != category {
			continue
		}
		row := stats.IndexRow{Term: n, Category: c, Jobs: now[n], JobsYearAgo: before[n], Rank: refRank(now, n)}
		row.RankChange = refRankChange(row.Rank, refRank(before, n))
		if all > 0 {
			row.ShareOfAll = float64(now[n]) / float64(all)
		}
		row.SalariesQuoted = len(vals[0][n])
		row.Median = med(vals[0][n])
		row.MedianChange = refChange(row.Median, med(vals[1][n]))
		rows[n] = row
	}
	return all, rows
}

// refTopTerms lists the terms of a kind by the number of live records citing them, most first.
func (m *refModel) refTopTerms(kind jobscope.TermKind) []string {
	counts := map[string]int{}
	for k := range m.recs {
		for _, t := range m.terms[k] {
			if t.kind == kind {
				counts[t.name]++
			}
		}
	}
	var names []string
	for n := range counts {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if counts[names[i]] != counts[names[j]] {
			return counts[names[i]] > counts[names[j]]
		}
		return names[i] < names[j]
	})
	return names
}

func (m *refModel) refMaxDay() time.Time {
	var d time.Time
	for k := range m.recs {
		if p := refDate(m.recs[k].Posted); p.After(d) {
			d = p
		}
	}
	return d
}

func refScopeOf(market, country string) refScope {
	cur := map[string]string{"GB": "GBP", "US": "USD", "": "GBP"}[country]
	return refScope{market: market, country: country, currency: cur}
}

func (s refScope) String() string {
	if s.tech {
		return fmt.Sprintf("%s/%s/tech", s.market, strings.ToLower(s.country))
	}
	return fmt.Sprintf("%s/%s", s.market, strings.ToLower(s.country))
}

// techModel is the reference model of only the tech jobs: a page of the tech baseline is the page
// of that smaller market.
func (m *refModel) techModel(isTech func(*stats.Record) bool) *refModel {
	var keep []stats.Record
	for k := range m.recs {
		if isTech(&m.recs[k]) {
			keep = append(keep, m.recs[k])
		}
	}
	sub := newRefModel([]refOp{{add: keep}})
	sub.minSal, sub.tech, sub.whole = m.minSal, true, m
	return sub
}

// cutModel is the reference model of only the records cut c keeps in scope s: a cut page is the
// page of that smaller market.
func (m *refModel) cutModel(c stats.Cut, s refScope) *refModel {
	var keep []stats.Record
	for k := range m.recs {
		r := &m.recs[k]
		if c.Seniority != "" && r.Seniority != c.Seniority || c.WorkMode != "" && r.WorkMode != c.WorkMode ||
			c.IR35 != "" && r.IR35 != c.IR35 || c.Company != "" && r.Company != c.Company ||
			c.Title != "" && !m.cites(k, refTerm{jobscope.KindTitle, c.Title}) ||
			c.Skill != "" && !m.cites(k, refTerm{jobscope.KindSkill, c.Skill}) {
			continue
		}
		if l := c.Location; l != "" && !m.cites(k, refTerm{jobscope.KindLocation, l}) && !slices.Contains(m.groups[k], l) {
			continue
		}
		keep = append(keep, *r)
	}
	sub := newRefModel([]refOp{{add: keep}})
	sub.minSal, sub.tech, sub.whole = m.minSal, m.tech, m
	return sub
}
