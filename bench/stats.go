package bench

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"jobscope"
	"jobscope/gen"
	"jobscope/ingest"
	"jobscope/internal/cputime"
	"jobscope/market"
	"jobscope/stats"
)

// groups are the SQL figure groups of a page, in the order they are shown.
var groups = [...]string{"periods", "ranks", "baseline", "cooccurring", "locations", "trend", "histogram"}

// Groups returns the SQL figure groups of a page that RunStats times apart, in the order they are
// shown: the keys of StoreReport.Groups.
func Groups() []string { return slices.Clone(groups[:]) }

// StatsConfig is what RunStats measures, and the command's helpers it needs to fill the stores.
type StatsConfig struct {
	// Ads is how many ads each store should hold: one holding fewer is filled with that many
	// generated ads (seed 2026, three years, 5% reposts).
	Ads int
	// DB names the first store (reported as "sqlite"), whose engine is the one measured and
	// queried; Postgres, when not "", a second store the SQL path also runs on.
	DB, Postgres string
	// Terms is how many terms are sampled, Runs the timed runs of each engine measurement after a
	// warm-up.
	Terms, Runs int
	// SQLTerms bounds the SQL path to the first sampled terms (0: all), SQLRuns its timed runs of
	// each figure group after the check (0: Runs): it is far slower than the engine.
	SQLTerms, SQLRuns int
	// Scope is the market and country of every page and of the index.
	Scope stats.Scope

	// Open opens (creating when need be) the store a DSN names.
	Open func(ctx context.Context, dsn string) (jobscope.Store, error)
	// Ingest ingests files into the store, showing its progress as the command does.
	Ingest func(ctx context.Context, st jobscope.Store, files []string) (ingest.Summary, error)
	// Log receives progress lines ("Generating 50000 ads..."); nil discards them.
	Log io.Writer
}

// StatsReport is what RunStats measured: the engine's build and its pages' timings, and each
// store's SQL path beside them, with every figure that differs between the two.
type StatsReport struct {
	Ads        int            `json:"ads"`
	Market     stats.Market   `json:"market"`
	Country    string         `json:"country"`
	AsOf       string         `json:"as_of"`
	Engine     EngineReport   `json:"engine"`
	Terms      []TermReport   `json:"terms"`
	Stores     []*StoreReport `json:"stores"`
	Runs       int            `json:"runs"`      // timed runs of each engine measurement, after a warm-up
	SQLTerms   int            `json:"sql_terms"` // the first sampled terms the SQL path ran for
	SQLRuns    int            `json:"sql_runs"`  // timed runs of each SQL group, after the check
	Mismatches int            `json:"mismatches"`
}

// EngineReport is the engine's side: its rebuild from the first store, the memory it holds, and
// its pages and index timed.
type EngineReport struct {
	RebuildMS   float64 `json:"rebuild_ms"`
	HeapInuseMB float64 `json:"heap_inuse_mb"` // right after the rebuild, garbage included
	HeapLiveMB  float64 `json:"heap_live_mb"`  // after a collection: what the engine (and the store) keep
	SysMB       float64 `json:"sys_mb"`
	MaxRSSMB    float64 `json:"max_rss_mb"` // the process's peak, ingest included when it ran here
	Page        Timing  `json:"page"`       // every sampled term's page, every run
	Index       Timing  `json:"index"`
	// SkillPage is Page over the sampled skills only: the whole pages the cut pages are cuts of.
	SkillPage Timing `json:"skill_page"`
	// Cuts are the sampled skills' pages cut, one entry a cut (see CutReport).
	Cuts []CutReport `json:"cuts"`
}

// StoreReport is one store the SQL path runs on: how it was filled, the engine's rebuild and
// start-up from it, and its SQL figure groups timed.
type StoreReport struct {
	Name      string  `json:"name"` // sqlite or postgres
	DB        string  `json:"db"`
	Ads       int     `json:"ads"`
	Ingest    string  `json:"ingest,omitempty"` // the ingest summary when ads were added
	IngestMS  float64 `json:"ingest_ms,omitempty"`
	RebuildMS float64 `json:"engine_rebuild_ms"` // Records into a new engine
	// The engine's snapshot: writing it, its size, and a start-up from it (load and catch up with
	// the store, as a command does).
	SnapshotSaveMS float64           `json:"engine_snapshot_save_ms"`
	SnapshotMB     float64           `json:"engine_snapshot_mb"`
	SnapshotLoadMS float64           `json:"engine_snapshot_load_ms"`
	Groups         map[string]Timing `json:"groups"` // SQL figure groups, over every term and run
	Page           Timing            `json:"page"`   // every group of a page, summed per run
	Index          Timing            `json:"index"`
	Mismatch       []string          `json:"mismatches"`

	st  jobscope.Store
	sql stats.SQLStats
	raw map[string][]time.Duration
}

// TermReport is one sampled term's timings: its engine page, and its SQL page in each store
// when the SQL path ran for it.
type TermReport struct {
	Term   string             `json:"term"`
	Kind   jobscope.TermKind  `json:"kind"`
	Ads    int                `json:"ads"` // ads citing it, every market
	Jobs   int                `json:"jobs"`
	Engine Timing             `json:"engine"`
	SQL    map[string]float64 `json:"sql_page_p50_ms"` // by store
}

// CutReport is one cut of the sampled skills' pages, timed on the engine only (the SQL path
// computes uncut pages): what a visitor narrowing a page to London, a seniority or a title waits
// for, beside the whole page.
type CutReport struct {
	// Cut names the cut ("location London", "title Backend Developer, location London, seniority
	// senior"); Narrowing is the cut itself, as the engine is asked it.
	Cut       string    `json:"cut"`
	Narrowing stats.Cut `json:"narrowing"`
	// Timing is over every page timed with this cut and every run.
	Timing
	// Pages are the sampled skills' pages with this cut, in the sample's order.
	Pages []CutPage `json:"pages"`
}

// CutPage is one skill's page with a cut: its jobs and timings, or why it was skipped (the engine
// refuses a cut no ad matches: a title no ad cites, a location that is neither a group of the
// scope nor a place the ads name).
type CutPage struct {
	Term    string `json:"term"`
	Jobs    int    `json:"jobs"` // in the latest period, within the cut
	Engine  Timing `json:"engine"`
	Skipped string `json:"skipped,omitempty"`
}

// RunStats fills the stores when they hold fewer than cfg.Ads ads, rebuilds the engine from each,
// times its snapshot, then times the engine's pages for a sample of cfg.Terms terms, the sampled
// skills' pages cut, and the skill index, and computes, checks and times the same figures by SQL
// in each store. Figures that differ are in the report (Mismatches), not an error.
func RunStats(ctx context.Context, cfg StatsConfig) (*StatsReport, error) {
	if cfg.Ads <= 0 || cfg.Terms <= 0 || cfg.Runs <= 0 {
		return nil, errors.New("bench stats: the ads, terms and runs must be positive")
	}
	if cfg.SQLTerms <= 0 || cfg.SQLTerms > cfg.Terms {
		cfg.SQLTerms = cfg.Terms
	}
	if cfg.SQLRuns <= 0 {
		cfg.SQLRuns = cfg.Runs
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	rep := &StatsReport{Ads: cfg.Ads, Market: cfg.Scope.Market, Country: cfg.Scope.Country, Runs: cfg.Runs,
		SQLTerms: cfg.SQLTerms, SQLRuns: cfg.SQLRuns}
	f := &filler{cfg: cfg}
	defer f.close()
	defer func() {
		for _, bs := range rep.Stores {
			bs.st.Close()
		}
	}()
	stores := []struct{ name, db string }{{"sqlite", cfg.DB}}
	if cfg.Postgres != "" {
		stores = append(stores, struct{ name, db string }{"postgres", cfg.Postgres})
	}
	for _, s := range stores {
		bs, err := f.fill(ctx, s.name, s.db)
		if bs != nil && bs.st != nil {
			rep.Stores = append(rep.Stores, bs)
		}
		if err != nil {
			return nil, fmt.Errorf("bench stats: %s: %w", s.name, err)
		}
	}

	// The engine, rebuilt from each store; the first one's is measured and queried.
	var eng *stats.Engine
	for i, bs := range rep.Stores {
		runtime.GC()
		start := time.Now()
		en, state, err := buildEngine(ctx, bs.st)
		if err != nil {
			return nil, fmt.Errorf("bench stats: %s: engine rebuild: %w", bs.Name, err)
		}
		bs.RebuildMS = ms(time.Since(start))
		if i == 0 {
			eng = en
			rep.Engine.RebuildMS = bs.RebuildMS
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			rep.Engine.HeapInuseMB, rep.Engine.SysMB = mb(m.HeapInuse), mb(m.Sys)
			runtime.GC()
			runtime.ReadMemStats(&m)
			rep.Engine.HeapLiveMB = mb(m.HeapAlloc)
			rep.Engine.MaxRSSMB = float64(cputime.PeakRSS()) / (1 << 20)
		}
		if err := timeSnapshot(ctx, bs, en, state); err != nil {
			return nil, fmt.Errorf("bench stats: %s: engine snapshot: %w", bs.Name, err)
		}
	}
	rep.AsOf = eng.LastPosted().Format(time.DateOnly)

	terms := eng.Terms()
	sampled := sample(terms, cfg.Terms)
	var pageRuns, skillRuns []time.Duration
	for _, t := range sampled {
		bt, ds, err := rep.timePage(ctx, eng, t, cfg.Scope, cfg.Runs)
		if err != nil {
			return nil, fmt.Errorf("bench stats: %w", err)
		}
		pageRuns = append(pageRuns, ds...)
		if t.Kind == jobscope.KindSkill {
			skillRuns = append(skillRuns, ds...)
		}
		rep.Terms = append(rep.Terms, bt)
	}
	rep.Engine.Page = TimingOf(pageRuns)
	rep.Engine.SkillPage = TimingOf(skillRuns)
	title, _ := mostCited(terms, jobscope.KindTitle)
	rep.Engine.Cuts = timeCuts(eng, sampled, cfg.Scope, title.Name, cfg.Runs)

	if err := rep.timeIndex(ctx, eng, cfg.Scope, cfg.Runs); err != nil {
		return nil, fmt.Errorf("bench stats: %w", err)
	}
	for _, bs := range rep.Stores {
		for _, g := range groups {
			bs.Groups[g] = TimingOf(bs.raw[g])
		}
		bs.Page = TimingOf(bs.raw["page"])
		rep.Mismatches += len(bs.Mismatch)
		if bs.Mismatch == nil {
			bs.Mismatch = []string{}
		}
	}
	return rep, nil
}

// filler fills the stores of a run with the same generated ads, generated once.
type filler struct {
	cfg  StatsConfig
	file string // the generated ads, once written
}

// fill opens the store db names and, when it holds fewer than the configured ads, ingests the
// generated ads into it. The report it returns holds the open store whenever there is one, error
// or not, for the caller to close.
func (f *filler) fill(ctx context.Context, name, db string) (*StoreReport, error) {
	bs := &StoreReport{Name: name, DB: market.Redact(db), Groups: map[string]Timing{}, raw: map[string][]time.Duration{}}
	st, err := f.cfg.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	bs.st = st
	// Open's errors name the store already; the ones from here on are given its name.
	fail := func(err error) (*StoreReport, error) { return bs, fmt.Errorf("%s: %w", bs.DB, err) }
	sq, ok := st.(stats.SQLStore)
	if !ok {
		return fail(errors.New("the store does not compute statistics by SQL"))
	}
	bs.sql = sq.SQLStats()
	in, err := st.Info(ctx)
	if err != nil {
		return fail(err)
	}
	if in.Ads < f.cfg.Ads {
		if f.file == "" {
			dir, err := os.MkdirTemp("", "jobscope-bench-")
			if err != nil {
				return fail(err)
			}
			f.file = filepath.Join(dir, "ads.jsonl")
			fmt.Fprintf(f.cfg.Log, "Generating %d ads...\n", f.cfg.Ads)
			if err := writeGenerated(f.file, gen.Config{Ads: f.cfg.Ads, Seed: 2026, Years: 3, Reposts: 0.05}); err != nil {
				return fail(err)
			}
		}
		fmt.Fprintf(f.cfg.Log, "Ingesting into %s (it holds %d ads)...\n", bs.DB, in.Ads)
		start := time.Now()
		sum, err := f.cfg.Ingest(ctx, st, []string{f.file})
		if err != nil {
			return fail(fmt.Errorf("ingest: %w", err))
		}
		bs.IngestMS = ms(time.Since(start))
		bs.Ingest = sum.String()
		if in, err = st.Info(ctx); err != nil {
			return fail(err)
		}
	}
	bs.Ads = in.Ads
	return bs, nil
}

// close removes the generated ads.
func (f *filler) close() {
	if f.file != "" {
		os.RemoveAll(filepath.Dir(f.file))
	}
}

// timePage times term t's engine page and, while the SQL path still runs, checks and times its SQL
// page in every store. It returns the term's report and the engine's timed runs.
func (rep *StatsReport) timePage(ctx context.Context, eng *stats.Engine, t jobscope.Term, scope stats.Scope, runs int) (TermReport, []time.Duration, error) {
	q := stats.Query{Kind: t.Kind, Term: t.Name, Scope: scope}
	var page *stats.Page
	ds, err := timeRuns(runs, func() error {
		p, err := eng.Page(q)
		page = p
		return err
	})
	if err != nil {
		return TermReport{}, nil, fmt.Errorf("%s %q: %w", t.Kind, t.Name, err)
	}
	bt := TermReport{Term: t.Name, Kind: t.Kind, Ads: t.Ads, Jobs: page.Periods[0].Jobs, Engine: TimingOf(ds),
		SQL: map[string]float64{}}
	sq, err := stats.NewSQLQuery(page)
	if err != nil {
		return bt, nil, fmt.Errorf("%s %q: SQL query: %w", t.Kind, t.Name, err)
	}
	if len(rep.Terms) >= rep.SQLTerms {
		return bt, ds, nil
	}
	for _, bs := range rep.Stores {
		// The check computes every group once: it is also the SQL path's warm-up.
		diffs, err := stats.CheckSQL(ctx, bs.sql, page)
		if err != nil {
			return bt, nil, fmt.Errorf("%s: check %q: %w", bs.Name, t.Name, err)
		}
		bs.Mismatch = append(bs.Mismatch, diffs...)
		perRun := make([]time.Duration, rep.SQLRuns)
		for _, g := range groups {
			gs, err := timed(rep.SQLRuns, func() error { return runGroup(ctx, bs.sql, g, sq) })
			if err != nil {
				return bt, nil, fmt.Errorf("%s: %s %q: %s: %w", bs.Name, t.Kind, t.Name, g, err)
			}
			bs.raw[g] = append(bs.raw[g], gs...)
			for i, d := range gs {
				perRun[i] += d
			}
		}
		bs.raw["page"] = append(bs.raw["page"], perRun...)
		bt.SQL[bs.Name] = TimingOf(perRun).P50
	}
	return bt, ds, nil
}

// timeIndex times the engine's skill index, then checks and times it by SQL in every store.
func (rep *StatsReport) timeIndex(ctx context.Context, eng *stats.Engine, scope stats.Scope, runs int) error {
	iq := stats.IndexQuery{Kind: jobscope.KindSkill, Scope: scope}
	var ix *stats.Index
	ds, err := timeRuns(runs, func() error {
		var err error
		ix, err = eng.Index(iq)
		return err
	})
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	rep.Engine.Index = TimingOf(ds)
	asOf, _ := time.Parse(time.DateOnly, ix.AsOf)
	for _, bs := range rep.Stores {
		q := stats.SQLQuery{Kind: jobscope.KindSkill, Scope: scope, Periods: stats.Periods(asOf)}
		diffs, err := stats.CheckSQLIndex(ctx, bs.sql, ix) // and the warm-up
		if err != nil {
			return fmt.Errorf("%s: check index: %w", bs.Name, err)
		}
		bs.Mismatch = append(bs.Mismatch, diffs...)
		ds, err := timed(rep.SQLRuns, func() error { _, err := bs.sql.SQLIndex(ctx, q); return err })
		if err != nil {
			return fmt.Errorf("%s: index: %w", bs.Name, err)
		}
		bs.Index = TimingOf(ds)
	}
	return nil
}

// cutsOf returns the cuts timed on each sampled skill's page: London; senior; the title; and the
// title, London and senior at once, the narrowest page a visitor asks ("Backend Developer ads
// citing Go in London at senior level"). With no title the title's cuts are left out.
func cutsOf(title string) []stats.Cut {
	cuts := []stats.Cut{{Location: stats.London}, {Seniority: "senior"}}
	if title != "" {
		cuts = append(cuts, stats.Cut{Title: title}, stats.Cut{Title: title, Location: stats.London, Seniority: "senior"})
	}
	return cuts
}

// cutName names a cut by its fields, in the order the command's flags are listed.
func cutName(c stats.Cut) string {
	var parts []string
	for _, f := range []struct{ name, value string }{
		{"title", c.Title}, {"skill", c.Skill}, {"location", c.Location}, {"seniority", c.Seniority},
		{"work mode", c.WorkMode}, {"IR35", c.IR35},
	} {
		if f.value != "" {
			parts = append(parts, f.name+" "+f.value)
		}
	}
	return strings.Join(parts, ", ")
}

// timeCuts times, for every sampled skill, its page with each cut of cutsOf(title), runs times
// after a warm-up. A cut the engine refuses for a skill is skipped for it, its reason kept: such a
// cut matches no ad, which is a finding, not a failure of the run.
func timeCuts(eng *stats.Engine, sampled []jobscope.Term, scope stats.Scope, title string, runs int) []CutReport {
	out := []CutReport{}
	for _, c := range cutsOf(title) {
		cr := CutReport{Cut: cutName(c), Narrowing: c, Pages: []CutPage{}}
		var all []time.Duration
		for _, t := range sampled {
			if t.Kind != jobscope.KindSkill {
				continue
			}
			q := stats.Query{Kind: t.Kind, Term: t.Name, Scope: scope, Cut: c}
			var page *stats.Page
			ds, err := timeRuns(runs, func() error {
				p, err := eng.Page(q)
				page = p
				return err
			})
			if err != nil {
				cr.Pages = append(cr.Pages, CutPage{Term: t.Name, Skipped: err.Error()})
				continue
			}
			all = append(all, ds...)
			cr.Pages = append(cr.Pages, CutPage{Term: t.Name, Jobs: page.Periods[0].Jobs, Engine: TimingOf(ds)})
		}
		cr.Timing = TimingOf(all)
		out = append(out, cr)
	}
	return out
}

// buildEngine feeds a new engine every record of the store, as a command does without a snapshot.
func buildEngine(ctx context.Context, st jobscope.Store) (*stats.Engine, jobscope.StoreState, error) {
	en, state, _, err := market.Rebuild(ctx, st)
	if err != nil {
		return nil, state, err
	}
	if en.Len() == 0 {
		return nil, state, errors.New("the store holds no ads")
	}
	return en, state, nil
}

// timeSnapshot times writing the engine's snapshot (to a temporary file) and a start-up from it:
// loading it and catching up with the store, as a command does.
func timeSnapshot(ctx context.Context, bs *StoreReport, en *stats.Engine, state jobscope.StoreState) error {
	dir, err := os.MkdirTemp("", "jobscope-bench-snapshot-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "engine")
	start := time.Now()
	if err := en.SaveSnapshot(path, market.SnapshotLabel(state)); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	bs.SnapshotSaveMS = ms(time.Since(start))
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	bs.SnapshotMB = float64(fi.Size()) / (1 << 20)
	runtime.GC()
	start = time.Now()
	loaded, state2, how, err := market.FromSnapshot(ctx, bs.st, path)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	bs.SnapshotLoadMS = ms(time.Since(start))
	if loaded == nil || loaded.Len() != en.Len() {
		return fmt.Errorf("not usable after writing it (%s; store state %+v)", how.Why, state2)
	}
	return nil
}

// runGroup computes one SQL figure group.
func runGroup(ctx context.Context, s stats.SQLStats, g string, q stats.SQLQuery) error {
	var err error
	switch g {
	case "periods":
		_, err = s.SQLPeriods(ctx, q)
	case "ranks":
		_, err = s.SQLRanks(ctx, q)
	case "baseline":
		_, err = s.SQLBaseline(ctx, q)
	case "cooccurring":
		_, err = s.SQLCooccurring(ctx, q)
	case "locations":
		_, err = s.SQLLocations(ctx, q)
	case "trend":
		_, err = s.SQLTrend(ctx, q)
	case "histogram":
		_, err = s.SQLHistogram(ctx, q)
	default:
		err = fmt.Errorf("unknown figure group %q", g)
	}
	return err
}

// byCitations sorts terms most cited first, then by name.
func byCitations(a, b jobscope.Term) int {
	return cmp.Or(cmp.Compare(b.Ads, a.Ads), cmp.Compare(a.Name, b.Name))
}

// mostCited returns the term of the kind that most ads cite (the first by name among equals).
func mostCited(terms []jobscope.Term, kind jobscope.TermKind) (jobscope.Term, bool) {
	var best jobscope.Term
	ok := false
	for _, t := range terms {
		if t.Kind == kind && (!ok || byCitations(t, best) < 0) {
			best, ok = t, true
		}
	}
	return best, ok
}

// sample picks k terms: the most-cited skills and titles, a mid-ranked skill, London and the
// most-cited location, then more skills by citations.
func sample(terms []jobscope.Term, k int) []jobscope.Term {
	byKind := map[jobscope.TermKind][]jobscope.Term{}
	for _, t := range terms {
		byKind[t.Kind] = append(byKind[t.Kind], t)
	}
	for _, ts := range byKind {
		slices.SortFunc(ts, byCitations)
	}
	skills, titles, locs := byKind[jobscope.KindSkill], byKind[jobscope.KindTitle], byKind[jobscope.KindLocation]
	var out []jobscope.Term
	add := func(t jobscope.Term) {
		if len(out) < k && !slices.ContainsFunc(out, func(u jobscope.Term) bool { return u.Kind == t.Kind && u.Name == t.Name }) {
			out = append(out, t)
		}
	}
	for i := range min(4, len(skills)) {
		add(skills[i])
	}
	for i := range min(2, len(titles)) {
		add(titles[i])
	}
	if len(skills) > 0 {
		add(skills[len(skills)/2])
	}
	for _, l := range locs {
		if l.Name == stats.London {
			add(l)
		}
	}
	if len(locs) > 0 {
		add(locs[0])
	}
	for _, ts := range [][]jobscope.Term{skills, titles, locs} {
		for _, t := range ts {
			add(t)
		}
	}
	return out
}

// WriteText prints the report as `jobscope bench stats` does: the stores and the engine's build,
// each sampled term's page beside its SQL page, the medians by SQL figure group, the cut pages, and
// whether every SQL figure agreed with the engine's.
func (r *StatsReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	en := r.Engine
	country := r.Country
	if country == "" {
		country = "all countries"
	}
	fmt.Fprintf(bw, "jobscope bench stats: %d ads, %s market, %s, as of %s\n\n", r.Ads, r.Market, country, r.AsOf)
	for _, bs := range r.Stores {
		fmt.Fprintf(bw, "%-8s %s: %d ads", bs.Name, bs.DB, bs.Ads)
		if bs.Ingest != "" {
			fmt.Fprintf(bw, "; ingested in %.1fs (%s)", bs.IngestMS/1000, bs.Ingest)
		}
		fmt.Fprintf(bw, "; engine rebuild from it %.0f ms; from its snapshot %.0f ms (%.0f MiB, written in %.0f ms)\n",
			bs.RebuildMS, bs.SnapshotLoadMS, bs.SnapshotMB, bs.SnapshotSaveMS)
	}
	fmt.Fprintf(bw, "engine: rebuild %.0f ms; heap in use %.1f MB (live after GC %.1f MB), runtime sys %.1f MB, process peak RSS %.1f MB\n\n",
		en.RebuildMS, en.HeapInuseMB, en.HeapLiveMB, en.SysMB, en.MaxRSSMB)

	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(cells ...string) { fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t") }
	head := []string{"term", "kind", "jobs", "engine p50", "engine p90"}
	for _, bs := range r.Stores {
		head = append(head, bs.Name+" p50", "ratio")
	}
	row(head...)
	for _, t := range r.Terms {
		cells := []string{t.Term, string(t.Kind), fmt.Sprint(t.Jobs), fmtMS(t.Engine.P50), fmtMS(t.Engine.P90)}
		for _, bs := range r.Stores {
			if v, ok := t.SQL[bs.Name]; ok {
				cells = append(cells, fmtMS(v), ratio(v, t.Engine.P50))
			} else {
				cells = append(cells, "-", "-")
			}
		}
		row(cells...)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\nSQL path: the first %d sampled terms, %d timed runs of each group after the check (the warm-up).\n", r.SQLTerms, r.SQLRuns)
	fmt.Fprintf(bw, "\nMedians over every sampled term and run (SQL page = the %d groups in sequence; ratio = SQL / engine page):\n\n", len(groups))
	tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	head = []string{"figure group", "engine p50"}
	for _, bs := range r.Stores {
		head = append(head, bs.Name+" p50", bs.Name+" p90", "ratio")
	}
	row(head...)
	line := func(name string, eng Timing, sql func(*StoreReport) Timing) {
		cells := []string{name, fmtMS(eng.P50)}
		for _, bs := range r.Stores {
			t := sql(bs)
			cells = append(cells, fmtMS(t.P50), fmtMS(t.P90), ratio(t.P50, eng.P50))
		}
		row(cells...)
	}
	for _, g := range groups {
		line(g, en.Page, func(bs *StoreReport) Timing { return bs.Groups[g] })
	}
	line("whole page", en.Page, func(bs *StoreReport) Timing { return bs.Page })
	line("skill index", en.Index, func(bs *StoreReport) Timing { return bs.Index })
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := r.writeCuts(bw); err != nil {
		return err
	}
	if r.Mismatches == 0 {
		fmt.Fprintf(bw, "\nThe SQL figures agree with the engine's for every sampled term and the index.\n")
	} else {
		fmt.Fprintf(bw, "\nMISMATCH: %d figures differ between the engine and SQL (listed on standard error).\n", r.Mismatches)
	}
	return bw.Flush()
}

// writeCuts prints the table of cut pages: per cut, the skill pages timed, their jobs, the
// timings over every page and run, and the same skills' whole page beside them.
func (r *StatsReport) writeCuts(w io.Writer) error {
	if len(r.Engine.Cuts) == 0 {
		return nil
	}
	whole := r.Engine.SkillPage
	fmt.Fprintf(w, "\ncut pages (engine): the sampled skills' pages cut, %d timed runs after a warm-up each (no SQL path:\n", r.Runs)
	fmt.Fprintf(w, "it computes uncut pages only); whole page = the same skills' pages uncut, in this run:\n\n")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "cut\tpages\tjobs\tengine p50\tengine p90\twhole page p50\tcut / whole\t")
	var skipped []string
	for _, c := range r.Engine.Cuts {
		var jobs []int
		for _, p := range c.Pages {
			if p.Skipped != "" {
				skipped = append(skipped, fmt.Sprintf("%s on %s: %s", c.Cut, p.Term, p.Skipped))
			} else {
				jobs = append(jobs, p.Jobs)
			}
		}
		if len(jobs) == 0 {
			fmt.Fprintf(tw, "%s\t0\tskipped\t-\t-\t%s\t-\t\n", c.Cut, fmtMS(whole.P50))
			continue
		}
		span := fmt.Sprint(slices.Min(jobs))
		if lo, hi := slices.Min(jobs), slices.Max(jobs); hi != lo {
			span = fmt.Sprintf("%d-%d", lo, hi)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", c.Cut, len(jobs), span, fmtMS(c.P50), fmtMS(c.P90),
			fmtMS(whole.P50), ratio(c.P50, whole.P50))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range skipped {
		fmt.Fprintf(w, "skipped: %s\n", s)
	}
	return nil
}
