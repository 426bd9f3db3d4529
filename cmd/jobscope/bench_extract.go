package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"jobscope/bench"
)

const benchExtractHelp = `
Times full extraction against plain multi-pattern scanning of the same text, on one core.

  jobscope bench extract [--shared DIR] [--ads N] [--runs R] [--places] [--pipeline N]

The ads are every ad with a description in DIR/data/ads/*/*.jsonl (DIR defaults to
$JOBSCOPE_SHARED; the sets' labels.jsonl files are not ads), plus N generated ads (seed 2026).
The command writes two files (to --dir, else a temporary directory that is removed):

  aliases.txt  every alias of the taxonomy's skills and job titles (with --places, the gazetteer's
               place names too), lowercased, deduplicated, one a line;
  corpus.txt   each ad's title, location, salary, employment label and description (HTML as it
               came) lowercased, one field a line: the text extraction reads.

It then times, R times after one warm-up each, with the median reported:

  grep -o -w -F -f aliases.txt corpus.txt   GNU grep finding every word-bounded alias, its output
                                            read through a pipe (grep skips work when it writes to
                                            /dev/null); skipped when grep is not on PATH;
  extraction                                jobscope's Extract over the same ads, held in memory,
                                            every field, one goroutine with GOMAXPROCS=1; and again
                                            on every core (batches in input order, as the extract
                                            command runs), beside grep on one.

grep's fastest of R runs over an empty file (its pattern compilation) is taken off its times, as
the Extractor is built untimed. MB/s are bytes of corpus.txt per second, of wall time and of CPU
time (user+system of grep, of this process for extraction): on a machine shared with other work,
CPU time is the steadier figure. grep runs in the locale it inherits, which is printed: GNU grep
3.8 -w is far slower with LC_ALL=C than in C.UTF-8 (here it was killed after 173 CPU seconds on
the shared corpus, which it scans in under one in C.UTF-8).

--pipeline N also generates N ads to a file and runs ` + "`jobscope extract FILE`" + ` on it as a child
process, output read and discarded, reporting its wall time, CPU seconds and ads/s per CPU second:
the command's whole path of reading, extracting and writing JSON.`

func runBenchExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench extract", "", benchExtractHelp)
	shared := fs.String("shared", os.Getenv("JOBSCOPE_SHARED"), "shared data `DIR` whose data/ads/*/*.jsonl ads are read (\"\" for none)")
	n := fs.Int("ads", 0, "also generate `N` ads (seed 2026) into the corpus")
	runs := fs.Int("runs", 5, "timed runs of each contender, after one warm-up")
	places := fs.Bool("places", false, "add the gazetteer's place names to aliases.txt")
	dir := fs.String("dir", "", "write aliases.txt and corpus.txt to `DIR` and keep them")
	pipeline := fs.Int("pipeline", 0, "also time `jobscope extract` on N generated ads")
	taxFile := fs.String("taxonomy", "", "a user taxonomy FILE of extra skills and titles")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *runs <= 0 || *n < 0 || *pipeline < 0 {
		return fmt.Errorf("%w: --runs must be positive, --ads and --pipeline not negative", errUsage)
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	tx, err := loadTaxonomy(*taxFile)
	if err != nil {
		return err
	}
	cfg := bench.ExtractConfig{Shared: *shared, Ads: *n, Runs: *runs, Places: *places, Dir: *dir, Pipeline: *pipeline,
		Taxonomy: tx, Log: e.stderr}
	if *pipeline > 0 {
		if cfg.Command, err = os.Executable(); err != nil {
			return fmt.Errorf("bench extract: %w", err)
		}
	}
	rep, err := bench.RunExtract(ctx, cfg)
	if errors.Is(err, bench.ErrNoAds) {
		return fmt.Errorf("%w: no ads: set --shared (or JOBSCOPE_SHARED) or --ads", errUsage)
	}
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(e.stdout, rep)
	}
	return rep.WriteText(e.stdout)
}
