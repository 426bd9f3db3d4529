// Package toolkit holds the hiring toolkit: what a hire really costs, the salary benchmark, the brief
// builder and the weekly report. Each tool is a function of its inputs and of the market service's
// figures, so that the command line, the API and the server's pages give the same answer.
package toolkit

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

//go:embed rules/*.tsv
var rulesFS embed.FS

// Rules are a country's employer costs of a permanent hire: payroll taxes and the minimum pension,
// each a rate on a band of the salary, with the tax year and the source it comes from.
type Rules struct {
	Country  string
	Currency string
	File     string // where the rules were read from
	Lines    []Rule
}

// Rule is one employer cost: Rate times the part of the annual salary between From and To (To 0:
// no upper limit).
type Rule struct {
	Kind     string // "tax" or "pension"
	Name     string
	Rate     float64
	From, To float64
	TaxYear  string
	Source   string
	Line     int // the line of the rules file
}

// Apply returns what r costs on an annual salary.
func (r Rule) Apply(salary float64) float64 {
	top := salary
	if r.To > 0 {
		top = math.Min(salary, r.To)
	}
	return r.Rate * math.Max(0, top-r.From)
}

// Countries are the countries whose rules jobscope carries.
var Countries = []string{"GB", "US"}

// CountryOf is the country whose rules a currency's salary is costed by: GBP is GB, USD is US.
func CountryOf(currency string) (string, error) {
	switch strings.ToUpper(currency) {
	case "GBP":
		return "GB", nil
	case "USD":
		return "US", nil
	}
	return "", fmt.Errorf("no cost rules for currency %q: jobscope carries GBP (GB) and USD (US); give --rules FILE for another", currency)
}

// DefaultRules returns the rules jobscope carries for a country (GB or US).
func DefaultRules(country string) (*Rules, error) {
	country = strings.ToUpper(country)
	b, err := rulesFS.ReadFile("rules/" + country + ".tsv")
	if err != nil {
		return nil, fmt.Errorf("no cost rules for country %q: jobscope carries %s", country, strings.Join(Countries, " and "))
	}
	r, err := ReadRules(bytes.NewReader(b), "rules/"+country+".tsv")
	if err != nil {
		return nil, err
	}
	r.Country = country
	return r, nil
}

// LoadRules reads a rules file a user gives.
func LoadRules(path string) (*Rules, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cost rules: %w", err)
	}
	defer f.Close()
	return ReadRules(f, path)
}

// ReadRules reads a rules file: '#' lines are comments; a "currency" line names the currency; every
// other line is kind, name, rate, from, to, tax year and source, tab-separated. Every figure must
// name its tax year and source, so that each line of a cost is traceable.
func ReadRules(rd io.Reader, name string) (*Rules, error) {
	r := &Rules{File: name}
	sc := bufio.NewScanner(rd)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		bad := func(msg string) error { return fmt.Errorf("cost rules %s:%d: %s", name, n, msg) }
		if f[0] == "currency" {
			if len(f) != 2 || len(f[1]) != 3 {
				return nil, bad("a currency line is: currency <TAB> ISO code")
			}
			r.Currency = strings.ToUpper(f[1])
			continue
		}
		if len(f) != 7 {
			return nil, bad(fmt.Sprintf("%d fields, want 7: kind, name, rate, from, to, tax year, source", len(f)))
		}
		if f[0] != "tax" && f[0] != "pension" {
			return nil, bad(fmt.Sprintf("kind %q: want tax or pension", f[0]))
		}
		rule := Rule{Kind: f[0], Name: strings.TrimSpace(f[1]), TaxYear: strings.TrimSpace(f[5]), Source: strings.TrimSpace(f[6]), Line: n}
		var err error
		if rule.Rate, err = strconv.ParseFloat(f[2], 64); err != nil || rule.Rate < 0 || rule.Rate > 1 {
			return nil, bad(fmt.Sprintf("rate %q: want a fraction from 0 to 1 (0.15 for 15%%)", f[2]))
		}
		if rule.From, err = strconv.ParseFloat(f[3], 64); err != nil || rule.From < 0 {
			return nil, bad(fmt.Sprintf("from %q: want an amount", f[3]))
		}
		if f[4] != "" {
			if rule.To, err = strconv.ParseFloat(f[4], 64); err != nil || rule.To <= rule.From {
				return nil, bad(fmt.Sprintf("to %q: want an amount above from, or nothing for no limit", f[4]))
			}
		}
		if rule.Name == "" || rule.TaxYear == "" || rule.Source == "" {
			return nil, bad("every line names the cost, its tax year and its source")
		}
		r.Lines = append(r.Lines, rule)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cost rules %s: %w", name, err)
	}
	if r.Currency == "" {
		return nil, fmt.Errorf("cost rules %s: no currency line", name)
	}
	return r, nil
}

// CostInput is a cost question. Fractions are of the salary; zero values are meant as written (use
// DefaultCostInput for the defaults).
type CostInput struct {
	Salary   float64
	Currency string
	// Overhead is benefits and overhead (equipment, space, management) as a share of salary.
	Overhead float64
	// Fee is the recruiting fee as a share of salary; 0 for a direct hire.
	Fee float64
	// RampDays are the working days a new hire takes to reach full output, working at
	// RampProductivity of it meanwhile: the pay for the work not yet delivered is a cost.
	RampDays, RampProductivity float64
	// Days are the working days of a year: a day's pay is Salary/Days, and a contractor's year is
	// DayRate × Days.
	Days float64
	// NoTaxes leaves out the rules' payroll taxes and pension.
	NoTaxes bool
	// DayRate, when set, is compared: a contractor for the same year.
	DayRate float64
}

// DefaultCostInput is the cost question with the defaults recruiters use.
func DefaultCostInput() CostInput {
	return CostInput{Overhead: 0.25, Fee: 0.20, RampDays: 75, RampProductivity: 0.5, Days: 220}
}

// CostLine is one line of a cost: what it is, how much, how it was worked out, and where its rate
// comes from (a named input, or a rules file's line with its source).
type CostLine struct {
	Kind   string  `json:"kind"` // salary, tax, pension, overhead, fee, ramp
	Name   string  `json:"name"`
	Amount float64 `json:"amount"`
	// FirstYearOnly marks the one-off costs (the fee, the ramp-up), out of the yearly run rate.
	FirstYearOnly bool   `json:"first_year_only"`
	Basis         string `json:"basis"`              // how Amount was worked out
	From          string `json:"from"`               // the input or rules line the rate comes from
	TaxYear       string `json:"tax_year,omitempty"` // for rules lines
	Source        string `json:"source,omitempty"`   // for rules lines
}

// Cost is the total cost of employment: each line, the first-year total and the yearly run rate,
// and, given a day rate, a contractor for the same year.
type Cost struct {
	Currency  string     `json:"currency"`
	Country   string     `json:"country,omitempty"`
	Rules     string     `json:"rules,omitempty"` // the rules file, "" with NoTaxes
	Lines     []CostLine `json:"lines"`
	FirstYear float64    `json:"first_year"`
	RunRate   float64    `json:"run_rate"`
	Contract  *Contract  `json:"contract,omitempty"`
}

// Contract compares a contractor for a year with the permanent hire.
type Contract struct {
	DayRate float64 `json:"day_rate"`
	Days    float64 `json:"days"`
	Total   float64 `json:"total"`
	// VsFirstYear and VsRunRate are Total minus the permanent hire's first year and run rate:
	// negative when the contractor costs less.
	VsFirstYear float64 `json:"vs_first_year"`
	VsRunRate   float64 `json:"vs_run_rate"`
}

// CostOf works out what a hire costs. rules may be nil with NoTaxes.
func CostOf(in CostInput, rules *Rules) (*Cost, error) {
	switch {
	case in.Salary <= 0 || math.IsNaN(in.Salary) || math.IsInf(in.Salary, 0):
		return nil, fmt.Errorf("salary %v: want an annual salary above 0", in.Salary)
	case in.Overhead < 0 || in.Overhead > 5:
		return nil, fmt.Errorf("overhead %v: want a share of salary from 0 to 5", in.Overhead)
	case in.Fee < 0 || in.Fee > 2:
		return nil, fmt.Errorf("fee %v: want a share of salary from 0 to 2", in.Fee)
	case in.RampDays < 0 || in.RampDays > 1000:
		return nil, fmt.Errorf("ramp days %v: want 0 to 1000", in.RampDays)
	case in.RampProductivity < 0 || in.RampProductivity > 1:
		return nil, fmt.Errorf("ramp productivity %v: want a share from 0 to 1", in.RampProductivity)
	case in.Days <= 0 || in.Days > 366:
		return nil, fmt.Errorf("days %v: want the working days of a year, 1 to 366", in.Days)
	case in.DayRate < 0:
		return nil, fmt.Errorf("day rate %v: want an amount", in.DayRate)
	}
	cur := strings.ToUpper(in.Currency)
	c := &Cost{Currency: cur}
	add := func(l CostLine) { c.Lines = append(c.Lines, l) }
	add(CostLine{Kind: "salary", Name: "Salary", Amount: in.Salary, Basis: "the annual salary", From: "--salary"})
	if !in.NoTaxes {
		if rules == nil {
			return nil, fmt.Errorf("no cost rules for %s", cur)
		}
		if rules.Currency != cur {
			return nil, fmt.Errorf("the rules of %s are in %s, the salary in %s", rules.File, rules.Currency, cur)
		}
		c.Country, c.Rules = rules.Country, rules.File
		for _, r := range rules.Lines {
			var band string
			switch {
			case r.From == 0 && r.To == 0:
				band = "the salary"
			case r.From == 0:
				band = "the salary up to " + money(cur, r.To)
			case r.To == 0:
				band = "the salary above " + money(cur, r.From)
			default:
				band = fmt.Sprintf("the salary from %s to %s", money(cur, r.From), money(cur, r.To))
			}
			add(CostLine{Kind: r.Kind, Name: r.Name, Amount: round2(r.Apply(in.Salary)),
				Basis: fmt.Sprintf("%s of %s", pct(r.Rate), band), From: fmt.Sprintf("%s line %d", rules.File, r.Line),
				TaxYear: r.TaxYear, Source: r.Source})
		}
	}
	add(CostLine{Kind: "overhead", Name: "Benefits and overhead", Amount: round2(in.Overhead * in.Salary),
		Basis: pct(in.Overhead) + " of salary", From: "--overhead"})
	add(CostLine{Kind: "fee", Name: "Recruiting fee", Amount: round2(in.Fee * in.Salary), FirstYearOnly: true,
		Basis: pct(in.Fee) + " of salary", From: "--fee"})
	daily := in.Salary / in.Days
	add(CostLine{Kind: "ramp", Name: "Ramp-up: pay for work not yet delivered",
		Amount: round2(in.RampDays * (1 - in.RampProductivity) * daily), FirstYearOnly: true,
		Basis: fmt.Sprintf("%g days at %s output: %g × %s × a day's pay of %s (salary / %g days)", in.RampDays,
			pct(in.RampProductivity), in.RampDays, pct(1-in.RampProductivity), money(cur, daily), in.Days),
		From: "--ramp-days, --ramp-productivity, --days"})
	for _, l := range c.Lines {
		c.FirstYear += l.Amount
		if !l.FirstYearOnly {
			c.RunRate += l.Amount
		}
	}
	c.FirstYear, c.RunRate = round2(c.FirstYear), round2(c.RunRate)
	if in.DayRate > 0 {
		total := round2(in.DayRate * in.Days)
		c.Contract = &Contract{DayRate: in.DayRate, Days: in.Days, Total: total,
			VsFirstYear: round2(total - c.FirstYear), VsRunRate: round2(total - c.RunRate)}
	}
	return c, nil
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// pct writes a fraction as a percentage: 0.062 is "6.2%".
func pct(f float64) string { return strconv.FormatFloat(math.Round(f*1e6)/1e4, 'f', -1, 64) + "%" }

// money writes an amount with its currency's sign and thousands separators, to the penny when it
// has pennies.
func money(cur string, v float64) string {
	sign := map[string]string{"GBP": "£", "USD": "$", "EUR": "€"}[cur]
	if sign == "" {
		sign = cur + " "
	}
	neg := v < 0
	v = math.Abs(v)
	whole := math.Floor(v + 0.005)
	cents := math.Round((v - whole) * 100)
	s := strconv.FormatFloat(whole, 'f', 0, 64)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if cents > 0 {
		s += fmt.Sprintf(".%02.0f", cents)
	}
	if neg {
		return "-" + sign + s
	}
	return sign + s
}

// WriteText writes the cost as a table a person reads: each line with how it was worked out, the
// totals, the contract comparison, then where each rate comes from.
func (c *Cost) WriteText(w io.Writer) error {
	type row struct{ name, amount, note string }
	var rows []row
	for _, l := range c.Lines {
		note := l.Basis
		if l.FirstYearOnly {
			note += "; first year only"
		}
		rows = append(rows, row{l.Name, money(c.Currency, l.Amount), note})
	}
	rows = append(rows, row{"First-year total", money(c.Currency, c.FirstYear), ""},
		row{"Yearly run rate", money(c.Currency, c.RunRate), "without the one-off fee and ramp-up"})
	if k := c.Contract; k != nil {
		rows = append(rows, row{"A contractor for the year", money(c.Currency, k.Total),
			fmt.Sprintf("%s a day × %g days: %s the first year, %s the run rate", money(c.Currency, k.DayRate), k.Days,
				signed(c.Currency, k.VsFirstYear), signed(c.Currency, k.VsRunRate))})
	}
	nw, aw := 0, 0
	for _, r := range rows {
		nw, aw = max(nw, utf8.RuneCountInString(r.name)), max(aw, utf8.RuneCountInString(r.amount))
	}
	fmt.Fprintf(w, "What the hire costs (%s)\n", c.Currency)
	for i, r := range rows {
		if i == len(c.Lines) {
			fmt.Fprintln(w, strings.Repeat("-", nw+aw+2))
		}
		line := fmt.Sprintf("%-*s  %*s", nw+len(r.name)-utf8.RuneCountInString(r.name), r.name, aw+len(r.amount)-utf8.RuneCountInString(r.amount), r.amount)
		if r.note != "" {
			line += "  " + r.note
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\nWhere each figure comes from:")
	for _, l := range c.Lines {
		if l.Source != "" {
			fmt.Fprintf(w, "  %s (%s, %s): %s\n", l.Name, l.From, l.TaxYear, l.Source)
		} else {
			fmt.Fprintf(w, "  %s: %s\n", l.Name, l.From)
		}
	}
	return nil
}

// signed writes a difference with its sign and what it means.
func signed(cur string, v float64) string {
	if v < 0 {
		return money(cur, -v) + " less than"
	}
	return money(cur, v) + " more than"
}

// WriteRules writes rules in the file format ReadRules reads.
func WriteRules(w io.Writer, r *Rules) error {
	fmt.Fprintf(w, "# kind\tname\trate\tfrom\tto\ttax year\tsource\ncurrency\t%s\n", r.Currency)
	for _, l := range r.Lines {
		to := ""
		if l.To > 0 {
			to = strconv.FormatFloat(l.To, 'f', -1, 64)
		}
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", l.Kind, l.Name, strconv.FormatFloat(l.Rate, 'f', -1, 64),
			strconv.FormatFloat(l.From, 'f', -1, 64), to, l.TaxYear, l.Source); err != nil {
			return err
		}
	}
	return nil
}
