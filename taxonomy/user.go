package taxonomy

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// LoadUser reads a user's taxonomy file, which adds skills and job titles to the default ones (see
// Taxonomy.WithUser). It is UTF-8 text, one entry a line, '#' lines are comments, tab-separated, the
// first column saying what the line adds:
//
//	skill <TAB> name <TAB> category <TAB> aliases
//	title <TAB> name <TAB> aliases [<TAB> sector]
//
// A skill line is a line of a skills file (see LoadSkills: category is one of Categories(), aliases
// are separated by '|', '?' and '!' guard them) after the word "skill"; a title line is a line of a
// titles file (see LoadTitles: '|' separates aliases, braces give alternatives, the sector is tech,
// mixed or other, mixed when left out) after the word "title". For example:
//
//	skill	Kedro	Libraries, Frameworks & Software Standards	kedro
//	skill	Acme Cloud	Cloud Services	AcmeCloud|Acme!
//	title	Analytics Engineer	{analytics,dbt} {engineer,developer}
func LoadUser(r io.Reader) ([]Skill, []Title, error) {
	var skills, titles strings.Builder
	err := readTSV(r, func(_ int, f []string) error {
		switch strings.ToLower(strings.TrimSpace(f[0])) {
		case "skill":
			if len(f) < 3 {
				return errors.New("a skill line wants: skill, name, category and aliases separated by tabs")
			}
			skills.WriteString(strings.Join(f[1:], "\t") + "\n")
		case "title":
			if len(f) < 2 {
				return errors.New("a title line wants: title, name and aliases separated by tabs")
			}
			titles.WriteString(strings.Join(f[1:], "\t") + "\n")
		default:
			return fmt.Errorf("unknown kind %q: a line starts with skill or title", f[0])
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("user taxonomy: %w", err)
	}
	s, err := LoadSkills(strings.NewReader(skills.String()))
	if err != nil {
		return nil, nil, fmt.Errorf("user taxonomy: %w", err)
	}
	t, err := LoadTitles(strings.NewReader(titles.String()))
	if err != nil {
		return nil, nil, fmt.Errorf("user taxonomy: %w", err)
	}
	return s, t, nil
}

// WithUser returns a copy of t with a user's skills and titles added: the user's skills win where
// they name the same skill or alias as a default one (see WithSkills), and the user's titles come
// first, so that they win where a title matches one of theirs and a default one equally well.
func (t *Taxonomy) WithUser(skills []Skill, titles []Title) *Taxonomy {
	c := t.WithSkills(skills)
	if len(titles) > 0 {
		c.Titles = append(append(make([]Title, 0, len(titles)+len(t.Titles)), titles...), t.Titles...)
	}
	return c
}
