package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"jobscope"
	"jobscope/bench"
	"jobscope/ingest"
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
timed R times after a warm-up, as is the skill index. After the whole pages, each sampled skill's
page is timed cut, R times after a warm-up each: by London; by seniority senior; by the most-cited
title; and by that title, London and senior at once ("Backend Developer ads citing Go in London at
senior level"), each beside the same skills' whole pages. A cut the engine refuses because no ad
matches it (no ad cites the title; London is not a place of the scope's ads) is reported as skipped
for that page; a cut that keeps no ads is timed like any other. Cut pages are timed on the engine
only: the SQL path computes uncut pages.

The SQL path then computes every figure of the same whole pages in each store, in these groups of
one to a few statements each (the same SQL on SQLite and PostgreSQL; only how an ad's terms are
read differs: ad_terms and ad_docs.term_ids with json_each, or the GIN index and unnest on term_ids).
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
Percentiles are computed in SQL: ROW_NUMBER() over the sorted salary figures, then docs/figures.md's
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
	rep, err := bench.RunStats(ctx, bench.StatsConfig{
		Ads: *n, DB: e.db, Postgres: *pgURL, Terms: *k, Runs: *runs, SQLTerms: *sqlTerms, SQLRuns: *sqlRuns,
		Scope:  stats.Scope{Market: stats.Market(*marketFlag), Country: *country, Currency: stats.CurrencyOf(*country)},
		Open:   e.openStoreAt,
		Ingest: e.ingestGenerated,
		Log:    e.stderr,
	})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else if err := rep.WriteText(e.stdout); err != nil {
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

// openStoreAt opens the store dsn names as --db would, creating a SQLite file that does not exist.
func (e *env) openStoreAt(ctx context.Context, dsn string) (jobscope.Store, error) {
	o := *e
	o.db = dsn
	return o.openStore(ctx)
}

// ingestGenerated ingests files of generated ads into st with the built-in taxonomy, showing its
// progress on standard error: a bar on a terminal, else a line every 10%.
func (e *env) ingestGenerated(ctx context.Context, st jobscope.Store, files []string) (ingest.Summary, error) {
	ex, err := newExtractor("")
	if err != nil {
		return ingest.Summary{}, err
	}
	opts := ingest.Options{Store: st, Extract: ex.Extract, Version: ex.Version()}
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
	sum, err := ingest.Run(ctx, opts, files)
	if bar != nil {
		bar.finish()
	}
	return sum, err
}
