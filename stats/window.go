package stats

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"jobscope"
)

// WindowRange is a span of posting dates, both ends included.
type WindowRange struct{ From, To time.Time }

// Windows are every term of a kind over three spans of posting dates, for reports that read the
// market week by week rather than by the pages' 6-month periods.
type Windows struct {
	// All is every ad of the scope in each span.
	All [3]Figures
	// Terms are the terms of the kind some ad of the scope cites in any span, most jobs in the
	// second span first.
	Terms []TermWindow
	// Companies are, for each span, the advertisers of the scope's ads by ads, most first (the
	// first 20).
	Companies [3][]jobscope.Term
}

// TermWindow is one term's figures in each span, and the posting date of the first ad of the scope
// that cites it (new terms are those whose first ad is recent).
type TermWindow struct {
	Term     string     `json:"term"`
	Category string     `json:"category"`
	First    string     `json:"first_posted"`
	Figures  [3]Figures `json:"figures"`
}

// Windows computes the terms of kind over the spans rs, within scope s, hiding the percentiles over
// fewer than minSalaries figures.
func (e *Engine) Windows(s Scope, kind jobscope.TermKind, rs [3]WindowRange, minSalaries int) (*Windows, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	var ps [3]dayRange
	for i, r := range rs {
		if r.To.Before(r.From) {
			return nil, fmt.Errorf("stats: windows: span %d ends %s before it starts %s", i, r.To.Format(time.DateOnly), r.From.Format(time.DateOnly))
		}
		ps[i] = dayRange{dayOf(r.From) - 1, dayOf(r.To)}
	}
	out := &Windows{}
	gs := e.scopeGroups(s)
	all := allLists(gs)
	out.All, _ = e.figures(all, all, ps, s)
	for t := range e.terms {
		ti := &e.terms[t]
		if ti.kind != kind {
			continue
		}
		ls := termLists(gs, uint32(t))
		n := 0
		for _, r := range ps {
			n += e.countAll(ls, r)
		}
		if n == 0 {
			continue
		}
		tw := TermWindow{Term: ti.name, Category: ti.category}
		tw.Figures, _ = e.figures(ls, all, ps, s)
		hideSmall([3]*Figures{&tw.Figures[0], &tw.Figures[1], &tw.Figures[2]}, minSalaries)
		first := int32(math32Max)
		for _, l := range ls {
			if a := e.upper(l, noDay); a < len(l.ids) {
				first = min(first, e.day[l.ids[a]])
			}
		}
		if first != math32Max {
			tw.First = dayTime(first).Format(time.DateOnly)
		}
		out.Terms = append(out.Terms, tw)
	}
	slices.SortFunc(out.Terms, func(a, b TermWindow) int {
		return cmp.Or(cmp.Compare(b.Figures[1].Jobs, a.Figures[1].Jobs), cmp.Compare(a.Term, b.Term))
	})
	for i, r := range ps {
		counts := map[uint32]int{}
		for _, l := range all {
			a, b := e.span(l, r.from, r.to)
			for _, id := range l.ids[a:b] {
				if c := e.company[id]; c != 0 {
					counts[c]++
				}
			}
		}
		var cs []jobscope.Term
		for c, n := range counts {
			cs = append(cs, jobscope.Term{Name: e.comps[c], Ads: n})
		}
		slices.SortFunc(cs, func(a, b jobscope.Term) int { return cmp.Or(cmp.Compare(b.Ads, a.Ads), cmp.Compare(a.Name, b.Name)) })
		out.Companies[i] = cs[:min(20, len(cs))]
	}
	return out, nil
}

const math32Max = 1<<31 - 1
