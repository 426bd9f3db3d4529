package extract

import (
	"strings"

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
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 32)
			space = false
		case c == '.' || c == '\'':
		case c == '&':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("and ")
			space = true
		case c == ' ' || c == '-' || c == '\t' || c == '_':
			if !space {
				b.WriteByte(' ')
				space = true
			}
		default:
			b.WriteByte(c)
			space = false
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// buildGeo indexes the gazetteer by lookup name, and returns the postcode areas whose districts it
// lists (areas that span regions).
func buildGeo(places []taxonomy.Place) (map[string][]geoEntry, map[string]bool) {
	m := make(map[string][]geoEntry, len(places)*2)
	split := map[string]bool{}
	for i := range places {
		p := &places[i]
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
					split[a] = true
				}
			}
			m[k] = append(m[k], geoEntry{p: p, written: n, exact: exact})
		}
	}
	return m, split
}

// geoMatch is a name found in a location text.
type geoMatch struct {
	seg     int
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
	segs := splitSegments(text)
	for si, seg := range segs {
		if strict && !strictSegment(seg) {
			continue
		}
		matches = e.matchSegment(seg, si, strict, matches)
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
	if len(matches) == 0 {
		return loc, false
	}

	// "Rochester, NY", "Portland, ME": a town followed by a US state names that state's town, whatever
	// else the state's letters could be (NY the city, ME the Medway postcode area) and whatever larger
	// town elsewhere shares the name.
	if l, ok := e.townInState(segs, matches, postRegion); ok {
		l.Remote = loc.Remote
		return l, true
	}

	// Hints: what unambiguous matches say about country, region and county.
	h := hints{postRegion: postRegion}
	// Broad names first: a state code settles the country before a county of the same name as a
	// GB one ("Highland, CA") can.
	for k := 0; k <= kindOrder[taxonomy.KindDistrict]; k++ {
		for _, m := range matches {
			if p := m.entries[0].p; p.Kind != taxonomy.KindPlace && kindOrder[p.Kind] == k && (len(m.entries) == 1 || allSameRegion(m.entries)) {
				h.add(p)
			}
		}
	}
	// The most specific match, earliest first.
	best, bestScore := (*taxonomy.Place)(nil), -1<<30
	for _, m := range matches {
		for _, en := range m.entries {
			p := en.p
			s := kindOrder[p.Kind]*1000 + h.score(p) + p.Rank*3 - m.seg*5
			if m.whole {
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
			if si+1 < len(segs) && looksLikeTown(seg) && e.isState(segs[si+1]) {
				loc.Place = jobscope.NullString(seg)
				break
			}
		}
	}
	return loc, true
}

// townInState reads the pattern "Town, State" (a US state's code or name right after a town): the
// town in that state from the gazetteer, or, for a town it does not know, the state with the town as
// written. ok is false when the text has no such pair, or a GB postcode district settles it otherwise.
func (e *Extractor) townInState(segs []string, matches []geoMatch, postRegion string) (jobscope.Location, bool) {
	if postRegion != "" {
		return jobscope.Location{}, false
	}
	for si := 1; si < len(segs); si++ {
		state := e.stateOf(segs[si])
		if state == nil {
			continue
		}
		town := strings.TrimSpace(segs[si-1])
		for _, m := range matches {
			if m.seg != si-1 {
				continue
			}
			for _, en := range m.entries {
				if p := en.p; p.Kind == taxonomy.KindPlace && p.Country == "US" && p.Region == state.Region {
					return jobscope.Location{Country: "US", Region: jobscope.NullString(p.Region), County: jobscope.NullString(p.County),
						Place: jobscope.NullString(p.Name)}, true
				}
			}
		}
		if looksLikeTown(town) && e.stateOf(town) == nil {
			return jobscope.Location{Country: "US", Region: jobscope.NullString(state.Region), Place: jobscope.NullString(town)}, true
		}
	}
	return jobscope.Location{}, false
}

// stateOf returns the US state a segment names by its code or its full name, or nil.
func (e *Extractor) stateOf(seg string) *taxonomy.Place {
	seg = strings.TrimSpace(seg)
	for _, en := range e.geo[geoKey(seg)] {
		if en.p.Kind == taxonomy.KindRegion && en.p.Country == "US" && (!en.exact || en.written == seg) {
			return en.p
		}
	}
	return nil
}

func (e *Extractor) isState(seg string) bool {
	for _, en := range e.geo[geoKey(strings.TrimSpace(seg))] {
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
}

func (h *hints) add(p *taxonomy.Place) {
	if p.Country != "" && h.country == "" {
		h.country = p.Country
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

// supports reports whether the hints name the county, or a region or postcode region, a place lies in.
func (h *hints) supports(p *taxonomy.Place) bool {
	if h.postRegion != "" {
		return p.Region == h.postRegion
	}
	return h.county != "" && h.countyMatch(p) || h.region != "" && p.Region == h.region
}

// countyMatch reports whether a place lies in the county the hints name. A London borough town counts
// as in the home county its postal address still names ("Barking, Essex", "Wallington, Surrey").
func (h *hints) countyMatch(p *taxonomy.Place) bool {
	if p.County == "" {
		return false
	}
	if p.County == h.county || strings.HasPrefix(p.County, h.county) || strings.HasPrefix(h.county, p.County) {
		return true
	}
	return p.County == "Greater London" && londonPostalCounty[h.county]
}

// londonPostalCounty are the home counties whose names postal addresses in outer London still carry.
var londonPostalCounty = map[string]bool{"Essex": true, "Kent": true, "Surrey": true, "Middlesex": true, "Hertfordshire": true}

// score rates how well a candidate agrees with the hints.
func (h *hints) score(p *taxonomy.Place) int {
	s := 0
	if h.country != "" {
		if p.Country == h.country {
			s += 200
		} else if p.Country != "" {
			s -= 5000
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
	}
	return s
}

// splitSegments cuts a location text at commas, pipes, brackets, slashes and dashes.
func splitSegments(s string) []string {
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
			if q = strings.TrimSpace(q); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

// matchSegment finds gazetteer names in one segment: the whole segment, else its longest word runs.
func (e *Extractor) matchSegment(seg string, si int, strict bool, out []geoMatch) []geoMatch {
	if ents := e.filterCase(e.geo[geoKey(seg)], seg, strict); len(ents) > 0 {
		return append(out, geoMatch{seg: si, entries: ents, whole: true, text: seg})
	}
	words := strings.Fields(seg)
	if len(words) > 12 {
		words = words[:12]
	}
	for i := 0; i < len(words); {
		found := 0
		// Only names whose first word is the first word of a gazetteer name are looked up, and no
		// longer than the longest such name.
		longest := 0
		if first := geoKey(strings.Trim(words[i], ".!?\"'")); first != "" {
			if f := strings.Fields(first); len(f) > 0 {
				longest = int(e.geoFirst[f[0]])
			}
		}
		for n := min(5, len(words)-i, longest); n >= 1; n-- {
			phrase := strings.Join(words[i:i+n], " ")
			phrase = strings.Trim(phrase, ".!?\"'")
			if ents := e.filterCase(e.geo[geoKey(phrase)], phrase, strict); len(ents) > 0 {
				if strict || len(phrase) >= 3 && isCapitalised(phrase) || n > 1 {
					out = append(out, geoMatch{seg: si, entries: ents, text: phrase})
					found = n
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

// filterCase drops aliases that must match in their own case and do not, and, in strict mode (text
// that is not a location field), names that are small places or not capitalised.
func (e *Extractor) filterCase(ents []geoEntry, written string, strict bool) []geoEntry {
	if len(ents) == 0 {
		return nil
	}
	ok := true
	for _, en := range ents {
		if en.exact && en.written != written || strict && !keepStrict(en, written) {
			ok = false
			break
		}
	}
	if ok {
		return ents
	}
	var out []geoEntry
	for _, en := range ents {
		if en.exact && en.written != written || strict && !keepStrict(en, written) {
			continue
		}
		out = append(out, en)
	}
	return out
}

func keepStrict(en geoEntry, written string) bool {
	if !isCapitalised(written) || strictStop[strings.ToLower(written)] {
		return false
	}
	switch en.p.Kind {
	case taxonomy.KindPlace:
		return en.p.Rank >= 5
	case taxonomy.KindDistrict, taxonomy.KindPostcode:
		return false
	}
	return true
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

// locationFromText looks for a location where an ad has no location field: in the title and the
// description's first line, split at "|", " - " and commas ("Acme | Berlin | Remote"), and after
// "Location:". Only well-known places count there.
// lowerDesc is lowerASCII(desc).
func (e *Extractor) locationFromText(title, desc, lowerDesc string) (jobscope.Location, bool) {
	first := desc
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	if len(first) > 200 {
		first = first[:200]
	}
	lower := lowerDesc[:min(len(lowerDesc), 3000)]
	if i := strings.Index(lower, "location:"); i >= 0 {
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
	for _, s := range []string{title, first} {
		if loc, ok := e.parseLocation(s, true); ok {
			return loc, true
		}
	}
	return jobscope.Location{}, false
}
