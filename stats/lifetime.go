package stats

import (
	"fmt"

	"jobscope"
)

// Lifetimes is how long a term's ads of the latest period stayed open, where their closing date is
// known: the time to fill a job, as far as the ads show it.
type Lifetimes struct {
	// N counts the term's ads of the latest period (within the cut) that have a closing date, of
	// Jobs in all.
	N, Jobs int
	// MedianDays is the median of their days from posting to closing; nil when N is below the
	// query's MinSalaries (the same smallest sample the page's medians keep).
	MedianDays *float64
}

// Lifetimes returns the lifetimes of the ads q's page counts in its latest period.
func (e *Engine) Lifetimes(q Query) (Lifetimes, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	var out Lifetimes
	t, err := e.resolve(q.Kind, q.Term)
	if err != nil {
		return out, err
	}
	ps := periodDays(e.asOf(q.AsOf))
	gs := e.scopeGroups(q.Scope)
	if !q.Cut.IsZero() {
		c, err := e.cutView(q.Scope, q.Cut, ps, &need{term: t})
		if err != nil {
			return out, fmt.Errorf("stats: lifetimes: %w", err)
		}
		gs = c.scope
	}
	var days []float64
	for _, l := range termLists(gs, t) {
		a, b := e.span(l, ps[0].from, ps[0].to)
		out.Jobs += b - a
		for _, id := range l.ids[a:b] {
			if c := e.closed[id]; c != noDay {
				days = append(days, float64(c-e.day[id]))
			}
		}
	}
	out.N = len(days)
	out.MedianDays = medianMin(days, q.MinSalaries)
	return out, nil
}

// MaxSpanMonths is the longest span Span gives: a cut's ads are held for the 18 months a page
// reads, so a span within a cut can reach back 12 months with room to spare.
const MaxSpanMonths = 12

// Span returns the term's figures over the months to q's as-of date (the latest period's end),
// within q's cut: what a benchmark widens to when the latest 6 months hold too few salaries.
func (e *Engine) Span(q Query, months int) (Figures, error) {
	if months < 1 || months > MaxSpanMonths {
		return Figures{}, fmt.Errorf("stats: span of %d months: want 1 to %d", months, MaxSpanMonths)
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	t, err := e.resolve(q.Kind, q.Term)
	if err != nil {
		return Figures{}, err
	}
	asOf := e.asOf(q.AsOf)
	ps := periodDays(asOf)
	gs := e.scopeGroups(q.Scope)
	if !q.Cut.IsZero() {
		c, err := e.cutView(q.Scope, q.Cut, ps, &need{term: t})
		if err != nil {
			return Figures{}, fmt.Errorf("stats: span: %w", err)
		}
		gs = c.scope
	}
	r := dayRange{dayOf(AddMonths(asOf, -months)), dayOf(asOf)}
	figs, _ := e.figures(termLists(gs, t), allLists(gs), [3]dayRange{r, r, r}, q.Scope)
	hideSmall([3]*Figures{&figs[0], &figs[1], &figs[2]}, q.MinSalaries)
	figs[0].MedianChange = nil
	return figs[0], nil
}

// WithSkills counts a term's ads of the latest period within q's cut, and those of them citing any
// skill: the ads a skill's share among them can be read from (an ad with no text beyond its title
// cites none, and would count as not asking for any).
func (e *Engine) WithSkills(q Query) (jobs, withSkills int, err error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	t, err := e.resolve(q.Kind, q.Term)
	if err != nil {
		return 0, 0, err
	}
	ps := periodDays(e.asOf(q.AsOf))
	gs := e.scopeGroups(q.Scope)
	if !q.Cut.IsZero() {
		c, err := e.cutView(q.Scope, q.Cut, ps, &need{term: t})
		if err != nil {
			return 0, 0, fmt.Errorf("stats: with skills: %w", err)
		}
		gs = c.scope
	}
	for _, l := range termLists(gs, t) {
		a, b := e.span(l, ps[0].from, ps[0].to)
		jobs += b - a
		for _, id := range l.ids[a:b] {
			for _, u := range e.termIDs[e.termOff[id]:e.termOff[id+1]] {
				if e.kinds[u] == jobscope.KindSkill {
					withSkills++
					break
				}
			}
		}
	}
	return jobs, withSkills, nil
}
