package main

import (
	"context"
	"encoding/json"
	"fmt"

	"jobscope/toolkit"
)

const briefHelp = `
The short honest brief for a job spec, from the ads of the latest 6 months for the title (at its
level, in its place): the skills most of them ask for (must have: 40% of the ads or more), the
ones many do (nice to have: 15% to 40%), what to leave off (rarely asked, or mostly asked of
another role), the salary and day-rate bands, the work-mode mix, how many live ads compete for the
same people, and how long ads stay open (posted to closed, where the ads give a closing date).
Markdown a hiring manager can paste.

  jobscope brief --title "Backend Developer" --seniority mid --location London`

func runBrief(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "brief", "", briefHelp)
	var in toolkit.BriefInput
	fs.StringVar(&in.Title, "title", "", "the job title, by any alias")
	fs.StringVar(&in.Seniority, "seniority", "", "the level")
	fs.StringVar(&in.Location, "location", "", "a place, county, region or nation")
	fs.StringVar(&in.Country, "country", "GB", "GB or US")
	fs.StringVar(&in.AsOf, "as-of", "", "the last day of the 6 months, YYYY-MM-DD (default: the newest ad)")
	format := fs.String("format", "md", "output format: md or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: brief takes no arguments (the title is --title)", errUsage)
	}
	if *format != "md" && *format != "json" {
		return fmt.Errorf("%w: --format must be md or json", errUsage)
	}
	svc, err := e.openMarket(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	br, err := toolkit.MakeBrief(svc, in)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(br)
	}
	return br.WriteMarkdown(e.stdout)
}
