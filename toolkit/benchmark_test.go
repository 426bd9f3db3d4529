package toolkit

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"jobscope"
	"jobscope/extract"
	"jobscope/gen"
	"jobscope/ingest/read"
	"jobscope/internal/testads"
	"jobscope/market"
	"jobscope/stats"
	"jobscope/taxonomy"
)

// benchFixture is a market over generated ads (no reposts, so that every ad counts once) and the
// extraction of each ad, for recomputing figures independently.
func benchFixture(t *testing.T) (*market.Service, []jobscope.Extraction, []jobscope.RawAd) {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "ads.jsonl")
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Ads: 6000, Seed: 14, Years: 2}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "b.db")
	testads.Ingest(t, db, path)
	svc, err := market.Open(context.Background(), market.Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	ex := extract.New(tax)
	rd, err := read.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var xs []jobscope.Extraction
	var raws []jobscope.RawAd
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec.Ad != nil {
			xs = append(xs, ex.Extract(rec.Ad))
			raws = append(raws, *rec.Ad)
		}
	}
	return svc, xs, raws
}

// percentile is docs/figures.md's: linear interpolation between closest ranks.
func percentile(sorted []float64, p float64) float64 {
	h := float64(len(sorted)-1) * p
	lo := math.Floor(h)
	if int(lo)+1 >= len(sorted) {
		return sorted[int(lo)]
	}
	return sorted[int(lo)] + (h-lo)*(sorted[int(lo)+1]-sorted[int(lo)])
}

// TestBenchmarkBand: the benchmark's permanent band is the percentiles of the annual salaries of the
// ads, read by extract, with the title, level and place asked, in the 6 months it names: recomputed
// here from the extraction alone. A place too small widens, and says so.
func TestBenchmarkBand(t *testing.T) {
	svc, xs, raws := benchFixture(t)
	for _, in := range []BenchmarkInput{
		{Title: "Software Developer", Seniority: "senior"},
		{Title: "data engineer", Location: "London"},
		{Title: "Software Developer", Seniority: "mid", Location: "Leeds", MinN: 15},
		{Title: "Software Developer", Seniority: "senior", MinN: 30}, // too few in 6 months anywhere: 12 months
	} {
		b, err := Bench(svc, in)
		if err != nil {
			t.Fatalf("Bench(%+v): %v", in, err)
		}
		from, _ := time.Parse(time.DateOnly, b.From)
		to, _ := time.Parse(time.DateOnly, b.To)
		var sal []float64
		for i, x := range xs {
			p := stats.Day(raws[i].PostedAt)
			loc := x.Location
			if string(x.Title.Normalized) != b.Title || (b.Seniority != "" && string(x.Title.Seniority) != b.Seniority) ||
				x.Employment.Type != jobscope.Permanent || p.Before(from) || p.After(to) || loc.Country != "GB" ||
				x.Salary == nil || x.Salary.Annual == nil || x.Salary.Currency != "GBP" ||
				*x.Salary.Annual < 10000 || *x.Salary.Annual > 1000000 {
				continue
			}
			if l := b.Permanent.Location; l != "" && !slices.Contains([]string{string(loc.Place), string(loc.County),
				string(loc.Region), string(loc.Nation)}, l) {
				continue
			}
			sal = append(sal, *x.Salary.Annual)
		}
		sort.Float64s(sal)
		if b.Permanent.N != len(sal) {
			t.Fatalf("%+v: n %d, recomputed %d", in, b.Permanent.N, len(sal))
		}
		if len(sal) < 10 {
			t.Fatalf("%+v: only %d salaries: the test needs a bigger sample", in, len(sal))
		}
		for _, q := range []struct {
			p   float64
			got *float64
		}{{0.1, b.Permanent.P10}, {0.25, b.Permanent.P25}, {0.5, b.Permanent.P50}, {0.75, b.Permanent.P75}, {0.9, b.Permanent.P90}} {
			if q.got == nil || math.Abs(*q.got-percentile(sal, q.p)) > 0.01 {
				t.Errorf("%+v: p%.0f = %v, recomputed %v", in, q.p*100, q.got, percentile(sal, q.p))
			}
		}
		if in.MinN == 15 && len(b.Widened) == 0 {
			t.Errorf("%+v: %d salaries in the band and no widening", in, b.Permanent.N)
		}
		if in.MinN == 15 && b.Permanent.Location == "Leeds" {
			t.Errorf("%+v: did not widen from Leeds: %v", in, b.Widened)
		}
		if in.MinN == 30 && (len(b.Widened) == 0 || !strings.HasPrefix(b.Widened[len(b.Widened)-1], "period: 6 months → 12 months")) {
			t.Errorf("%+v: widened %v, want the period widened last", in, b.Widened)
		}
		t.Logf("%s %s %s: n=%d widened %v", b.Title, b.Seniority, b.Permanent.Location, b.Permanent.N, b.Widened)
	}
}

// TestBrief: the brief's count of ads and each listed skill's share are recomputed from the
// extraction alone: the permanent and contract ads of the title and level in the 6 months.
func TestBrief(t *testing.T) {
	svc, xs, raws := benchFixture(t)
	br, err := MakeBrief(svc, BriefInput{Title: "Software Developer", Seniority: "senior"})
	if err != nil {
		t.Fatal(err)
	}
	from, _ := time.Parse(time.DateOnly, br.SkillsFrom) // the skills are of the latest 6 months
	to, _ := time.Parse(time.DateOnly, br.To)
	jobs, withSkills := 0, 0
	cites := map[string]int{}
	for i, x := range xs {
		p := stats.Day(raws[i].PostedAt)
		if string(x.Title.Normalized) != br.Title || string(x.Title.Seniority) != br.Seniority || p.Before(from) || p.After(to) ||
			x.Location.Country != "GB" || (x.Employment.Type != jobscope.Permanent && x.Employment.Type != jobscope.Contract) {
			continue
		}
		jobs++
		if len(x.Skills) > 0 {
			withSkills++
		}
		for _, s := range x.Skills {
			cites[s.Name]++
		}
	}
	if br.Jobs != jobs || br.WithSkills != withSkills || withSkills < 10 {
		t.Fatalf("brief over %d ads (%d with skills), recomputed %d (%d)", br.Jobs, br.WithSkills, jobs, withSkills)
	}
	jobs = withSkills // shares are of the ads that cite any skill
	if len(br.MustHave) == 0 {
		t.Fatal("no must-have skill")
	}
	for _, list := range [][]BriefSkill{br.MustHave, br.NiceToHave, br.LeaveOff} {
		for _, s := range list {
			if s.Jobs != cites[s.Skill] {
				t.Errorf("%s: %d ads, recomputed %d", s.Skill, s.Jobs, cites[s.Skill])
			}
		}
	}
	for _, s := range br.MustHave {
		if float64(cites[s.Skill])/float64(jobs) < MustShare {
			t.Errorf("must have %s is cited by only %d of %d", s.Skill, cites[s.Skill], jobs)
		}
	}
	for name, n := range cites {
		if float64(n)/float64(jobs) >= MustShare && !slices.ContainsFunc(br.MustHave, func(b BriefSkill) bool { return b.Skill == name }) {
			t.Errorf("%s is cited by %d of %d ads but is not a must have", name, n, jobs)
		}
	}
	var md bytes.Buffer
	if err := br.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"# Software Developer (senior)", "## Must have", "## Pay", "## Work mode", "## Competition and time to fill"} {
		if !bytes.Contains(md.Bytes(), []byte(s)) {
			t.Errorf("the brief lacks %q:\n%s", s, md.String())
		}
	}
}

// TestReport: the report's counts, a riser's and a main title's figures are recomputed from the
// extraction alone, over the week and the two 4-week spans it names.
func TestReport(t *testing.T) {
	svc, xs, raws := benchFixture(t)
	r, err := MakeReport(svc, ReportInput{})
	if err != nil {
		t.Fatal(err)
	}
	if mon, err := WeekStart(r.Week); err != nil || mon.Format(time.DateOnly) != r.From || mon.Weekday() != time.Monday {
		t.Fatalf("week %s starts %s (%v)", r.Week, r.From, err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	in := func(p time.Time, from, to string) bool {
		p = stats.Day(p)
		return !p.Before(day(from)) && !p.After(day(to))
	}
	var week, recent, before int
	skillRecent, skillBefore := map[string]int{}, map[string]int{}
	titleRecent := map[string]int{}
	titlePay := map[string][]float64{}
	for i, x := range xs {
		p := stats.Day(raws[i].PostedAt)
		if x.Location.Country != "GB" || (x.Employment.Type != jobscope.Permanent && x.Employment.Type != jobscope.Contract) {
			continue
		}
		if in(p, r.From, r.To) {
			week++
		}
		if in(p, r.RecentFrom, r.To) {
			recent++
			for _, s := range x.Skills {
				skillRecent[s.Name]++
			}
			titleRecent[string(x.Title.Normalized)]++
			if s := x.Salary; x.Employment.Type == jobscope.Permanent && s != nil && s.Annual != nil && s.Currency == "GBP" &&
				*s.Annual >= 10000 && *s.Annual <= 1000000 {
				titlePay[string(x.Title.Normalized)] = append(titlePay[string(x.Title.Normalized)], *s.Annual)
			}
		}
		if in(p, r.BeforeFrom, r.BeforeTo) {
			before++
			for _, s := range x.Skills {
				skillBefore[s.Name]++
			}
		}
	}
	if r.Jobs != week || r.JobsRecent != recent || r.JobsBefore != before || week == 0 {
		t.Fatalf("ads %d, %d, %d; recomputed %d, %d, %d", r.Jobs, r.JobsRecent, r.JobsBefore, week, recent, before)
	}
	for _, m := range append(r.Risers, r.Fallers...) {
		if m.Jobs != skillRecent[m.Skill] || m.JobsBefore != skillBefore[m.Skill] {
			t.Errorf("%s: %d then %d ads, recomputed %d and %d", m.Skill, m.JobsBefore, m.Jobs, skillBefore[m.Skill], skillRecent[m.Skill])
		}
	}
	if len(r.Risers) == 0 || len(r.Titles) == 0 {
		t.Fatalf("no risers (%d) or titles (%d)", len(r.Risers), len(r.Titles))
	}
	top := r.Titles[0]
	pay := titlePay[top.Title]
	sort.Float64s(pay)
	if top.JobsRecent != titleRecent[top.Title] || top.N != len(pay) || (top.Median != nil && math.Abs(*top.Median-percentile(pay, 0.5)) > 0.01) {
		t.Errorf("%s: %d ads, median %v over %d; recomputed %d, %v over %d", top.Title, top.JobsRecent, top.Median, top.N,
			titleRecent[top.Title], percentile(pay, 0.5), len(pay))
	}
	for _, w := range []string{"2026-W00", "2026-W54", "26-W08", "2026-08"} {
		if _, err := MakeReport(svc, ReportInput{Week: w}); market.CodeOf(err) != market.Invalid {
			t.Errorf("week %q: %v, want invalid", w, err)
		}
	}
	var html bytes.Buffer
	if err := r.WriteHTML(&html); err != nil || !bytes.Contains(html.Bytes(), []byte(`style="`)) || bytes.Contains(html.Bytes(), []byte("<style")) {
		t.Errorf("the e-mail is not inline-styled HTML (%v)", err)
	}
}

func TestWeeks(t *testing.T) {
	for _, tt := range []struct{ newest, week string }{
		{"2026-10-31", "2026-W43"}, // a Saturday: the week before is the last full one
		{"2026-11-01", "2026-W44"}, // a Sunday ends its week
		{"2026-01-03", "2025-W52"},
		{"2021-01-03", "2020-W53"},
	} {
		d, _ := time.Parse(time.DateOnly, tt.newest)
		if got := LatestWeek(d); got != tt.week {
			t.Errorf("LatestWeek(%s) = %s, want %s", tt.newest, got, tt.week)
		}
		start, err := WeekStart(tt.week)
		if err != nil || WeekOf(start) != tt.week || start.Weekday() != time.Monday {
			t.Errorf("WeekStart(%s) = %s, %v", tt.week, start, err)
		}
	}
}
