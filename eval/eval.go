// Package eval measures extraction against the labelled real ads of the shared data directory
// (DIR/data/ads/SET/ads.jsonl, with the source's own labels in labels.jsonl): per data set and field, how
// many ads carry a usable label (cases), how many of those our extraction agrees with, and the worst
// disagreements with their text, so that a person can see where extraction fails.
//
// Extraction never sees the labels: ads are read with the product's reader (jobscope/ingest/read) and
// extracted one by one; labels are read apart and joined on the ad's id afterwards.
//
// # Agreement rules
//
// Salary. adzuna_uk_2013: our midpoint times Adzuna's factor for our period (hour 1920, day 240, week 48,
// month 12, year 1) is within 1% of salary_annual_adzuna; every ad with that label is a case. Adzuna's
// figure takes "56000USD per year" as 56,000 whatever the currency, so ours is compared in any currency.
// nhs_jobs_2020 and nhs_jobs_2020/jobposting (the schema.org records, whose baseSalary is given):
// our min and max are each within 1% of salary_min and salary_max, period salary_unit, currency
// currency (silver labels: NHS Jobs' own parse, sometimes wrong); NHS Jobs labels an hourly rate as a
// YEAR figure of 1,681 hours (£9.21 an hour is labelled 15,482), so an hourly rate of ours is compared
// through that conversion, as Adzuna's are through its own. glassdoor_us_2020: min_salary and
// max_salary are $K a year, or dollars an hour when hourly is "1"; our min and max are within 1% of them,
// in USD, period year or hour (ads the author's cleaned file left out have no label). A missing salary,
// or another period or currency, is a disagreement. reed_uk and reed_datascience_2021 label only the
// salary text the ads carry: not evaluated.
//
// Region (GB, ONS regions). Both sides are normalised through the taxonomy's gazetteer ("South East
// England" → "South East", "Yorkshire and Humber" → "Yorkshire and The Humber"). adzuna_uk_2013: region
// (from Adzuna's location tree). nhs_jobs_2020 and its jobposting part: the postcode's district in
// DIR/data/geo/postcode_districts (ONS and OS data, independent of extraction) when that file is there,
// else the taxonomy's district or area. reed_uk: city and state; reed_datascience_2021: locality and
// region_reed. A city that is a region or county, or a town whose namesakes that are towns too all lie
// in one region, settles it ("London" beside Reed's "South East England" is London); otherwise the
// state's region (a region or county) counts when a place of the city's name lies in it, or when the
// gazetteer does not know the city. A label that maps to no region, or to several, is not a case (it is
// counted as unmapped). Postcode districts aside, the gazetteer is the one extraction uses, so its own
// errors go unseen here.
//
// State (US, full name). glassdoor_us_2020: job_state's code; hn_whoishiring_2013_2018: the state code of
// address "City, ST, USA".
//
// Country. hn_whoishiring_2013_2018: country (ISO code) when given.
//
// Geocodes the post does not support (hn_whoishiring_2013_2018, country and state and their named
// forms). The upstream parser took a "Word, Word" or a known city name from the post and geocoded it;
// a US geocode is a case only when the post names its town as a word (case aside; SF, SFO or Bay Area
// for San Francisco, NYC or NY for New York, LA, DC) or the parser's place text ends in its state
// ("Venice, CA" geocoded to Los Angeles, CA). Others are geocodes of words that are no place the post
// gives ("Apple, Inc." placed at a street address in Sunnyvale, "Software Engineer, Research" in
// Pittsburgh, "SF" found inside "KSF Media" for a post in Helsinki) and are counted as unmapped.
//
// Named-place rule (country/named, state/named). A hn_whoishiring_2013_2018 post often names several
// places ("Boston, MA; San Francisco, CA"), and the upstream parser labelled one by its own order of
// preference (San Francisco, Palo Alto, Mountain View, New York, London, Berlin found anywhere in the
// first line, then the first "City, ST"), not the first named, which is the one extraction gives. Under
// this rule ours also agrees when the post's heading (its first line) names both our place and the
// labelled one, compared by country or by state (a place outside the US, which has no state, by
// its country), each segment of the heading read on its own (extract's PlacesIn). country and state
// are the strict figures; the rule's are printed beside them, never instead.
//
// Employment type and hours, where the label says them clearly. adzuna_uk_2013: employment_type
// (permanent, contract) and hours. Reed's job type "Permanent, full-time": type permanent, contract or
// temporary; hours full_time or part_time ("full-time or part-time" says no hours). nhs_jobs_2020:
// FULL_TIME and PART_TIME give hours only, TEMPORARY the type only. These sources also pass the label as
// the ad's employment_type field, so what is measured is mostly how that label is read.
//
// Remote. Ours is remote when the work mode is remote or the location is remote (hybrid is not).
// reed_datascience_2021: is_remote. hn_whoishiring_2013_2018: remote, a weak label (the upstream
// parser's flag).
//
// Skills (weak), glassdoor_us_2020. Its flags are the dataset author's substring tests on the
// lower-cased description; each rule below reproduces all 371 labels of its flag. python_yn: "python".
// R_yn: "r studio" or "r-studio" only, which is not the skill R ("R, Python" is 0, "our studio" is 1).
// spark: "spark" (so "pyspark" too). aws: "aws", also inside "laws", "draws" and "flaws". excel: "excel",
// also inside "excellent" and "excellence". For each flag, ours is whether our skills include the
// taxonomy skill of that name or alias (Python, R, Apache Spark, AWS, Excel): agreement, precision and
// recall. Only python_yn and spark, whose rule means the skill, are pooled into skills; skills/r,
// skills/aws and skills/excel are printed, but they measure the flag's rule, not the skill.
//
// Skills, skillspan/train, skillspan/dev and skillspan/test (SkillSpan, Zhang et al. 2022, MIT licence:
// Stack Overflow job-ad sentences whose skill and knowledge spans people marked; only source "tech" is
// read, and a split whose file is absent is shown as absent). A posting's sentences are joined, one a
// line, and its skills found as in an ad; mentions in its title (the first line up to the first
// placeholder such as <ORGANIZATION>) are not judged, since the annotators marked no title (none of
// the 109 postings' titles has a span). skills: precision is the share of the skills we report per
// posting (each skill once, as extraction reports them) of which at least one mention lies inside a
// marked span, knowledge or skill (every word the mention covers is marked), judged over the skills
// with a mention in a sentence where the annotators marked some span. SkillSpan marks the competences a
// posting asks of the applicant and leaves unmarked the sentences that only describe the company's own
// stack ("Python for data processing and analysis .", "THE STACK: ... Node.js React"), its benefits or
// the company itself, while extraction reports every skill an ad names (docs/extraction.md); a skill named only
// in unmarked sentences is therefore not judged by skills. skills/strict judges it too, as wrong:
// precision over every skill we report, the same recall. Recall is the share of the knowledge spans
// that name a technology which a mention of ours overlaps. A span names a technology when
// its whole text, case, spaces and hyphens aside, is a GitHub linguist language name or alias, an O*NET
// technology example, or a Stack Overflow tag or tag synonym not made only of ordinary words, which are
// words written in lower case in O*NET's and ESCO's occupation descriptions ("cloud", "testing" and "web
// services" are ordinary, "kubernetes" is not). The rule reads only DIR/data/skills, never our taxonomy.
// skills/mentions: the share of each of our mentions (titles aside) that lies inside a marked span;
// strict, since the annotators leave many repeated or listed names unmarked. skills/knowledge: the share of
// all knowledge spans we overlap, technologies or not (spoken languages, business domains, degrees):
// coverage, not a target. Disagreements are grouped by text, most frequent first, false mentions and
// misses in turn.
//
// Market coverage (market, every set). Of the ads for which extraction found pay, market is the share
// given an employment type (permanent, contract, temporary or internship), from whatever decided it (the
// board's field, the title, the text, IR35, the pay period), and market/figures the share whose pay
// reaches a salary figure: permanent with an annual, monthly or weekly salary, or contract with a day or
// hour rate. Every ad of the set counts, labelled or not; the label is not read.
//
// Employment type withheld (employment_type/withheld). The same ads are extracted again with their
// employment_type field removed, as a scraped page or a feed without that field gives them, and judged
// against the same label as employment_type.
//
// Skills not from links (skills/not_from_links, hn_whoishiring_2013_2018). The share of posts none of
// whose skill mentions lies in a web link, an e-mail address (also "name at acme dot com"), a web address
// without a scheme ("acme.io/jobs"), or a town's name of two to four capitalised words in the taxonomy
// ("San Francisco", "Palo Alto"), each found by eval's own patterns, not extraction's.
//
// Skills judged by reading (judged). 180 real ads of the shared sets (63 Hacker News posts, 32 NHS
// JobPosting records, 39 Glassdoor and 46 Adzuna ads, drawn at random) were read one by one: named lists
// every skill the ad names, wrong the skills extraction once reported that it does not name. skills:
// precision over the skills we report that were judged (named or wrong), recall over the named skills;
// skills/strict counts a skill never judged as wrong; skills/in_taxonomy is recall over the named skills
// the taxonomy has. The third held-out set was read by a second reader too, blind: skills/readers scores
// that reader against the first (how far two people agree), skills/reader2 extraction against it. The
// judgments are part of the package, the ads are read from the shared directory.
package eval

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"jobscope"
	"jobscope/ingest/read"
	"jobscope/taxonomy"
)

// Rules are the agreement rules, word for word as in the package documentation, for the command's help.
// Keep the two in step (TestRulesMatchDoc checks).
const Rules = `Agreement rules

Salary. adzuna_uk_2013: our midpoint times Adzuna's factor for our period (hour 1920, day 240, week 48,
month 12, year 1) is within 1% of salary_annual_adzuna; every ad with that label is a case. Adzuna's
figure takes "56000USD per year" as 56,000 whatever the currency, so ours is compared in any currency.
nhs_jobs_2020 and nhs_jobs_2020/jobposting (the schema.org records, whose baseSalary is given):
our min and max are each within 1% of salary_min and salary_max, period salary_unit, currency
currency (silver labels: NHS Jobs' own parse, sometimes wrong); NHS Jobs labels an hourly rate as a
YEAR figure of 1,681 hours (£9.21 an hour is labelled 15,482), so an hourly rate of ours is compared
through that conversion, as Adzuna's are through its own. glassdoor_us_2020: min_salary and
max_salary are $K a year, or dollars an hour when hourly is "1"; our min and max are within 1% of them,
in USD, period year or hour (ads the author's cleaned file left out have no label). A missing salary,
or another period or currency, is a disagreement. reed_uk and reed_datascience_2021 label only the
salary text the ads carry: not evaluated.

Region (GB, ONS regions). Both sides are normalised through the taxonomy's gazetteer ("South East
England" → "South East", "Yorkshire and Humber" → "Yorkshire and The Humber"). adzuna_uk_2013: region
(from Adzuna's location tree). nhs_jobs_2020 and its jobposting part: the postcode's district in
DIR/data/geo/postcode_districts (ONS and OS data, independent of extraction) when that file is there,
else the taxonomy's district or area. reed_uk: city and state; reed_datascience_2021: locality and
region_reed. A city that is a region or county, or a town whose namesakes that are towns too all lie
in one region, settles it ("London" beside Reed's "South East England" is London); otherwise the
state's region (a region or county) counts when a place of the city's name lies in it, or when the
gazetteer does not know the city. A label that maps to no region, or to several, is not a case (it is
counted as unmapped). Postcode districts aside, the gazetteer is the one extraction uses, so its own
errors go unseen here.

State (US, full name). glassdoor_us_2020: job_state's code; hn_whoishiring_2013_2018: the state code of
address "City, ST, USA".

Country. hn_whoishiring_2013_2018: country (ISO code) when given.

Geocodes the post does not support (hn_whoishiring_2013_2018, country and state and their named
forms). The upstream parser took a "Word, Word" or a known city name from the post and geocoded it;
a US geocode is a case only when the post names its town as a word (case aside; SF, SFO or Bay Area
for San Francisco, NYC or NY for New York, LA, DC) or the parser's place text ends in its state
("Venice, CA" geocoded to Los Angeles, CA). Others are geocodes of words that are no place the post
gives ("Apple, Inc." placed at a street address in Sunnyvale, "Software Engineer, Research" in
Pittsburgh, "SF" found inside "KSF Media" for a post in Helsinki) and are counted as unmapped.

Named-place rule (country/named, state/named). A hn_whoishiring_2013_2018 post often names several
places ("Boston, MA; San Francisco, CA"), and the upstream parser labelled one by its own order of
preference (San Francisco, Palo Alto, Mountain View, New York, London, Berlin found anywhere in the
first line, then the first "City, ST"), not the first named, which is the one extraction gives. Under
this rule ours also agrees when the post's heading (its first line) names both our place and the
labelled one, compared by country or by state (a place outside the US, which has no state, by
its country), each segment of the heading read on its own (extract's PlacesIn). country and state
are the strict figures; the rule's are printed beside them, never instead.

Employment type and hours, where the label says them clearly. adzuna_uk_2013: employment_type
(permanent, contract) and hours. Reed's job type "Permanent, full-time": type permanent, contract or
temporary; hours full_time or part_time ("full-time or part-time" says no hours). nhs_jobs_2020:
FULL_TIME and PART_TIME give hours only, TEMPORARY the type only. These sources also pass the label as
the ad's employment_type field, so what is measured is mostly how that label is read.

Remote. Ours is remote when the work mode is remote or the location is remote (hybrid is not).
reed_datascience_2021: is_remote. hn_whoishiring_2013_2018: remote, a weak label (the upstream
parser's flag).

Skills (weak), glassdoor_us_2020. Its flags are the dataset author's substring tests on the
lower-cased description; each rule below reproduces all 371 labels of its flag. python_yn: "python".
R_yn: "r studio" or "r-studio" only, which is not the skill R ("R, Python" is 0, "our studio" is 1).
spark: "spark" (so "pyspark" too). aws: "aws", also inside "laws", "draws" and "flaws". excel: "excel",
also inside "excellent" and "excellence". For each flag, ours is whether our skills include the
taxonomy skill of that name or alias (Python, R, Apache Spark, AWS, Excel): agreement, precision and
recall. Only python_yn and spark, whose rule means the skill, are pooled into skills; skills/r,
skills/aws and skills/excel are printed, but they measure the flag's rule, not the skill.

Skills, skillspan/train, skillspan/dev and skillspan/test (SkillSpan, Zhang et al. 2022, MIT licence:
Stack Overflow job-ad sentences whose skill and knowledge spans people marked; only source "tech" is
read, and a split whose file is absent is shown as absent). A posting's sentences are joined, one a
line, and its skills found as in an ad; mentions in its title (the first line up to the first
placeholder such as <ORGANIZATION>) are not judged, since the annotators marked no title (none of
the 109 postings' titles has a span). skills: precision is the share of the skills we report per
posting (each skill once, as extraction reports them) of which at least one mention lies inside a
marked span, knowledge or skill (every word the mention covers is marked), judged over the skills
with a mention in a sentence where the annotators marked some span. SkillSpan marks the competences a
posting asks of the applicant and leaves unmarked the sentences that only describe the company's own
stack ("Python for data processing and analysis .", "THE STACK: ... Node.js React"), its benefits or
the company itself, while extraction reports every skill an ad names (docs/extraction.md); a skill named only
in unmarked sentences is therefore not judged by skills. skills/strict judges it too, as wrong:
precision over every skill we report, the same recall. Recall is the share of the knowledge spans
that name a technology which a mention of ours overlaps. A span names a technology when
its whole text, case, spaces and hyphens aside, is a GitHub linguist language name or alias, an O*NET
technology example, or a Stack Overflow tag or tag synonym not made only of ordinary words, which are
words written in lower case in O*NET's and ESCO's occupation descriptions ("cloud", "testing" and "web
services" are ordinary, "kubernetes" is not). The rule reads only DIR/data/skills, never our taxonomy.
skills/mentions: the share of each of our mentions (titles aside) that lies inside a marked span;
strict, since the annotators leave many repeated or listed names unmarked. skills/knowledge: the share of
all knowledge spans we overlap, technologies or not (spoken languages, business domains, degrees):
coverage, not a target. Disagreements are grouped by text, most frequent first, false mentions and
misses in turn.

Market coverage (market, every set). Of the ads for which extraction found pay, market is the share
given an employment type (permanent, contract, temporary or internship), from whatever decided it (the
board's field, the title, the text, IR35, the pay period), and market/figures the share whose pay
reaches a salary figure: permanent with an annual, monthly or weekly salary, or contract with a day or
hour rate. Every ad of the set counts, labelled or not; the label is not read.

Employment type withheld (employment_type/withheld). The same ads are extracted again with their
employment_type field removed, as a scraped page or a feed without that field gives them, and judged
against the same label as employment_type.

Skills not from links (skills/not_from_links, hn_whoishiring_2013_2018). The share of posts none of
whose skill mentions lies in a web link, an e-mail address (also "name at acme dot com"), a web address
without a scheme ("acme.io/jobs"), or a town's name of two to four capitalised words in the taxonomy
("San Francisco", "Palo Alto"), each found by eval's own patterns, not extraction's.

Skills judged by reading (judged). 180 real ads of the shared sets (63 Hacker News posts, 32 NHS
JobPosting records, 39 Glassdoor and 46 Adzuna ads, drawn at random) were read one by one: named lists
every skill the ad names, wrong the skills extraction once reported that it does not name. skills:
precision over the skills we report that were judged (named or wrong), recall over the named skills;
skills/strict counts a skill never judged as wrong; skills/in_taxonomy is recall over the named skills
the taxonomy has. The third held-out set was read by a second reader too, blind: skills/readers scores
that reader against the first (how far two people agree), skills/reader2 extraction against it. The
judgments are part of the package, the ads are read from the shared directory.
`

// Extractor is what eval measures: the product's extractor, or anything that turns a raw ad into an
// extraction. It must be safe for concurrent use, since ads are extracted in parallel.
type Extractor interface {
	Extract(ad *jobscope.RawAd) jobscope.Extraction
}

// Options selects what Run measures.
type Options struct {
	// Sets keeps only these data sets; a name also selects its parts ("nhs_jobs_2020" selects
	// "nhs_jobs_2020/jobposting"). Empty means all.
	Sets []string
	// Fields keeps only these fields, with the same rule ("skills" selects "skills/python"). Empty means all.
	Fields []string
	// Worst is how many disagreements each result keeps, worst first.
	Worst int
	// Taxonomy is the gazetteer labels are mapped through; nil means taxonomy.Default().
	Taxonomy *taxonomy.Taxonomy
}

// Result is how extraction fares on one field of one data set.
type Result struct {
	Set   string `json:"set"`
	Field string `json:"field"`
	// Cases are the ads whose label is usable for this field; Agree those our extraction agrees with.
	Cases int `json:"cases"`
	Agree int `json:"agree"`
	// Unmapped counts ads whose label was present but could not be read as a value (a county the
	// gazetteer does not know, an ambiguous town): they are not cases.
	Unmapped int `json:"unmapped,omitempty"`
	// SetAside counts the set's records the reader could not read as ads, and Unlabelled its ads without
	// a label line; both are the same for every field of a set.
	SetAside   int `json:"set_aside,omitempty"`
	Unlabelled int `json:"unlabelled,omitempty"`
	// Weak marks a label known to be rough (a keyword test, a guess), so that disagreement is not
	// necessarily our error.
	Weak bool `json:"weak,omitempty"`
	// Note says what to keep in mind when reading the figure.
	Note string `json:"note,omitempty"`
	// Confusion counts the four outcomes of a yes/no field (remote, a skill); nil for other fields.
	Confusion *Confusion `json:"confusion,omitempty"`
	// Spans holds the counts of a set labelled by marked spans of text (SkillSpan), whose cases are
	// sentences: there is no agreement, only precision and recall. Nil for other sets.
	Spans *SpanCounts `json:"spans,omitempty"`
	// Missing marks a set whose file is not in the shared directory: it has no cases.
	Missing bool `json:"missing,omitempty"`
	// Worst are the worst disagreements, worst first: for figures the largest error, else a wrong value
	// before a missing one.
	Worst []Case `json:"worst"`
}

// Agreement is the share of cases we agree with, 0 to 1 (0 when there are no cases, and for span
// results, which have none).
func (r Result) Agreement() float64 {
	if r.Cases == 0 || r.Spans != nil {
		return 0
	}
	return float64(r.Agree) / float64(r.Cases)
}

// Precision is the share of our yes answers (or mentions) that are right; ok is false for a field
// without them.
func (r Result) Precision() (p float64, ok bool) {
	switch {
	case r.Confusion != nil:
		return r.Confusion.Precision()
	case r.Spans != nil:
		return r.Spans.Precision()
	}
	return 0, false
}

// Recall is the share of the label's yes answers (or spans) we found; ok is false for a field without
// them.
func (r Result) Recall() (rc float64, ok bool) {
	switch {
	case r.Confusion != nil:
		return r.Confusion.Recall()
	case r.Spans != nil:
		return r.Spans.Recall()
	}
	return 0, false
}

// MarshalJSON adds the agreement (and precision and recall for yes/no fields) to the counts.
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result
	out := struct {
		plain
		Agreement float64  `json:"agreement"`
		Precision *float64 `json:"precision,omitempty"`
		Recall    *float64 `json:"recall,omitempty"`
	}{plain: plain(r), Agreement: r.Agreement()}
	if p, ok := r.Precision(); ok {
		out.Precision = &p
	}
	if rc, ok := r.Recall(); ok {
		out.Recall = &rc
	}
	if out.Worst == nil {
		out.Worst = []Case{}
	}
	return json.Marshal(out)
}

// Confusion counts a yes/no field's outcomes: true and false positives and negatives, the label being
// the truth.
type Confusion struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	TN int `json:"tn"`
}

// Precision is TP/(TP+FP); ok is false when we said yes to nothing.
func (c *Confusion) Precision() (p float64, ok bool) {
	if c.TP+c.FP == 0 {
		return 0, false
	}
	return float64(c.TP) / float64(c.TP+c.FP), true
}

// Recall is TP/(TP+FN); ok is false when the label says yes to nothing.
func (c *Confusion) Recall() (r float64, ok bool) {
	if c.TP+c.FN == 0 {
		return 0, false
	}
	return float64(c.TP) / float64(c.TP+c.FN), true
}

func (c *Confusion) add(got, want bool) {
	switch {
	case got && want:
		c.TP++
	case got:
		c.FP++
	case want:
		c.FN++
	default:
		c.TN++
	}
}

// Case is one disagreement: the ad, the input text the field is read from, what we extracted and what the
// label says.
type Case struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	Got  string `json:"got"`
	Want string `json:"want"`
	// score orders cases: the larger the worse.
	score float64
}

// textLen bounds a case's text: enough to judge, short enough to print.
const textLen = 300

// Sets lists the data sets eval knows, in the order results come.
func Sets() []string {
	var out []string
	for _, s := range dataSets() {
		out = append(out, s.name)
	}
	for _, s := range spanSets() {
		out = append(out, s.name)
	}
	for _, s := range judgedSets {
		out = append(out, s.name)
	}
	return out
}

// Fields lists the fields eval measures, over all data sets.
func Fields() []string {
	var out []string
	for _, s := range dataSets() {
		for _, f := range s.fields {
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	for _, f := range append(slices.Clone(spanFields), judgedFields...) {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// selects reports whether name is selected by filters: it is one of them, or one of its parts
// ("skills/python" for "skills"). No filter selects everything.
func selects(filters []string, name string) bool {
	if len(filters) == 0 {
		return true
	}
	for _, f := range filters {
		if name == f || strings.HasPrefix(name, f+"/") {
			return true
		}
	}
	return false
}

// districtsFile is the shared data's postcode district table, under the shared directory.
const districtsFile = "data/geo/postcode_districts/Postcode districts.csv"

// ErrUnknown is returned, wrapped, for a set or field name eval does not know.
var ErrUnknown = errors.New("unknown")

// Run measures ex against the labelled ads under shared (the directory holding data/ads) and returns one
// result per data set and field selected by opts, in a fixed order. Every selected pair is returned, with
// zero cases if need be, so that a field that stops being measured shows rather than vanishes.
func Run(ctx context.Context, shared string, ex Extractor, opts Options) ([]Result, error) {
	for _, s := range opts.Sets {
		if !slices.ContainsFunc(Sets(), func(n string) bool { return selects([]string{s}, n) }) {
			return nil, fmt.Errorf("%w set %q (known: %s)", ErrUnknown, s, strings.Join(Sets(), ", "))
		}
	}
	for _, f := range opts.Fields {
		if !slices.ContainsFunc(Fields(), func(n string) bool { return selects([]string{f}, n) }) {
			return nil, fmt.Errorf("%w field %q (known: %s)", ErrUnknown, f, strings.Join(Fields(), ", "))
		}
	}
	tax := opts.Taxonomy
	if tax == nil {
		var err error
		if tax, err = taxonomy.Default(); err != nil {
			return nil, fmt.Errorf("load taxonomy: %w", err)
		}
	}
	g := newGazetteer(tax)
	skills := skillNames(tax)
	places := placeNames(tax)
	districtNote := "postcode regions from the taxonomy's gazetteer (no " + districtsFile + ")"
	if f, err := os.Open(filepath.Join(shared, filepath.FromSlash(districtsFile))); err == nil {
		err = g.loadDistricts(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		districtNote = "postcode regions from " + districtsFile
	}

	var out []Result
	for _, s := range dataSets() {
		if !selects(opts.Sets, s.name) {
			continue
		}
		var fields []string
		for _, f := range s.fields {
			if selects(opts.Fields, f) {
				fields = append(fields, f)
			}
		}
		if len(fields) == 0 {
			continue
		}
		if s.postcodes {
			s.notes = maps.Clone(s.notes)
			if s.notes == nil {
				s.notes = map[string]string{}
			}
			s.notes[fieldRegion] = districtNote
		}
		res, err := runSet(ctx, shared, s, ex, g, skills, places, fields, opts.Worst)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		out = append(out, res...)
	}
	var tech *techNames
	for _, s := range spanSets() {
		if !selects(opts.Sets, s.name) {
			continue
		}
		var fields []string
		for _, f := range spanFields {
			if selects(opts.Fields, f) {
				fields = append(fields, f)
			}
		}
		if len(fields) == 0 {
			continue
		}
		if tech == nil {
			var err error
			if tech, err = readTechNames(shared); err != nil {
				return nil, fmt.Errorf("technology names: %w", err)
			}
		}
		res, err := runSpanSet(ctx, shared, s, ex, tech, fields, opts.Worst)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		out = append(out, res...)
	}
	var fields []string
	for _, f := range judgedFields {
		if selects(opts.Fields, f) {
			fields = append(fields, f)
		}
	}
	for _, js := range judgedSets {
		named := slices.Contains(opts.Sets, js.name)
		if !selects(opts.Sets, js.name) || len(fields) == 0 {
			continue
		}
		if js.name != judgedSet && len(opts.Sets) > 0 && !named {
			// "--set judged" is the tuned set alone: a held-out set is measured only when it is
			// named, or when every set is, so that tuning against the tuned set never sees even
			// the held-out figures move.
			continue
		}
		worst := opts.Worst
		if js.name != judgedSet && !named {
			// Run with every set, a held-out set gives its figures and no ad's judgments.
			worst = 0
		}
		res, err := runJudged(ctx, shared, js.name, js.data, js.second, ex, tax, fields, worst)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", js.name, err)
		}
		out = append(out, res...)
	}
	return out, nil
}

// runSet measures one data set: reads its labels and ads, extracts the ads in parallel and judges each
// against its label.
func runSet(ctx context.Context, shared string, s dataSet, ex Extractor, g *gazetteer, skills map[string]string,
	placeNames map[string]bool, fields []string, worst int) ([]Result, error) {
	dir := filepath.Join(shared, "data", "ads", s.dir)
	labels, err := readLabels(filepath.Join(dir, s.labels))
	if err != nil {
		return nil, err
	}
	ads, rejected, err := readAds(ctx, filepath.Join(dir, s.ads))
	if err != nil {
		return nil, err
	}
	xs, err := extractAll(ctx, ex, ads)
	if err != nil {
		return nil, err
	}

	j := &judge{g: g, skills: skills, accs: map[string]*accumulator{}, placeNames: placeNames}
	if pl, ok := ex.(PlaceLister); ok {
		j.places = pl
	}
	if m, ok := ex.(SkillMentioner); ok {
		j.mentioner = m
	}
	for _, f := range fields {
		j.accs[f] = &accumulator{res: Result{Set: s.name, Field: f}}
	}
	if j.accs[fieldEmploymentWithheld] != nil {
		// The same ads without the board's employment field.
		bare := make([]*jobscope.RawAd, len(ads))
		for i, ad := range ads {
			c := *ad
			c.EmploymentType = ""
			bare[i] = &c
		}
		ws, err := extractAll(ctx, ex, bare)
		if err != nil {
			return nil, err
		}
		j.withheld = make(map[*jobscope.RawAd]*jobscope.Extraction, len(ads))
		for i, ad := range ads {
			j.withheld[ad] = &ws[i]
		}
	}
	unlabelled := 0
	for i, ad := range ads {
		j.market(ad, &xs[i])
		l, ok := labels[s.labelID(ad.ID)]
		if !ok {
			unlabelled++
			continue
		}
		s.judge(j, ad, &xs[i], l)
	}

	out := make([]Result, 0, len(fields))
	for _, f := range fields {
		a := j.accs[f]
		r := a.res
		r.Note, r.Weak = s.notes[f], s.weak[f]
		r.SetAside, r.Unlabelled = rejected, unlabelled
		slices.SortStableFunc(a.worst, func(x, y Case) int {
			if c := cmp.Compare(y.score, x.score); c != 0 {
				return c
			}
			return cmp.Compare(x.ID, y.ID)
		})
		if len(a.worst) > worst {
			a.worst = a.worst[:max(worst, 0)]
		}
		r.Worst = a.worst
		out = append(out, r)
	}
	return out, nil
}

// label is one line of a labels.jsonl file.
type label map[string]any

// str returns a label as text: strings trimmed, numbers written out, "" for null or absent.
func (l label) str(k string) string {
	switch v := l[k].(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return fmt.Sprint(v)
	case bool:
		return fmt.Sprint(v)
	}
	return ""
}

// num returns a numeric label, given as a number or as a numeric string.
func (l label) num(k string) (float64, bool) {
	switch v := l[k].(type) {
	case float64:
		return v, true
	case string:
		var f float64
		if _, err := fmt.Sscan(strings.TrimSpace(v), &f); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			return f, true
		}
	}
	return 0, false
}

// flag returns a yes/no label, given as a boolean, "1"/"0" or "true"/"false".
func (l label) flag(k string) (v, ok bool) {
	switch x := l[k].(type) {
	case bool:
		return x, true
	case float64:
		return x != 0, x == 0 || x == 1
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "1", "true", "yes":
			return true, true
		case "0", "false", "no":
			return false, true
		}
	}
	return false, false
}

// readLabels reads a labels.jsonl file into its lines by id.
func readLabels(path string) (map[string]label, error) {
	out := map[string]label{}
	err := readJSONLines(path, func(l label) error {
		out[l.str("id")] = l
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	return out, nil
}

// readJSONLines decodes each non-blank line of a JSON-lines file into a T and passes it to fn; errors
// name the file and line.
func readJSONLines[T any](path string, fn func(T) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if err := fn(v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readAds reads every ad of a file with the product's reader, counting the records it sets aside.
func readAds(ctx context.Context, path string) (ads []*jobscope.RawAd, rejected int, err error) {
	rd, err := read.Open(path)
	if err != nil {
		return nil, 0, fmt.Errorf("ads: %w", err)
	}
	defer rd.Close()
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		rec, err := rd.Next()
		if err == io.EOF {
			return ads, rejected, nil
		}
		if err != nil {
			return nil, 0, fmt.Errorf("ads %s: %w", path, err)
		}
		if rec.Reject != nil {
			rejected++
			continue
		}
		ads = append(ads, rec.Ad)
	}
}

// extractAll extracts every ad, on as many goroutines as there are processors.
func extractAll(ctx context.Context, ex Extractor, ads []*jobscope.RawAd) ([]jobscope.Extraction, error) {
	xs := make([]jobscope.Extraction, len(ads))
	workers := min(runtime.GOMAXPROCS(0), max(len(ads), 1))
	const chunk = 64
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
	)
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				mu.Lock()
				lo := next
				next += chunk
				mu.Unlock()
				if lo >= len(ads) {
					return
				}
				for i := lo; i < min(lo+chunk, len(ads)); i++ {
					xs[i] = ex.Extract(ads[i])
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return xs, nil
}

// skillNames maps each lower-case name and alias of the taxonomy's skills to the skill's name, so that a
// label's keyword ("spark") finds the skill we report ("Apache Spark").
func skillNames(t *taxonomy.Taxonomy) map[string]string {
	out := map[string]string{}
	for _, s := range t.Skills {
		if _, ok := out[strings.ToLower(s.Name)]; !ok {
			out[strings.ToLower(s.Name)] = s.Name
		}
		for _, a := range s.Aliases {
			k := strings.ToLower(a.Text)
			if _, ok := out[k]; !ok {
				out[k] = s.Name
			}
		}
	}
	return out
}
