package stats

import "fmt"

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
		c, err := e.cutView(q.Scope, q.Cut, ps)
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
