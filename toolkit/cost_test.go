package toolkit

import (
	"math"
	"strings"
	"testing"

	"jobscope/market"
	"jobscope/stats"
)

// TestCostOf recomputes each example by hand, line by line.
func TestCostOf(t *testing.T) {
	us, err := DefaultRules("US")
	if err != nil {
		t.Fatal(err)
	}
	gb, err := DefaultRules("GB")
	if err != nil {
		t.Fatal(err)
	}
	plain := CostInput{Salary: 110000, Currency: "USD", Overhead: 0.2, Days: 220, NoTaxes: true}
	c, err := CostOf(plain, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.FirstYear != 132000 || c.RunRate != 132000 {
		t.Errorf("110,000 with 20%% overhead, no fee, no ramp, no taxes: first year %v, run rate %v; want 132,000", c.FirstYear, c.RunRate)
	}

	in := DefaultCostInput()
	in.Salary, in.Currency, in.DayRate = 110000, "USD", 700
	c, err = CostOf(in, us)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"Salary": 110000,
		"Social Security (OASDI), employer share":                  0.062 * 110000,
		"Medicare (HI), employer share":                            0.0145 * 110000,
		"Federal unemployment tax (FUTA), net of the state credit": 0.006 * 7000,
		"State unemployment tax (SUTA), estimate":                  0.027 * 7000,
		"Benefits and overhead":                                    0.25 * 110000,
		"Recruiting fee":                                           0.20 * 110000,
		"Ramp-up: pay for work not yet delivered":                  75 * 0.5 * 110000 / 220,
	}
	var first, run float64
	for _, l := range c.Lines {
		w, ok := want[l.Name]
		if !ok {
			t.Errorf("unexpected line %q", l.Name)
			continue
		}
		if math.Abs(l.Amount-w) > 0.005 {
			t.Errorf("%s = %v, want %v", l.Name, l.Amount, w)
		}
		if l.From == "" || (l.Kind == "tax" && (l.Source == "" || l.TaxYear == "")) {
			t.Errorf("%s is not traceable: from %q, source %q, year %q", l.Name, l.From, l.Source, l.TaxYear)
		}
		first += w
		if l.Name != "Recruiting fee" && !strings.HasPrefix(l.Name, "Ramp-up") {
			run += w
		}
		delete(want, l.Name)
	}
	if len(want) > 0 {
		t.Errorf("lines missing: %v", want)
	}
	if math.Abs(c.FirstYear-first) > 0.01 || math.Abs(c.RunRate-run) > 0.01 {
		t.Errorf("first year %v run rate %v, want %v and %v", c.FirstYear, c.RunRate, first, run)
	}
	if c.Contract == nil || c.Contract.Total != 154000 || math.Abs(c.Contract.VsRunRate-(154000-run)) > 0.01 {
		t.Errorf("contract %+v", c.Contract)
	}

	// GB: National Insurance above £5,000, the pension on the qualifying band only.
	tests := []struct {
		salary, ni, pension float64
	}{
		{60000, 0.15 * 55000, 0.03 * (50270 - 6240)},
		{30000, 0.15 * 25000, 0.03 * (30000 - 6240)},
		{4000, 0, 0},
	}
	for _, tt := range tests {
		c, err := CostOf(CostInput{Salary: tt.salary, Currency: "GBP", Days: 220}, gb)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Lines[1].Amount; math.Abs(got-tt.ni) > 0.005 {
			t.Errorf("NI on £%v = %v, want %v", tt.salary, got, tt.ni)
		}
		if got := c.Lines[2].Amount; math.Abs(got-tt.pension) > 0.005 {
			t.Errorf("pension on £%v = %v, want %v", tt.salary, got, tt.pension)
		}
	}

	for _, bad := range []CostInput{
		{Salary: 0, Currency: "USD", Days: 220, NoTaxes: true},
		{Salary: 1, Currency: "USD", Days: 0, NoTaxes: true},
		{Salary: 1, Currency: "USD", Days: 220, Fee: -1, NoTaxes: true},
		{Salary: 1, Currency: "GBP", Days: 220}, // US rules for a GBP salary
	} {
		if _, err := CostOf(bad, us); err == nil {
			t.Errorf("CostOf(%+v) took bad input", bad)
		}
	}
}

func TestReadRules(t *testing.T) {
	for _, tt := range []struct{ text, err string }{
		{"currency\tGBP\ntax\tX\t0.1\t0\t\t2026\tsomewhere\n", ""},
		{"tax\tX\t0.1\t0\t\t2026\tsomewhere\n", "no currency line"},
		{"currency\tGBP\ntax\tX\t15\t0\t\t2026\tsomewhere\n", "fraction"},
		{"currency\tGBP\nfee\tX\t0.1\t0\t\t2026\tsomewhere\n", "tax or pension"},
		{"currency\tGBP\ntax\tX\t0.1\t0\t\t2026\t\n", "source"},
		{"currency\tGBP\ntax\tX\t0.1\t100\t50\t2026\ts\n", "above from"},
		{"currency\tGBP\ntax\tX\t0.1\n", "7"},
	} {
		_, err := ReadRules(strings.NewReader(tt.text), "r.tsv")
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("ReadRules(%q): %v, want %q", tt.text, err, tt.err)
		}
	}
	if _, err := CountryOf("EUR"); err == nil {
		t.Error("EUR has no rules")
	}
	if m := money("USD", 1234567.5); m != "$1,234,567.50" {
		t.Errorf("money = %s", m)
	}
}

// TestSkillPremium: levels are paired by name (a breakdown lists only the levels it has ads of),
// weighted by the title's salaried ads at each level, and a premium whose interval holds 0 is "no
// clear difference".
func TestSkillPremium(t *testing.T) {
	f := func(n int, p50, lo, hi float64) stats.Figures {
		return stats.Figures{SalariesQuoted: n, P50: &p50, MedianCI95: &[2]float64{lo, hi}}
	}
	all := &market.ByTable{Rows: []market.ByRow{
		{Value: "junior", Permanent: f(30, 40000, 38000, 42000)},
		{Value: "mid", Permanent: f(60, 60000, 58000, 62000)},
		{Value: "senior", Permanent: f(30, 80000, 78000, 82000)},
	}}
	with := &market.ByTable{Rows: []market.ByRow{ // no junior row at all
		{Value: "mid", Permanent: f(20, 66000, 63000, 69000)},
		{Value: "senior", Permanent: f(10, 84000, 81000, 90000)},
	}}
	sp := skillPremium("Go", with, all, 10)
	// mid +10% (weight 60), senior +5% (weight 30): +8.33%.
	if sp.Ratio == nil || math.Abs(*sp.Ratio-(60*0.10+30*0.05)/90) > 1e-9 || sp.Levels != 2 || sp.N != 30 || !sp.Clear {
		t.Errorf("premium %+v (ratio %v)", sp, sp.Ratio)
	}
	with.Rows[0].Permanent = f(20, 61000, 55000, 66000)
	if sp := skillPremium("Go", with, all, 10); sp.Clear || !strings.HasPrefix(sp.Note, "no clear difference") {
		t.Errorf("an interval across 0 gave %+v", sp)
	}
}
