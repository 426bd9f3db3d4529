package bench

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
	"jobscope/internal/ordered"
	"jobscope/stats"
	"jobscope/taxonomy"
)

// ExtractConfig is what RunExtract measures and where it writes its files.
type ExtractConfig struct {
	// Shared is the shared data directory whose DIR/data/ads/*/*.jsonl ads make the corpus ("" for
	// none); Ads more ads generated into it (seed 2026).
	Shared string
	Ads    int
	// Runs is how many timed runs each contender gets, after one warm-up.
	Runs int
	// Places adds the gazetteer's place names to grep's aliases.
	Places bool
	// Dir is where aliases.txt and corpus.txt are written and kept; "" writes them to a temporary
	// directory that is removed.
	Dir string
	// Pipeline, when positive, also times Command's `extract` on that many generated ads: the
	// command's whole path of reading, extracting and writing JSON.
	Pipeline int
	Command  string
	// Taxonomy is what extraction finds and what grep's aliases are made of.
	Taxonomy *taxonomy.Taxonomy
	// Log receives progress lines ("Timing grep..."); nil discards them.
	Log io.Writer
}

// ErrNoAds is returned by RunExtract when the corpus would be empty: no shared ads and none to
// generate.
var ErrNoAds = errors.New("bench extract: no ads")

// ExtractReport is what RunExtract measured: the corpus, the machine, and each contender's medians.
type ExtractReport struct {
	Ads       int            `json:"ads"`
	BySet     map[string]int `json:"ads_by_set"`
	Bytes     int64          `json:"bytes"`
	Aliases   int            `json:"aliases"`
	AliasKind string         `json:"aliases_of"`
	Locale    string         `json:"locale"`
	GOARCH    string         `json:"goarch"`
	CPUs      int            `json:"cpus"`
	Grep      *Side          `json:"grep,omitempty"` // nil when grep is not on PATH
	Extract   Side           `json:"extract"`
	Ratio     float64        `json:"ratio_wall"` // extraction MB/s over grep MB/s
	RatioCPU  float64        `json:"ratio_cpu"`
	// AllCores is extraction on every core (ordered output, as jobscope extract does), and
	// RatioAllCores its MB/s over grep's single-core MB/s, by wall time.
	AllCores      *Side     `json:"extract_all_cores,omitempty"`
	RatioAllCores float64   `json:"ratio_all_cores_wall"`
	Pipeline      *Pipeline `json:"pipeline,omitempty"`
	// Dir is where aliases.txt and corpus.txt were written (gone by now when it was temporary).
	Dir string `json:"-"`
}

// Side is the median of one contender's runs over the corpus, and the rates they make.
type Side struct {
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

// Pipeline is one run of the command's `extract` over generated ads, as a child process.
type Pipeline struct {
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

// run is one timed run: wall and CPU seconds.
type run struct{ wall, cpu float64 }

// RunExtract writes the taxonomy's aliases and the corpus's lowercased text to files, then times
// GNU grep finding every alias in it (when grep is on PATH) and extraction of the same ads on one
// core, and, with cfg.Pipeline, the command's `extract` as a child process.
func RunExtract(ctx context.Context, cfg ExtractConfig) (*ExtractReport, error) {
	if cfg.Runs <= 0 || cfg.Ads < 0 || cfg.Pipeline < 0 {
		return nil, errors.New("bench extract: the runs must be positive, the ads and pipeline ads not negative")
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	ads, bySet, err := corpusAds(cfg.Shared, cfg.Ads)
	if err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	if len(ads) == 0 {
		return nil, ErrNoAds
	}
	dir := cfg.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "jobscope-bench-extract-")
		if err != nil {
			return nil, fmt.Errorf("bench extract: %w", err)
		}
		defer os.RemoveAll(d)
		dir = d
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	aliases, kind := taxonomyAliases(cfg.Taxonomy, cfg.Places)
	aliasFile, corpusFile := filepath.Join(dir, "aliases.txt"), filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(aliasFile, []byte(strings.Join(aliases, "\n")+"\n"), 0o644); err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	size, err := writeCorpus(corpusFile, ads)
	if err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	rep := &ExtractReport{Ads: len(ads), BySet: bySet, Bytes: size, Aliases: len(aliases), AliasKind: kind,
		Locale: locale(), GOARCH: runtime.GOARCH, CPUs: runtime.NumCPU(), Dir: dir}
	mb := float64(size) / 1e6

	if grep, err := exec.LookPath("grep"); err == nil {
		fmt.Fprintf(cfg.Log, "Timing grep (%d aliases over %.1f MB)...\n", len(aliases), mb)
		g, err := timeGrep(ctx, grep, aliasFile, corpusFile, dir, cfg.Runs)
		if err != nil {
			return nil, fmt.Errorf("bench extract: grep: %w", err)
		}
		g.Name = "grep -o -w -F -f aliases.txt"
		g.summarise(mb, len(ads))
		rep.Grep = g
	} else {
		fmt.Fprintln(cfg.Log, "grep is not on PATH: the yardstick is skipped")
	}

	fmt.Fprintf(cfg.Log, "Timing extraction (%d ads)...\n", len(ads))
	ex := extract.New(cfg.Taxonomy)
	var found findings
	rs, err := timeExtractRuns(ctx, cfg.Runs, func() (run, error) {
		r, f := extractOneCore(ex, ads)
		found = f
		return r, nil
	})
	if err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	rep.Extract = medians("extraction, every field", rs)
	rep.Extract.summarise(mb, len(ads))
	rep.Extract.Findings = found.String()
	// A small corpus can take less than the clock's resolution: no ratio then, rather than Inf.
	if g := rep.Grep; g != nil && g.MBs > 0 {
		rep.Ratio = rep.Extract.MBs / g.MBs
	}
	if g := rep.Grep; g != nil && g.MBsCPU > 0 {
		rep.RatioCPU = rep.Extract.MBsCPU / g.MBsCPU
	}

	if n := runtime.NumCPU(); n > 1 {
		skills := 0
		rs, err := timeExtractRuns(ctx, cfg.Runs, func() (run, error) {
			r, n := extractAllCores(ctx, ex, ads)
			skills = n
			return r, nil
		})
		if err != nil {
			return nil, fmt.Errorf("bench extract: %w", err)
		}
		all := medians(fmt.Sprintf("extraction on %d cores", n), rs)
		all.summarise(mb, len(ads))
		all.Findings = fmt.Sprintf("%d skill mentions", skills)
		rep.AllCores = &all
		if g := rep.Grep; g != nil && g.MBs > 0 {
			rep.RatioAllCores = all.MBs / g.MBs
		}
	}

	if cfg.Pipeline > 0 {
		p, err := timeCommand(ctx, cfg, cfg.Pipeline)
		if err != nil {
			return nil, fmt.Errorf("bench extract: %w", err)
		}
		rep.Pipeline = p
	}
	return rep, nil
}

// timeGrep times grep over the corpus, runs times after a warm-up. grep compiles its patterns on
// every run, as extraction builds its Extractor once and untimed: the fastest run over an empty
// file (the least disturbed by other work) is taken off every run over the corpus.
func timeGrep(ctx context.Context, grep, aliasFile, corpusFile, dir string, runs int) (*Side, error) {
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		return nil, err
	}
	setupRuns, err := timeExtractRuns(ctx, runs, func() (run, error) {
		r, _, err := runGrep(ctx, grep, aliasFile, empty)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	setup := setupRuns[0]
	for _, r := range setupRuns[1:] {
		setup.wall, setup.cpu = min(setup.wall, r.wall), min(setup.cpu, r.cpu)
	}
	var matches int
	rs, err := timeExtractRuns(ctx, runs, func() (run, error) {
		r, m, err := runGrep(ctx, grep, aliasFile, corpusFile)
		matches = m
		r.wall, r.cpu = max(r.wall-setup.wall, 0), max(r.cpu-setup.cpu, 0)
		return r, err
	})
	if err != nil {
		return nil, err
	}
	g := medians("", rs)
	g.Findings = fmt.Sprintf("%d alias matches", matches)
	g.SetupS, g.SetupCPUS = setup.wall, setup.cpu
	return &g, nil
}

// corpusAds reads every ad with a description from shared/data/ads/*/*.jsonl (labels.jsonl
// excepted), then appends n generated ads. bySet counts the ads taken from each set.
func corpusAds(shared string, n int) ([]jobscope.RawAd, map[string]int, error) {
	var ads []jobscope.RawAd
	bySet := map[string]int{}
	if shared != "" {
		files, err := filepath.Glob(filepath.Join(shared, "data", "ads", "*", "*.jsonl"))
		if err != nil {
			return nil, nil, err
		}
		if len(files) == 0 {
			return nil, nil, fmt.Errorf("no ads files under %s", filepath.Join(shared, "data", "ads"))
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

// taxonomyAliases returns the taxonomy's aliases, lowercased, deduplicated and sorted, and says
// what they are.
func taxonomyAliases(tx *taxonomy.Taxonomy, places bool) ([]string, string) {
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
	var size int64
	err := writeFile(path, func(w *bufio.Writer) error {
		for i := range ads {
			a := &ads[i]
			for _, s := range []string{a.Title, a.Location, a.Salary, a.EmploymentType, a.Description} {
				k, _ := w.WriteString(strings.ToLower(s))
				w.WriteByte('\n')
				size += int64(k) + 1
			}
		}
		return nil
	})
	return size, err
}

// locale is the locale grep runs in, which changes its speed.
func locale() string {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v := os.Getenv(k); v != "" {
			return k + "=" + v
		}
	}
	return "C (no LC_ALL, LC_CTYPE or LANG)"
}

// timeExtractRuns runs f once as a warm-up and then runs times.
func timeExtractRuns(ctx context.Context, runs int, f func() (run, error)) ([]run, error) {
	var out []run
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
func runGrep(ctx context.Context, grep, aliases, corpus string) (run, int, error) {
	var lines lineCounter
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, grep, "-o", "-w", "-F", "-f", aliases, corpus)
	cmd.Stdout, cmd.Stderr = &lines, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start).Seconds()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) { // 1: no match
		return run{}, 0, fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	cpu := (cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()).Seconds()
	return run{wall: wall, cpu: cpu}, lines.n, nil
}

// findings counts what extraction found, as a sanity check beside grep's matches.
type findings struct{ titles, salaries, locations, skills int }

func (f findings) String() string {
	return fmt.Sprintf("%d skill mentions, %d titles, %d salaries, %d locations", f.skills, f.titles, f.salaries, f.locations)
}

// extractOneCore extracts every ad on one goroutine with GOMAXPROCS=1 (the collector included), and
// returns the wall time and this process's CPU time it took.
func extractOneCore(ex *extract.Extractor, ads []jobscope.RawAd) (run, findings) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	runtime.GC()
	var f findings
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
	return run{wall: wall, cpu: cputime.Process().Seconds() - cpu0}, f
}

// extractAllCores extracts every ad on every core, in batches whose results are taken in input
// order (internal/ordered, as jobscope extract runs), and returns the wall and CPU time it took.
func extractAllCores(ctx context.Context, ex *extract.Extractor, ads []jobscope.RawAd) (run, int) {
	runtime.GC()
	const batch = 256
	skills := 0
	cpu0 := cputime.Process().Seconds()
	start := time.Now()
	ordered.Run(ctx, runtime.NumCPU(), func(yield func([]jobscope.RawAd) bool) error {
		for i := 0; i < len(ads); i += batch {
			if !yield(ads[i:min(i+batch, len(ads))]) {
				return nil
			}
		}
		return nil
	}, func(b []jobscope.RawAd) int {
		n := 0
		for i := range b {
			n += len(ex.Extract(&b[i]).Skills)
		}
		return n
	}, func(n int) error { skills += n; return nil })
	return run{wall: time.Since(start).Seconds(), cpu: cputime.Process().Seconds() - cpu0}, skills
}

// medians reduces runs to their median wall and CPU times.
func medians(name string, rs []run) Side {
	wall, cpu := make([]float64, len(rs)), make([]float64, len(rs))
	for i, r := range rs {
		wall[i], cpu[i] = r.wall, r.cpu
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	return Side{Name: name, Runs: len(rs), WallS: stats.Percentile(wall, 0.5), CPUS: stats.Percentile(cpu, 0.5)}
}

// summarise sets the side's rates over mb megabytes and ads ads.
func (s *Side) summarise(mb float64, ads int) {
	if s.WallS > 0 {
		s.MBs, s.AdsS = mb/s.WallS, float64(ads)/s.WallS
	}
	if s.CPUS > 0 {
		s.MBsCPU, s.AdsSCPU = mb/s.CPUS, float64(ads)/s.CPUS
	}
}

// timeCommand generates n ads into a temporary file and times cfg.Command's `extract` on it.
func timeCommand(ctx context.Context, cfg ExtractConfig, n int) (*Pipeline, error) {
	dir, err := os.MkdirTemp("", "jobscope-bench-pipeline-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "ads.jsonl")
	fmt.Fprintf(cfg.Log, "Generating %d ads for `jobscope extract`...\n", n)
	if err := writeGenerated(file, gen.Config{Ads: n, Seed: 2026, Years: 3}); err != nil {
		return nil, err
	}
	st, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(cfg.Log, "Timing `jobscope extract` on %d ads (%.0f MB)...\n", n, float64(st.Size())/1e6)
	var lines lineCounter
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, cfg.Command, "extract", file)
	cmd.Stdout, cmd.Stderr = &lines, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("jobscope extract: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	wall := time.Since(start).Seconds()
	if lines.n != n {
		return nil, fmt.Errorf("jobscope extract printed %d lines for %d ads", lines.n, n)
	}
	p := &Pipeline{Ads: n, Bytes: st.Size(), WallS: wall, UserS: cmd.ProcessState.UserTime().Seconds(),
		SysS: cmd.ProcessState.SystemTime().Seconds()}
	cpu := p.UserS + p.SysS
	p.Cores, p.AdsS = cpu/wall, float64(n)/wall
	if cpu > 0 {
		p.AdsPerCPU, p.MBsPerCPU = float64(n)/cpu, float64(st.Size())/1e6/cpu
	}
	return p, nil
}

// WriteText prints the report as `jobscope bench extract` does: the corpus, the aliases and the
// machine, a row of medians and rates per contender, what each found, and the ratios.
func (r *ExtractReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	sets := make([]string, 0, len(r.BySet))
	for s := range r.BySet {
		sets = append(sets, s)
	}
	slices.Sort(sets)
	var parts []string
	for _, s := range sets {
		parts = append(parts, fmt.Sprintf("%s %d", s, r.BySet[s]))
	}
	fmt.Fprintf(bw, "Corpus: %d ads (%s), %.1f MB lowercased (%s)\n", r.Ads, strings.Join(parts, ", "), float64(r.Bytes)/1e6,
		filepath.Join(r.Dir, "corpus.txt"))
	fmt.Fprintf(bw, "Aliases: %d: %s\n", r.Aliases, r.AliasKind)
	fmt.Fprintf(bw, "Machine: %d CPUs, %s; grep in %s; medians of %d runs after a warm-up\n\n", r.CPUs, r.GOARCH, r.Locale, r.Extract.Runs)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\twall s\tMB/s\tads/s\tCPU s\tMB/CPU-s\tads/CPU-s\t")
	sides := []*Side{r.Grep, &r.Extract, r.AllCores}
	for _, s := range sides {
		if s == nil {
			continue
		}
		fmt.Fprintf(tw, "%s\t%.2f\t%.1f\t%.0f\t%.2f\t%.1f\t%.0f\t\n", s.Name, s.WallS, s.MBs, s.AdsS, s.CPUS, s.MBsCPU, s.AdsSCPU)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(bw)
	for _, s := range sides {
		if s != nil {
			fmt.Fprintf(bw, "%s found %s\n", s.Name, s.Findings)
		}
	}
	if r.Grep != nil {
		fmt.Fprintf(bw, "grep's pattern compilation (fastest run on an empty file: %.2f s wall, %.2f s CPU) is taken off its times\n",
			r.Grep.SetupS, r.Grep.SetupCPUS)
		fmt.Fprintf(bw, "Extraction over grep: %.2fx by wall time, %.2fx by CPU time\n", r.Ratio, r.RatioCPU)
		if r.AllCores != nil {
			fmt.Fprintf(bw, "Extraction on %d cores over grep on one: %.2fx by wall time\n", r.CPUs, r.RatioAllCores)
		}
	}
	if p := r.Pipeline; p != nil {
		fmt.Fprintf(bw, "\njobscope extract on %d generated ads (%.0f MB): %.1f s wall, %.1f s user + %.1f s system CPU, %.2f cores used;\n",
			p.Ads, float64(p.Bytes)/1e6, p.WallS, p.UserS, p.SysS, p.Cores)
		fmt.Fprintf(bw, "  %.0f ads/s, %.0f ads/s per core (per CPU second), %.1f MB/s per core (JSON read and written)\n",
			p.AdsS, p.AdsPerCPU, p.MBsPerCPU)
	}
	return bw.Flush()
}
