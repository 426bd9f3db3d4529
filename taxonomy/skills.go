package taxonomy

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Skill categories, after IT Jobs Watch.
const (
	CatLanguages  = "Programming Languages"
	CatFrameworks = "Libraries, Frameworks & Software Standards"
	CatDatabases  = "Database & Business Intelligence"
	CatCloud      = "Cloud Services"
	CatDevApps    = "Development Applications"
	CatOS         = "Operating Systems"
	CatSystems    = "Systems Management"
	CatProcesses  = "Processes & Methodologies"
	CatQualify    = "Qualifications"
	CatVendors    = "Vendors"
	CatGeneral    = "General"
	CatPlatforms  = "Application Platforms"
	CatNetworking = "Communications & Networking"
)

// CatInferred is the category of a skill extraction reads from a list of skills that the taxonomy
// does not know ("Python/Django, ZeroMQ, Mongrel2"), named as the ad writes it. No skills file uses it.
const CatInferred = "Other Skills"

// Categories returns the skill categories a skills file may use.
func Categories() []string {
	return []string{CatLanguages, CatFrameworks, CatDatabases, CatCloud, CatDevApps, CatOS, CatSystems,
		CatProcesses, CatQualify, CatVendors, CatGeneral, CatPlatforms, CatNetworking}
}

// Guard says how sure a mention of an alias must be before it counts: names that are also ordinary
// words ("Go", "R", "Swift", "Chef") only count where the text is about technology.
type Guard uint8

const (
	// GuardNone: any mention counts, in any case.
	GuardNone Guard = iota
	// GuardContext: the mention counts only near other skills or technical words.
	GuardContext
	// GuardCase: as GuardContext, and the mention must be written in the alias's own case.
	GuardCase
)

// Alias is one way of writing a skill.
type Alias struct {
	Text  string
	Guard Guard
}

// Skill is a skill with its canonical name, category and the ways it is written.
type Skill struct {
	Name     string
	Category string
	Aliases  []Alias // includes the name itself unless the file guards it
}

// LoadSkills reads a skills file: UTF-8 text, one skill a line, '#' lines are comments, three
// tab-separated columns:
//
//	name <TAB> category <TAB> aliases
//
// category is one of Categories(); aliases are separated by '|'. An alias ending in '?' counts only
// in a technical context (near other skills or words such as "developer"); one ending in '!' must also
// be written in the case given ("Go!" matches "Go" but not "go"). The name is an alias too, unguarded,
// unless it is listed among the aliases with a guard.
func LoadSkills(r io.Reader) ([]Skill, error) {
	var out []Skill
	cats := map[string]bool{}
	for _, c := range Categories() {
		cats[c] = true
	}
	err := readTSV(r, func(_ int, f []string) error {
		if len(f) < 2 || strings.TrimSpace(f[0]) == "" {
			return errors.New("want name, category and aliases separated by tabs")
		}
		s := Skill{Name: strings.TrimSpace(f[0]), Category: strings.TrimSpace(f[1])}
		if !cats[s.Category] {
			return fmt.Errorf("unknown category %q", s.Category)
		}
		var list []string
		if len(f) > 2 {
			list = splitList(f[2])
		}
		nameListed := false
		for _, a := range list {
			al := Alias{Text: a}
			switch {
			case strings.HasSuffix(a, "!") && len(a) > 1:
				al = Alias{Text: a[:len(a)-1], Guard: GuardCase}
			case strings.HasSuffix(a, "?") && len(a) > 1:
				al = Alias{Text: a[:len(a)-1], Guard: GuardContext}
			}
			if strings.EqualFold(al.Text, s.Name) {
				nameListed = true
			}
			s.Aliases = append(s.Aliases, al)
		}
		if !nameListed {
			s.Aliases = append([]Alias{{Text: s.Name}}, s.Aliases...)
		}
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("skills: %w", err)
	}
	return out, nil
}

// MergeSkills returns a's skills followed by those of b that a does not already have: a skill of b
// whose name is a skill or alias of a is dropped, and so is any alias of b already taken.
func MergeSkills(a, b []Skill) []Skill {
	taken := map[string]bool{}
	out := make([]Skill, 0, len(a)+len(b))
	for _, s := range a {
		taken[strings.ToLower(s.Name)] = true
		for _, al := range s.Aliases {
			taken[strings.ToLower(al.Text)] = true
		}
		out = append(out, s)
	}
	for _, s := range b {
		if taken[strings.ToLower(s.Name)] {
			continue
		}
		c := s
		c.Aliases = nil
		for _, al := range s.Aliases {
			if !taken[strings.ToLower(al.Text)] {
				c.Aliases = append(c.Aliases, al)
			}
		}
		if len(c.Aliases) == 0 {
			continue
		}
		for _, al := range c.Aliases {
			taken[strings.ToLower(al.Text)] = true
		}
		taken[strings.ToLower(c.Name)] = true
		out = append(out, c)
	}
	return out
}
