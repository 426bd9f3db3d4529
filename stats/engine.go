package stats

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"jobscope"
)

// Record is what the engine holds of one canonical (non-duplicate) ad; stores stream them
// (jobscope.Store.Records). Seq identifies the ad: adding a record whose Seq is already held replaces
// the earlier one. The posting date counts by its calendar date in its own location.
type Record = jobscope.AdRecord

// Category names of the terms that are not skills.
const (
	TitleCategory    = "Job Titles"
	LocationCategory = "Locations"
)

// Names of the location groups that are not a place name.
const (
	GBExclLondon = "GB excluding London"
	WorkFromHome = "Work from Home"
	London       = "London"
)

// otherCurrency numbers every currency past the first 255 seen.
const otherCurrency = 255

// noDay marks an unknown closing date.
const noDay = math.MinInt32

// Salary states of an ad: no figure for its market, a plausible one, one outside the bounds.
const (
	salNone uint8 = iota
	salOK
	salImplausible
)

// Markets as stored per ad: 0 is neither.
const (
	mktNone uint8 = iota
	mktPermanent
	mktContract
)

func marketCode(m string) uint8 {
	switch m {
	case jobscope.Permanent:
		return mktPermanent
	case jobscope.Contract:
		return mktContract
	}
	return mktNone
}

// Engine holds the canonical ads in columns, with posting lists by location group and term kept in
// posting-date order, so that a period's ads of any term are a contiguous run found by binary search.
// It answers a term's page, the market index and comparisons in milliseconds at a million ads, and
// takes new ads in batches without a rebuild. It is safe for concurrent use: Add and Remove take a
// write lock, queries a read lock.
type Engine struct {
	mu sync.RWMutex
	// paging counts the pages being computed, so that a page fans out to other cores only when
	// some are idle.
	paging atomic.Int32

	// The term dictionary.
	terms   []termInfo
	termIdx map[termKey]uint32
	byKind  map[jobscope.TermKind][]uint32
	cats    []string
	catIdx  map[string]uint32
	curs    []string
	curIdx  map[string]uint8
	comps   []string // advertisers by number; comps[0] is "" (none)
	compIdx map[string]uint32

	// Columns, by ad number.
	seq    []int64
	dead   []bool
	day    []int32
	closed []int32
	market []uint8
	// facet packs what a question may be cut by besides terms and places: the seniority level
	// (low 4 bits, see Seniorities), the work mode (next 2, see WorkModes) and IR35 (top 2).
	facet []uint8
	// company numbers each ad's advertiser in comps (0: none named), for cuts by company.
	company []uint32
	sal     []adSalary
	// okv is the plausible market figure of each ad (NaN when it has none) and cur its currency
	// number: the two columns the salary scans of trends, locations and the index read, 9 bytes
	// an ad instead of the 24 of sal.
	okv []float64
	cur []uint8
	// titleOf is each ad's title term plus one (0: none), for cuts by title: the same as its
	// title among termIDs, read in one load instead of a scan.
	titleOf []uint32
	// catMask has bit c set for each category c < 64 a term of the ad is of: whether an ad cites a
	// category, which cut pages ask of every kept ad for each category they read, in one load
	// instead of a scan of its terms (see citesCategory).
	catMask []uint64
	termOff []uint32 // ad i cites termIDs[termOff[i]:termOff[i+1]]
	termIDs []uint32
	grpOff  []uint32 // ad i is in groups grpIDs[grpOff[i]:grpOff[i+1]]
	grpIDs  []uint32

	seqIdx  map[int64]uint32
	live    int
	maxDay  int32
	maxLife int32 // the longest closed-minus-posted span seen, in days, for live-job scans
	// techJob says which ads are tech jobs (SetTechJobs); nil: none are.
	techJob func(*Record) bool

	groups  []*group
	grpIdx  map[groupKey]uint32
	kinds   []jobscope.TermKind // by term number, for scans that skip locations
	catOf   []uint32            // by term number, its category number: for scans by category
	epoch   uint32
	version uint64

	// The baseline figures (every ad of a market) are the same on every term's page for a scope and
	// as-of date, and the costliest part of a page: they are kept until the ads change.
	cacheMu  sync.Mutex
	cacheVer uint64
	baseline map[baselineKey][3]Figures
	// Ranks need every term's count in a period: those counts, sorted largest first, are the same
	// for every term of a kind in a set of groups, and kept likewise.
	rankCounts map[rankKey][]int32
	// A cut's kept ads in a group depend on the cut alone, not on the term whose page is cut:
	// kept until the ads change, so that the pages of many terms under one cut ("senior, in
	// Manchester, Backend Developer") filter the group once; so are the lists by category of a
	// location group (which keeps none of its own) that a cut to the whole group reads ("in
	// London"). keptIDs counts what is held.
	cutKept map[cutKey][]uint32
	// cutLocs holds a cut's kept ads in a window dealt to the location groups, by group number,
	// for the locations table of every term's page under the cut (see cutGroups).
	cutLocs map[locsKey][][]uint32
	keptIDs int
	// termBits holds, for a group's longer lists (a term cited by one ad in 256 or more), a bit an
	// ad: whether an ad of a cut cites the page's term is then one bit test rather than a scan of
	// the ad's terms. Made when first read; bitWords counts the words held.
	termBits map[bitsKey][]uint64
	bitWords int
	// cutRanks holds, for a cut's narrowed groups (a cut has no lists of its own to rank by), every
	// term's count of a kind among the kept ads of a period, largest first: the same for the pages
	// of every term under the cut, so counted once rather than for each page's three periods and
	// each row of its locations table. rankHeld counts the counts held.
	cutRanks map[rankKey][]int32
	rankHeld int
}

// locsKey names a cut of a scope's location groups over a window of posting days.
type locsKey struct {
	scope    Scope
	cut      Cut
	from, to int32
}

// bitsKey names group g's list of term t.
type bitsKey struct {
	g *group
	t uint32
}

// maxBitWords bounds termBits: past it, it starts again empty.
const maxBitWords = 4 << 20 // 32 MiB

// cutKey names a cut of one group: its kept ads, or (cat > 0) those of them citing a term of
// category cat-1.
type cutKey struct {
	g   *group
	cut Cut
	cat uint32
}

// Bounds of the cache of cuts' kept ads: past either, it starts again empty.
const (
	maxCutKept    = 4096
	maxCutKeptIDs = 8 << 20 // 32 MiB of ad numbers
)

// Bounds of the cache of cuts' counts for ranks: past either, it starts again empty. A cut's page
// asks for up to 27 (three periods, and two for each of its locations table's 12 rows).
const (
	maxCutRanks      = 1 << 15
	maxCutRankCounts = 8 << 20 // 32 MiB of counts
)

// rankKey names a set of groups (a scope's country groups, or one location group), a kind of term
// and a period; with a cut, the cut's copies of them.
type rankKey struct {
	market   uint8
	country  string // the scope's country when scope or cut is set
	tech     bool   // the scope's population when scope or cut is set
	scope    bool   // the scope's country groups rather than group gid
	gid      uint32
	kind     jobscope.TermKind
	from, to int32
	cut      Cut // the cut whose copies of the groups these are, when not zero
}

// lockCache takes the cache lock, first dropping what was cached for ads since changed (or when
// the caches have grown past what a few scopes and as-of dates need); the caller unlocks cacheMu.
func (e *Engine) lockCache() {
	e.cacheMu.Lock()
	if e.cacheVer != e.version || len(e.baseline) > 256 || len(e.rankCounts) > 4096 {
		e.baseline, e.rankCounts, e.cacheVer = nil, nil, e.version
		e.cutKept, e.cutLocs, e.keptIDs = nil, nil, 0
		e.termBits, e.bitWords = nil, 0
		e.cutRanks, e.rankHeld = nil, 0
	}
	if e.bitWords > maxBitWords {
		e.termBits, e.bitWords = nil, 0
	}
	if len(e.cutKept)+len(e.cutLocs) > maxCutKept || e.keptIDs > maxCutKeptIDs {
		e.cutKept, e.cutLocs, e.keptIDs = nil, nil, 0
	}
	if len(e.cutRanks) > maxCutRanks || e.rankHeld > maxCutRankCounts {
		e.cutRanks, e.rankHeld = nil, 0
	}
}

type baselineKey struct {
	scope Scope
	asOf  int32
}

// adSalary is an ad's pay, kept together so that reading one ad's figure costs one memory access.
type adSalary struct {
	val    float64 // the market's salary figure: annual (permanent) or day rate (contract)
	hour   float64 // hour rate (contract)
	cur    uint8   // currency number
	vstate uint8   // salNone, salOK, salImplausible
	hstate uint8
	london bool // region London
}

type termKey struct {
	kind jobscope.TermKind
	name string
}

type termInfo struct {
	name     string
	kind     jobscope.TermKind
	category string
	cat      uint32
	ads      int // live ads citing it, every market
	// undated and noMarket count those of them without a posting date, and in neither market.
	undated, noMarket int
}

// zeroDay is the day number of an ad without a posting date.
var zeroDay = dayOf(time.Time{})

// groupKind says what a location group is.
type groupKind uint8

const (
	grpCountry groupKind = iota
	grpArea              // a nation, region or state
	grpExclLondon
	grpRemote
)

type groupKey struct {
	market  uint8
	tech    bool
	country string
	name    string
}

// group is the ads of one market in one location: a country, a nation, region or state, GB less
// London, or GB's remote ads. Its lists hold the ads citing each term (and, for a country, each
// category), in posting-date order.
type group struct {
	market  uint8
	tech    bool // of the tech jobs only: the population of a Scope.Tech question
	country string
	name    string
	kind    groupKind
	all     *list
	terms   []*list // by term number; nil when no ad
	cats    []*list // by category number; country groups only
	// partial marks a cut's copy made for one question, holding only the lists it reads (see
	// need): a rank over it counts the terms of its ads instead of reading their lists.
	partial bool
}

// list is a posting list: ad numbers sorted by (posting day, ad number). During Add, ads are
// appended past base and put in order at the end of the batch.
type list struct {
	ids     []uint32
	epoch   uint32
	base    int
	removed bool
}

// NewEngine returns an empty engine.
func NewEngine() *Engine {
	return &Engine{
		termIdx: make(map[termKey]uint32),
		byKind:  make(map[jobscope.TermKind][]uint32),
		catIdx:  make(map[string]uint32),
		curIdx:  make(map[string]uint8),
		compIdx: make(map[string]uint32),
		seqIdx:  make(map[int64]uint32),
		grpIdx:  make(map[groupKey]uint32),
		maxDay:  noDay,
	}
}

// SetTechJobs sets the rule that decides which ads are tech jobs, the population of a Scope.Tech
// question (taxonomy.TechJobs is the default one). It applies to the ads added after; an engine
// read from a snapshot holds the decisions of the rule it was built with. Call it before Add.
func (e *Engine) SetTechJobs(isTech func(*Record) bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.techJob = isTech
}

// Companies lists the advertisers the ads held name, with how many live ads name each, most first.
func (e *Engine) Companies() []jobscope.Term {
	e.mu.RLock()
	defer e.mu.RUnlock()
	n := make([]int, len(e.comps))
	for i, c := range e.company {
		if !e.dead[i] {
			n[c]++
		}
	}
	var out []jobscope.Term
	for i := 1; i < len(e.comps); i++ {
		if n[i] > 0 {
			out = append(out, jobscope.Term{Name: e.comps[i], Ads: n[i]})
		}
	}
	slices.SortFunc(out, func(a, b jobscope.Term) int { return cmp.Or(cmp.Compare(b.Ads, a.Ads), cmp.Compare(a.Name, b.Name)) })
	return out
}

// Len is the number of ads held.
func (e *Engine) Len() int {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.live
}

// Version changes whenever the ads held change, so that callers can cache what they computed.
func (e *Engine) Version() uint64 {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.version
}

// LastPosted is the newest posting date held (the default as-of date); zero when empty.
func (e *Engine) LastPosted() time.Time {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.live == 0 {
		return time.Time{}
	}
	return dayTime(e.maxDay)
}

// Terms lists every skill, title and location the held ads cite, with the number of ads citing it
// in every market, sorted by kind, then name.
func (e *Engine) Terms() []jobscope.Term {
	e.mu.RLock()
	defer e.mu.RUnlock()
	out := make([]jobscope.Term, 0, len(e.terms))
	for _, t := range e.terms {
		if t.ads > 0 {
			out = append(out, jobscope.Term{Name: t.name, Kind: t.kind, Category: t.category, Ads: t.ads})
		}
	}
	slices.SortFunc(out, func(a, b jobscope.Term) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// Add appends ads; a record whose Seq is already held replaces the ad held. Only the posting lists
// the batch touches are put back in order, each by sorting its new tail and merging it in.
func (e *Engine) Add(recs ...Record) {
	if len(recs) == 0 {
		return // nothing changes, so neither does Version: what callers cached stays good
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	b := e.begin()
	for i := range recs {
		r := &recs[i]
		if old, ok := e.seqIdx[r.Seq]; ok {
			e.remove(b, old)
		}
		e.appendAd(b, r)
	}
	e.finish(b)
}

// Remove drops the ads with the given Seq (an ad deleted, or found to be a copy of another);
// unknown numbers are ignored.
func (e *Engine) Remove(seqs ...int64) {
	if len(seqs) == 0 {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	b := e.begin()
	for _, s := range seqs {
		if old, ok := e.seqIdx[s]; ok {
			e.remove(b, old)
		}
	}
	e.finish(b)
}

// batch collects the lists one Add or Remove touched.
type batch struct {
	touched    []*list
	maxRemoved bool // the newest day was removed: recompute maxDay
}

func (e *Engine) begin() *batch {
	e.epoch++
	return &batch{}
}

func (e *Engine) touch(b *batch, l *list) {
	if l.epoch != e.epoch {
		l.epoch = e.epoch
		l.base = len(l.ids)
		l.removed = false
		b.touched = append(b.touched, l)
	}
}

func (e *Engine) term(kind jobscope.TermKind, name, category string) uint32 {
	k := termKey{kind, name}
	if id, ok := e.termIdx[k]; ok {
		return id
	}
	c, ok := e.catIdx[category]
	if !ok {
		c = uint32(len(e.cats))
		e.cats = append(e.cats, category)
		e.catIdx[category] = c
	}
	id := uint32(len(e.terms))
	e.terms = append(e.terms, termInfo{name: name, kind: kind, category: category, cat: c})
	e.termIdx[k] = id
	e.byKind[kind] = append(e.byKind[kind], id)
	e.kinds = append(e.kinds, kind)
	e.catOf = append(e.catOf, c)
	return id
}

func (e *Engine) group(market uint8, tech bool, country, name string, kind groupKind) uint32 {
	k := groupKey{market, tech, country, name}
	if id, ok := e.grpIdx[k]; ok {
		return id
	}
	id := uint32(len(e.groups))
	e.groups = append(e.groups, &group{market: market, tech: tech, country: country, name: name, kind: kind, all: &list{}})
	e.grpIdx[k] = id
	return id
}

// maskOf is the catMask of an ad citing terms ts.
func (e *Engine) maskOf(ts []uint32) uint64 {
	var m uint64
	for _, u := range ts {
		if c := e.catOf[u]; c < 64 {
			m |= 1 << c
		}
	}
	return m
}

// titleIn is the title term among an ad's terms ts plus one, or 0 when they hold none.
func (e *Engine) titleIn(ts []uint32) uint32 {
	for _, u := range ts {
		if e.kinds[u] == jobscope.KindTitle {
			return u + 1
		}
	}
	return 0
}

// adTerms appends the terms ad r cites to dst, each once: its skills first, then its title and its
// places, an order cites relies on.
func (e *Engine) adTerms(r *Record, dst []uint32) []uint32 {
	start := len(dst)
	add := func(id uint32) {
		if !slices.Contains(dst[start:], id) {
			dst = append(dst, id)
		}
	}
	for _, s := range r.Skills {
		if s.Name != "" {
			add(e.term(jobscope.KindSkill, s.Name, s.Category))
		}
	}
	if r.Title != "" {
		add(e.term(jobscope.KindTitle, r.Title, TitleCategory))
	}
	for _, l := range [...]string{r.Country, r.Nation, r.Region, r.Place, r.County} {
		if l != "" {
			add(e.term(jobscope.KindLocation, l, LocationCategory))
		}
	}
	return dst
}

// adGroups lists the location groups of a market ad: its country; its nation and region (or state),
// each once by name; and, in GB, "GB excluding London" unless its region is London, and "Work from
// Home" when it is remote.
func (e *Engine) adGroups(m uint8, r *Record, dst []uint32) []uint32 {
	dst = e.adGroupsOf(m, false, r, dst)
	if e.techJob != nil && e.techJob(r) {
		dst = e.adGroupsOf(m, true, r, dst)
	}
	return dst
}

// adGroupsOf appends the groups of one population (every job, or the tech jobs) an ad is in.
func (e *Engine) adGroupsOf(m uint8, tech bool, r *Record, dst []uint32) []uint32 {
	start := len(dst)
	dst = append(dst, e.group(m, tech, r.Country, r.Country, grpCountry))
	if r.Country == "" {
		return dst
	}
	for _, a := range [...]string{r.Nation, r.Region} {
		if a == "" || a == r.Country {
			continue
		}
		if id := e.group(m, tech, r.Country, a, grpArea); !slices.Contains(dst[start:], id) {
			dst = append(dst, id)
		}
	}
	if r.Country == "GB" {
		if r.Region != London {
			dst = append(dst, e.group(m, tech, r.Country, GBExclLondon, grpExclLondon))
		}
		if r.Remote {
			dst = append(dst, e.group(m, tech, r.Country, WorkFromHome, grpRemote))
		}
	}
	return dst
}

// in reports whether g is of scope s's population, market m and country.
func (g *group) in(s Scope, m uint8) bool {
	return g.market == m && g.tech == s.Tech && (s.Country == "" || g.country == s.Country)
}

// companyNumber numbers an advertiser, adding it when new; "" is 0.
func (e *Engine) companyNumber(c string) uint32 {
	if c == "" {
		return 0
	}
	if id, ok := e.compIdx[c]; ok {
		return id
	}
	if len(e.comps) == 0 {
		e.comps = append(e.comps, "")
	}
	id := uint32(len(e.comps))
	e.comps = append(e.comps, c)
	e.compIdx[c] = id
	return id
}

func (e *Engine) currency(c string) uint8 {
	if id, ok := e.curIdx[c]; ok {
		return id
	}
	if len(e.curs) >= otherCurrency {
		return otherCurrency // past 255 currencies, the rest share one number no scope asks for
	}
	id := uint8(len(e.curs))
	e.curs = append(e.curs, c)
	e.curIdx[c] = id
	return id
}

// salaryFigures returns the figure an ad of market m contributes: the annual midpoint of a year,
// month or week salary (permanent), the day-rate midpoint (contract); and, for contract, the hour
// rate shown apart. Each comes with its state: none, plausible or outside the bounds of docs/figures.md.
func salaryFigures(m uint8, r *Record) (v float64, vs uint8, h float64, hs uint8) {
	if r.Period == "" {
		return 0, salNone, 0, salNone
	}
	mid := (r.Min + r.Max) / 2
	state := func(x, lo, hi float64) uint8 {
		if x >= lo && x <= hi {
			return salOK
		}
		return salImplausible
	}
	switch m {
	case mktPermanent:
		switch r.Period {
		case jobscope.PeriodYear:
			v = mid
		case jobscope.PeriodMonth:
			v = mid * 12
		case jobscope.PeriodWeek:
			v = mid * 52
		default:
			return 0, salNone, 0, salNone
		}
		return v, state(v, 10_000, 1_000_000), 0, salNone
	case mktContract:
		switch r.Period {
		case jobscope.PeriodDay:
			return mid, state(mid, 50, 5_000), 0, salNone
		case jobscope.PeriodHour:
			return 0, salNone, mid, state(mid, 5, 1_000)
		}
	}
	return 0, salNone, 0, salNone
}

// Seniorities, WorkModes and IR35s are the values an ad's facets take, in their order of the facet
// column's codes (0 being unknown, then 1 for the first).
var (
	Seniorities = []string{"intern", "graduate", "junior", "mid", "senior", "lead", "principal", "head"}
	WorkModes   = []string{"remote", "hybrid", "onsite"}
	IR35s       = []string{"inside", "outside"}
)

// facetOf packs a record's seniority, work mode and IR35 into a facet byte.
func facetOf(r *Record) uint8 {
	return uint8(code(Seniorities, r.Seniority)) | uint8(code(WorkModes, r.WorkMode))<<4 | uint8(code(IR35s, r.IR35))<<6
}

// code is 1 plus the index of v in values, 0 when absent.
func code(values []string, v string) int {
	for i, x := range values {
		if x == v {
			return i + 1
		}
	}
	return 0
}

// Facets of ad id (IR35, in the top bits, is kept for the contract tables by IR35).
func (e *Engine) seniorityOf(id uint32) uint8 { return e.facet[id] & 15 }
func (e *Engine) workModeOf(id uint32) uint8  { return e.facet[id] >> 4 & 3 }
func (e *Engine) ir35Of(id uint32) uint8      { return e.facet[id] >> 6 }

// plausibleValue is the okv column's entry: the figure when plausible, NaN otherwise.
func plausibleValue(v float64, state uint8) float64 {
	if state == salOK {
		return v
	}
	return math.NaN()
}

func (e *Engine) appendAd(b *batch, r *Record) {
	id := uint32(len(e.seq))
	d := dayOf(r.Posted)
	cl := int32(noDay)
	if !r.Closed.IsZero() {
		cl = dayOf(r.Closed)
		if life := cl - d; life > e.maxLife {
			e.maxLife = life
		}
	}
	m := marketCode(r.Type)
	v, vs, h, hs := salaryFigures(m, r)
	e.seq = append(e.seq, r.Seq)
	e.dead = append(e.dead, false)
	e.day = append(e.day, d)
	e.closed = append(e.closed, cl)
	e.market = append(e.market, m)
	e.facet = append(e.facet, facetOf(r))
	e.company = append(e.company, e.companyNumber(r.Company))
	cur := e.currency(r.Currency)
	e.sal = append(e.sal, adSalary{val: v, hour: h, cur: cur, vstate: vs, hstate: hs,
		london: r.Region == London})
	e.okv = append(e.okv, plausibleValue(v, vs))
	e.cur = append(e.cur, cur)

	if len(e.termOff) == 0 {
		e.termOff = append(e.termOff, 0)
		e.grpOff = append(e.grpOff, 0)
	}
	start := len(e.termIDs)
	e.termIDs = e.adTerms(r, e.termIDs)
	ts := e.termIDs[start:]
	e.termOff = append(e.termOff, uint32(len(e.termIDs)))
	e.titleOf = append(e.titleOf, e.titleIn(ts))
	e.catMask = append(e.catMask, e.maskOf(ts))
	for _, t := range ts {
		ti := &e.terms[t]
		ti.ads++
		if d == zeroDay {
			ti.undated++
		}
		if m == mktNone {
			ti.noMarket++
		}
	}
	gstart := len(e.grpIDs)
	if m != mktNone {
		e.grpIDs = e.adGroups(m, r, e.grpIDs)
	}
	e.grpOff = append(e.grpOff, uint32(len(e.grpIDs)))
	e.seqIdx[r.Seq] = id
	e.live++
	if d > e.maxDay {
		e.maxDay = d
	}
	for _, gid := range e.grpIDs[gstart:] {
		g := e.groups[gid]
		e.put(b, g.all, id)
		for _, t := range ts {
			e.put(b, g.termList(t), id)
		}
		if g.kind == grpCountry {
			for i, t := range ts {
				c := e.terms[t].cat
				if !seenCat(e, ts[:i], c) {
					e.put(b, g.catList(c), id)
				}
			}
		}
	}
}

// seenCat reports whether any of ts is of category c.
func seenCat(e *Engine, ts []uint32, c uint32) bool {
	for _, t := range ts {
		if e.terms[t].cat == c {
			return true
		}
	}
	return false
}

func (e *Engine) put(b *batch, l *list, id uint32) {
	e.touch(b, l)
	l.ids = append(l.ids, id)
}

func (g *group) termList(t uint32) *list {
	if int(t) >= len(g.terms) {
		g.terms = append(g.terms, make([]*list, int(t)+1-len(g.terms))...)
	}
	if g.terms[t] == nil {
		g.terms[t] = &list{}
	}
	return g.terms[t]
}

func (g *group) catList(c uint32) *list {
	if int(c) >= len(g.cats) {
		g.cats = append(g.cats, make([]*list, int(c)+1-len(g.cats))...)
	}
	if g.cats[c] == nil {
		g.cats[c] = &list{}
	}
	return g.cats[c]
}

// remove tombstones ad id and marks the lists holding it; finish filters them.
func (e *Engine) remove(b *batch, id uint32) {
	if e.dead[id] {
		return
	}
	e.dead[id] = true
	delete(e.seqIdx, e.seq[id])
	e.live--
	if e.day[id] == e.maxDay {
		b.maxRemoved = true
	}
	ts := e.termIDs[e.termOff[id]:e.termOff[id+1]]
	for _, t := range ts {
		ti := &e.terms[t]
		ti.ads--
		if e.day[id] == zeroDay {
			ti.undated--
		}
		if e.market[id] == mktNone {
			ti.noMarket--
		}
	}
	mark := func(l *list) {
		e.touch(b, l)
		l.removed = true
	}
	for _, gid := range e.grpIDs[e.grpOff[id]:e.grpOff[id+1]] {
		g := e.groups[gid]
		mark(g.all)
		for _, t := range ts {
			mark(g.terms[t])
		}
		if g.kind == grpCountry {
			for _, t := range ts {
				mark(g.cats[e.terms[t].cat])
			}
		}
	}
}

func (e *Engine) finish(b *batch) {
	var keys []uint64
	var buf []uint32
	for _, l := range b.touched {
		keys, buf = e.fix(l, keys, buf)
	}
	if b.maxRemoved {
		e.maxDay = noDay
		for i, d := range e.day {
			if !e.dead[i] && d > e.maxDay {
				e.maxDay = d
			}
		}
	}
	e.version++
}

// key orders ads by posting day, then number.
func (e *Engine) key(id uint32) uint64 {
	return uint64(uint32(e.day[id])^0x80000000)<<32 | uint64(id)
}

// fix puts a touched list back in order: dead ads out, the new tail sorted and merged in.
func (e *Engine) fix(l *list, keys []uint64, buf []uint32) ([]uint64, []uint32) {
	ids, base := l.ids, l.base
	if l.removed {
		w, nb := 0, -1
		for i, id := range ids {
			if i == base {
				nb = w
			}
			if !e.dead[id] {
				ids[w] = id
				w++
			}
		}
		if nb < 0 {
			nb = w
		}
		ids, base = ids[:w], nb
	}
	tail := ids[base:]
	sorted := true
	for i := 1; i < len(tail); i++ {
		if e.key(tail[i]) < e.key(tail[i-1]) {
			sorted = false
			break
		}
	}
	if !sorted {
		keys = keys[:0]
		for _, id := range tail {
			keys = append(keys, e.key(id))
		}
		slices.Sort(keys)
		for i, k := range keys {
			tail[i] = uint32(k)
		}
	}
	if base > 0 && len(tail) > 0 && e.key(tail[0]) < e.key(ids[base-1]) {
		k0 := e.key(tail[0])
		p, _ := slices.BinarySearchFunc(ids[:base], k0, func(id uint32, k uint64) int { return cmp.Compare(e.key(id), k) })
		buf = buf[:0]
		i, j := p, base
		for i < base && j < len(ids) {
			if e.key(ids[j]) < e.key(ids[i]) {
				buf = append(buf, ids[j])
				j++
			} else {
				buf = append(buf, ids[i])
				i++
			}
		}
		buf = append(buf, ids[i:base]...)
		buf = append(buf, ids[j:]...)
		copy(ids[p:], buf)
	}
	if cap(ids) > 2*len(ids)+64 {
		ids = slices.Clip(slices.Clone(ids))
	}
	l.ids = ids
	return keys, buf
}

// upper returns the number of ads in l posted on or before day d.
func (e *Engine) upper(l *list, d int32) int {
	if l == nil {
		return 0
	}
	ids := l.ids
	lo, hi := 0, len(ids)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if e.day[ids[m]] <= d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// span returns the index range of l's ads posted in (from, to].
func (e *Engine) span(l *list, from, to int32) (int, int) {
	if l == nil {
		return 0, 0
	}
	return e.upper(l, from), e.upper(l, to)
}

func (e *Engine) count(l *list, from, to int32) int {
	a, b := e.span(l, from, to)
	return b - a
}

// dayOf is the calendar date of t, in t's own location, as days since 1970-01-01.
func dayOf(t time.Time) int32 {
	y, m, d := t.Date()
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayTime(d int32) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }
