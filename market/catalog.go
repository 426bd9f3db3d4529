package market

import (
	"cmp"
	"slices"
	"strings"

	"jobscope"
	"jobscope/taxonomy"
)

// LocationEntry is a location the ads name, where it lies on the ladder (country, nation, region,
// county, place) and how many ads, counted once, name it.
type LocationEntry struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"` // country, nation, region, county, place
	Country string `json:"country,omitempty"`
	Nation  string `json:"nation,omitempty"`
	Region  string `json:"region,omitempty"`
	County  string `json:"county,omitempty"`
	Ads     int    `json:"ads"`
}

// Locations lists every location the ads name, most ads first, each placed on the ladder by the
// taxonomy's gazetteer (the best-known place of the name when several share it).
func (s *Service) Locations() []LocationEntry {
	best := map[string]*taxonomy.Place{}
	for i := range s.cfg.Taxonomy.Places {
		p := &s.cfg.Taxonomy.Places[i]
		switch p.Kind {
		case taxonomy.KindCountry, taxonomy.KindNation, taxonomy.KindRegion, taxonomy.KindCounty, taxonomy.KindPlace:
		default:
			continue
		}
		if b, ok := best[p.Name]; !ok || ladder(p.Kind) < ladder(b.Kind) || p.Kind == b.Kind && p.Rank > b.Rank {
			best[p.Name] = p
		}
	}
	out := []LocationEntry{}
	for _, t := range s.Terms() {
		if t.Kind != jobscope.KindLocation {
			continue
		}
		e := LocationEntry{Name: t.Name, Kind: taxonomy.KindPlace, Ads: t.Ads}
		if p := best[t.Name]; p != nil {
			e.Kind, e.Country, e.Nation, e.Region, e.County = p.Kind, p.Country, p.Nation, p.Region, p.County
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b LocationEntry) int {
		return cmp.Or(cmp.Compare(b.Ads, a.Ads), strings.Compare(a.Name, b.Name))
	})
	return out
}

// ladder orders the kinds of place from the widest.
func ladder(kind string) int {
	return slices.Index([]string{taxonomy.KindCountry, taxonomy.KindNation, taxonomy.KindRegion,
		taxonomy.KindCounty, taxonomy.KindPlace}, kind)
}

// TaxonomyEntry is a skill or job title of the taxonomy: its canonical name, category (a skill's)
// or sector (a title's), the ways ads write it, and how many ads, counted once, cite it.
type TaxonomyEntry struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"` // skill or title
	Category string   `json:"category"`
	Aliases  []string `json:"aliases"`
	Ads      int      `json:"ads"`
}

// Taxonomy lists the taxonomy's skills and titles (kind "skill" or "title", "" for both), of one
// category or sector when category is set, in the taxonomy's order. Guarded aliases are marked as
// the taxonomy's files mark them: '?' counts only in a technical context, '!' also only in the case
// written.
func (s *Service) Taxonomy(kind jobscope.TermKind, category string) ([]TaxonomyEntry, error) {
	if kind != "" && kind != jobscope.KindSkill && kind != jobscope.KindTitle {
		return nil, invalidf("kind " + string(kind) + ": want skill or title")
	}
	ads := map[jobscope.TermKind]map[string]int{jobscope.KindSkill: {}, jobscope.KindTitle: {}}
	for _, t := range s.Terms() {
		if m := ads[t.Kind]; m != nil {
			m[t.Name] = t.Ads
		}
	}
	out := []TaxonomyEntry{}
	if kind != jobscope.KindTitle {
		for _, sk := range s.cfg.Taxonomy.Skills {
			if category != "" && !strings.EqualFold(sk.Category, category) {
				continue
			}
			e := TaxonomyEntry{Name: sk.Name, Kind: string(jobscope.KindSkill), Category: sk.Category,
				Aliases: []string{}, Ads: ads[jobscope.KindSkill][sk.Name]}
			for _, a := range sk.Aliases {
				e.Aliases = append(e.Aliases, a.Text+guardMark(a.Guard))
			}
			out = append(out, e)
		}
	}
	if kind != jobscope.KindSkill {
		for _, ti := range s.cfg.Taxonomy.Titles {
			if category != "" && !strings.EqualFold(string(ti.Sector), category) {
				continue
			}
			out = append(out, TaxonomyEntry{Name: ti.Name, Kind: string(jobscope.KindTitle), Category: string(ti.Sector),
				Aliases: slices.Clone(ti.Aliases), Ads: ads[jobscope.KindTitle][ti.Name]})
		}
	}
	return out, nil
}

// guardMark is the mark the taxonomy's files give a guarded alias.
func guardMark(g taxonomy.Guard) string {
	switch g {
	case taxonomy.GuardContext:
		return "?"
	case taxonomy.GuardCase:
		return "!"
	}
	return ""
}
