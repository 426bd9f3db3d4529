package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"jobscope"
	"jobscope/extract"
	"jobscope/gen"
	"jobscope/ingest/read"
	"jobscope/internal/cputime"
	"jobscope/stats"
	"jobscope/taxonomy"
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
                                            every field, one goroutine with GOMAXPROCS=1.

grep's fastest of R runs over an empty file (its pattern compilation) is taken off its times, as
the Extractor is built untimed. MB/s are bytes of corpus.txt per second, of wall time and of CPU
time (user+system of grep, of this process for extraction): on a machine shared with other work,
CPU time is the steadier figure. grep runs in the locale it inherits, which is printed: GNU grep
3.8 -w is far slower with LC_ALL=C than in C.UTF-8 (here it was killed after 173 CPU seconds on
the shared corpus, which it scans in under one in C.UTF-8).

--pipeline N also generates N ads to a file and runs ` + "`jobscope extract FILE`" + ` on it as a child
process, output read and discarded, reporting its wall time, CPU seconds and ads/s per CPU second:
the command's whole path of reading, extracting and writing JSON.`

// benchRun is one timed run: wall and CPU seconds.
type benchRun struct{ wall, cpu float64 }

// benchSide is the median of one contender's runs over the corpus.
type benchSide struct {
	Name     string  `json:"name"`
	Runs     int     `json:"runs"`
	WallS    float64 `json:"wall_s"` // medians
	CPUS     float64 `json:"cpu_s"`
	MBs      float64 `json:"mb_per_s"`     // by wall time
	MBsCPU   float64 `json:"mb_per_cpu_s"` // by CPU time
	AdsS     float64 `json:"ads_per_s"`
	AdsSCPU  float64 `json:"ads_per_cpu_s"`
	Findings string  `json:"findings"` // what it found, as a sanity check
	// SetupS and SetupCPUS are grep's fastest run over an empty file, taken off each run's times.
	SetupS    float64 `json:"setup_s,omitempty"`
	SetupCPUS float64 `json:"setup_cpu_s,omitempty"`
}

type benchExtractReport struct {
	Ads       int            `json:"ads"`
	BySet     map[string]int `json:"ads_by_set"`
	Bytes     int64          `json:"bytes"`
	Aliases   int            `json:"aliases"`
	AliasKind string         `json:"aliases_of"`
	Locale    string         `json:"locale"`
	GOARCH    string         `json:"goarch"`
	CPUs      int            `json:"cpus"`
	Grep      *benchSide     `json:"grep,omitempty"`
	Extract   benchSide      `json:"extract"`
	Ratio     float64        `json:"ratio_wall"` // extraction MB/s over grep MB/s
	RatioCPU  float64        `json:"ratio_cpu"`
	Pipeline  *benchPipeline `json:"pipeline,omitempty"`
}

// benchPipeline is one run of `jobscope extract` over generated ads.
type benchPipeline struct {
	Ads       int     `json:"ads"`
	Bytes     int64   `json:"bytes"`
	WallS     float64 `json:"wall_s"`
	UserS     float64 `json:"user_s"`
	SysS      float64 `json:"sys_s"`
	Cores     float64 `json:"cores_used"` // CPU seconds over wall seconds
	AdsS      float64 `json:"ads_per_s"`
	AdsPerCPU float64 `json:"ads_per_cpu_s"`
	MBsPerCPU float64 `json:"mb_per_cpu_s"`
}

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
	ads, bySet, err := benchCorpusAds(*shared, *n)
	if err != nil {
		return err
	}
	if len(ads) == 0 {
		return fmt.Errorf("%w: no ads: set --shared (or JOBSCOPE_SHARED) or --ads", errUsage)
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "jobscope-bench-extract-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	} else if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	aliases, kind := benchAliases(tx, *places)
	aliasFile, corpusFile := filepath.Join(*dir, "aliases.txt"), filepath.Join(*dir, "corpus.txt")
	if err := os.WriteFile(aliasFile, []byte(strings.Join(aliases, "\n")+"\n"), 0o644); err != nil {
		return fmt.Errorf("bench extract: %w", err)
	}
	size, err := writeCorpus(corpusFile, ads)
	if err != nil {
		return err
	}
	rep := &benchExtractReport{Ads: len(ads), BySet: bySet, Bytes: size, Aliases: len(aliases), AliasKind: kind,
		Locale: benchLocale(), GOARCH: runtime.GOARCH, CPUs: runtime.NumCPU()}
	mb := float64(size) / 1e6

	if grep, err := exec.LookPath("grep"); err == nil {
		fmt.Fprintf(e.stderr, "Timing grep (%d aliases over %.1f MB)...\n", len(aliases), mb)
		// grep compiles its patterns on every run, as extraction builds its Extractor once and
		// untimed: the fastest run over an empty file (the least disturbed by other work) is
		// taken off every run over the corpus.
		empty := filepath.Join(*dir, "empty.txt")
		if err := os.WriteFile(empty, nil, 0o644); err != nil {
			return fmt.Errorf("bench extract: %w", err)
		}
		setupRuns, err := timeExtractRuns(ctx, *runs, func() (benchRun, error) {
			r, _, err := runGrep(ctx, grep, aliasFile, empty)
			return r, err
		})
		if err != nil {
			return err
		}
		setup := benchRun{wall: setupRuns[0].wall, cpu: setupRuns[0].cpu}
		for _, r := range setupRuns[1:] {
			setup.wall, setup.cpu = min(setup.wall, r.wall), min(setup.cpu, r.cpu)
		}
		var matches int
		rs, err := timeExtractRuns(ctx, *runs, func() (benchRun, error) {
			r, m, err := runGrep(ctx, grep, aliasFile, corpusFile)
			matches = m
			r.wall, r.cpu = max(r.wall-setup.wall, 0), max(r.cpu-setup.cpu, 0)
			return r, err
		})
		if err != nil {
			return err
		}
		g := summarise("grep -o -w -F -f aliases.txt", rs, mb, len(ads))
		g.Findings = fmt.Sprintf("%d alias matches", matches)
		g.SetupS, g.SetupCPUS = setup.wall, setup.cpu
		rep.Grep = &g
	} else {
		fmt.Fprintln(e.stderr, "grep is not on PATH: the yardstick is skipped")
	}

	fmt.Fprintf(e.stderr, "Timing extraction (%d ads)...\n", len(ads))
	ex := extract.New(tx)
	var found extractFindings
	rs, err := timeExtractRuns(ctx, *runs, func() (benchRun, error) {
		r, f := extractOneCore(ex, ads)
		found = f
		return r, nil
	})
	if err != nil {
		return err
	}
	rep.Extract = summarise("extraction, every field", rs, mb, len(ads))
	rep.Extract.Findings = found.String()
	// A small corpus can take less than the clock's resolution: no ratio then, rather than Inf.
	if g := rep.Grep; g != nil && g.MBs > 0 {
		rep.Ratio = rep.Extract.MBs / g.MBs
	}
	if g := rep.Grep; g != nil && g.MBsCPU > 0 {
		rep.RatioCPU = rep.Extract.MBsCPU / g.MBsCPU
	}

	if *pipeline > 0 {
		p, err := benchExtractCommand(ctx, e, *pipeline)
		if err != nil {
			return err
		}
		rep.Pipeline = p
	}
	if *format == "json" {
		return writeJSON(e.stdout, rep)
	}
	printBenchExtract(e.stdout, rep, *dir)
	return nil
}

// benchCorpusAds reads every ad with a description from shared/data/ads/*/*.jsonl (labels.jsonl
// excepted), then appends n generated ads. bySet counts the ads taken from each set.
func benchCorpusAds(shared string, n int) ([]jobscope.RawAd, map[string]int, error) {
	var ads []jobscope.RawAd
	bySet := map[string]int{}
	if shared != "" {
		files, err := filepath.Glob(filepath.Join(shared, "data", "ads", "*", "*.jsonl"))
		if err != nil {
			return nil, nil, err
		}
		if len(files) == 0 {
			return nil, nil, fmt.Errorf("bench extract: no ads files under %s", filepath.Join(shared, "data", "ads"))
		}
		slices.Sort(files)
		for _, f := range files {
			if filepath.Base(f) == "labels.jsonl" {
				continue
			}
			set := filepath.Base(filepath.Dir(f))
			err := readAds(f, func(a *jobscope.RawAd) {
				if a.Description != "" {
					ads = append(ads, *a)
					bySet[set]++
				}
			})
			if err != nil {
				return nil, nil, err
			}
		}
	}
	if n > 0 {
		seq, err := gen.Ads(gen.Config{Ads: n, Seed: 2026, Years: 3})
		if err != nil {
			return nil, nil, err
		}
		for a := range seq {
			ads = append(ads, a)
		}
		bySet["generated"] = n
	}
	return ads, bySet, nil
}

// readAds calls fn for every ad of an input file; rejects are skipped.
func readAds(path string, fn func(*jobscope.RawAd)) error {
	rd, err := read.Open(path)
	if err != nil {
		return err
	}
	defer rd.Close()
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if rec.Ad != nil {
			fn(rec.Ad)
		}
	}
}

// benchAliases returns the taxonomy's aliases, lowercased, deduplicated and sorted, and says what
// they are.
func benchAliases(tx *taxonomy.Taxonomy, places bool) ([]string, string) {
	seen := map[string]bool{}
	add := func(s string) int {
		s = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(s, "!")))
		if s == "" || strings.ContainsAny(s, "\n\r") || seen[s] {
			return 0
		}
		seen[s] = true
		return 1
	}
	var nSkill, nTitle, nPlace int
	for _, s := range tx.Skills {
		for _, a := range s.Aliases {
			nSkill += add(a.Text)
		}
	}
	for _, t := range tx.Titles {
		for _, a := range t.Aliases {
			nTitle += add(a)
		}
	}
	kind := fmt.Sprintf("%d skill aliases (%d skills) + %d more title aliases (%d titles)", nSkill, len(tx.Skills), nTitle, len(tx.Titles))
	if places {
		n := 0
		for _, p := range tx.Places { // tx.Towns aside: never matched in a text, they only confirm "Town, State"
			n++
			nPlace += add(p.Name)
			for _, a := range p.Aliases {
				nPlace += add(a)
			}
		}
		kind += fmt.Sprintf(" + %d more place names (%d places)", nPlace, n)
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.Sort(out)
	return out, kind
}

// writeCorpus writes the lowercased text extraction reads of each ad, and returns its size.
func writeCorpus(path string, ads []jobscope.RawAd) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, fmt.Errorf("bench extract: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var size int64
	for i := range ads {
		a := &ads[i]
		for _, s := range []string{a.Title, a.Location, a.Salary, a.EmploymentType, a.Description} {
			k, _ := w.WriteString(strings.ToLower(s))
			w.WriteByte('\n')
			size += int64(k) + 1
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, fmt.Errorf("bench extract: %w", err)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("bench extract: %w", err)
	}
	return size, nil
}

// benchLocale is the locale grep runs in, which changes its speed.
func benchLocale() string {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return k + "=" + v
		}
	}
	return "C (no LC_ALL, LC_CTYPE or LANG)"
}

// timeExtractRuns runs f once as a warm-up and then runs times.
func timeExtractRuns(ctx context.Context, runs int, f func() (benchRun, error)) ([]benchRun, error) {
	var out []benchRun
	for i := 0; i <= runs; i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := f()
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

// lineCounter counts the lines written to it.
type lineCounter struct{ n int }

func (c *lineCounter) Write(p []byte) (int, error) {
	c.n += bytes.Count(p, []byte{'\n'})
	return len(p), nil
}

// runGrep runs grep once, its output counted through a pipe, and returns its wall and CPU time and
// the number of matches it printed.
func runGrep(ctx context.Context, grep, aliases, corpus string) (benchRun, int, error) {
	var lines lineCounter
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, grep, "-o", "-w", "-F", "-f", aliases, corpus)
	cmd.Stdout, cmd.Stderr = &lines, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: no match
		return benchRun{}, 0, fmt.Errorf("bench extract: grep: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	return benchRun{wall: wall, cpu: cpu}, lines.n, nil
}

// extractFindings counts what extraction found, as a sanity check beside grep's matches.
type extractFindings struct{ titles, salaries, locations, skills int }

func (f extractFindings) String() string {
	return fmt.Sprintf("%d skill mentions, %d titles, %d salaries, %d locations", f.skills, f.titles, f.salaries, f.locations)
}

// extractOneCore extracts every ad on one goroutine with GOMAXPROCS=1 (the collector included), and
// returns the wall time and this process's CPU time it took.
func extractOneCore(ex *extract.Extractor, ads []jobscope.RawAd) (benchRun, extractFindings) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	runtime.GC()
	var f extractFindings
	cpu0 := cputime.Process().Seconds()
	start := time.Now()
	for i := range ads {
		x := ex.Extract(&ads[i])
		f.skills += len(x.Skills)
		if x.Title.Normalized != "" {
			f.titles++
		}
		if x.Salary != nil {
			f.salaries++
		}
		if x.Location.Country != "" {
			f.locations++
		}
	}
	wall := time.Since(start).Seconds()
	return benchRun{wall: wall, cpu: cputime.Process().Seconds() - cpu0}, f
}

// summarise reduces runs to their medians and the rates over mb megabytes and ads ads.
func summarise(name string, rs []benchRun, mb float64, ads int) benchSide {
	wall, cpu := make([]float64, len(rs)), make([]float64, len(rs))
	for i, r := range rs {
		wall[i], cpu[i] = r.wall, r.cpu
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	s := benchSide{Name: name, Runs: len(rs), WallS: stats.Percentile(wall, 0.5), CPUS: stats.Percentile(cpu, 0.5)}
	if s.WallS > 0 {
		s.MBs, s.AdsS = mb/s.WallS, float64(ads)/s.WallS
	}
	if s.CPUS > 0 {
		s.MBsCPU, s.AdsSCPU = mb/s.CPUS, float64(ads)/s.CPUS
	}
	return s
}

// benchExtractCommand generates n ads into a temporary file and times `jobscope extract` on it.
func benchExtractCommand(ctx context.Context, e *env, n int) (*benchPipeline, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	dir, err := os.MkdirTemp("", "jobscope-bench-pipeline-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "ads.jsonl")
	fmt.Fprintf(e.stderr, "Generating %d ads for `jobscope extract`...\n", n)
	if err := writeTo(e.stdout, file, func(w io.Writer) error {
		return gen.Write(w, gen.Config{Ads: n, Seed: 2026, Years: 3})
	}); err != nil {
		return nil, err
	}
	st, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(e.stderr, "Timing `jobscope extract` on %d ads (%.0f MB)...\n", n, float64(st.Size())/1e6)
	var lines lineCounter
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, self, "extract", file)
	cmd.Stdout, cmd.Stderr = &lines, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("bench extract: jobscope extract: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	wall := time.Since(start).Seconds()
	if lines.n != n {
		return nil, fmt.Errorf("bench extract: jobscope extract printed %d lines for %d ads", lines.n, n)
	}
	p := &benchPipeline{Ads: n, Bytes: st.Size(), WallS: wall, UserS: cmd.ProcessState.UserTime().Seconds(),
		SysS: cmd.ProcessState.SystemTime().Seconds()}
	cpu := p.UserS + p.SysS
	p.Cores, p.AdsS = cpu/wall, float64(n)/wall
	if cpu > 0 {
		p.AdsPerCPU, p.MBsPerCPU = float64(n)/cpu, float64(st.Size())/1e6/cpu
	}
	return p, nil
}

func printBenchExtract(w io.Writer, r *benchExtractReport, dir string) {
	sets := make([]string, 0, len(r.BySet))
	for s := range r.BySet {
		sets = append(sets, s)
	}
	slices.Sort(sets)
	var parts []string
	for _, s := range sets {
		parts = append(parts, fmt.Sprintf("%s %d", s, r.BySet[s]))
	}
	fmt.Fprintf(w, "Corpus: %d ads (%s), %.1f MB lowercased (%s)\n", r.Ads, strings.Join(parts, ", "), float64(r.Bytes)/1e6,
		filepath.Join(dir, "corpus.txt"))
	fmt.Fprintf(w, "Aliases: %d: %s\n", r.Aliases, r.AliasKind)
	fmt.Fprintf(w, "Machine: %d CPUs, %s; grep in %s; medians of %d runs after a warm-up\n\n", r.CPUs, r.GOARCH, r.Locale, r.Extract.Runs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\twall s\tMB/s\tads/s\tCPU s\tMB/CPU-s\tads/CPU-s\t")
	sides := []*benchSide{r.Grep, &r.Extract}
	for _, s := range sides {
		if s == nil {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.1f\t%.0f\t%.2f\t%.1f\t%.0f\t\n", s.Name, s.WallS, s.MBs, s.AdsS, s.CPUS, s.MBsCPU, s.AdsSCPU)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, s := range sides {
		if s != nil {
			fmt.Fprintf(w, "%s found %s\n", s.Name, s.Findings)
		}
	}
	if r.Grep != nil {
		fmt.Fprintf(w, "grep's pattern compilation (fastest run on an empty file: %.2f s wall, %.2f s CPU) is taken off its times\n",
			r.Grep.SetupS, r.Grep.SetupCPUS)
		fmt.Fprintf(w, "Extraction over grep: %.2fx by wall time, %.2fx by CPU time\n", r.Ratio, r.RatioCPU)
	}
	if p := r.Pipeline; p != nil {
		fmt.Fprintf(w, "\njobscope extract on %d generated ads (%.0f MB): %.1f s wall, %.1f s user + %.1f s system CPU, %.2f cores used;\n",
			p.Ads, float64(p.Bytes)/1e6, p.WallS, p.UserS, p.SysS, p.Cores)
		fmt.Fprintf(w, "  %.0f ads/s, %.0f ads/s per core (per CPU second), %.1f MB/s per core (JSON read and written)\n",
			p.AdsS, p.AdsPerCPU, p.MBsPerCPU)
	}
}
