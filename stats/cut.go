package stats

import (
	"fmt"
	"slices"
	"strings"

	"jobscope"
)

// Cut narrows a question to some of its scope's ads, on every figure at once: a page's periods,
// baseline, ranks, shares, co-occurring terms, locations, trend and histogram are all within the
// ads the cut keeps, as IT Jobs Watch's regional pages are within a region. Fields left empty
// narrow nothing; set together, an ad must meet them all.
type Cut struct {
	// Location is a location group of the scope (a nation, region or state, GBExclLondon,
	// WorkFromHome) or a location term (a place or county the ads name: "Manchester").
	Location string `json:"location,omitempty"`
	// Seniority is one of Seniorities, WorkMode one of WorkModes.
	Seniority string `json:"seniority,omitempty"`
	WorkMode  string `json:"work_mode,omitempty"`
	// IR35 is one of IR35s: a UK contract's status, as the ad states it.
	IR35 string `json:"ir35,omitempty"`
	// Company is an advertiser as the ads name it (Engine.Companies lists them).
	Company string `json:"company,omitempty"`
	// Title and Skill are terms the kept ads must cite: "Backend Developer" ads that cite Go.
	Title string `json:"title,omitempty"`
	Skill string `json:"skill,omitempty"`
}

// IsZero reports whether c narrows nothing.
func (c Cut) IsZero() bool { return c == Cut{} }

// cutView is a cut made ready for one page: narrowed copies of the scope's country groups and of
// its location groups, which the page's figures read as they read the engine's own.
type cutView struct {
	Cut
	scope  []*group
	locIDs []uint32             // the engine's location groups of the scope; location narrows each
	locs   []*group             // by group number: the narrowed copy of each of locIDs, nil for the others
	keep   func(id uint32) bool // whether an ad of the scope's groups is kept
	terms  []uint32             // terms the kept ads must cite
}

// location returns the narrowed copy of location group gid.
func (c *cutView) location(gid uint32) *group { return c.locs[gid] }

// need names the lists of a group a question about one term reads: the term's own and those of
// some categories (its own, for its share of the category, and the job titles'). A cut's copies
// of the groups hold only these, and the ads every list is drawn from: a page reads nothing else,
// and copying every term's list of every kept ad cost ten times the page itself.
type need struct {
	term uint32
	cats []uint32
}

// cutView resolves c within scope s for a page about the terms and categories nd names, as of the
// periods ps: the location, title and skill must be known to the engine, the seniority and work
// mode among their values.
func (e *Engine) cutView(s Scope, c Cut, ps [3]dayRange, nd *need) (*cutView, error) {
	// The locations table reads the latest period and the one a year earlier, and the ads live at
	// the latest period's end: its groups need hold no other ads.
	w := dayRange{from: min(ps[1].from, ps[0].to-max(e.maxLife, LiveDays)), to: ps[0].to}
	return e.cutGroups(s, c, &w, nd)
}

// cutGroups is cutView, with the locations table's groups holding the kept ads posted in window
// locs, or no locations table (an index needs none) when locs is nil; with nd nil, the copies
// hold every term's list (an index reads them all).
func (e *Engine) cutGroups(s Scope, c Cut, locs *dayRange, nd *need) (*cutView, error) {
	v := &cutView{Cut: c}
	var sen, wm, ir uint8
	var comp uint32
	if c.Company != "" {
		if comp = e.compIdx[c.Company]; comp == 0 {
			return nil, fmt.Errorf("stats: cut: no ads name the company %q", c.Company)
		}
	}
	if c.Seniority != "" {
		if sen = uint8(code(Seniorities, c.Seniority)); sen == 0 {
			return nil, fmt.Errorf("stats: cut: unknown seniority %q (one of %s)", c.Seniority, strings.Join(Seniorities, ", "))
		}
	}
	if c.WorkMode != "" {
		if wm = uint8(code(WorkModes, c.WorkMode)); wm == 0 {
			return nil, fmt.Errorf("stats: cut: unknown work mode %q (one of %s)", c.WorkMode, strings.Join(WorkModes, ", "))
		}
	}
	if c.IR35 != "" {
		if ir = uint8(code(IR35s, c.IR35)); ir == 0 {
			return nil, fmt.Errorf("stats: cut: unknown IR35 status %q (one of %s)", c.IR35, strings.Join(IR35s, ", "))
		}
	}
	for _, need := range []struct {
		kind jobscope.TermKind
		name string
	}{{jobscope.KindTitle, c.Title}, {jobscope.KindSkill, c.Skill}} {
		if need.name == "" {
			continue
		}
		t, ok := e.termIdx[termKey{need.kind, need.name}]
		if !ok {
			return nil, fmt.Errorf("stats: cut: no ads cite the %s %q", need.kind, need.name)
		}
		v.terms = append(v.terms, t)
	}
	m := marketCode(string(s.Market))
	base := e.scopeGroups(s)
	if c.Location != "" {
		var named []*group
		for _, g := range e.locationGroups(s) {
			if g.name == c.Location {
				named = append(named, g)
			}
		}
		switch t, isTerm := e.termIdx[termKey{jobscope.KindLocation, c.Location}]; {
		case len(named) > 0:
			base = named
		case isTerm:
			v.terms = append(v.terms, t)
		default:
			return nil, fmt.Errorf("stats: cut: %q is neither a location group of the %s market here nor a place the ads name",
				c.Location, s.Market)
		}
	}
	// A cut by a location group alone keeps every ad of the group: the group's own lists serve.
	whole := sen == 0 && wm == 0 && ir == 0 && comp == 0 && len(v.terms) == 0
	// The title, when the cut names one, is read from its column; the other terms from the ad's.
	var title uint32
	others := v.terms
	if c.Title != "" {
		title, others = v.terms[0]+1, v.terms[1:]
	}
	v.keep = func(id uint32) bool {
		if sen != 0 && e.seniorityOf(id) != sen || wm != 0 && e.workModeOf(id) != wm || ir != 0 && e.ir35Of(id) != ir ||
			title != 0 && e.titleOf[id] != title || comp != 0 && e.company[id] != comp {
			return false
		}
		for _, t := range others {
			if !e.cites(id, t) {
				return false
			}
		}
		return true
	}
	for _, g := range base {
		// A country group stands in for its own ads; a named location group (London) becomes the
		// scope's whole population, as a country's would.
		var ng *group
		switch {
		case whole:
			cp := *g // its lists shared, read only under the read lock
			ng = &cp
			if nd != nil && g.kind != grpCountry {
				// A location group keeps no lists by category: make those the page reads, once
				// until the ads change.
				ng.cats = nil
				for _, c := range nd.cats {
					ng.catList(c).ids = e.cachedCut(cutKey{g: g, cat: c + 1}, func() []uint32 {
						one := &group{}
						e.categoryLists(one, g.all.ids, []uint32{c})
						return one.catList(c).ids
					})
				}
			}
		case nd == nil:
			ng = e.narrow(g, v, true)
		default:
			ng = e.narrowTo(g, v, nd)
		}
		ng.kind = grpCountry
		v.scope = append(v.scope, ng)
	}
	if locs == nil {
		return v, nil
	}
	// The locations table's groups hold the kept ads of each: the scope's kept ads (already within
	// a named location) of the window dealt to the groups each belongs to, in order, so that only
	// they are read.
	v.locs = make([]*group, len(e.groups))
	for gid, g := range e.groups {
		if g.country != "" && g.in(s, m) {
			v.locIDs = append(v.locIDs, uint32(gid))
			v.locs[uint32(gid)] = &group{market: g.market, tech: g.tech, country: g.country, name: g.name, kind: g.kind,
				all: &list{}, partial: nd != nil}
		}
	}
	if nd != nil {
		// Which kept ads each location group holds depends on the cut and the window, not on the
		// page's term: dealt once, until the ads change, for the pages of every term under the cut.
		per := e.cachedLocs(locsKey{scope: s, cut: c, from: locs.from, to: locs.to}, func() [][]uint32 {
			per := make([][]uint32, len(e.groups))
			for _, sg := range v.scope {
				a, b := e.span(sg.all, locs.from, locs.to)
				for _, id := range sg.all.ids[a:b] {
					for _, gid := range e.grpIDs[e.grpOff[id]:e.grpOff[id+1]] {
						if v.locs[gid] != nil {
							per[gid] = append(per[gid], id)
						}
					}
				}
			}
			return per
		})
		for gid, ids := range per {
			if ng := v.locs[gid]; ng != nil {
				ng.all.ids = slices.Clip(ids)
			}
		}
	}
	for _, sg := range v.scope {
		if nd == nil {
			a, b := e.span(sg.all, locs.from, locs.to)
			for _, id := range sg.all.ids[a:b] {
				for _, gid := range e.grpIDs[e.grpOff[id]:e.grpOff[id+1]] {
					ng := v.locs[gid]
					if ng == nil {
						continue
					}
					ng.all.ids = append(ng.all.ids, id)
					for _, t := range e.termIDs[e.termOff[id]:e.termOff[id+1]] {
						l := ng.termList(t)
						l.ids = append(l.ids, id)
					}
				}
			}
			continue
		}
		if int(nd.term) >= len(sg.terms) || sg.terms[nd.term] == nil {
			continue
		}
		tl := sg.terms[nd.term]
		a, b := e.span(tl, locs.from, locs.to)
		for _, id := range tl.ids[a:b] {
			for _, gid := range e.grpIDs[e.grpOff[id]:e.grpOff[id+1]] {
				if ng := v.locs[gid]; ng != nil {
					l := ng.termList(nd.term)
					l.ids = append(l.ids, id)
				}
			}
		}
	}
	return v, nil
}

// narrowTo copies group g with only the ads v keeps, as narrow does, but only the lists nd names:
// each drawn from the shorter of the kept ads and the engine's own list, both in the engine's order.
func (e *Engine) narrowTo(g *group, v *cutView, nd *need) *group {
	ng := &group{market: g.market, tech: g.tech, country: g.country, name: g.name, kind: g.kind, all: &list{}, partial: true}
	from := g.all
	for _, t := range v.terms {
		if int(t) >= len(g.terms) || g.terms[t] == nil {
			return ng
		}
		if l := g.terms[t]; len(l.ids) < len(from.ids) {
			from = l
		}
	}
	ng.all.ids = e.cachedCut(cutKey{g: g, cut: v.Cut}, func() (kept []uint32) {
		for _, id := range from.ids {
			if v.keep(id) {
				kept = append(kept, id)
			}
		}
		return kept
	})
	kept := ng.all.ids
	if t := nd.term; int(t) < len(g.terms) && g.terms[t] != nil {
		l := ng.termList(t)
		in := func(id uint32) bool { return e.cites(id, t) }
		if bits := e.bitsOf(g, t); bits != nil {
			in = func(id uint32) bool { return bits[id>>6]&(1<<(id&63)) != 0 }
		}
		l.ids = keptOf(l.ids, g.terms[t].ids, kept, v.keep, in)
	}
	if g.kind != grpCountry {
		// A location group keeps no lists by category.
		e.categoryLists(ng, kept, nd.cats)
		return ng
	}
	for _, c := range nd.cats {
		if int(c) < len(g.cats) && g.cats[c] != nil {
			l := ng.catList(c)
			l.ids = keptOf(l.ids, g.cats[c].ids, kept, v.keep, func(id uint32) bool { return e.citesCategory(id, c) })
		}
	}
	return ng
}

// cachedCut returns the ads of the cut of a group that key names, made by build the first time and
// kept (see Engine.cutKept) until the ads change. The list returned is shared: read only.
func (e *Engine) cachedCut(key cutKey, build func() []uint32) []uint32 {
	return cached(e, &e.cutKept, key, func() []uint32 { return slices.Clip(build()) },
		func(ids []uint32) int { return len(ids) }, &e.keptIDs)
}

// bitsOf returns the set of the ads on group g's list of term t, a bit an ad number, when the list
// is dense enough (see Engine.termBits); nil otherwise. The set returned is shared: read only.
func (e *Engine) bitsOf(g *group, t uint32) []uint64 {
	l := g.terms[t]
	if len(l.ids) < len(e.seq)/256 {
		return nil
	}
	return cached(e, &e.termBits, bitsKey{g, t}, func() []uint64 {
		bits := make([]uint64, (len(e.seq)+63)/64)
		for _, id := range l.ids {
			bits[id>>6] |= 1 << (id & 63)
		}
		return bits
	}, func(bits []uint64) int { return len(bits) }, &e.bitWords)
}

// cachedLocs returns the kept ads of each location group, by group number, for the cut and window
// key names: made by build the first time and kept, as cachedCut keeps a group's kept ads. The lists
// returned are shared: read only.
func (e *Engine) cachedLocs(key locsKey, build func() [][]uint32) [][]uint32 {
	return cached(e, &e.cutLocs, key, build, func(per [][]uint32) int {
		n := 0
		for _, ids := range per {
			n += len(ids)
		}
		return n
	}, &e.keptIDs)
}

// cached returns (*m)[key], made by build the first time and kept until lockCache drops it, its
// size added to *held. build runs without the cache lock: two pages may both make it, and the
// second's is kept.
func cached[K comparable, V any](e *Engine, m *map[K]V, key K, build func() V, size func(V) int, held *int) V {
	e.lockCache()
	v, ok := (*m)[key]
	e.cacheMu.Unlock()
	if ok {
		return v
	}
	v = build()
	e.lockCache()
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[key] = v
	*held += size(v)
	e.cacheMu.Unlock()
	return v
}

// keptOf appends to dst the kept ads of an engine's list src, reading whichever is shorter: src,
// each tested by keep, or the kept ads, each tested by in (whether it is on src).
func keptOf(dst, src, kept []uint32, keep, in func(uint32) bool) []uint32 {
	if len(src) < len(kept) {
		for _, id := range src {
			if keep(id) {
				dst = append(dst, id)
			}
		}
		return dst
	}
	for _, id := range kept {
		if in(id) {
			dst = append(dst, id)
		}
	}
	return dst
}

// categoryLists gives g the lists of categories cats drawn from ads ids, in their order, in one
// pass over the ads.
func (e *Engine) categoryLists(g *group, ids []uint32, cats []uint32) {
	ls := make([]*list, len(cats))
	for i, c := range cats {
		ls[i] = g.catList(c)
	}
	if !slices.ContainsFunc(cats, func(c uint32) bool { return c >= 64 }) {
		for _, id := range ids {
			m := e.catMask[id]
			for i, c := range cats {
				if m&(1<<c) != 0 {
					ls[i].ids = append(ls[i].ids, id)
				}
			}
		}
		return
	}
	seen := make([]bool, len(cats))
	for _, id := range ids {
		clear(seen)
		for _, u := range e.termIDs[e.termOff[id]:e.termOff[id+1]] {
			c := e.catOf[u]
			for i, want := range cats {
				if c == want && !seen[i] {
					seen[i] = true
					ls[i].ids = append(ls[i].ids, id)
				}
			}
		}
	}
}

// citesCategory reports whether ad id cites a term of category c.
func (e *Engine) citesCategory(id, c uint32) bool {
	if c < 64 {
		return e.catMask[id]&(1<<c) != 0
	}
	for _, u := range e.termIDs[e.termOff[id]:e.termOff[id+1]] {
		if e.catOf[u] == c {
			return true
		}
	}
	return false
}

// cites reports whether ad id cites term t. An ad's terms run its skills first, then its title
// and places (see adTerms): a title or a place is looked for from the end, as far as the first
// skill, so that a cut by one reads a few terms of each ad rather than all of them.
func (e *Engine) cites(id, t uint32) bool {
	ts := e.termIDs[e.termOff[id]:e.termOff[id+1]]
	if e.kinds[t] == jobscope.KindSkill {
		return slices.Contains(ts, t)
	}
	for i := len(ts) - 1; i >= 0; i-- {
		switch u := ts[i]; {
		case u == t:
			return true
		case e.kinds[u] == jobscope.KindSkill:
			return false
		}
	}
	return false
}

// narrow copies group g with only the ads v keeps: its list of every ad, and the lists by term and
// (for a scope's group, which category shares read) by category built from them, all in the
// engine's order. It starts from the shortest list of a term every kept ad cites, so that a narrow
// cut reads few ads.
func (e *Engine) narrow(g *group, v *cutView, scope bool) *group {
	from := g.all
	for _, t := range v.terms {
		if int(t) >= len(g.terms) || g.terms[t] == nil {
			from = nil
			break
		}
		if l := g.terms[t]; len(l.ids) < len(from.ids) {
			from = l
		}
	}
	ng := &group{market: g.market, tech: g.tech, country: g.country, name: g.name, kind: g.kind, all: &list{}}
	if from == nil {
		return ng
	}
	for _, id := range from.ids {
		if !v.keep(id) {
			continue
		}
		ng.all.ids = append(ng.all.ids, id)
		ts := e.termIDs[e.termOff[id]:e.termOff[id+1]]
		for i, t := range ts {
			l := ng.termList(t)
			l.ids = append(l.ids, id)
			if scope {
				if c := e.terms[t].cat; !seenCat(e, ts[:i], c) {
					cl := ng.catList(c)
					cl.ids = append(cl.ids, id)
				}
			}
		}
	}
	return ng
}
