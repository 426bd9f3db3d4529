// Package taxonomy holds the vocabularies extraction works from — skills with their categories, canonical
// job titles, and a gazetteer of GB and US places — as embedded data files and the loaders that read
// them. The files are compact TSV so that a person can read and amend them; see LoadSkills, LoadTitles
// and LoadPlaces for each format. Data sources and their licences are listed in the repository's NOTICE.
//
// A user may add skills and titles of their own with a file read by LoadUser and merged by
// Taxonomy.WithUser. It is tab-separated text, one entry a line, '#' lines are comments:
//
//	# kind	name	category	aliases ('|'; '?' = only in a technical context; '!' = also in this case)
//	skill	Kedro	Libraries, Frameworks & Software Standards	kedro
//	skill	Acme Cloud	Cloud Services	AcmeCloud|Acme!
//	# kind	name	aliases ('|'; {a,b} alternatives are expanded)
//	title	Analytics Engineer	{analytics,dbt} {engineer,developer}
//
// The user's entries win over the default ones where both name the same skill or alias.
package taxonomy

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Taxonomy is the set of vocabularies extraction uses. Its slices are not modified after loading, so
// one value may be shared by many goroutines.
type Taxonomy struct {
	Skills []Skill
	Titles []Title
	Places []Place
	// Towns, when set, returns more places of kind KindTown, read only when first called: the default
	// taxonomy's 19,782 US and Canadian towns, which extraction consults only to confirm a "Town,
	// State" pair, so that commands which never meet one do not pay to parse them.
	Towns func() ([]Place, error)
}

// The data files of the default taxonomy, in order of precedence: for skills, an earlier file wins
// when two files name the same skill or alias.
var (
	skillFiles = []string{"data/skills.tsv", "data/skills_linguist.tsv", "data/skills_onet.tsv"}
	titleFiles = []string{"data/titles.tsv"}
	placeFiles = []string{"data/geo.tsv", "data/gb_places.tsv"}
	townFile   = "data/na_towns.tsv"
)

// defaultTowns parses the embedded towns once, on first use.
var defaultTowns = sync.OnceValues(func() ([]Place, error) { return loadFile(townFile, LoadPlaces) })

// defaultTaxonomy parses the embedded files once; the result is never modified.
var defaultTaxonomy = sync.OnceValues(func() (*Taxonomy, error) {
	t := &Taxonomy{}
	for _, name := range skillFiles {
		s, err := loadFile(name, LoadSkills)
		if err != nil {
			return nil, err
		}
		t.Skills = MergeSkills(t.Skills, s)
	}
	for _, name := range titleFiles {
		s, err := loadFile(name, LoadTitles)
		if err != nil {
			return nil, err
		}
		t.Titles = append(t.Titles, s...)
	}
	for _, name := range placeFiles {
		s, err := loadFile(name, LoadPlaces)
		if err != nil {
			return nil, err
		}
		t.Places = append(t.Places, s...)
	}
	t.Towns = defaultTowns
	return t, nil
})

// Default returns the taxonomy built into the binary. It is parsed on first use; every call returns
// the same value, which callers must not modify.
func Default() (*Taxonomy, error) { return defaultTaxonomy() }

func loadFile[T any](name string, load func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := dataFS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("taxonomy: %w", err)
	}
	defer f.Close()
	v, err := load(f)
	if err != nil {
		return nil, fmt.Errorf("taxonomy %s: %w", name, err)
	}
	return v, nil
}

// WithSkills returns a copy of t whose skills are extra followed by t's own, extra winning where both
// name the same skill or alias. It is how a user-supplied skills file is added to the default.
func (t *Taxonomy) WithSkills(extra []Skill) *Taxonomy {
	c := *t
	c.Skills = MergeSkills(extra, t.Skills)
	return &c
}

// readTSV calls fn for every non-blank, non-comment line of r, split on tabs, with its line number.
func readTSV(r io.Reader, fn func(line int, f []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
