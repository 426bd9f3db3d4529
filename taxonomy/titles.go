package taxonomy

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Title is a canonical job title and the ways ads write it.
type Title struct {
	Name    string
	Aliases []string // expanded; includes Name
	Sector  Sector
}

// Sector says whether a job title is a technology job, which decides the ads of the "all tech jobs"
// baseline (see TechJobs).
type Sector string

// The sectors of a title.
const (
	// SectorTech titles are technology jobs whatever the ad says: Backend Developer, IT Manager.
	SectorTech Sector = "tech"
	// SectorMixed titles are technology jobs in some ads and not in others (Project Manager,
	// Engineer): the ad's skills decide. A title of a user's taxonomy is mixed unless it says.
	SectorMixed Sector = "mixed"
	// SectorOther titles are never technology jobs: Staff Nurse, Chef, Accountant.
	SectorOther Sector = "other"
)

// LoadTitles reads a titles file: one canonical title a line, '#' lines are comments, up to three
// tab-separated columns:
//
//	name <TAB> aliases <TAB> sector
//
// aliases are separated by '|' and may use braces for alternatives, expanded in full:
// "{back end,backend} {developer,engineer}" gives four aliases. The name is always an alias. Aliases
// leave seniority words out ("Senior", "Lead"); extraction removes those from titles before matching.
// The sector is tech, mixed or other (see Sector); mixed when left out.
func LoadTitles(r io.Reader) ([]Title, error) {
	var out []Title
	err := readTSV(r, func(_ int, f []string) error {
		name := strings.TrimSpace(f[0])
		if name == "" {
			return errors.New("empty title")
		}
		t := Title{Name: name, Aliases: []string{name}, Sector: SectorMixed}
		if len(f) > 2 {
			switch sec := Sector(strings.ToLower(strings.TrimSpace(f[2]))); sec {
			case SectorTech, SectorMixed, SectorOther:
				t.Sector = sec
			case "":
			default:
				return fmt.Errorf("title %q: sector %q is not tech, mixed or other", name, f[2])
			}
		}
		if len(f) > 1 {
			for _, a := range splitList(f[1]) {
				exp, err := expandBraces(a)
				if err != nil {
					return err
				}
				for _, x := range exp {
					if x = strings.Join(strings.Fields(x), " "); x != "" {
						t.Aliases = append(t.Aliases, x)
					}
				}
			}
		}
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("titles: %w", err)
	}
	return out, nil
}

// expandBraces expands "{a,b} c" into "a c" and "b c"; spaces are left as written.
func expandBraces(s string) ([]string, error) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		if strings.IndexByte(s, '}') >= 0 {
			return nil, fmt.Errorf("unbalanced braces in %q", s)
		}
		return []string{s}, nil
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return nil, fmt.Errorf("unbalanced braces in %q", s)
	}
	j += i
	rest, err := expandBraces(s[j+1:])
	if err != nil {
		return nil, err
	}
	var out []string
	for _, alt := range strings.Split(s[i+1:j], ",") {
		for _, r := range rest {
			out = append(out, s[:i]+alt+r)
		}
	}
	return out, nil
}

// TechJobs decides which ads are technology jobs: those of the "all tech jobs" baseline, the
// population that IT Jobs Watch's figures are drawn from and the one a tech-market question
// expects. An ad is a tech job when its title is a tech title, or when its title is not an "other"
// title (a mixed one, or none recognised) and it cites at least two skills of the technology
// categories (languages, frameworks, databases and BI, cloud, development tools, operating systems,
// systems management). Office and line-of-business software (Excel, SAP), methods (Agile),
// qualifications and general skills are no evidence: nurses and accountants cite them too.
type TechJobs struct {
	sector map[string]Sector
}

// TechJobs returns the rule over t's titles.
func (t *Taxonomy) TechJobs() TechJobs {
	m := make(map[string]Sector, len(t.Titles))
	for _, ti := range t.Titles {
		if _, ok := m[ti.Name]; !ok { // a user's title comes first and wins
			m[ti.Name] = ti.Sector
		}
	}
	return TechJobs{sector: m}
}

// techEvidence are the skill categories whose skills make an ad of a mixed or unknown title a tech
// job.
var techEvidence = map[string]bool{
	CatLanguages: true, CatFrameworks: true, CatDatabases: true, CatCloud: true, CatDevApps: true,
	CatOS: true, CatSystems: true,
}

// Is reports whether an ad with canonical title title ("" when none was recognised) is a tech job;
// categories yields the category of each distinct skill it cites.
func (j TechJobs) Is(title string, categories func(yield func(string) bool)) bool {
	switch j.sector[title] {
	case SectorTech:
		return true
	case SectorOther:
		return false
	}
	n := 0
	for c := range categories {
		if techEvidence[c] {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}
