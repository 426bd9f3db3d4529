package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"jobscope"
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
posting dates.`

// infoJSON is the JSON form of `jobscope info`.
type infoJSON struct {
	Ads         int    `json:"ads"`
	Duplicates  int    `json:"duplicates"`
	SetAside    int    `json:"set_aside"`
	FirstPosted string `json:"first_posted"`
	LastPosted  string `json:"last_posted"`
}

func runInfo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "info", "", infoHelp)
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
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
	out := infoJSON{Ads: in.Ads, Duplicates: in.Duplicates, SetAside: in.SetAside,
		FirstPosted: dateOrEmpty(in.FirstPosted), LastPosted: dateOrEmpty(in.LastPosted)}
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
	st, err := e.openStore(ctx)
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
same period a year earlier and two years earlier: jobs citing the term, their share of all ads of the
market, salaries quoted and their percentiles, beside the same figures over all ads of the market.

A term is a skill ("Python"), a job title ("Backend Developer") or a location ("Manchester"). The
permanent market's salaries are annual figures (year, month and week salaries, at their midpoint);
the contract market's are day rates. Salary figures use the country's currency only.`

// statsReport is the JSON form of `jobscope stats`.
type statsReport struct {
	Term     string            `json:"term"`
	Kind     jobscope.TermKind `json:"kind"`
	Category string            `json:"category"`
	Market   stats.Market      `json:"market"`
	Country  string            `json:"country"`
	Currency string            `json:"currency"`
	AsOf     string            `json:"as_of"`
	Periods  [3]stats.Figures  `json:"periods"`
	All      [3]stats.Figures  `json:"all"`
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "TERM", statsHelp)
	market := fs.String("market", "permanent", "market: permanent or contract")
	asOf := fs.String("as-of", "", "as-of date YYYY-MM-DD (default: the newest posting date in the store)")
	country := fs.String("country", "GB", "country code (GB or US), or all")
	kind := fs.String("kind", "", "the term's kind when its name is ambiguous: skill, title or location")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: name one term (quote it when it has spaces)", errUsage)
	}
	if *market != "permanent" && *market != "contract" {
		return fmt.Errorf("%w: --market must be permanent or contract", errUsage)
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	scope := stats.Scope{Market: stats.Market(*market), Country: strings.ToUpper(*country)}
	if scope.Country == "ALL" {
		scope.Country = ""
	}
	scope.Currency = stats.CurrencyOf(scope.Country)

	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()

	var d time.Time
	if *asOf != "" {
		if d, err = time.Parse(time.DateOnly, *asOf); err != nil {
			return fmt.Errorf("%w: --as-of: %v", errUsage, err)
		}
	}
	m, err := loadMarket(ctx, st)
	if err != nil {
		return err
	}
	term, err := resolveTerm(m.terms, fs.Arg(0), jobscope.TermKind(*kind))
	if err != nil {
		return err
	}
	rep, err := m.report(ctx, st, scope, d, term)
	if err != nil {
		return err
	}
	rep.Country = *country
	if *format == "json" {
		return writeJSON(e.stdout, rep)
	}
	return printStats(e.stdout, &rep)
}

// market is what every term's report needs: the facts of every canonical ad (the baseline, and the
// default as-of date) and the known terms.
type market struct {
	all    []jobscope.AdFact
	newest time.Time // the newest posting date of a canonical ad
	terms  []jobscope.Term
}

func loadMarket(ctx context.Context, st jobscope.Store) (*market, error) {
	m := &market{}
	err := st.Facts(ctx, jobscope.FactQuery{}, func(f jobscope.AdFact) error {
		m.all = append(m.all, f)
		if f.Posted.After(m.newest) {
			m.newest = f.Posted
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(m.all) == 0 {
		return nil, fmt.Errorf("the store holds no ads: run `jobscope ingest` first")
	}
	if m.terms, err = st.Terms(ctx); err != nil {
		return nil, err
	}
	return m, nil
}

// report computes a term's figures as of d (zero: the newest canonical ad, as STATS.md defines it, so
// that copies posted later on other boards never move the periods).
func (m *market) report(ctx context.Context, st jobscope.Store, scope stats.Scope, d time.Time, term jobscope.Term) (statsReport, error) {
	if d.IsZero() {
		d = m.newest
	}
	all := stats.NewAccumulator(scope, d)
	for _, f := range m.all {
		all.Add(f)
	}
	acc := stats.NewAccumulator(scope, d)
	q := jobscope.FactQuery{Kind: term.Kind, Term: term.Name}
	if err := st.Facts(ctx, q, func(f jobscope.AdFact) error { acc.Add(f); return nil }); err != nil {
		return statsReport{}, err
	}
	return statsReport{Term: term.Name, Kind: term.Kind, Category: term.Category, Market: scope.Market,
		Country: scope.Country, Currency: scope.Currency, AsOf: d.Format(time.DateOnly),
		Periods: acc.Figures(all), All: all.Figures(nil)}, nil
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

// printStats writes the report as a table a person reads, like IT Jobs Watch's page.
func printStats(w io.Writer, r *statsReport) error {
	cur := map[string]string{"GBP": "£", "USD": "$"}[r.Currency]
	unit := "salary"
	if r.Market == stats.MarketContract {
		unit = "day rate"
	}
	country := r.Country
	if country == "" || strings.EqualFold(country, "all") {
		country = "all countries"
	}
	fmt.Fprintf(w, "%s (%s): %s market, %s, as of %s\n\n", r.Term, r.Category, r.Market, country, r.AsOf)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// Labels are padded to one width so that, in a right-aligned table, they read left-aligned.
	const labelWidth = 30
	pad := func(label string) string {
		return label + strings.Repeat(" ", max(0, labelWidth-len([]rune(label))))
	}
	head := func(label string) {
		fmt.Fprintf(tw, "%s\t", pad(label))
		for i, p := range r.Periods {
			name := "6 months to " + p.To
			if i == 1 {
				name = "same period 1y ago"
			} else if i == 2 {
				name = "same period 2y ago"
			}
			fmt.Fprintf(tw, "%s\t", name)
		}
		fmt.Fprintln(tw)
	}
	row := func(label string, f func(stats.Figures) string, src [3]stats.Figures) {
		fmt.Fprintf(tw, "%s\t", pad(label))
		for _, p := range src {
			fmt.Fprintf(tw, "%s\t", f(p))
		}
		fmt.Fprintln(tw)
	}
	money := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return cur + thousands(math.Round(*p))
	}
	pct := func(p *float64, sign bool) string {
		if p == nil {
			return "-"
		}
		if sign {
			return fmt.Sprintf("%+.2f%%", *p*100)
		}
		return fmt.Sprintf("%.2f%%", *p*100)
	}
	block := func(src [3]stats.Figures, withShare bool) {
		row("Jobs", func(f stats.Figures) string { return thousands(float64(f.Jobs)) }, src)
		if withShare {
			row("Share of all "+string(r.Market)+" ads", func(f stats.Figures) string { return pct(&f.ShareOfAll, false) }, src)
		}
		row("Salaries quoted", func(f stats.Figures) string { return thousands(float64(f.SalariesQuoted)) }, src)
		row("10th percentile", func(f stats.Figures) string { return money(f.P10) }, src)
		row("25th percentile", func(f stats.Figures) string { return money(f.P25) }, src)
		row("Median "+unit, func(f stats.Figures) string { return money(f.P50) }, src)
		row("  change on a year", func(f stats.Figures) string { return pct(f.MedianChange, true) }, src)
		row("  95% interval", func(f stats.Figures) string {
			if f.MedianCI95 == nil {
				return "-"
			}
			return money(&f.MedianCI95[0]) + "–" + money(&f.MedianCI95[1])
		}, src)
		row("75th percentile", func(f stats.Figures) string { return money(f.P75) }, src)
		row("90th percentile", func(f stats.Figures) string { return money(f.P90) }, src)
		row("Left out as implausible", func(f stats.Figures) string { return thousands(float64(f.Implausible)) }, src)
	}
	head("")
	block(r.Periods, true)
	fmt.Fprintf(tw, "%s\t\t\t\t\n", pad(""))
	fmt.Fprintf(tw, "%s\t\t\t\t\n", pad("All "+string(r.Market)+" jobs (baseline)"))
	block(r.All, false)
	return tw.Flush()
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
