package market

import (
	"fmt"
	"slices"
	"time"

	"jobscope"
	"jobscope/stats"
)

// ByDimensions are what a salary table may be broken down by.
var ByDimensions = []string{"seniority", "work-mode", "location"}

// ByTable is a term's salary figures for the latest period broken down one way (by seniority, say):
// a row for each value, with the permanent salaries and the contract day rates side by side, each
// within the cut the question gives.
type ByTable struct {
	Term     string            `json:"term"`
	Kind     jobscope.TermKind `json:"kind"`
	Category string            `json:"category"`
	By       string            `json:"by"`
	Country  string            `json:"country"`
	AsOf     string            `json:"as_of"`
	From     string            `json:"from"`
	To       string            `json:"to"`
	Cut      *stats.Cut        `json:"cut,omitempty"`
	// Baseline is the population, as on a page: "tech" or "all".
	Baseline string  `json:"baseline"`
	Rows     []ByRow `json:"rows"`
}

// ByRow is one value's figures: the term's jobs, salaries quoted and percentiles in each market.
type ByRow struct {
	Value     string        `json:"value"`
	Permanent stats.Figures `json:"permanent"`
	Contract  stats.Figures `json:"contract"`
	// InsideIR35 and OutsideIR35 split the contract figures by the IR35 status the ads state (the
	// rest say nothing of it); nil when none of the row's contracts states one.
	InsideIR35  *stats.Figures `json:"inside_ir35,omitempty"`
	OutsideIR35 *stats.Figures `json:"outside_ir35,omitempty"`
}

// By breaks the term's latest-period figures down by one of ByDimensions, within cut c of scope's
// country (its market is ignored: both are given), hiding figures over fewer than minSalaries.
func (s *Service) By(term jobscope.Term, scope stats.Scope, asOf time.Time, minSalaries int, c stats.Cut, by string) (*ByTable, error) {
	by, err := oneOf("breakdown", by, ByDimensions)
	if err != nil {
		return nil, err
	}
	var values []string
	switch by {
	case "seniority":
		if c.Seniority != "" {
			return nil, invalidf("--by seniority and --seniority: choose one")
		}
		values = stats.Seniorities
	case "work-mode":
		if c.WorkMode != "" {
			return nil, invalidf("--by work-mode and --work-mode: choose one")
		}
		values = stats.WorkModes
	case "location":
		if c.Location != "" {
			return nil, invalidf("--by location and --location: choose one")
		}
		en := s.Engine()
		for _, m := range []stats.Market{stats.MarketPermanent, stats.MarketContract} {
			sc := scope
			sc.Market = m
			for _, l := range en.Locations(sc) {
				if !slices.Contains(values, l) {
					values = append(values, l)
				}
			}
		}
		slices.Sort(values)
	}
	t := &ByTable{Term: term.Name, Kind: term.Kind, By: by, Country: scope.Country, Rows: []ByRow{}}
	if !c.IsZero() {
		t.Cut = &c
	}
	for _, v := range values {
		row := ByRow{Value: v}
		cut := c
		switch by {
		case "seniority":
			cut.Seniority = v
		case "work-mode":
			cut.WorkMode = v
		case "location":
			cut.Location = v
		}
		for _, m := range []stats.Market{stats.MarketPermanent, stats.MarketContract} {
			sc := scope
			sc.Market = m
			p, err := s.CutPage(term, sc, asOf, minSalaries, cut)
			if err != nil {
				if by == "location" && CodeOf(err) == NotFound {
					continue // a location of the other market only
				}
				return nil, err
			}
			t.Category, t.AsOf, t.From, t.To, t.Baseline = p.Category, p.AsOf, p.Periods[0].From, p.Periods[0].To, p.Baseline
			if m == stats.MarketPermanent {
				row.Permanent = p.Periods[0].Figures
				continue
			}
			row.Contract = p.Periods[0].Figures
			if row.Contract.Jobs == 0 || c.IR35 != "" {
				continue
			}
			for _, status := range stats.IR35s {
				ic := cut
				ic.IR35 = status
				ip, err := s.CutPage(term, sc, asOf, minSalaries, ic)
				if err != nil {
					return nil, err
				}
				if f := ip.Periods[0].Figures; f.Jobs > 0 {
					if status == "inside" {
						row.InsideIR35 = &f
					} else {
						row.OutsideIR35 = &f
					}
				}
			}
		}
		if row.Permanent.Jobs > 0 || row.Contract.Jobs > 0 {
			t.Rows = append(t.Rows, row)
		}
	}
	if t.AsOf == "" {
		return nil, &Error{Code: NotFound, Message: fmt.Sprintf("no figures for %q by %s", term.Name, by)}
	}
	return t, nil
}
