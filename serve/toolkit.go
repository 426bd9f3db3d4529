package serve

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"jobscope/market"
	"jobscope/toolkit"
)

// costInputOf reads a cost question from the query parameters, defaults where one is absent.
func costInputOf(r *http.Request) (toolkit.CostInput, *toolkit.Rules, error) {
	in := toolkit.DefaultCostInput()
	p := paramsOf(r)
	num := func(name string, dst *float64) {
		v := p.str(name)
		if v == "" {
			return
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		if err != nil {
			p.fail(name + " " + strconv.Quote(v) + ": want a number")
			return
		}
		*dst = f
	}
	num("salary", &in.Salary)
	num("overhead", &in.Overhead)
	num("fee", &in.Fee)
	num("ramp_days", &in.RampDays)
	num("ramp_productivity", &in.RampProductivity)
	num("days", &in.Days)
	num("day_rate", &in.DayRate)
	in.NoTaxes = p.boolean("no_taxes")
	in.Currency = strings.ToUpper(p.str("currency"))
	if in.Currency == "" {
		in.Currency = "GBP"
	}
	if p.err != nil {
		return in, nil, p.err
	}
	var rules *toolkit.Rules
	country, err := toolkit.CountryOf(in.Currency)
	if err == nil {
		rules, err = toolkit.DefaultRules(country)
	}
	if err != nil && !in.NoTaxes {
		return in, nil, &market.Error{Code: market.Invalid, Message: err.Error()}
	}
	return in, rules, nil
}

// apiCost answers GET /api/v1/cost: what a hire costs, line by line, each line traceable to an
// input or a rules line with its source.
func (s *Server) apiCost(w http.ResponseWriter, r *http.Request) error {
	in, rules, err := costInputOf(r)
	if err != nil {
		return err
	}
	c, err := toolkit.CostOf(in, rules)
	if err != nil {
		return &market.Error{Code: market.Invalid, Message: err.Error()}
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

// costPage is the cost form and, once a salary is given, its answer.
type costPage struct {
	Query url.Values
	In    toolkit.CostInput
	Cost  *toolkit.Cost
}

func (costPage) title() string { return "What a hire costs" }

func (pg *pages) cost(_ http.ResponseWriter, r *http.Request, _ *Server) (string, any, error) {
	in, rules, err := costInputOf(r)
	if err != nil {
		return "", nil, err
	}
	cp := costPage{Query: r.URL.Query(), In: in}
	if in.Salary != 0 {
		if cp.Cost, err = toolkit.CostOf(in, rules); err != nil {
			return "", nil, &market.Error{Code: market.Invalid, Message: err.Error()}
		}
	}
	return "cost", cp, nil
}
