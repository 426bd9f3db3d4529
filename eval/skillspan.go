package eval

import (
	"bufio"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"jobscope/extract"
)

// SkillFinder is an Extractor that also says where in a text each skill is mentioned. Sets whose labels
// are marked spans of text (SkillSpan) are scored through it; an extractor without it gets no cases there.
type SkillFinder interface {
	SkillMentions(text string) []extract.SkillMention
}

// SpanCounts are the counts behind a span-labelled result: our mentions and how many of them fall
// inside a marked span (precision), and the marked spans to find and how many of them we found (recall).
type SpanCounts struct {
	Mentions int `json:"mentions"`
	InSpan   int `json:"in_span"`
	Spans    int `json:"spans"`
	Found    int `json:"found"`
}

// Precision is InSpan/Mentions; ok is false when there are no mentions to judge.
func (c *SpanCounts) Precision() (float64, bool) {
	if c.Mentions == 0 {
		return 0, false
	}
	return float64(c.InSpan) / float64(c.Mentions), true
}

// Recall is Found/Spans; ok is false when there are no spans to find.
func (c *SpanCounts) Recall() (float64, bool) {
	if c.Spans == 0 {
		return 0, false
	}
	return float64(c.Found) / float64(c.Spans), true
}

// spanSet is a span-labelled set: a SkillSpan split.
type spanSet struct {
	name string
	file string // under the shared directory
}

// The SkillSpan splits, under the shared directory; a split whose file is absent is reported as missing.
const skillspanDir = "data/skills_benchmarks/skillspan"

func spanSets() []spanSet {
	var out []spanSet
	for _, split := range []string{"train", "dev", "test"} {
		out = append(out, spanSet{name: "skillspan/" + split, file: skillspanDir + "/" + split + ".json"})
	}
	return out
}

// Fields of a span-labelled set: skills (precision of the skills we report per posting, judged in the
// sentences the annotators marked; recall of the spans that are technology names), skills/strict (the
// same precision judged in every sentence), skills/mentions (precision of each mention) and
// skills/knowledge (recall of every knowledge span, technology or not).
const (
	fieldSpanStrict = fieldSkills + "/strict"
	fieldMentions   = fieldSkills + "/mentions"
	fieldKnowledge  = fieldSkills + "/knowledge"
)

var spanFields = []string{fieldSkills, fieldSpanStrict, fieldMentions, fieldKnowledge}

// spanSentence is one line of a SkillSpan file.
type spanSentence struct {
	Idx       int      `json:"idx"`
	Tokens    []string `json:"tokens"`
	Skill     []string `json:"tags_skill"`
	Knowledge []string `json:"tags_knowledge"`
	Source    string   `json:"source"`
}

// readSpanFile reads a SkillSpan JSON-lines file and groups its tech sentences by posting: consecutive
// sentences of one idx are one posting.
func readSpanFile(path string) ([][]spanSentence, error) {
	var posts [][]spanSentence
	last := -1
	err := readJSONLines(path, func(s spanSentence) error {
		if len(s.Skill) != len(s.Tokens) || len(s.Knowledge) != len(s.Tokens) {
			return fmt.Errorf("%d tokens but %d skill and %d knowledge tags", len(s.Tokens), len(s.Skill), len(s.Knowledge))
		}
		if s.Source != "tech" {
			last = -1
			return nil
		}
		if s.Idx != last || len(posts) == 0 {
			posts = append(posts, nil)
			last = s.Idx
		}
		posts[len(posts)-1] = append(posts[len(posts)-1], s)
		return nil
	})
	return posts, err
}

// bioSpans returns the [from, to) token ranges of a BIO tag sequence; an I without a B begins a span.
func bioSpans(tags []string) [][2]int {
	var out [][2]int
	open := false
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "B"), strings.HasPrefix(t, "I") && !open:
			out = append(out, [2]int{i, i + 1})
			open = true
		case strings.HasPrefix(t, "I"):
			out[len(out)-1][1] = i + 1
		default:
			open = false
		}
	}
	return out
}

// techNames is the independent rule for which knowledge spans name a technology, read from the shared
// data and never from our taxonomy: a span's whole text (compared by normKey) is a GitHub linguist
// language name or alias, or an O*NET technology example, or a Stack Overflow tag or tag synonym that is
// not made of ordinary words only. A word is ordinary when it is written in lower case in the plain
// English of O*NET's occupation descriptions or ESCO's occupation descriptions and labels: "cloud",
// "testing" and "web services" are Stack Overflow tags but ordinary words, "kubernetes" and
// "amazon-web-services" are not.
type techNames struct {
	names    map[string]bool // linguist and O*NET: technologies whatever their words
	tags     map[string]bool // Stack Overflow: technologies unless all their words are ordinary
	ordinary map[string]bool
	sources  []string // the files read, for the note
}

// normKey lowercases a name and makes spaces, hyphens and underscores one space, so that the tag
// "amazon-web-services" and the span "Amazon Web Services" compare equal.
func normKey(s string) string {
	s = strings.ToLower(strings.NewReplacer("-", " ", "_", " ").Replace(s))
	return strings.Join(strings.Fields(s), " ")
}

// readTechNames reads the three lists under shared/data/skills; lists that are absent are skipped.
func readTechNames(shared string) (*techNames, error) {
	t := &techNames{names: map[string]bool{}, tags: map[string]bool{}, ordinary: map[string]bool{}}
	dir := filepath.Join(shared, "data", "skills")
	add := func(s string) {
		if k := normKey(s); k != "" {
			t.names[k] = true
		}
	}
	addTag := func(s string) {
		if k := normKey(s); k != "" {
			t.tags[k] = true
		}
	}
	// GitHub linguist: languages.json maps each name to its properties, aliases among them.
	if b, err := os.ReadFile(filepath.Join(dir, "linguist_languages", "languages.json")); err == nil {
		var langs map[string]struct {
			Aliases []string `json:"aliases"`
		}
		if err := json.Unmarshal(b, &langs); err != nil {
			return nil, fmt.Errorf("linguist languages: %w", err)
		}
		for name, l := range langs {
			add(name)
			for _, a := range l.Aliases {
				add(a)
			}
		}
		t.sources = append(t.sources, "linguist languages")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// O*NET Technology Skills: the Example column.
	if err := readColumns(filepath.Join(dir, "onet_29_2", "Technology Skills.txt"), '\t', func(r []string) {
		if len(r) > 1 {
			add(r[1])
		}
	}); err == nil {
		t.sources = append(t.sources, "O*NET technology examples")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("o*net technology skills: %w", err)
	}
	// Stack Overflow tags and both sides of their synonyms.
	tagsRead := false
	for _, f := range []struct {
		name string
		cols []int
	}{{"Tags.csv", []int{1}}, {"TagSynonyms.csv", []int{1, 2}}} {
		err := readColumns(filepath.Join(dir, "stackoverflow_tags", f.name), ',', func(r []string) {
			for _, c := range f.cols {
				if c < len(r) {
					addTag(r[c])
				}
			}
		})
		if err == nil {
			tagsRead = true
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("stack overflow %s: %w", f.name, err)
		}
	}
	if tagsRead {
		t.sources = append(t.sources, "Stack Overflow tags")
	}
	// Ordinary words: O*NET's occupation descriptions, ESCO's occupation descriptions and labels.
	for _, f := range []struct {
		path  string
		comma rune
		cols  []int
	}{{filepath.Join(dir, "onet_29_2", "Occupation Data.txt"), '\t', []int{2}},
		{filepath.Join(dir, "esco_v1_subset", "occupations_en.csv"), ',', []int{3, 4, 12}}} {
		err := readColumns(f.path, f.comma, func(r []string) {
			for _, c := range f.cols {
				if c < len(r) {
					t.addOrdinary(r[c])
				}
			}
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("ordinary words: %w", err)
		}
	}
	return t, nil
}

// addOrdinary records the words of text written all in lower case, web addresses aside.
func (t *techNames) addOrdinary(text string) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+#.-'/:", r))
	}) {
		if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
			continue
		}
		for _, part := range strings.Split(strings.Trim(w, ".-'/:"), "/") {
			if part != "" && part == strings.ToLower(part) && strings.IndexFunc(part, unicode.IsLetter) >= 0 {
				t.ordinary[strings.Trim(part, ".-'/:")] = true
			}
		}
	}
}

// readColumns calls fn with each record of a delimited file but its header.
func readColumns(path string, comma rune, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.Comma = comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if !first {
			fn(rec)
		}
	}
}

// isTech reports whether a span's text names a technology by the rule of techNames.
func (t *techNames) isTech(text string) bool {
	k := normKey(strings.Trim(text, " .,;:()[]\"'“”"))
	if t.names[k] {
		return true
	}
	if !t.tags[k] {
		return false
	}
	for _, w := range strings.Fields(k) {
		if !t.ordinary[w] {
			return true
		}
	}
	return false
}

// spanTally gathers one field's counts and its disagreements grouped by text, so that a systematic
// error shows once with its count rather than many times.
type spanTally struct {
	counts SpanCounts
	wrong  map[string]*spanError
}

// spanError is one kind of disagreement: a skill we report outside every marked span, or a marked
// span we miss; n counts its occurrences and the first is kept as the example.
type spanError struct {
	miss    bool
	n       int
	example Case
}

func (t *spanTally) add(key string, miss bool, c Case) {
	if t.wrong == nil {
		t.wrong = map[string]*spanError{}
	}
	k := fmt.Sprintf("%v|%s", miss, key)
	if e := t.wrong[k]; e != nil {
		e.n++
		return
	}
	t.wrong[k] = &spanError{miss: miss, n: 1, example: c}
}

// worst returns up to n disagreements, the most frequent first, false mentions and misses in turn.
func (t *spanTally) worst(n int) []Case {
	var fps, misses []*spanError
	for _, e := range t.wrong {
		if e.miss {
			misses = append(misses, e)
		} else {
			fps = append(fps, e)
		}
	}
	order := func(a, b *spanError) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.example.Want+a.example.Got, b.example.Want+b.example.Got)
	}
	slices.SortFunc(fps, order)
	slices.SortFunc(misses, order)
	var out []Case
	for i := 0; len(out) < n && (i < len(fps) || i < len(misses)); i++ {
		for _, l := range [][]*spanError{fps, misses} {
			if i < len(l) && len(out) < n {
				c := l[i].example
				c.score = float64(l[i].n)
				if l[i].miss {
					c.Want += fmt.Sprintf(" — missed %s", times(l[i].n))
				} else {
					c.Got += fmt.Sprintf(" — %s", times(l[i].n))
				}
				out = append(out, c)
			}
		}
	}
	return out
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	return fmt.Sprintf("%d times", n)
}

// runSpanSet scores ex on one SkillSpan split. Each posting's sentences are joined into one text, one
// sentence a line and its tokens separated by spaces, so that the extractor sees an ad as a whole; each
// mention it reports is then placed on the tokens it covers.
func runSpanSet(ctx context.Context, shared string, s spanSet, ex Extractor, tech *techNames, fields []string,
	worst int) ([]Result, error) {
	results := func(note string, missing bool) []Result {
		var out []Result
		for _, f := range fields {
			out = append(out, Result{Set: s.name, Field: f, Note: note, Missing: missing, Worst: []Case{}})
		}
		return out
	}
	posts, err := readSpanFile(filepath.Join(shared, filepath.FromSlash(s.file)))
	if errors.Is(err, fs.ErrNotExist) {
		return results("no "+s.file+" in the shared directory", true), nil
	}
	if err != nil {
		return nil, err
	}
	finder, ok := ex.(SkillFinder)
	if !ok {
		return results("the extractor does not say where it finds skills", false), nil
	}
	tallies := map[string]*spanTally{}
	for _, f := range spanFields {
		tallies[f] = &spanTally{}
	}
	sentences := 0
	for _, post := range posts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sentences += len(post)
		scoreSpanPost(finder, post, tech, tallies)
	}
	sources := "none"
	if len(tech.sources) > 0 {
		sources = strings.Join(tech.sources, ", ")
	}
	sk, ss := tallies[fieldSkills].counts, tallies[fieldSpanStrict].counts
	mn, kn := tallies[fieldMentions].counts, tallies[fieldKnowledge].counts
	notes := map[string]string{
		fieldSkills: fmt.Sprintf("%d postings, %d sentences; precision over the %d skills we report per posting "+
			"with a mention in a sentence the annotators marked (%d more are named only in unmarked sentences: "+
			"see skills/strict), recall over the %d knowledge spans that name a technology (by %s)", len(posts),
			sentences, sk.Mentions, ss.Mentions-sk.Mentions, sk.Spans, sources),
		fieldSpanStrict: fmt.Sprintf("precision over all %d skills we report per posting, unmarked sentences too "+
			"(company stacks, benefits, company descriptions, which the annotators did not mark)", ss.Mentions),
		fieldMentions: fmt.Sprintf("precision over each of our %d mentions: strict, since the annotators often "+
			"leave a repeated or listed name unmarked", mn.Mentions),
		fieldKnowledge: fmt.Sprintf("recall over all %d knowledge spans, technologies or not (domains, languages, "+
			"methods): coverage, not a target", kn.Spans),
	}
	var out []Result
	for _, f := range fields {
		t := tallies[f]
		c := t.counts
		out = append(out, Result{Set: s.name, Field: f, Cases: sentences, Note: notes[f], Spans: &c,
			Worst: t.worst(worst)})
	}
	return out, nil
}

// scoreSpanPost scores one posting: each mention of ours against the marked spans (knowledge or skill),
// each skill we report for the posting by whether any of its mentions is inside one, and every
// knowledge span against our mentions.
func scoreSpanPost(finder SkillFinder, post []spanSentence, tech *techNames, tallies map[string]*spanTally) {
	// toks are the byte spans of every token in the joined text, sentence by sentence; lineStart the
	// offset of each sentence.
	type tok struct{ sent, idx, start, end int }
	var b strings.Builder
	var toks []tok
	lineStart := make([]int, len(post))
	for si, s := range post {
		if si > 0 {
			b.WriteByte('\n')
		}
		lineStart[si] = b.Len()
		for ti, w := range s.Tokens {
			if ti > 0 {
				b.WriteByte(' ')
			}
			toks = append(toks, tok{si, ti, b.Len(), b.Len() + len(w)})
			b.WriteString(w)
		}
	}
	text := b.String()
	// The posting's title, its first line up to the first placeholder ("<ORGANIZATION>"), was never
	// marked by the annotators: mentions there are not judged.
	title := 0
	if len(post) > 0 {
		for title < len(post[0].Tokens) && !strings.HasPrefix(post[0].Tokens[title], "<") {
			title++
		}
	}
	// covered[sentence][token] is set when a mention of ours covers that token; marks[sentence] when the
	// annotators marked a span of either kind in the sentence.
	covered := make([][]bool, len(post))
	marks := make([]bool, len(post))
	for si, s := range post {
		covered[si] = make([]bool, len(s.Tokens))
		for i := range s.Tokens {
			marks[si] = marks[si] || s.Knowledge[i] != "O" || s.Skill[i] != "O"
		}
	}
	// skills are the skills reported for the posting, in order, with whether one of their mentions is
	// inside a span and an example of one that is not.
	type reported struct {
		name   string
		inside bool // a mention lies inside a marked span
		judged bool // a mention lies in a sentence with a marked span
		miss   Case
		n      int
	}
	var skills []*reported
	k := 0
	for _, m := range finder.SkillMentions(text) {
		for k < len(toks) && toks[k].end <= m.Start {
			k++
		}
		inside, sent, inTitle := true, -1, true
		for j := k; j < len(toks) && toks[j].start < m.End; j++ {
			t := toks[j]
			sent = t.sent
			covered[t.sent][t.idx] = true
			if s := post[t.sent]; s.Knowledge[t.idx] == "O" && s.Skill[t.idx] == "O" {
				inside = false
			}
			inTitle = inTitle && t.sent == 0 && t.idx < title
		}
		if sent < 0 || inTitle {
			continue
		}
		var r *reported
		for _, x := range skills {
			if x.name == m.Name {
				r = x
			}
		}
		if r == nil {
			r = &reported{name: m.Name}
			skills = append(skills, r)
		}
		r.n++
		r.judged = r.judged || marks[sent]
		mt := tallies[fieldMentions]
		mt.counts.Mentions++
		if inside {
			mt.counts.InSpan++
			r.inside = true
			continue
		}
		ours := text[m.Start:m.End]
		c := Case{ID: fmt.Sprintf("posting %d", post[sent].Idx),
			Text: marked(strings.Join(post[sent].Tokens, " "), m.Start-lineStart[sent], m.End-lineStart[sent]),
			Got:  fmt.Sprintf("%s (%q)", m.Name, ours), Want: "no marked span"}
		mt.add(m.Name+"|"+strings.ToLower(ours), false, c)
		if r.miss.ID == "" {
			r.miss = c
		}
	}
	for _, f := range []string{fieldSkills, fieldSpanStrict} {
		st := tallies[f]
		for _, r := range skills {
			if f == fieldSkills && !r.inside && !r.judged {
				continue // named only where the annotators marked nothing
			}
			st.counts.Mentions++
			if r.inside {
				st.counts.InSpan++
				continue
			}
			c := r.miss
			c.Want = fmt.Sprintf("no marked span at any of its %d mentions in the posting", r.n)
			st.add(r.name, false, c)
		}
	}
	for si, s := range post {
		line := strings.Join(s.Tokens, " ")
		for _, sp := range bioSpans(s.Knowledge) {
			found := false
			for i := sp[0]; i < sp[1]; i++ {
				found = found || covered[si][i]
			}
			words := strings.Join(s.Tokens[sp[0]:sp[1]], " ")
			fields := []string{fieldKnowledge}
			if tech.isTech(words) {
				fields = append(fields, fieldSkills, fieldSpanStrict)
			}
			for _, f := range fields {
				t := tallies[f]
				t.counts.Spans++
				if found {
					t.counts.Found++
					continue
				}
				from := len(strings.Join(s.Tokens[:sp[0]], " ")) + min(sp[0], 1)
				t.add(strings.ToLower(words), true, Case{ID: fmt.Sprintf("posting %d", s.Idx),
					Text: marked(line, from, len(strings.Join(s.Tokens[:sp[1]], " "))),
					Got:  "nothing", Want: fmt.Sprintf("knowledge %q", words)})
			}
		}
	}
}

// marked returns about textLen characters of line around line[from:to], which is put in [[ ]].
func marked(line string, from, to int) string {
	if from < 0 || to > len(line) || from > to {
		return clip(line, textLen)
	}
	return snippetAt(line[:from]+"[["+line[from:to]+"]]"+line[to:], from, 150)
}
