package eval

import (
	"go/parser"
	"go/token"
	"math"
	"strings"
	"testing"

	"jobscope"
	"jobscope/taxonomy"
)

func TestAdzunaAnnual(t *testing.T) {
	tests := []struct {
		name string
		s    *jobscope.Salary
		want float64
		ok   bool
	}{
		{"year range by midpoint", &jobscope.Salary{Min: 20000, Max: 30000, Period: "year"}, 25000, true},
		{"month", &jobscope.Salary{Min: 2000, Max: 2000, Period: "month"}, 24000, true},
		{"week", &jobscope.Salary{Min: 500, Max: 500, Period: "week"}, 24000, true},
		{"day", &jobscope.Salary{Min: 400, Max: 500, Period: "day"}, 108000, true},
		{"hour", &jobscope.Salary{Min: 8.5, Max: 8.5, Period: "hour"}, 16320, true},
		{"no salary", nil, 0, false},
		{"unknown period", &jobscope.Salary{Min: 1, Max: 1, Period: "fortnight"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := adzunaAnnual(tt.s)
			if ok != tt.ok || math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("adzunaAnnual = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		name      string
		got, want float64
		agree     bool
	}{
		{"equal", 25000, 25000, true},
		{"just inside 1%", 25249, 25000, true},
		{"exactly 1%", 25250, 25000, true},
		{"just outside 1%", 25251, 25000, false},
		{"below", 24700, 25000, false},
		{"zero label, zero ours", 0, 0, true},
		{"zero label, ours not", 1, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := within(tt.got, tt.want); got != tt.agree {
				t.Errorf("within(%v, %v) = %v", tt.got, tt.want, got)
			}
		})
	}
}

func TestSalaryRangeErr(t *testing.T) {
	year := func(min, max float64) *jobscope.Salary {
		return &jobscope.Salary{Min: min, Max: max, Currency: "GBP", Period: "year"}
	}
	tests := []struct {
		name     string
		s        *jobscope.Salary
		min, max float64
		period   string
		currency string
		agree    bool
	}{
		{"same", year(24214, 26220), 24214, 26220, "year", "GBP", true},
		{"pence dropped by the label", year(28333.2, 28333.2), 28333, 28333, "year", "GBP", true},
		{"max off by a digit", year(82096, 110683), 82096, 11068310, "year", "GBP", false},
		{"min off, max right", year(20000, 30000), 25000, 30000, "year", "GBP", false},
		{"other period", &jobscope.Salary{Min: 17.69, Max: 17.69, Currency: "GBP", Period: "hour"}, 17.69, 17.69, "year", "GBP", false},
		{"other currency", &jobscope.Salary{Min: 90000, Max: 110000, Currency: "GBP", Period: "year"}, 90000, 110000, "year", "USD", false},
		{"label without currency", &jobscope.Salary{Min: 90000, Max: 110000, Currency: "USD", Period: "year"}, 90000, 110000, "year", "", true},
		{"none found", nil, 1, 2, "year", "GBP", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := salaryRangeErr(tt.s, tt.min, tt.max, tt.period, tt.currency)
			if (err <= Tolerance) != tt.agree {
				t.Errorf("salaryRangeErr = %v, want agreement %v", err, tt.agree)
			}
		})
	}
}

func TestReedJobType(t *testing.T) {
	tests := []struct{ label, typ, hours string }{
		{"Permanent, full-time", "permanent", "full_time"},
		{"Permanent, full-time or part-time", "permanent", ""},
		{"Contract, full-time", "contract", "full_time"},
		{"Contract, full-time or part-time", "contract", ""},
		{"Temporary, part-time", "temporary", "part_time"},
		{"Contract", "contract", ""},
		{" permanent , FULL-TIME ", "permanent", "full_time"},
		{"", "", ""},
		{"Freelance, full-time", "", "full_time"},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			typ, hours := reedJobType(tt.label)
			if typ != tt.typ || hours != tt.hours {
				t.Errorf("reedJobType(%q) = %q, %q; want %q, %q", tt.label, typ, hours, tt.typ, tt.hours)
			}
		})
	}
}

func TestNHSEmployment(t *testing.T) {
	tests := []struct{ label, typ, hours string }{
		{"FULL_TIME", "", "full_time"},
		{"PART_TIME", "", "part_time"},
		{"TEMPORARY", "temporary", ""},
		{"OTHER", "", ""},
		{"VOLUNTEER", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.label, func(t *testing.T) {
			typ, hours := nhsEmployment(tt.label)
			if typ != tt.typ || hours != tt.hours {
				t.Errorf("nhsEmployment(%q) = %q, %q; want %q, %q", tt.label, typ, hours, tt.typ, tt.hours)
			}
		})
	}
}

func TestStateCodeOfAddress(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"Grand Rapids, MI, USA", "MI"},
		{"San Francisco, CA 94103, USA", "CA"},
		{"New York, NY, USA", "NY"},
		{"USA", ""},
		{"California, USA", ""},
		{"London, UK", ""},
		{"Berlin, Germany", ""},
		{"Somewhere, Ca, USA", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := stateCodeOfAddress(tt.addr); got != tt.want {
				t.Errorf("stateCodeOfAddress(%q) = %q, want %q", tt.addr, got, tt.want)
			}
		})
	}
}

func TestGeocodeNamed(t *testing.T) {
	tests := []struct {
		name, text, parsed, addr, state string
		want                            bool
	}{
		{"town named", "Acme | Grand Rapids, Michigan | ONSITE", "Grand Rapids, Michigan", "Grand Rapids, MI, USA", "Michigan", true},
		{"case aside", "ACME - BOSTON - ONSITE", "Boston", "Boston, MA, USA", "Massachusetts", true},
		{"short form", "Acme | NYC or SFO | Full time", "San Francisco", "San Francisco, CA, USA", "California", true},
		{"short form in capitals only", "Acme | we are sf-friendly", "San Francisco", "San Francisco, CA, USA", "California", false},
		{"inside a word", "KSF Media | Helsinki, Finland", "San Francisco", "San Francisco, CA, USA", "California", false},
		{"parsed place in the state", "Owsy | Venice, CA", "Venice, CA", "Los Angeles, CA, USA", "California", true},
		{"parsed place, state by name", "Penn State | University Park, Pennsylvania", "University Park, Pennsylvania",
			"State College, PA, USA", "Pennsylvania", true},
		{"street address of a company", "Square, Inc. | Atlanta", "Square, Inc.",
			"1455 Market St #600, San Francisco, CA 94103, USA", "California", false},
		{"job titles geocoded", "Cogent Labs | Software Engineer, Research Scientist | Tokyo", "Software Engineer, Research",
			"4500 Fifth Ave, Pittsburgh, PA 15213, USA", "Pennsylvania", false},
		{"not a US address", "Acme | London", "London", "London, UK", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := geocodeNamed(tt.text, tt.parsed, tt.addr, tt.state); got != tt.want {
				t.Errorf("geocodeNamed(%q, %q, %q) = %v, want %v", tt.text, tt.parsed, tt.addr, got, tt.want)
			}
		})
	}
}

func TestOutwardCode(t *testing.T) {
	tests := []struct{ pc, want string }{
		{"PR4 0HB", "PR4"},
		{"pr4 0hb", "PR4"},
		{"B7 4BN", "B7"},
		{"EC3R 5AR", "EC3R"},
		{"SW1A1AA", "SW1A"},
		{"CR3", "CR3"},
		{"SS0", "SS0"},
		{"DA11 7HQ", "DA11"},
		{"", ""},
		{"LONDON", ""},
		{"123 456", ""},
		{"ABC1 2DE", ""},
	}
	for _, tt := range tests {
		t.Run(tt.pc, func(t *testing.T) {
			if got := outwardCode(tt.pc); got != tt.want {
				t.Errorf("outwardCode(%q) = %q, want %q", tt.pc, got, tt.want)
			}
		})
	}
}

// testPlaces is a small gazetteer in the taxonomy's own format, enough to exercise every mapping rule.
const testPlaces = `
region	South East	GB	England	South East		4	South East England|SE England
region	London	GB	England	London		4	Greater London
region	Yorkshire and The Humber	GB	England	Yorkshire and The Humber		4	Yorkshire and Humber|Yorkshire
region	West Midlands	GB	England	West Midlands		4	West Mids
region	South West	GB	England	South West		4	South West England
region	North West	GB	England	North West		4	North West England
region	East of England	GB	England	East of England		4	East Anglia
region	Texas	US		Texas		4	TX!
region	District of Columbia	US		District of Columbia		4	DC!|Washington DC
nation	England	GB	England			5
nation	Scotland	GB	Scotland	Scotland		5
nation	Wales	GB	Wales	Wales		5	Cymru
county	Surrey	GB	England	South East	Surrey	3
county	Gwent	GB	Wales	Wales		3
county	Hertfordshire	GB	England	East of England	Hertfordshire	3	Herts
county	Middlesex	GB	England	London		3
place	Sutton	GB	England	London	Greater London	6
place	Sutton	GB	England	South East	Kent	0
place	Sutton	GB	England	East of England	Cambridgeshire	3
place	Richmond	GB	England	London	Greater London	6
place	Richmond	GB	England	Yorkshire and The Humber	North Yorkshire	7
place	Newport	GB	Wales	Wales	Newport	11
place	Newport	GB	England	South East	Isle of Wight	7
place	Hanwell	GB	England	South East	Oxfordshire	0
place	Walton	GB	England	South East	Surrey	2
place	Walton	GB	England	West Midlands	Staffordshire	1
place	Leeds	GB	England	Yorkshire and The Humber	Leeds	15
postcode	PR	GB	England	North West		0
postcode	CR	GB	England	London		0
postcode	CR3	GB	England	South East		0
postcode	SS	GB	England	East of England		0
postcode	CF	GB	Wales	Wales		0
`

func testGazetteer(t *testing.T) *gazetteer {
	t.Helper()
	ps, err := taxonomy.LoadPlaces(strings.NewReader(testPlaces))
	if err != nil {
		t.Fatal(err)
	}
	return newGazetteer(&taxonomy.Taxonomy{Places: ps})
}

func TestGazetteerRegion(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct{ in, want string }{
		{"South East", "South East"},
		{"South East England", "South East"},
		{"south east  england", "South East"},
		{"Yorkshire and Humber", "Yorkshire and The Humber"},
		{"Yorkshire & Humber", "Yorkshire and The Humber"},
		{"Yorkshire", "Yorkshire and The Humber"},
		{"West Midlands (Region)", "West Midlands"},
		{"Scotland", "Scotland"},
		{"Cymru", "Wales"},
		{"England", ""},
		{"Surrey", ""}, // a county, not a region
		{"Texas", ""},  // not GB
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := g.region(tt.in); got != tt.want {
				t.Errorf("region(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestGazetteerCityState(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct{ name, city, state, want string }{
		{"the city as a region beats Reed's coarse region", "London", "South East England", "London"},
		{"a county as the city", "Hertfordshire", "South East England", "East of England"},
		{"a town with one region", "Leeds", "West Yorkshire", "Yorkshire and The Humber"},
		{"a town beats a postal county", "Sutton", "Surrey", "London"},
		{"towns in two regions, the state in neither", "Richmond", "Surrey", ""},
		{"towns in two regions, no state", "Richmond", "", ""},
		{"the state confirms one of several towns", "Newport", "Gwent", "Wales"},
		{"villages: the state confirms one", "Walton", "Surrey", "South East"},
		{"a village the state does not confirm", "Hanwell", "London", ""},
		{"an unknown city leaves the state's county", "Bermuda Park", "Herts", "East of England"},
		{"an unknown city leaves the state's region", "Somewhere", "Yorkshire & Humber", "Yorkshire and The Humber"},
		{"nothing known", "Dublin", "Ireland", ""},
		{"a nation as the state", "Nowhere", "Scotland", "Scotland"},
		{"England alone settles nothing", "Nowhere", "England", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := g.regionOfCityState(tt.city, tt.state); got != tt.want {
				t.Errorf("regionOfCityState(%q, %q) = %q, want %q", tt.city, tt.state, got, tt.want)
			}
		})
	}
}

func TestGazetteerPostcode(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct{ pc, want string }{
		{"PR4 0HB", "North West"},
		{"CR0 1AA", "London"},
		{"CR3 5XX", "South East"}, // a district listed apart from its area
		{"SS0", "East of England"},
		{"ZZ1 1ZZ", ""},
		{"not a postcode", ""},
	}
	for _, tt := range tests {
		t.Run(tt.pc, func(t *testing.T) {
			if got := g.regionOfPostcode(tt.pc); got != tt.want {
				t.Errorf("regionOfPostcode(%q) = %q, want %q", tt.pc, got, tt.want)
			}
		})
	}
}

func TestLoadDistricts(t *testing.T) {
	t.Run("districts win over areas", func(t *testing.T) {
		g := testGazetteer(t)
		csv := "Postcode,Town/Area,UK region\nSP6,Fordingbridge,South East\nPR4,Preston,North West\nZZ99,Retired,\n"
		if err := g.loadDistricts(strings.NewReader(csv)); err != nil {
			t.Fatal(err)
		}
		for pc, want := range map[string]string{"SP6 1JD": "South East", "PR4 0HB": "North West", "PR1 1AA": "North West",
			"CR3 5XX": "South East", "ZZ99 1AA": ""} {
			if got := g.regionOfPostcode(pc); got != want {
				t.Errorf("regionOfPostcode(%q) = %q, want %q", pc, got, want)
			}
		}
	})
	for name, csv := range map[string]string{
		"unknown region":  "Postcode,UK region\nAB1,Atlantis\n",
		"missing columns": "Postcode,Region\nAB1,Aberdeen\n",
		"empty":           "",
	} {
		t.Run(name, func(t *testing.T) {
			if err := testGazetteer(t).loadDistricts(strings.NewReader(csv)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestGazetteerState(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct{ in, want string }{
		{"TX", "Texas"},
		{" TX", "Texas"},
		{"tx", "Texas"},
		{"Texas", "Texas"},
		{"DC", "District of Columbia"},
		{"Los Angeles", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := g.state(tt.in); got != tt.want {
				t.Errorf("state(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLabel(t *testing.T) {
	l := label{"s": " CA ", "n": 25000.0, "ns": "63", "bad": "n/a", "t": true, "one": "1", "zero": "0",
		"True": "True", "nil": nil}
	t.Run("str", func(t *testing.T) {
		for k, want := range map[string]string{"s": "CA", "n": "25000", "t": "true", "nil": "", "absent": ""} {
			if got := l.str(k); got != want {
				t.Errorf("str(%q) = %q, want %q", k, got, want)
			}
		}
	})
	t.Run("num", func(t *testing.T) {
		for k, want := range map[string]float64{"n": 25000, "ns": 63} {
			if got, ok := l.num(k); !ok || got != want {
				t.Errorf("num(%q) = %v, %v; want %v", k, got, ok, want)
			}
		}
		for _, k := range []string{"bad", "nil", "absent", "t"} {
			if _, ok := l.num(k); ok {
				t.Errorf("num(%q) is ok", k)
			}
		}
	})
	t.Run("flag", func(t *testing.T) {
		for k, want := range map[string]bool{"t": true, "one": true, "zero": false, "True": true} {
			if got, ok := l.flag(k); !ok || got != want {
				t.Errorf("flag(%q) = %v, %v; want %v", k, got, ok, want)
			}
		}
		for _, k := range []string{"s", "nil", "absent"} {
			if _, ok := l.flag(k); ok {
				t.Errorf("flag(%q) is ok", k)
			}
		}
	})
}

func TestSelects(t *testing.T) {
	tests := []struct {
		name    string
		filters []string
		in      string
		want    bool
	}{
		{"no filter", nil, "salary", true},
		{"exact", []string{"salary"}, "salary", true},
		{"other", []string{"salary"}, "region", false},
		{"a part", []string{"skills"}, "skills/python", true},
		{"a set's part", []string{"nhs_jobs_2020"}, "nhs_jobs_2020/jobposting", true},
		{"a prefix is not a part", []string{"skill"}, "skills/python", false},
		{"one of several", []string{"region", "salary"}, "salary", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := selects(tt.filters, tt.in); got != tt.want {
				t.Errorf("selects(%q, %q) = %v", tt.filters, tt.in, got)
			}
		})
	}
}

func TestConfusion(t *testing.T) {
	var c Confusion
	for _, o := range []struct{ got, want bool }{{true, true}, {true, true}, {true, false}, {false, true}, {false, false}} {
		c.add(o.got, o.want)
	}
	if c != (Confusion{TP: 2, FP: 1, FN: 1, TN: 1}) {
		t.Fatalf("counts %+v", c)
	}
	if p, ok := c.Precision(); !ok || math.Abs(p-2.0/3) > 1e-12 {
		t.Errorf("precision %v %v", p, ok)
	}
	if r, ok := c.Recall(); !ok || math.Abs(r-2.0/3) > 1e-12 {
		t.Errorf("recall %v %v", r, ok)
	}
	var none Confusion
	if _, ok := none.Precision(); ok {
		t.Error("precision of nothing is ok")
	}
	if _, ok := none.Recall(); ok {
		t.Error("recall of nothing is ok")
	}
}

func TestText(t *testing.T) {
	t.Run("number", func(t *testing.T) {
		for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 27500: "27,500",
			28333.2: "28,333.2", 17.69: "17.69", 11068310: "11,068,310", -1500: "-1,500"} {
			if got := number(in); got != want {
				t.Errorf("number(%v) = %q, want %q", in, got, want)
			}
		}
	})
	t.Run("formatSalary", func(t *testing.T) {
		if got := formatSalary(&jobscope.Salary{Min: 25000, Max: 30000, Currency: "GBP", Period: "year"}); got != "25,000–30,000 GBP/year" {
			t.Errorf("range: %q", got)
		}
		if got := formatSalary(&jobscope.Salary{Min: 17.69, Max: 17.69, Period: "hour"}); got != "17.69 ?/hour" {
			t.Errorf("one figure: %q", got)
		}
		if got := formatSalary(nil); got != "none" {
			t.Errorf("nil: %q", got)
		}
	})
	t.Run("clip", func(t *testing.T) {
		if got := clip("a  b\n c", 10); got != "a b c" {
			t.Errorf("short: %q", got)
		}
		if got := clip("ééééé", 5); got != "éé…" {
			t.Errorf("cut inside a rune: %q", got)
		}
	})
	t.Run("snippet", func(t *testing.T) {
		text := strings.Repeat("x ", 50) + "Excellent communication" + strings.Repeat(" y", 50)
		got := snippet(text, "excel", 40)
		if !strings.Contains(got, "Excellent") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
			t.Errorf("snippet = %q", got)
		}
		if snippet(text, "python", 40) != "" {
			t.Error("snippet of an absent word")
		}
	})
	t.Run("wordSnippet", func(t *testing.T) {
		text := "Strong programming in Python, R, and Scala"
		if got := wordSnippet(text, "R", 20); !strings.Contains(got, "R,") {
			t.Errorf("wordSnippet R = %q", got)
		}
		if got := wordSnippet("proficiency in programming", "R", 20); got != "" {
			t.Errorf("R inside words: %q", got)
		}
	})
}

// TestRulesMatchDoc checks that the rules the command prints are the package documentation's, word for
// word (spacing aside).
func TestRulesMatchDoc(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "eval.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	doc := f.Doc.Text()
	_, rules, ok := strings.Cut(doc, "# Agreement rules")
	if !ok {
		t.Fatal("the package documentation has no Agreement rules section")
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	if got, want := norm(strings.TrimPrefix(Rules, "Agreement rules")), norm(rules); got != want {
		t.Errorf("Rules differ from the package documentation:\nRules: %s\ndoc:   %s", got, want)
	}
}
