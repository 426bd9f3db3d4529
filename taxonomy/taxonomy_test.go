package taxonomy

import (
	"strings"
	"testing"
)

func TestDefault(t *testing.T) {
	tx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(tx.Skills) < 500 || len(tx.Titles) < 150 || len(tx.Places) < 20000 {
		t.Fatalf("default taxonomy too small: %d skills, %d titles, %d places", len(tx.Skills), len(tx.Titles), len(tx.Places))
	}
	again, _ := Default()
	if again != tx {
		t.Error("Default parsed twice")
	}
	find := func(name string) *Skill {
		for i := range tx.Skills {
			if tx.Skills[i].Name == name {
				return &tx.Skills[i]
			}
		}
		return nil
	}
	tests := []struct{ name, category string }{
		{"Python", CatLanguages}, {"Go", CatLanguages}, {"Kubernetes", CatSystems}, {"AWS", CatCloud},
		{"PostgreSQL", CatDatabases}, {"Scrum", CatProcesses}, {"CISSP", CatQualify}, {"Haskell", CatLanguages},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := find(tc.name)
			if s == nil {
				t.Fatalf("skill %q missing", tc.name)
			}
			if s.Category != tc.category {
				t.Errorf("category %q, want %q", s.Category, tc.category)
			}
		})
	}
	kinds := map[string]int{}
	for _, p := range tx.Places {
		kinds[p.Kind]++
		if p.Country == "GB" && p.Kind == KindPlace && p.Region == "" {
			t.Errorf("GB place %q has no region", p.Name)
		}
	}
	for _, k := range []string{KindCountry, KindNation, KindRegion, KindCounty, KindDistrict, KindPlace, KindPostcode} {
		if kinds[k] == 0 {
			t.Errorf("no places of kind %s", k)
		}
	}
}

func TestLoadSkills(t *testing.T) {
	in := "# comment\nGo\tProgramming Languages\tGo!|Golang\n\nTerraform\tSystems Management\t\nReact\tLibraries, Frameworks & Software Standards\tReact?|ReactJS\n"
	skills, err := LoadSkills(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(skills) != 3 {
		t.Fatalf("got %d skills", len(skills))
	}
	tests := []struct {
		name    string
		skill   Skill
		aliases string
	}{
		{"guarded name", skills[0], "Go!,Golang"},
		{"name only", skills[1], "Terraform"},
		{"context guard", skills[2], "React?,ReactJS"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var l []string
			for _, a := range tc.skill.Aliases {
				s := a.Text
				switch a.Guard {
				case GuardCase:
					s += "!"
				case GuardContext:
					s += "?"
				}
				l = append(l, s)
			}
			if got := strings.Join(l, ","); got != tc.aliases {
				t.Errorf("aliases %s, want %s", got, tc.aliases)
			}
		})
	}
	bad := []struct{ name, in string }{
		{"unknown category", "Go\tLanguages\t\n"},
		{"no category", "Go\n"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := LoadSkills(strings.NewReader(tc.in)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestMergeSkills(t *testing.T) {
	a := []Skill{{Name: "Go", Category: CatLanguages, Aliases: []Alias{{Text: "Go"}, {Text: "Golang"}}}}
	b := []Skill{
		{Name: "Golang", Category: CatLanguages, Aliases: []Alias{{Text: "Golang"}}},
		{Name: "Gleam", Category: CatLanguages, Aliases: []Alias{{Text: "Gleam"}, {Text: "Go"}}},
	}
	got := MergeSkills(a, b)
	if len(got) != 2 || got[1].Name != "Gleam" || len(got[1].Aliases) != 1 {
		t.Errorf("MergeSkills = %+v", got)
	}
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	user := def.WithSkills([]Skill{{Name: "Jobscope", Category: CatGeneral, Aliases: []Alias{{Text: "Jobscope"}}}})
	if user.Skills[0].Name != "Jobscope" || len(user.Skills) != len(def.Skills)+1 || len(def.Skills) == len(user.Skills) {
		t.Error("WithSkills did not add the user's skill first")
	}
}

func TestLoadTitles(t *testing.T) {
	titles, err := LoadTitles(strings.NewReader("Backend Developer\t{back end,backend} {developer,engineer}|api developer\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "Backend Developer|back end developer|back end engineer|backend developer|backend engineer|api developer"
	if got := strings.Join(titles[0].Aliases, "|"); got != want {
		t.Errorf("aliases %s, want %s", got, want)
	}
	if _, err := LoadTitles(strings.NewReader("X\t{a,b\n")); err == nil {
		t.Error("unbalanced braces accepted")
	}
}

func TestLoadPlaces(t *testing.T) {
	places, err := LoadPlaces(strings.NewReader("place\tDorking\tGB\tEngland\tSouth East\tSurrey\t7\t\nregion\tTexas\tUS\t\tTexas\t\t4\tTX!\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 2 || places[0].Rank != 7 || places[1].Aliases[0] != "TX!" {
		t.Errorf("places = %+v", places)
	}
	for _, in := range []string{"town\tX\tGB\n", "place\tX\tGB\t\t\t\tseven\t\n", "place\n"} {
		if _, err := LoadPlaces(strings.NewReader(in)); err == nil {
			t.Errorf("LoadPlaces(%q): no error", in)
		}
	}
}
