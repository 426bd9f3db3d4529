package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobscope"
	"jobscope/taxonomy"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// fixedExtractor answers with a prepared extraction per ad id (an empty one for others), so that the
// judging can be checked case by case whatever the real extractor does today.
type fixedExtractor map[string]jobscope.Extraction

func (f fixedExtractor) Extract(ad *jobscope.RawAd) jobscope.Extraction {
	x := f[ad.ID]
	x.ID, x.Source = ad.ID, ad.Source
	return x
}

func salary(min, max float64, cur, period string) *jobscope.Salary {
	return &jobscope.Salary{Min: min, Max: max, Currency: cur, Period: period}
}

// fixture is what a hand-checked extractor finds in testdata/shared: some right, some wrong, some missing.
var fixture = fixedExtractor{
	"a1": {Salary: salary(24000, 26000, "GBP", "year"), Location: jobscope.Location{Region: "Yorkshire and The Humber"},
		Employment: jobscope.Employment{Type: "permanent", Hours: "full_time"}},
	"a2": {Salary: salary(8.5, 8.5, "GBP", "hour"), Location: jobscope.Location{Region: "South East"}},
	"a3": {Location: jobscope.Location{Region: "Scotland"}},
	"a4": {Salary: salary(400, 400, "GBP", "day"), Employment: jobscope.Employment{Type: "permanent"}},
	"a5": {Salary: salary(1200, 1200, "EUR", "month")},
	"g1": {Salary: salary(90000, 110000, "USD", "year"), Location: jobscope.Location{Region: "Texas"},
		Skills: []jobscope.Skill{{Name: "Python"}, {Name: "Apache Spark"}, {Name: "AWS"}, {Name: "R"}}},
	"g2": {Salary: salary(20, 30, "USD", "year"), Skills: []jobscope.Skill{{Name: "Excel"}}},
	"101": {Salary: salary(28333.2, 28333.2, "GBP", "year"), Location: jobscope.Location{Region: "North West"},
		Employment: jobscope.Employment{Hours: "full_time"}},
	"102": {Salary: salary(17.69, 17.69, "GBP", "hour"), Location: jobscope.Location{Region: "Wales"},
		Employment: jobscope.Employment{Type: "temporary"}},
	"https://www.jobs.nhs.uk/xi/vacancy/101": {Salary: salary(28333, 28333, "GBP", "year"),
		Location: jobscope.Location{Region: "London"}, Employment: jobscope.Employment{Hours: "part_time"}},
}

func runFixture(t *testing.T, opts Options) []Result {
	t.Helper()
	ps, err := taxonomy.LoadPlaces(strings.NewReader(testPlaces))
	if err != nil {
		t.Fatal(err)
	}
	if opts.Taxonomy == nil {
		tax, err := taxonomy.Default()
		if err != nil {
			t.Fatal(err)
		}
		opts.Taxonomy = &taxonomy.Taxonomy{Skills: tax.Skills, Places: ps}
	}
	rs, err := Run(context.Background(), filepath.Join("testdata", "shared"), fixture, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestRunFixture(t *testing.T) {
	rs := runFixture(t, Options{Sets: []string{"adzuna_uk_2013", "glassdoor_us_2020", "nhs_jobs_2020"}, Worst: 5})
	type count struct{ cases, agree, unmapped int }
	want := map[string]count{
		// a1 right; a2 hour × 1920 and a4 day × 240, right; a3 none; a5 1,200 a month is 14,400, not 12,000
		// (its currency does not matter: Adzuna's figure ignores it).
		"adzuna_uk_2013 salary": {5, 3, 0},
		// a1 right, a2 wrong, a3 right; a4 has no region; a5's "Atlantis" maps to none.
		"adzuna_uk_2013 region":          {3, 2, 1},
		"adzuna_uk_2013 employment_type": {2, 1, 0},
		"adzuna_uk_2013 hours":           {2, 1, 0},
		"nhs_jobs_2020 salary":           {2, 1, 0},
		"nhs_jobs_2020 region":           {2, 2, 0},
		"nhs_jobs_2020 employment_type":  {1, 1, 0},
		"nhs_jobs_2020 hours":            {1, 1, 0},
		// The JobPosting's id is its address; its label is vacancy 101's.
		"nhs_jobs_2020/jobposting salary":          {1, 1, 0},
		"nhs_jobs_2020/jobposting region":          {1, 0, 0},
		"nhs_jobs_2020/jobposting employment_type": {0, 0, 0},
		"nhs_jobs_2020/jobposting hours":           {1, 0, 0},
		// g1 annual right; g2 hourly, but we said year. g3 has no labels.
		"glassdoor_us_2020 salary": {2, 1, 0},
		// g2's " Los Angeles" is no state.
		"glassdoor_us_2020 state": {1, 1, 1},
		// Pooled over python_yn and spark only, whose rules mean the skill: g1 and g2 right on both.
		"glassdoor_us_2020 skills":        {4, 4, 0},
		"glassdoor_us_2020 skills/python": {2, 2, 0},
		"glassdoor_us_2020 skills/r":      {2, 0, 0},
		"glassdoor_us_2020 skills/spark":  {2, 2, 0},
		"glassdoor_us_2020 skills/aws":    {2, 2, 0},
		"glassdoor_us_2020 skills/excel":  {2, 2, 0},
		// The fixed extractor ignores the employment field, so withholding it changes nothing.
		"adzuna_uk_2013 employment_type/withheld":           {2, 1, 0},
		"nhs_jobs_2020 employment_type/withheld":            {1, 1, 0},
		"nhs_jobs_2020/jobposting employment_type/withheld": {0, 0, 0},
		// Market coverage counts every ad with a salary of ours, labelled or not, by its type and period.
		"adzuna_uk_2013 market":                   {4, 2, 0},
		"adzuna_uk_2013 market/figures":           {4, 1, 0},
		"nhs_jobs_2020 market":                    {2, 1, 0},
		"nhs_jobs_2020 market/figures":            {2, 0, 0},
		"nhs_jobs_2020/jobposting market":         {1, 0, 0},
		"nhs_jobs_2020/jobposting market/figures": {1, 0, 0},
		"glassdoor_us_2020 market":                {2, 0, 0},
		"glassdoor_us_2020 market/figures":        {2, 0, 0},
	}
	got := map[string]count{}
	for _, r := range rs {
		got[r.Set+" "+r.Field] = count{r.Cases, r.Agree, r.Unmapped}
		if len(r.Worst) != r.Cases-r.Agree {
			t.Errorf("%s %s: %d worst cases for %d disagreements", r.Set, r.Field, len(r.Worst), r.Cases-r.Agree)
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %+v, want %+v", k, got[k], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d results, want %d: %v", len(got), len(want), got)
	}

	t.Run("worst first", func(t *testing.T) {
		r := find(t, rs, "adzuna_uk_2013", "salary")
		// No salary is infinitely wrong, before a figure 20% off.
		ids := []string{}
		for _, c := range r.Worst {
			ids = append(ids, c.ID)
		}
		if len(ids) != 2 || ids[0] != "a3" || ids[1] != "a5" {
			t.Errorf("worst = %v, want [a3 a5]", ids)
		}
		if r.SetAside != 1 {
			t.Errorf("set aside = %d, want 1 (the record without a title)", r.SetAside)
		}
	})
	t.Run("a wrong value before a missing one", func(t *testing.T) {
		r := find(t, rs, "nhs_jobs_2020/jobposting", "region")
		if c := r.Worst[0]; c.Got != "London" || c.Want != "North West (PR4 0HB)" || c.Text == "" {
			t.Errorf("case %+v", c)
		}
	})
	t.Run("skills confusion", func(t *testing.T) {
		r := find(t, rs, "glassdoor_us_2020", "skills/r")
		if r.Confusion == nil || *r.Confusion != (Confusion{FP: 1, FN: 1}) {
			t.Errorf("confusion %+v", r.Confusion)
		}
		if !r.Weak {
			t.Error("skills are not marked weak")
		}
	})
	t.Run("worst is bounded", func(t *testing.T) {
		for _, r := range runFixture(t, Options{Sets: []string{"adzuna_uk_2013"}, Worst: 1}) {
			if len(r.Worst) > 1 {
				t.Errorf("%s: %d worst cases", r.Field, len(r.Worst))
			}
		}
	})
}

func find(t *testing.T, rs []Result, set, field string) *Result {
	t.Helper()
	for i := range rs {
		if rs[i].Set == set && rs[i].Field == field {
			return &rs[i]
		}
	}
	t.Fatalf("no result for %s %s", set, field)
	return nil
}

func TestRunFilters(t *testing.T) {
	rs := runFixture(t, Options{Sets: []string{"glassdoor_us_2020"}, Fields: []string{"skills", "state"}, Worst: 5})
	var fields []string
	for _, r := range rs {
		fields = append(fields, r.Field)
	}
	want := []string{"state", "skills", "skills/python", "skills/r", "skills/spark", "skills/aws", "skills/excel"}
	if len(fields) != len(want) {
		t.Fatalf("fields %v, want %v", fields, want)
	}
	for i := range want {
		if fields[i] != want[i] {
			t.Fatalf("fields %v, want %v", fields, want)
		}
	}
}

func TestRunErrors(t *testing.T) {
	tests := []struct {
		name    string
		shared  string
		opts    Options
		unknown bool
	}{
		{"unknown set", "testdata/shared", Options{Sets: []string{"monster_2019"}}, true},
		{"unknown field", "testdata/shared", Options{Fields: []string{"salaray"}}, true},
		{"missing data", t.TempDir(), Options{Sets: []string{"reed_uk"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.shared, fixture, tt.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrUnknown) != tt.unknown {
				t.Errorf("error %v: ErrUnknown %v, want %v", err, errors.Is(err, ErrUnknown), tt.unknown)
			}
		})
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Run(ctx, filepath.Join("testdata", "shared"), fixture, Options{Sets: []string{"adzuna_uk_2013"}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// TestOutputGolden pins the text and JSON forms of the fixture's results; run with -update to rewrite.
func TestOutputGolden(t *testing.T) {
	rs := runFixture(t, Options{Sets: []string{"adzuna_uk_2013", "glassdoor_us_2020", "nhs_jobs_2020"}, Worst: 2})
	var text bytes.Buffer
	if err := WriteText(&text, rs); err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(rs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"fixture.txt": text.Bytes(), "fixture.json": append(js, '\n')} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (run with -update if the change is right):\n%s", name, got)
			}
		})
	}
}
