package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jobscope"
	"jobscope/gen"
	"jobscope/ingest"
	"jobscope/market"
	"jobscope/serve"
)

const genHelp = `
Writes realistic synthetic job ads as JSON Lines (docs/input.md): UK and US tech titles and seniorities,
skills that go together and trend over the years, permanent salaries and contract day rates by level
and region, remote and hybrid work, and the messy text of real ads. The same seed gives the same ads.`

func runGen(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "gen", "", genHelp)
	n := fs.Int("ads", 3000, "number of ads")
	seed := fs.Int64("seed", 1, "random seed: the same seed writes the same ads")
	years := fs.Int("years", 3, "years of posting dates, ending at --end")
	end := fs.String("end", "", "last posting date YYYY-MM-DD (default: the generator's fixed end date)")
	source := fs.String("source", "", "the ads' source name (default: the generator's)")
	reposts := fs.Float64("reposts", 0, "share of ads (0 to 1) also posted, lightly edited, on a second job board")
	out := fs.String("out", "-", "output file (- for standard output; .gz to compress)")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg := gen.Config{Ads: *n, Seed: *seed, Years: *years, Source: *source, Reposts: *reposts}
	if *end != "" {
		t, err := time.Parse(time.DateOnly, *end)
		if err != nil {
			return fmt.Errorf("%w: --end: %v", errUsage, err)
		}
		cfg.End = t
	}
	if _, err := gen.Ads(cfg); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return writeTo(e.stdout, *out, func(w io.Writer) error { return gen.Write(w, cfg) })
}

// writeTo runs write into the named file (atomically: a temporary file renamed at the end), or into
// stdout for "-".
func writeTo(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "-" {
		w := newBufferedWriter(stdout)
		if err := write(w); err != nil {
			return err
		}
		return w.Flush()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".jobscope-gen-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	var w io.Writer = tmp
	var closeGz func() error
	if strings.HasSuffix(path, ".gz") {
		gz := newGzipWriter(tmp)
		w, closeGz = gz, gz.Close
	}
	bw := newBufferedWriter(w)
	if err := write(bw); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if closeGz != nil {
		if err := closeGz(); err != nil {
			tmp.Close()
			return err
		}
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

const demoHelp = `
Shows jobscope working on realistic sample data it makes itself: the first time, it generates about
50,000 ads over three years into a database (./jobscope-demo.db unless --db is given), then prints
what the store holds and the market figures for "Backend Developer" and a few skills.`

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "", demoHelp)
	n := fs.Int("ads", 50000, "ads to generate the first time")
	addr := fs.String("addr", "", "then serve the demo's pages and API on this address (host:port) until Ctrl-C")
	if err := parse(fs, args); err != nil {
		return err
	}
	if e.db == defaultDB() {
		e.db = "./jobscope-demo.db"
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := st.Info(ctx)
	if err != nil {
		return err
	}
	if in.Ads < *n {
		fmt.Fprintf(e.stdout, "Generating %d sample ads over three years into %s...\n", *n, market.Redact(e.db))
		start := time.Now()
		dir, err := os.MkdirTemp("", "jobscope-demo-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		file := filepath.Join(dir, "demo.jsonl")
		cfg := gen.Config{Ads: *n, Seed: 2026, Years: 3, Reposts: 0.05}
		if err := writeTo(e.stdout, file, func(w io.Writer) error { return gen.Write(w, cfg) }); err != nil {
			return err
		}
		ex, err := newExtractor("")
		if err != nil {
			return err
		}
		opts := ingest.Options{Store: st, Extract: ex.Extract, Version: ex.Version()}
		var bar *progressBar
		if isTerminal(e.stderr) {
			bar = &progressBar{w: e.stderr}
			opts.Progress = bar.update
		}
		sum, err := ingest.Run(ctx, opts, []string{file})
		if bar != nil {
			bar.finish()
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Ingested in %s: %s\n\n", time.Since(start).Round(time.Millisecond), sum)
		if in, err = st.Info(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintf(e.stdout, "The store holds %d ads (%d duplicates), posted %s to %s.\n\n", in.Ads, in.Duplicates,
		dateOrEmpty(in.FirstPosted), dateOrEmpty(in.LastPosted))

	svc, err := market.FromStore(ctx, e.marketConfig(), st)
	if err != nil {
		return err
	}
	// The default scope, as `stats` asks it: permanent, GB, all tech jobs.
	scope, _, err := svc.Scope(market.ScopeInput{})
	if err != nil {
		return err
	}
	term, err := svc.Resolve("Backend Developer", jobscope.KindTitle)
	if err != nil {
		return err
	}
	rep, err := svc.Page(term, scope, time.Time{}, market.DefaultMinSalaries)
	if err != nil {
		return err
	}
	if err := printStats(e.stdout, rep); err != nil {
		return err
	}

	fmt.Fprintf(e.stdout, "\nA few skills, permanent market, GB, tech jobs, 6 months to %s:\n\n", rep.AsOf)
	fmt.Fprintf(e.stdout, "  %-12s %8s %8s %12s %10s\n", "skill", "jobs", "share", "median", "vs 1y ago")
	for _, name := range []string{"Python", "Go", "Kubernetes", "AWS", "React", "SQL"} {
		t, err := svc.Resolve(name, jobscope.KindSkill)
		if err != nil {
			continue
		}
		r, err := svc.Page(t, scope, time.Time{}, market.DefaultMinSalaries)
		if err != nil {
			return err
		}
		f := r.Periods[0]
		med, chg := "-", "-"
		if f.P50 != nil {
			med = "£" + thousands(*f.P50)
		}
		if f.MedianChange != nil {
			chg = fmt.Sprintf("%+.1f%%", *f.MedianChange*100)
		}
		fmt.Fprintf(e.stdout, "  %-12s %8s %7.2f%% %12s %10s\n", t.Name, thousands(float64(f.Jobs)), f.ShareOfAll*100, med, chg)
	}
	fmt.Fprintf(e.stdout, "\nTry: jobscope --db %s stats Kubernetes --market contract\n", market.Redact(e.db))
	if *addr != "" {
		fmt.Fprintln(e.stdout)
		return e.serve(ctx, svc, *addr, serve.Config{Refresh: serve.DefaultRefresh})
	}
	return nil
}
