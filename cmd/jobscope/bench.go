package main

import (
	"cmp"
	"context"
	"encoding/json"
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

const benchHelp = `
Times the statistics engine against the same figures computed by SQL in the store.

  jobscope bench stats --ads N [--db DB] [--postgres URL] [--terms K] [--runs R]
                       [--sql-terms K] [--sql-runs R]

If the store (default ./jobscope-bench-N.db) holds fewer than N ads, N synthetic ads are generated
(seed 2026, three years, 5% reposts) and ingested; the same for --postgres. Then the engine is
rebuilt from the store (timed, with the heap and the process's peak RSS after it), its snapshot
written and a start-up from it timed (load and catch up with the store, as a command does), and for a sample
of K terms (the most-cited skills and titles, a mid-ranked skill, locations) the engine's page is
timed R times after a warm-up, as is the skill index.

The SQL path then computes every figure of the same pages in each store, in these groups of one to
a few statements each (the same SQL on SQLite and PostgreSQL; only how an ad's terms are read
differs: ad_terms and ad_docs.term_ids with json_each, or the GIN index and unnest on term_ids).
It reads through the indexes the stores have (posted_at for periods, ad_terms or the GIN index
for a term's ads, primary keys); no figure needed another:
  periods      per period: jobs, share of all, share of category, salaries quoted, figures left
               out as implausible, p10-p90, median change, median excluding London and its
               change, the median's 95% interval, live jobs, hourly rates (contract) apart
  ranks        rank in each period among every term of the kind (RANK() over the market's ads
               of the period grouped by term); rank change
  baseline     the period figures over every ad of the market
  cooccurring  top 30 skills and titles of the term's latest ads, top 20 per category
               (ROW_NUMBER() over counts, overall and by category)
  locations    top 12 location groups: jobs, median and its change, live jobs, and the term's
               rank and its change among the terms of its kind within each group (RANK() over
               the market's ads of those groups grouped by group, period and term)
  trend        jobs and share by month (GROUP BY month), p10-p90 over the 3 months to each
  histogram    bins of 5,000 (annual) or 50 (day rate)
  index        every term of the kind: jobs now and a year ago, rank and its change, share,
               salaries quoted, median and its change (timed apart, as "skill index")
Percentiles are computed in SQL: ROW_NUMBER() over the sorted salary figures, then STATS.md's
linear interpolation between the two rows it reads, with float64 operations in the engine's
order; the median's interval is the pair of order statistics at stats.MedianCI95's ranks,
computed in SQL from the count. Go only divides counts into shares and medians into changes, and
lays out empty trend months and histogram bins between the rows SQL returns. Every figure is
checked against the engine's, exactly (floats to the bit): any that differs is printed as
MISMATCH and the command exits 1.

The SQL path is far slower (seconds a page at 50k ads, growing with the ads): --sql-terms and
--sql-runs bound it, computing, checking and timing it for the first K sampled terms only, R
timed runs each; the check itself is the SQL path's warm-up.

Ratios are SQL p50 over engine p50. The engine computes a whole page at once, so each SQL figure
group is compared with the engine's whole page: the ratio is a lower bound of the group's own.`

// benchGroups are the SQL figure groups of a page, in the order they are shown.
var benchGroups = []string{"periods", "ranks", "baseline", "cooccurring", "locations", "trend", "histogram"}

// benchTiming is the median and 90th percentile of a set of timed runs, in milliseconds.
type benchTiming struct {
	Runs int     `json:"runs"`
	P50  float64 `json:"p50_ms"`
	P90  float64 `json:"p90_ms"`
}

func timingOf(ds []time.Duration) benchTiming {
	if len(ds) == 0 {
		return benchTiming{}
	}
	xs := make([]float64, len(ds))
	for i, d := range ds {
		xs[i] = float64(d) / float64(time.Millisecond)
	}
	slices.Sort(xs)
	return benchTiming{Runs: len(xs), P50: stats.Percentile(xs, 0.5), P90: stats.Percentile(xs, 0.9)}
}

// benchStore is one store the SQL path runs on.
type benchStore struct {
	Name      string  `json:"name"` // sqlite or postgres
	DB        string  `json:"db"`
	Ads       int     `json:"ads"`
	Ingest    string  `json:"ingest,omitempty"` // the ingest summary when ads were added
	IngestMS  float64 `json:"ingest_ms,omitempty"`
	RebuildMS float64 `json:"engine_rebuild_ms"` // Records into a new engine
	// The engine's snapshot (see loadEngine): writing it, its size, and a start-up from it (load
	// and catch up with the store, as a command does).
	SnapshotSaveMS float64                `json:"engine_snapshot_save_ms"`
	SnapshotMB     float64                `json:"engine_snapshot_mb"`
	SnapshotLoadMS float64                `json:"engine_snapshot_load_ms"`
	Groups         map[string]benchTiming `json:"groups"` // SQL figure groups, over every term and run
	Page           benchTiming            `json:"page"`   // every group of a page, summed per run
	Index          benchTiming            `json:"index"`
	Mismatch       []string               `json:"mismatches"`

	st  jobscope.Store
	sql stats.SQLStats
	raw map[string][]time.Duration
}

// benchTerm is one sampled term's timings.
type benchTerm struct {
	Term   string             `json:"term"`
	Kind   jobscope.TermKind  `json:"kind"`
	Ads    int                `json:"ads"` // ads citing it, every market
	Jobs   int                `json:"jobs"`
	Engine benchTiming        `json:"engine"`
	SQL    map[string]float64 `json:"sql_page_p50_ms"` // by store
}

type benchReport struct {
	Ads        int           `json:"ads"`
	Market     stats.Market  `json:"market"`
	Country    string        `json:"country"`
	AsOf       string        `json:"as_of"`
	Engine     benchEngine   `json:"engine"`
	Terms      []benchTerm   `json:"terms"`
	Stores     []*benchStore `json:"stores"`
	SQLTerms   int           `json:"sql_terms"` // the first sampled terms the SQL path ran for
	SQLRuns    int           `json:"sql_runs"`  // timed runs of each SQL group, after the check
	Mismatches int           `json:"mismatches"`
}

type benchEngine struct {
	RebuildMS   float64     `json:"rebuild_ms"`
	HeapInuseMB float64     `json:"heap_inuse_mb"` // right after the rebuild, garbage included
	HeapLiveMB  float64     `json:"heap_live_mb"`  // after a collection: what the engine (and the store) keep
	SysMB       float64     `json:"sys_mb"`
	MaxRSSMB    float64     `json:"max_rss_mb"` // the process's peak, ingest included when it ran here
	Page        benchTiming `json:"page"`       // every sampled term's page, every run
	Index       benchTiming `json:"index"`
}

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 && args[0] == "extract" {
		return runBenchExtract(ctx, e, args[1:])
	}
	if len(args) == 0 || args[0] != "stats" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fs := newFlags(e, "bench stats", "", benchHelp)
			fs.Usage()
			return nil
		}
		return fmt.Errorf("%w: bench: the benchmarks are `bench stats` and `bench extract`", errUsage)
	}
	fs := newFlags(e, "bench stats", "", benchHelp)
	n := fs.Int("ads", 50000, "ads the store should hold (generated and ingested when it holds fewer)")
	pgURL := fs.String("postgres", "", "also run the SQL path on this PostgreSQL `URL` (filled with the same ads)")
	k := fs.Int("terms", 10, "number of sampled terms")
	runs := fs.Int("runs", 5, "timed runs of each measurement, after one warm-up")
	sqlTerms := fs.Int("sql-terms", 0, "compute, check and time the SQL path for the first `K` sampled terms only (0: all)")
	sqlRuns := fs.Int("sql-runs", 0, "timed runs of each SQL figure group (0: as --runs)")
	marketFlag := fs.String("market", "permanent", "market: permanent or contract")
	country := fs.String("country", "GB", "country: GB, US or all")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *n <= 0 || *k <= 0 || *runs <= 0 {
		return fmt.Errorf("%w: --ads, --terms and --runs must be positive", errUsage)
	}
	if *sqlTerms < 0 || *sqlRuns < 0 {
		return fmt.Errorf("%w: --sql-terms and --sql-runs cannot be negative", errUsage)
	}
	if *sqlTerms == 0 || *sqlTerms > *k {
		*sqlTerms = *k
	}
	if *sqlRuns == 0 {
		*sqlRuns = *runs
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	if *marketFlag != string(stats.MarketPermanent) && *marketFlag != string(stats.MarketContract) {
		return fmt.Errorf("%w: --market must be permanent or contract", errUsage)
	}
	if *country == "all" {
		*country = ""
	}
	if e.db == defaultDB() {
		e.db = fmt.Sprintf("./jobscope-bench-%d.db", *n)
	}
	scope := stats.Scope{Market: stats.Market(*marketFlag), Country: *country, Currency: stats.CurrencyOf(*country)}
	rep := &benchReport{Ads: *n, Market: scope.Market, Country: *country, SQLTerms: *sqlTerms, SQLRuns: *sqlRuns}

	var genFile string
	defer func() {
		if genFile != "" {
			os.RemoveAll(filepath.Dir(genFile))
		}
	}()
	fill := func(name, db string) (*benchStore, error) {
		bs := &benchStore{Name: name, DB: market.Redact(db), Groups: map[string]benchTiming{}, raw: map[string][]time.Duration{}}
		saved := e.db
		e.db = db
		st, err := e.openStore(ctx)
		e.db = saved
		if err != nil {
			return nil, err
		}
		bs.st = st
		sq, ok := st.(stats.SQLStore)
		if !ok {
			return bs, fmt.Errorf("%s: the store does not compute statistics by SQL", market.Redact(db))
		}
		bs.sql = sq.SQLStats()
		in, err := st.Info(ctx)
		if err != nil {
			return bs, err
		}
		if in.Ads < *n {
			if genFile == "" {
				dir, err := os.MkdirTemp("", "jobscope-bench-")
				if err != nil {
					return bs, err
				}
				genFile = filepath.Join(dir, "ads.jsonl")
				fmt.Fprintf(e.stderr, "Generating %d ads...\n", *n)
				cfg := gen.Config{Ads: *n, Seed: 2026, Years: 3, Reposts: 0.05}
				if err := writeTo(e.stdout, genFile, func(w io.Writer) error { return gen.Write(w, cfg) }); err != nil {
					return bs, err
				}
			}
			fmt.Fprintf(e.stderr, "Ingesting into %s (it holds %d ads)...\n", market.Redact(bs.DB), in.Ads)
			ex, err := newExtractor("")
			if err != nil {
				return bs, err
			}
			opts := ingest.Options{Store: st, Extract: ex.Extract}
			var bar *progressBar
			if isTerminal(e.stderr) {
				bar = &progressBar{w: e.stderr}
				opts.Progress = bar.update
			} else {
				next := 0.1
				opts.Progress = func(p ingest.Progress) {
					if p.Total > 0 && float64(p.Done)/float64(p.Total) >= next {
						fmt.Fprintf(e.stderr, "  %3.0f%% %s\n", 100*float64(p.Done)/float64(p.Total), p.Elapsed.Round(time.Second))
						next += 0.1
					}
				}
			}
			start := time.Now()
			sum, err := ingest.Run(ctx, opts, []string{genFile})
			if bar != nil {
				bar.finish()
			}
			if err != nil {
				return bs, err
			}
			bs.IngestMS = ms(time.Since(start))
			bs.Ingest = sum.String()
			if in, err = st.Info(ctx); err != nil {
				return bs, err
			}
		}
		bs.Ads = in.Ads
		return bs, nil
	}
	defer func() {
		for _, bs := range rep.Stores {
			bs.st.Close()
		}
	}()
	bs, err := fill("sqlite", e.db)
	if bs != nil && bs.st != nil {
		rep.Stores = append(rep.Stores, bs)
	}
	if err != nil {
		return err
	}
	if *pgURL != "" {
		bs, err := fill("postgres", *pgURL)
		if bs != nil && bs.st != nil {
			rep.Stores = append(rep.Stores, bs)
		}
		if err != nil {
			return err
		}
	}

	// The engine, rebuilt from each store; the first one's is measured and queried.
	var eng *stats.Engine
	for i, bs := range rep.Stores {
		runtime.GC()
		start := time.Now()
		en, state, err := buildEngine(ctx, bs.st)
		if err != nil {
			return err
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
		if err := benchSnapshot(ctx, bs, en, state); err != nil {
			return fmt.Errorf("%s: engine snapshot: %w", bs.Name, err)
		}
	}
	rep.AsOf = eng.LastPosted().Format(time.DateOnly)

	sample := benchSample(eng.Terms(), *k)
	var pageRuns []time.Duration
	for _, t := range sample {
		q := stats.Query{Kind: t.Kind, Term: t.Name, Scope: scope}
		var page *stats.Page
		ds, err := timeRuns(*runs, func() error {
			p, err := eng.Page(q)
			page = p
			return err
		})
		if err != nil {
			return fmt.Errorf("%s %q: %w", t.Kind, t.Name, err)
		}
		pageRuns = append(pageRuns, ds...)
		bt := benchTerm{Term: t.Name, Kind: t.Kind, Ads: t.Ads, Jobs: page.Periods[0].Jobs, Engine: timingOf(ds),
			SQL: map[string]float64{}}
		sq, err := stats.NewSQLQuery(page)
		if err != nil {
			return err
		}
		if len(rep.Terms) >= rep.SQLTerms {
			rep.Terms = append(rep.Terms, bt)
			continue
		}
		for _, bs := range rep.Stores {
			// The check computes every group once: it is also the SQL path's warm-up.
			diffs, err := stats.CheckSQL(ctx, bs.sql, page)
			if err != nil {
				return fmt.Errorf("%s: check %q: %w", bs.Name, t.Name, err)
			}
			bs.Mismatch = append(bs.Mismatch, diffs...)
			perRun := make([]time.Duration, rep.SQLRuns)
			for _, g := range benchGroups {
				ds, err := timed(rep.SQLRuns, func() error { return runGroup(ctx, bs.sql, g, sq) })
				if err != nil {
					return fmt.Errorf("%s: %s %q: %s: %w", bs.Name, t.Kind, t.Name, g, err)
				}
				bs.raw[g] = append(bs.raw[g], ds...)
				for i, d := range ds {
					perRun[i] += d
				}
			}
			bs.raw["page"] = append(bs.raw["page"], perRun...)
			bt.SQL[bs.Name] = timingOf(perRun).P50
		}
		rep.Terms = append(rep.Terms, bt)
	}
	rep.Engine.Page = timingOf(pageRuns)

	iq := stats.IndexQuery{Kind: jobscope.KindSkill, Scope: scope}
	var ix *stats.Index
	ds, err := timeRuns(*runs, func() error {
		var err error
		ix, err = eng.Index(iq)
		return err
	})
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	rep.Engine.Index = timingOf(ds)
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
		bs.Index = timingOf(ds)
		for _, g := range benchGroups {
			bs.Groups[g] = timingOf(bs.raw[g])
		}
		bs.Page = timingOf(bs.raw["page"])
		rep.Mismatches += len(bs.Mismatch)
		if bs.Mismatch == nil {
			bs.Mismatch = []string{}
		}
	}

	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else if err := printBench(e.stdout, rep); err != nil {
		return err
	}
	if rep.Mismatches > 0 {
		for _, bs := range rep.Stores {
			for _, m := range bs.Mismatch {
				fmt.Fprintf(e.stderr, "MISMATCH %s: %s\n", bs.Name, m)
			}
		}
		return fmt.Errorf("%d figures differ between the engine and SQL", rep.Mismatches)
	}
	return nil
}

// buildEngine feeds a new engine every record of the store, as a command does without a snapshot.
func buildEngine(ctx context.Context, st jobscope.Store) (*stats.Engine, jobscope.StoreState, error) {
	en, state, _, err := market.Rebuild(ctx, st)
	if err != nil {
		return nil, state, err
	}
	if en.Len() == 0 {
		return nil, state, fmt.Errorf("the store holds no ads")
	}
	return en, state, nil
}

// benchSnapshot times writing the engine's snapshot (to a temporary file) and a start-up from it:
// loading it and catching up with the store, as a command does.
func benchSnapshot(ctx context.Context, bs *benchStore, en *stats.Engine, state jobscope.StoreState) error {
	dir, err := os.MkdirTemp("", "jobscope-bench-snapshot-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "engine")
	start := time.Now()
	if err := en.SaveSnapshot(path, market.SnapshotLabel(state)); err != nil {
		return err
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
		return err
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

// timeRuns runs fn once to warm up, then times it runs times.
func timeRuns(runs int, fn func() error) ([]time.Duration, error) {
	if err := fn(); err != nil {
		return nil, err
	}
	return timed(runs, fn)
}

// timed times runs runs of fn.
func timed(runs int, fn func() error) ([]time.Duration, error) {
	out := make([]time.Duration, runs)
	for i := range out {
		start := time.Now()
		if err := fn(); err != nil {
			return nil, err
		}
		out[i] = time.Since(start)
	}
	return out, nil
}

// benchSample picks k terms: the most-cited skills and titles, a mid-ranked skill, London and the
// most-cited location, then more skills by citations.
func benchSample(terms []jobscope.Term, k int) []jobscope.Term {
	byKind := map[jobscope.TermKind][]jobscope.Term{}
	for _, t := range terms {
		byKind[t.Kind] = append(byKind[t.Kind], t)
	}
	for _, ts := range byKind {
		slices.SortFunc(ts, func(a, b jobscope.Term) int { return cmp.Or(cmp.Compare(b.Ads, a.Ads), cmp.Compare(a.Name, b.Name)) })
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

func printBench(w io.Writer, rep *benchReport) error {
	bw := newBufferedWriter(w)
	en := rep.Engine
	country := rep.Country
	if country == "" {
		country = "all countries"
	}
	fmt.Fprintf(bw, "jobscope bench stats: %d ads, %s market, %s, as of %s\n\n", rep.Ads, rep.Market, country, rep.AsOf)
	for _, bs := range rep.Stores {
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
	head := []string{"term", "kind", "jobs", "engine p50", "engine p90"}
	for _, bs := range rep.Stores {
		head = append(head, bs.Name+" p50", "ratio")
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, t := range rep.Terms {
		row := []string{t.Term, string(t.Kind), fmt.Sprint(t.Jobs), fmtMS(t.Engine.P50), fmtMS(t.Engine.P90)}
		for _, bs := range rep.Stores {
			if v, ok := t.SQL[bs.Name]; ok {
				row = append(row, fmtMS(v), ratio(v, t.Engine.P50))
			} else {
				row = append(row, "-", "-")
			}
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\nSQL path: the first %d sampled terms, %d timed runs of each group after the check (the warm-up).\n", rep.SQLTerms, rep.SQLRuns)
	fmt.Fprintf(bw, "\nMedians over every sampled term and run (SQL page = the %d groups in sequence; ratio = SQL / engine page):\n\n", len(benchGroups))
	tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	head = []string{"figure group", "engine p50"}
	for _, bs := range rep.Stores {
		head = append(head, bs.Name+" p50", bs.Name+" p90", "ratio")
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	line := func(name string, eng benchTiming, sql func(*benchStore) benchTiming) {
		row := []string{name, fmtMS(eng.P50)}
		for _, bs := range rep.Stores {
			t := sql(bs)
			row = append(row, fmtMS(t.P50), fmtMS(t.P90), ratio(t.P50, eng.P50))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
	}
	for _, g := range benchGroups {
		line(g, en.Page, func(bs *benchStore) benchTiming { return bs.Groups[g] })
	}
	line("whole page", en.Page, func(bs *benchStore) benchTiming { return bs.Page })
	line("skill index", en.Index, func(bs *benchStore) benchTiming { return bs.Index })
	if err := tw.Flush(); err != nil {
		return err
	}
	if rep.Mismatches == 0 {
		fmt.Fprintf(bw, "\nThe SQL figures agree with the engine's for every sampled term and the index.\n")
	} else {
		fmt.Fprintf(bw, "\nMISMATCH: %d figures differ between the engine and SQL (listed on standard error).\n", rep.Mismatches)
	}
	return bw.Flush()
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func mb(b uint64) float64 { return float64(b) / (1 << 20) }

func fmtMS(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	case v >= 1:
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.2f ms", v)
}

func ratio(sql, eng float64) string {
	if eng <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.1fx", sql/eng)
}
