package main

import (
	"context"
	"encoding/json"
	"fmt"

	"jobscope/toolkit"
)

const benchmarkHelp = `
A salary benchmark for a job title, from the ads of the latest 6 months: the band (p10, p25, median,
p75, p90) of permanent salaries and of contract day rates, each with n and the median's 95%
interval. Where a place has too few salaries, the place widens (place, county, region, nation,
country) and the answer says which widening it made. Beside the bands: the title's table by level,
the London premium, the remote / hybrid / on-site medians, and each common skill's premium within
the same level (a skill asked mostly of seniors looks well paid: it is compared with ads of its own
level only, weighted by the title's mix of levels, and "no clear difference" where the interval
says so).

  jobscope benchmark --title "Backend Developer" --seniority senior --location Manchester [--skill Go]

--format json gives the bands as permanent and contract (n, p10 … p90) and the widenings as widened.`

func runBenchmark(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "benchmark", "", benchmarkHelp)
	var in toolkit.BenchmarkInput
	fs.StringVar(&in.Title, "title", "", "the job title, by any alias")
	fs.StringVar(&in.Seniority, "seniority", "", "the level: intern, graduate, junior, mid, senior, lead, principal, head")
	fs.StringVar(&in.Location, "location", "", "a place, county, region or nation")
	fs.StringVar(&in.Skill, "skill", "", "a skill the ads must cite")
	fs.StringVar(&in.Country, "country", "GB", "GB or US")
	fs.StringVar(&in.AsOf, "as-of", "", "the last day of the 6 months, YYYY-MM-DD (default: the newest ad)")
	fs.IntVar(&in.MinN, "min-salaries", 0, "the fewest salaries a band is given over before the place widens (default 10)")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: benchmark takes no arguments (the title is --title)", errUsage)
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: --format must be text or json", errUsage)
	}
	svc, err := e.openMarket(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	b, err := toolkit.Bench(svc, in)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(b)
	}
	return b.WriteText(e.stdout)
}
