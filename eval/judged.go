package eval

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"jobscope"
	"jobscope/taxonomy"
)

// The skills people judged by reading real ads of the shared sets: ids and judgments only, the ads
// being read from the shared directory (see judged/README.md). skills.jsonl is the set extraction
// has been tuned against; holdout.jsonl, holdout2.jsonl and holdout3.jsonl, judged later on ads drawn
// afresh, are kept for measuring how that tuning carries to ads it never saw.
var (
	//go:embed judged/skills.jsonl
	judgedSkillsFile []byte
	//go:embed judged/holdout.jsonl
	judgedHoldoutFile []byte
	//go:embed judged/holdout2.jsonl
	judgedHoldout2File []byte
	//go:embed judged/holdout3.jsonl
	judgedHoldout3File []byte
	// A second reader's judgments of holdout3's ads, made blind and apart from the first's: how
	// far two readers agree bounds what extraction can be asked to agree with either.
	//go:embed judged/holdout3_reader2.jsonl
	judgedHoldout3Reader2File []byte
)

// judgedSet is the name results of the judged ads carry; judgedHoldout, judgedHoldout2 and
// judgedHoldout3 those of the held-out ones.
const (
	judgedSet      = "judged"
	judgedHoldout  = "judged/holdout"
	judgedHoldout2 = "judged/holdout2"
	judgedHoldout3 = "judged/holdout3"
)

// judgedSets are the sets of judged ads, by name.
var judgedSets = []struct {
	name   string
	data   []byte
	second []byte // a second reader's judgments of the same ads, when there are
}{{judgedSet, judgedSkillsFile, nil}, {judgedHoldout, judgedHoldoutFile, nil}, {judgedHoldout2, judgedHoldout2File, nil},
	{judgedHoldout3, judgedHoldout3File, judgedHoldout3Reader2File}}

const (
	// fieldJudgedTaxonomy is recall over the named skills the taxonomy has: what matching misses, apart
	// from what the taxonomy lacks.
	fieldJudgedTaxonomy = fieldSkills + "/in_taxonomy"
	// fieldReaders scores the second reader against the first, as extraction is scored: the
	// agreement of two people reading the same ads. fieldReader2 scores extraction against the
	// second reader: recall over the skills it names, precision over every skill reported.
	fieldReaders = fieldSkills + "/readers"
	fieldReader2 = fieldSkills + "/reader2"
)

var judgedFields = []string{fieldSkills, fieldSpanStrict, fieldJudgedTaxonomy, fieldReaders, fieldReader2}

// secondReaderFields are the judged fields only a set with a second reader's judgments has.
var secondReaderFields = []string{fieldReaders, fieldReader2}

// judgedAd is one line of the judgments: the ad, the skills it names, and the skills once reported that
// it does not name.
type judgedAd struct {
	Set   string   `json:"set"`
	ID    string   `json:"id"`
	Named []string `json:"named"`
	Wrong []string `json:"wrong"`
}

// readJudged parses embedded judgments.
func readJudged(data []byte) ([]judgedAd, error) {
	var out []judgedAd
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var j judgedAd
		if err := dec.Decode(&j); err != nil {
			return nil, fmt.Errorf("judged skills: %w", err)
		}
		out = append(out, j)
	}
	return out, nil
}

// runJudged scores ex's skills on the judged ads: skills precision over the skills it reports that were
// judged (named or wrong), skills/strict over every skill it reports (one never judged counts as
// wrong), recall over the named skills; skills/in_taxonomy is recall over the named skills the taxonomy
// knows. With second, a second reader's judgments of the same ads, skills/readers scores that reader's
// named skills against the first's, and skills/reader2 ex's against the second reader's. Cases are ads;
// an ad the shared directory lacks is counted as unmapped.
func runJudged(ctx context.Context, shared, set string, data, second []byte, ex Extractor, tax *taxonomy.Taxonomy, fields []string, worst int) ([]Result, error) {
	judged, err := readJudged(data)
	if err != nil {
		return nil, err
	}
	known := skillNames(tax)
	for i := range judged {
		judged[i].Named = canonical(judged[i].Named, known)
		judged[i].Wrong = canonical(judged[i].Wrong, known)
	}
	var named2 map[string][]string // the second reader's named skills, by set and id
	if second != nil {
		js2, err := readJudged(second)
		if err != nil {
			return nil, fmt.Errorf("second reader: %w", err)
		}
		named2 = make(map[string][]string, len(js2))
		for _, j := range js2 {
			named2[j.Set+"/"+j.ID] = canonical(j.Named, known)
		}
	} else {
		fields = slices.DeleteFunc(slices.Clone(fields), func(f string) bool { return slices.Contains(secondReaderFields, f) })
	}
	bySet := map[string][]judgedAd{}
	var order []string
	for _, j := range judged {
		if bySet[j.Set] == nil {
			order = append(order, j.Set)
		}
		bySet[j.Set] = append(bySet[j.Set], j)
	}
	res := map[string]*Result{}
	for _, f := range fields {
		res[f] = &Result{Set: set, Field: f, Spans: &SpanCounts{}}
	}
	var cases []Case
	for _, name := range order {
		i := slices.IndexFunc(dataSets(), func(s dataSet) bool { return s.name == name })
		if i < 0 {
			return nil, fmt.Errorf("judged skills: unknown set %q", name)
		}
		s := dataSets()[i]
		path := filepath.Join(shared, "data", "ads", s.dir, s.ads)
		if _, err := os.Stat(path); err != nil {
			for _, r := range res {
				r.Unmapped += len(bySet[name])
			}
			continue
		}
		ads, _, err := readAds(ctx, path)
		if err != nil {
			return nil, err
		}
		byID := map[string]*jobscope.RawAd{}
		for _, ad := range ads {
			byID[ad.ID] = ad
		}
		for _, j := range bySet[name] {
			ad := byID[j.ID]
			if ad == nil {
				for _, r := range res {
					r.Unmapped++
				}
				continue
			}
			x := ex.Extract(ad)
			var got []string
			for _, sk := range x.Skills {
				got = append(got, sk.Name)
			}
			var wrong, unjudged, missed []string
			right := 0
			for _, g := range got {
				switch {
				case containsFold(j.Named, g):
					right++
				case containsFold(j.Wrong, g):
					wrong = append(wrong, g)
				default:
					unjudged = append(unjudged, g)
				}
			}
			inTax, foundInTax := 0, 0
			for _, n := range j.Named {
				found := containsFold(got, n)
				if !found {
					missed = append(missed, n)
				}
				if _, ok := known[strings.ToLower(n)]; ok {
					inTax++
					if found {
						foundInTax++
					}
				}
			}
			n2, read2 := named2[j.Set+"/"+j.ID]
			for f, r := range res {
				if slices.Contains(secondReaderFields, f) && !read2 {
					continue // the second reader did not read this ad
				}
				r.Cases++
				c := r.Spans
				switch f {
				case fieldSkills:
					c.Mentions += right + len(wrong)
					c.InSpan += right
					c.Spans += len(j.Named)
					c.Found += len(j.Named) - len(missed)
				case fieldSpanStrict:
					c.Mentions += len(got)
					c.InSpan += right
					c.Spans += len(j.Named)
					c.Found += len(j.Named) - len(missed)
				case fieldJudgedTaxonomy:
					c.Mentions += right + len(wrong)
					c.InSpan += right
					c.Spans += inTax
					c.Found += foundInTax
				case fieldReaders:
					both := countFold(n2, j.Named)
					c.Mentions += len(n2)
					c.InSpan += both
					c.Spans += len(j.Named)
					c.Found += both
				case fieldReader2:
					both := countFold(got, n2)
					c.Mentions += len(got)
					c.InSpan += both
					c.Spans += len(n2)
					c.Found += both
				}
			}
			if len(wrong)+len(unjudged)+len(missed) > 0 {
				cases = append(cases, Case{ID: name + "/" + j.ID, Text: clip(ad.Title, textLen),
					Got:   "wrong: " + orNone(strings.Join(wrong, ", ")) + "; not judged yet: " + orNone(strings.Join(unjudged, ", ")),
					Want:  "missed: " + orNone(strings.Join(missed, ", ")),
					score: float64(len(wrong) + len(unjudged) + len(missed))})
			}
		}
	}
	slices.SortStableFunc(cases, func(a, b Case) int { return int(b.score - a.score) })
	if len(cases) > worst {
		cases = cases[:max(worst, 0)]
	}
	out := make([]Result, 0, len(fields))
	for _, f := range fields {
		r := *res[f]
		r.Worst = cases
		switch f {
		case fieldSkills:
			r.Note = "ads read one by one and every skill judged; precision over the skills judged so far"
		case fieldSpanStrict:
			r.Note = "precision over every skill reported: one not judged yet counts as wrong"
		case fieldJudgedTaxonomy:
			r.Note = "recall over the named skills the taxonomy has"
		case fieldReaders:
			r.Note = "a second reader, blind, against the first: the agreement of two people"
		case fieldReader2:
			r.Note = "against the second reader: recall over its named skills, precision over every skill reported"
		}
		out = append(out, r)
	}
	return out, nil
}

// containsFold reports whether names holds name in any case: a skill the taxonomy lacks is named as
// the ad writes it ("spaCy", "SpaCy"), and the judged name as the reader wrote it.
func containsFold(names []string, name string) bool {
	return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, name) })
}

// countFold counts the names of a found in b, in any case.
func countFold(a, b []string) int {
	n := 0
	for _, x := range a {
		if containsFold(b, x) {
			n++
		}
	}
	return n
}

// canonical names each judged skill as the taxonomy does when the judge's name is one of its skills'
// names or aliases ("Random Forests" for Random Forest), so a skill judged under an ordinary name the
// taxonomy has since taken up is matched, not counted once as missed and once as not judged. Names the
// taxonomy does not know are kept as written; duplicates a mapping makes are dropped.
func canonical(names []string, known map[string]string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if c, ok := known[strings.ToLower(n)]; ok {
			n = c
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
