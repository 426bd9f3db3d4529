package eval

import (
	"regexp"
	"strings"

	"jobscope"
	"jobscope/extract"
	"jobscope/taxonomy"
)

// Fields of coverage and of skills read from the wrong places.
const (
	// fieldMarket: of the ads quoting pay, those extraction gives an employment type.
	fieldMarket = "market"
	// fieldMarketFigures: of the ads quoting pay, those whose pay reaches a salary figure: permanent
	// with an annual, monthly or weekly salary, or contract with a day or hour rate.
	fieldMarketFigures = "market/figures"
	// fieldEmploymentWithheld is employment_type judged on the ads extracted again without the board's
	// employment field, as a scraped page or a feed without that field gives them.
	fieldEmploymentWithheld = fieldEmployment + "/withheld"
	// fieldNotFromLinks: posts none of whose skill mentions lies in a link, an e-mail address or a
	// place's name.
	fieldNotFromLinks = fieldSkills + "/not_from_links"
)

// market judges whether an ad quoting pay lands in a market, and whether its pay reaches a figure.
func (j *judge) market(ad *jobscope.RawAd, x *jobscope.Extraction) {
	if x.Salary == nil {
		return
	}
	typ, period := string(x.Employment.Type), x.Salary.Period
	text := func() string { return "employment_type: " + orNone(ad.EmploymentType) + " | title: " + ad.Title }
	j.record(fieldMarket, typ != "", Case{ID: ad.ID, Got: orNone(typ), Want: "a type", score: 1}, text)
	figures := typ == jobscope.Permanent && (period == jobscope.PeriodYear || period == jobscope.PeriodMonth || period == jobscope.PeriodWeek) ||
		typ == jobscope.Contract && (period == jobscope.PeriodDay || period == jobscope.PeriodHour)
	j.record(fieldMarketFigures, figures, Case{ID: ad.ID, Got: orNone(typ) + " paid by the " + period,
		Want: "permanent with a salary, or contract with a day or hour rate", score: 1}, text)
}

// SkillMentioner lists where in a text each skill was read (the product's extractor does).
type SkillMentioner interface {
	SkillMentions(text string) []extract.SkillMention
}

// Links, e-mail addresses (also written "name at acme dot com") and web addresses without a scheme,
// found by rules of eval's own, not extraction's. A bare domain ("Salesforce.com", "ASP.NET") is
// no address here: too many products are named so.
var (
	linkRe    = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"')\]]+`)
	emailRe   = regexp.MustCompile(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	dotComRe  = regexp.MustCompile(`(?i)[\w.-]+\s*[\[(]?\s*(?:at|@)\s*[\])]?\s*[\w-]+\s*[\[(]?\s*dot\s*[\])]?\s*[a-z]{2,4}\b|\bdot\s+(?:com|io|org|net)\b`)
	domainRe  = regexp.MustCompile(`(?i)\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|org|net|co|ly|ai|me|us|uk)/[^\s<>"')\]]*`)
	placeWord = regexp.MustCompile(`[A-Z][\w'.-]*`)
)

// placeNames returns the lower-cased names of several words of the taxonomy's towns and cities: "san
// francisco", "palo alto", "salt lake city".
func placeNames(t *taxonomy.Taxonomy) map[string]bool {
	out := map[string]bool{}
	for _, p := range t.Places {
		if p.Kind == taxonomy.KindPlace && strings.Contains(p.Name, " ") {
			out[strings.ToLower(p.Name)] = true
		}
	}
	return out
}

// notFromLinks judges whether any of a post's skill mentions lies in a link, an address or a place name
// of several words written with capitals.
func (j *judge) notFromLinks(ad *jobscope.RawAd) {
	if j.acc(fieldNotFromLinks) == nil || j.mentioner == nil {
		return
	}
	text := ad.Title + "\n" + extract.PlainText(ad.Description)
	var spans [][]int
	for _, re := range []*regexp.Regexp{linkRe, emailRe, dotComRe, domainRe} {
		spans = append(spans, re.FindAllStringIndex(text, -1)...)
	}
	// Runs of two to four capitalised words that are a place's name.
	words := placeWord.FindAllStringIndex(text, -1)
	for i := range words {
		for n := 2; n <= 4 && i+n <= len(words); n++ {
			lo, hi := words[i][0], words[i+n-1][1]
			gap := text[words[i][1]:words[i+n-1][0]]
			if strings.ContainsAny(gap, "\n,;|()") {
				break
			}
			if j.placeNames[strings.ToLower(strings.Join(strings.Fields(text[lo:hi]), " "))] {
				spans = append(spans, []int{lo, hi})
			}
		}
	}
	var bad []string
	for _, m := range j.mentioner.SkillMentions(text) {
		for _, s := range spans {
			if m.Start < s[1] && m.End > s[0] {
				bad = append(bad, m.Name+" in "+text[s[0]:s[1]])
				break
			}
		}
	}
	j.record(fieldNotFromLinks, len(bad) == 0, Case{ID: ad.ID, Got: strings.Join(bad, "; "), Want: "no skill from links or places",
		score: float64(len(bad))}, func() string { return ad.Title })
}
