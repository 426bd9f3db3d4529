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
		checkForms(t, "aliasForms", c.alias, got, c.has, c.hasn)
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

func TestInverseForms(t *testing.T) {
	for _, c := range []struct {
		name      string
		has, hasn []string
	}{
		{"Project Management", []string{"manage projects", "managing projects", "management of projects"}, []string{"manage project"}},
		{"Software Testing", []string{"testing software"}, []string{"test software", "test softwares"}},
		{"Risk Assessment", []string{"assess risk", "assessing risk", "assessment of risk"}, []string{"assess risks"}},
		{"Requirements Gathering", []string{"gather requirements", "gathering requirements"}, []string{"gather requirementss"}},
		{"API Design", []string{"designing apis", "design apis"}, nil},
		{"Data Profiling", []string{"profiling data"}, []string{"profile data"}},
		{"Data Management", []string{"managing data"}, []string{"management of data"}},
		{"Inventory Management", []string{"managing inventory"}, nil},
		{"Medication Administration", []string{"administering medication", "administration of medication"}, nil},
		{"Game Development", []string{"developing games"}, []string{"development of games"}},
		{"Design of Experiments", nil, []string{"design of experiments"}},
	} {
		checkForms(t, "inverseForms", c.name, inverseForms(c.name), c.has, c.hasn)
	}
	for _, n := range []string{"Clinical Development", "Predictive Modelling", "Process Development", "Python", "Test Case Design"} {
		if got := inverseForms(n); got != nil {
			t.Errorf("inverseForms(%q) = %q, want none", n, got)
		}
	}
}

func TestInverseFormsExtracted(t *testing.T) {
	e := newTestExtractor(t)
	for _, c := range []struct{ text, want, not string }{
		{"You will gather requirements from stakeholders and manage projects end to end.", "Requirements Gathering", ""},
		{"Experience designing APIs with Go and Python.", "API Design", ""},
		{"We ingest terabytes of social profile data a day with Python and Kafka.", "", "Data Profiling"},
		{"Nurses assess risk and plan care for patients.", "Risk Assessment", ""},
	} {
		var got []string
		for _, s := range e.Skills(c.text) {
			got = append(got, s.Name)
		}
		if c.want != "" && !slices.Contains(got, c.want) {
			t.Errorf("%q: %q lacks %q", c.text, got, c.want)
		}
		if c.not != "" && slices.Contains(got, c.not) {
			t.Errorf("%q: %q has %q", c.text, got, c.not)
		}
	}
}

// checkForms reports the writings of has that got, fn's writings of arg, lacks, and those of hasn it has.
func checkForms(t *testing.T, fn, arg string, got, has, hasn []string) {
	t.Helper()
	for _, w := range has {
		if !slices.Contains(got, w) {
			t.Errorf("%s(%q) lacks %q: %q", fn, arg, w, got)
		}
	}
	for _, w := range hasn {
		if slices.Contains(got, w) {
			t.Errorf("%s(%q) has %q", fn, arg, w)
		}
	}
}
