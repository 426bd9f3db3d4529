package extract

import (
	"strings"

	"jobscope/taxonomy"
)

// Words that look like skill names but are not the ad naming a skill: parts of web and e-mail
// addresses ("https://", "jobs@acme.io", "github.com/acme"), and the start of a place's name ("SAN
// FRANCISCO" is no storage network, "Palo Alto, CA" no firewall vendor). A skill name found there is
// dropped before anything else looks at it, so that it also gives no technical context to its
// neighbours.

// addressEnds are the top-level domains that make a word with dots in it a web address when a path
// follows ("acme.co/jobs", "angel.co/l/acme").
var addressEnds = map[string]bool{"com": true, "io": true, "org": true, "net": true, "co": true, "uk": true,
	"ai": true, "dev": true, "app": true, "me": true, "ly": true, "us": true, "gov": true, "edu": true,
	"tech": true, "jobs": true, "careers": true, "de": true, "fr": true, "nl": true, "eu": true, "ca": true,
	"au": true, "in": true, "so": true, "sh": true, "to": true, "gg": true, "xyz": true, "info": true,
	"biz": true, "se": true, "es": true, "it": true, "ie": true, "ch": true, "at": true, "be": true}

// inAddress reports whether the word text[start:end] stands in a web or e-mail address: the run of
// text around it without spaces, quotes or brackets holds "://" or "@", starts with "www.", or starts
// with a domain name followed by a path. "Node.js", "ASP.NET", "Socket.io" and "TCP/IP" are no
// addresses.
func inAddress(text string, start, end int) bool {
	lo, hi := start, end
	for lo > 0 && !addressStop(text[lo-1]) {
		lo--
	}
	for hi < len(text) && !addressStop(text[hi]) {
		hi++
	}
	run := text[lo:hi]
	if len(run) == end-start || strings.IndexByte(run, '.') < 0 && !strings.Contains(run, "://") {
		return false // the word alone, or a run without a dot ("CI/CD")
	}
	if strings.Contains(run, "://") {
		return true
	}
	if at := strings.IndexByte(run, '@'); at > 0 && strings.IndexByte(run[at:], '.') > 0 {
		return true
	}
	if len(run) > 4 && strings.EqualFold(run[:4], "www.") {
		return true
	}
	slash := strings.IndexByte(run, '/')
	if slash <= 0 {
		return false
	}
	host := run[:slash]
	dot := strings.LastIndexByte(host, '.')
	return dot > 0 && dot < len(host)-1 && addressEnds[strings.ToLower(host[dot+1:])]
}

// inSpokenAddress reports whether the name toks[i:i+n] is part of an e-mail address written out against
// harvesters: "jobs at acme dot com", "matt [at] tophat [dot] com": "dot" and a domain ending follow it,
// or "at", a word and "dot" do, or "dot" or a bracketed "at" stands before it.
func inSpokenAddress(text string, toks []token, i, n int) bool {
	if j := i + n; j+1 < len(toks) && toks[j].lower == "dot" && addressEnds[toks[j+1].lower] {
		return true
	}
	// The local part of a spoken address: "analytics (at) hornets (dot) com", "backend-jobs at acme dot com".
	j := i + n
	if j < len(toks) && toks[j].start == toks[j-1].end+1 && strings.IndexByte("-_.", text[toks[j-1].end]) >= 0 {
		j++ // a word joined to the name ("backend-jobs") is part of the address
	}
	if j+2 < len(toks) && toks[j].lower == "at" && toks[j+2].lower == "dot" {
		return true
	}
	if i > 0 && toks[i-1].lower == "dot" || toks[i].lower == "dot" && i > 1 && toks[i-2].lower == "at" {
		return true // "acme dot io", "jobs at acme dot net"
	}
	if i > 0 && toks[i-1].lower == "at" {
		gap := text[toks[i-1].end:toks[i].start]
		return strings.ContainsAny(gap, "])") || i > 1 && strings.ContainsAny(text[toks[i-2].end:toks[i-1].start], "[(")
	}
	return false
}

// addressStop reports whether c ends the run of text an address can be part of.
func addressStop(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '"', '\'', '<', '>', '(', ')', '[', ']', '{', '}', '|', ',', ';':
		return true
	}
	return false
}

// startsPlace reports whether the skill name toks[i:i+n] is the start of a longer place name of the
// gazetteer written with a capital, on one line: "San" in "SAN FRANCISCO", "Salt" in "Salt Lake City".
// Or, where the name is itself a place, whether a state, county or country follows it after a comma
// or bracket, as "Palo Alto, CA" and "Phoenix (AZ)".
func (e *Extractor) startsPlace(text string, toks []token, i, n int) bool {
	if c := text[toks[i].start]; c < 'A' || c > 'Z' {
		return false
	}
	most := int(e.geoFirst[toks[i].lower])
	if most == 0 {
		return false
	}
	var buf [64]byte
	key := buf[:0]
	for k := i; k < len(toks) && k < i+most; k++ {
		if k > i {
			if strings.IndexByte(text[toks[k-1].end:toks[k].start], '\n') >= 0 {
				return false
			}
			key = append(key, ' ')
		}
		key = append(key, toks[k].lower...)
		if k+1 < i+n {
			continue
		}
		if _, ok := e.geo[string(key)]; !ok {
			continue
		}
		if k+1 > i+n {
			return true // a longer place's name
		}
		if e.placeQualifier(text, toks, k+1) {
			return true
		}
	}
	return false
}

// placeQualifier reports whether toks[j] begins a state, county, region or country named right after a
// place: "Palo Alto, CA", "Phoenix (Arizona)".
func (e *Extractor) placeQualifier(text string, toks []token, j int) bool {
	if j >= len(toks) || j == 0 {
		return false
	}
	gap := strings.TrimSpace(text[toks[j-1].end:toks[j].start])
	if gap != "," && gap != "(" && gap != "-" {
		return false
	}
	for _, en := range e.geo[toks[j].lower] {
		switch en.p.Kind {
		case taxonomy.KindRegion, taxonomy.KindCounty, taxonomy.KindCountry, taxonomy.KindNation:
			if !en.exact || text[toks[j].start:toks[j].end] == en.written {
				return true
			}
		}
	}
	return false
}

// legalSuffix reports whether the word toks[i] is a company's legal suffix that a skill shares: "plc"
// as companies write it ("Acme plc", "Acme Plc"), where the controller is written "PLC".
func legalSuffix(text string, toks []token, i int) bool {
	w := text[toks[i].start:toks[i].end]
	return i > 0 && (w == "plc" || w == "Plc") && !breakBetween(text, toks[i-1].end, toks[i].start)
}

// schemeOrMediaType reports whether the word toks[i] is a URL's scheme or part of a media type rather
// than the protocol or language: "http:" and "https:" in code or a link cut short ("'https:' ==
// document.location.protocol"), "javascript" in "text/javascript".
func schemeOrMediaType(text string, toks []token, i int) bool {
	t := toks[i]
	if (t.lower == "http" || t.lower == "https") && t.end < len(text) && text[t.end] == ':' {
		return true
	}
	if t.start > 0 && text[t.start-1] == '/' && i > 0 && toks[i-1].end == t.start-1 {
		switch toks[i-1].lower {
		case "text", "application", "image", "audio", "video":
			return true
		}
	}
	return false
}

// otherAcronym reports whether the word toks[i], matched as the acronym written, is another
// acronym's plural or a unit: "GPs" (general practitioners) is no GPS, and "30ppm" or "****ppm"
// (pence per mile) no PPM; or the letters of a masked code, as the postcode "TS****".
func otherAcronym(text string, toks []token, i int, written string) bool {
	if len(written) < 2 || !allUpper(written) {
		return false
	}
	w := text[toks[i].start:toks[i].end]
	if n := len(w); n >= 3 && w[n-1] == 's' && written[len(written)-1] == 'S' && allUpper(w[:n-1]) {
		return true
	}
	if s := toks[i].start; s > 0 && allLower(w) {
		if c := text[s-1]; c >= '0' && c <= '9' || c == '*' {
			return true
		}
	}
	// The letters of a code whose digits the board masked: the postcode "TS****" is no TypeScript
	// (a qualification's level is masked too: "NVQ****" stays).
	if e := toks[i].end; len(w) <= 2 && e+1 < len(text) && text[e] == '*' && text[e+1] == '*' && allUpper(w) {
		return true
	}
	return false
}

// allUpper reports whether w has capitals and no small letters.
func allUpper(w string) bool {
	caps := false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			caps = true
		}
	}
	return caps
}

// companyCues are the two words before a list of companies, not skills: "customers include OpenAI,
// Lyft and Pinterest", "acquired by Google", "in partnership with Microsoft"; companyOwners, before "such as" or "like", make it one
// too ("clients such as Amazon").
var companyCues = map[string]map[string]bool{
	"include":   {"customers": true, "clients": true, "partners": true, "investors": true, "brands": true},
	"includes":  {"customers": true, "clients": true, "partners": true, "investors": true, "brands": true},
	"including": {"customers": true, "clients": true, "partners": true, "investors": true, "brands": true, "companies": true},
	"by":        {"used": true, "trusted": true, "acquired": true, "funded": true, "owned": true},
	"with":      {"partnership": true, "partnered": true, "partnering": true, "partners": true, "alliance": true},
	"at":        {"worked": true, "alumni": true},
	"from":      {"alumni": true, "founders": true},
}

var companyOwners = map[string]bool{"customers": true, "clients": true, "partners": true, "companies": true, "brands": true}

// companyList reports whether the name toks[i:i+n] is one of a list of companies: an "ex-" before it
// ("ex-AWS engineers"), or a cue such as "customers include" before the run of capitalised names
// and separators that holds it.
func companyList(text string, toks []token, i int) bool {
	if s := toks[i].start; s >= 3 && text[s-1] == '-' && i > 0 && toks[i-1].lower == "ex" {
		return true
	}
	k := i
	for k > 0 && i-k < 12 {
		gap := text[toks[k-1].end:toks[k].start]
		if strings.ContainsAny(gap, ".;:\n()") {
			break
		}
		prev := toks[k-1]
		if strings.ContainsAny(gap, ",&") || prev.lower == "and" || prev.lower == "or" || isCapital(text[prev.start]) {
			k--
			continue
		}
		break
	}
	// toks[k] starts the run; the cue is the words before it, in the same sentence.
	cue := func(j int) string {
		if j < 0 || breakBetween(text, toks[j].end, toks[j+1].start) {
			return ""
		}
		return toks[j].lower
	}
	if c := companyCues[cue(k-1)]; c != nil && c[cue(k-2)] {
		return true
	}
	w := cue(k - 1)
	return (w == "like" || w == "as" && cue(k-2) == "such") && companyOwners[cue(k-2)] || w == "as" && companyOwners[cue(k-3)] && cue(k-2) == "such"
}

func isCapital(c byte) bool { return c >= 'A' && c <= 'Z' }

// departmentNouns, after a general skill or a practice that "the" or "our" precedes, name a part of
// the company: "the Marketing team", "our Product Management organisation".
var departmentNouns = map[string]bool{"team": true, "teams": true, "department": true, "departments": true,
	"organization": true, "organizations": true, "organisation": true, "organisations": true,
	"function": true, "division": true, "group": true}

// department reports whether the name toks[i:end] names a department: "the Marketing team", "our QA
// department", "with Sales and Marketing teams", or written as a name ("Product Management team",
// "the Mental Health Liaison Team"). "an agile team" is a way of working, and stays.
func department(text string, toks []token, i, end int) bool {
	// Capitalised in the middle of a sentence, after a word (not a bullet the tokenizer kept).
	named := isCapital(text[toks[i].start]) && i > 0 && !sentenceStart(text, toks, i) && isLetter(text[toks[i-1].start])
	if named && end+1 < len(toks) && isCapital(text[toks[end].start]) && departmentNouns[toks[end+1].lower] &&
		!breakBetween(text, toks[end-1].end, toks[end+1].start) {
		end++ // one more word of the name: "Mental Health Liaison Team"
	}
	if end >= len(toks) || !departmentNouns[toks[end].lower] || breakBetween(text, toks[end-1].end, toks[end].start) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch t := toks[k]; {
		case t.lower == "the" || t.lower == "our" || t.lower == "your" || t.lower == "their" || t.lower == "its" || t.lower == "with":
			return true
		case t.lower == "a" || t.lower == "an":
			return false
		case t.lower == "and" || isCapital(text[t.start]): // "the Sales and Marketing teams"
		default:
			return named
		}
	}
	return named
}

// negated reports whether the ad says it does not use the name at toks[i]: "not jQuery", "no Scrum".
func negated(text string, toks []token, i int) bool {
	if i == 0 || breakBetween(text, toks[i-1].end, toks[i].start) {
		return false
	}
	switch toks[i-1].lower {
	case "not", "no":
		return i < 2 || toks[i-2].lower != "if" // "if not Python" offers it as an alternative
	}
	return false
}

// partNouns name an employer's parts; a list after one of them and a word of listLeads lists those
// parts: "major surgical specialities such as Orthopaedics and General Surgery", "a range of in-patient
// services such as rehabilitation, post-operative and palliative care", "Wards covering all major
// surgery, orthopaedics, gynaecology", "other teams like Design, Web, Training, and Sales".
var partNouns = map[string]bool{"specialities": true, "specialties": true, "specialisms": true, "services": true,
	"wards": true, "units": true, "departments": true, "clinics": true, "teams": true, "directorates": true}

// listLeads open a list; "such as" and "consist(s) of" are read by listedPart.
var listLeads = map[string]bool{"like": true, "including": true, "include": true, "includes": true,
	"covering": true, "cover": true, "covers": true, "comprising": true, "comprises": true}

// partListReach is how many words back from a name listedPart looks for the list's lead.
const partListReach = 24

// listedPart reports whether toks[i] is an item of a list of an employer's parts (see partNouns): a
// general skill or practice there names a specialty, ward, service or team, not a skill asked for.
// The list runs back from toks[i] to its lead without a full stop or other end of a list between,
// but a colon right after the lead ("Our services include: Primary care nursing"), and over a line
// break only when the lead ends its line or has that colon: a line break ends NHS ads' sentences.
func listedPart(text string, toks []token, i int) bool {
	lines := false // a line break crossed: the list must be one of lines after the lead's colon
	for k := i - 1; k >= 0 && k >= i-partListReach; k-- {
		w := toks[k].lower
		lead := 0 // the lead's words
		switch {
		case listLeads[w]:
			lead = 1
		case w == "as" && k > 0 && toks[k-1].lower == "such":
			lead = 2
		case w == "of" && k > 0 && strings.HasPrefix(toks[k-1].lower, "consist"):
			lead = 2
		}
		g := gapKind(text, toks[k].end, toks[k+1].start)
		if lead > 0 {
			colon := strings.TrimSpace(text[toks[k].end:toks[k+1].start]) == ":"
			if g == gapEnd && !colon || lines && !colon && g != gapLine {
				return false
			}
			n := k - lead
			if n < 0 || !partNouns[toks[n].lower] || gapKind(text, toks[n].end, toks[n+1].start) != gapWord {
				return false
			}
			// Teams are listed by their names, capitalised ("teams including Engineering, QA"); in small
			// letters they list work ("teams including implementation of build scripts, continuous
			// integration").
			return toks[n].lower != "teams" || isCapital(text[toks[i].start])
		}
		if g == gapEnd {
			return false
		}
		lines = lines || g == gapLine
	}
	return false
}
