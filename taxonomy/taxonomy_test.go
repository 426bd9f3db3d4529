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
	towns, err := tx.Towns()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range towns {
		if p.Kind != KindTown || p.Region == "" {
			t.Errorf("town %+v is not a town in a state or province", p)
		}
	}
	for _, p := range append(towns, tx.Places...) {
		kinds[p.Kind]++
		if p.Country == "GB" && p.Kind == KindPlace && p.Region == "" {
			t.Errorf("GB place %q has no region", p.Name)
		}
	}
	for _, k := range []string{KindCountry, KindNation, KindRegion, KindCounty, KindDistrict, KindPlace, KindPostcode, KindTown} {
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
	for _, in := range []string{"village\tX\tGB\n", "place\tX\tGB\t\t\t\tseven\t\n", "place\n"} {
		if _, err := LoadPlaces(strings.NewReader(in)); err == nil {
			t.Errorf("LoadPlaces(%q): no error", in)
		}
	}
}

// TestSkillCoverage asserts the size of the default skills taxonomy and that every category of
// Categories is used, and that no two skills share a name or an alias.
func TestSkillCoverage(t *testing.T) {
	tx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(tx.Skills); n < 2000 {
		t.Errorf("%d skills, want at least 2000", n)
	}
	per := map[string]int{}
	names := map[string]bool{}
	aliases := map[string]string{}
	for _, s := range tx.Skills {
		per[s.Category]++
		k := strings.ToLower(s.Name)
		if names[k] {
			t.Errorf("skill %q listed twice", s.Name)
		}
		names[k] = true
		if len(s.Aliases) == 0 {
			t.Errorf("skill %q has no alias", s.Name)
		}
		for _, a := range s.Aliases {
			ak := strings.ToLower(a.Text)
			if other, ok := aliases[ak]; ok && other != s.Name {
				t.Errorf("alias %q of %q is also an alias of %q", a.Text, s.Name, other)
			}
			aliases[ak] = s.Name
		}
	}
	for _, c := range Categories() {
		t.Run(c, func(t *testing.T) {
			if per[c] == 0 {
				t.Errorf("category %q has no skills", c)
			}
		})
	}
	t.Logf("%d skills: %v", len(tx.Skills), per)
}

func TestLoadUser(t *testing.T) {
	in := "# mine\nskill\tKedro\tLibraries, Frameworks & Software Standards\tkedro\n" +
		"skill\tPython\tGeneral\tpy3\ntitle\tAnalytics Engineer\t{analytics,dbt} {engineer,developer}\n"
	skills, titles, err := LoadUser(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(skills) != 2 || len(titles) != 1 || len(titles[0].Aliases) != 5 {
		t.Fatalf("got %d skills, %d titles %v", len(skills), len(titles), titles)
	}
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	u := def.WithUser(skills, titles)
	if u.Titles[0].Name != "Analytics Engineer" || len(u.Titles) != len(def.Titles)+1 {
		t.Errorf("user title not first: %q, %d titles", u.Titles[0].Name, len(u.Titles))
	}
	n := 0
	for _, s := range u.Skills {
		if s.Name == "Python" {
			n++
			if s.Category != "General" {
				t.Errorf("user's Python did not win: %q", s.Category)
			}
		}
	}
	if n != 1 {
		t.Errorf("Python listed %d times", n)
	}
	if len(def.Skills) > 0 && def.Skills[0].Name == "Kedro" {
		t.Error("default taxonomy modified")
	}
	bad := []struct{ name, in string }{
		{"unknown kind", "place\tLeeds\n"},
		{"bad category", "skill\tKedro\tFrameworks\tkedro\n"},
		{"short skill", "skill\tKedro\n"},
		{"bad braces", "title\tX\t{a,b\n"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := LoadUser(strings.NewReader(tc.in)); err == nil {
				t.Errorf("LoadUser(%q) gave no error", tc.in)
			}
		})
	}
}

func TestTechJobs(t *testing.T) {
	tx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	j := tx.TechJobs()
	cats := func(cs ...string) func(func(string) bool) {
		return func(yield func(string) bool) {
			for _, c := range cs {
				if !yield(c) {
					return
				}
			}
		}
	}
	tests := []struct {
		title string
		cats  []string
		want  bool
	}{
		{"Backend Developer", nil, true},                                       // a tech title, whatever it cites
		{"IT Support Analyst", []string{CatGeneral}, true},                     //
		{"Staff Nurse", []string{CatLanguages, CatDatabases, CatCloud}, false}, // never, whatever it cites
		{"Accountant", []string{CatDatabases, CatPlatforms}, false},            //
		{"Project Manager", []string{CatDevApps, CatCloud}, true},              // mixed: two tech skills decide
		{"Project Manager", []string{CatDevApps, CatProcesses}, false},         // one is not enough
		{"Engineer", []string{CatPlatforms, CatPlatforms, CatNetworking}, false},
		{"", []string{CatLanguages, CatFrameworks}, true}, // no title: the skills decide
		{"", []string{CatLanguages}, false},
		{"Some Title Nobody Listed", []string{CatOS, CatSystems}, true},
	}
	for _, tt := range tests {
		if got := j.Is(tt.title, cats(tt.cats...)); got != tt.want {
			t.Errorf("Is(%q, %v) = %v, want %v", tt.title, tt.cats, got, tt.want)
		}
	}
	// Every title of the built-in file says its sector; a titles file may leave it out (mixed) but
	// not misspell it.
	for _, ti := range tx.Titles {
		if ti.Sector == "" {
			t.Errorf("title %q has no sector", ti.Name)
		}
	}
	got, err := LoadTitles(strings.NewReader("Kedro Engineer\tkedro {engineer,dev}\n"))
	if err != nil || len(got) != 1 || got[0].Sector != SectorMixed {
		t.Errorf("a title without a sector: %+v, %v; want mixed", got, err)
	}
	if _, err := LoadTitles(strings.NewReader("X\tx\tIT\n")); err == nil || !strings.Contains(err.Error(), "tech, mixed or other") {
		t.Errorf("a title of sector IT: %v, want an error naming the sectors", err)
	}
}

// TestUniqueSkillNames checks that no file lists a skill twice under one name: the merge keeps the
// first row, and the aliases of the second would be lost without a word.
func TestUniqueSkillNames(t *testing.T) {
	for _, name := range skillFiles {
		skills, err := loadFile(name, LoadSkills)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, s := range skills {
			if seen[s.Name] {
				t.Errorf("%s: skill %q listed twice", name, s.Name)
			}
			seen[s.Name] = true
		}
	}
}
