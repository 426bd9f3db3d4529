package extract

import (
	"slices"
	"testing"
)

func TestAliasForms(t *testing.T) {
	for _, c := range []struct {
		alias     string
		has, hasn []string
	}{
		{"work in a team", []string{"works in a team", "working in a team"}, []string{"work in a teams"}},
		{"work in teams", []string{"working in teams"}, []string{"work in team"}},
		{"write tests", []string{"writing tests"}, []string{"write test"}},
		{"team working", nil, []string{"team works", "teams working"}},
		{"problem solving", nil, []string{"problem solves"}},
		{"analysing data", []string{"analyse data", "analyzing data", "analyzed data"}, nil},
		{"integration test", []string{"integration tests"}, []string{"integration testing"}},
		{"team leading", nil, []string{"team lead", "team leads"}},
		{"lead a team", []string{"leads a team", "leading a team"}, []string{"led a team"}},
		{"supervised learning", nil, []string{"supervising learning"}},
		{"good organisational skill", []string{"good organizational skill", "good organizational skills", "good organisational skills"}, nil},
		{"good organisational skills", []string{"good organizational skills"}, []string{"good organisational skill"}},
		{"collaborative teams", nil, []string{"collaborative team"}},
		{"mentoring junior", []string{"mentor junior", "mentors junior"}, nil},
	} {
		got := aliasForms(c.alias)
		for _, w := range c.has {
			if !slices.Contains(got, w) {
				t.Errorf("aliasForms(%q) lacks %q: %q", c.alias, w, got)
			}
		}
		for _, w := range c.hasn {
			if slices.Contains(got, w) {
				t.Errorf("aliasForms(%q) has %q", c.alias, w)
			}
		}
		if slices.Contains(got, c.alias) {
			t.Errorf("aliasForms(%q) repeats the alias", c.alias)
		}
	}
	if got := aliasForms("teamwork"); got != nil {
		t.Errorf("one word: %q", got)
	}
	for _, a := range []string{"team working", "well-organised and able", "a b"} {
		if !plainPhrase(a) {
			t.Errorf("plainPhrase(%q) = false", a)
		}
	}
	for _, a := range []string{"teamwork", "A/B testing", "c++ and go", "two  spaces", " lead"} {
		if plainPhrase(a) {
			t.Errorf("plainPhrase(%q) = true", a)
		}
	}
}

// TestFormsMatch checks that a skill is found in a form its alias is not written in.
func TestFormsMatch(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct{ text, skill string }{
		{"You will be manages a team across two sites.", "Team Leadership"},
		{"Experience analyzing data from clinical trials.", "Data Analysis"},
		{"Comfortable managing stakeholders and working in a team.", "Teamwork"},
	} {
		found := false
		for _, m := range e.SkillMentions(c.text) {
			found = found || m.Name == c.skill
		}
		if !found {
			t.Errorf("%q: no %s in %v", c.text, c.skill, e.SkillMentions(c.text))
		}
	}
}
