package eval

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"jobscope/taxonomy"
)

// gazetteer maps what labels say about places (a region's many spellings, a county, a town, a postcode,
// a US state's code) onto the names extraction uses: the ONS region for GB, the state's full name for the
// US. It is built from the taxonomy's places, the same gazetteer the product ships.
type gazetteer struct {
	regions   map[string]string      // GB region or nation (not England), any spelling → ONS region
	counties  map[string]string      // GB county, any spelling → ONS region
	places    map[string][]placeArea // GB town or district → where each place of that name lies
	postcodes map[string]string      // GB postcode area ("PR") or district ("CR3") → ONS region
	// districts maps every GB postcode district to its ONS region, from the shared data's ONS/OS-derived
	// table when present: finer than the taxonomy's areas, and independent of what extraction uses.
	districts map[string]string
	states    map[string]string // US state code ("TX") or name → full name
}

func newGazetteer(t *taxonomy.Taxonomy) *gazetteer {
	g := &gazetteer{regions: map[string]string{}, counties: map[string]string{}, places: map[string][]placeArea{},
		postcodes: map[string]string{}, states: map[string]string{}}
	for i := range t.Places {
		p := &t.Places[i]
		names := append([]string{p.Name}, p.Aliases...)
		switch {
		case p.Kind == taxonomy.KindRegion && p.Country == "US":
			for _, n := range names {
				g.states[placeKey(n)] = p.Name
			}
		case p.Country != "GB" || p.Region == "":
		case p.Kind == taxonomy.KindRegion, p.Kind == taxonomy.KindNation:
			for _, n := range names {
				g.regions[placeKey(n)] = p.Region
			}
		case p.Kind == taxonomy.KindCounty:
			for _, n := range names {
				g.counties[placeKey(n)] = p.Region
			}
		case p.Kind == taxonomy.KindPostcode:
			g.postcodes[strings.ToUpper(p.Name)] = p.Region
		case p.Kind == taxonomy.KindPlace, p.Kind == taxonomy.KindDistrict:
			for _, n := range names {
				k := placeKey(n)
				g.places[k] = append(g.places[k], placeArea{region: p.Region, rank: p.Rank})
			}
		}
	}
	return g
}

// placeKey is the form names are looked up in: lower case, single spaces, without the gazetteer's
// case-sensitivity mark ('!'), "&" read as "and", and without a trailing "(Region)" as Reed writes
// "West Midlands (Region)".
func placeKey(s string) string {
	s = strings.TrimSuffix(strings.TrimSpace(s), "!")
	s = strings.ToLower(s)
	s = strings.TrimSuffix(s, "(region)")
	s = strings.ReplaceAll(s, "&", " and ")
	return strings.Join(strings.Fields(s), " ")
}

// region returns the ONS region a region's name means ("South East England" → "South East",
// "Yorkshire and Humber" → "Yorkshire and The Humber", "Scotland" → "Scotland"), or "" when s names no
// GB region. England is a nation of several regions, so it gives "".
func (g *gazetteer) region(s string) string { return g.regions[placeKey(s)] }

// area returns the ONS region of a region or county name, or "".
func (g *gazetteer) area(s string) string {
	k := placeKey(s)
	if r := g.regions[k]; r != "" {
		return r
	}
	return g.counties[k]
}

// placeArea is where one place lies, and how likely an ad naming it means it (the gazetteer's rank).
type placeArea struct {
	region string
	rank   int
}

// townRank is the least gazetteer rank of a town (an OS Strategi town, a major town, or a place the
// taxonomy lists by hand) rather than a village or hamlet, whose name is too often shared.
const townRank = 4

// regionOfCityState returns the ONS region of a source's city and county/region labels (Reed's city and
// state), or "" when they do not settle one. A city that is a region or county, or a town whose namesakes
// that are towns too all lie in one region, settles it whatever the state says: "London" beside Reed's
// "South East England" is London, and "Sutton, Surrey" is the London borough. Otherwise the state's region
// counts when a place of the city's name lies in it ("Walton, Surrey"), or when the gazetteer does not
// know the city at all; a state that no place of that name lies in settles nothing ("Hanwell, London",
// where the gazetteer knows only the Oxfordshire village).
func (g *gazetteer) regionOfCityState(city, state string) string {
	cands := g.places[placeKey(city)]
	if r := g.area(city); r != "" {
		cands = append([]placeArea{{region: r, rank: math.MaxInt}}, cands...)
	}
	stateRegion := g.area(state)
	if len(cands) == 0 {
		return stateRegion
	}
	var towns []placeArea
	for _, p := range cands {
		if p.rank >= townRank {
			towns = append(towns, p)
		}
	}
	if r := oneRegion(towns); r != "" {
		return r
	}
	for _, p := range cands {
		if stateRegion != "" && p.region == stateRegion {
			return stateRegion
		}
	}
	return ""
}

// oneRegion returns the region every place lies in, or "" when they lie in several or there are none.
func oneRegion(ps []placeArea) string {
	r := ""
	for _, p := range ps {
		if r != "" && p.region != r {
			return ""
		}
		r = p.region
	}
	return r
}

// regionOfPostcode returns the ONS region of a full or partial GB postcode ("PR4 0HB", "PR4", "pr40hb"):
// its district's in the district table when loaded, else the taxonomy's district (those of areas that
// straddle a border) or area.
// It returns "" for a string that is not a postcode or an area the gazetteer does not know.
func (g *gazetteer) regionOfPostcode(pc string) string {
	out := outwardCode(pc)
	if out == "" {
		return ""
	}
	if r := g.districts[out]; r != "" {
		return r
	}
	if r := g.postcodes[out]; r != "" {
		return r
	}
	return g.postcodes[out[:postcodeAreaLen(out)]]
}

// postcodeAreaLen is the length of an outward code's leading letters.
func postcodeAreaLen(out string) int {
	n := 0
	for n < len(out) && out[n] >= 'A' && out[n] <= 'Z' {
		n++
	}
	return n
}

// outwardCode returns a postcode's outward code in upper case ("pr4 0hb" → "PR4", "SW1A1AA" → "SW1A"),
// or "" when s is not shaped like a postcode: one or two letters, a digit, then an optional letter or
// digit, with or without the three-character inward code.
func outwardCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	} else if len(s) >= 5 {
		s = s[:len(s)-3]
	}
	n := postcodeAreaLen(s)
	if n < 1 || n > 2 || len(s) < n+1 || len(s) > n+2 || s[n] < '0' || s[n] > '9' {
		return ""
	}
	for _, c := range s[n+1:] {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return ""
		}
	}
	return s
}

// state returns the full name of a US state given by its code or name ("TX", "Texas"), or "".
func (g *gazetteer) state(s string) string { return g.states[placeKey(s)] }

// loadDistricts reads the postcode district table of the shared data (Doogal's export of ONS/OS data:
// columns "Postcode" and "UK region"), whose regions are checked against the gazetteer's names. A row
// with no region (a retired or non-geographic district) is left out.
func (g *gazetteer) loadDistricts(r io.Reader) error {
	rd := csv.NewReader(r)
	rd.FieldsPerRecord = -1
	head, err := rd.Read()
	if err != nil {
		return fmt.Errorf("postcode districts: %w", err)
	}
	pc, reg := slices.Index(head, "Postcode"), slices.Index(head, "UK region")
	if pc < 0 || reg < 0 {
		return fmt.Errorf("postcode districts: want columns Postcode and UK region, got %q", head)
	}
	g.districts = map[string]string{}
	for {
		row, err := rd.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("postcode districts: %w", err)
		}
		if len(row) <= max(pc, reg) || strings.TrimSpace(row[reg]) == "" {
			continue
		}
		region := g.region(row[reg])
		if region == "" {
			return fmt.Errorf("postcode districts: %s: unknown region %q", row[pc], row[reg])
		}
		g.districts[strings.ToUpper(strings.TrimSpace(row[pc]))] = region
	}
}
