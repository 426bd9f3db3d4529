package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"jobscope/toolkit"
)

const costHelp = `
What a permanent hire costs in its first year and every year after: the salary, the employer's
payroll taxes and pension (from the country's rules file, each line naming its tax year and source),
benefits and overhead, the recruiting fee and the ramp-up (the pay for work a new hire does not yet
deliver); with --day-rate, a contractor for the same year beside it.

  jobscope cost --salary 110000 --currency USD
  jobscope cost --salary 60000 --fee 0 --day-rate 550
  jobscope cost --title "Backend Developer" --seniority senior --location Leeds   # the benchmark's medians
  jobscope cost --salary 110000 --currency USD --overhead 0.2 --fee 0 --ramp-days 0 --no-taxes   # 132,000

The rules jobscope carries are GB (employer National Insurance, auto-enrolment pension) and US
(Social Security, Medicare, FUTA and an estimate of state unemployment tax); --rules FILE replaces
them (the format is in the carried files: jobscope cost --show-rules).`

func runCost(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "cost", "", costHelp)
	d := toolkit.DefaultCostInput()
	salary := fs.Float64("salary", 0, "the annual salary")
	currency := fs.String("currency", "GBP", "the salary's currency: GBP (GB rules) or USD (US rules)")
	rulesFile := fs.String("rules", "", "a rules FILE of payroll taxes and pension to use instead of the carried ones")
	showRules := fs.Bool("show-rules", false, "print the carried rules file of --currency and stop")
	in := d
	fs.Float64Var(&in.Overhead, "overhead", d.Overhead, "benefits and overhead, as a share of salary")
	fs.Float64Var(&in.Fee, "fee", d.Fee, "the recruiting fee, as a share of salary (0 for a direct hire)")
	fs.Float64Var(&in.RampDays, "ramp-days", d.RampDays, "working days a new hire takes to reach full output")
	fs.Float64Var(&in.RampProductivity, "ramp-productivity", d.RampProductivity, "the share of full output delivered while ramping up")
	fs.Float64Var(&in.Days, "days", d.Days, "working days a year: a day's pay, and a contractor's year")
	fs.BoolVar(&in.NoTaxes, "no-taxes", false, "leave out payroll taxes and pension")
	fs.Float64Var(&in.DayRate, "day-rate", 0, "a contractor's day rate to compare")
	var bin toolkit.BenchmarkInput
	fs.StringVar(&bin.Title, "title", "", "take the salary (and the day rate) from the benchmark's medians of this job title")
	fs.StringVar(&bin.Seniority, "seniority", "", "with --title: the level")
	fs.StringVar(&bin.Location, "location", "", "with --title: the place")
	fs.StringVar(&bin.Skill, "skill", "", "with --title: a skill")
	format := fs.String("format", "text", "output format: text or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: cost takes no arguments", errUsage)
	}
	in.Salary, in.Currency = *salary, strings.ToUpper(*currency)
	var from string
	if bin.Title != "" {
		if *salary != 0 {
			return fmt.Errorf("%w: --salary or --title, not both", errUsage)
		}
		if in.Currency == "USD" {
			bin.Country = "US"
		}
		svc, err := e.openMarket(ctx)
		if err != nil {
			return err
		}
		b, err := toolkit.Bench(svc, bin)
		svc.Close()
		if err != nil {
			return err
		}
		if b.Permanent.P50 == nil {
			return fmt.Errorf("the benchmark of %s has %d permanent salaries, too few for a median: give --salary", b.Title, b.Permanent.N)
		}
		in.Salary = *b.Permanent.P50
		if in.DayRate == 0 && b.Contract.P50 != nil {
			in.DayRate = *b.Contract.P50
		}
		from = fmt.Sprintf("the median of %d permanent salaries of the benchmark (%s, %s to %s)", b.Permanent.N,
			strings.Join(append([]string{b.Title}, nonEmpty(b.Seniority, b.Permanent.Location, b.Skill)...), ", "), b.From, b.To)
		if b.Contract.P50 != nil {
			from += fmt.Sprintf("; day rate: the median of %d contract day rates", b.Contract.N)
		}
	}
	var rules *toolkit.Rules
	var err error
	if *rulesFile != "" {
		rules, err = toolkit.LoadRules(*rulesFile)
	} else {
		var country string
		if country, err = toolkit.CountryOf(in.Currency); err == nil {
			rules, err = toolkit.DefaultRules(country)
		}
	}
	if err != nil && !in.NoTaxes {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if *showRules {
		if rules == nil {
			return fmt.Errorf("%w: no rules to show", errUsage)
		}
		return toolkit.WriteRules(e.stdout, rules)
	}
	if in.Salary == 0 {
		return fmt.Errorf("%w: give --salary, or --title to take the benchmark's median", errUsage)
	}
	c, err := toolkit.CostOf(in, rules)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if from != "" {
		c.Lines[0].From = from
	}
	switch *format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(c)
	case "text":
		return c.WriteText(e.stdout)
	}
	return fmt.Errorf("%w: --format must be text or json", errUsage)
}

// nonEmpty keeps the values that are set.
func nonEmpty(vs ...string) []string {
	var out []string
	for _, v := range vs {
		if v != "" {
			out = append(out, v)
		}
	}
	return out
}
