// Package market answers questions about the job market from a store of ads: it is the one seam the
// command line, the web server and the hiring tools call. Opened from a Config, a Service owns the
// store's statistics engine (loaded from its snapshot, caught up with the store, refreshed on
// demand), resolves the terms people name, checks every input and computes every figure. Errors a
// user can act on are *Error values with a Code, so that each surface maps them its own way.
package market

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"jobscope"
	"jobscope/extract"
	"jobscope/ingest/read"
	"jobscope/stats"
	"jobscope/store"
	"jobscope/taxonomy"
)

// Config says what a Service opens and how.
type Config struct {
	// DB is the store: a SQLite file path (which must exist: a Service never creates a store) or a
	// postgres:// URL.
	DB string
	// NoSnapshot rebuilds the engine from the store instead of starting from its snapshot.
	NoSnapshot bool
	// Taxonomy gives the aliases terms are resolved by; nil is the default taxonomy.
	Taxonomy *taxonomy.Taxonomy
	// Now is the clock dates are checked against; nil is time.Now.
	Now func() time.Time
	// Log receives warnings (a snapshot not used or not written); nil discards them.
	Log *slog.Logger
}

// Service is an open store and its market. Its methods may be called from many goroutines.
type Service struct {
	cfg   Config
	st    jobscope.Store
	owned bool         // Close closes st
	mu    sync.RWMutex // guards en, res, load
	en    *stats.Engine
	res   *Resolver
	load  LoadInfo
	state jobscope.StoreState

	exOnce sync.Once
	ex     *extract.Extractor // for showing where an ad's skills were found; see extractor
}

// Open opens the store cfg names and loads its market. A store that does not exist, or holds no
// ads, is a NotFound Error; one that cannot be reached is Unavailable.
func Open(ctx context.Context, cfg Config) (*Service, error) {
	st, err := OpenExisting(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	s, err := FromStore(ctx, cfg, st)
	if err != nil {
		st.Close()
		return nil, err
	}
	s.owned = true
	return s, nil
}

// FromStore is Open over a store the caller has open (at cfg.DB) and keeps: Close leaves it open.
func FromStore(ctx context.Context, cfg Config, st jobscope.Store) (*Service, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Taxonomy == nil {
		tax, err := taxonomy.Default()
		if err != nil {
			return nil, err
		}
		cfg.Taxonomy = tax
	}
	s := &Service{cfg: cfg, st: st}
	if err := s.reload(ctx); err != nil {
		return nil, err
	}
	if s.en.Len() == 0 {
		return nil, &Error{Code: NotFound, Message: "the store holds no ads: run `jobscope ingest` first"}
	}
	return s, nil
}

// OpenExisting opens the store at db for reading: a SQLite file that does not exist is a NotFound
// Error, never created empty.
func OpenExisting(ctx context.Context, db string) (jobscope.Store, error) {
	if !store.IsPostgres(db) {
		path := strings.TrimPrefix(db, "sqlite://")
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{Code: NotFound, Message: fmt.Sprintf(
				"no store at %s: ingest ads into it first (jobscope --db %s ingest FILE), or name another with --db", path, db)}
		}
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return nil, &Error{Code: Unavailable, Message: "open " + Redact(db), Err: err}
	}
	return st, nil
}

// reload loads the engine (see LoadEngine) and indexes its terms.
func (s *Service) reload(ctx context.Context) error {
	en, how, err := LoadEngine(ctx, s.st, s.cfg.DB, s.cfg.NoSnapshot, s.cfg.Log)
	if err != nil {
		return &Error{Code: Unavailable, Message: "load the statistics engine", Err: err}
	}
	s.mu.Lock()
	s.en, s.load, s.state = en, how, how.State
	s.res = NewResolver(en.Terms(), s.cfg.Taxonomy)
	s.mu.Unlock()
	return nil
}

// Refresh catches the engine up with what other processes wrote to the store since it was loaded
// or last refreshed, and reports how many ads it read.
func (s *Service) Refresh(ctx context.Context) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, state, err := CatchUp(ctx, s.st, s.en, s.state.ChangeSeq)
	if err != nil {
		return n, &Error{Code: Unavailable, Message: "catch up with the store", Err: err}
	}
	s.state = state
	if n > 0 {
		s.res = NewResolver(s.en.Terms(), s.cfg.Taxonomy)
	}
	return n, nil
}

// Close closes the store, when the service opened it.
func (s *Service) Close() error {
	if !s.owned {
		return nil
	}
	return s.st.Close()
}

// Store is the open store, for what the service does not answer itself (info, rejects).
func (s *Service) Store() jobscope.Store { return s.st }

// Engine is the loaded statistics engine.
func (s *Service) Engine() *stats.Engine {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.en
}

// Loaded says how the engine was loaded.
func (s *Service) Loaded() LoadInfo {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.load
}

// Terms lists the terms the ads cite.
func (s *Service) Terms() []jobscope.Term { return s.Engine().Terms() }

// Resolve finds the term a user named (see Resolver.Resolve).
func (s *Service) Resolve(name string, kind jobscope.TermKind) (jobscope.Term, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.res.Resolve(name, kind)
}

// ScopeInput is a market question's scope as a user writes it: market ("permanent" or
// "contract"), country ("GB", "US" or "all", any case) and as-of date (YYYY-MM-DD, "" for the
// newest posting date of a canonical ad).
type ScopeInput struct {
	Market, Country, AsOf string
	// Baseline is the population: "tech" (every tech job), "all" (every job) or "" for the default,
	// the tech jobs (see BaselineFor).
	Baseline string
}

// Baselines are the values of ScopeInput.Baseline.
var Baselines = []string{"tech", "all"}

// MinYear is the first year a date may be in: ingest's window.
const MinYear = read.MinYear

// countries are the countries figures are given for, with their currencies.
var countries = []string{"GB", "US"}

// Scope checks in and returns the scope and the as-of date (zero for the default). Each bad value
// is an Invalid Error that lists what is valid.
func (s *Service) Scope(in ScopeInput) (stats.Scope, time.Time, error) {
	return ParseScope(in, s.cfg.Now())
}

// ParseScope checks in as of the day now: see Service.Scope.
func ParseScope(in ScopeInput, now time.Time) (stats.Scope, time.Time, error) {
	if in.Market == "" {
		in.Market = string(stats.MarketPermanent)
	}
	if in.Market != string(stats.MarketPermanent) && in.Market != string(stats.MarketContract) {
		return stats.Scope{}, time.Time{}, invalidf(fmt.Sprintf("unknown market %q: want permanent or contract", in.Market))
	}
	scope := stats.Scope{Market: stats.Market(in.Market), Country: strings.ToUpper(in.Country)}
	switch scope.Country {
	case "ALL":
		scope.Country = ""
	case "UK":
		scope.Country = "GB"
	case "":
		scope.Country = "GB"
	default:
		known := false
		for _, c := range countries {
			known = known || c == scope.Country
		}
		if !known {
			return scope, time.Time{}, invalidf(fmt.Sprintf("unknown country %q: want GB, US or all", in.Country))
		}
	}
	scope.Currency = stats.CurrencyOf(scope.Country)
	if in.Baseline != "" {
		b, err := oneOf("baseline", in.Baseline, Baselines)
		if err != nil {
			return scope, time.Time{}, err
		}
		in.Baseline = b
	}
	scope.Tech = in.Baseline != "all"
	var d time.Time
	if in.AsOf != "" {
		var err error
		if d, err = time.Parse(time.DateOnly, in.AsOf); err != nil {
			return scope, time.Time{}, invalidf(fmt.Sprintf("as-of %q: want a date YYYY-MM-DD", in.AsOf))
		}
		// The zero date would mean "the default"; no ad is dated outside ingest's window.
		if d.Year() < MinYear || d.After(now.AddDate(1, 0, 0)) {
			return scope, time.Time{}, invalidf(fmt.Sprintf("as-of %s: want a date from %d to a year from today", in.AsOf, MinYear))
		}
	}
	return scope, d, nil
}

// BaselineFor returns scope with the population a page of term is best drawn from when the
// question named none (baseline ""): the tech jobs, as on IT Jobs Watch, unless most of the term's
// ads in the scope are not tech jobs (Staff Nurse, Chef), whose page is then of every job. A
// baseline asked for is kept.
func (s *Service) BaselineFor(term jobscope.Term, baseline string, scope stats.Scope) stats.Scope {
	if baseline != "" {
		return scope
	}
	all, tech, err := s.Engine().TechShare(term.Kind, term.Name, scope)
	scope.Tech = err != nil || 2*tech >= all
	return scope
}

// BaselineForAll is BaselineFor for terms compared side by side, which share one population: the
// tech jobs unless most ads of every one of them are not tech jobs.
func (s *Service) BaselineForAll(terms []jobscope.Term, baseline string, scope stats.Scope) stats.Scope {
	if baseline != "" {
		return scope
	}
	for _, t := range terms {
		if s.BaselineFor(t, "", scope).Tech {
			return scope
		}
	}
	scope.Tech = false
	return scope
}

// DefaultMinSalaries is the fewest salary figures a percentile or median is given over, unless a
// question says otherwise: below it the count is shown and the figure is not.
const DefaultMinSalaries = 10

// Page computes every figure of a term's page as of asOf (zero: the newest canonical ad, so that
// copies posted later on other boards never move the periods), hiding the percentiles and medians
// over fewer than minSalaries salaries (see stats.Query.MinSalaries).
func (s *Service) Page(term jobscope.Term, scope stats.Scope, asOf time.Time, minSalaries int) (*stats.Page, error) {
	return s.CutPage(term, scope, asOf, minSalaries, stats.Cut{})
}

// CutInput is a cut as a user writes it (see stats.Cut): names in any case or punctuation, a
// title or skill by any alias, a location as a place, county, region, nation, "GB excluding
// London" or "Work from Home".
type CutInput struct {
	Location, Seniority, WorkMode, Title, Skill string
	IR35                                        string // inside or outside
	Company                                     string // an advertiser, in any case or punctuation
}

// Cut resolves in within scope: each name to the engine's, or an Invalid (an unknown level or
// mode, listing the valid ones) or NotFound (a name no ad cites, with suggestions) Error.
func (s *Service) Cut(in CutInput, scope stats.Scope) (stats.Cut, error) {
	var c stats.Cut
	var err error
	if in.Seniority != "" {
		if c.Seniority, err = oneOf("seniority", in.Seniority, stats.Seniorities); err != nil {
			return c, err
		}
	}
	if in.IR35 != "" {
		if c.IR35, err = oneOf("IR35 status", in.IR35, stats.IR35s); err != nil {
			return c, err
		}
	}
	if in.Company != "" {
		if c.Company, err = s.company(in.Company); err != nil {
			return c, err
		}
	}
	if in.WorkMode != "" {
		modes := append(stats.WorkModes[:len(stats.WorkModes):len(stats.WorkModes)], "on-site", "office")
		if c.WorkMode, err = oneOf("work mode", in.WorkMode, modes); err != nil {
			return c, err
		}
		if c.WorkMode == "on-site" || c.WorkMode == "office" {
			c.WorkMode = "onsite"
		}
	}
	for _, f := range []struct {
		in   string
		kind jobscope.TermKind
		out  *string
	}{{in.Title, jobscope.KindTitle, &c.Title}, {in.Skill, jobscope.KindSkill, &c.Skill}} {
		if f.in == "" {
			continue
		}
		t, err := s.Resolve(f.in, f.kind)
		if err != nil {
			return c, err
		}
		*f.out = t.Name
	}
	if in.Location != "" {
		// Most places are no location group: look them up without making oneOf's suggestions.
		if g, ok := find(in.Location, s.Engine().Locations(scope)); ok {
			c.Location = g
		} else {
			t, err := s.Resolve(in.Location, jobscope.KindLocation)
			if err != nil {
				return c, err
			}
			c.Location = t.Name
		}
	}
	return c, nil
}

// company resolves an advertiser's name as the ads write it, in any case or punctuation ("acme
// ltd" is "ACME Ltd."); a NotFound Error with the likeliest names when no ad names it.
func (s *Service) company(name string) (string, error) {
	k := Key(name)
	comps := s.Engine().Companies()
	var cands []Candidate
	for _, c := range comps {
		if Key(c.Name) == k {
			return c.Name, nil
		}
		cands = append(cands, Candidate{Name: c.Name})
	}
	return "", &Error{Code: NotFound, Message: fmt.Sprintf("no ads name the company %q", name),
		Suggestions: Suggest(name, cands, 5)}
}

// Lifetimes is how long the term's ads of the latest period, within cut c, stayed open where their
// closing date is known (see stats.Lifetimes), the median hidden below minSalaries ads.
func (s *Service) Lifetimes(term jobscope.Term, scope stats.Scope, asOf time.Time, minSalaries int, c stats.Cut) (stats.Lifetimes, error) {
	l, err := s.Engine().Lifetimes(stats.Query{Kind: term.Kind, Term: term.Name, Scope: scope, AsOf: asOf, MinSalaries: minSalaries, Cut: c})
	if err != nil {
		return l, &Error{Code: NotFound, Message: err.Error()}
	}
	return l, nil
}

// WithSkills counts the term's ads of the latest period within cut c, and those citing any skill.
func (s *Service) WithSkills(term jobscope.Term, scope stats.Scope, asOf time.Time, c stats.Cut) (jobs, withSkills int, err error) {
	jobs, withSkills, err = s.Engine().WithSkills(stats.Query{Kind: term.Kind, Term: term.Name, Scope: scope, AsOf: asOf, Cut: c})
	if err != nil {
		return 0, 0, &Error{Code: NotFound, Message: err.Error()}
	}
	return jobs, withSkills, nil
}

// Span is the term's figures over the months to asOf within cut c (see stats.Engine.Span).
func (s *Service) Span(term jobscope.Term, scope stats.Scope, asOf time.Time, minSalaries int, c stats.Cut, months int) (stats.Figures, error) {
	f, err := s.Engine().Span(stats.Query{Kind: term.Kind, Term: term.Name, Scope: scope, AsOf: asOf, MinSalaries: minSalaries, Cut: c}, months)
	if err != nil {
		return f, &Error{Code: NotFound, Message: err.Error()}
	}
	return f, nil
}

// CutPage is Page narrowed by cut c (see stats.Cut): every figure within the ads c keeps.
func (s *Service) CutPage(term jobscope.Term, scope stats.Scope, asOf time.Time, minSalaries int, c stats.Cut) (*stats.Page, error) {
	if minSalaries < 0 {
		return nil, invalidf(fmt.Sprintf("min-salaries %d: want 0 or more", minSalaries))
	}
	p, err := s.Engine().Page(stats.Query{Kind: term.Kind, Term: term.Name, Scope: scope, AsOf: asOf, MinSalaries: minSalaries, Cut: c})
	if err != nil {
		return nil, &Error{Code: NotFound, Message: err.Error()}
	}
	return p, nil
}

// Index ranks every term of a kind (see stats.Engine.Index); a bad kind, category, location or sort
// is an Invalid Error.
func (s *Service) Index(q stats.IndexQuery) (*stats.Index, error) {
	switch q.Kind {
	case "", jobscope.KindSkill, jobscope.KindTitle, jobscope.KindLocation:
	default:
		return nil, invalidf(fmt.Sprintf("unknown kind %q: want skill, title or location", q.Kind))
	}
	if q.MinSalaries < 0 || q.MinJobs < 0 {
		return nil, invalidf("min-salaries and min-jobs: want 0 or more")
	}
	en := s.Engine()
	if q.Category != "" {
		cats := append(taxonomy.Categories(), taxonomy.CatInferred, stats.TitleCategory, stats.LocationCategory)
		c, err := oneOf("category", q.Category, cats)
		if err != nil {
			return nil, err
		}
		q.Category = c
	}
	if q.Location != "" {
		// A location group (London, Scotland) ranks within its own lists; any other place or
		// county the ads name ranks within a cut by it.
		if l, err := oneOf("location", q.Location, en.Locations(q.Scope)); err == nil && q.Cut.Location == "" {
			q.Location = l
		} else {
			if q.Cut.Location != "" {
				return nil, invalidf("a location and a cut by location: choose one")
			}
			t, rerr := s.Resolve(q.Location, jobscope.KindLocation)
			if rerr != nil {
				var ge, re *Error
				if errors.As(err, &ge) && errors.As(rerr, &re) {
					ge.Message += ", or a place or county the ads name"
					ge.Suggestions = append(re.Suggestions, ge.Suggestions...)
					return nil, ge
				}
				return nil, rerr
			}
			q.Location, q.Cut.Location = "", t.Name
		}
	}
	idx, err := en.Index(q)
	if err != nil {
		return nil, &Error{Code: Invalid, Message: err.Error()}
	}
	return idx, nil
}

// oneOf returns the one of valid that v names in any case or punctuation ("cloud services",
// "scotland"), or an Invalid Error listing them, with the likeliest first as suggestions.
func oneOf(what, v string, valid []string) (string, error) {
	if c, ok := find(v, valid); ok {
		return c, nil
	}
	var cands []Candidate
	for _, c := range valid {
		cands = append(cands, Candidate{Name: c})
		for _, w := range strings.Fields(c) { // "cloud" suggests "Cloud Services"
			cands = append(cands, Candidate{Name: c, Key: Key(w)})
		}
	}
	return "", &Error{Code: Invalid, Message: fmt.Sprintf("unknown %s %q: want one of %s", what, v, strings.Join(valid, ", ")),
		Suggestions: Suggest(v, cands, 3)}
}

// find returns the value of valid that v names in any case or punctuation (see Key).
func find(v string, valid []string) (string, bool) {
	k := Key(v)
	for _, c := range valid {
		if Key(c) == k {
			return c, true
		}
	}
	return "", false
}

// Compare computes the pages of several terms side by side (minSalaries as for Page).
func (s *Service) Compare(terms []jobscope.Term, scope stats.Scope, asOf time.Time, minSalaries int) ([]*stats.Page, error) {
	if minSalaries < 0 {
		return nil, invalidf(fmt.Sprintf("min-salaries %d: want 0 or more", minSalaries))
	}
	refs := make([]stats.TermRef, len(terms))
	for i, t := range terms {
		refs[i] = stats.TermRef{Kind: t.Kind, Name: t.Name}
	}
	pages, err := s.Engine().Compare(scope, asOf, refs, minSalaries)
	if err != nil {
		return nil, &Error{Code: NotFound, Message: err.Error()}
	}
	return pages, nil
}
