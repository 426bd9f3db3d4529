package extract

import (
	"slices"
	"strings"

	"jobscope"
	"jobscope/taxonomy"
)

// skillCues are words that make a guarded skill name ("Go", "Swift") count when they are near it.
var skillCues = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"programming", "language", "languages", "developer", "developers", "development",
		"engineer", "engineers", "engineering", "code", "coding", "stack", "framework", "frameworks", "library",
		"libraries", "scripting", "software", "backend", "frontend", "tech", "technologies", "technology",
		"tools", "tooling", "database", "databases", "devops", "cloud", "platform", "api", "apis", "web", "dev",
		"devs"} {
		m[w] = true
	}
	return m
}()

// skillBlockers are words before a one-letter name ("Grade C", "Vitamin C") that show it is no language.
var skillBlockers = map[string]bool{"grade": true, "band": true, "class": true, "type": true, "vitamin": true,
	"level": true, "section": true, "plan": true, "part": true, "category": true, "tier": true, "option": true,
	"schedule": true, "phase": true, "lot": true, "block": true, "unit": true, "zone": true, "room": true,
	"ward": true, "floor": true, "team": true, "group": true, "division": true, "step": true, "stage": true,
	"size": true, "appendix": true, "annex": true, "exhibit": true, "figure": true, "table": true, "area": true}

type skillMatch struct {
	pos, n int
	skill  int32
	guard  uint8
	ok     bool // counts: unguarded, or guarded in a technical context
	// caseOff marks a case-guarded one-word name written in another case: it counts only in a list.
	caseOff bool
}

// findSkills returns the skills mentioned in text (tokens toks), each once, in order of first mention.
func (e *Extractor) findSkills(text string, toks []token, out []jobscope.Skill) []jobscope.Skill {
	var buf [64]skillMatch
	var idBuf [32]int32
	ids := idBuf[:0]
	matches := e.skillMatches(text, toks, buf[:0])
	for _, m := range matches {
		if !m.ok || containsID(ids, m.skill) {
			continue
		}
		ids = append(ids, m.skill)
		s := e.skillList[m.skill]
		out = append(out, jobscope.Skill{Name: s.Name, Category: s.Category})
	}
	var mbuf [16]SkillMention
	for _, m := range e.inferredSkills(text, toks, matches, mbuf[:0]) {
		if !slices.ContainsFunc(out, func(s jobscope.Skill) bool { return strings.EqualFold(s.Name, m.Name) }) {
			out = append(out, m.Skill)
		}
	}
	return out
}

// SkillMention is one mention of a skill in a text: the skill and the byte span text[Start:End] it was
// read from.
type SkillMention struct {
	jobscope.Skill
	Start, End int
}

// SkillMentions returns every mention of a taxonomy skill in text, in order, by the same rules as Skills
// (which keeps each skill once): for showing where a skill was found and for scoring extraction against
// text whose skill spans people have marked.
func (e *Extractor) SkillMentions(text string) []SkillMention {
	toks := tokenize(nil, text, lowerASCII(text))
	var out []SkillMention
	matches := e.skillMatches(text, toks, nil)
	for _, m := range matches {
		if !m.ok {
			continue
		}
		s := e.skillList[m.skill]
		out = append(out, SkillMention{Skill: jobscope.Skill{Name: s.Name, Category: s.Category},
			Start: toks[m.pos].start, End: toks[m.pos+m.n-1].end})
	}
	if inferred := e.inferredSkills(text, toks, matches, nil); len(inferred) > 0 {
		out = append(out, inferred...)
		slices.SortStableFunc(out, func(a, b SkillMention) int { return a.Start - b.Start })
	}
	return out
}

// skillMatches appends to matches every candidate skill mention of text (tokens toks), in order: the
// longest alias at each word, guarded aliases only in their case. ok marks those that count: a guarded
// alias only in a technical context.
func (e *Extractor) skillMatches(text string, toks []token, matches []skillMatch) []skillMatch {
	start := len(matches)
	for i := 0; i < len(toks); {
		p := e.skills.longest(toks, i)
		if p == nil {
			i++
			continue
		}
		n := len(p.words)
		if inAddress(text, toks[i].start, toks[i+n-1].end) || inSpokenAddress(text, toks, i, n) || e.startsPlace(text, toks, i, n) ||
			n == 1 && (legalSuffix(text, toks, i) || schemeOrMediaType(text, toks, i) || otherAcronym(text, toks, i, p.written[0])) {
			i += n // part of a link, an e-mail address, a place's or a company's name
			continue
		}
		if p.guard == uint8(taxonomy.GuardCase) {
			ok := writtenAs(text, toks[i:i+n], p.written)
			for _, alt := range p.alts {
				ok = ok || writtenAs(text, toks[i:i+n], alt)
			}
			if !ok && (n > 1 || len(p.written[0]) < 2 || !allLower(text[toks[i].start:toks[i].end])) {
				i++
				continue
			}
			if !ok && hyphenated(text, toks[i]) {
				i++ // part of a compound ("rock-solid"), no list item
				continue
			}
			if !ok {
				// One word in another case ("kubernetes", "spring"): kept only in a list of skills.
				matches = append(matches, skillMatch{pos: i, n: 1, skill: p.id, guard: p.guard, caseOff: true})
				i++
				continue
			}
		}
		matches = append(matches, skillMatch{pos: i, n: n, skill: p.id, guard: p.guard})
		i = afterConjunction(toks, i, n)
	}
	matches = e.coordinatedSkills(text, toks, matches, start)
	found := matches[start:]
	if len(e.senses) > 0 {
		for mi := range found {
			e.otherSense(toks, &found[mi])
		}
	}
	lists := false
	var abbrevs []string // the ad's own abbreviations of other words than a skill's (see otherAbbreviation)
	var offers [][2]int  // the lists of what the employer offers (see offerLists), once needed
	for mi := range found {
		m := &found[mi]
		if m.caseOff {
			lists = true
			continue
		}
		m.ok = m.guard == uint8(taxonomy.GuardNone) || e.skillContext(text, toks, found, mi)
		if !m.ok {
			continue
		}
		if e.nounCompound(text, toks, *m) || e.flags[m.skill]&flagSocial != 0 && channelMention(toks, m.pos) ||
			negated(text, toks, m.pos) || companyList(text, toks, m.pos) || e.departmentName(text, toks, *m) ||
			e.flags[m.skill]&flagProfile != 0 && profileMention(text, toks, m.pos, m.pos+m.n) ||
			e.flags[m.skill]&flagMeeting != 0 && interviewMedium(text, toks, m.pos) {
			m.ok = false
			continue
		}
		if m.n == 1 && e.otherAbbreviation(text, toks, m.pos, int(m.skill)) {
			m.ok = false
			abbrevs = append(abbrevs, toks[m.pos].lower)
			continue
		}
		if e.flags[m.skill]&flagNonTech != 0 && offers == nil {
			offers = offerLists(text)
		}
		if e.flags[m.skill]&flagNonTech != 0 && (offered(text, toks, m.pos, m.pos+m.n) || inSpans(offers, toks[m.pos].start)) {
			m.ok = false
			continue
		}
		switch e.skillList[m.skill].Category {
		case taxonomy.CatGeneral:
			m.ok = !equalOpportunity(text, toks, m.pos) && !e.careRoleAfter(text, toks, m.pos+m.n)
		case taxonomy.CatProcesses:
			// "our QA engineer", "Full Stack Developer", "Scrum Master", "Senior Frontend Engineer": a
			// role named after a practice (the title field has it), not the practice asked for, as "Data
			// Scientist" names no Data Science. Named as the practice ("frontend React", "our
			// front-end", "full stack experience") it counts.
			m.ok = !e.roleAfter(text, toks, m.pos+m.n)
		}
	}
	// A general skill written as the first words of a unit's name that another skill ends: "the Crisis
	// Resolution Home Treatment Team" names no Crisis Intervention, as it names no Home Treatment.
	for mi := len(found) - 2; mi >= 0; mi-- {
		m, next := &found[mi], found[mi+1]
		if !m.ok || e.skillList[m.skill].Category != taxonomy.CatGeneral || !isCapital(text[toks[m.pos].start]) ||
			strings.HasSuffix(e.skillList[m.skill].Name, " Language") { // "French Speaking B2B Sales Team Manager" speaks French
			continue
		}
		k := m.pos + m.n
		if k < next.pos && (toks[k].lower == "and" || text[toks[k].start] == '&') {
			k++
		}
		if k != next.pos || next.pos >= len(toks) || breakBetween(text, toks[m.pos+m.n-1].end, toks[m.pos+m.n].start) && strings.TrimSpace(text[toks[m.pos+m.n-1].end:toks[m.pos+m.n].start]) != "/" ||
			!isCapital(text[toks[next.pos].start]) || e.skillList[next.skill].Category != taxonomy.CatGeneral {
			continue
		}
		if e.namedUnit(text, toks, next) || department(text, toks, next.pos, next.pos+next.n) && isCapital(text[toks[next.pos+next.n].start]) {
			m.ok = false
		}
	}
	// An abbreviation the ad spells out as other words than the skill's means those words wherever
	// the ad writes it: "Counselling for Depression (CfD) ... CfD trained".
	for _, a := range abbrevs {
		for mi := range found {
			if m := &found[mi]; m.ok && m.n == 1 && toks[m.pos].lower == a {
				m.ok = false
			}
		}
	}
	// A case-guarded name written in lower case counts where it stands in a list of skills that count,
	// as tag lists are written ("java, spring, docker", "typescript javascript node.js react go"): next
	// to one, with nothing but separators or "and"/"or" between (see listNeighbour). A list may chain
	// through such names.
	for changed := lists; changed; {
		changed = false
		for mi := range found {
			m := &found[mi]
			if m.caseOff && !m.ok && (e.techNeighbour(text, toks, found, mi, mi-1) || e.techNeighbour(text, toks, found, mi, mi+1)) &&
				e.wordSenseOK(text, toks, found, mi) && !e.nounCompound(text, toks, *m) {
				m.ok, changed = true, true
			}
		}
	}
	if lists {
		e.tagLines(text, toks, found)
	}
	return matches
}

// coordinatedSkills adds to matches[start:] the skills named by the first items of a list that ends in
// a word they share (see sharedHeadWords): "excellent organisational, IT and communication skills"
// names Organisational Skills and IT Skills as well as Communication Skills, "unit and integration
// testing" Unit Testing. Going back from each such word, every item (a word or two between commas, slashes,
// "&", "and" or "or") is looked up with that word after it; an item that a match already covers is passed
// over, and the list ends at anything else or at the first item of more words (its first words
// qualify the list: "excellent IT"). A two-word skill whose first word is one of sharedModifiers also
// lends it to the word after "and", "or" or a slash: "data analysis and visualisation".
func (e *Extractor) coordinatedSkills(text string, toks []token, matches []skillMatch, start int) []skillMatch {
	n0 := len(matches)
	for s := 2; s < len(toks); s++ {
		if b := toks[s].hash % 1024; sharedHeads[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		head, ok := sharedHeadWords[toks[s].lower]
		if !ok || conjunction(toks[s-1].lower) {
			continue
		}
		if head == headPair && s+1 < len(toks) && !breakBetween(text, toks[s].end, toks[s+1].start) &&
			!afterSharedHead[toks[s+1].lower] {
			continue // "hard engineering problems", "web and software development firm"
		}
		maxItems := 8
		if head == headPair {
			maxItems = 2
		}
		end := s // the list's items are read back from here
		for items := 0; items < maxItems; items++ {
			// The item: the words back to the previous separator or conjunction, at most three.
			lo := end - 1
			for lo > 0 && end-lo < 3 && !listGap(text, toks, lo-1, lo) && !conjunction(toks[lo-1].lower) &&
				!breakBetween(text, toks[lo-1].end, toks[lo].start) {
				lo--
			}
			// The last item is the main match's to find ("communication skills"); the others are added.
			if items > 0 && !covered(matches[start:n0], lo, end) && (head == headSkills || lo == end-1 || itemLead[toks[end-2].lower]) {
				if m, ok := e.itemSkill(toks, lo, end, s); ok {
					matches = append(matches, m)
				}
			}
			if items == 0 && end-lo > 1 && listQualifiers[toks[lo].lower] && lo > 0 && conjunction(toks[lo-1].lower) {
				break // "a passion for nursing and good communication skills": the "and" joins two phrases
			}
			if head == headPair && items == 0 && lo != end-1 {
				break // "data and large scale analysis": a pair shares a head word it directly precedes
			}
			// What joins the item to the one before: "and"/"or" (after a comma or not) or a separator.
			switch {
			case head == headPair && lo > 0 && (conjunction(toks[lo-1].lower) || pairGap(text, toks, lo-1, lo)):
				if conjunction(toks[lo-1].lower) {
					end = lo - 1
				} else {
					end = lo
				}
				if end == 0 || listGap(text, toks, end-1, end) || breakBetween(text, toks[end-1].end, toks[end].start) {
					items = maxItems // "people, version control, configuration management": no pair
				}
			case head == headPair:
				items = maxItems
			case lo > 1 && conjunction(toks[lo-1].lower) && !breakBetween(text, toks[lo-1].end, toks[lo].start) &&
				(listGap(text, toks, lo-2, lo-1) || !breakBetween(text, toks[lo-2].end, toks[lo-1].start)):
				end = lo - 1
			case lo > 0 && listGap(text, toks, lo-1, lo):
				end = lo
			default:
				items = 8 // the list begins here
			}
		}
	}
	// A modifier shared forward: "data analysis and visualisation" names Data Visualisation too.
	for mi := start; mi < n0; mi++ {
		m := matches[mi]
		if m.n != 2 || !sharedModifiers[toks[m.pos].lower] || m.guard != uint8(taxonomy.GuardNone) {
			continue
		}
		y := m.pos + m.n
		if y < len(toks) && toks[y].lower != "and" && toks[y].lower != "or" && pairGap(text, toks, y-1, y) {
			// "data analysis/visualisation": the slash joins the pair
		} else if y+1 < len(toks) && conjunction(toks[y].lower) && !sentenceBreak(text, toks[y-1].end, toks[y].start) &&
			!breakBetween(text, toks[y].end, toks[y+1].start) {
			y++
		} else {
			continue
		}
		if y >= len(toks) || covered(matches[start:n0], y, y+1) || conjunction(toks[y].lower) {
			continue
		}
		var buf [2]token
		tmp := append(buf[:0], toks[m.pos], toks[y])
		tmp[1].brk = false
		if p := e.skills.longest(tmp, 0); p != nil && len(p.words) == 2 && p.guard == uint8(taxonomy.GuardNone) && p.id != m.skill {
			matches = append(matches, skillMatch{pos: y, n: 1, skill: p.id, guard: p.guard})
		}
	}
	if len(matches) > n0 {
		slices.SortStableFunc(matches[start:], func(a, b skillMatch) int { return a.pos - b.pos })
	}
	return matches
}

// sharedModifiers are the first words of a two-word skill that the next word of a pair shares: "data
// analysis and visualisation", "data collection and analysis", "software design and architecture",
// "risk assessment and management", "statistical analysis and modelling". Names whose first word is no
// modifier are left alone: "Computer Science or engineering" names no Computer Engineering, "product
// management and design" no Product Design.
var sharedModifiers = map[string]bool{"data": true, "software": true, "database": true, "risk": true,
	"statistical": true, "quality": true, "performance": true, "requirements": true, "test": true}

// sharedHeadWords are the last words a list of skills shares: "organisational and IT skills", "unit,
// integration and end-to-end testing", "front-end and back-end development". "management" is left out:
// its pairs are mostly a product's features or a firm's services ("Vendor and Partner management",
// "Program/Project and Performance Management").
var sharedHeadWords = map[string]uint8{"skills": headSkills, "testing": headList, "programming": headList,
	"development": headPair, "design": headPair, "analysis": headPair, "engineering": headPair}

// How far back a shared head word is shared: over a list of any length whose items are of one or two
// words before "skills" ("communication, organisational and IT skills", "strong data presentation and
// visualization skills") and of one word before other words ("unit, integration and end-to-end
// testing"; not "UAV sensor integration, UAV flight testing"), or by a pair of one word each joined by
// "and", "or", "&" or a slash, the last right before the head word, which ends the phrase or is followed
// by one of afterSharedHead ("product and system design", "web/mobile development experience").
// Longer lists of nouns before these words are mostly not of skills: "people, version control,
// configuration management", "novel data, solve hard engineering problems".
const (
	headSkills uint8 = iota + 1
	headList
	headPair
)

// listQualifiers, at the start of a list's last item of more words after "and" or "or", make it a
// phrase of its own that shares its head word with nothing before it: "a passion for nursing and good
// communication skills" (but "organisation, attention to detail, strong communication skills" is a list).
var listQualifiers = map[string]bool{"good": true, "excellent": true, "strong": true, "effective": true,
	"great": true, "sound": true, "solid": true, "proven": true, "outstanding": true, "exceptional": true,
	"high": true, "advanced": true, "basic": true, "demonstrable": true, "demonstrated": true, "some": true}

// itemLead are the words that may stand right before a one-word item of a list that shares another
// head word than "skills": "approach to unit and integration testing", "experience in web or mobile
// development". Another word there makes the item longer ("UAV sensor integration, UAV flight testing",
// "Head of Digital Product and senior management"), which is then not looked up.
var itemLead = map[string]bool{"to": true, "of": true, "in": true, "with": true, "on": true, "for": true,
	"the": true, "a": true, "an": true, "both": true, "including": true, "like": true, "as": true, "either": true,
	"our": true, "your": true, "their": true, "experience": true, "knowledge": true, "understanding": true,
	"strong": true, "solid": true, "good": true, "excellent": true, "proven": true, "do": true, "doing": true,
	"into": true, "across": true, "about": true, "at": true, "from": true, "and": true, "or": true, "some": true,
	"any": true, "all": true, "is": true, "are": true, "be": true, "have": true, "has": true}

// afterSharedHead are the words that may follow the head word a pair shares.
var afterSharedHead = map[string]bool{"experience": true, "skills": true, "knowledge": true, "background": true,
	"expertise": true, "and": true, "or": true, "in": true, "of": true, "for": true, "with": true, "using": true,
	"across": true, "on": true, "is": true, "are": true, "practices": true, "principles": true, "techniques": true,
	"tools": true, "frameworks": true, "methodologies": true, "work": true, "projects": true}

// pairGap reports whether the gap between toks[a] and toks[b] joins a pair: a slash or an ampersand.
func pairGap(text string, toks []token, a, b int) bool {
	g := text[toks[a].end:toks[b].start]
	return g == "/" || g == "&" || g == " & " || g == " / "
}

// sharedHeads has the bit hash%1024 set for the hash of each of sharedHeadWords: one bit test rules
// out most words before the map is looked up.
var sharedHeads = func() (bits [16]uint64) {
	for w := range sharedHeadWords {
		b := tokenizeString(w)[0].hash % 1024
		bits[b/64] |= 1 << (b % 64)
	}
	return bits
}()

func conjunction(w string) bool { return w == "and" || w == "or" }

// listGap reports whether the gap between toks[a] and toks[b] separates two list items: a comma, a
// slash or an ampersand, and no full stop, semicolon, colon or line break.
func listGap(text string, toks []token, a, b int) bool {
	if a < 0 || b >= len(toks) || a >= b {
		return false
	}
	sep := false
	for k := toks[a].end; k < toks[b].start; k++ {
		switch text[k] {
		case ',', '/', '&':
			sep = true
		case ' ', '\t':
		default:
			return false
		}
	}
	return sep
}

// covered reports whether a match covers any of toks[lo:hi].
func covered(found []skillMatch, lo, hi int) bool {
	for _, m := range found {
		if m.pos < hi && m.pos+m.n > lo {
			return true
		}
	}
	return false
}

// itemSkill looks up the item toks[lo:end] (its last two words, then its last word) with the shared
// word at toks[s] after it, as one alias: an unguarded alias of exactly those words.
func (e *Extractor) itemSkill(toks []token, lo, end, s int) (skillMatch, bool) {
	var buf [3]token
	for from := max(lo, end-2); from < end; from++ {
		n := end - from
		tmp := append(buf[:0], toks[from:end]...)
		last := toks[s]
		last.brk = false
		tmp = append(tmp, last)
		p := e.skills.longest(tmp, 0)
		if p != nil && len(p.words) == n+1 && p.guard == uint8(taxonomy.GuardNone) {
			return skillMatch{pos: from, n: n, skill: p.id, guard: p.guard}, true
		}
	}
	return skillMatch{}, false
}

// afterConjunction is where matching goes on after a phrase of n words at i: after it, unless the
// phrase joins two things with "and" or "or" ("organisational and interpersonal", an alias of one
// skill), whose last part may name a skill of its own ("interpersonal skills"): matching then goes on
// from the word after the last conjunction.
func afterConjunction(toks []token, i, n int) int {
	for k := i + n - 2; k > i; k-- {
		if w := toks[k].lower; w == "and" || w == "or" {
			return k + 1
		}
	}
	return i + n
}

// tagLines lets the case-guarded names written in lower case count on a line that is a list of tags,
// as job boards print them ("google-cloud-platform terraform kubernetes scripting", "ios android
// mobile"): a line of lower-case words without sentence punctuation (see sentencePunct), at least half of whose words
// (and at least two) are skill names. Prose has far fewer: "go to the shop and make sure" is two in
// seven.
func (e *Extractor) tagLines(text string, toks []token, found []skillMatch) {
	lineEnd := -1 // the first token past the last line looked at
	for fi := range found {
		m := found[fi]
		if !m.caseOff || m.ok || m.pos < lineEnd {
			continue
		}
		// The line holding the name: the tokens around it with no line break between them.
		lo, hi := m.pos, m.pos+1
		for lo > 0 && strings.IndexByte(text[toks[lo-1].end:toks[lo].start], '\n') < 0 {
			lo--
		}
		for hi < len(toks) && strings.IndexByte(text[toks[hi-1].end:toks[hi].start], '\n') < 0 {
			hi++
		}
		lineEnd = hi
		first, last := fi, fi+1
		for first > 0 && found[first-1].pos >= lo {
			first--
		}
		for last < len(found) && found[last].pos < hi {
			last++
		}
		covered := 0
		for _, x := range found[first:last] {
			covered += x.n
		}
		line, words := text[toks[lo].start:toks[hi-1].end], hi-lo
		if words < 2 || 2*covered < words || covered < 2 || !allLower(line) || sentencePunct(line) {
			continue
		}
		for k := first; k < last; k++ {
			if x := &found[k]; x.caseOff && !e.nounCompound(text, toks, *x) {
				x.ok = true
			}
		}
	}
}

// sentencePunct reports whether line has a full stop ending a word (not the dot of "node.js"), a
// question or exclamation mark, or a colon.
func sentencePunct(line string) bool {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '!', '?', ':':
			return true
		case '.':
			if i+1 == len(line) || line[i+1] == ' ' {
				return true
			}
		}
	}
	return false
}

// equalOpportunityCues are words of an equal-opportunity statement beside "disability": such a sentence
// lists what an employer does not discriminate on ("mental health or physical disability"), not skills.
var equalOpportunityCues = map[string]bool{"accommodation": true, "accommodations": true, "discrimination": true,
	"discriminate": true, "regardless": true, "protected": true, "veteran": true, "equal": true, "applicants": true}

// equalOpportunity reports whether the sentence holding toks[i] is an equal-opportunity statement: it
// names disability and one of equalOpportunityCues. General skills (care, sales) found there do not
// count.
func equalOpportunity(text string, toks []token, i int) bool {
	lo, hi := i, i+1
	for lo > 0 && !sentenceBreak(text, toks[lo-1].end, toks[lo].start) {
		lo--
	}
	for hi < len(toks) && !sentenceBreak(text, toks[hi-1].end, toks[hi].start) {
		hi++
	}
	disability, cue := false, false
	for _, t := range toks[lo:hi] {
		disability = disability || t.lower == "disability" || t.lower == "disabilities"
		cue = cue || equalOpportunityCues[t.lower]
	}
	return disability && cue
}

// offered reports whether the general skill or qualification toks[i:end] is what the employer gives
// the one it hires, a benefit, not a skill asked for: "receive" or "benefit from" right before it or
// before "regular" ("you will receive regular supervision", "benefit from regular CPD"), "opportunities in" or "for" right before it,
// "free" right before it ("Free DBS and free training"), or "provided" right after it, or after "will be", "is" or "are" ("Clinical supervision
// will be provided by a band 7 lead", "regular supervision provided").
func offered(text string, toks []token, i, end int) bool {
	if i > 1 && (toks[i-1].lower == "in" || toks[i-1].lower == "for") && strings.HasPrefix(toks[i-2].lower, "opportunit") &&
		!breakBetween(text, toks[i-2].end, toks[i].start) {
		// "there are opportunities in leadership", "opportunities for CPD"; not the people the
		// opportunity is for: "an opportunity for self-starters", "for customer-focused professionals".
		if w := toks[end-1].lower; !strings.HasSuffix(w, "ers") && !strings.HasSuffix(w, "ed") {
			return true
		}
	}
	if i > 1 && toks[i-2].lower == "support" && (toks[i-1].lower == "for" || toks[i-1].lower == "with") && offerSentence(text, toks, i) {
		return true // "the programme offers ... exercise classes, and support for mental health"
	}
	for k := i - 1; k >= 0 && k >= i-2 && !breakBetween(text, toks[k].end, toks[k+1].start); k-- {
		// "You will receive regular supervision", "All Physiotherapists benefit from regular CPD".
		w := toks[k].lower
		receive := w == "receive" && !(k >= 2 && (toks[k-1].lower == "and" || toks[k-1].lower == "or") && givers[toks[k-2].lower]) // not "provide and receive"
		benefit := w == "from" && k > 0 && strings.HasPrefix(toks[k-1].lower, "benefit") && !clientsBefore(toks, k-1)
		if (receive || benefit) && (k == i-1 || toks[k+1].lower == "regular" || toks[k+1].lower == "ongoing" || toks[k+1].lower == "free") {
			return true
		}
	}
	if i > 0 && toks[i-1].lower == "free" && !breakBetween(text, toks[i-1].end, toks[i].start) &&
		(toks[i-1].start == 0 || text[toks[i-1].start-1] != '-') { // "hands-free HIPAA-compliant" is no benefit
		return true
	}
	k := end
	if k+1 < len(toks) && (toks[k].lower == "will" && toks[k+1].lower == "be") {
		k += 2
	} else if k < len(toks) && (toks[k].lower == "is" || toks[k].lower == "are") {
		k++
	}
	return k < len(toks) && toks[k].lower == "provided" && !breakBetween(text, toks[end-1].end, toks[k].start)
}

// abbreviationGlue are the small words of a name that its abbreviation may leave out: "Counselling for
// Depression (CfD)", "Improving Access to Psychological Therapies (IAPT)".
var abbreviationGlue = map[string]bool{"and": true, "of": true, "for": true, "the": true, "in": true,
	"to": true, "with": true, "on": true, "at": true}

// otherAbbreviation reports whether the one-word name at toks[i], the skill id, is written in brackets
// right after the words it abbreviates, and the taxonomy spells the skill's abbreviation out in other
// words: "Counselling for Depression (CfD)" is no CFD (Computational Fluid Dynamics), "the Local
// Maternity System (LMS)" no learning management system, "Good Clinical Practice (GCP)" no Google
// Cloud Platform. Where the words are the skill's ("Computational Fluid Dynamics (CFD)"), or the
// taxonomy spells out no such words ("Geographic Information Systems (GIS)"), it counts.
func (e *Extractor) otherAbbreviation(text string, toks []token, i, id int) bool {
	t := toks[i]
	if i == 0 || t.start == 0 || text[t.start-1] != '(' || t.end >= len(text) || text[t.end] != ')' {
		return false
	}
	w := text[t.start:t.end]
	if len(w) < 2 || len(w) > 8 || !isCapital(w[0]) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if !isLetter(w[k]) {
			return false
		}
	}
	// Match the letters, from the last, against the initials of the words before the bracket.
	k := i - 1
	if strings.TrimSpace(text[toks[k].end:t.start]) != "(" {
		return false
	}
	var words []string // the words spelled out, from the last, without abbreviationGlue
	for l := len(w) - 1; l >= 0; k-- {
		if k < 0 || k < i-1 && breakBetween(text, toks[k].end, toks[k+1].start) {
			return false
		}
		switch c := text[toks[k].start]; {
		case c|0x20 == w[l]|0x20:
			words = append(words, toks[k].lower)
			l--
		case abbreviationGlue[toks[k].lower]:
		default:
			return false
		}
	}
	if !isCapital(text[toks[k+1].start]) {
		return false // written as a name only
	}
	acronym := strings.ToLower(w)
	spelled := false // the taxonomy spells the abbreviation out
	s := e.skillList[id]
	for _, a := range append([]string{s.Name}, aliasTexts(s.Aliases)...) {
		var aw []string // the alias's words, from the last, without abbreviationGlue
		fs := strings.Fields(strings.ToLower(strings.TrimRight(a, "!?")))
		for j := len(fs) - 1; j >= 0; j-- {
			if !abbreviationGlue[fs[j]] {
				aw = append(aw, fs[j])
			}
		}
		if len(aw) != len(acronym) {
			continue
		}
		initials := make([]byte, len(aw))
		for j, x := range aw {
			initials[len(aw)-1-j] = x[0]
		}
		if string(initials) != acronym {
			continue
		}
		spelled = true
		same := true
		for j := range aw {
			same = same && samePrefix(aw[j], words[j], 4)
		}
		if same {
			return false
		}
	}
	return spelled
}

// samePrefix reports whether a and b begin with the same n letters, or are equal when shorter: words
// spelled out alike, whatever their endings or a typo late in them ("Chromotography").
func samePrefix(a, b string, n int) bool {
	if len(a) < n || len(b) < n {
		return a == b
	}
	return a[:n] == b[:n]
}

// givers, before "and receive", make the employee give as well as receive: "Provide and receive clinical
// supervision".
var givers = map[string]bool{"provide": true, "give": true, "deliver": true, "offer": true, "providing": true,
	"giving": true, "delivering": true}

// clientsBefore reports whether the employer's clients stand just before toks[k]: "Patients also
// benefit from continuity of care" is the service, not the employee's benefit.
func clientsBefore(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch toks[j].lower {
		case "patients", "patient", "clients", "customers", "users", "residents", "families", "children", "pupils", "students":
			return true
		}
	}
	return false
}

// offerLeads end a line that opens a list of what the employer offers: "by joining us you will benefit
// from:", "In return, the PCN offers:", "Benefits include:".
var offerLeads = []string{"benefit from:", "we offer:", "offers:", "benefits:", "benefits include:",
	"we can offer you:", "what we offer:", "we will offer you:"}

// offerLists returns the byte spans of text that list what the employer offers: the lines after a line
// that ends with one of offerLeads, while they are short list items (at most twelve words, ten lines at
// most). General skills and qualifications named there are benefits ("1 x week CPD paid leave",
// "Continuous learning and development programmes").
func offerLists(text string) [][2]int {
	spans := [][2]int{} // not nil: computed
	if strings.IndexByte(text, ':') < 0 {
		return spans // every lead ends with a colon: most texts have none
	}
	for pos := 0; pos < len(text); {
		line, next := lineAt(text, pos)
		pos = next
		if t := strings.TrimSpace(line); !strings.HasSuffix(t, ":") || !offerLead(t) {
			continue
		}
		from, to := next, next
		for q, n := next, 0; q < len(text) && n < 10; {
			l, nq := lineAt(text, q)
			u := strings.TrimSpace(l)
			if u != "" {
				if len(strings.Fields(u)) > 12 || strings.HasSuffix(u, ":") {
					break
				}
				n++
			}
			to, q = nq, nq
		}
		spans = append(spans, [2]int{from, to})
	}
	return spans
}

// lineAt returns the line of text starting at pos, its newline included, and where the next starts.
func lineAt(text string, pos int) (line string, next int) {
	next = len(text)
	if i := strings.IndexByte(text[pos:], '\n'); i >= 0 {
		next = pos + i + 1
	}
	return text[pos:next], next
}

// offerLead reports whether a trimmed line ends with one of offerLeads, in any case.
func offerLead(t string) bool {
	for _, l := range offerLeads {
		if len(t) >= len(l) && strings.EqualFold(t[len(t)-len(l):], l) {
			return true
		}
	}
	return false
}

// inSpans reports whether the byte offset p lies in one of spans.
func inSpans(spans [][2]int, p int) bool {
	for _, s := range spans {
		if p >= s[0] && p < s[1] {
			return true
		}
	}
	return false
}

// offerSentence reports whether the sentence holding toks[i] is about what the employer offers: it
// holds "offer", "offers", "benefits" or their like.
func offerSentence(text string, toks []token, i int) bool {
	for lo := i; lo >= 0; lo-- {
		if offerWords[toks[lo].lower] {
			return true
		}
		if lo == 0 || sentenceBreak(text, toks[lo-1].end, toks[lo].start) {
			break
		}
	}
	for hi := i + 1; hi < len(toks) && !sentenceBreak(text, toks[hi-1].end, toks[hi].start); hi++ {
		if offerWords[toks[hi].lower] {
			return true
		}
	}
	return false
}

// offerWords mark a sentence about what the employer offers.
var offerWords = map[string]bool{"offer": true, "offers": true, "offered": true, "benefit": true, "benefits": true,
	"perks": true, "employees": true}

// sentenceBreak reports whether text[a:b], the gap between two words, ends a sentence or a line.
func sentenceBreak(text string, a, b int) bool {
	for k := a; k < b; k++ {
		switch text[k] {
		case '.', '!', '?', '\n':
			return true
		}
	}
	return false
}

// writtenAs reports whether toks are written exactly as words.
func writtenAs(text string, toks []token, words []string) bool {
	for k, t := range toks {
		if text[t.start:t.end] != words[k] {
			return false
		}
	}
	return true
}

// strongMatch reports whether a match is evidence of a technical text by itself: an unguarded alias
// of a technical skill (not a general skill or a qualification), or
// a case-guarded one written in its case that looks like no ordinary word, with two capitals or a digit
// ("SOAP", "S3", "GKE"; not "Go" or "Make").
func (e *Extractor) strongMatch(text string, toks []token, m skillMatch) bool {
	if e.flags[m.skill]&flagNonTech != 0 {
		return false // "Communication Skills", "NMC": no sign that a text is technical
	}
	if m.guard == uint8(taxonomy.GuardNone) {
		return true
	}
	if m.guard != uint8(taxonomy.GuardCase) || m.caseOff {
		return false
	}
	caps := 0
	for k := m.pos; k < m.pos+m.n; k++ {
		for _, c := range []byte(text[toks[k].start:toks[k].end]) {
			switch {
			case c >= '0' && c <= '9':
				return true
			case c >= 'A' && c <= 'Z':
				caps++
			}
		}
	}
	return caps >= 2
}

// nounCompounds are, for a one-word skill name that is also an ordinary noun, the words that directly
// after it show the noun: "a high degree of autonomy" is no qualification, "access control" and "Mobile
// Access Technology" are not Microsoft Access.
var nounCompounds = map[string]map[string]bool{
	"degree": {"of": true},
	// The people who lead and the courses they take, not the skill: "the leadership team", "leadership courses".
	"leadership": {"team": true, "teams": true, "courses": true, "course": true},
	// The verb, not the mail server: "exchange ideas", "exchange of information".
	"exchange": {"ideas": true, "idea": true, "of": true, "information": true, "knowledge": true, "views": true,
		"rate": true, "rates": true, "programme": true, "program": true, "students": true},
	// The interview's medium, not a skill: "a Skype interview", "a Skype coding interview".
	"skype": {"interview": true, "interviews": true, "call": true, "calls": true, "coding": true, "chat": true},
	"scheme": {"of": true, "manager": true, "managers": true, "member": true, "members": true, "rules": true,
		"benefits": true, "provider": true, "administrator": true, "administration": true},
	"assembly": {"operative": true, "operatives": true, "worker": true, "workers": true, "line": true,
		"operator": true, "operators": true, "technician": true, "technicians": true, "instructions": true},
	// Who a role reports to, not the skill: "Reporting to the Head of Finance", "reporting line".
	"reporting": {"to": true, "into": true, "directly": true, "line": true, "lines": true, "structure": true,
		"relationship": true, "relationships": true},
	// A place, a body or a budget for research, not research asked for: "Applied Research Laboratories",
	// "a research hardware budget", "contract research organizations".
	"research": {"laboratories": true, "laboratory": true, "lab": true, "labs": true, "campus": true, "institute": true,
		"institutes": true, "organisation": true, "organisations": true, "organization": true, "organizations": true,
		"hardware": true, "budget": true, "budgets": true, "tools": true, "centre": true, "center": true, "centres": true,
		"centers": true, "council": true, "councils": true, "hospital": true, "hospitals": true, "park": true,
		"foundation": true, "fund": true, "funding": true, "facility": true, "facilities": true, "nurse": true,
		"nurses": true, "sister": true, "engine": true, "firm": true, "company": true, "division": true},
	// People meeting, not computer networks: "networking events", "networking opportunities".
	"networking": {"events": true, "event": true, "opportunities": true, "opportunity": true, "sessions": true,
		"session": true, "lunches": true, "drinks": true},
	// A firm, not the practice: "a consulting firm", "Consulting Rooms".
	"consulting": {"firm": true, "firms": true, "company": true, "companies": true, "group": true, "room": true,
		"rooms": true, "agency": true, "business": true, "partner": true, "partners": true},
	// The field a company works in, not the skill: "a logistics company", "the logistics industry".
	"logistics": {"company": true, "companies": true, "industry": true, "world": true, "startup": true,
		"startups": true, "space": true, "sector": true, "provider": true, "providers": true, "platform": true},
	"access": {"control": true, "controls": true, "management": true, "rights": true, "right": true,
		"level": true, "levels": true, "technology": true, "technologies": true, "point": true, "points": true,
		"card": true, "cards": true, "request": true, "requests": true, "requirements": true, "needs": true},
}

// socialPlatforms are skills that ads mostly name as the employer's channel ("follow us on
// LinkedIn", "our YouTube channel"), which does not make them part of the job.
var socialPlatforms = map[string]bool{"LinkedIn": true, "YouTube": true, "Facebook": true, "Instagram": true,
	"TikTok": true, "Twitter": true, "WhatsApp": true}

// channelMention reports whether the name at toks[i] is the employer's channel: after "via" or "our",
// or two words after "us" ("follow us on", "contact us via").
func channelMention(toks []token, i int) bool {
	return i > 0 && (toks[i-1].lower == "via" || toks[i-1].lower == "our") || i > 1 && toks[i-2].lower == "us"
}

// departmentName reports whether m, a general skill or a practice, names a part of the company (see
// department). Technical skills are left alone: "the Python team" still works in Python.
func (e *Extractor) departmentName(text string, toks []token, m skillMatch) bool {
	switch e.skillList[m.skill].Category {
	case taxonomy.CatGeneral, taxonomy.CatProcesses:
		return department(text, toks, m.pos, m.pos+m.n) || e.placeOrService(text, toks, m.pos+m.n, e.skillList[m.skill].Category == taxonomy.CatGeneral) ||
			listedPart(text, toks, m.pos) || e.skillList[m.skill].Category == taxonomy.CatGeneral && (e.namedUnit(text, toks, m) || nationalBody(text, toks, m.pos+m.n))
	}
	return false
}

// nations end the names of national bodies: "Health Education England", "Public Health Wales",
// "Social Work England".
var nations = map[string]bool{"england": true, "scotland": true, "wales": true, "ireland": true}

// nationalBody reports whether the general skill that ends before toks[end] begins the name of a national
// body: a nation follows it, capitalised, with no break between ("Health Education England (HEE)",
// "registered with Social Work England").
func nationalBody(text string, toks []token, end int) bool {
	return end < len(toks) && end > 0 && nations[toks[end].lower] && isCapital(text[toks[end].start]) &&
		isCapital(text[toks[end-1].start]) && !breakBetween(text, toks[end-1].end, toks[end].start)
}

// teamKinds name what kind of team a team is, not which: "the multidisciplinary team" is the way of
// working asked for.
var teamKinds = map[string]bool{"multidisciplinary": true, "multi-disciplinary": true, "interdisciplinary": true,
	"inter-disciplinary": true, "multi-professional": true, "cross-functional": true, "collaborative": true,
	"disciplinary": true, "professional": true, "functional": true, "agile": true}

// namedUnit reports whether the general skill m, matched by an alias that ends in a team's, a place's
// or a service's noun ("home treatment team", "dementia unit", "stroke services"), is written as the
// name of one: with its first word and that noun capitalised in the middle of a sentence ("the Crisis
// Resolution and Home treatment Team", "our Dementia Unit"). Written in small letters ("experience on
// a dementia unit") it names the work, and a team's kind ("the Multi-Disciplinary Team") stays.
func (e *Extractor) namedUnit(text string, toks []token, m skillMatch) bool {
	i, end := m.pos, m.pos+m.n
	if m.n < 2 || end > len(toks) {
		return false
	}
	noun := toks[end-1]
	if !departmentNouns[noun.lower] && !placeNouns[noun.lower] && !serviceNouns[noun.lower] {
		return false
	}
	if name := strings.ToLower(e.skillList[m.skill].Name); strings.HasSuffix(name, " "+noun.lower) {
		return false // the skill's own name, not an alias naming a unit: "excellent Customer Service"
	}
	if !isCapital(text[toks[i].start]) || !isCapital(text[noun.start]) || sentenceStart(text, toks, i) {
		return false
	}
	for _, t := range toks[i : end-1] {
		if teamKinds[t.lower] || strings.HasPrefix(t.lower, "multi") || strings.HasPrefix(t.lower, "inter") {
			return false
		}
	}
	return true
}

// placeNouns, right after a general skill or a practice, make it the name of a place where the work is
// done, not the skill asked for: "Rehabilitation Ward", "the Cardiology Department", "rehabilitation
// facilities", "one intensive care cot", "Applied Research Laboratories".
var placeNouns = map[string]bool{"ward": true, "wards": true, "unit": true, "units": true, "department": true,
	"departments": true, "dept": true, "clinic": true, "clinics": true, "centre": true, "centres": true,
	"center": true, "centers": true, "facility": true, "facilities": true, "cot": true, "cots": true,
	"bed": true, "beds": true, "bedded": true, "theatre": true, "theatres": true, "hospital": true,
	"hospitals": true, "directorate": true, "gym": true, "laboratory": true, "laboratories": true}

// placeOrService reports whether toks[end], right after a name with no break between, is one of
// placeNouns, or when services is set one of serviceNouns; or, after "and" or "or", ends a second name
// that shares it.
func (e *Extractor) placeOrService(text string, toks []token, end int, services bool) bool {
	if end >= len(toks) || end == 0 || breakBetween(text, toks[end-1].end, toks[end].start) {
		return false
	}
	if w := text[toks[end-1].start:toks[end-1].end]; strings.HasSuffix(w, "ing") && allLower(w) {
		services = false // the verb: "reviewing and auditing services"
	}
	place := func(k int) bool {
		return placeNouns[toks[k].lower] || services && serviceNouns[toks[k].lower] &&
			(k+1 >= len(toks) || toks[k+1].lower != "user" && toks[k+1].lower != "users") // "dementia service users"
	}
	if place(end) {
		return true
	}
	// A name shared with the next one, of capitalised words or a skill's: "mental health and learning
	// disability trusts", "our Critical Care and Anesthesia departments".
	if !conjunction(toks[end].lower) {
		return false
	}
	for k := end + 1; k < len(toks) && k < end+4 && !breakBetween(text, toks[k-1].end, toks[k].start); {
		if k > end+1 && place(k) {
			return true
		}
		switch p := e.skills.longest(toks, k); {
		case p != nil:
			k += len(p.words)
		case isCapital(text[toks[k].start]):
			k++
		default:
			return false
		}
	}
	return false
}

// serviceNouns, right after a general skill, make it the name of what an employer runs or is, not a
// skill asked for (a practice's "backend services" are software, and stay): "one of the most respected mental health and learning disability
// trusts", "Acute and Rehabilitation Services", "our critical care service".
var serviceNouns = map[string]bool{"service": true, "services": true, "trust": true, "trusts": true,
	"provider": true, "providers": true, "pathway": true, "pathways": true}

// meetingTools are video-call tools that ads mostly name as the medium of their interviews
// ("interviews will be held via MS Teams"), which does not make them part of the job.
var meetingTools = map[string]bool{"Microsoft Teams": true, "Skype": true, "Zoom": true, "Google Meet": true,
	"Cisco Webex": true}

// interviewMedium reports whether the sentence holding toks[i] is about the recruitment's interviews
// ("Interviews will take place via MS Teams", "all interviews will be completed using Microsoft
// Teams"): a word of it begins with "interview".
func interviewMedium(text string, toks []token, i int) bool {
	for lo := i; lo >= 0; lo-- {
		if strings.HasPrefix(toks[lo].lower, "interview") {
			return true
		}
		if lo == 0 || sentenceBreak(text, toks[lo-1].end, toks[lo].start) {
			break
		}
	}
	for hi := i + 1; hi < len(toks) && !sentenceBreak(text, toks[hi-1].end, toks[hi].start); hi++ {
		if strings.HasPrefix(toks[hi].lower, "interview") {
			return true
		}
	}
	return false
}

// profilePlatforms are skills that ads mostly name as where applicants show their work ("a link to
// your GitHub", "your Stack Overflow profile"), or as a company ("acquired by LinkedIn"), which does
// not make them part of the job.
var profilePlatforms = map[string]bool{"GitHub": true, "Bitbucket": true, "GitLab": true, "Stack Overflow": true,
	"LinkedIn": true, "Kaggle": true, "Dribbble": true, "Behance": true, "Twitter": true}

// profileNouns, after a platform's name, make it an applicant's page: "GitHub profile", "GitHub repo".
var profileNouns = map[string]bool{"profile": true, "profiles": true, "account": true, "accounts": true,
	"portfolio": true, "portfolios": true, "repo": true, "repos": true, "handle": true, "username": true,
	"link": true, "links": true, "page": true, "url": true}

// profileMention reports whether the platform named at toks[i:end] is the applicant's page or a
// company: a profile noun after it, "your" up to four words before it in the same sentence ("links to
// your github, bitbucket"), or "by" right before it.
func profileMention(text string, toks []token, i, end int) bool {
	if end < len(toks) && profileNouns[toks[end].lower] {
		return true
	}
	if i > 0 && toks[i-1].lower == "by" {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if sentenceBreak(text, toks[k].end, toks[k+1].start) {
			break
		}
		if toks[k].lower == "your" || toks[k].lower == "yours" {
			return true
		}
	}
	return false
}

// nounCompound reports whether a one-word match is the ordinary noun by nounCompounds.
func (e *Extractor) nounCompound(text string, toks []token, m skillMatch) bool {
	if e.flags[m.skill]&flagNoun == 0 || m.n != 1 {
		return false
	}
	w := toks[m.pos].lower
	if m.pos+1 < len(toks) && !breakBetween(text, toks[m.pos].end, toks[m.pos+1].start) && nounCompounds[w][toks[m.pos+1].lower] {
		return true
	}
	return m.pos > 0 && !breakBetween(text, toks[m.pos-1].end, toks[m.pos].start) && nounAfter[w][toks[m.pos-1].lower]
}

// nounAfter are, for a one-word skill name that is also an ordinary noun, the words that directly
// before it show the noun: "Job Segment:" and "market segment" are no Segment, "Crime Statistics Act"
// no statistics asked for.
var nounAfter = map[string]map[string]bool{
	"segment":    {"job": true, "market": true, "customer": true, "business": true, "user": true, "audience": true},
	"statistics": {"crime": true, "campus": true, "security": true, "safety": true, "labor": true, "labour": true},
	// A scheme an employer runs, not the language: "Pension Scheme", "Graduate Scheme", "Cycle to Work Scheme".
	"scheme": {"pension": true, "pensions": true, "training": true, "graduate": true, "equality": true, "work": true,
		"working": true, "bonus": true, "car": true, "recruitment": true, "management": true, "privilege": true,
		"friend": true, "friends": true, "apprenticeship": true, "apprentice": true, "trainee": true, "specialist": true,
		"pay": true, "discount": true, "discounts": true, "the": true, "a": true, "our": true, "this": true, "transfer": true,
		"sickness": true, "rotational": true, "quality": true, "loan": true, "lease": true, "leasing": true,
		"interview": true, "housing": true, "home": true, "health": true, "commercial": true, "care": true,
		"barring": true, "assurance": true, "accreditation": true, "incentive": true, "share": true, "shares": true,
		"cycle": true, "cyclescheme": true, "referral": true, "reward": true, "rewards": true, "benefit": true,
		"benefits": true, "salary": true, "sacrifice": true, "loyalty": true, "retirement": true, "saving": true,
		"savings": true, "mentoring": true, "development": true, "leadership": true, "insurance": true,
		"holiday": true, "voucher": true, "vouchers": true, "childcare": true, "membership": true, "season": true,
		"ticket": true, "award": true, "awards": true, "recognition": true, "bursary": true, "placement": true},
	// A company's laboratory, not research asked for: "Google Research", "Cancer Research UK".
	"research": {"contract": true, "google": true, "microsoft": true, "facebook": true, "ibm": true, "baidu": true, "amazon": true,
		"intel": true, "nokia": true, "adobe": true, "yahoo": true, "cancer": true, "nvidia": true},
	"reporting": {"transparency": true},
	// People's networks, not computer networks: "social networking".
	"networking": {"social": true},
	// The employer's product, not dashboards built: "manage everything through our dashboard".
	"dashboard": {"our": true},
	// A test of a body or a sample, not software testing: "genetic testing", "drug testing".
	"testing": {"genetic": true, "drug": true, "blood": true, "dna": true, "diagnostic": true, "hearing": true,
		"paternity": true, "allergy": true, "emissions": true, "covid": true, "antibody": true, "urine": true},
	// The people who lead, not the skill: "provides updates to leadership", "assists leadership".
	"leadership": {"to": true, "assists": true, "assist": true, "advises": true, "advise": true, "informs": true,
		"inform": true, "briefs": true, "brief": true, "updates": true, "executive": true, "company": true,
		"senior": true, "department": true, "center": true, "centre": true, "site": true},
}

// Skill flags, set once per skill by skillFlags so that matching looks up no map by name.
const (
	flagSocial  uint8 = 1 << iota // one of socialPlatforms
	flagNoun                      // has a one-word alias that is a key of nounCompounds
	flagNonTech                   // of the General or Qualifications category: no technical context for others
	flagProfile                   // one of profilePlatforms
	flagMeeting                   // one of meetingTools
)

// skillFlags returns the flags of each skill, by index.
func skillFlags(skills []taxonomy.Skill) []uint8 {
	flags := make([]uint8, len(skills))
	for i, s := range skills {
		if socialPlatforms[s.Name] {
			flags[i] |= flagSocial
		}
		if profilePlatforms[s.Name] {
			flags[i] |= flagProfile
		}
		if meetingTools[s.Name] {
			flags[i] |= flagMeeting
		}
		if s.Category == taxonomy.CatGeneral || s.Category == taxonomy.CatQualify {
			flags[i] |= flagNonTech
		}
		for _, a := range append([]string{s.Name}, aliasTexts(s.Aliases)...) {
			if nounCompounds[strings.ToLower(a)] != nil || nounAfter[strings.ToLower(a)] != nil {
				flags[i] |= flagNoun
			}
		}
	}
	return flags
}

func aliasTexts(as []taxonomy.Alias) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Text
	}
	return out
}

// roleNouns are words that, after the name of a practice, make it a role: "QA engineer", "Scrum
// Master", "Software Engineering Interns", "Full Stack Engineer", "data science roles" and "QA Lead"
// are roles, "DevOps team lead" is not. "dev" is left out: "backend dev experience" is the practice.
var roleNouns = map[string]bool{"engineer": true, "engineers": true, "developer": true, "developers": true,
	"designer": true, "designers": true, "master": true, "masters": true, "professional": true,
	"professionals": true, "specialist": true, "specialists": true, "programmer": true, "programmers": true,
	"architect": true, "architects": true, "analyst": true, "analysts": true, "administrator": true,
	"administrators": true, "tester": true, "testers": true, "consultant": true, "consultants": true,
	"intern": true, "interns": true, "internship": true, "internships": true, "devs": true,
	"role": true, "roles": true, "position": true, "positions": true, "hire": true, "hires": true,
	"lead": true, "leads": true, "ninja": true, "ninjas": true, "wizard": true, "wizards": true,
	"hacker": true, "hackers": true, "generalist": true, "generalists": true}

// careRoles are the words of roles named after a general skill or field: "Mental Health
// Practitioner", "the Paediatric Rota Co-Ordinator", "Safeguarding Administrator".
var careRoles = map[string]bool{"practitioner": true, "practitioners": true, "co-ordinator": true,
	"co-ordinators": true, "coordinator": true, "coordinators": true, "administrator": true,
	"administrators": true, "worker": true, "workers": true, "manager": true, "managers": true,
	"officer": true, "officers": true, "advisor": true, "advisors": true, "adviser": true, "advisers": true,
	"assistant": true, "assistants": true, "lead": true, "leads": true, "specialist": true, "specialists": true,
	"consultant": true, "consultants": true, "director": true, "directors": true, "matron": true}

// careRoleAfter reports whether the general skill that ends before toks[end] names a role: one of
// careRoles right after it, or after one more word of the role ("Paediatric Rota Co-Ordinator").
func (e *Extractor) careRoleAfter(text string, toks []token, end int) bool {
	if end == 0 || strings.HasPrefix(toks[end-1].lower, "nurse") {
		return false // a profession named as one already: "qualified Mental Health nurse practitioners"
	}
	if w := text[toks[end-1].start:toks[end-1].end]; strings.HasSuffix(w, "ing") && allLower(w) {
		return false // the verb and its object: "influencing managers and clinicians"
	}
	for k := end; k < len(toks) && k <= end+1; k++ {
		if breakBetween(text, toks[k-1].end, toks[k].start) {
			return false
		}
		if careRoles[toks[k].lower] || toks[k].lower == "co" && k+1 < len(toks) && strings.HasPrefix(toks[k+1].lower, "ordinator") {
			return true
		}
		if !isCapital(text[toks[k].start]) || !isCapital(text[toks[k-1].start]) {
			return false // one more word only in a title written as one: "Rota" in "Paediatric Rota Co-Ordinator"
		}
	}
	return false
}

// roleFillers may stand between a practice's name and the role's word: "Front-End Engineering Lead",
// "Backend Software Engineer", "Full Stack Web Developer".
var roleFillers = map[string]bool{"engineering": true, "development": true, "software": true, "web": true,
	"application": true, "applications": true, "dev": true, "ui": true, "ux": true}

// devPractice are the words after "dev" that make it the practice, not a developer: "backend dev
// experience", "front-end dev work".
var devPractice = map[string]bool{"experience": true, "skills": true, "knowledge": true, "background": true,
	"expertise": true, "work": true, "projects": true, "practices": true, "principles": true, "techniques": true,
	"tools": true, "tooling": true, "frameworks": true, "environment": true, "process": true, "processes": true,
	"team": true, "teams": true, "cycle": true, "stack": true, "ops": true}

// roleAfter reports whether the words from toks[end] on make the practice named just before them a
// role: a role's word right after it or after one or two of roleFillers or skills' names ("Full
// Stack Developer", "Front-End Engineering Lead", "Back-End Python Developer"); "dev" but for the practice's words after it ("Front-end Dev wanted");
// or, after a slash, '&', "and" or "or", another name of one to three words ending in a role's word
// ("Front End / Fullstack Developer", "frontend and backend engineers"), each word before the role's a
// skill's, capitalised or one of roleFillers ("open source and hiring for roles" names no role).
func (e *Extractor) roleAfter(text string, toks []token, end int) bool {
	if end >= len(toks) || end == 0 {
		return false
	}
	role := func(k int) bool {
		w := toks[k].lower
		if w == "dev" {
			return k+1 >= len(toks) || breakBetween(text, toks[k].end, toks[k+1].start) || !devPractice[toks[k+1].lower]
		}
		return roleNouns[w]
	}
	if !breakBetween(text, toks[end-1].end, toks[end].start) {
		for k, n := end, 0; k < len(toks) && n < 3; n++ {
			if k > end && breakBetween(text, toks[k-1].end, toks[k].start) {
				break
			}
			if role(k) {
				return true
			}
			if roleFillers[toks[k].lower] {
				k++
			} else if p := e.skills.longest(toks, k); p != nil {
				k += len(p.words) // the role's language or tool: "Back-End Python Developer"
			} else {
				break
			}
		}
	}
	if strings.TrimSpace(text[toks[end-1].end:toks[end].start]) == "," {
		return e.roleAfterList(text, toks, end, role)
	}
	// Another practice and the role's word after a slash or a conjunction.
	k := end
	switch gap := strings.TrimSpace(text[toks[end-1].end:toks[end].start]); {
	case gap == "/" || gap == "&":
	case gap == "" && conjunction(toks[end].lower):
		k++
	default:
		return false
	}
	for j := k; j < len(toks) && j < k+4; {
		if j > k && breakBetween(text, toks[j-1].end, toks[j].start) {
			return false
		}
		if j > k && role(j) {
			return true
		}
		switch p := e.skills.longest(toks, j); {
		case p != nil:
			j += len(p.words)
		case isCapital(text[toks[j].start]) || roleFillers[toks[j].lower]:
			j++
		default:
			return false
		}
	}
	return false
}

// roleAfterList reports whether the list a comma opens after a practice's name ends in a role's
// word, the practices all of it: "full-stack, front-end, back-end, and mobile engineers", "Rails,
// front-end, and mobile developers". Its items, from toks[k] on, are skills' names, role fillers and
// listRoleWords, parted by commas, slashes, ampersands and conjunctions; anything else ends it.
func (e *Extractor) roleAfterList(text string, toks []token, k int, role func(int) bool) bool {
	for j := k; j < len(toks) && j < k+10; {
		if j > k {
			gap := text[toks[j-1].end:toks[j].start]
			switch strings.TrimSpace(gap) {
			case "", ",", "/", "&":
			default:
				return false
			}
			if strings.IndexByte(gap, '\n') >= 0 {
				return false // a list ends with its line
			}
			if role(j) {
				return true
			}
		}
		switch p := e.skills.longest(toks, j); {
		case p != nil:
			j += len(p.words)
		case conjunction(toks[j].lower) || roleFillers[toks[j].lower] || listRoleWords[toks[j].lower]:
			j++
		default:
			return false
		}
	}
	return false
}

// listRoleWords are the kinds of engineer a list of practices names beside them ("front-end, back-end
// and mobile engineers") that are no skill's name.
var listRoleWords = map[string]bool{"mobile": true, "data": true, "qa": true, "platform": true,
	"infrastructure": true, "security": true, "systems": true}

// senseRules name a one-word alias that two skills share in different fields, and the words that,
// near it, make it the other skill: "YARN" beside Hadoop or Spark is Hadoop's scheduler, not the
// JavaScript package manager; "CSS" beside DipSW or CQSW is the Certificate in Social Service, not
// style sheets.
var senseRules = []struct {
	word, from, to string
	cues           []string // a cue of two words is written with a space
}{
	{"yarn", "npm", "Hadoop YARN", []string{"hadoop", "hdfs", "spark", "mapreduce", "mesos", "tez", "hive", "hbase",
		"flink", "pig", "oozie", "zookeeper", "sqoop", "impala", "cloudera", "hortonworks", "emr"}},
	// "CPA" in mental health care is the Care Programme Approach, not a Certified Public Accountant.
	{"cpa", "CPA", "Care Programme Approach", []string{"care programme approach", "care program approach", "mental health",
		"care coordination", "care co-ordination", "care coordinator", "care co-ordinator", "psychosis", "service user",
		"service users", "care plan", "care plans", "patients", "nursing", "nurse"}},
	{"css", "CSS", "Social Work Qualification", []string{"dipsw", "cqsw", "gscc", "dip sw", "social work",
		"social worker", "social workers", "social care"}},
}

// senseRule is one of senseRules resolved to skill indexes, with its cues split into words.
type senseRule struct {
	word string
	to   int32
	cues [][]string
}

// buildSenses resolves senseRules against skills: a rule whose skills the taxonomy lacks is left out.
func buildSenses(skills []taxonomy.Skill) map[int32]senseRule {
	index := map[string]int32{}
	for i, s := range skills {
		index[s.Name] = int32(i)
	}
	out := map[int32]senseRule{}
	for _, r := range senseRules {
		from, ok1 := index[r.from]
		to, ok2 := index[r.to]
		if !ok1 || !ok2 {
			continue
		}
		sr := senseRule{word: r.word, to: to}
		for _, c := range r.cues {
			sr.cues = append(sr.cues, strings.Fields(c))
		}
		out[from] = sr
	}
	return out
}

// senseWindow is how many words either side of a shared alias a cue of its other sense is looked for.
const senseWindow = 12

// otherSense makes m the other skill of its senseRule when a cue of that skill stands near it.
func (e *Extractor) otherSense(toks []token, m *skillMatch) {
	r, ok := e.senses[m.skill]
	if !ok || m.n != 1 || toks[m.pos].lower != r.word {
		return
	}
	lo, hi := max(0, m.pos-senseWindow), min(len(toks), m.pos+1+senseWindow)
	for k := lo; k < hi; k++ {
		if k == m.pos {
			continue
		}
		for _, c := range r.cues {
			if k+len(c) > hi || toks[k].lower != c[0] {
				continue
			}
			all := true
			for j := 1; j < len(c); j++ {
				all = all && toks[k+j].lower == c[j]
			}
			if all {
				m.skill = r.to
				return
			}
		}
	}
}

// hyphenated reports whether t is joined to a neighbouring word by a hyphen ("rock-solid").
func hyphenated(text string, t token) bool {
	return t.start > 0 && text[t.start-1] == '-' || t.end < len(text) && text[t.end] == '-'
}

// allLower reports whether w has no capital letter.
func allLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 'A' && w[i] <= 'Z' {
			return false
		}
	}
	return true
}

// listEdge reports whether the word on the far side of matches[i] from its neighbour (after it when
// the neighbour is before, dir > 0) ends the list rather than continues a sentence: there is none, or
// punctuation comes first, or it is a skill or a capitalised word ("kubernetes Job description"), not a
// lower-case word of prose ("cybersecurity access management").
func listEdge(text string, toks []token, matches []skillMatch, i, dir int) bool {
	m := matches[i]
	k := m.pos + m.n
	if dir < 0 {
		k = m.pos - 1
	}
	if k < 0 || k >= len(toks) {
		return true
	}
	if dir > 0 && breakBetween(text, toks[k-1].end, toks[k].start) || dir < 0 && breakBetween(text, toks[k].end, toks[m.pos].start) {
		return true
	}
	if c := text[toks[k].start]; c < 'a' || c > 'z' {
		return true
	}
	for _, x := range matches {
		if x.pos <= k && k < x.pos+x.n {
			return true
		}
	}
	return false
}

// techNeighbour reports whether matches[j] is a neighbour of matches[i] in a list (see listNeighbour)
// that can vouch for it: a technical name only in a list of other than general skills and
// qualifications ("independent living skills, access local communities" is no list of software).
func (e *Extractor) techNeighbour(text string, toks []token, matches []skillMatch, i, j int) bool {
	if j < 0 || j >= len(matches) {
		return false
	}
	if e.flags[matches[i].skill]&flagNonTech == 0 && e.flags[matches[j].skill]&flagNonTech != 0 {
		return false
	}
	return listNeighbour(text, toks, matches, i, j)
}

// listNeighbour reports whether matches[j] counts and stands next to matches[i] in a list: only
// separators (commas, slashes, bars, semicolons, '&', '+', spaces) or one "and"/"or" between them, and
// when that is spaces alone, the list does not run on into prose on matches[i]'s other side.
func listNeighbour(text string, toks []token, matches []skillMatch, i, j int) bool {
	if j < 0 || j >= len(matches) || !matches[j].ok {
		return false
	}
	a, b := matches[i], matches[j]
	if b.pos < a.pos {
		a, b = b, a
	}
	gap := b.pos - (a.pos + a.n)
	if gap < 0 || gap > 1 {
		return false
	}
	from := toks[a.pos+a.n-1].end
	if gap == 1 {
		if w := toks[a.pos+a.n].lower; w != "and" && w != "or" {
			return false
		}
	}
	marked := gap == 1
	for k := from; k < toks[b.pos].start; k++ {
		switch text[k] {
		case ' ', '\t':
		case ',', '/', '|', ';', '&', '+':
			marked = true
		default:
			if gap == 1 && k >= toks[a.pos+a.n].start && k < toks[a.pos+a.n].end {
				continue // the "and" or "or"
			}
			return false
		}
	}
	if marked {
		return true
	}
	dir := 1 // the neighbour is before: look after
	if j > i {
		dir = -1
	}
	return listEdge(text, toks, matches, i, dir)
}

// skillContext reports whether a guarded match is in a technical context: an unguarded skill or a cue
// word nearby, and nothing around it that shows an ordinary word ("go to", "R&D", "grade C").
func (e *Extractor) skillContext(text string, toks []token, matches []skillMatch, mi int) bool {
	m := matches[mi]
	end := m.pos + m.n
	if end < len(toks) && toks[end].lower == "to" && m.n == 1 {
		return false
	}
	first, last := toks[m.pos], toks[end-1]
	if m.n == 1 && last.end-first.start == 1 {
		if last.end < len(text) {
			if c := text[last.end]; c == '&' || c == '\'' || c == '-' || c == '*' || c == '+' {
				return false
			}
		}
		if first.start > 0 {
			if c := text[first.start-1]; c == '&' || c == '-' || c == '\'' || c == '+' {
				return false
			}
		}
		if m.pos > 0 && skillBlockers[toks[m.pos-1].lower] {
			return false
		}
	}
	if m.n == 1 && !e.wordSenseOK(text, toks, matches, mi) {
		return false
	}
	if e.flags[m.skill]&flagNonTech != 0 && e.plainContext(text, toks, matches, mi) {
		return true
	}
	for j := mi - 1; j >= 0 && matches[j].pos >= m.pos-8; j-- {
		if e.strongMatch(text, toks, matches[j]) {
			return true
		}
	}
	for j := mi + 1; j < len(matches) && matches[j].pos <= end+8; j++ {
		if e.strongMatch(text, toks, matches[j]) {
			return true
		}
	}
	lo, hi := m.pos-4, end+4
	if lo < 0 {
		lo = 0
	}
	if hi > len(toks) {
		hi = len(toks)
	}
	for k := lo; k < hi; k++ {
		if (k < m.pos || k >= end) && skillCues[toks[k].lower] {
			return true
		}
	}
	return false
}

// plainCues are words that, near a guarded general skill or qualification written in its case, show
// that it is asked for or held: "FRCA or equivalent", "MRCS examination", "a Sales and Marketing
// background", "PGCE qualified". They are no technical words, so they vouch for no technical name.
var plainCues = map[string]bool{"qualification": true, "qualifications": true, "qualified": true,
	"registration": true, "registered": true, "membership": true, "certificate": true, "certification": true,
	"certified": true, "accredited": true, "accreditation": true, "essential": true, "desirable": true,
	"equivalent": true, "diploma": true, "background": true, "experience": true, "experienced": true,
	"skills": true, "knowledge": true, "expertise": true, "trained": true, "exam": true, "examination": true,
	"exams": true, "examinations": true, "award": true, "licence": true, "license": true, "hold": true,
	"holds": true, "obtained": true, "required": true, "preferred": true}

// plainContext reports whether the guarded match matches[mi], of a general skill or a qualification,
// stands where such a name is asked for: one of plainCues within four words in the same sentence, or a
// qualification that counts by itself (unguarded, or an acronym of two capitals or more written in
// its case) within four words ("MBBS and FRCA", "FRCA or FFICM"). A name followed by a role's word
// ("Sales Manager", "Sales Marketing Director") is the role's, and one after a capitalised word
// within a sentence part of a company's name ("Eclypse Recruitment"): nothing here vouches for them.
func (e *Extractor) plainContext(text string, toks []token, matches []skillMatch, mi int) bool {
	m := matches[mi]
	end := m.pos + m.n
	if m.caseOff || m.pos > 0 && isCapital(text[toks[m.pos-1].start]) && !breakBetween(text, toks[m.pos-1].end, toks[m.pos].start) &&
		!sentenceStart(text, toks, m.pos) {
		return false // part of a longer name: "Eclypse Recruitment", "White Recruitment"
	}
	for k := end; k < len(toks) && k < end+3 && !breakBetween(text, toks[k-1].end, toks[k].start); k++ {
		if roleNouns[toks[k].lower] || inferRoles[toks[k].lower] {
			return false // "Sales Marketing Director"
		}
		if !isCapital(text[toks[k].start]) {
			break
		}
	}
	for k := m.pos - 1; k >= 0 && k >= m.pos-4 && !sentenceBreak(text, toks[k].end, toks[k+1].start); k-- {
		if plainCues[toks[k].lower] {
			return true
		}
	}
	for k := end; k < len(toks) && k < end+4 && !sentenceBreak(text, toks[k-1].end, toks[k].start); k++ {
		if plainCues[toks[k].lower] {
			return true
		}
	}
	for j := range matches {
		x := matches[j]
		if j == mi || x.caseOff || x.pos > end+4 || x.pos+x.n < m.pos-4 || e.skillList[x.skill].Category != taxonomy.CatQualify {
			continue
		}
		if x.guard == uint8(taxonomy.GuardNone) || x.guard == uint8(taxonomy.GuardCase) && e.capsMatch(text, toks, x) {
			return true
		}
	}
	return false
}

// capsMatch reports whether m is written with two capitals or more ("FRCA", "MRCS").
func (e *Extractor) capsMatch(text string, toks []token, m skillMatch) bool {
	caps := 0
	for k := m.pos; k < m.pos+m.n; k++ {
		for _, c := range []byte(text[toks[k].start:toks[k].end]) {
			if c >= 'A' && c <= 'Z' {
				caps++
			}
		}
	}
	return caps >= 2
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// verbFollowers are words after a guarded name that show it is the ordinary word: "Go to", "Excel at",
// "Make sure", "Access the", "Express interest".
var verbFollowers = map[string]bool{"to": true, "at": true, "into": true, "sure": true, "interest": true,
	"yourself": true, "up": true, "out": true, "your": true, "our": true, "the": true, "a": true, "an": true,
	"with": true, "ahead": true, "beyond": true, "further": true, "above": true, "forward": true, "me": true,
	"us": true, "them": true, "it": true, "this": true, "that": true, "their": true, "my": true, "his": true, "her": true}

// wordSenseOK reports whether a guarded one-word name is used as a name, not as the ordinary word it
// also is. A name directly followed by a word such as "to" or "the" is the verb ("Go to", "Access
// the"). At the start of a sentence, where every word is capitalised, the name must stand alone (end of
// line, comma, slash) or be followed by another skill or a technical word ("Go developers"), so that
// "Make sure", "Shell Energy" and "Swift action" do not count.
func (e *Extractor) wordSenseOK(text string, toks []token, matches []skillMatch, mi int) bool {
	m := matches[mi]
	t := toks[m.pos]
	end := m.pos + 1
	if end >= len(toks) || breakBetween(text, t.end, toks[end].start) {
		return true
	}
	next := toks[end].lower
	if verbFollowers[next] {
		return false
	}
	w := text[t.start:t.end]
	if !plainCapitalised(w) || !sentenceStart(text, toks, m.pos) {
		return true
	}
	if skillCues[next] || nameFollowers[next] {
		return true
	}
	if (next == "and" || next == "or") && mi+1 < len(matches) && matches[mi+1].pos == end+1 {
		return true // "React and Redux"
	}
	return mi+1 < len(matches) && matches[mi+1].pos == end
}

// nameFollowers, after a capitalised word at a sentence's start, show it is a name asked for: "React
// experience is a plus", "Go skills", "Swift knowledge".
var nameFollowers = map[string]bool{"experience": true, "skills": true, "knowledge": true, "expertise": true,
	"proficiency": true}

// breakBetween reports whether text[a:b], the gap between two words, ends a phrase.
func breakBetween(text string, a, b int) bool {
	for i := a; i < b; i++ {
		switch text[i] {
		case ',', ';', '/', '\n', '(', ')', '|', ':', '.', '!', '?', '[', ']', '"':
			return true
		}
	}
	return false
}

// plainCapitalised reports whether w is a capital followed by small letters only ("Make", "Go").
func plainCapitalised(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// sentenceStart reports whether toks[i] begins a sentence, a line or a list item.
func sentenceStart(text string, toks []token, i int) bool {
	from := 0
	if i > 0 {
		from = toks[i-1].end
	}
	if i == 0 {
		return true
	}
	for k := from; k < toks[i].start; k++ {
		switch text[k] {
		case '.', '!', '?', '\n', ':', '*', '-', '|':
			return true
		}
		if text[k] >= 0x80 { // a bullet or dash
			return true
		}
	}
	return false
}
