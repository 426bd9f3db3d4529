package extract

import (
	"slices"
	"strings"
	"unicode"

	"jobscope"
	"jobscope/taxonomy"
)

// geoEntry is one gazetteer place under a lookup name.
type geoEntry struct {
	p       *taxonomy.Place
	written string // the name as written, for case-sensitive aliases
	exact   bool   // the alias must match in the case written ("TX", "UK")
}

// geoKey normalises a place name for lookup: lower case, '&' as "and", no dots or apostrophes, hyphens
// as spaces, single spaces.
func geoKey(s string) string {
	return string(trimKey(appendGeoKey(make([]byte, 0, len(s)+4), s)))
}

// appendGeoKey appends s normalised as geoKey does to a key being built, without its final trim; the
// lookups of a text build keys in a stack buffer this way rather than allocating each.
func appendGeoKey(dst []byte, s string) []byte {
	space := len(dst) == 0 || dst[len(dst)-1] == ' '
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			dst = append(dst, c+32)
			space = false
		case c == '.' || c == '\'':
		case c == '&':
			if !space {
				dst = append(dst, ' ')
			}
			dst = append(dst, "and "...)
			space = true
		case c == ' ' || c == '-' || c == '\t' || c == '_':
			if !space {
				dst = append(dst, ' ')
				space = true
			}
		default:
			dst = append(dst, c)
			space = false
		}
	}
	return dst
}

// trimKey drops a key's trailing spaces.
func trimKey(k []byte) []byte {
	for len(k) > 0 && k[len(k)-1] == ' ' {
		k = k[:len(k)-1]
	}
	return k
}

// lookup returns the gazetteer entries of a name, building its key without allocating.
func (e *Extractor) lookup(name string) []geoEntry {
	var buf [keyBuf]byte
	return e.geo[string(trimKey(appendGeoKey(buf[:0], name)))]
}

// keyBuf is the stack buffer for a lookup key; longer names spill to the heap.
const keyBuf = 128

// fields splits s at white space as strings.Fields does, into dst (a stack array's slice) rather than
// a new slice, keeping at most max words.
func fields(dst []string, s string, max int) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				if dst = append(dst, s[start:i]); len(dst) == max {
					return dst
				}
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// phraseTrim is what a phrase looked up in a text is trimmed of.
const phraseTrim = ".!?\"'"

// buildGeo indexes the gazetteer by lookup name, and returns the postcode areas whose districts it
// lists (areas that span regions) and the set of towns known in their state (townKey), from its
// places and its towns (which are not indexed by name).
func buildGeo(places []taxonomy.Place) (map[string][]geoEntry, map[string]bool, map[string]bool) {
	m := make(map[string][]geoEntry, len(places)*2)
	towns := map[string]bool{}
	districtRegions := map[string][]string{} // postcode area -> the regions of its listed districts
	for i := range places {
		p := &places[i]
		if p.Kind == taxonomy.KindTown || p.Kind == taxonomy.KindPlace && (p.Country == "US" || p.Country == "CA") && p.Region != "" {
			towns[townKey(p.Country, p.Region, p.Name)] = true
			if p.Kind == taxonomy.KindTown {
				continue
			}
		}
		names := append([]string{p.Name}, p.Aliases...)
		for _, n := range names {
			exact := strings.HasSuffix(n, "!")
			n = strings.TrimSuffix(n, "!")
			k := geoKey(n)
			if k == "" {
				continue
			}
			if p.Kind == taxonomy.KindPostcode {
				// Postcodes are looked up only as postcodes, so that "CA" is California, not Carlisle.
				k = "#" + k
				if a := postcodeArea(n); a != n {
					districtRegions[a] = append(districtRegions[a], p.Region)
				}
			}
			m[k] = append(m[k], geoEntry{p: p, written: n, exact: exact})
		}
	}
	split := map[string]bool{}
	for a, regions := range districtRegions {
		for _, en := range m["#"+geoKey(a)] {
			for _, r := range regions {
				if r != en.p.Region {
					split[a] = true
				}
			}
		}
	}
	return m, split, towns
}

// townKey is the key of a town in its state or province in the set of known towns.
func townKey(country, region, name string) string {
	return country + "\t" + region + "\t" + geoKey(name)
}

// geoMatch is a name found in a location text.
type geoMatch struct {
	seg     int
	pos     int // the word it starts at in its segment
	entries []geoEntry
	whole   bool   // the match is a whole segment
	text    string // as written
}

var kindOrder = map[string]int{taxonomy.KindPlace: 6, taxonomy.KindDistrict: 5, taxonomy.KindPostcode: 4,
	taxonomy.KindCounty: 3, taxonomy.KindRegion: 2, taxonomy.KindNation: 1, taxonomy.KindCountry: 0}

// ParseLocation reads a location text ("Dorking, Surrey", "Bartle, Preston, PR4 0HB", "Remote, UK",
// "Austin, TX", "Hybrid (2 days London)") into a Location on the ONS region ladder (GB) or by state
// (US). It returns ok false when it recognises nothing.
func (e *Extractor) ParseLocation(text string) (loc jobscope.Location, ok bool) {
	return e.parseLocation(text, false)
}

func (e *Extractor) parseLocation(text string, strict bool) (jobscope.Location, bool) {
	var loc jobscope.Location
	lower := strings.ToLower(text)
	remote := (hasWord(lower, "remote") || strings.Contains(lower, "work from home") || strings.Contains(lower, "home based") ||
		strings.Contains(lower, "home-based") || strings.Contains(lower, "homebased") || hasWord(lower, "wfh") ||
		hasWord(lower, "anywhere")) && !strings.Contains(lower, "hybrid") && !strings.Contains(lower, "onsite") && !strings.Contains(lower, "on-site")
	if !strict {
		loc.Remote = remote
	}

	var matches []geoMatch
	segs := e.splitSegments(text, strict)
	for si, seg := range segs {
		mode := modeField
		if strict {
			mode = modeShort
			if !strictSegment(seg) {
				mode = modeProse
			}
		}
		// "Cambridge, USA", "Toronto (Canada)", "Wellington, NZ": a country right after a town
		// restricts the town to that country, whatever larger town elsewhere shares its name.
		country, code := "", false
		if si+1 < len(segs) {
			country, code = e.qualifier(text, seg, segs[si+1])
		}
		n := len(matches)
		matches = e.matchSegment(seg, si, mode, country, matches)
		if code && len(matches) > n {
			// A country's code is a match only after a town of that country, not in "Engineer, IT".
			matches = append(matches, geoMatch{seg: si + 1, entries: e.countries[country], whole: true, text: segs[si+1]})
		}
	}
	// postcodes
	var postRegion string
	if pc := findPostcode(text); pc != "" {
		// A district we know settles the region; an area ("HP") only hints at it, for areas cross
		// region borders.
		ents := e.geo["#"+geoKey(pc)]
		if len(ents) > 0 {
			postRegion = ents[0].p.Region
		} else {
			area := postcodeArea(pc)
			ents = e.geo["#"+geoKey(area)]
			if len(ents) > 0 && !e.splitAreas[area] {
				// An area whose districts the gazetteer does not list lies in one region.
				postRegion = ents[0].p.Region
			}
		}
		if len(ents) > 0 {
			matches = append(matches, geoMatch{seg: len(segs), entries: ents, whole: true, text: pc})
		}
	}

	// "Rochester, NY", "Portland, ME": a town followed by a US state names that state's town, whatever
	// else the state's letters could be (NY the city, ME the Medway postcode area) and whatever larger
	// town elsewhere shares the name.
	if l, ok := e.townInState(text, segs, postRegion, strict); ok {
		l.Remote = loc.Remote
		return l, true
	}

	if len(matches) == 0 {
		return loc, false
	}

	// Hints: what unambiguous matches say about country, region and county.
	h := hints{postRegion: postRegion, local: strict}
	// Broad names first: a state code settles the country before a county of the same name as a
	// GB one ("Highland, CA") can.
	for k := 0; k <= kindOrder[taxonomy.KindDistrict]; k++ {
		for _, m := range matches {
			if p := m.entries[0].p; p.Kind != taxonomy.KindPlace && kindOrder[p.Kind] == k && (len(m.entries) == 1 || allSameRegion(m.entries)) {
				h.add(p, m.seg, m.whole)
			}
		}
	}
	// The most specific match, earliest first.
	best, bestScore := (*taxonomy.Place)(nil), -1<<30
	for _, m := range matches {
		for _, en := range m.entries {
			p := en.p
			s := kindOrder[p.Kind]*1000 + h.score(p, m.seg) + p.Rank*3 - m.seg*5
			if strict {
				// A title or first line naming several places names the main one first; but a place
				// that starts a longer first segment is most often the company's name ("Alva
				// Technologies | Oslo, Norway"), and so is a small town that is the whole first
				// segment when a later one names a place ("Braintree -- Chicago, San Francisco").
				s -= m.seg*400 + m.pos*10
				if m.seg == 0 && m.pos == 0 && len(segs) > 1 && (!m.whole || p.Kind == taxonomy.KindPlace && !wellKnown(p)) {
					s -= 2000
				}
			}
			if m.whole && strict {
				s += 100
			} else if m.whole {
				s += 500
			}
			// A place the county, region or postcode named beside it supports is meant, whatever
			// else shares its name ("Newport, Isle of Wight", "St Leonards On Sea, East Sussex").
			supported := p.Kind == taxonomy.KindPlace && h.supports(p)
			if p.Kind == taxonomy.KindPlace && p.Rank < 8 && hasAreaEntry(m.entries) && !supported {
				s -= 6000 // "Wales" is the nation, not the village near Sheffield
			}
			if p.Kind == taxonomy.KindPlace && !m.whole && p.Rank < 2 && !supported {
				s -= 3000 // a village named inside a longer phrase
			}
			if p.Kind == taxonomy.KindCounty && m.whole && h.region != "" && h.region != p.Region {
				s -= 500
			}
			if s > bestScore {
				best, bestScore = p, s
			}
		}
	}
	if best == nil {
		return loc, false
	}
	loc.Country = jobscope.NullString(best.Country)
	loc.Nation = jobscope.NullString(best.Nation)
	loc.Region = jobscope.NullString(best.Region)
	switch best.Kind {
	case taxonomy.KindPlace:
		loc.Place = jobscope.NullString(best.Name)
		loc.County = jobscope.NullString(best.County)
	case taxonomy.KindDistrict, taxonomy.KindCounty:
		loc.County = jobscope.NullString(best.County)
		if best.County == "" {
			loc.County = jobscope.NullString(best.Name)
		}
	}
	// "Grand Rapids, Michigan", "Linthicum, MD": the state is known, the town is not in the gazetteer.
	if best.Kind == taxonomy.KindRegion && best.Country == "US" {
		for si, seg := range segs {
			seg = strings.TrimSpace(seg)
			if si+1 < len(segs) && looksLikeTown(seg) && !strictStop[strings.ToLower(seg)] && e.isState(segs[si+1]) {
				loc.Place = jobscope.NullString(seg)
				break
			}
		}
	}
	return loc, true
}

// townInState reads the pattern "Town, State" (a US state's or Canadian province's code or name right
// after a town): the town in that state from the gazetteer, or, for a town it does not know, the state
// with the town as written. ok is false when the text has no such pair, or a GB postcode district
// settles it otherwise.
func (e *Extractor) townInState(text string, segs []string, postRegion string, strict bool) (jobscope.Location, bool) {
	if postRegion != "" {
		return jobscope.Location{}, false
	}
	for si := 1; si < len(segs); si++ {
		state := e.stateOf(segs[si], true)
		known := false // the town must be one the gazetteer knows in that state
		if state == nil {
			// A code written in title case ("Palo Alto, Ca.", "Richmond, Va") counts only after a town
			// of that state.
			if c := strings.TrimSuffix(strings.TrimSpace(segs[si]), "."); len(c) == 2 && isUpper(c[0]) && c[1] >= 'a' && c[1] <= 'z' {
				state, known = e.stateOf(strings.ToUpper(c), false), true
			}
			if state == nil {
				continue
			}
		}
		// The town is the end of the segment before: all of it, or its last capitalised words
		// ("openings in Cambridge, MA").
		words := strings.Fields(segs[si-1])
		first := len(words)
		for first > 0 && len(words)-first < 4 && isCapitalised(words[first-1]) {
			first--
		}
		for i := first; i < len(words); i++ {
			key := geoKey(strings.Join(words[i:], " "))
			for _, en := range e.geo[key] {
				if p := en.p; p.Kind == taxonomy.KindPlace && p.Country == state.Country && (p.Region == state.Region || p.Region == "") {
					return jobscope.Location{Country: jobscope.NullString(p.Country), Region: jobscope.NullString(state.Region),
						County: jobscope.NullString(p.County), Place: jobscope.NullString(p.Name)}, true
				}
			}
		}
		// A code that is also a country's ("Toronto, CA", "Berlin, DE", "Bangalore, IN") after a town
		// the gazetteer knows in that country and not in the state is the country.
		if code := strings.TrimSpace(segs[si]); len(code) == 2 && code == strings.ToUpper(code) && e.countries[code] != nil {
			if p := e.townOf(words[first:], code); p != nil {
				return placeLocation(p), true
			}
		}
		town, st := strings.TrimSpace(segs[si-1]), strings.TrimSpace(segs[si])
		if known || !looksLikeTown(town) || e.stateOf(town, false) != nil || strictStop[strings.ToLower(town)] || !qualifies(text, town, st) {
			continue
		}
		// A big place elsewhere before a state written in full that has no town of its name is a
		// list of two places ("San Francisco, New Jersey", "London, New York").
		if e.listedState(town, st, strict) {
			continue
		}
		// A town of that state the gazetteer lists only as a town ("Wakefield, Massachusetts", "Dublin,
		// Ohio"), all the segment before, past a comma or bracket, is a pair even in a list.
		if e.knownTown(state.Country, state.Region, town) {
			return jobscope.Location{Country: jobscope.NullString(state.Country), Region: jobscope.NullString(state.Region),
				Place: jobscope.NullString(town)}, true
		}
		// A town the gazetteer does not know, when it is all the segment before and the state all the
		// segment after, past a comma or bracket ("Linthicum, MD", "Hamilton, Ontario", not "Sophia
		// Antipolis or Québec"), unless the town is an abbreviation or the state, in a title, also a
		// big place, as in a list "SF, LA, London" or "Chicago, New York".
		if !e.abbreviation(town) && !(strict && e.bigPlace(st)) {
			return jobscope.Location{Country: jobscope.NullString(state.Country), Region: jobscope.NullString(state.Region),
				Place: jobscope.NullString(town)}, true
		}
	}
	// "Burlington MA", "Houston TX USA": a town the gazetteer knows in that state and its code with no
	// comma, the code ending the segment or followed by the country.
	for _, seg := range segs {
		var wbuf [8]string
		words := fields(wbuf[:0], seg, 8)
		n := len(words)
		if n > 1 && (words[n-1] == "USA" || words[n-1] == "US") {
			n--
		}
		if n < 2 || n > 5 {
			continue
		}
		code := strings.TrimSuffix(words[n-1], ".")
		if len(code) != 2 || codeWords[code] {
			continue
		}
		state := e.stateOf(code, false)
		if state == nil {
			continue
		}
		for i := max(0, n-4); i < n-1; i++ {
			for _, en := range e.lookup(strings.Join(words[i:n-1], " ")) {
				if p := en.p; p.Kind == taxonomy.KindPlace && p.Country == state.Country && p.Region == state.Region {
					return jobscope.Location{Country: jobscope.NullString(p.Country), Region: jobscope.NullString(state.Region),
						County: jobscope.NullString(p.County), Place: jobscope.NullString(p.Name)}, true
				}
			}
		}
	}
	return jobscope.Location{}, false
}

// listedState reports whether town and state, two segments in a row, are two places of a list rather
// than a town in its state: the state written in full ("New Jersey", "New York", not "NJ"), the
// town a big place elsewhere ("San Francisco, New Jersey", "London, New York") that the gazetteer's
// places do not have in that state (not "Rochester, New York"), nor its towns (not "Portland,
// Maine", "Paris, Texas") unless, in a title (strict), the state is also a big place, where a list
// ("Boston, New York", "Amsterdam, New York") is likelier than a small town of that name.
func (e *Extractor) listedState(town, state string, strict bool) bool {
	st := e.stateOf(state, false)
	if st == nil || len(state) <= 3 || !e.bigPlace(town) {
		return false
	}
	for _, en := range e.lookup(town) {
		if p := en.p; p.Kind == taxonomy.KindPlace && p.Country == st.Country && (p.Region == st.Region || p.Region == "") {
			return false
		}
	}
	return strict && e.bigPlace(state) || !e.knownTown(st.Country, st.Region, town)
}

// knownTown reports whether the gazetteer's places or the taxonomy's towns have town in that state or
// province.
func (e *Extractor) knownTown(country, region, town string) bool {
	k := townKey(country, region, town)
	return e.towns[k] || e.moreTowns()[k]
}

// qualifier returns the country that segment next names, in full or by its ISO code in capitals, when
// it qualifies segment prev in text ("Cambridge, USA", "Toronto (Canada)", "Berlin, DE"), and whether
// it is a code; else "".
func (e *Extractor) qualifier(text, prev, next string) (string, bool) {
	next = strings.TrimSpace(next)
	if len(next) > e.countryLen+1 { // a segment of prose, not a country (its name and a full stop)
		return "", false
	}
	country, code := e.countryOf(next), false
	if country == "" && len(next) == 2 && isUpper(next[0]) && isUpper(next[1]) && e.countries[next] != nil {
		country, code = next, true
	}
	if country == "" || e.countryOf(prev) != "" || e.cityState(next, country) || !qualifies(text, strings.TrimSpace(prev), next) {
		// Not a list of countries ("Canada, US, UK"), nor a city that is a country ("Tel Aviv, San
		// Francisco, Singapore").
		return "", false
	}
	return country, code
}

// cityState reports whether name is also a city of its country ("Singapore", "Hong Kong").
func (e *Extractor) cityState(name, country string) bool {
	for _, en := range e.lookup(name) {
		if en.p.Kind == taxonomy.KindPlace && en.p.Country == country {
			return true
		}
	}
	return false
}

// qualifies reports whether segment next follows segment prev in text after a comma or an opening
// bracket ("Cambridge, USA", "Toronto (Canada)"), as a qualifier rather than the next of a list ("SF
// or Singapore", "London / Berlin").
func qualifies(text, prev, next string) bool {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], prev)
		if i < 0 {
			return false
		}
		rest := strings.TrimLeft(text[from+i+len(prev):], " ")
		if rest != "" && (rest[0] == ',' || rest[0] == '(') && strings.HasPrefix(strings.TrimLeft(rest[1:], " "), next) {
			return true
		}
		from += i + len(prev)
	}
	return false
}

// townOf returns the largest place in country named by the words or their last words ("openings in
// Cambridge" gives Cambridge), longest name first, or nil.
func (e *Extractor) townOf(words []string, country string) *taxonomy.Place {
	for i := 0; i < len(words); i++ {
		name := strings.Join(words[i:], " ")
		var best *taxonomy.Place
		for _, en := range e.lookup(name) {
			if p := en.p; p.Kind == taxonomy.KindPlace && p.Country == country && (!en.exact || en.written == name) && (best == nil || p.Rank > best.Rank) {
				best = p
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// placeLocation is the location of a gazetteer place.
func placeLocation(p *taxonomy.Place) jobscope.Location {
	return jobscope.Location{Country: jobscope.NullString(p.Country), Nation: jobscope.NullString(p.Nation),
		Region: jobscope.NullString(p.Region), County: jobscope.NullString(p.County), Place: jobscope.NullString(p.Name)}
}

// codeWords are state and province codes that are also words or abbreviations of other things.
var codeWords = map[string]bool{"ON": true, "OR": true, "IN": true, "OK": true, "ME": true, "HI": true, "LA": true,
	"DC": true, "AS": true, "MD": true, "PA": true, "CO": true, "DE": true, "GA": true}

// bigPlace reports whether the gazetteer knows a well-known place of this name ("New York", "LA").
func (e *Extractor) bigPlace(name string) bool {
	for _, en := range e.lookup(name) {
		if en.p.Kind == taxonomy.KindPlace && en.p.Rank >= 5 && (!en.exact || en.written == name) {
			return true
		}
	}
	return false
}

// abbreviation reports whether name is a place's abbreviation that matches only as written ("SF", "LA").
func (e *Extractor) abbreviation(name string) bool {
	for _, en := range e.lookup(name) {
		if en.p.Kind == taxonomy.KindPlace && en.exact && en.written == name {
			return true
		}
	}
	return false
}

// stateOf returns the US state or Canadian province a segment names by its code or its full name, or nil.
// loose also reads a code that starts a longer segment ("Cleveland, OH ONSITE", "in Cambridge, MA. If
// you"), unless it is also a word ("ON SITE", "OK").
func (e *Extractor) stateOf(seg string, loose bool) *taxonomy.Place {
	seg = strings.TrimSuffix(strings.TrimSpace(seg), ".")
	if loose && len(seg) > 3 && isUpper(seg[0]) && isUpper(seg[1]) && seg[2] == ' ' {
		// A code followed by its own country ("Bloomington, IN USA", "Toronto, ON Canada") is the
		// state even when the code is also a word.
		if st := e.stateOf(seg[:2], false); st != nil && e.countryOf(seg[3:]) == st.Country {
			return st
		}
	}
	if loose && len(seg) > 3 && isUpper(seg[0]) && isUpper(seg[1]) && (seg[2] == '.' || seg[2] == ' ' && !codeWords[seg[:2]]) {
		seg = seg[:2]
	}
	for _, en := range e.lookup(seg) {
		if en.p.Kind == taxonomy.KindRegion && (en.p.Country == "US" || en.p.Country == "CA") && (!en.exact || en.written == seg) {
			return en.p
		}
	}
	return nil
}

// countryOf returns the ISO code of the country a segment names in full ("USA", "United Kingdom",
// "Canada"), or "".
func (e *Extractor) countryOf(seg string) string {
	seg = strings.TrimSuffix(strings.TrimSpace(seg), ".")
	for _, en := range e.lookup(seg) {
		if en.p.Kind == taxonomy.KindCountry && (!en.exact || en.written == seg) {
			return en.p.Country
		}
	}
	return ""
}

func (e *Extractor) isState(seg string) bool {
	for _, en := range e.lookup(strings.TrimSpace(seg)) {
		if en.p.Kind == taxonomy.KindRegion && en.p.Country == "US" {
			return true
		}
	}
	return false
}

func looksLikeTown(s string) bool {
	if len(s) < 2 || len(s) > 30 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '.' || c == '-' || c == '\'') {
			return false
		}
	}
	return true
}

func hasAreaEntry(ents []geoEntry) bool {
	for _, en := range ents {
		if en.p.Kind != taxonomy.KindPlace {
			return true
		}
	}
	return false
}

func allSameRegion(ents []geoEntry) bool {
	for _, en := range ents[1:] {
		if en.p.Region != ents[0].p.Region || en.p.Country != ents[0].p.Country {
			return false
		}
	}
	return true
}

// hints are what a location text says for sure.
type hints struct {
	country, nation, region, county string
	postRegion                      string // the region of a postcode in the text, which outranks names
	// local marks a title or first line, which may name places in several countries ("San Francisco,
	// Atlanta and Sheffield UK"): there a country rules out places only in its own or the segment
	// before, countrySeg.
	local      bool
	countrySeg int
	// countryNamed marks, in a location field, the one country named as a segment of its own ("Lake
	// Crystal, USA") rather than implied by a state or county, inside a name ("Denmark Hill") or in a
	// list of countries: a place elsewhere is then not meant at all.
	countryNamed bool
}

func (h *hints) add(p *taxonomy.Place, seg int, whole bool) {
	if p.Country != "" && h.country == "" {
		h.country, h.countrySeg, h.countryNamed = p.Country, seg, p.Kind == taxonomy.KindCountry && whole && !h.local
	} else if p.Kind == taxonomy.KindCountry && p.Country != h.country {
		h.countryNamed = false // a list of countries ("Geneva, Prague, Macedonia, Lithuania")
	}
	if p.Nation != "" && h.nation == "" {
		h.nation = p.Nation
	}
	if p.Region != "" && h.region == "" && p.Kind != taxonomy.KindPlace {
		h.region = p.Region
	}
	if p.Kind == taxonomy.KindCounty || p.Kind == taxonomy.KindDistrict {
		if h.county == "" {
			h.county = p.County
			if h.county == "" {
				h.county = p.Name
			}
		}
	}
}

// supports reports whether the hints name the county or postcode region a place lies in, or, for a
// town rather than a village, its region.
func (h *hints) supports(p *taxonomy.Place) bool {
	if h.postRegion != "" {
		return p.Region == h.postRegion
	}
	return h.county != "" && h.countyMatch(p) || h.region != "" && p.Region == h.region && p.Rank >= townRank
}

// townRank is the least rank of a town (an OS Strategi town, a major town or a hand-listed place)
// rather than a village, whose name is too often shared.
const townRank = 4

// countyMatch reports whether a place lies in the county the hints name.
func (h *hints) countyMatch(p *taxonomy.Place) bool {
	return p.County != "" && (p.County == h.county || strings.HasPrefix(p.County, h.county) || strings.HasPrefix(h.county, p.County))
}

// londonPostal reports whether a London place is named with the home county its postal address still
// carries ("Barking, Essex", "Wallington, Surrey"): as good a sign as its region would be.
func (h *hints) londonPostal(p *taxonomy.Place) bool {
	return p.County == "Greater London" && londonPostalCounty[h.county]
}

// londonPostalCounty are the home counties whose names postal addresses in outer London still carry.
var londonPostalCounty = map[string]bool{"Essex": true, "Kent": true, "Surrey": true, "Middlesex": true, "Hertfordshire": true}

// score rates how well a candidate in segment seg agrees with the hints.
func (h *hints) score(p *taxonomy.Place, seg int) int {
	s := 0
	if h.country != "" && (!h.local || seg == h.countrySeg || seg+1 == h.countrySeg) {
		if p.Country == h.country {
			s += 200
		} else if p.Country != "" {
			s -= 5000
			if h.countryNamed {
				s -= 5000
			}
		}
	}
	if h.postRegion != "" && p.Kind != taxonomy.KindPostcode && p.Region != h.postRegion {
		s -= 2500
	}
	if h.region != "" && p.Region == h.region {
		s += 150
	}
	if h.nation != "" && p.Nation == h.nation {
		s += 50
	}
	if h.county != "" && h.countyMatch(p) {
		s += 300
	} else if h.londonPostal(p) {
		s += 150
	}
	return s
}

// splitSegments cuts a location text at commas, pipes, brackets, slashes and dashes; a title or first
// line (strict) also at the words that join places ("SF or NYC", "Boston, MA and Pasadena, CA") and
// at full stops between places ("Chicago. New York City. Sunnyvale.").
func (e *Extractor) splitSegments(s string, strict bool) []string {
	f := func(r rune) bool {
		switch r {
		case ',', '|', ';', '(', ')', '/', '\n', '[', ']', '–', '—', ':', '•':
			return true
		}
		return false
	}
	parts := strings.FieldsFunc(s, f)
	var out []string
	for _, p := range parts {
		for _, q := range strings.Split(p, " - ") {
			if !strict {
				if q = strings.TrimSpace(q); q != "" {
					out = append(out, q)
				}
				continue
			}
			out = e.appendSentences(out, q)
		}
	}
	return out
}

// appendSentences appends the parts of q between placeJoins words, cut first at each full stop and
// space ("Chicago. New York City") that ends a capitalised word of three letters or more with no
// dot inside (not "St. Louis", "Ft. Lauderdale", "Washington D.C. Remote", "U.S. Citizens") and
// is followed by a place's whole name, so that a sentence that only starts with a place ("London.
// Full-time. Relocation offered") stays as it is.
func (e *Extractor) appendSentences(out []string, q string) []string {
	start := 0
	for from := 0; ; {
		i := strings.Index(q[from:], ". ")
		if i < 0 {
			break
		}
		i += from
		from = i + 2
		if word := q[strings.LastIndexByte(q[:i], ' ')+1 : i]; len(word) < 3 || !isUpper(word[0]) || strings.Contains(word, ".") {
			continue // an abbreviation ("St. Louis", "D.C. Remote"), or no capitalised word
		}
		next := q[from:]
		if j := strings.Index(next, ". "); j >= 0 {
			next = next[:j]
		}
		if parts := appendJoined(nil, strings.TrimRight(next, ".")); len(parts) == 0 || !e.placeName(parts[0]) {
			continue
		}
		out = appendJoined(out, q[start:i])
		start = from
	}
	return appendJoined(out, q[start:])
}

// placeName reports whether s as a whole names a place, region or country that a title may name
// ("Sunnyvale", "New York City"), as a short segment of a title would be read.
func (e *Extractor) placeName(s string) bool {
	s = strings.TrimSpace(s)
	return len(e.filterCase(e.lookup(s), s, modeShort, true, "")) > 0
}

// placeJoins are the words between places in a title ("SF or NYC", "London & Berlin").
var placeJoins = []string{" or ", " and ", " & ", " + ", " -- ", " OR ", " AND ", " Or ", " And "}

// appendJoined appends the parts of q between placeJoins words.
func appendJoined(out []string, q string) []string {
	q = strings.TrimSpace(q) // so that the code in "Portland, OR and Austin" is no join
	for {
		cut := -1
		n := 0
		for _, j := range placeJoins {
			if i := strings.Index(q, j); i >= 0 && (cut < 0 || i < cut) {
				cut, n = i, len(j)
			}
		}
		if cut < 0 {
			break
		}
		if p := strings.TrimSpace(q[:cut]); p != "" {
			out = append(out, p)
		}
		q = q[cut+n:]
	}
	if q = strings.TrimSpace(q); q != "" {
		out = appendHyphened(out, q)
	}
	return out
}

// appendHyphened appends the parts of q cut at hyphens that join words without spaces before a
// capital ("Expensify-San Francisco, CA-Fulltime", "Appboy-Mobile Developers-New York"), but not those
// inside a town's name ("Stoke-on-Trent", "Weston-super-Mare").
func appendHyphened(out []string, q string) []string {
	start := 0
	for i := 1; i+1 < len(q); i++ {
		if q[i] != '-' || !isUpper(q[i+1]) || !isLetter(q[i-1]) && q[i-1] != '.' {
			continue
		}
		if j := strings.LastIndexAny(q[:i], " -"); j >= 0 && q[j] == '-' && !isUpper(q[j+1]) {
			continue // the small word of "Stoke-on-Trent"
		}
		if k := i + 2; k < len(q) && isUpper(q[k]) {
			continue // a word in capitals: "ON-SITE", "FULL-TIME"
		}
		if p := strings.TrimSpace(q[start:i]); p != "" {
			out = append(out, p)
		}
		start = i + 1
	}
	if p := strings.TrimSpace(q[start:]); p != "" {
		out = append(out, p)
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// matchMode says how much a text's names are trusted: a location field's, a short segment of a title
// or first line ("Acme | Berlin | Remote"), or a longer phrase there, where only well-known places count.
type matchMode int

const (
	modeField matchMode = iota
	modeShort
	modeProse
)

// matchSegment finds gazetteer names in one segment: the whole segment, else its longest word runs.
// country, when not "", is the country named right after the segment: the name that ends the segment
// must lie in it.
func (e *Extractor) matchSegment(seg string, si int, mode matchMode, country string, out []geoMatch) []geoMatch {
	if mode != modeProse {
		if ents := e.filterCase(e.lookup(seg), seg, mode, true, country); len(ents) > 0 {
			return append(out, geoMatch{seg: si, entries: ents, whole: true, text: seg})
		}
	}
	maxWords := 12
	if mode == modeProse {
		maxWords = 40
	}
	var wbuf [40]string
	words := fields(wbuf[:0], seg, maxWords)
	for k, w := range words {
		if n := len(w) - len("-based"); n > 0 && strings.EqualFold(w[n:], "-based") {
			words[k] = w[:n] // "San Francisco-based", "NYC-based"
		} else if n := len(w) - len("'s"); n > 0 && w[n:] == "'s" {
			words[k] = w[:n] // "San Francisco's Mission District"
		} else if n := len(w) - len("’s"); n > 0 && w[n:] == "’s" {
			words[k] = w[:n]
		}
	}
	prevEnd := -1 // the word after the last place matched
	for i := 0; i < len(words); {
		found := 0
		// Only names whose first word is the first word of a gazetteer name are looked up, and no
		// longer than the longest such name.
		longest := 0
		var kbuf [keyBuf]byte
		if first := trimKey(appendGeoKey(kbuf[:0], strings.Trim(words[i], phraseTrim))); len(first) > 0 {
			if j := slices.Index(first, ' '); j >= 0 {
				first = first[:j]
			}
			longest = int(e.geoFirst[string(first)])
		}
		for n := min(5, len(words)-i, longest); n >= 1; n-- {
			// The key of the words joined and trimmed, built without joining them.
			k := kbuf[:0]
			for w := i; w < i+n; w++ {
				word := words[w]
				if w == i {
					word = strings.TrimLeft(word, phraseTrim)
				}
				if w == i+n-1 {
					word = strings.TrimRight(word, phraseTrim)
				}
				if len(k) > 0 && k[len(k)-1] != ' ' {
					k = append(k, ' ')
				}
				k = appendGeoKey(k, word)
			}
			ents := e.geo[string(trimKey(k))]
			if len(ents) == 0 {
				continue
			}
			phrase := strings.Trim(strings.Join(words[i:i+n], " "), phraseTrim)
			q := "" // the country after the segment qualifies only the name that ends it
			if i+n == len(words) {
				q = country
			}
			if ents := e.filterCase(ents, phrase, mode, i == prevEnd, q); len(ents) > 0 {
				if mode != modeField || len(phrase) >= 3 && isCapitalised(phrase) || n > 1 {
					out = append(out, geoMatch{seg: si, pos: i, entries: ents, text: phrase})
					found = n
					if hasKind(ents, taxonomy.KindPlace) {
						prevEnd = i + n
					}
					break
				}
			}
		}
		if found == 0 {
			found = 1
		}
		i += found
	}
	return out
}

func isCapitalised(s string) bool { return s != "" && (s[0] < 'a' || s[0] > 'z') }

// filterCase drops aliases that must match in their own case and do not, and, in a title or first line,
// names that are small places or not capitalised. lead is whether the name is its segment's whole
// text or follows a place. country, when not "", is the country named right after the name: only
// its places count, and there any capitalised town does, however small ("Cambridge, USA").
func (e *Extractor) filterCase(ents []geoEntry, written string, mode matchMode, lead bool, country string) []geoEntry {
	if len(ents) == 0 {
		return nil
	}
	keep := func(en geoEntry) bool {
		switch {
		case en.exact && en.written != written, country != "" && en.p.Country != country:
			return false
		case mode == modeField, country != "" && en.p.Kind == taxonomy.KindPlace && isCapitalised(written):
			return true
		}
		return keepStrict(en, written, mode, lead)
	}
	ok := true
	for _, en := range ents {
		if !keep(en) {
			ok = false
			break
		}
	}
	if ok {
		return ents
	}
	var out []geoEntry
	for _, en := range ents {
		if keep(en) {
			out = append(out, en)
		}
	}
	return out
}

// keepStrict reports whether a name in a title or first line counts: a well-known place, or an area
// named in full. In a longer phrase a place must be a big one. A code ("CA", "OK") must be a segment
// of its own or follow a place, as in "Austin, TX" or "Mountain View CA", not "Remote OK" or "ON SITE".
func keepStrict(en geoEntry, written string, mode matchMode, lead bool) bool {
	if !isCapitalised(written) || strictStop[strings.ToLower(written)] {
		return false
	}
	switch en.p.Kind {
	case taxonomy.KindPlace:
		if mode == modeProse {
			return wellKnown(en.p)
		}
		return en.p.Rank >= 5
	case taxonomy.KindDistrict, taxonomy.KindPostcode:
		return false
	}
	if en.exact && len(en.written) <= 3 && en.p.Kind != taxonomy.KindPlace {
		return lead
	}
	return true
}

// wellKnown reports whether a place is one a phrase may name in passing: a GB city or major town, or
// a city the hand-made gazetteer lists elsewhere, not a GB town or village as "Braintree" or "Church".
func wellKnown(p *taxonomy.Place) bool {
	return p.Rank >= 8 || p.Country != "GB" && p.Rank >= 5
}

func hasKind(ents []geoEntry, kind string) bool {
	for _, en := range ents {
		if en.p.Kind == kind {
			return true
		}
	}
	return false
}

// strictStop are place names that are also common words in ad titles and first lines.
var strictStop = map[string]bool{"street": true, "march": true, "deal": true, "sale": true, "hope": true, "ware": true,
	"wells": true, "normal": true, "enterprise": true, "victoria": true, "waterloo": true, "remote": true,
	"mobile": true, "bank": true, "eu": true, "europe": true, "america": true, "us": true, "orange": true,
	"phoenix": true, "java": true, "cambridge": false, "jersey": true, "georgia": true, "reading": true,
	"washington": true, "richmond": true, "columbus": true, "temple": true, "bristol": false, "ireland": false}

// strictSegment reports whether a segment of a title or first line is short enough to be a location.
func strictSegment(seg string) bool {
	return len(strings.Fields(seg)) <= 4
}

// findPostcode returns the outward code of the first full UK postcode in s ("PR4 0HB" -> "PR4"), or
// an outward code that is a whole segment of its own.
func findPostcode(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '(' || r == ')' || r == '|' })
	for i, w := range words {
		if isOutward(w) {
			if i+1 < len(words) && isInward(words[i+1]) {
				return w
			}
			if len(words) == 1 || i == len(words)-1 && len(w) >= 3 {
				return w
			}
		}
		if len(w) >= 5 && len(w) <= 7 && isInward(w[len(w)-3:]) && isOutward(w[:len(w)-3]) {
			return w[:len(w)-3]
		}
	}
	return ""
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isOutward matches A9, A99, AA9, AA99, A9A, AA9A.
func isOutward(w string) bool {
	n := len(w)
	if n < 2 || n > 4 || !isUpper(w[0]) {
		return false
	}
	i := 1
	if isUpper(w[1]) {
		i = 2
	}
	if i >= n || !isDigit(w[i]) {
		return false
	}
	i++
	if i < n && (isDigit(w[i]) || isUpper(w[i])) {
		i++
	}
	return i == n
}

func isInward(w string) bool {
	return len(w) == 3 && isDigit(w[0]) && isUpper(w[1]) && isUpper(w[2])
}

func postcodeArea(outward string) string {
	i := 0
	for i < len(outward) && isUpper(outward[i]) {
		i++
	}
	return outward[:i]
}

// locationFromText looks for a location where an ad has no location field: after "Location:", in the
// title and the description's first lines, split at "|", " - " and commas ("Acme | Berlin | Remote"),
// and after the words that introduce an office ("based in", "offices in") further on. Only well-known
// places count there. lowerDesc is lowerASCII(desc).
func (e *Extractor) locationFromText(title, desc, lowerDesc string) (jobscope.Location, bool) {
	lower := lowerDesc[:min(len(lowerDesc), 3000)]
	if i := labelIndex(lower, "location:"); i >= 0 {
		rest := desc[i+len("location:"):]
		if j := strings.IndexAny(rest, "\n."); j >= 0 {
			rest = rest[:j]
		}
		if len(rest) < 80 {
			if loc, ok := e.parseLocation(rest, false); ok && loc.Country != "" {
				return loc, true
			}
		}
	}
	// A heading that names only a country ("U.S. only", "Remote, USA") is kept while the next lines
	// of the heading are read for a town or state in it ("20spokes - Chicago,IL").
	var coarse jobscope.Location
	haveCoarse := false
	if loc, ok := e.parseLocation(title, true); ok {
		if !countryOnly(loc) {
			return loc, true
		}
		coarse, haveCoarse = loc, true
	}
	// The first lines: a post's heading often runs over two or three ("Helpshift\nSan Francisco, CA").
	rest := desc[:min(len(desc), firstLinesLen)]
	for n := 0; n < firstLines && rest != ""; n++ {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		if strings.TrimSpace(line) == "" {
			n--
			continue
		}
		if line = line[:min(len(line), 200)]; line == title {
			continue // a post whose first line is its title (HN): read already
		}
		loc, ok := e.parseLocation(line, true)
		switch {
		case !ok:
		case !haveCoarse && countryOnly(loc):
			coarse, haveCoarse = loc, true
		case !haveCoarse || !countryOnly(loc) && loc.Country == coarse.Country && len(line) < refineLineLen:
			// A town in a sentence after the heading ("I live in Canberra", "we have developers in
			// Cape Town") is no refinement of the heading's country.
			return loc, true
		}
	}
	if haveCoarse {
		return coarse, true
	}
	// Further on, the first "Town, ST" (a US state's or Canadian province's code after a town).
	if loc, ok := e.townStateInText(desc[:min(len(desc), 3000)]); ok {
		return loc, true
	}
	// Then the place named after the words that introduce an office, or before "-based" ("our
	// NY-based team"), earliest first.
	based, basedAt, basedOK := e.basedPlaceInText(desc[:len(lower)], lower)
	for _, start := range officeCueEnds(lower) {
		if start < 0 {
			break
		}
		if basedOK && basedAt < start {
			return based, true
		}
		phrase := desc[start:min(len(desc), start+80)]
		if i := strings.IndexAny(phrase, "\n!?;"); i >= 0 {
			phrase = phrase[:i]
		}
		if i := strings.Index(phrase, ". "); i >= 0 {
			phrase = phrase[:i] // the sentence's end, not "St. Louis"
		}
		if loc, ok := e.parseLocation(phrase, true); ok && loc.Country != "" {
			return loc, true
		}
	}
	if basedOK {
		return based, true
	}
	return jobscope.Location{}, false
}

// basedPlaceInText finds the first place named right before "-based" in running text ("our
// NY-based team", "a San Francisco-based startup") and where its name starts: the capitalised words
// joined to the suffix, at most three, of which the longest run that is a place's whole name, a
// well-known one (not "web-based", "cloud-based", "Java-based", nor a village). lower is
// lowerASCII(text).
func (e *Extractor) basedPlaceInText(text, lower string) (jobscope.Location, int, bool) {
	for from := 0; ; {
		i := strings.Index(lower[from:], "-based")
		if i < 0 {
			return jobscope.Location{}, 0, false
		}
		i += from
		from = i + len("-based")
		if i == 0 || !isLetter(text[i-1]) || from < len(text) && isLetter(text[from]) {
			continue
		}
		start := max(0, i-40)
		if k := strings.LastIndexAny(text[start:i], ".,;:!?()\"\n"); k >= 0 {
			start += k + 1
		}
		var wbuf [12]string
		words := fields(wbuf[:0], text[start:i], len(wbuf))
		if len(words) == 0 || strings.HasSuffix(text[start:i], " ") {
			continue
		}
		first := len(words)
		for first > 0 && len(words)-first < 3 && isCapitalised(words[first-1]) {
			first--
		}
		for k := first; k < len(words); k++ {
			name := strings.Join(words[k:], " ")
			if !e.basedName(name) {
				continue
			}
			if loc, ok := e.parseLocation(name, true); ok && loc.Country != "" {
				return loc, strings.Index(text[start:], words[k]) + start, true
			}
		}
	}
}

// basedName reports whether name is the whole name of a place that a phrase may name in passing: a
// well-known town or city, or a state, region or country, read as a short segment of a heading is.
func (e *Extractor) basedName(name string) bool {
	for _, en := range e.filterCase(e.lookup(name), name, modeShort, true, "") {
		if en.p.Kind != taxonomy.KindPlace || wellKnown(en.p) {
			return true
		}
	}
	return false
}

// countryOnly reports whether a location names a country and nothing finer.
func countryOnly(l jobscope.Location) bool {
	return l.Country != "" && l.Region == "" && l.County == "" && l.Place == ""
}

// labelIndex returns where label first starts a line in lower, after any bullet ("Location: Leeds",
// "- Location: Leeds"), or -1: not the end of "Relocation:", nor a label quoted in a sentence
// ("say \"Job Location: US\"").
func labelIndex(lower, label string) int {
	for from := 0; ; {
		i := strings.Index(lower[from:], label)
		if i < 0 {
			return -1
		}
		i += from
		j := i
		for j > 0 && strings.IndexByte(" \t*-•|>", lower[j-1]) >= 0 {
			j--
		}
		if j == 0 || lower[j-1] == '\n' {
			return i
		}
		from = i + len(label)
	}
}

// townStateInText finds the first "Town, ST" in running text: a comma, a state or province code in
// capitals that is not also a word ("OK", "IN"), then no letter; the town is the capitalised words
// right before the comma, read as townInState reads a location field. Written without the space
// ("Chicago,IL"), the pair counts only for a town the gazetteer or the taxonomy's towns know in that
// state, as lists of words in capitals ("Java,SQL,AWS,CI") are written that way too.
func (e *Extractor) townStateInText(text string) (jobscope.Location, bool) {
	for from := 0; ; {
		i := strings.IndexByte(text[from:], ',')
		if i < 0 {
			return jobscope.Location{}, false
		}
		i += from
		from = i + 1
		j := i + 1
		tight := j < len(text) && text[j] != ' '
		if !tight {
			j++
		} else if i == 0 || !isLetter(text[i-1]) {
			continue
		}
		if j+2 > len(text) || !isUpper(text[j]) || !isUpper(text[j+1]) || j+2 < len(text) && isLetter(text[j+2]) ||
			codeWords[text[j:j+2]] {
			continue
		}
		start := max(0, i-40)
		if k := strings.LastIndexAny(text[start:i], ".;:|()\n"); k >= 0 {
			start += k + 1
		}
		// The town: the capitalised words right before the comma, at most three.
		var wbuf [12]string
		words := fields(wbuf[:0], text[start:i], len(wbuf))
		first := len(words)
		for first > 0 && len(words)-first < 3 && isCapitalised(words[first-1]) {
			first--
		}
		if first == len(words) {
			continue
		}
		town := strings.Join(words[first:], " ")
		if tight && !e.townInCode(town, text[j:j+2]) {
			continue
		}
		if l, ok := e.townInState(town+", "+text[j:j+2], []string{town, text[j : j+2]}, "", true); ok && l.Place != "" {
			return l, true
		}
	}
}

// townInCode reports whether town, or its last words, is a town the gazetteer's places or the
// taxonomy's towns know in the state or province of code ("Chicago" in "IL").
func (e *Extractor) townInCode(town, code string) bool {
	st := e.stateOf(code, false)
	if st == nil {
		return false
	}
	words := strings.Fields(town)
	for i := range words {
		name := strings.Join(words[i:], " ")
		if e.knownTown(st.Country, st.Region, name) {
			return true
		}
		for _, en := range e.lookup(name) {
			if p := en.p; p.Kind == taxonomy.KindPlace && p.Country == st.Country && p.Region == st.Region {
				return true
			}
		}
	}
	return false
}

// officeCueEnds returns where the place after each office cue would start in lower, in order, the
// unused slots -1: the first "WORD in " whose WORD introduces an office ("based in", "offices in"),
// the first "in our " and "in downtown ", and the first "based out of " and "relocate to ". It scans
// for " in " once rather than for each cue.
func officeCueEnds(lower string) [4]int {
	out := [4]int{-1, -1, -1, -1}
	n := 0
	add := func(i int) {
		if n < len(out) {
			out[n] = i
			n++
		}
	}
	inCue, inOur := -1, -1
	for from := 0; from < len(lower) && (inCue < 0 || inOur < 0); {
		i := strings.Index(lower[from:], " in ")
		if i < 0 {
			break
		}
		i += from
		after := i + len(" in ")
		if inCue < 0 && officeWords[lastWord(lower[:i])] {
			inCue = after
		}
		if inOur < 0 {
			if rest := lower[after:]; strings.HasPrefix(rest, "our ") {
				inOur = after + len("our ")
			} else if strings.HasPrefix(rest, "downtown ") {
				inOur = after + len("downtown ")
			}
		}
		from = after - 1
	}
	for _, i := range [...]int{inCue, inOur, cueEnd(lower, "based out of "), cueEnd(lower, "relocate to ")} {
		if i >= 0 {
			add(i)
		}
	}
	slices.Sort(out[:n])
	return out
}

// cueEnd returns the index after the first cue in s, or -1.
func cueEnd(s, cue string) int {
	if i := strings.Index(s, cue); i >= 0 {
		return i + len(cue)
	}
	return -1
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// officeWords are the words that, before "in", introduce where the job is ("based in", "offices in").
var officeWords = map[string]bool{"based": true, "located": true, "offices": true, "office": true, "headquartered": true,
	"hq": true, "onsite": true, "on-site": true, "site": true, "hiring": true}

// firstLines and firstLinesLen bound the heading lines of a description read for a place.
const (
	firstLines    = 4
	firstLinesLen = 600
	// refineLineLen bounds a heading line that may name the town of a country named before it:
	// a line of the heading ("20spokes - Chicago,IL"), not a sentence of prose.
	refineLineLen = 100
)

// PlacesIn returns every place a title or first line names, each once, in the order named: each of
// its segments read on its own ("Boston, MA; San Francisco, CA | Onsite" gives Boston and San
// Francisco), a town with the state after it as one. It is what eval's rule for posts that name
// several places compares with; extraction itself picks one (ParseLocation, Extract).
func (e *Extractor) PlacesIn(text string) []jobscope.Location {
	segs := e.splitSegments(text, true)
	var out []jobscope.Location
	for si := 0; si < len(segs); si++ {
		seg := segs[si]
		var l jobscope.Location
		ok := false
		if si+1 < len(segs) {
			// A town and its state as one, the state past a comma or bracket, unless they are two
			// places of a list ("London, New York", "London & New York").
			if town, st := strings.TrimSpace(seg), strings.TrimSpace(segs[si+1]); e.stateOf(st, true) != nil && qualifies(text, town, st) && !e.listedState(town, st, true) {
				seg += ", " + segs[si+1]
				si++
			} else if c, _ := e.qualifier(text, seg, segs[si+1]); c != "" {
				// A town and its country as one ("Cambridge, USA"), when the country names a town.
				if l, ok = e.parseLocation(seg+", "+segs[si+1], true); ok && l.Place != "" {
					si++
				}
			}
		}
		if !ok || l.Place == "" {
			l, ok = e.parseLocation(seg, true)
		}
		if !ok || l.Country == "" {
			continue
		}
		l.Remote = false
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}
