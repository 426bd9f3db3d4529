// Package extract turns a raw job ad into structure — canonical title and seniority, employment type,
// hours and IR35, work mode, salary or day rate, location on the ONS region ladder, and skills — as
// defined in docs/extraction.md. It does no I/O: an Extractor is built once from a taxonomy and is then
// safe for concurrent use by many goroutines.
package extract

import (
	"strings"
	"sync"

	"jobscope"
	"jobscope/taxonomy"
)

// Extractor extracts structure from ads using the vocabularies of one taxonomy. It is immutable after
// New and safe for concurrent use.
type Extractor struct {
	skills     *phraseIndex
	skillList  []taxonomy.Skill
	flags      []uint8             // skillFlags of skillList, by index
	senses     map[int32]senseRule // by the skill a shared alias is first read as (see senseRules)
	titles     *phraseIndex
	titleNames []string
	geo        map[string][]geoEntry
	geoFirst   map[string]uint8       // first word of a gazetteer name -> most words of a name starting with it
	splitAreas map[string]bool        // postcode areas whose districts the gazetteer lists, as they span regions
	countries  map[string][]geoEntry  // a country's ISO code -> its entry, for a code after a town ("Berlin, DE")
	countryLen int                    // the longest name or alias of a country, in bytes
	towns      map[string]bool        // townKey of every US and Canadian town the gazetteer's places list in its state
	moreTowns  func() map[string]bool // townKey of the taxonomy's Towns, read on first use
	version    string                 // see Version
	tokens     sync.Pool              // *[]token scratch buffers
}

// New builds an Extractor for t. t must not be modified afterwards.
func New(t *taxonomy.Taxonomy) *Extractor {
	e := &Extractor{skills: newPhraseIndex(), titles: newPhraseIndex(), skillList: t.Skills, flags: skillFlags(t.Skills),
		senses: buildSenses(t.Skills), version: versionOf(t)}
	for i, s := range t.Skills {
		for _, a := range s.Aliases {
			e.skills.add(a.Text, int32(i), uint8(a.Guard))
		}
	}
	// Then the other forms of the general skills' and practices' aliases (see wordForms) and the verb
	// phrases of the practices' names (see inverseForms), after every alias as written, so that a form
	// another skill lists as its own stays that skill's.
	for i, s := range t.Skills {
		if !formsOf(s) {
			continue
		}
		for _, a := range s.Aliases {
			if lower := strings.ToLower(a.Text); a.Guard == taxonomy.GuardNone && plainPhrase(lower) {
				for _, f := range aliasForms(lower) {
					e.skills.add(f, int32(i), uint8(a.Guard))
				}
			}
		}
		for _, f := range inverseForms(s.Name) {
			e.skills.add(f, int32(i), uint8(taxonomy.GuardNone))
		}
	}
	for i, ti := range t.Titles {
		e.titleNames = append(e.titleNames, ti.Name)
		for _, a := range ti.Aliases {
			e.titles.add(a, int32(i), 0)
		}
	}
	e.geo, e.splitAreas, e.towns = buildGeo(t.Places)
	e.moreTowns = sync.OnceValue(func() map[string]bool {
		if t.Towns == nil {
			return nil
		}
		towns, err := t.Towns()
		if err != nil {
			// The default towns are embedded and tested; a user's loader that fails only loses the
			// confirmation of rare "Town, State" pairs.
			return nil
		}
		_, _, m := buildGeo(towns)
		return m
	})
	e.geoFirst = map[string]uint8{}
	for k := range e.geo {
		w := strings.Fields(k)
		if len(w) > 0 && uint8(len(w)) > e.geoFirst[w[0]] {
			e.geoFirst[w[0]] = uint8(len(w))
		}
	}
	e.countries = map[string][]geoEntry{}
	for i := range t.Places {
		p := &t.Places[i]
		if p.Kind != taxonomy.KindCountry {
			continue
		}
		if e.countries[p.Country] == nil {
			e.countries[p.Country] = []geoEntry{{p: p, written: p.Country, exact: true}}
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			e.countryLen = max(e.countryLen, len(n))
		}
	}
	e.tokens.New = func() any { b := make([]token, 0, 512); return &b }
	return e
}

// Extract returns what an ad says, as far as its text allows; fields it cannot settle are left empty
// (null in JSON) rather than guessed.
func (e *Extractor) Extract(ad *jobscope.RawAd) jobscope.Extraction {
	x := jobscope.Extraction{ID: ad.ID, Source: ad.Source}
	// The title and the description are read as one text, lowercased once: the title's and the
	// description's lowercased forms are parts of it.
	text := plainTextAfter(ad.Title+"\n", ad.Description)
	lowerText := lowerASCII(text)
	desc, lowerDesc := text[len(ad.Title)+1:], lowerText[len(ad.Title)+1:]
	lowerTitle := lowerText[:len(ad.Title)]
	lowerSalary := lowerASCII(ad.Salary)
	lowerLoc := lowerASCII(ad.Location)

	bp := e.tokens.Get().(*[]token)
	defer e.tokens.Put(bp)
	toks := tokenize((*bp)[:0], text, lowerText)
	*bp = toks[:0]
	// The title's words are the tokens before the line break that ends it: the same as the
	// title's own, since no word runs over a line break.
	nTitle := len(toks)
	for k, t := range toks {
		if t.start > len(ad.Title) {
			nTitle = k
			break
		}
	}
	titleToks, descToks := toks[:nTitle], toks[nTitle:]

	x.Title.Normalized = jobscope.NullString(e.normalizeTitle(titleToks))
	sen := seniorityOf(titleToks)
	if sen == "" {
		sen = seniorityFromText(lowerDesc)
	}
	x.Title.Seniority = jobscope.NullString(sen)
	sig := scanSignals(descToks)

	titleSalary := lowerTitle + " " + lowerSalary // both read for contract words and IR35
	typ, hours := EmploymentFromLabel(ad.EmploymentType)
	basis := ""
	if typ != "" {
		basis = jobscope.BasisField
	} else {
		ts, tt := titleTypeScores(titleSalary), titleTypeScores(lowerTitle+" ") // the space ends "perm " as in titleSalary
		if bankTitle(lowerTitle) {
			ts[2]++
			tt[2]++
		}
		typ = sig.employmentType(ts)
		basis = basisOf(typ, ts, tt)
	}
	if hours == "" {
		hours = sig.hours(lowerTitle)
	}

	loc, ok := e.ParseLocation(ad.Location)
	if !ok {
		loc, _ = e.locationFromText(ad.Title, desc, lowerDesc)
	}
	mode := WorkMode(lowerTitle + " | " + lowerLoc)
	if mode == "" && ad.Remote {
		mode = "remote"
	}
	if mode == "" && ad.Location == "" && ad.Description != "" {
		// Titles and first lines of posts ("Acme | NYC | REMOTE") say it in a word.
		first := lowerDesc
		if i := strings.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		mode = WorkMode(first[:min(len(first), 200)])
	}
	if mode == "" {
		mode = sig.workMode()
	}
	if mode == "remote" {
		loc.Remote = true
	}
	if ad.Remote {
		loc.Remote = true
	}
	x.Location = loc
	x.WorkMode = jobscope.NullString(mode)

	ir35 := IR35(titleSalary)
	if ir35 == "" {
		ir35 = IR35(lowerDesc)
	}
	if ir35 != "" && (loc.Country == "" || loc.Country == "GB") {
		if typ == "" {
			typ, basis = jobscope.Contract, jobscope.BasisIR35
		}
		if typ == jobscope.Contract {
			x.Employment.IR35 = jobscope.NullString(ir35)
		}
	}
	x.Salary = salaryFromAd(ad, desc, lowerDesc, currencyFor(string(loc.Country)), typ == jobscope.Contract)
	if typ == "" && x.Salary != nil {
		typ = typeFromPay(x.Salary.Period, x.Salary.Mid())
	}
	if typ == "" {
		// "£20,000 - £40,000 per annum, OTE", "Competitive salary": no figure to use, but the words
		// of the pay say the kind of job all the same.
		typ = typeFromPay(periodNamed(lowerSalary), 0)
	}
	if typ != "" && basis == "" {
		basis = jobscope.BasisPay
	}
	x.Employment.Type = jobscope.NullString(typ)
	x.Employment.Hours = jobscope.NullString(hours)
	if typ != "" {
		x.Employment.Basis = jobscope.NullString(basis)
	}

	x.Skills = e.findSkills(text, toks, nil)
	return x
}

// currencyFor returns the currency of unmarked figures in an ad from the given country.
func currencyFor(country string) string {
	switch country {
	case "US":
		return "USD"
	case "IE", "DE", "FR", "NL", "BE", "ES", "PT", "IT", "AT", "FI", "GR", "EE", "LT", "LV", "LU", "SK", "SI", "MT", "CY", "HR":
		return "EUR"
	case "CA", "AU", "NZ", "CH", "SE", "NO", "DK", "PL", "IN", "SG":
		return ""
	}
	return "GBP"
}

// Skills returns the skills of the taxonomy that text mentions, each once, in order of first mention.
func (e *Extractor) Skills(text string) []jobscope.Skill {
	toks := tokenize(nil, text, lowerASCII(text))
	return e.findSkills(text, toks, nil)
}
