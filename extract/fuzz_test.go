package extract

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"jobscope"
	"jobscope/taxonomy"
)

// The fuzz targets below check properties of what extraction returns, not only that it does not
// panic. Their seed corpora are in testdata/fuzz/<FuzzName>/ and run in every `go test`; run a target
// for longer with, for example:
//
//	go test -run '^$' -fuzz FuzzParseSalary -fuzztime 3m ./extract

var (
	allowedCurrencies = map[string]bool{"GBP": true, "USD": true, "EUR": true}
	allowedPeriods    = map[string]bool{jobscope.PeriodYear: true, jobscope.PeriodMonth: true,
		jobscope.PeriodWeek: true, jobscope.PeriodDay: true, jobscope.PeriodHour: true}
	// regionsOfNation lists the ONS regions of each GB nation.
	regionsOfNation = map[string][]string{
		"England": {"North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
			"East of England", "London", "South East", "South West"},
		"Scotland":         {"Scotland"},
		"Wales":            {"Wales"},
		"Northern Ireland": {"Northern Ireland"},
	}
)

// checkSalary reports what is wrong with s, a salary read from input; textual says it came from text
// (not a structured baseSalary), so its currency must be one the text parser knows and its Text a
// span of the input.
func checkSalary(t *testing.T, s *jobscope.Salary, input string, textual bool) {
	t.Helper()
	if s == nil {
		return
	}
	if !(s.Min > 0) || !(s.Max > 0) || math.IsInf(s.Max, 0) {
		t.Fatalf("salary %+v: min and max must be positive and finite", s)
	}
	if s.Min > s.Max {
		t.Fatalf("salary %+v: min > max", s)
	}
	if !allowedPeriods[s.Period] {
		t.Fatalf("salary %+v: period %q not allowed", s, s.Period)
	}
	if textual && !allowedCurrencies[s.Currency] {
		t.Fatalf("salary %+v: currency %q not allowed", s, s.Currency)
	}
	if len(s.Currency) != 3 || strings.ToUpper(s.Currency) != s.Currency {
		t.Fatalf("salary %+v: currency %q is no ISO 4217 code", s, s.Currency)
	}
	switch s.Period {
	case jobscope.PeriodDay, jobscope.PeriodHour:
		if s.Annual != nil {
			t.Fatalf("salary %+v: a %s rate must have no annual figure", s, s.Period)
		}
	default:
		if s.Annual == nil {
			t.Fatalf("salary %+v: a %s salary needs an annual figure", s, s.Period)
		}
		mult := map[string]float64{jobscope.PeriodYear: 1, jobscope.PeriodMonth: 12, jobscope.PeriodWeek: 52}[s.Period]
		if want := s.Mid() * mult; math.Abs(*s.Annual-want) > 1e-6*want {
			t.Fatalf("salary %+v: annual %v, want %v", s, *s.Annual, want)
		}
	}
	if !plausible(s.Min, s.Max, s.Period) {
		t.Fatalf("salary %+v: implausible for its period", s)
	}
	if textual {
		if s.Text == "" || !strings.Contains(input, s.Text) {
			t.Fatalf("salary %+v: text %q is not a span of the input %q", s, s.Text, input)
		}
		if !strings.ContainsAny(s.Text, "0123456789") {
			t.Fatalf("salary %+v: text %q has no figure", s, s.Text)
		}
	}
}

func FuzzParseSalary(f *testing.F) {
	for _, s := range []string{"£50,000 - £60,000 per annum", "£450-£550/day Outside IR35", "Up to £60k",
		"Competitive", "$17-$24 Per Hour(Glassdoor est.)", "£19 - 22,000 WTE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkSalary(t, ParseSalary(in), in, true)
		// The same text as a description (figures must carry a currency sign) and as a contract.
		checkSalary(t, parseSalary(in, "USD", true, true), in, true)
	})
}

// checkLocation reports a location whose fields contradict each other.
func checkLocation(t *testing.T, l jobscope.Location, states map[string]bool, input string) {
	t.Helper()
	if (l.Nation != "" || l.Region != "" || l.County != "" || l.Place != "") && l.Country == "" {
		t.Fatalf("ParseLocation(%q) = %+v: a place without a country", input, l)
	}
	if l.Country != "" && (len(l.Country) != 2 || strings.ToUpper(string(l.Country)) != string(l.Country)) {
		t.Fatalf("ParseLocation(%q) = %+v: country is no ISO 3166 code", input, l)
	}
	switch l.Country {
	case "GB":
		if l.Region != "" && l.Nation == "" {
			t.Fatalf("ParseLocation(%q) = %+v: a GB region without a nation", input, l)
		}
		if l.Nation != "" {
			regions, ok := regionsOfNation[string(l.Nation)]
			if !ok {
				t.Fatalf("ParseLocation(%q) = %+v: unknown nation", input, l)
			}
			if l.Region != "" && !containsString(regions, string(l.Region)) {
				t.Fatalf("ParseLocation(%q) = %+v: region is not in the nation", input, l)
			}
		}
	case "US":
		if l.Nation != "" {
			t.Fatalf("ParseLocation(%q) = %+v: a US location with a nation", input, l)
		}
		if l.Region != "" && !states[string(l.Region)] {
			t.Fatalf("ParseLocation(%q) = %+v: region is no US state", input, l)
		}
	default:
		if l.Nation != "" {
			t.Fatalf("ParseLocation(%q) = %+v: a nation outside GB", input, l)
		}
	}
	for _, s := range []jobscope.NullString{l.Country, l.Nation, l.Region, l.County, l.Place} {
		if s != jobscope.NullString(strings.TrimSpace(string(s))) || !utf8.ValidString(string(s)) && utf8.ValidString(input) {
			t.Fatalf("ParseLocation(%q) = %+v: field %q is not clean text", input, l, s)
		}
	}
}

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func usStates(tx *taxonomy.Taxonomy) map[string]bool {
	m := map[string]bool{}
	for _, p := range tx.Places {
		if p.Kind == taxonomy.KindRegion && p.Country == "US" {
			m[p.Name] = true
		}
	}
	return m
}

func FuzzParseLocation(f *testing.F) {
	tx, err := taxonomy.Default()
	if err != nil {
		f.Fatal(err)
	}
	e := New(tx)
	states := usStates(tx)
	for _, s := range []string{"Dorking, Surrey", "Austin, TX", "Remote, UK", "Highland, CA", "Wales, Wales"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		l, ok := e.ParseLocation(in)
		if !ok && (l.Country != "" || l.Region != "" || l.Place != "") {
			t.Fatalf("ParseLocation(%q) = %+v but not ok", in, l)
		}
		checkLocation(t, l, states, in)
		// The same text as a title or first line, where only well-known places count.
		if l2, ok := e.parseLocation(in, true); ok {
			checkLocation(t, l2, states, in)
		}
	})
}

var (
	allowedSeniority = map[string]bool{"": true, "intern": true, "graduate": true, "junior": true, "mid": true,
		"senior": true, "lead": true, "principal": true, "head": true}
	allowedType = map[string]bool{"": true, jobscope.Permanent: true, jobscope.Contract: true,
		jobscope.Temporary: true, jobscope.Internship: true}
	allowedHours = map[string]bool{"": true, "full_time": true, "part_time": true}
	allowedIR35  = map[string]bool{"": true, "inside": true, "outside": true}
	allowedMode  = map[string]bool{"": true, "remote": true, "hybrid": true, "onsite": true}
)

func FuzzExtract(f *testing.F) {
	tx, err := taxonomy.Default()
	if err != nil {
		f.Fatal(err)
	}
	e := New(tx)
	states := usStates(tx)
	category := map[string]string{}
	for _, s := range tx.Skills {
		category[s.Name] = s.Category
	}
	titles := map[string]bool{}
	for _, ti := range tx.Titles {
		titles[ti.Name] = true
	}
	f.Add("Senior Python Developer - Contract", "<p>Python, Django and AWS. Outside IR35.</p>", "London",
		"£550 - £650 per day", "Contract, full-time", 0.0, 0.0, "", "", false)
	f.Add("Staff Nurse", "Band 5 nurse for a busy ward.", "Bartle, Preston, PR4 0HB", "",
		"FULL_TIME", 24214.0, 26220.0, "GBP", "YEAR", false)
	f.Fuzz(func(t *testing.T, title, desc, location, salary, empType string, bsMin, bsMax float64,
		bsCur, bsUnit string, remote bool) {
		ad := &jobscope.RawAd{ID: "fuzz", Source: "fuzz", Title: title, Description: desc, Location: location,
			Salary: salary, EmploymentType: empType, Remote: remote}
		if bsMin != 0 || bsMax != 0 || bsCur != "" || bsUnit != "" {
			ad.BaseSalary = &jobscope.StructuredSalary{Min: bsMin, Max: bsMax, Currency: bsCur, Unit: bsUnit}
		}
		x := e.Extract(ad)
		if x.ID != ad.ID || x.Source != ad.Source {
			t.Fatalf("id/source %q/%q not kept", x.ID, x.Source)
		}
		if n := string(x.Title.Normalized); n != "" && !titles[n] {
			t.Fatalf("title %q is not in the taxonomy", n)
		}
		for what, v := range map[string]struct {
			got     jobscope.NullString
			allowed map[string]bool
		}{
			"seniority": {x.Title.Seniority, allowedSeniority}, "type": {x.Employment.Type, allowedType},
			"hours": {x.Employment.Hours, allowedHours}, "ir35": {x.Employment.IR35, allowedIR35},
			"work mode": {x.WorkMode, allowedMode},
		} {
			if !v.allowed[string(v.got)] {
				t.Fatalf("%s %q not allowed", what, v.got)
			}
		}
		if x.Employment.IR35 != "" && x.Employment.Type != jobscope.Contract {
			t.Fatalf("IR35 %q on a %q job", x.Employment.IR35, x.Employment.Type)
		}
		if x.WorkMode == "remote" && !x.Location.Remote {
			t.Fatalf("work mode remote but location not remote")
		}
		// A structured salary is not text, and the description's HTML is reduced first.
		checkSalary(t, x.Salary, title+"\n"+salary+"\n"+PlainText(desc), ad.BaseSalary == nil)
		checkLocation(t, x.Location, states, location)
		seen := map[string]bool{}
		for _, s := range x.Skills {
			if seen[s.Name] {
				t.Fatalf("skill %q listed twice", s.Name)
			}
			seen[s.Name] = true
			c, ok := category[s.Name]
			if !ok {
				t.Fatalf("skill %q is not in the taxonomy", s.Name)
			}
			if c != s.Category {
				t.Fatalf("skill %q has category %q, taxonomy says %q", s.Name, s.Category, c)
			}
		}
	})
}
