package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"jobscope"
	"jobscope/ingest/queue"
	"jobscope/market"
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
	// QueueBacklog counts the records waiting in the queue --queue names; absent without it.
	QueueBacklog *uint64 `json:"queue_backlog,omitempty"`
}

func runInfo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "info", "", infoHelp)
	format := fs.String("format", "text", "output format: text or json")
	queueURL := fs.String("queue", "", "also show the backlog of this NATS JetStream queue (nats://HOST:4222)")
	stream := fs.String("stream", queue.DefaultStream, "with --queue, the JetStream stream")
	if err := parse(fs, args); err != nil {
		return err
	}
	var backlog *uint64
	if *queueURL != "" {
		n, err := queue.Backlog(ctx, queue.Config{URL: *queueURL, Stream: *stream})
		if err != nil {
			return err
		}
		backlog = &n
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
	out := infoJSON{Info: in, FirstPosted: dateOrEmpty(in.FirstPosted), LastPosted: dateOrEmpty(in.LastPosted), QueueBacklog: backlog}
	switch *format {
	case "json":
		return writeJSON(e.stdout, out)
	case "text":
		fmt.Fprintf(e.stdout, "database     %s\n", market.Redact(e.db))
		fmt.Fprintf(e.stdout, "ads          %d (%d counted once, %d duplicates)\n", in.Ads, in.Ads-in.Duplicates, in.Duplicates)
		fmt.Fprintf(e.stdout, "set aside    %d\n", in.SetAside)
		if backlog != nil {
			fmt.Fprintf(e.stdout, "queue        %d records waiting for a worker\n", *backlog)
		}
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
Prints a term's market figures (docs/figures.md) for three periods: the 6 months to the as-of date, the
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

// engineNote ends the help of the commands that read the engine.
const engineNote = `The figures come from the statistics engine, which starts from its snapshot (DB.engine beside an
SQLite file, the user cache directory for PostgreSQL) and reads from the store only the ads written
since; without a usable snapshot it is rebuilt from every ad and the snapshot written. The global
flag --snapshot=false always rebuilds.`

// statsReport is the JSON form of `jobscope stats`: every figure of the term's page.
type statsReport = stats.Page

// scopeFlags are the flags every market command shares.
type scopeFlags struct {
	market, country, asOf, baseline *string
	minSal                          *int
}

func addScopeFlags(fs *flag.FlagSet) scopeFlags {
	return scopeFlags{
		minSal:  fs.Int("min-salaries", market.DefaultMinSalaries, "give no percentile or median over fewer salary figures than this (shown as -, the count still given); 0 gives all"),
		market:  fs.String("market", "permanent", "market: permanent or contract"),
		country: fs.String("country", "GB", "country code (GB or US), or all"),
		asOf:    fs.String("as-of", "", "as-of date YYYY-MM-DD (default: the newest posting date of a canonical ad)"),
		baseline: fs.String("baseline", "", "the population every figure is within: tech (every tech job) or all (every job); "+
			"default tech, or all for a term whose ads are mostly not tech jobs"),
	}
}

// parse checks the flags and returns the scope and the as-of date (zero for the default).
func (f scopeFlags) parse() (stats.Scope, time.Time, error) {
	return market.ParseScope(market.ScopeInput{Market: *f.market, Country: *f.country, AsOf: *f.asOf,
		Baseline: *f.baseline}, time.Now())
}

// countryLabel names a scope's country in a report: its code, or "all".
func countryLabel(s stats.Scope) string {
	if s.Country == "" {
		return "all"
	}
	return s.Country
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "TERM", statsHelp)
	sf := addScopeFlags(fs)
	kind := fs.String("kind", "", "the term's kind when its name is ambiguous: skill, title or location")
	format := fs.String("format", "text", "output format: text, json or csv")
	table := fs.String("table", "periods", "the table --format csv writes: "+strings.Join(statsTables, ", "))
	location := fs.String("location", "", "narrow every figure to a place, county, region, nation, \""+stats.GBExclLondon+"\" or \""+stats.WorkFromHome+"\"")
	cf := addCutFlags(fs)
	by := fs.String("by", "", "instead of the page, the salary table of the latest period by "+strings.Join(market.ByDimensions, ", ")+
		": jobs, salaries quoted, percentiles and the median's interval, permanent and contract")
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
	svc, err := e.openMarket(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	term, err := svc.Resolve(fs.Arg(0), jobscope.TermKind(*kind))
	if err != nil {
		return err
	}
	scope = svc.BaselineFor(term, *sf.baseline, scope)
	cut, err := svc.Cut(cf.input(*location), scope)
	if err != nil {
		return err
	}
	if *by != "" {
		t, err := svc.By(term, scope, d, *sf.minSal, cut, *by)
		if err != nil {
			return err
		}
		switch *format {
		case "json":
			return writeJSON(e.stdout, t)
		case "csv":
			return writeCSV(e.stdout, t.Table())
		}
		return printBy(e.stdout, t)
	}
	rep, err := svc.CutPage(term, scope, d, *sf.minSal, cut)
	if err != nil {
		return err
	}
	rep.Country = countryLabel(scope)
	switch *format {
	case "json":
		return writeJSON(e.stdout, rep)
	case "csv":
		rows, err := market.PageTable(rep, *table)
		if err != nil {
			return err
		}
		return writeCSV(e.stdout, rows)
	}
	return printStats(e.stdout, rep)
}

// cutFlags are the flags that narrow a question besides its location (which each command words
// its own way).
type cutFlags struct {
	seniority, workMode, title, skill, ir35, company *string
}

func addCutFlags(fs *flag.FlagSet) cutFlags {
	return cutFlags{
		seniority: fs.String("seniority", "", "narrow to one level: "+strings.Join(stats.Seniorities, ", ")),
		workMode:  fs.String("work-mode", "", "narrow to one work mode: "+strings.Join(stats.WorkModes, ", ")),
		title:     fs.String("title", "", "narrow to the ads of a job title (with a skill term: that title's ads citing it)"),
		skill:     fs.String("skill", "", "narrow to the ads citing a skill"),
		ir35:      fs.String("ir35", "", "narrow to the contracts an ad says are inside or outside IR35"),
		company:   fs.String("company", "", "narrow to the ads of one advertiser (any case)"),
	}
}

// input is the cut the flags give, with a location.
func (f cutFlags) input(location string) market.CutInput {
	return market.CutInput{Location: location, Seniority: *f.seniority, WorkMode: *f.workMode, Title: *f.title,
		Skill: *f.skill, IR35: *f.ir35, Company: *f.company}
}

// openMarket opens the market service of the store named by --db; the caller closes it.
func (e *env) openMarket(ctx context.Context) (*market.Service, error) {
	return market.Open(ctx, e.marketConfig())
}

// marketConfig is the service's configuration from the global flags.
func (e *env) marketConfig() market.Config {
	return market.Config{DB: e.db, NoSnapshot: e.noSnapshot, Log: e.log()}
}

// thousands formats a whole number with commas: 1234567 → 1,234,567.
func thousands(v float64) string { return market.Thousands(v) }

// printBy writes a breakdown table: a row per value, permanent salaries then contract day rates.
func printBy(w io.Writer, t *market.ByTable) error {
	bw := newBufferedWriter(w)
	defer bw.Flush()
	fmt.Fprintf(bw, "%s (%s) by %s: %s, %s to %s, %s\n", t.Term, t.Category, t.By, countryName(countryOr(t.Country)), t.From, t.To,
		baselineWords(t.Baseline))
	if c := t.Cut; c != nil {
		fmt.Fprintf(bw, "within the ads that are: %s\n", cutWords(c))
	}
	fmt.Fprintln(bw)
	cur := stats.CurrencyOf(t.Country)
	money := moneyOf(cur)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	ir35 := false
	for _, r := range t.Rows {
		ir35 = ir35 || r.InsideIR35 != nil || r.OutsideIR35 != nil
	}
	ir35Head, ir35Cells := "", func(market.ByRow) string { return "" }
	if ir35 {
		ir35Head = "|\tinside IR35\tmedian\toutside IR35\tmedian\t"
		ir35Cells = func(r market.ByRow) string {
			cell := func(f *stats.Figures) string {
				if f == nil {
					return "0\t-\t"
				}
				return fmt.Sprintf("%d\t%s\t", f.SalariesQuoted, money(f.P50))
			}
			return "|\t" + cell(r.InsideIR35) + cell(r.OutsideIR35)
		}
	}
	fmt.Fprintf(tw, "%s\tjobs\tsalaries\tp10\tp25\tmedian\t95%% interval\tp75\tp90\t|\tjobs\tday rates\tp10\tmedian\tp90\t%s\n", t.By, ir35Head)
	ci := func(f stats.Figures) string {
		if f.MedianCI95 == nil {
			return "-"
		}
		return money(&f.MedianCI95[0]) + "–" + money(&f.MedianCI95[1])
	}
	for _, r := range t.Rows {
		p, c := r.Permanent, r.Contract
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t|\t%d\t%d\t%s\t%s\t%s\t%s\n", r.Value,
			p.Jobs, p.SalariesQuoted, money(p.P10), money(p.P25), money(p.P50), ci(p), money(p.P75), money(p.P90),
			c.Jobs, c.SalariesQuoted, money(c.P10), money(c.P50), money(c.P90), ir35Cells(r))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(bw, "\npermanent: annual salaries; contract: day rates")
	if ir35 {
		fmt.Fprintf(bw, ", split by the IR35 status the ads state (day rates quoted, median)")
	}
	fmt.Fprintf(bw, ". - where fewer salaries than --min-salaries.\n")
	return nil
}

func countryOr(c string) string {
	if c == "" {
		return "all"
	}
	return c
}

// cutWords lists a cut's values: "senior, Backend Developer, London".
func cutWords(c *stats.Cut) string {
	var within []string
	ir35 := ""
	if c.IR35 != "" {
		ir35 = c.IR35 + " IR35"
	}
	for _, v := range []string{c.Seniority, c.WorkMode, ir35, c.Title, c.Skill, c.Location, c.Company} {
		if v != "" {
			within = append(within, v)
		}
	}
	return strings.Join(within, ", ")
}

// baselineWords names a page's population: "all tech jobs" or "all jobs".
func baselineWords(b string) string {
	if b == "tech" {
		return "within all tech jobs"
	}
	return "within all jobs"
}
