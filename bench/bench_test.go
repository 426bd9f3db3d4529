package bench

import (
	"slices"
	"strings"
	"testing"
	"time"

	"jobscope"
	"jobscope/stats"
)

func TestTimingOf(t *testing.T) {
	for _, c := range []struct {
		name string
		ds   []time.Duration
		want Timing
	}{
		{"no runs", nil, Timing{}},
		{"one run", []time.Duration{3 * time.Millisecond}, Timing{Runs: 1, P50: 3, P90: 3}},
		// Sorted first; p50 of 1,2,3,4 interpolates between the middle two, p90 at rank 2.7.
		{"unsorted", []time.Duration{4 * time.Millisecond, time.Millisecond, 3 * time.Millisecond, 2 * time.Millisecond},
			Timing{Runs: 4, P50: 2.5, P90: 3.7}},
		{"sub-millisecond", []time.Duration{500 * time.Microsecond, 1500 * time.Microsecond}, Timing{Runs: 2, P50: 1, P90: 1.4}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := TimingOf(c.ds)
			const eps = 1e-9
			if got.Runs != c.want.Runs || abs(got.P50-c.want.P50) > eps || abs(got.P90-c.want.P90) > eps {
				t.Errorf("TimingOf(%v) = %+v, want %+v", c.ds, got, c.want)
			}
		})
	}
}

func abs(x float64) float64 { return max(x, -x) }

func TestSample(t *testing.T) {
	skill := func(name string, ads int) jobscope.Term {
		return jobscope.Term{Name: name, Kind: jobscope.KindSkill, Ads: ads}
	}
	title := func(name string, ads int) jobscope.Term {
		return jobscope.Term{Name: name, Kind: jobscope.KindTitle, Ads: ads}
	}
	loc := func(name string, ads int) jobscope.Term {
		return jobscope.Term{Name: name, Kind: jobscope.KindLocation, Ads: ads}
	}
	// As the engine lists them: by kind and name, not by citations.
	terms := []jobscope.Term{
		loc("Leeds", 30), loc("London", 20), loc("Manchester", 40),
		skill("AWS", 50), skill("Go", 90), skill("Java", 70), skill("Python", 100), skill("Rust", 10), skill("SQL", 60),
		skill("C", 5), skill("Perl", 3),
		title("Backend Developer", 80), title("Data Engineer", 40), title("DevOps Engineer", 40),
	}
	for _, c := range []struct {
		name  string
		terms []jobscope.Term
		k     int
		want  []string
	}{
		{"top skills first", terms, 3, []string{"Python", "Go", "Java"}},
		// Four skills, two titles (ties by name), the middle skill (of eight), London, the most-cited
		// location.
		{"each kind", terms, 9, []string{"Python", "Go", "Java", "SQL", "Backend Developer", "Data Engineer", "AWS", "London", "Manchester"}},
		{"then more skills", terms, 10, []string{"Python", "Go", "Java", "SQL", "Backend Developer", "Data Engineer", "AWS", "London",
			"Manchester", "Rust"}},
		{"more than there are", terms[:4], 10, []string{"AWS", "London", "Manchester", "Leeds"}},
		{"none", nil, 5, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, s := range sample(c.terms, c.k) {
				got = append(got, s.Name)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("sample(k=%d) = %q, want %q", c.k, got, c.want)
			}
		})
	}
	t.Run("most-cited title", func(t *testing.T) {
		if got, ok := mostCited(terms, jobscope.KindTitle); !ok || got.Name != "Backend Developer" {
			t.Errorf("mostCited = %+v, %v", got, ok)
		}
		if _, ok := mostCited(terms[:3], jobscope.KindTitle); ok {
			t.Error("a most-cited title among no titles")
		}
	})
}

func TestCuts(t *testing.T) {
	for _, c := range []struct {
		name  string
		title string
		want  []string
	}{
		{"with a title", "Backend Developer", []string{"location London", "seniority senior", "title Backend Developer",
			"title Backend Developer, location London, seniority senior"}},
		// No title to cut by: the title's cuts are left out rather than run uncut.
		{"no title", "", []string{"location London", "seniority senior"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, cut := range cutsOf(c.title) {
				if cut.IsZero() {
					t.Errorf("an empty cut")
				}
				got = append(got, cutName(cut))
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("cuts %q, want %q", got, c.want)
			}
		})
	}
	if got := cutName(stats.Cut{WorkMode: "remote", IR35: "outside", Skill: "Go"}); got != "skill Go, work mode remote, IR35 outside" {
		t.Errorf("cutName = %q", got)
	}
}

func TestTimeCuts(t *testing.T) {
	// Three permanent ads in Manchester, two of them senior; none in London.
	e := stats.NewEngine()
	for i, sen := range []string{"senior", "senior", "junior"} {
		e.Add(stats.Record{Seq: int64(i + 1), Posted: time.Date(2026, 10, 1+i, 0, 0, 0, 0, time.UTC), Type: jobscope.Permanent,
			Country: "GB", Nation: "England", Region: "North West", Place: "Manchester", Title: "Data Engineer",
			Skills: []jobscope.Skill{{Name: "Go", Category: "Languages"}}, Seniority: sen})
	}
	gb := stats.Scope{Market: stats.MarketPermanent, Country: "GB", Currency: "GBP"}
	sampled := []jobscope.Term{
		{Name: "Go", Kind: jobscope.KindSkill, Ads: 3},
		{Name: "Manchester", Kind: jobscope.KindLocation, Ads: 3}, // not a skill: no cut pages
	}
	// want is Go's page with a cut: its jobs when timed, else what the reason it was skipped names.
	type want struct {
		jobs    int
		skipped string
	}
	for _, c := range []struct {
		name  string
		title string
		want  map[string]want // by cut
	}{
		{"no title", "", map[string]want{"location London": {skipped: `"London"`}, "seniority senior": {jobs: 2}}},
		{"a title", "Data Engineer", map[string]want{
			"location London": {skipped: `"London"`}, "seniority senior": {jobs: 2}, "title Data Engineer": {jobs: 3},
			"title Data Engineer, location London, seniority senior": {skipped: `"London"`},
		}},
		{"a title no ad cites", "Backend Developer", map[string]want{
			"location London": {skipped: `"London"`}, "seniority senior": {jobs: 2},
			"title Backend Developer":                                    {skipped: `"Backend Developer"`},
			"title Backend Developer, location London, seniority senior": {skipped: `"Backend Developer"`},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			const runs = 2
			cuts := timeCuts(e, sampled, gb, c.title, runs)
			if len(cuts) != len(c.want) {
				t.Fatalf("%d cuts, want %d: %+v", len(cuts), len(c.want), cuts)
			}
			for _, cr := range cuts {
				w, ok := c.want[cr.Cut]
				if !ok || len(cr.Pages) != 1 || cr.Pages[0].Term != "Go" {
					t.Errorf("cut %+v, want Go's page only, %+v", cr, w)
					continue
				}
				p, wantRuns := cr.Pages[0], runs
				if w.skipped != "" {
					wantRuns = 0
				}
				if p.Jobs != w.jobs || p.Engine.Runs != wantRuns || cr.Runs != wantRuns ||
					(w.skipped == "") != (p.Skipped == "") || !strings.Contains(p.Skipped, w.skipped) {
					t.Errorf("%s: %d runs over the pages, page %+v; want %+v", cr.Cut, cr.Runs, p, w)
				}
			}
		})
	}
}
