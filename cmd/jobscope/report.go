package main

import (
	"context"
	"encoding/json"
	"fmt"

	"jobscope/toolkit"
)

const reportHelp = `
The weekly market report, for the latest full week of the ads unless --week names one: the skills
rising and falling in rank (the 4 weeks to the week's end against the 4 weeks before), the biggest
moves of permanent median salaries, the skills cited for the first time, who posted most ads, and
the headline figures of the main job titles, each with its n. Markdown, or HTML fit for e-mail
(every style inline); the server lists past reports at /reports with an Atom feed.

  jobscope report [--week 2026-W08] [--format md|html|json]`

func runReport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "report", "", reportHelp)
	var in toolkit.ReportInput
	fs.StringVar(&in.Week, "week", "", "the ISO week, YYYY-Www (default: the latest full week of the ads)")
	fs.StringVar(&in.Country, "country", "GB", "GB or US")
	fs.IntVar(&in.MinJobs, "min-jobs", 0, "the fewest ads a skill needs in both 4-week spans to rise or fall (default 5)")
	format := fs.String("format", "md", "output format: md, html or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: report takes no arguments", errUsage)
	}
	switch *format {
	case "md", "html", "json":
	default:
		return fmt.Errorf("%w: --format must be md, html or json", errUsage)
	}
	svc, err := e.openMarket(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	r, err := toolkit.MakeReport(svc, in)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "html":
		return r.WriteHTML(e.stdout)
	}
	return r.WriteMarkdown(e.stdout)
}
