package extract

import (
	_ "embed"
	"strings"

	"jobscope"
	"jobscope/taxonomy"
)

// commonWordsText holds the words the shared ads mostly write in small letters (see
// commonwords_gen.go): the ordinary words of ads' English, which a list's unknown item is not.
//
//go:embed commonwords.txt
var commonWordsText string

var commonWords = func() map[string]bool {
	m := make(map[string]bool, 14000)
	for _, w := range strings.Split(commonWordsText, "\n") {
		if w = strings.TrimSpace(w); w != "" {
			m[w] = true
		}
	}
	return m
}()

// notInferred are words that make a list's unknown item no skill, though they look like names: the
// calendar, places and bodies that the gazetteer does not hold, companies' suffixes, roles' titles
// and benefits.
var notInferred = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`january february march april may june july august september october
		november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
		friday saturday sunday mon tue tues wed thu thur thurs fri sat sun uk us usa eu emea apac uae nyc sf
		la dc bay ny ca tx wa ma il nhs nhsbsa cqc ltd llc inc plc corp co gmbh ag bv sa pty llp lp ceo cto cfo
		coo cio cmo vp svp evp hr pto ooo faq tbd asap am pm est pst pdt edt gmt bst utc cet ft pt fte wte
		doe dbs esr ii iii iv vi phd msc bsc ba ma mba md mbbs rn ok etc eg ie vs yc ycombinator
		remote onsite hybrid university college hospital trust council foundation institute school academy
		centre center clinic ward unit group team labs lab e.g i.e dept department
		street road avenue city county state states kingdom america europe asia africa australia india china
		japan germany france canada london york san francisco boston seattle berlin paris dublin amsterdam
		benefits benefit bonus salary equity pension dental vision medical insurance gym holiday holidays
		401k 401 stock options lunch lunches snacks coffee beer parking visa visas relocation
		dna medicaid medicare darpa iarpa dod nasa nih nsf industry industries sector sectors community communities movement market markets hoc
		senior junior principal principle staff head chief intern interns graduate technologies technology
		tools solutions services products stack defence defense military aerospace government healthcare banking fintech dr mr mrs ms prof sir midlands north south east west northern southern eastern western region england scotland wales ireland`) {
		m[w] = true
	}
	return m
}()

// companyWords are companies' names that begin the names of their products: an item of one of them
// alone is the company ("Google, Facebook"), of more words the product ("Google Maps", "Amazon Aurora").
var companyWords = map[string]bool{"google": true, "facebook": true, "amazon": true, "apple": true,
	"microsoft": true, "netflix": true, "twitter": true, "linkedin": true, "uber": true, "airbnb": true,
	"yahoo": true, "ibm": true, "oracle": true, "intel": true, "pinterest": true, "spotify": true,
	"stripe": true, "dropbox": true, "github": true, "gitlab": true, "salesforce": true, "adobe": true,
	"nvidia": true, "tesla": true}

// A list item's gap to the next item.
const (
	gapWord uint8 = iota // spaces only: the same item
	gapSep               // a comma, slash, bar, semicolon, '&', '+' or "and"/"or": the next item
	gapLine              // a line break or a bullet: the next item if both are short
	gapEnd               // anything else (a full stop, colon, bracket, quote, dash): the list ends
)

// inferredCap is the most words an inferred item has.
const inferredCap = 3

// listItem is an item of a list: words toks[lo:hi], gap to the next item, and whether a skill that
// counts (known) or any skill's alias (touched) stands in it.
type listItem struct {
	lo, hi         int
	gap            uint8
	known, touched bool
	// knownLo and knownHi are where the known skills in it begin and end.
	knownLo, knownHi int
}

// inferredSkills appends to out the unknown items of lists of skills, as written: in a list whose
// items are separated by commas, slashes, '&', "and"/"or" or line breaks (short items on each line),
// where at least two items hold a skill that counts, another item of at most three words that looks
// like a name (capitalised, or with a digit, a dot, '+' or '#', or capitals within it: "Mongrel2",
// "ZeroMQ", "Scribe") and is no ordinary word of ads, place, company, role or benefit is very likely a
// skill too ("Python/Django, ZeroMQ, Mongrel2"). They are of the category taxonomy.CatInferred.
func (e *Extractor) inferredSkills(text string, toks []token, matches []skillMatch, out []SkillMention) []SkillMention {
	ok := 0
	for _, m := range matches {
		if m.ok {
			ok++
		}
	}
	if ok < 2 {
		return out
	}
	out = e.inferredAfterCues(text, toks, matches, out)
	// Only the lists that hold two technical skills within a few words of each other are read.
	walked := 0
	for a := range matches {
		m := matches[a]
		if m.pos < walked || !e.techSkill(m) {
			continue
		}
		b := a + 1
		for b < len(matches) && matches[b].pos <= m.pos+m.n+listReach && !e.techSkill(matches[b]) {
			b++
		}
		if b >= len(matches) || matches[b].pos > m.pos+m.n+listReach {
			continue
		}
		lo := m.pos
		for lo > walked && lo > m.pos-listBack && gapKind(text, toks[lo-1].end, toks[lo].start) != gapEnd {
			lo--
		}
		mi := a
		for mi > 0 && matches[mi-1].pos+matches[mi-1].n > lo {
			mi--
		}
		walked, out = e.walkList(text, toks, matches, lo, mi, out)
	}
	return out
}

// listReach is how many words apart two technical skills of one list stand at most; listBack how far
// back from the first the list's start is looked for.
const (
	listReach = 12
	listBack  = 40
)

// techSkill reports whether m counts and is a technical skill: no general skill, qualification or
// vendor.
func (e *Extractor) techSkill(m skillMatch) bool {
	return m.ok && e.flags[m.skill]&flagNonTech == 0 && e.skillList[m.skill].Category != taxonomy.CatVendors
}

// walkList reads the items of the list that begins at toks[i] (matches[mi:] the skills from there
// on) up to its end, appends the list's inferred skills to out, and returns where it ended.
func (e *Extractor) walkList(text string, toks []token, matches []skillMatch, i, mi int, out []SkillMention) (int, []SkillMention) {
	var itemBuf [64]listItem
	items := itemBuf[:0]
	for i < len(toks) {
		if conjunction(toks[i].lower) {
			i++
			continue
		}
		it := listItem{lo: i, gap: gapEnd}
		j := i
		for {
			for mi < len(matches) && matches[mi].pos+matches[mi].n <= j {
				mi++
			}
			for k := mi; k < len(matches) && matches[k].pos <= j; k++ {
				if matches[k].pos+matches[k].n > j {
					it.touched = true
					if e.techSkill(matches[k]) {
						if !it.known || matches[k].pos < it.knownLo {
							it.knownLo = matches[k].pos
						}
						it.known = true
						it.knownHi = max(it.knownHi, matches[k].pos+matches[k].n)
					}
				}
			}
			if j+1 >= len(toks) {
				break
			}
			g := gapKind(text, toks[j].end, toks[j+1].start)
			if g == gapWord && conjunction(toks[j+1].lower) && text[toks[j].end:toks[j+1].start] != "-" {
				g = gapSep
				if j+2 < len(toks) {
					if g2 := gapKind(text, toks[j+1].end, toks[j+2].start); g2 != gapWord {
						g = gapEnd // "and." "or:"
					}
				}
			}
			if g != gapWord {
				it.gap = g
				break
			}
			j++
		}
		it.hi = j + 1
		items = append(items, it)
		i = j + 1
		if it.gap == gapEnd {
			break
		}
	}
	if len(items) > 0 {
		out = e.inferFromList(text, toks, items, out)
	}
	return i, out
}

// gapKind classifies the gap text[a:b] between two words.
func gapKind(text string, a, b int) uint8 {
	if b == a+1 && text[a] == ' ' {
		return gapWord
	}
	g := gapWord
	for k := a; k < b; k++ {
		switch c := text[k]; {
		case c == ' ' || c == '\t' || c == '\r':
		case c == ',' || c == '/' || c == ';' || c == '&' || c == '+':
			g = max(g, gapSep)
		case c == '\n':
			g = max(g, gapLine)
		case c == 0xc2 && k+1 < b && text[k+1] == 0xa0:
			k++
		case c >= 0x80:
			g = max(g, gapLine) // a bullet or a dash
		case c == '-' && b-a == 1, c == '\'' && b-a == 1:
			// "Scale-Up", "Scribe's": one word
		default:
			return gapEnd
		}
	}
	return g
}

// lineItem reports whether items[k] is a short line of its own: a list of one item per line.
func lineItem(items []listItem, k int) bool {
	return items[k].hi-items[k].lo <= inferredCap && (k == 0 || items[k-1].gap != gapSep) && items[k].gap != gapSep
}

// inferFromList appends to out the unknown items of one list (see inferredSkills). A line break joins
// items only when both are short (a bulleted or tagged list); a longer line ends the list.
func (e *Extractor) inferFromList(text string, toks []token, items []listItem, out []SkillMention) []SkillMention {
	for lo := 0; lo < len(items); {
		hi := lo + 1
		for hi < len(items) && (items[hi-1].gap == gapSep || items[hi-1].gap == gapLine && lineItem(items, hi-1) && lineItem(items, hi)) {
			hi++
			if items[hi-1].hi-items[hi-1].lo > inferredCap+1 {
				break // a clause, not an item: "Spark, and we already have customers like Facebook, Tesla"
			}
		}
		out = e.inferFromRun(text, toks, items[lo:hi], out)
		if hi < len(items) && hi > lo+1 && items[hi-1].gap == gapSep {
			lo = hi - 1 // the clause also begins the next list
		} else {
			lo = hi
		}
	}
	return out
}

func (e *Extractor) inferFromRun(text string, toks []token, items []listItem, out []SkillMention) []SkillMention {
	if len(items) < 3 {
		return out
	}
	known, unknown := 0, false
	for k, it := range items {
		// The first item's skill must end it, the last's begin it: "Our extraction APIs currently
		// power Microsoft, eBay, Facebook" is no list of skills.
		if it.known && (k > 0 || it.knownHi == it.hi) && (k < len(items)-1 || it.knownLo == it.lo) {
			known++
		}
		unknown = unknown || !it.touched
	}
	if !unknown || known < 2 || 2*known < len(items) || companyLead(text, toks, items[0].lo, items[0].hi) {
		return out
	}
	for _, it := range items {
		if w := toks[it.hi-1].lower; roleNouns[w] || inferRoles[w] && w != "manager" && w != "managers" {
			return out // "We have TechOps, Security Architect, C++ Engineers": a list of roles
		}
	}
	loose := known >= 3 && 3*known >= 2*len(items)
	if last := items[len(items)-1]; last.hi < len(toks) && companyTrails[toks[last.hi].lower] {
		return out // "Alteryx, Collibra, Snowflake, AWS & Microsoft Partner"
	}
	for k, it := range items {
		if it.touched {
			continue
		}
		lo, hi := it.lo, it.hi
		switch {
		case k == 0 && hi-lo > 1:
			// The first item's last words: "experience with Scribe", "stack: ..."
			for lo = hi; lo > it.lo && hi-lo < inferredCap && nameLike(text, toks[lo-1]); lo-- {
			}
			if lo > it.lo && nameLike(text, toks[lo-1]) {
				continue // a longer run of capitalised words: a heading or a title
			}
		case k == len(items)-1 && hi-lo > 1:
			// The last item's first words: "Scribe to build".
			for hi = lo; hi < it.hi && hi-lo < inferredCap && nameLike(text, toks[hi]); hi++ {
			}
			if hi < it.hi && (nameLike(text, toks[hi]) || !cueFollowers[toks[hi].lower] || clauseVerbs[toks[hi].lower]) {
				continue // "WebScale applications": part of a longer phrase
			}
		}
		if lo >= hi || hi-lo > inferredCap {
			continue
		}
		if k+1 < len(items) && it.gap == gapSep && !strings.ContainsRune(text[toks[it.hi-1].end:toks[items[k+1].lo].start], ',') &&
			allLower(text[toks[items[k+1].lo].start:toks[items[k+1].lo].end]) && commonWords[toks[items[k+1].lo].lower] {
			continue // "Pharmacokinetic & pharmacodynamic data analysis": a modifier shared with the next
		}
		if name, ok := e.inferredItem(text, toks, lo, hi, loose); ok {
			out = e.addInferred(out, name, toks[lo].start, toks[hi-1].end)
		}
	}
	return out
}

// inferredItem returns the name of the unknown list item toks[lo:hi] as written, and whether it looks
// like a skill's name: every word name-like, one of them no ordinary word, none a place, a company, a
// role, a benefit or a date. In a list of which two thirds and at least three items are technical
// skills (loose), a word of small letters that is no ordinary word ("statsmodels", "linode",
// "virtualenv") and a phrase of capitalised ordinary words ("Eventual Consistency", "Event Store")
// count too.
func (e *Extractor) inferredItem(text string, toks []token, lo, hi int, loose bool) (string, bool) {
	distinct := false
	for k := lo; k < hi; k++ {
		t := toks[k]
		w := text[t.start:t.end]
		if notInferred[t.lower] || roleNouns[t.lower] || inferRoles[t.lower] || looseStops[t.lower] {
			return "", false
		}
		if loose && hi-lo == 1 && len(w) >= 3 && !commonWords[t.lower] && allLower(w) && !hyphenated(text, t) {
			// a tag list's lower-case name: "redis, memcache, gunicorn"
		} else if !nameLike(text, t) || notInferred[t.lower] || roleNouns[t.lower] || len(w) > 24 {
			return "", false
		}
		if c := w[0]; c < 'A' || c > 'Z' && c < 'a' || c > 'z' {
			return "", false // "2015", "401k"
		}
		if _, ok := e.geo[t.lower]; ok {
			return "", false
		}
		if k == lo && leadWords[t.lower] || listQualifiers[t.lower] || strings.HasPrefix(t.lower, "www.") || webSuffix(t.lower) {
			return "", false // "At Atomic", "www.syntasa.com"
		}
		if !commonWords[t.lower] {
			distinct = true
		}
	}
	if hi-lo == 1 && companyWords[toks[lo].lower] {
		return "", false
	}
	if hi-lo == 1 && len(text[toks[lo].start:toks[lo].end]) == 2 && allLetters(toks[lo].lower) {
		return "", false // "CS", "EE", "PC": other acronyms than the taxonomy's
	}
	if loose && hi-lo > 1 && !allUpper(text[toks[lo].start:toks[hi-1].end]) {
		distinct = true // "Stream Processing, Kafka, Flink": a method named among tools
	}
	if s, end := toks[lo].start, toks[hi-1].end; s > 0 && text[s-1] == '_' || end < len(text) && text[end] == '_' {
		return "", false // "sloth_gifs": part of an identifier
	}
	if !distinct || inAddress(text, toks[lo].start, toks[hi-1].end) || e.startsPlace(text, toks, lo, hi-lo) {
		return "", false
	}
	if p := e.titles.longest(toks, lo); p != nil {
		return "", false // a job's title
	}
	if hi < len(toks) && !breakBetween(text, toks[hi-1].end, toks[hi].start) && (roleNouns[toks[hi].lower] || notInferred[toks[hi].lower]) {
		return "", false
	}
	name := text[toks[lo].start:toks[hi-1].end]
	if strings.ContainsAny(name, " \t\n\u00a0") {
		name = strings.Join(strings.Fields(name), " ")
	}
	if l := strings.ToLower(name); e.towns[l] || e.moreTowns()[l] {
		return "", false
	}
	if end := toks[hi-1].end; end < len(text) && (text[end] == '\'' || strings.HasPrefix(text[end:], "’")) {
		return "", false // "Sal's videos": a person's or a company's
	}
	if s, end := toks[lo].start, toks[hi-1].end; s > 1 && text[s-1] == '(' && text[s-2] == ' ' && end < len(text) && text[end] == ')' && lo > 0 {
		return "", false // "Department of Defense (DoD)", "real estate (CRE)": the short form of the words before it
	}
	return name, true
}

// nameLike reports whether the word t is written as a name: capitalised, with capitals within it
// ("iOS"), or with a digit, a dot, '+' or '#' ("Mongrel2", "socket.io", "C++").
func nameLike(text string, t token) bool {
	w := text[t.start:t.end]
	if len(w) < 2 {
		return false
	}
	if w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '+', c == '#':
			return true
		}
	}
	return false
}

func allLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// companyLeads, in a list's first item or the eight words before it, make it a list of companies or places, not skills:
// "startups like Instacart, Coursera, Docker", "the best engineering teams in the world, including
// Twilio, Heroku, Instacart and Twitch".
var companyLeads = map[string]bool{"customers": true, "clients": true, "partners": true, "investors": true,
	"brands": true, "companies": true, "startups": true, "teams": true, "users": true, "backed": true,
	"funded": true, "worked": true, "alumni": true, "offices": true, "locations": true, "cities": true,
	"employers": true, "acquired": true, "used": true, "trusted": true, "featured": true, "press": true,
	"product": true, "products": true, "partner": true, "alliance": true, "projects": true, "sites": true,
	"websites": true, "publishers": true, "organizations": true, "organisations": true, "specializing": true,
	"specialising": true, "specializes": true, "specialises": true, "provides": true, "providing": true}

// companyTrails, right after a list, make it a list of companies: "AWS & Microsoft Partner".
var companyTrails = map[string]bool{"partner": true, "partners": true, "partnership": true, "partnerships": true,
	"alliance": true, "certified": true, "customers": true, "clients": true}

// leadWords are words that start a phrase, not a name, even capitalised: "At Atomic", "The Guardian".
var leadWords = map[string]bool{"at": true, "the": true, "a": true, "an": true, "our": true, "we": true,
	"you": true, "in": true, "on": true, "for": true, "with": true, "of": true, "to": true, "by": true,
	"from": true, "as": true, "is": true, "are": true, "this": true, "that": true, "all": true, "any": true,
	"some": true, "if": true, "it": true, "your": true, "my": true, "i": true, "cheers": true, "thanks": true}

// webSuffix reports whether w ends as a web address does: "syntasa.com" (but "Socket.io" is a library).
func webSuffix(w string) bool {
	for _, s := range []string{".com", ".org", ".net", ".co.uk", ".co", ".gov", ".edu"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

func companyLead(text string, toks []token, lo, hi int) bool {
	for k := hi - 1; k >= 0 && k >= lo-8; k-- {
		if companyLeads[toks[k].lower] {
			return true
		}
		if gapKind(text, toks[k].end, toks[k+1].start) == gapEnd {
			return false
		}
	}
	return false
}

// cueBits has the bit of each cue word's hash (see cuePreposition), so that most words are passed over
// by a bit test.
var cueBits = func() (bits [16]uint64) {
	for _, w := range []string{"experience", "expertise", "proficiency", "proficient", "skilled", "fluency", "fluent",
		"knowledge", "understanding", "familiarity", "familiar"} {
		b := tokenizeString(w)[0].hash % 1024
		bits[b/64] |= 1 << (b % 64)
	}
	return bits
}()

// cuePreposition returns the preposition after which a word such as "experience" or "knowledge"
// names what is asked for ("experience with", "knowledge of"), or "".
func cuePreposition(w string) (string, string) {
	switch w {
	case "experience", "expertise", "proficiency", "proficient", "skilled", "fluency", "fluent":
		return "with", "in"
	case "knowledge", "understanding":
		return "of", "of"
	case "familiarity", "familiar":
		return "with", "with"
	}
	return "", ""
}

// inferredAfterCues appends to out the unknown names asked for after "experience with", "experience
// in", "knowledge of", "proficiency in", "familiarity with" and their like: one to three words
// written as a name, of which one is no ordinary word ("experience with Mongrel2", "knowledge of
// Kestrel or Scribe"), that no skill of the taxonomy touches, ending the phrase. A technical skill
// must count somewhere in the ad.
func (e *Extractor) inferredAfterCues(text string, toks []token, matches []skillMatch, out []SkillMention) []SkillMention {
	tech := false
	for _, m := range matches {
		tech = tech || m.ok && e.flags[m.skill]&flagNonTech == 0
	}
	if !tech {
		return out
	}
	for k := 0; k+2 < len(toks); k++ {
		if b := toks[k].hash % 1024; cueBits[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		p1, p2 := cuePreposition(toks[k].lower)
		if p1 == "" || toks[k+1].lower != p1 && toks[k+1].lower != p2 || breakBetween(text, toks[k].end, toks[k+2].start) {
			continue
		}
		// The names after the cue, joined by "and", "or", commas or slashes: each a run of name-like words.
		first := k + 2
		if toks[first].lower == "the" && first+1 < len(toks) && gapKind(text, toks[first].end, toks[first+1].start) == gapWord {
			first++ // "knowledge of the Mental Health Act"
		}
		for lo := first; lo < len(toks); {
			hi := lo
			for hi < len(toks) && hi-lo < inferredCap+1 && nameLike(text, toks[hi]) && !conjunction(toks[hi].lower) &&
				(hi == lo || gapKind(text, toks[hi-1].end, toks[hi].start) == gapWord) {
				hi++
			}
			if hi == lo || hi-lo > inferredCap {
				break
			}
			ends := hi >= len(toks) || gapKind(text, toks[hi-1].end, toks[hi].start) != gapWord || conjunction(toks[hi].lower) ||
				cueFollowers[toks[hi].lower]
			if !ends {
				break
			}
			if !covered(matches, lo, hi) {
				if name, ok := e.inferredItem(text, toks, lo, hi, false); ok {
					out = e.addInferred(out, name, toks[lo].start, toks[hi-1].end)
				}
			}
			// On to the next name of a list: "with Kestrel, Scribe or Mongrel2".
			if hi < len(toks) && conjunction(toks[hi].lower) && gapKind(text, toks[hi-1].end, toks[hi].start) == gapWord {
				hi++
			} else if hi >= len(toks) || gapKind(text, toks[hi-1].end, toks[hi].start) != gapSep {
				break
			}
			lo = hi
		}
	}
	return out
}

// addInferred appends the inferred skill name, read from text[start:end], to out unless out has it. A
// name the taxonomy has but did not count in the case written ("STATA" for Stata) is the taxonomy's
// skill, and so is a language's name when the taxonomy has it ("knowledge of English" names English
// Language).
func (e *Extractor) addInferred(out []SkillMention, name string, start, end int) []SkillMention {
	sk := jobscope.Skill{Name: inferredSpelling(name), Category: taxonomy.CatInferred}
	if toks := tokenizeString(name); len(toks) > 0 {
		// A taxonomy's name written in another case than its guard wants ("STATA" for Stata).
		if p := e.skills.longest(toks, 0); p != nil && len(p.words) == len(toks) {
			s := e.skillList[p.id]
			sk = jobscope.Skill{Name: s.Name, Category: s.Category}
		} else if len(toks) == 1 {
			toks = tokenizeString(name + " Language")
			if p := e.skills.longest(toks, 0); p != nil && len(p.words) == 2 {
				s := e.skillList[p.id]
				sk = jobscope.Skill{Name: s.Name, Category: s.Category}
			}
		}
	}
	for _, m := range out {
		if strings.EqualFold(m.Name, sk.Name) {
			return out
		}
	}
	return append(out, SkillMention{Skill: sk, Start: start, End: end})
}

// inferredSpelling is the one spelling of an inferred name that ads write in small letters or
// capitalised ("canvas" and "Canvas", "socket.io" and "Socket.io"), so that counting skills over many
// ads counts them as one: a word of small letters only is capitalised. A word written otherwise keeps
// its writing ("iOS", "ZeroMQ", "objectiveC").
func inferredSpelling(name string) string {
	var b []byte
	for i := 0; i < len(name); {
		j := i
		for j < len(name) && name[j] != ' ' {
			j++
		}
		if w := name[i:j]; w[0] >= 'a' && w[0] <= 'z' && allLower(w) {
			if b == nil {
				b = []byte(name)
			}
			b[i] -= 'a' - 'A'
		}
		i = j + 1
	}
	if b == nil {
		return name
	}
	return string(b)
}

// cueFollowers may follow a name asked for after a cue ("experience with Kestrel is a plus"); another
// word makes it part of a longer name or a phrase ("knowledge of Gaucher disease", "of ISR data
// processing", "of Divisional based project work").
var cueFollowers = map[string]bool{"is": true, "are": true, "a": true, "an": true, "as": true, "would": true,
	"will": true, "preferred": true, "required": true, "desired": true, "desirable": true, "essential": true,
	"helpful": true, "useful": true, "beneficial": true, "advantageous": true, "experience": true, "skills": true,
	"knowledge": true, "expertise": true, "development": true, "programming": true, "in": true, "on": true,
	"for": true, "with": true, "to": true, "including": true, "such": true, "especially": true, "etc": true,
	"framework": true, "frameworks": true, "or": true, "and": true, "also": true, "highly": true, "strongly": true,
	"preferably": true, "ideally": true, "at": true, "plus": true, "nice": true, "big": true, "bonus": true}

// clauseVerbs after a list's last item make it a clause's subject: "Haley Corridor, Briq is altering".
var clauseVerbs = map[string]bool{"is": true, "are": true, "was": true, "were": true, "will": true, "would": true}

// looseStops are words of no name that a list of tools holds: "Other Skills", "Keywords", "etcetera".
var looseStops = map[string]bool{"other": true, "skills": true, "keywords": true, "etcetera": true, "tbd": true,
	"e.g": true, "i.e": true, "etc": true, "misc": true, "various": true, "general": true, "more": true,
	"ping": true, "pong": true, "fun": true, "who": true, "what": true, "why": true, "how": true}

// inferRoles are more words of roles than roleNouns: an inferred name holds none ("Product Manager,
// .NET, C#, Technical Editor"), and a list with an item that ends in one but "manager" (which also
// ends tools' names: "Microsoft Endpoint Manager") is a list of roles.
var inferRoles = map[string]bool{"manager": true, "managers": true, "editor": true, "editors": true,
	"writer": true, "writers": true, "evangelist": true, "evangelists": true, "scientist": true,
	"scientists": true, "researcher": true, "researchers": true, "director": true, "directors": true,
	"officer": true, "officers": true, "assistant": true, "assistants": true, "nurse": true, "nurses": true,
	"coordinator": true, "coordinators": true, "executive": true, "executives": true, "technician": true,
	"technicians": true, "recruiter": true, "recruiters": true, "practitioner": true, "practitioners": true}
