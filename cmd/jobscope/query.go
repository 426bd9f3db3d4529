package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"jobscope"
	"jobscope/ingest/read"
	"jobscope/stats"
)

func newBufferedWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 64<<10) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

const infoHelp = `Prints what the store holds: ads (copies included), duplicates, records set aside and the range of
posting dates; then, of the ads counted once, how many some figures leave out and why: undated (no
period figure), no permanent or contract market (only "all jobs" figures), no location, no salary
figure, and a salary outside its market's plausible bounds.`

// infoJSON is the JSON form of `jobscope info`.
type infoJSON struct {
	jobscope.Info        // counts and coverage, as the store reports them
	FirstPosted   string `json:"first_posted"`
	LastPosted    string `json:"last_posted"`
}

func runInfo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "info", "", infoHelp)
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := st.Info(ctx)
	if err != nil {
		return err
	}
	out := infoJSON{Info: in, FirstPosted: dateOrEmpty(in.FirstPosted), LastPosted: dateOrEmpty(in.LastPosted)}
	switch *format {
	case "json":
		return writeJSON(e.stdout, out)
	case "text":
		fmt.Fprintf(e.stdout, "database     %s\n", redact(e.db))
		fmt.Fprintf(e.stdout, "ads          %d (%d counted once, %d duplicates)\n", in.Ads, in.Ads-in.Duplicates, in.Duplicates)
		fmt.Fprintf(e.stdout, "set aside    %d\n", in.SetAside)
		if out.FirstPosted != "" {
			fmt.Fprintf(e.stdout, "posted       %s to %s\n", out.FirstPosted, out.LastPosted)
		}
		if in.Canonical > 0 {
			share := func(n int) string { return fmt.Sprintf("%d (%.1f%%)", n, 100*float64(n)/float64(in.Canonical)) }
			fmt.Fprintf(e.stdout, "of the %d ads counted once:\n", in.Canonical)
			fmt.Fprintf(e.stdout, "  undated      %s: in no period figure; re-ingest with --posted YYYY-MM-DD to date them\n", share(in.Undated))
			fmt.Fprintf(e.stdout, "  no market    %s: not permanent or contract (temporary, internship, or nothing said), in \"all jobs\" figures only\n", share(in.NoMarket))
			fmt.Fprintf(e.stdout, "  no location  %s: in no location's figures\n", share(in.NoLocation))
			fmt.Fprintf(e.stdout, "  no salary    %s: quote no pay figure\n", share(in.NoSalary))
			fmt.Fprintf(e.stdout, "  implausible  %s: a salary outside its market's bounds, left out of salary figures\n", share(in.Implausible))
		}
		return nil
	}
	return fmt.Errorf("%w: --format must be text or json", errUsage)
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

const rejectsHelp = `Lists the records set aside by ingest: file, line, reason and the start of the record.`

func runRejects(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "rejects", "", rejectsHelp)
	limit := fs.Int("limit", 0, "list at most this many (0: all)")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := e.openExisting(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	rs, err := st.Rejects(ctx, *limit)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		type rej struct {
			File   string `json:"file"`
			Line   int    `json:"line"`
			Reason string `json:"reason"`
			Record string `json:"record"`
			At     string `json:"at"`
		}
		list := make([]rej, len(rs))
		for i, r := range rs {
			list[i] = rej{r.File, r.Line, r.Reason, r.Record, r.At.UTC().Format(time.RFC3339)}
		}
		return writeJSON(e.stdout, list)
	case "text":
		w := newBufferedWriter(e.stdout)
		defer w.Flush()
		for _, r := range rs {
			rec := strings.Join(strings.Fields(r.Record), " ")
			if len(rec) > 80 {
				rec = rec[:77] + "..."
			}
			fmt.Fprintf(w, "%s:%d: %s\n    %s\n", r.File, r.Line, r.Reason, rec)
		}
		if len(rs) == 0 {
			fmt.Fprintln(w, "nothing set aside")
		}
		return nil
	}
	return fmt.Errorf("%w: --format must be text or json", errUsage)
}

const statsHelp = `
Prints a term's market figures (spec/STATS.md) for three periods: the 6 months to the as-of date, the
same period a year earlier and two years earlier: its rank among the terms of its kind, jobs citing it,
their share of all ads of the market and of its category, live jobs, salaries quoted and their
percentiles, the median's change and its 95% interval, the median outside London; beside them the same
figures over all ads of the market. Then the skills and titles its ads cite, its figures by location,
its monthly trend and the spread of its salaries.

A term is a skill ("Python"), a job title ("Backend Developer") or a location ("Manchester"). The
permanent market's salaries are annual figures (year, month and week salaries, at their midpoint);
the contract market's are day rates (hour rates shown apart). Salary figures use the country's
currency only. --format csv writes one table, chosen with --table.

` + engineNote

// statsReport is the JSON form of `jobscope stats`: every figure of the term's page.
type statsReport = stats.Page

// scopeFlags are the flags every market command shares.
type scopeFlags struct {
	market, country, asOf *string
}

func addScopeFlags(fs *flag.FlagSet) scopeFlags {
	return scopeFlags{
		market:  fs.String("market", "permanent", "market: permanent or contract"),
		country: fs.String("country", "GB", "country code (GB or US), or all"),
		asOf:    fs.String("as-of", "", "as-of date YYYY-MM-DD (default: the newest posting date of a canonical ad)"),
	}
}

// parse checks the flags and returns the scope and the as-of date (zero for the default).
func (f scopeFlags) parse() (stats.Scope, time.Time, error) {
	if *f.market != "permanent" && *f.market != "contract" {
		return stats.Scope{}, time.Time{}, fmt.Errorf("%w: --market must be permanent or contract", errUsage)
	}
	scope := stats.Scope{Market: stats.Market(*f.market), Country: strings.ToUpper(*f.country)}
	if scope.Country == "ALL" {
		scope.Country = ""
	}
	scope.Currency = stats.CurrencyOf(scope.Country)
	var d time.Time
	if *f.asOf != "" {
		var err error
		if d, err = time.Parse(time.DateOnly, *f.asOf); err != nil {
			return scope, d, fmt.Errorf("%w: --as-of: %v", errUsage, err)
		}
		// The zero date would mean "the default" below; no ad is dated outside ingest's window.
		if d.Year() < read.MinYear || d.After(time.Now().AddDate(1, 0, 0)) {
			return scope, time.Time{}, fmt.Errorf("%w: --as-of %s: want a date from %d to a year from today", errUsage, *f.asOf, read.MinYear)
		}
	}
	return scope, d, nil
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "TERM", statsHelp)
	sf := addScopeFlags(fs)
	kind := fs.String("kind", "", "the term's kind when its name is ambiguous: skill, title or location")
	format := fs.String("format", "text", "output format: text, json or csv")
	table := fs.String("table", "periods", "the table --format csv writes: "+strings.Join(statsTables, ", "))
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: name one term (quote it when it has spaces)", errUsage)
	}
	if err := checkFormat(*format, "text", "json", "csv"); err != nil {
		return err
	}
	if !slices.Contains(statsTables, *table) {
		return fmt.Errorf("%w: --table must be one of %s", errUsage, strings.Join(statsTables, ", "))
	}
	scope, d, err := sf.parse()
	if err != nil {
		return err
	}
	st, m, err := e.openMarket(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	term, err := resolveTerm(m.terms, fs.Arg(0), jobscope.TermKind(*kind))
	if err != nil {
		return err
	}
	rep, err := m.report(ctx, st, scope, d, term)
	if err != nil {
		return err
	}
	rep.Country = *sf.country
	switch *format {
	case "json":
		return writeJSON(e.stdout, rep)
	case "csv":
		return writeStatsCSV(e.stdout, &rep, *table)
	}
	return printStats(e.stdout, &rep)
}

// market is every canonical ad of the store in the statistics engine, and the terms they cite.
type market struct {
	engine *stats.Engine
	terms  []jobscope.Term
}

// openMarket opens the store named by --db and loads its market; the caller closes the store.
func (e *env) openMarket(ctx context.Context) (jobscope.Store, *market, error) {
	st, err := e.openExisting(ctx)
	if err != nil {
		return nil, nil, err
	}
	m, err := e.loadMarket(ctx, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, m, nil
}

// loadMarket loads the store's canonical ads into a statistics engine (from its snapshot when it
// can, see loadEngine).
func (e *env) loadMarket(ctx context.Context, st jobscope.Store) (*market, error) {
	en, _, err := e.loadEngine(ctx, st)
	if err != nil {
		return nil, err
	}
	if en.Len() == 0 {
		return nil, fmt.Errorf("the store holds no ads: run `jobscope ingest` first")
	}
	return &market{engine: en, terms: en.Terms()}, nil
}

// report computes a term's page as of d (zero: the newest canonical ad, as STATS.md defines it, so
// that copies posted later on other boards never move the periods).
func (m *market) report(_ context.Context, _ jobscope.Store, scope stats.Scope, d time.Time, term jobscope.Term) (statsReport, error) {
	p, err := m.engine.Page(stats.Query{Kind: term.Kind, Term: term.Name, Scope: scope, AsOf: d})
	if err != nil {
		return statsReport{}, err
	}
	return *p, nil
}

// resolveTerm finds the term a user named: an exact match first, then one that differs only in case;
// a skill before a title before a location when the name is all three, unless kind says which.
func resolveTerm(terms []jobscope.Term, name string, kind jobscope.TermKind) (jobscope.Term, error) {
	order := map[jobscope.TermKind]int{jobscope.KindSkill: 0, jobscope.KindTitle: 1, jobscope.KindLocation: 2}
	var best *jobscope.Term
	bestScore := math.MaxInt
	for i := range terms {
		t := &terms[i]
		if kind != "" && t.Kind != kind {
			continue
		}
		score := -1
		switch {
		case t.Name == name:
			score = order[t.Kind]
		case strings.EqualFold(t.Name, name):
			score = 10 + order[t.Kind]
		}
		if score >= 0 && score < bestScore {
			best, bestScore = t, score
		}
	}
	if best != nil {
		return *best, nil
	}
	near := closest(terms, name, 5)
	if len(near) == 0 {
		return jobscope.Term{}, fmt.Errorf("no ads cite %q", name)
	}
	return jobscope.Term{}, fmt.Errorf("no ads cite %q; the closest known terms: %s", name, strings.Join(near, ", "))
}

// closest lists up to n term names nearest to name: those containing it first, then by edit distance.
func closest(terms []jobscope.Term, name string, n int) []string {
	type cand struct {
		name string
		dist int
		ads  int
	}
	lname := strings.ToLower(name)
	seen := map[string]bool{}
	var cs []cand
	for _, t := range terms {
		if seen[t.Name] {
			continue
		}
		seen[t.Name] = true
		ln := strings.ToLower(t.Name)
		d := levenshtein(lname, ln)
		if strings.Contains(ln, lname) || strings.Contains(lname, ln) {
			d = 0
		}
		if d <= max(2, len(lname)/3) {
			cs = append(cs, cand{t.Name, d, t.Ads})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		if a.ads != b.ads {
			return b.ads - a.ads
		}
		return strings.Compare(a.name, b.name)
	})
	var out []string
	for i := 0; i < len(cs) && i < n; i++ {
		out = append(out, fmt.Sprintf("%q", cs[i].name))
	}
	return out
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// thousands formats a whole number with commas: 1234567 → 1,234,567.
func thousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
