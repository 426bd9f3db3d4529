package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"jobscope"
	"jobscope/market"
	"jobscope/stats"
)

// statsTables are the tables `jobscope stats --format csv` writes.
var statsTables = market.PageTables

const indexHelp = `
Ranks every term of a kind (skills, job titles or locations) by the jobs citing it in the 6 months to
the as-of date: its rank and the rank's change on a year, jobs now and a year earlier, share of all ads
of the market, and the median salary (day rate for contract) with its change. --location ranks within
a location (a nation, region or state, "GB excluding London", "Work from Home"); --category lists the
terms of one category, ranked among the whole kind.

` + engineNote

func runIndex(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "index", "", indexHelp)
	sf := addScopeFlags(fs)
	kind := fs.String("kind", "skill", "the kind of term: skill, title or location")
	category := fs.String("category", "", "only terms of this category (e.g. \"Programming Languages\")")
	location := fs.String("location", "", "rank within this location: a region or nation (London, Scotland, \""+stats.GBExclLondon+"\"), or any place or county the ads name")
	cf := addCutFlags(fs)
	sortBy := fs.String("sort", "rank", "column to sort by: "+strings.Join(stats.IndexSorts, ", "))
	reverse := fs.Bool("reverse", false, "reverse the order")
	limit := fs.Int("limit", 50, "list at most this many terms (0: all)")
	minJobs := fs.Int("min-jobs", 0, "leave out the terms of fewer ads than this in the latest period")
	format := fs.String("format", "text", "output format: text, json or csv")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: index takes no arguments", errUsage)
	}
	k := jobscope.TermKind(*kind)
	if k != jobscope.KindSkill && k != jobscope.KindTitle && k != jobscope.KindLocation {
		return fmt.Errorf("%w: --kind must be skill, title or location", errUsage)
	}
	if err := checkFormat(*format, "text", "json", "csv"); err != nil {
		return err
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
	cut, err := svc.Cut(cf.input(""), scope)
	if err != nil {
		return err
	}
	idx, err := svc.Index(stats.IndexQuery{Kind: k, Scope: scope, AsOf: d, Category: *category, Cut: cut,
		Location: *location, Sort: *sortBy, Reverse: *reverse, MinSalaries: *sf.minSal, MinJobs: *minJobs})
	if err != nil {
		return err
	}
	idx.Country = countryLabel(scope)
	if *limit > 0 && len(idx.Terms) > *limit {
		idx.Terms = idx.Terms[:*limit]
	}
	switch *format {
	case "json":
		return writeJSON(e.stdout, idx)
	case "csv":
		return writeCSV(e.stdout, market.IndexTable(idx))
	}
	return printIndex(e.stdout, idx)
}

const compareHelp = `
Shows several terms side by side for the same market and period: rank, jobs, share of all ads, live
jobs and the salary percentiles, now and their change on a year.

` + engineNote

func runCompare(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "compare", "TERM TERM...", compareHelp)
	sf := addScopeFlags(fs)
	kind := fs.String("kind", "", "the terms' kind when a name is ambiguous: skill, title or location")
	format := fs.String("format", "text", "output format: text, json or csv")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		return fmt.Errorf("%w: name two terms or more", errUsage)
	}
	if err := checkFormat(*format, "text", "json", "csv"); err != nil {
		return err
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
	var terms []jobscope.Term
	for _, name := range fs.Args() {
		t, err := svc.Resolve(name, jobscope.TermKind(*kind))
		if err != nil {
			return err
		}
		terms = append(terms, t)
	}
	pages, err := svc.Compare(terms, svc.BaselineForAll(terms, *sf.baseline, scope), d, *sf.minSal)
	if err != nil {
		return err
	}
	for _, p := range pages {
		p.Country = countryLabel(scope)
	}
	switch *format {
	case "json":
		return writeJSON(e.stdout, pages)
	case "csv":
		return writeCSV(e.stdout, market.CompareTable(pages))
	}
	return printCompare(e.stdout, pages)
}

// Formatting shared by the reports.

func moneyOf(cur string) func(*float64) string {
	return func(p *float64) string { return market.Money(cur, p) }
}

func percent(v float64) string { return market.Percent(v) }

func change(p *float64) string { return market.Change(p) }

func rankOf(p *int) string {
	if p == nil {
		return "-"
	}
	return strconv.Itoa(*p)
}

func rankChangeOf(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%+d", *p)
}

func countryName(c string) string {
	if c == "" || strings.EqualFold(c, "all") {
		return "all countries"
	}
	return c
}

// payUnit names the market's salary figure.
func payUnit(m stats.Market) string {
	if m == stats.MarketContract {
		return "day rate"
	}
	return "salary"
}

// printStats writes a term's page as a report a person reads, like IT Jobs Watch's page.
func printStats(w io.Writer, r *statsReport) error {
	bw := newBufferedWriter(w)
	defer bw.Flush()
	money := moneyOf(r.Currency)
	unit := payUnit(r.Market)
	all := "all " + string(r.Market) + " jobs"
	if r.Baseline == "tech" {
		all = "all " + string(r.Market) + " tech jobs"
	}
	fmt.Fprintf(bw, "%s (%s): %s market, %s, as of %s, %s\n", r.Term, r.Category, r.Market, countryName(r.Country), r.AsOf,
		baselineWords(r.Baseline))
	if c := r.Cut; c != nil {
		fmt.Fprintf(bw, "within the ads that are: %s (shares, ranks and the baseline too)\n", cutWords(c))
	}
	fmt.Fprintln(bw)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	// Labels are padded to one width so that, in a right-aligned table, they read left-aligned.
	const labelWidth = 40
	pad := func(label string) string {
		return label + strings.Repeat(" ", max(0, labelWidth-len([]rune(label))))
	}
	fmt.Fprintf(tw, "%s\t6 months to %s\tsame period 1y ago\tsame period 2y ago\t\n", pad(""), r.Periods[0].To)
	row := func(label string, cells [3]string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", pad(label), cells[0], cells[1], cells[2])
	}
	each := func(f func(i int) string) [3]string { return [3]string{f(0), f(1), f(2)} }
	figs := func(src [3]stats.Figures, term bool) {
		row("Jobs", each(func(i int) string { return thousands(float64(src[i].Jobs)) }))
		if term {
			row("Share of "+all, each(func(i int) string { return percent(src[i].ShareOfAll) }))
			cat := "Share of " + r.Category + " jobs"
			if r.Kind == jobscope.KindTitle {
				cat = "Share of those with a recognised title"
			}
			row(cat, each(func(i int) string { return percent(r.Periods[i].ShareOfCategory) }))
		} else {
			row("With a recognised job title", each(func(i int) string { return thousands(float64(r.WithTitle[i])) }))
			row("  as a share of them", each(func(i int) string {
				if src[i].Jobs == 0 {
					return "-"
				}
				return percent(float64(r.WithTitle[i]) / float64(src[i].Jobs))
			}))
		}
		row("Live jobs at the period's end", each(func(i int) string { return thousands(float64(src[i].LiveJobs)) }))
		row("Salaries quoted", each(func(i int) string { return thousands(float64(src[i].SalariesQuoted)) }))
		row("10th percentile", each(func(i int) string { return money(src[i].P10) }))
		row("25th percentile", each(func(i int) string { return money(src[i].P25) }))
		row("Median "+unit, each(func(i int) string { return money(src[i].P50) }))
		row("  change on a year", each(func(i int) string { return change(src[i].MedianChange) }))
		row("  95% interval", each(func(i int) string {
			if ci := src[i].MedianCI95; ci != nil {
				return money(&ci[0]) + "–" + money(&ci[1])
			}
			return "-"
		}))
		row("  excluding London", each(func(i int) string { return money(src[i].MedianExclLondon) }))
		row("  its change on a year", each(func(i int) string { return change(src[i].MedianExclLondonChange) }))
		row("75th percentile", each(func(i int) string { return money(src[i].P75) }))
		row("90th percentile", each(func(i int) string { return money(src[i].P90) }))
		row("Left out as implausible", each(func(i int) string { return thousands(float64(src[i].Implausible)) }))
		if h := src[0].Hourly; h != nil && h.SalariesQuoted+src[1].Hourly.SalariesQuoted+src[2].Hourly.SalariesQuoted > 0 {
			row("Hourly rates quoted", each(func(i int) string { return thousands(float64(src[i].Hourly.SalariesQuoted)) }))
			row("Median hourly rate", each(func(i int) string { return money(src[i].Hourly.P50) }))
		}
	}
	var term [3]stats.Figures
	for i := range term {
		term[i] = r.Periods[i].Figures
	}
	row("Rank", each(func(i int) string { return rankOf(r.Periods[i].Rank) }))
	row("  change on a year", each(func(i int) string { return rankChangeOf(r.Periods[i].RankChange) }))
	figs(term, true)
	row("", [3]string{})
	row(strings.ToUpper(all[:1])+all[1:]+" (the baseline)", [3]string{})
	figs(r.All, false)
	if err := tw.Flush(); err != nil {
		return err
	}
	if c := r.Coverage; c.Undated+c.NoMarket > 0 {
		fmt.Fprintf(bw, "\nOf the %s ads citing %s (every country, all time), these figures cannot count:\n", thousands(float64(c.Ads)), r.Term)
		if c.Undated > 0 {
			fmt.Fprintf(bw, "  %s undated, in no period: ingest them again with --posted YYYY-MM-DD\n", thousands(float64(c.Undated)))
		}
		if c.NoMarket > 0 {
			fmt.Fprintf(bw, "  %s neither permanent nor contract (temporary, internship, or the ad does not say)\n", thousands(float64(c.NoMarket)))
		}
	}

	if top := r.Cooccurring.Top; len(top) > 0 {
		fmt.Fprintf(bw, "\nSkills and titles cited with %s, 6 months to %s (of %s jobs)\n", r.Term, r.Periods[0].To,
			thousands(float64(r.Periods[0].Jobs)))
		tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		for _, c := range top[:min(len(top), 20)] {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.Term, c.Category, thousands(float64(c.Jobs)), percent(c.Share))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Locations) > 0 {
		fmt.Fprintf(bw, "\nBy location, 6 months to %s\n", r.Periods[0].To)
		tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "%s\tjobs\tmedian %s\tchange\trank\trank change\tlive\t\n", pad("  location"), unit)
		for _, l := range r.Locations {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", pad("  "+l.Location), thousands(float64(l.Jobs)), money(l.P50),
				change(l.MedianChange), rankOf(l.Rank), rankChangeOf(l.RankChange), thousands(float64(l.LiveJobs)))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(r.Trend) > 0 {
		trend := r.Trend[max(0, len(r.Trend)-24):]
		peak := 0.0
		for _, p := range trend {
			peak = max(peak, p.Share)
		}
		fmt.Fprintf(bw, "\nMonthly trend (share of all %s jobs; median %s over 3 months)\n", r.Market, unit)
		tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		for _, p := range trend {
			bar := ""
			if peak > 0 {
				bar = strings.Repeat("█", int(math.Round(p.Share/peak*30)))
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", p.Month, thousands(float64(p.Jobs)), percent(p.Share), money(p.P50), bar)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if bins := r.Histogram.Bins; len(bins) > 0 {
		peak := 0
		for _, b := range bins {
			peak = max(peak, b.Count)
		}
		plural := map[string]string{"salary": "salaries", "day rate": "day rates"}[unit]
		fmt.Fprintf(bw, "\nSpread of %s, 6 months to %s\n", plural, r.Periods[0].To)
		tw = tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
		for _, b := range bins {
			from, to := b.From, b.To
			fmt.Fprintf(tw, "  %s–%s\t%d\t%s\n", money(&from), money(&to), b.Count,
				strings.Repeat("█", int(math.Ceil(float64(b.Count)/float64(peak)*30))))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes rows as CSV.
func writeCSV(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func printIndex(w io.Writer, idx *stats.Index) error {
	bw := newBufferedWriter(w)
	defer bw.Flush()
	money := moneyOf(idx.Currency)
	where := countryName(idx.Country)
	if idx.Location != "" {
		where = idx.Location
	}
	if c := idx.Cut; c != nil && c.Location != "" {
		where = c.Location
	}
	what := map[jobscope.TermKind]string{jobscope.KindSkill: "Skills", jobscope.KindTitle: "Job titles",
		jobscope.KindLocation: "Locations"}[idx.Kind]
	if idx.Category != "" {
		what += " (" + idx.Category + ")"
	}
	fmt.Fprintf(bw, "%s, %s market, %s, 6 months to %s, %s (%s ads)\n", what, idx.Market, where, idx.To,
		baselineWords(idx.Baseline), thousands(float64(idx.Jobs)))
	if c := idx.Cut; c != nil {
		if w := cutWords(&stats.Cut{Seniority: c.Seniority, WorkMode: c.WorkMode, IR35: c.IR35, Title: c.Title, Skill: c.Skill, Company: c.Company}); w != "" {
			fmt.Fprintf(bw, "within the ads that are: %s (shares and ranks too)\n", w)
		}
	}
	fmt.Fprintln(bw)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rank\tchange\t%-30s\tjobs\t1y ago\tshare\tmedian %s\tchange\t\n", "term", payUnit(idx.Market))
	for _, r := range idx.Terms {
		fmt.Fprintf(tw, "%s\t%s\t%-30s\t%s\t%s\t%s\t%s\t%s\t\n", rankOf(r.Rank), rankChangeOf(r.RankChange), r.Term,
			thousands(float64(r.Jobs)), thousands(float64(r.JobsYearAgo)), percent(r.ShareOfAll), money(r.Median),
			change(r.MedianChange))
	}
	return tw.Flush()
}

func printCompare(w io.Writer, pages []*stats.Page) error {
	bw := newBufferedWriter(w)
	defer bw.Flush()
	p0 := pages[0]
	money := moneyOf(p0.Currency)
	unit := payUnit(p0.Market)
	fmt.Fprintf(bw, "%s market, %s, 6 months to %s\n\n", p0.Market, countryName(p0.Country), p0.Periods[0].To)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', tabwriter.AlignRight)
	const labelWidth = 28
	row := func(label string, f func(p *stats.Page) string) {
		fmt.Fprintf(tw, "%s%s\t", label, strings.Repeat(" ", max(0, labelWidth-len([]rune(label)))))
		for _, p := range pages {
			fmt.Fprintf(tw, "%s\t", f(p))
		}
		fmt.Fprintln(tw)
	}
	row("", func(p *stats.Page) string { return p.Term })
	row("Rank", func(p *stats.Page) string { return rankOf(p.Periods[0].Rank) })
	row("  change on a year", func(p *stats.Page) string { return rankChangeOf(p.Periods[0].RankChange) })
	row("Jobs", func(p *stats.Page) string { return thousands(float64(p.Periods[0].Jobs)) })
	row("  a year earlier", func(p *stats.Page) string { return thousands(float64(p.Periods[1].Jobs)) })
	row("Share of all jobs", func(p *stats.Page) string { return percent(p.Periods[0].ShareOfAll) })
	row("Live jobs", func(p *stats.Page) string { return thousands(float64(p.Periods[0].LiveJobs)) })
	row("Salaries quoted", func(p *stats.Page) string { return thousands(float64(p.Periods[0].SalariesQuoted)) })
	row("10th percentile", func(p *stats.Page) string { return money(p.Periods[0].P10) })
	row("Median "+unit, func(p *stats.Page) string { return money(p.Periods[0].P50) })
	row("  change on a year", func(p *stats.Page) string { return change(p.Periods[0].MedianChange) })
	row("90th percentile", func(p *stats.Page) string { return money(p.Periods[0].P90) })
	return tw.Flush()
}
