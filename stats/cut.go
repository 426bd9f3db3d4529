package stats

import (
	"fmt"
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

// cutView resolves c within scope s for a page as of the periods ps: the location, title and skill
// must be known to the engine, the seniority and work mode among their values.
func (e *Engine) cutView(s Scope, c Cut, ps [3]dayRange) (*cutView, error) {
	// The locations table reads the latest period and the one a year earlier, and the ads live at
	// the latest period's end: its groups need hold no other ads.
	w := dayRange{from: min(ps[1].from, ps[0].to-max(e.maxLife, LiveDays)), to: ps[0].to}
	return e.cutGroups(s, c, &w)
}

// cutGroups is cutView, with the locations table's groups holding the kept ads posted in window
// locs, or no locations table (an index needs none) when locs is nil.
func (e *Engine) cutGroups(s Scope, c Cut, locs *dayRange) (*cutView, error) {
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
	v.keep = func(id uint32) bool {
		if sen != 0 && e.seniorityOf(id) != sen || wm != 0 && e.workModeOf(id) != wm || ir != 0 && e.ir35Of(id) != ir ||
			comp != 0 && e.company[id] != comp {
			return false
		}
		for _, t := range v.terms {
			if !e.cites(id, t) {
				return false
			}
		}
		return true
	}
	for _, g := range base {
		// A country group stands in for its own ads; a named location group (London) becomes the
		// scope's whole population, as a country's would.
		ng := e.narrow(g, v, true)
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
			v.locs[uint32(gid)] = &group{market: g.market, tech: g.tech, country: g.country, name: g.name, kind: g.kind, all: &list{}}
		}
	}
	for _, sg := range v.scope {
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
	}
	return v, nil
}

// cites reports whether ad id cites term t.
func (e *Engine) cites(id, t uint32) bool {
	for _, u := range e.termIDs[e.termOff[id]:e.termOff[id+1]] {
		if u == t {
			return true
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
