// Command build regenerates the derived data files of package taxonomy from the open data sets in
// $JOBSCOPE_SHARED/data: GB places (OS Strategi gazetteer, ONS lookups, GeoNames), US and Canadian
// towns (GeoNames), programming languages (GitHub linguist) and technology skills (every O*NET
// technology example, filtered; Stack Overflow tag counts are read as evidence of popularity, and the
// lower-case words of O*NET's and ESCO's occupation descriptions as ordinary English, and nothing of
// either is written). Run it from the
// repository root:
//
//	JOBSCOPE_SHARED=/work/shared go run ./taxonomy/internal/build
//
// It writes taxonomy/data/gb_places.tsv, na_towns.tsv, skills_linguist.tsv and skills_onet.tsv. The
// hand-curated files (skills.tsv, titles.tsv, geo.tsv) are read so that derived rows never repeat them.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"jobscope/taxonomy"
)

func main() {
	shared := os.Getenv("JOBSCOPE_SHARED")
	if shared == "" {
		log.Fatal("JOBSCOPE_SHARED is not set")
	}
	out := filepath.Join("taxonomy", "data")
	if err := run(filepath.Join(shared, "data"), out); err != nil {
		log.Fatal(err)
	}
}

func run(data, out string) error {
	core, err := readCoreSkills(filepath.Join(out, "skills.tsv"))
	if err != nil {
		return err
	}
	if err := buildPlaces(data, out); err != nil {
		return fmt.Errorf("places: %w", err)
	}
	if err := buildTowns(data, out); err != nil {
		return fmt.Errorf("towns: %w", err)
	}
	if err := buildLinguist(data, out, core); err != nil {
		return fmt.Errorf("linguist: %w", err)
	}
	ling, err := readCoreSkills(filepath.Join(out, "skills_linguist.tsv"))
	if err != nil {
		return err
	}
	for k := range ling {
		core[k] = true
	}
	if err := buildONET(data, out, core); err != nil {
		return fmt.Errorf("onet: %w", err)
	}
	return nil
}

// readCoreSkills returns the lowercased names and aliases of the hand-curated skills.
func readCoreSkills(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open core skills: %w", err)
	}
	defer f.Close()
	skills, err := taxonomy.LoadSkills(f)
	if err != nil {
		return nil, fmt.Errorf("read core skills: %w", err)
	}
	seen := map[string]bool{}
	for _, s := range skills {
		seen[norm(s.Name)] = true
		for _, a := range s.Aliases {
			seen[norm(a.Text)] = true
		}
	}
	return seen, nil
}

func norm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) > 0 {
		rows[0][0] = strings.TrimPrefix(rows[0][0], "\ufeff")
	}
	return rows, nil
}

// --- places ---------------------------------------------------------------------------------

type lad struct {
	name, county, region, nation string
}

type place struct {
	name, county, region, nation string
	score                        int
}

// keyName normalises an area name for matching between the ONS and OS spellings.
func keyName(s string) string {
	s = strings.ToLower(s)
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, " county")
	for _, p := range []string{"city and county of the ", "city of ", "county of ", "the "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{", city of", ", county of"} {
		s = strings.TrimSuffix(s, suf)
	}
	s = strings.NewReplacer(",", " ", "-", " ", "&", "and", "'", "", ".", "").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func cleanLADName(s string) string {
	for _, suf := range []string{", City of", ", County of"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

var smallWords = map[string]bool{"upon": true, "on": true, "in": true, "under": true, "le": true, "by": true,
	"the": true, "of": true, "and": true, "at": true, "with": true, "next": true, "super": true, "en": true,
	"cum": true, "juxta": true, "de": true}

// titleCase turns an OS capitalised name ("STOKE-ON-TRENT") into its usual spelling.
func titleCase(s string) string {
	var b strings.Builder
	word := []rune{}
	flush := func(first bool) {
		if len(word) == 0 {
			return
		}
		w := strings.ToLower(string(word))
		if !first && smallWords[w] {
			b.WriteString(w)
		} else {
			r := []rune(w)
			r[0] = unicode.ToUpper(r[0])
			if strings.HasPrefix(w, "mc") && len(r) > 2 {
				r[2] = unicode.ToUpper(r[2])
			}
			b.WriteString(string(r))
		}
		word = word[:0]
	}
	first := true
	for _, r := range s {
		if unicode.IsLetter(r) || r == '\'' {
			word = append(word, r)
			continue
		}
		flush(first)
		first = false
		b.WriteRune(r)
	}
	flush(first)
	return b.String()
}

func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

func buildPlaces(data, out string) error {
	geo := filepath.Join(data, "geo")
	ons := filepath.Join(geo, "ons_lookups")

	// LAD name -> region, county, nation.
	lads := map[string]*lad{} // by keyName
	ladByCode := map[string]*lad{}
	rows, err := readCSV(filepath.Join(ons, "LAD19_to_CTRY19_Apr2019_UK.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		l := &lad{name: cleanLADName(r[2]), nation: r[4]}
		if l.nation != "England" {
			l.region = l.nation
		}
		lads[keyName(r[2])] = l
		ladByCode[r[1]] = l
	}
	rows, err = readCSV(filepath.Join(ons, "LAD18_to_RGN18_Dec2018_England.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		k := keyName(r[1])
		l := lads[k]
		if l == nil {
			l = &lad{name: cleanLADName(r[1]), nation: "England"}
			lads[k] = l
		}
		l.region = r[3]
		ladByCode[r[0]] = l
	}
	// Districts created in 2019 are missing from the 2018 region lookup.
	for name, region := range map[string]string{"bournemouth christchurch and poole": "South West",
		"dorset": "South West", "east suffolk": "East of England", "west suffolk": "East of England",
		"somerset west and taunton": "South West"} {
		if l := lads[name]; l != nil && l.region == "" {
			l.region = region
		}
	}
	counties := map[string]*lad{} // two-tier and metropolitan counties, by keyName
	rows, err = readCSV(filepath.Join(ons, "LAD20_to_CTY20_Apr2020_England.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		cty := r[4]
		if cty == "Inner London" || cty == "Outer London" {
			cty = "Greater London"
		}
		l := lads[keyName(r[2])]
		if l == nil {
			l = &lad{name: r[2], nation: "England"}
			lads[keyName(r[2])] = l
		}
		l.county = cty
		c := counties[keyName(cty)]
		if c == nil {
			c = &lad{name: cty, county: cty, nation: "England"}
			counties[keyName(cty)] = c
		}
		if c.region == "" {
			c.region = l.region
		}
	}
	for _, l := range lads {
		if l.county == "" {
			l.county = l.name
		}
		if l.region == "" {
			log.Printf("no region for district %q", l.name)
		}
	}
	area := func(name string) *lad {
		k := keyName(name)
		if c := counties[k]; c != nil {
			return c
		}
		if l := lads[k]; l != nil {
			return l
		}
		switch k {
		case "bournemouth", "poole":
			return lads["bournemouth christchurch and poole"]
		case "na h eileanan an iar":
			return lads["na h eileanan siar"]
		case "rhondda cynon taff":
			return lads["rhondda cynon taf"]
		case "vale of glamorgan":
			return lads["vale of glamorgan"]
		case "london":
			return lads["city of london"]
		case "buckinghamshire":
			return &lad{name: "Buckinghamshire", county: "Buckinghamshire", region: "South East", nation: "England"}
		}
		return nil
	}

	places := map[string]*place{}
	var order []string
	add := func(name string, a *lad, score int) *place {
		name = strings.TrimSpace(name)
		if name == "" || a == nil || a.region == "" {
			return nil
		}
		k := strings.ToLower(name) + "|" + a.county
		p := places[k]
		if p == nil {
			p = &place{name: name, county: a.county, region: a.region, nation: a.nation}
			places[k] = p
			order = append(order, k)
		}
		p.score |= score
		if name != strings.ToUpper(name) && p.name == strings.ToUpper(p.name) {
			p.name = name
		}
		return p
	}
	const (
		fromBUA      = 1
		fromGeoNames = 2
		strategiTown = 4
		majorTown    = 8
	)

	// OS Strategi: every GB settlement with its administrative area; capitals mark towns.
	raw, err := os.ReadFile(filepath.Join(geo, "adzuna_location_tree_and_os_strategi", "STRATEGI_2010_GAZETTEER.TXT"))
	if err != nil {
		return err
	}
	unmatched := map[string]int{}
	for _, line := range strings.Split(latin1(raw), "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "*")
		if len(f) < 2 || f[0] == "" {
			continue
		}
		a := area(f[1])
		if a == nil {
			unmatched[f[1]]++
			continue
		}
		name, score := f[0], 0
		if name == strings.ToUpper(name) {
			name, score = titleCase(name), strategiTown
		}
		add(name, a, score)
	}
	for k, n := range unmatched {
		log.Printf("strategi: no district for %q (%d places)", k, n)
	}

	// ONS built-up areas (England and Wales).
	rows, err = readCSV(filepath.Join(ons, "BUA11_to_LAD11_Dec2011_EW.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows[1:] {
		name := strings.TrimSuffix(r[1], " BUA")
		if i := strings.Index(name, " ("); i > 0 {
			name = name[:i]
		}
		if name == "Greater London" {
			continue
		}
		a := lads[keyName(r[3])]
		if a == nil {
			a = area(r[3])
		}
		add(name, a, fromBUA)
	}

	// GeoNames: places of more than 1,000 people (and Northern Ireland, absent from OS Strategi).
	rows, err = readCSV(filepath.Join(geo, "geonames_cities", "gb_places.csv"))
	if err != nil {
		return err
	}
	byName := map[string][]*place{}
	for _, k := range order {
		p := places[k]
		byName[strings.ToLower(p.name)] = append(byName[strings.ToLower(p.name)], p)
	}
	for _, r := range rows[1:] {
		name, nation, admin2 := r[0], r[3], r[5]
		if nation == "Northern Ireland" {
			county := strings.TrimPrefix(admin2, "City of ")
			add(name, &lad{county: county, region: nation, nation: nation}, fromGeoNames)
			continue
		}
		a2 := strings.TrimPrefix(strings.TrimSuffix(admin2, " County Borough"), "Sir ")
		a2 = strings.TrimPrefix(strings.TrimPrefix(a2, "District of "), "Borough of ")
		a := area(a2)
		cands := byName[strings.ToLower(name)]
		var match *place
		for _, p := range cands {
			if p.nation == nation && (a == nil || p.region == a.region) {
				if match == nil || (a != nil && p.county == a.county) {
					match = p
				}
			}
		}
		if match != nil {
			match.score |= fromGeoNames
			continue
		}
		if a != nil && a.nation == nation {
			add(name, a, fromGeoNames)
		}
	}

	// Major towns and cities: ONS's list for England and Wales, and the cities of Scotland and
	// Northern Ireland.
	rows, err = readCSV(filepath.Join(ons, "TCITY15_MajorTownsCities_Dec2015_EW.csv"))
	if err != nil {
		return err
	}
	major := []string{"Edinburgh", "Glasgow", "Aberdeen", "Dundee", "Inverness", "Stirling", "Perth",
		"Livingston", "Paisley", "East Kilbride", "Belfast", "Derry", "Lisburn", "Newry", "Armagh"}
	for _, r := range rows[1:] {
		major = append(major, r[2])
	}
	for _, m := range major {
		name := m
		switch m {
		case "Brighton and Hove":
			name = "Brighton"
		}
		best := bestPlace(byNameAll(places, order, name), m)
		if best == nil {
			log.Printf("major town %q not found", m)
			continue
		}
		best.score |= majorTown
	}

	sort.Strings(order)
	f, err := os.Create(filepath.Join(out, "gb_places.tsv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# GB places: generated by taxonomy/internal/build from OS Strategi (OGL), ONS lookups (OGL) and GeoNames (CC BY 4.0).")
	fmt.Fprintln(w, "# kind\tname\tcountry\tnation\tregion\tcounty\trank\taliases")
	n := 0
	aliases := riverAliases(places, order)
	for _, k := range order {
		p := places[k]
		fmt.Fprintf(w, "place\t%s\tGB\t%s\t%s\t%s\t%d\t%s\n", p.name, p.nation, p.region, p.county, p.score,
			strings.Join(aliases[p], "|"))
		n++
	}
	// Districts (local authorities) and counties, so that "Camden" or "Mole Valley" find a region.
	seen := map[string]bool{}
	for _, l := range sortedLADs(lads) {
		if l.region == "" || seen[l.name] {
			continue
		}
		seen[l.name] = true
		fmt.Fprintf(w, "district\t%s\tGB\t%s\t%s\t%s\t0\t\n", l.name, l.nation, l.region, l.county)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	log.Printf("gb_places.tsv: %d places", n)
	return f.Close()
}

// riverTown splits "Burton upon Trent", "Newark-on-Trent": the town's own word, the preposition and
// the river or sea.
var riverTown = regexp.MustCompile(`^(.+?)[ -](on|upon)[ -](.+)$`)

// riverAliases gives the towns named after their river the names ads also write them by: the other
// preposition ("Burton On Trent" for Burton upon Trent) and, for a town much larger than anything else
// of the name, its first word alone ("Newark", "Burton", "Stoke"). The short name is left out when
// another place of it is at least a third as large (Stratford in London beside Stratford-upon-Avon), or
// when two such towns share it (Kingston upon Thames and upon Hull), or when it is mostly a person's
// name.
// personNames are short names of river towns more often a person's name in an ad ("contact Ross").
var personNames = map[string]bool{"ross": true, "barton": true}

func riverAliases(places map[string]*place, order []string) map[*place][]string {
	rank := map[string]int{}       // lower-case name -> the largest rank of a place of that name
	short := map[string][]*place{} // lower-case short name -> the river towns of rank 5 or more
	for _, k := range order {
		p := places[k]
		ln := strings.ToLower(p.name)
		rank[ln] = max(rank[ln], p.score)
		if m := riverTown.FindStringSubmatch(p.name); m != nil && p.score >= 5 {
			short[strings.ToLower(m[1])] = append(short[strings.ToLower(m[1])], p)
		}
	}
	out := map[*place][]string{}
	for _, k := range order {
		p := places[k]
		m := riverTown.FindStringSubmatch(p.name)
		if m == nil {
			continue
		}
		other := "upon"
		if strings.ToLower(m[2]) == "upon" {
			other = "on"
		}
		out[p] = append(out[p], m[1]+" "+other+" "+m[3])
		sk := strings.ToLower(m[1])
		towns := short[sk]
		distinct := map[string]bool{}
		for _, t := range towns {
			distinct[strings.ToLower(t.name)] = true
		}
		if len(m[1]) >= 4 && !personNames[sk] && len(distinct) == 1 && distinct[strings.ToLower(p.name)] && p.score >= 5 && p.score == rank[strings.ToLower(p.name)] &&
			3*rank[sk] < p.score {
			out[p] = append(out[p], m[1])
		}
	}
	return out
}

func sortedLADs(m map[string]*lad) []*lad {
	var l []*lad
	for _, v := range m {
		l = append(l, v)
	}
	sort.Slice(l, func(i, j int) bool { return l[i].name < l[j].name })
	return l
}

func byNameAll(places map[string]*place, order []string, name string) []*place {
	var l []*place
	for _, k := range order {
		if strings.EqualFold(places[k].name, name) {
			l = append(l, places[k])
		}
	}
	return l
}

// bestPlace picks, among places of one name, the one most likely to be the big town: the one in a
// district of its own name, else the one with the most evidence of size.
func bestPlace(l []*place, name string) *place {
	var best *place
	for _, p := range l {
		if best == nil {
			best = p
			continue
		}
		pa := strings.Contains(strings.ToLower(p.county), strings.ToLower(name))
		ba := strings.Contains(strings.ToLower(best.county), strings.ToLower(name))
		if pa != ba {
			if pa {
				best = p
			}
			continue
		}
		if p.score > best.score {
			best = p
		}
	}
	return best
}

// --- skills ---------------------------------------------------------------------------------

// linguistStop lists linguist language names that are ordinary English words or too short to find
// reliably in prose; they are left out.
var linguistStop = map[string]bool{"arc": true, "click": true, "clean": true, "cool": true, "factor": true,
	"grace": true, "ink": true, "just": true, "logos": true, "mint": true, "monkey": true, "move": true,
	"pan": true, "polar": true, "metal": true, "mercury": true, "limbo": true, "genie": true, "hack": true,
	"fancy": true, "charity": true, "curry": true, "max": true, "processing": true, "dune": true,
	"glyph": true, "leo": true, "noir": true, "opal": true, "parrot": true, "pawn": true, "pike": true,
	"berry": true, "beef": true, "boo": true, "cadence": true, "carbon": true, "circom": true, "fluent": true,
	"jasmin": true, "lasso": true, "nasal": true, "nickel": true, "oz": true, "papyrus": true, "pony": true,
	"red": true, "ring": true, "self": true, "slash": true, "smali": true, "squirrel": true, "tea": true,
	"turing": true, "vala": true, "wisp": true, "xtend": true, "zap": true, "io": true, "nu": true, "ox": true,
	"e": true, "b": true, "m": true, "j": true, "d": true, "q": true, "v": true, "al": true, "dm": true,
	"eq": true, "ats": true, "asl": true, "gap": true, "hy": true, "jac": true, "jai": true, "just ": true,
	"makefile": true, "procfile": true, "dockerfile": true, "linear programming": true, "mask": true,
	"pep8": true, "omgrofl": true, "brainfuck": true, "dogescript": true, "lolcode": true, "befunge": true,
	"holyc": true, "whitespace": true, "cool ": true, "csound score": true, "filterscript": true, "gdb": true,
	"euphoria": true, "mirah": true, "motoko": true, "pact": true, "praat": true, "oberon": true, "genshi": true,
	"cairo": true, "chapel": true, "crystal": true, "koka": true, "dafny": true, "elvish": true, "flix": true,
	"gleam": true, "grammatical framework": true, "hare": true, "janet": true, "jolie": true, "lean": true,
	"lobster": true, "modelica": true, "monkey c": true, "odin": true, "polar ": true, "roc": true,
	"rebol": true, "sage": true, "scheme": true, "shen": true, "stan": true, "starlark": true, "uno": true,
	"wdl": true, "yacc": true, "zeek": true, "zimpl": true, "answer set programming": true, "mathematical programming system": true,
	"module management system": true, "open policy agent": true, "common workflow language": true}

func buildLinguist(data, out string, core map[string]bool) error {
	raw, err := os.ReadFile(filepath.Join(data, "skills", "linguist_languages", "languages.json"))
	if err != nil {
		return err
	}
	var langs map[string]struct {
		Name    string   `json:"name"`
		Type    string   `json:"type"`
		Aliases []string `json:"aliases"`
	}
	if err := json.Unmarshal(raw, &langs); err != nil {
		return fmt.Errorf("languages.json: %w", err)
	}
	var names []string
	for k, v := range langs {
		if v.Type != "programming" {
			continue
		}
		n := norm(k)
		if core[n] || linguistStop[n] || len(n) < 3 {
			continue
		}
		bad := false
		for _, w := range []string{"console", "repl", "transcript", "+", "literate", "*", "abuild", "ebuild", "eclass", "(", "runscript", "document", "template"} {
			if strings.Contains(n, w) {
				bad = true
			}
		}
		if !bad {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	f, err := os.Create(filepath.Join(out, "skills_linguist.tsv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Programming languages: generated by taxonomy/internal/build from GitHub linguist languages.yml (MIT).")
	fmt.Fprintln(w, "# name\tcategory\taliases")
	for _, k := range names {
		var aliases []string
		guard := "!"
		if strings.ContainsAny(k, " -") {
			guard = "?"
		}
		aliases = append(aliases, k+guard)
		fmt.Fprintf(w, "%s\tProgramming Languages\t%s\n", k, strings.Join(aliases, "|"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	log.Printf("skills_linguist.tsv: %d languages", len(names))
	return f.Close()
}
