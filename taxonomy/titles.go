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
}

// LoadTitles reads a titles file: one canonical title a line, '#' lines are comments, two
// tab-separated columns:
//
//	name <TAB> aliases
//
// aliases are separated by '|' and may use braces for alternatives, expanded in full:
// "{back end,backend} {developer,engineer}" gives four aliases. The name is always an alias. Aliases
// leave seniority words out ("Senior", "Lead"); extraction removes those from titles before matching.
func LoadTitles(r io.Reader) ([]Title, error) {
	var out []Title
	err := readTSV(r, func(_ int, f []string) error {
		name := strings.TrimSpace(f[0])
		if name == "" {
			return errors.New("empty title")
		}
		t := Title{Name: name, Aliases: []string{name}}
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
