package eval

import (
	"fmt"
	"math"
	"strings"

	"jobscope"
	"jobscope/extract"
)

// dataSet is one labelled data set: where its files are, how an ad's id finds its label, which fields it
// measures and how.
type dataSet struct {
	name        string
	dir         string // under data/ads
	ads, labels string // file names in dir
	fields      []string
	weak        map[string]bool
	notes       map[string]string
	postcodes   bool // its region labels are postcodes
	// labelID maps an ad's id to its label's id; nil means the same.
	labelIDFn func(string) string
	judge     func(j *judge, ad *jobscope.RawAd, x *jobscope.Extraction, l label)
}

func (s *dataSet) labelID(id string) string {
	if s.labelIDFn == nil {
		return id
	}
	return s.labelIDFn(id)
}

// Field names.
const (
	fieldSalary  = "salary"
	fieldRegion  = "region"
	fieldState   = "state"
	fieldCountry = "country"
	// fieldCountryNamed and fieldStateNamed judge posts that name several places by the named-place
	// rule; country and state judge them strictly.
	fieldCountryNamed = "country/named"
	fieldStateNamed   = "state/named"
	fieldEmployment   = "employment_type"
	fieldHours        = "hours"
	fieldRemote       = "remote"
	fieldSkills       = "skills"
)

// skillFlag is one keyword flag of glassdoor_us_2020: the label's name, the skill name or alias that
// finds the taxonomy's skill, the text the flag tests for (shown beside a disagreement), the flag's rule
// as checked against the data, and whether that rule means the skill: only such flags are pooled into
// the skills figure.
type skillFlag struct {
	flag, keyword, shown, rule string
	pooled                     bool
}

// glassdoorSkills are glassdoor_us_2020's keyword flags. Each rule was checked against the set: the
// substring test on the lower-cased description reproduces every one of the 371 labels of each flag.
func glassdoorSkills() []skillFlag {
	return []skillFlag{
		{"python_yn", "python", "python", `substring "python" (also "pythonic", "thepython")`, true},
		{"R_yn", "r", "r studio", `substring "r studio" or "r-studio" only: not the skill R ("R, Python" is 0; "our studio" is 1)`, false},
		{"spark", "spark", "spark", `substring "spark" (also "pyspark", "sparkml"; and "Spark Capital")`, true},
		{"aws", "aws", "aws", `substring "aws", also inside other words: "laws", "draws", "flaws"`, false},
		{"excel", "excel", "excel", `substring "excel", also inside other words: "excellent", "excellence"`, false},
	}
}

func skillField(keyword string) string { return fieldSkills + "/" + keyword }

// dataSets are the labelled sets, in the order results come.
func dataSets() []dataSet {
	nhsFields := []string{fieldSalary, fieldRegion, fieldEmployment, fieldEmploymentWithheld, fieldHours}
	nhsNotes := map[string]string{fieldSalary: "silver label: NHS Jobs' own parse, sometimes wrong"}
	skillFields := []string{fieldSkills}
	skillWeak := map[string]bool{fieldSkills: true}
	var pooled []string
	skillNotes := map[string]string{}
	for _, s := range glassdoorSkills() {
		f := skillField(s.keyword)
		skillFields = append(skillFields, f)
		skillWeak[f] = true
		skillNotes[f] = "flag is the " + s.rule
		if s.pooled {
			pooled = append(pooled, s.flag)
		} else {
			skillNotes[f] += "; not pooled into skills"
		}
	}
	skillNotes[fieldSkills] = "the dataset author's substring flags whose rule means the skill, pooled: " +
		strings.Join(pooled, ", ")
	sets := []dataSet{
		{
			name: "adzuna_uk_2013", dir: "adzuna_uk_2013", ads: "ads.jsonl", labels: "labels.jsonl",
			fields: []string{fieldSalary, fieldRegion, fieldEmployment, fieldEmploymentWithheld, fieldHours},
			judge: func(j *judge, ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
				j.adzunaSalary(ad, x, l)
				j.region(ad, x, l.str("region"), j.g.region(l.str("region")))
				j.employment(ad, x, l.str("employment_type"), l.str("hours"))
			},
		},
		{
			name: "nhs_jobs_2020", dir: "nhs_jobs_2020", ads: "ads.jsonl", labels: "labels.jsonl",
			fields: nhsFields, notes: nhsNotes, judge: judgeNHS, postcodes: true,
		},
		{
			name: "nhs_jobs_2020/jobposting", dir: "nhs_jobs_2020", ads: "jobposting.jsonl", labels: "labels.jsonl",
			fields: nhsFields, notes: nhsNotes, judge: judgeNHS, postcodes: true,
			// A JobPosting's id is its address, which ends in the vacancy number the labels use.
			labelIDFn: func(id string) string { return id[strings.LastIndexByte(strings.TrimRight(id, "/"), '/')+1:] },
		},
		{
			name: "glassdoor_us_2020", dir: "glassdoor_us_2020", ads: "ads.jsonl", labels: "labels.jsonl",
			fields: append([]string{fieldSalary, fieldState}, skillFields...), weak: skillWeak, notes: skillNotes,
			judge: func(j *judge, ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
				j.glassdoorSalary(ad, x, l)
				code := l.str("job_state")
				j.state(fieldState, ad, x, code, j.g.state(code))
				j.glassdoorSkills(ad, x, l)
			},
		},
		{
			name: "reed_uk", dir: "reed_uk", ads: "ads.jsonl", labels: "labels.jsonl",
			fields: []string{fieldRegion, fieldEmployment, fieldEmploymentWithheld, fieldHours},
			judge: func(j *judge, ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
				city, state := l.str("city"), l.str("state")
				j.region(ad, x, city+", "+state, j.g.regionOfCityState(city, state))
				typ, hours := reedJobType(l.str("job_type"))
				j.employment(ad, x, typ, hours)
			},
		},
		{
			name: "reed_datascience_2021", dir: "reed_datascience_2021", ads: "ads.jsonl", labels: "labels.jsonl",
			fields: []string{fieldRegion, fieldEmployment, fieldEmploymentWithheld, fieldHours, fieldRemote},
			judge: func(j *judge, ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
				city, state := l.str("locality"), l.str("region_reed")
				j.region(ad, x, city+", "+state, j.g.regionOfCityState(city, state))
				typ, hours := reedJobType(l.str("employment_type"))
				j.employment(ad, x, typ, hours)
				if want, ok := l.flag("is_remote"); ok {
					j.binary(fieldRemote, ad.ID, remoteText(ad), ourRemote(x), want, "", "")
				}
			},
		},
		{
			name: "hn_whoishiring_2013_2018", dir: "hn_whoishiring_2013_2018", ads: "ads.jsonl", labels: "labels.jsonl",
			fields: []string{fieldCountry, fieldCountryNamed, fieldState, fieldStateNamed, fieldRemote, fieldNotFromLinks},
			weak:   map[string]bool{fieldRemote: true},
			notes: map[string]string{fieldRemote: "weak label: the upstream parser's flag",
				fieldCountry:      "a geocoder's reading of the post's location; a post naming several places gets one",
				fieldState:        "a geocoder's reading of the post's location; a post naming several places gets one",
				fieldCountryNamed: "the named-place rule: the geocoder's place may be another the heading names beside ours",
				fieldStateNamed:   "the named-place rule: the geocoder's place may be another the heading names beside ours"},
			judge: func(j *judge, ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
				j.notFromLinks(ad)
				if want, ok := l.flag("remote"); ok {
					j.binary(fieldRemote, ad.ID, remoteText(ad), ourRemote(x), want, "", "")
				}
				if code := stateCodeOfAddress(l.str("address")); l.str("country") == "US" && code != "" &&
					!geocodeNamed(ad.Title+"\n"+extract.PlainText(ad.Description), l.str("location"),
						l.str("address"), j.g.state(code)) {
					// The geocode is of no place the post names: not a case.
					for _, f := range []string{fieldCountry, fieldCountryNamed, fieldState, fieldStateNamed} {
						j.unmapped(f)
					}
					return
				}
				named := j.namedPlaces(ad)
				if c := l.str("country"); c != "" {
					got := string(x.Location.Country)
					j.value(fieldCountry, ad.ID, locationText(ad), got, c, "")
					j.value(fieldCountryNamed, ad.ID, locationText(ad), got, namedAgree(named, got, c, countryOf), "")
				}
				if l.str("country") == "US" {
					code := stateCodeOfAddress(l.str("address"))
					want := j.g.state(code)
					j.state(fieldState, ad, x, l.str("address"), want)
					if ours := stateKey(x.Location); want != "" && namedAgree(named, ours, want, stateKey) != want {
						// Ours is another place the heading names beside the labelled state's; a
						// place outside the US has no state and is compared by its country.
						j.value(fieldStateNamed, ad.ID, locationText(ad), ours, ours, "")
					} else {
						j.state(fieldStateNamed, ad, x, l.str("address"), want)
					}
				}
			},
		},
	}
	// Every set is judged for market coverage, over all its ads (labelled or not).
	for i := range sets {
		sets[i].fields = append(sets[i].fields, fieldMarket, fieldMarketFigures)
	}
	return sets
}

// nhsHoursPerYear is the hours NHS Jobs multiplies an hourly rate by to label it as a YEAR figure.
const nhsHoursPerYear = 1681

func judgeNHS(j *judge, ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
	min, okMin := l.num("salary_min")
	max, okMax := l.num("salary_max")
	if okMin && okMax {
		unit := strings.ToLower(l.str("salary_unit"))
		if unit == jobscope.PeriodYear && x.Salary != nil && x.Salary.Period == jobscope.PeriodHour {
			// NHS Jobs' own conversion of an hourly rate into its YEAR figure.
			min, max, unit = min/nhsHoursPerYear, max/nhsHoursPerYear, jobscope.PeriodHour
		}
		j.salaryRange(ad, x, min, max, unit, l.str("currency"))
	}
	pc := l.str("postcode")
	j.region(ad, x, pc, j.g.regionOfPostcode(pc))
	typ, hours := nhsEmployment(l.str("employment_type_schema"))
	j.employment(ad, x, typ, hours)
}

// judge records each field's verdicts for one data set.
type judge struct {
	g      *gazetteer
	places PlaceLister // nil when the extractor lists no places
	// mentioner finds where skills were read (nil when the extractor does not say); placeNames are
	// the names of several words of towns, for fieldNotFromLinks.
	mentioner  SkillMentioner
	placeNames map[string]bool
	// withheld holds each ad's extraction without the board's employment field, when
	// fieldEmploymentWithheld is measured.
	withheld map[*jobscope.RawAd]*jobscope.Extraction
	skills   map[string]string // lower-case skill name or alias → skill name
	accs     map[string]*accumulator
}

// accumulator gathers one field's counts and disagreements.
type accumulator struct {
	res   Result
	worst []Case
}

// acc returns the accumulator of a field, or nil when the field is not selected.
func (j *judge) acc(field string) *accumulator { return j.accs[field] }

// record counts one case of field; a disagreement keeps c, scored by how bad it is, with the input text
// it was read from (text is called only then, since finding it may cost a description's reduction).
func (j *judge) record(field string, agree bool, c Case, text func() string) {
	a := j.acc(field)
	if a == nil {
		return
	}
	a.res.Cases++
	if agree {
		a.res.Agree++
		return
	}
	c.Text = clip(text(), textLen)
	a.worst = append(a.worst, c)
}

// unmapped counts a label that was given but could not be read.
func (j *judge) unmapped(field string) {
	if a := j.acc(field); a != nil {
		a.res.Unmapped++
	}
}

// value judges a field whose values are names: they agree when equal, ignoring case; a wrong value is
// worse than none. shownWant is how the label is shown ("" for want itself).
func (j *judge) value(field, id string, text func() string, got, want, shownWant string) {
	score := 2.0
	if got == "" {
		score = 1
	}
	if shownWant == "" {
		shownWant = want
	}
	j.record(field, strings.EqualFold(got, want), Case{ID: id, Got: orNone(got), Want: shownWant, score: score}, text)
}

// binary judges a yes/no field and counts its outcome; shownGot and shownWant are how the two sides are
// shown ("" for true/false).
func (j *judge) binary(field, id string, text func() string, got, want bool, shownGot, shownWant string) {
	a := j.acc(field)
	if a == nil {
		return
	}
	if a.res.Confusion == nil {
		a.res.Confusion = &Confusion{}
	}
	a.res.Confusion.add(got, want)
	// A false yes and a missed yes are equally wrong here; false ones first, as wrong values.
	score := 1.0
	if got {
		score = 2
	}
	if shownGot == "" {
		shownGot, shownWant = fmt.Sprint(got), fmt.Sprint(want)
	}
	j.record(field, got == want, Case{ID: id, Got: shownGot, Want: shownWant, score: score}, text)
}

// region judges the GB region; raw is the label as given, want its ONS region ("" when it maps to none).
func (j *judge) region(ad *jobscope.RawAd, x *jobscope.Extraction, raw, want string) {
	if strings.Trim(raw, ", ") == "" {
		return
	}
	if want == "" {
		j.unmapped(fieldRegion)
		return
	}
	got := string(x.Location.Region)
	if r := j.g.region(got); r != "" {
		got = r
	}
	shown := want
	if !strings.EqualFold(strings.TrimSpace(raw), want) {
		shown += " (" + strings.Trim(raw, ", ") + ")"
	}
	j.value(fieldRegion, ad.ID, locationText(ad), got, want, shown)
}

// state judges the US state as field; raw is the label as given, want the state's full name ("" when
// unknown).
func (j *judge) state(field string, ad *jobscope.RawAd, x *jobscope.Extraction, raw, want string) {
	if strings.TrimSpace(raw) == "" {
		return
	}
	if want == "" {
		j.unmapped(field)
		return
	}
	j.value(field, ad.ID, locationText(ad), string(x.Location.Region), want, want+" ("+strings.TrimSpace(raw)+")")
}

// PlaceLister is an Extractor that can also list every place a title names (extract.Extractor does);
// eval's named-place rule needs it, and without it judges those fields strictly.
type PlaceLister interface {
	PlacesIn(text string) []jobscope.Location
}

// namedPlaces returns the places an ad's heading (its title: a post's first line) names, or nil when
// the extractor cannot list them.
func (j *judge) namedPlaces(ad *jobscope.RawAd) []jobscope.Location {
	if j.places == nil {
		return nil
	}
	return j.places.PlacesIn(ad.Title)
}

func countryOf(l jobscope.Location) string { return string(l.Country) }

// stateKey is what the named-place rule compares a place by for the state field: its state in the US,
// its country elsewhere ("country GB"), "" when it has neither.
func stateKey(l jobscope.Location) string {
	if l.Country == "US" || l.Country == "" {
		return string(l.Region)
	}
	return "country " + string(l.Country)
}

// namedAgree applies the named-place rule to a post that names several places, of which the geocoder
// labelled one: when the heading names both our value and the label's (by key: country or state), ours
// counts as the label's, and namedAgree returns got as the value to compare; otherwise it returns want.
func namedAgree(named []jobscope.Location, got, want string, key func(jobscope.Location) string) string {
	if got == "" || strings.EqualFold(got, want) {
		return want
	}
	hasGot, hasWant := false, false
	for _, l := range named {
		k := key(l)
		hasGot = hasGot || strings.EqualFold(k, got)
		hasWant = hasWant || strings.EqualFold(k, want)
	}
	if hasGot && hasWant {
		return got
	}
	return want
}

// employment judges employment type and hours where the label gives them.
func (j *judge) employment(ad *jobscope.RawAd, x *jobscope.Extraction, typ, hours string) {
	text := func() string { return "employment_type: " + orNone(ad.EmploymentType) + " | title: " + ad.Title }
	if typ != "" {
		j.value(fieldEmployment, ad.ID, text, string(x.Employment.Type), typ, "")
		if w := j.withheld[ad]; w != nil {
			j.value(fieldEmploymentWithheld, ad.ID, func() string { return "title: " + ad.Title + " | salary: " + ad.Salary },
				string(w.Employment.Type), typ, "")
		}
	}
	if hours != "" {
		j.value(fieldHours, ad.ID, text, string(x.Employment.Hours), hours, "")
	}
}

// adzunaSalary judges our salary through Adzuna's annual conversions.
func (j *judge) adzunaSalary(ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
	want, ok := l.num("salary_annual_adzuna")
	if !ok {
		return
	}
	got, ok := adzunaAnnual(x.Salary)
	err := math.Inf(1)
	if ok {
		err = relErr(got, want) // whatever our currency: Adzuna's own figure ignores it
	}
	gotText := formatSalary(x.Salary)
	if ok {
		gotText += " = " + number(got) + " a year (Adzuna)"
	}
	j.record(fieldSalary, err <= Tolerance, Case{ID: ad.ID, Got: gotText, Want: number(want) + " a year", score: err},
		salaryText(ad))
}

// salaryRange judges our salary against a labelled min and max.
func (j *judge) salaryRange(ad *jobscope.RawAd, x *jobscope.Extraction, min, max float64, period, currency string) {
	err := salaryRangeErr(x.Salary, min, max, period, currency)
	want := &jobscope.Salary{Min: min, Max: max, Currency: currency, Period: period}
	j.record(fieldSalary, err <= Tolerance, Case{ID: ad.ID, Got: formatSalary(x.Salary), Want: formatSalary(want),
		score: err}, salaryText(ad))
}

// glassdoorSalary judges our salary against min_salary and max_salary: $K a year, or dollars an hour
// for hourly ads.
func (j *judge) glassdoorSalary(ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
	min, okMin := l.num("min_salary")
	max, okMax := l.num("max_salary")
	if !okMin || !okMax {
		return
	}
	hourly, _ := l.flag("hourly")
	if hourly {
		j.salaryRange(ad, x, min, max, jobscope.PeriodHour, "USD")
		return
	}
	j.salaryRange(ad, x, min*1000, max*1000, jobscope.PeriodYear, "USD")
}

// glassdoorSkills judges our skills against the five keyword flags, each alone, and pools those whose
// rule means the skill.
func (j *judge) glassdoorSkills(ad *jobscope.RawAd, x *jobscope.Extraction, l label) {
	for _, s := range glassdoorSkills() {
		want, ok := l.flag(s.flag)
		if !ok {
			continue
		}
		name := j.skills[s.keyword]
		got := false
		for _, sk := range x.Skills {
			if name != "" && sk.Name == name {
				got = true
				break
			}
		}
		text := skillText(ad, s.shown, name)
		skill := name
		if skill == "" {
			skill = s.keyword + " (not in the taxonomy)"
		}
		shownGot, shownWant := fmt.Sprintf("%s: %v", skill, got), fmt.Sprintf("%s: %v", s.flag, want)
		j.binary(skillField(s.keyword), ad.ID, text, got, want, shownGot, shownWant)
		if s.pooled {
			j.binary(fieldSkills, ad.ID, text, got, want, shownGot, shownWant)
		}
	}
}

// The input text a disagreement is shown with, per field.

func salaryText(ad *jobscope.RawAd) func() string {
	return func() string {
		switch {
		case ad.BaseSalary != nil:
			return fmt.Sprintf("baseSalary %s–%s %s %s %q", number(ad.BaseSalary.Min), number(ad.BaseSalary.Max),
				ad.BaseSalary.Currency, ad.BaseSalary.Unit, ad.BaseSalary.Text)
		case ad.Salary != "":
			return ad.Salary
		}
		return "(no salary field) " + ad.Title + " | " + extract.PlainText(ad.Description)
	}
}

func locationText(ad *jobscope.RawAd) func() string {
	return func() string {
		if ad.Location != "" {
			return ad.Location
		}
		return "(no location field) " + ad.Title
	}
}

func remoteText(ad *jobscope.RawAd) func() string {
	return func() string { return "title: " + ad.Title + " | location: " + orNone(ad.Location) }
}

// skillText shows where the label's keyword, or else our skill's name, occurs in the ad.
func skillText(ad *jobscope.RawAd, keyword, skill string) func() string {
	return func() string {
		desc := extract.PlainText(ad.Description)
		if s := snippet(desc, keyword, 160); s != "" {
			return s
		}
		if s := wordSnippet(desc, skill, 160); s != "" {
			return s
		}
		return "title: " + ad.Title
	}
}
