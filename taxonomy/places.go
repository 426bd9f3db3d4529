package taxonomy

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Kinds of place in the gazetteer.
const (
	KindCountry  = "country"  // a country: Country is its ISO code
	KindNation   = "nation"   // England, Scotland, Wales, Northern Ireland
	KindRegion   = "region"   // an ONS region, or a US state
	KindCounty   = "county"   // a GB county
	KindDistrict = "district" // a GB local authority district
	KindPlace    = "place"    // a town, city or area
	KindPostcode = "postcode" // a GB postcode area ("PR") or district ("CR3")
	// KindTown is a US or Canadian town known only to confirm a "Town, State" pair ("Portland, Maine"):
	// never a match on its own, so that thousands of small towns named like words or bigger places
	// elsewhere do not crowd the places a text names.
	KindTown = "town"
)

// Place is a named place with where it lies. Fields that do not apply are empty.
type Place struct {
	Kind    string
	Name    string
	Country string // ISO 3166-1 alpha-2
	Nation  string
	Region  string
	County  string
	// Rank orders places of the same name: the larger the more likely an ad means it.
	Rank int
	// Aliases are other names; an alias ending in '!' matches only in the case written ("TX!").
	Aliases []string
}

// LoadPlaces reads a gazetteer file: one place a line, '#' lines are comments, eight tab-separated
// columns:
//
//	kind <TAB> name <TAB> country <TAB> nation <TAB> region <TAB> county <TAB> rank <TAB> aliases
//
// kind is one of the Kind constants; rank is an integer (empty means 0); aliases are separated by '|'.
func LoadPlaces(r io.Reader) ([]Place, error) {
	var out []Place
	err := readTSV(r, func(_ int, f []string) error {
		if len(f) < 3 {
			return errors.New("want at least kind, name and country")
		}
		for len(f) < 8 {
			f = append(f, "")
		}
		p := Place{Kind: f[0], Name: strings.TrimSpace(f[1]), Country: f[2], Nation: f[3], Region: f[4],
			County: f[5], Aliases: splitList(f[7])}
		switch p.Kind {
		case KindCountry, KindNation, KindRegion, KindCounty, KindDistrict, KindPlace, KindPostcode, KindTown:
		default:
			return fmt.Errorf("unknown kind %q", p.Kind)
		}
		if p.Name == "" {
			return errors.New("empty name")
		}
		if f[6] != "" {
			n, err := strconv.Atoi(f[6])
			if err != nil {
				return fmt.Errorf("rank: %w", err)
			}
			p.Rank = n
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return out, nil
}
