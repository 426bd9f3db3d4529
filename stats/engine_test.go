package stats_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"jobscope"
	"jobscope/extract"
	"jobscope/gen"
	"jobscope/ingest/read"
	"jobscope/market"
	"jobscope/stats"
	"jobscope/taxonomy"
)

// recordOf turns an extracted ad into the engine's record.
func recordOf(seq int64, raw *jobscope.RawAd, x *jobscope.Extraction) stats.Record {
	r := stats.Record{Seq: seq, Posted: raw.PostedAt, Closed: raw.ClosedAt, Type: string(x.Employment.Type),
		Country: string(x.Location.Country), Nation: string(x.Location.Nation), Region: string(x.Location.Region),
		County: string(x.Location.County), Place: string(x.Location.Place), Remote: x.Location.Remote,
		Title: string(x.Title.Normalized), Skills: x.Skills, Seniority: string(x.Title.Seniority),
		WorkMode: string(x.WorkMode), IR35: string(x.Employment.IR35), Company: raw.Company}
	if s := x.Salary; s != nil {
		r.Period, r.Currency, r.Min, r.Max = s.Period, s.Currency, s.Min, s.Max
	}
	return r
}

var extractor = sync.OnceValues(func() (*extract.Extractor, error) {
	tx, err := taxonomy.Default()
	if err != nil {
		return nil, err
	}
	return extract.New(tx), nil
})

// generated returns n extracted generated ads as records, numbered from 0.
func generated(t testing.TB, n int, seed int64) []stats.Record {
	t.Helper()
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	ads, err := gen.Ads(gen.Config{Ads: n, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	var out []stats.Record
	for ad := range ads {
		ext := x.Extract(&ad)
		out = append(out, recordOf(int64(len(out)), &ad, &ext))
	}
	return out
}

// realAds reads every ads.jsonl under $JOBSCOPE_SHARED/data/ads as records.
func realAds(t testing.TB) []stats.Record {
	t.Helper()
	dir := os.Getenv("JOBSCOPE_SHARED")
	if dir == "" {
		t.Skip("JOBSCOPE_SHARED is not set")
	}
	paths, err := filepath.Glob(filepath.Join(dir, "data", "ads", "*", "ads.jsonl"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no ads under %s: %v", dir, err)
	}
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	var out []stats.Record
	for _, p := range paths {
		rd, err := read.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if rec.Ad == nil {
				continue // set aside; an undated ad is kept, as ingest keeps it
			}
			ext := x.Extract(rec.Ad)
			out = append(out, recordOf(int64(len(out)), rec.Ad, &ext))
		}
		rd.Close()
	}
	return out
}

// sameJSON fails the test when got and want differ, showing where.
func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, err := json.MarshalIndent(got, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.MarshalIndent(want, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if string(g) == string(w) {
		return
	}
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var a, b string
		if i < len(gl) {
			a = gl[i]
		}
		if i < len(wl) {
			b = wl[i]
		}
		if a != b {
			lo := max(0, i-6)
			t.Errorf("%s: engine and reference differ at line %d:\nengine:    %s\nreference: %s\ncontext (reference):\n%s",
				what, i+1, a, b, strings.Join(wl[lo:min(len(wl), i+2)], "\n"))
			return
		}
	}
}

func scopeOf(s refScope) stats.Scope {
	return stats.Scope{Market: stats.Market(s.market), Country: s.country, Currency: s.currency, Tech: s.tech}
}

// pick chooses terms to check: the most cited, some in the middle, and the least.
func pick(names []string, top, mid, tail int) []string {
	var out []string
	out = append(out, names[:min(top, len(names))]...)
	for i := 1; i <= mid && len(names) > 2*top; i++ {
		out = append(out, names[top+i*(len(names)-top)/(mid+2)])
	}
	for i := 0; i < tail && len(names)-1-i >= top; i++ {
		out = append(out, names[len(names)-1-i])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// checkPages compares the engine's pages with the reference's for the chosen terms.
func checkPages(t *testing.T, e *stats.Engine, m *refModel, scopes []refScope, asOfs []time.Time, terms []refTerm) {
	t.Helper()
	for _, s := range scopes {
		for _, d := range asOfs {
			for _, tm := range terms {
				want := m.refPage(tm, s, d)
				got, err := e.Page(stats.Query{Kind: tm.kind, Term: tm.name, Scope: scopeOf(s), AsOf: d, MinSalaries: m.minSal})
				if err != nil {
					t.Fatalf("%s %s: %v", s, tm.name, err)
				}
				sameJSON(t, s.String()+" "+d.Format(time.DateOnly)+" "+string(tm.kind)+" "+tm.name, got, want)
			}
		}
	}
}

// checkIndex compares the engine's index with the reference's, rows and order.
func checkIndex(t *testing.T, e *stats.Engine, m *refModel, kind jobscope.TermKind, s refScope, d time.Time, category, location string) {
	t.Helper()
	what := strings.Join([]string{string(kind), s.String(), d.Format(time.DateOnly), category, location}, " ")
	all, want := m.refIndex(kind, s, d, category, location)
	for _, col := range stats.IndexSorts {
		for _, rev := range []bool{false, true} {
			got, err := e.Index(stats.IndexQuery{Kind: kind, Scope: scopeOf(s), AsOf: d, Category: category,
				Location: location, Sort: col, Reverse: rev, MinSalaries: m.minSal})
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if got.Jobs != all {
				t.Errorf("%s: jobs %d, reference %d", what, got.Jobs, all)
			}
			if len(got.Terms) != len(want) {
				t.Fatalf("%s: %d rows, reference %d", what, len(got.Terms), len(want))
			}
			for i, row := range got.Terms {
				sameJSON(t, what+" "+row.Term, row, want[row.Term])
				if i > 0 && !ordered(&got.Terms[i-1], &row, col, rev) {
					t.Errorf("%s: sorted by %s (reverse %v): %q before %q", what, col, rev, got.Terms[i-1].Term, row.Term)
				}
			}
		}
	}
}

// checkIndexCut compares the engine's index within cut c with the reference's over only the records
// c keeps.
func checkIndexCut(t *testing.T, e *stats.Engine, m *refModel, kind jobscope.TermKind, s refScope, d time.Time, c stats.Cut) {
	t.Helper()
	what := fmt.Sprintf("index %s %s cut %+v", kind, s, c)
	all, want := m.cutModel(c, s).refIndex(kind, s, d, "", "")
	got, err := e.Index(stats.IndexQuery{Kind: kind, Scope: scopeOf(s), AsOf: d, Cut: c, MinSalaries: m.minSal})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if got.Jobs != all || len(got.Terms) != len(want) {
		t.Fatalf("%s: %d jobs and %d rows, reference %d and %d", what, got.Jobs, len(got.Terms), all, len(want))
	}
	for _, row := range got.Terms {
		sameJSON(t, what+" "+row.Term, row, want[row.Term])
	}
}

// ordered reports whether a may come before b when sorted by col: rows without the figure last,
// numbers largest first except rank, then by jobs, then by name.
func ordered(a, b *stats.IndexRow, col string, rev bool) bool {
	fp := func(p *float64) (float64, bool) {
		if p == nil {
			return 0, false
		}
		return *p, true
	}
	ip := func(p *int) (float64, bool) {
		if p == nil {
			return 0, false
		}
		return float64(*p), true
	}
	var x, y float64
	var okx, oky bool
	asc := false
	switch col {
	case "term", "category":
		sa, sb := a.Term, b.Term
		if col == "category" {
			sa, sb = a.Category, b.Category
		}
		if sa != sb {
			return (sa < sb) != rev
		}
		okx, oky = true, true
	case "rank":
		x, okx = ip(a.Rank)
		y, oky = ip(b.Rank)
		asc = true
	case "rank_change":
		x, okx = ip(a.RankChange)
		y, oky = ip(b.RankChange)
	case "median":
		x, okx = fp(a.Median)
		y, oky = fp(b.Median)
	case "median_change":
		x, okx = fp(a.MedianChange)
		y, oky = fp(b.MedianChange)
	case "jobs":
		x, y, okx, oky = float64(a.Jobs), float64(b.Jobs), true, true
	case "jobs_year_ago":
		x, y, okx, oky = float64(a.JobsYearAgo), float64(b.JobsYearAgo), true, true
	case "share":
		x, y, okx, oky = a.ShareOfAll, b.ShareOfAll, true, true
	case "salaries_quoted":
		x, y, okx, oky = float64(a.SalariesQuoted), float64(b.SalariesQuoted), true, true
	}
	if okx != oky {
		return okx
	}
	if okx && x != y {
		return (x < y) == (asc != rev)
	}
	if a.Jobs != b.Jobs {
		return a.Jobs > b.Jobs
	}
	return a.Term <= b.Term
}

func termsOf(m *refModel, kind jobscope.TermKind, top, mid, tail int) []refTerm {
	var out []refTerm
	for _, n := range pick(m.refTopTerms(kind), top, mid, tail) {
		out = append(out, refTerm{kind, n})
	}
	return out
}

// loadInBatches adds records in shuffled batches, replacing some with altered copies and removing
// others, and returns the operations for the reference.
func loadInBatches(e *stats.Engine, recs []stats.Record, seed uint64) []refOp {
	rnd := rand.New(rand.NewPCG(seed, 1))
	order := rnd.Perm(len(recs))
	var ops []refOp
	for lo := 0; lo < len(order); {
		hi := min(len(order), lo+1+rnd.IntN(700))
		var op refOp
		for _, i := range order[lo:hi] {
			op.add = append(op.add, recs[i])
		}
		// Replace a few ads already added, moved to another date and market.
		for j := 0; j < 5 && lo > 0; j++ {
			r := recs[order[rnd.IntN(lo)]]
			r.Posted = r.Posted.AddDate(0, -rnd.IntN(14), rnd.IntN(20))
			if j == 0 && rnd.IntN(3) == 0 {
				r.Posted = time.Time{} // now undated: in no period, counted in the page's coverage
			}
			if r.Type == jobscope.Permanent {
				r.Type = jobscope.Contract
			}
			r.Skills = r.Skills[:len(r.Skills)/2]
			op.add = append(op.add, r)
		}
		e.Add(op.add...)
		ops = append(ops, op)
		if lo > 0 && rnd.IntN(3) == 0 {
			var rm refOp
			for j := 0; j < 4; j++ {
				rm.remove = append(rm.remove, recs[order[rnd.IntN(lo)]].Seq)
			}
			e.Remove(rm.remove...)
			ops = append(ops, rm)
		}
		lo = hi
	}
	return ops
}

// techRule is the default rule of which ads are tech jobs, over records.
func techRule(t testing.TB) func(*stats.Record) bool {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	return market.TechRule(tx.TechJobs())
}

func TestEngineGenerated(t *testing.T) {
	recs := generated(t, 3000, 7)
	e := stats.NewEngine()
	isTech := techRule(t)
	e.SetTechJobs(isTech)
	ops := loadInBatches(e, recs, 7)
	m := newRefModel(ops)
	if e.Len() != len(m.recs) {
		t.Fatalf("engine holds %d ads, reference %d", e.Len(), len(m.recs))
	}
	last := m.refMaxDay()
	if got := e.LastPosted(); !got.Equal(last) {
		t.Fatalf("LastPosted %v, reference %v", got, last)
	}
	terms := termsOf(m, jobscope.KindSkill, 4, 2, 1)
	terms = append(terms, termsOf(m, jobscope.KindTitle, 2, 1, 1)...)
	terms = append(terms, termsOf(m, jobscope.KindLocation, 2, 1, 1)...)
	asOfs := []time.Time{last, date("2026-08-31"), date("2025-03-31")}
	scopes := []refScope{refScopeOf("permanent", "GB"), refScopeOf("contract", "GB"), refScopeOf("permanent", "US"),
		refScopeOf("contract", "")}
	t.Run("pages", func(t *testing.T) {
		checkPages(t, e, m, scopes, asOfs, terms)
	})
	t.Run("index", func(t *testing.T) {
		checkIndex(t, e, m, jobscope.KindSkill, scopes[0], last, "", "")
		checkIndex(t, e, m, jobscope.KindTitle, scopes[1], date("2026-08-31"), "", "")
		checkIndex(t, e, m, jobscope.KindSkill, scopes[0], last, "Programming Languages", "")
		checkIndex(t, e, m, jobscope.KindSkill, scopes[0], last, "", "London")
		checkIndex(t, e, m, jobscope.KindSkill, scopes[1], last, "", stats.GBExclLondon)
		checkIndex(t, e, m, jobscope.KindLocation, scopes[3], last, "", "")
	})
	// Small samples hidden: the same figures with no percentile or median over fewer than 10
	// salaries, on pages and in the index, sorted by median with the hidden ones last.
	t.Run("min salaries", func(t *testing.T) {
		defer func() { m.minSal = 0 }()
		m.minSal = 10
		checkPages(t, e, m, scopes[:2], asOfs[:1], terms)
		checkIndex(t, e, m, jobscope.KindSkill, scopes[0], last, "", "")
		checkIndex(t, e, m, jobscope.KindSkill, scopes[1], last, "", "London")
	})
	// Cuts, alone and together: each page equals the reference's page over only the records the
	// cut keeps.
	t.Run("cuts", func(t *testing.T) {
		title, skill := m.refTopTerms(jobscope.KindTitle)[0], m.refTopTerms(jobscope.KindSkill)[1]
		place := m.refTopTerms(jobscope.KindLocation)[3]
		cuts := []stats.Cut{
			{Title: title}, {Skill: skill}, {Location: "London"}, {Location: place}, {Seniority: "senior"},
			{WorkMode: "remote"}, {Title: title, Skill: skill}, {Title: title, Location: "London", Seniority: "senior"},
			{Title: title, Skill: skill, Location: stats.GBExclLondon, Seniority: "senior", WorkMode: "hybrid"},
			{IR35: "outside"}, {IR35: "inside", Seniority: "senior"}, {Company: e.Companies()[0].Name},
		}
		for _, c := range cuts[:6] {
			checkIndexCut(t, e, m, jobscope.KindSkill, scopes[0], last, c)
		}
		checkIndexCut(t, e, m, jobscope.KindTitle, scopes[1], last, cuts[8])
		for _, c := range cuts {
			for _, s := range scopes[:2] {
				sub := m.cutModel(c, s)
				if len(sub.recs) < 5 {
					t.Fatalf("cut %+v keeps %d ads: too few to check", c, len(sub.recs))
				}
				for _, tm := range termsOf(sub, jobscope.KindSkill, 3, 1, 1) {
					want := sub.refPage(tm, s, last)
					want.Cut = &c
					got, err := e.Page(stats.Query{Kind: tm.kind, Term: tm.name, Scope: scopeOf(s), AsOf: last, Cut: c})
					if err != nil {
						t.Fatalf("%+v %s: %v", c, tm.name, err)
					}
					sameJSON(t, fmt.Sprintf("%s cut %+v %s", s, c, tm.name), got, want)
				}
			}
		}
	})
	// The tech baseline: every figure of a page within the tech jobs equals the reference's page
	// over only them, whole and cut.
	t.Run("tech", func(t *testing.T) {
		tm := m.techModel(isTech)
		if n := len(tm.recs); n < len(m.recs)/4 || n > len(m.recs)-100 {
			t.Fatalf("%d of %d ads are tech jobs: too few or too many to tell the populations apart", n, len(m.recs))
		}
		for _, c := range []stats.Cut{{}, {Location: "London"}, {Seniority: "senior", Title: m.refTopTerms(jobscope.KindTitle)[0]}} {
			for _, s := range scopes[:2] {
				sub := tm.cutModel(c, s)
				ts := termsOf(sub, jobscope.KindSkill, 3, 1, 1)
				ts = append(ts, termsOf(sub, jobscope.KindTitle, 1, 0, 1)...)
				for _, term := range ts {
					want := sub.refPage(term, s, last)
					if !c.IsZero() {
						want.Cut = &c
					}
					got, err := e.Page(stats.Query{Kind: term.kind, Term: term.name, Scope: scopeOf(s.withTech()), AsOf: last, Cut: c})
					if err != nil {
						t.Fatalf("tech %+v %s: %v", c, term.name, err)
					}
					sameJSON(t, fmt.Sprintf("tech %s cut %+v %s", s, c, term.name), got, want)
				}
			}
		}
		checkIndex(t, e, tm, jobscope.KindSkill, scopes[0].withTech(), last, "", "")
		checkIndex(t, e, tm, jobscope.KindTitle, scopes[1].withTech(), last, "", "London")
	})
	t.Run("compare", func(t *testing.T) {
		refs := []stats.TermRef{{Kind: terms[0].kind, Name: terms[0].name}, {Name: terms[1].name}}
		pages, err := e.Compare(scopeOf(scopes[0]), last, refs, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pages {
			sameJSON(t, "compare "+p.Term, p, m.refPage(terms[i], scopes[0], last))
		}
	})
	t.Run("one batch", func(t *testing.T) {
		// The same ads added at once give the same figures as added in batches.
		one := stats.NewEngine()
		for _, op := range ops {
			one.Add(op.add...)
			one.Remove(op.remove...)
		}
		for _, tm := range terms[:3] {
			q := stats.Query{Kind: tm.kind, Term: tm.name, Scope: scopeOf(scopes[0])}
			a, err := one.Page(q)
			if err != nil {
				t.Fatal(err)
			}
			b, err := e.Page(q)
			if err != nil {
				t.Fatal(err)
			}
			sameJSON(t, "one batch "+tm.name, a, b)
		}
	})
}

func TestEngineReal(t *testing.T) {
	recs := realAds(t)
	e := stats.NewEngine()
	e.Add(recs...)
	m := newRefModel([]refOp{{add: recs}})
	last := m.refMaxDay()
	terms := termsOf(m, jobscope.KindSkill, 3, 1, 1)
	terms = append(terms, termsOf(m, jobscope.KindTitle, 1, 0, 1)...)
	terms = append(terms, termsOf(m, jobscope.KindLocation, 1, 0, 0)...)
	// The sets span 2013 to 2021: as-of dates inside each.
	t.Logf("%d real ads, newest %s; terms checked: %v", len(recs), last.Format(time.DateOnly), terms)
	asOfs := []time.Time{last, date("2017-12-31"), date("2013-06-30")}
	scopes := []refScope{refScopeOf("permanent", "GB"), refScopeOf("contract", "GB"), refScopeOf("permanent", "US")}
	checkPages(t, e, m, scopes, asOfs, terms)
	checkIndex(t, e, m, jobscope.KindSkill, scopes[0], date("2017-12-31"), "", "")
	checkIndex(t, e, m, jobscope.KindTitle, scopes[2], date("2017-12-31"), "", "")
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestVersion: Version moves when the ads held change, and only then, so that what a caller
// cached by it (the server's answers) outlives a catch-up that found nothing new.
func TestVersion(t *testing.T) {
	e := stats.NewEngine()
	v0 := e.Version()
	e.Add()
	e.Remove()
	if e.Version() != v0 {
		t.Fatalf("Add and Remove of nothing moved the version %d to %d", v0, e.Version())
	}
	e.Add(stats.Record{Seq: 1, Posted: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Title: "Go Developer"})
	v1 := e.Version()
	if v1 == v0 {
		t.Fatal("adding an ad left the version as it was")
	}
	e.Remove(1)
	if e.Version() == v1 {
		t.Fatal("removing an ad left the version as it was")
	}
}

// TestLifetimes: the median days from posting to closing of a term's ads of the latest period that
// have a closing date, within a cut, and nothing below the smallest sample.
func TestLifetimes(t *testing.T) {
	e := stats.NewEngine()
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	rec := func(seq int64, posted, closed, level string) stats.Record {
		r := stats.Record{Seq: seq, Posted: day(posted), Type: jobscope.Permanent, Country: "GB", Title: "Go Developer",
			Period: jobscope.PeriodYear, Currency: "GBP", Min: 50000, Max: 60000, Seniority: level}
		if closed != "" {
			r.Closed = day(closed)
		}
		return r
	}
	e.Add(rec(1, "2026-09-01", "2026-09-11", "senior"), rec(2, "2026-09-05", "2026-10-05", "senior"),
		rec(3, "2026-09-10", "2026-09-30", "junior"), rec(4, "2026-10-01", "", "senior"),
		rec(5, "2025-01-01", "2025-03-01", "senior")) // outside the latest 6 months
	scope := stats.Scope{Market: stats.MarketPermanent, Country: "GB", Currency: "GBP"}
	tests := []struct {
		cut     stats.Cut
		min     int
		n, jobs int
		median  float64 // -1: none
	}{
		{stats.Cut{}, 0, 3, 4, 20},                    // 10, 30, 20 days
		{stats.Cut{Seniority: "senior"}, 0, 2, 3, 20}, // 10 and 30
		{stats.Cut{Seniority: "senior"}, 3, 2, 3, -1}, // too few
		{stats.Cut{Seniority: "junior"}, 0, 1, 1, 20},
	}
	for _, tt := range tests {
		l, err := e.Lifetimes(stats.Query{Kind: jobscope.KindTitle, Term: "Go Developer", Scope: scope, Cut: tt.cut, MinSalaries: tt.min})
		if err != nil {
			t.Fatal(err)
		}
		if l.N != tt.n || l.Jobs != tt.jobs || (tt.median < 0) != (l.MedianDays == nil) || l.MedianDays != nil && *l.MedianDays != tt.median {
			t.Errorf("cut %+v min %d: %+v (median %v), want n %d of %d, median %v", tt.cut, tt.min, l, l.MedianDays, tt.n, tt.jobs, tt.median)
		}
	}
	// Two of the four ads of the latest period cite a skill.
	r1, r3 := rec(1, "2026-09-01", "2026-09-11", "senior"), rec(3, "2026-09-10", "2026-09-30", "junior")
	r1.Skills = []jobscope.Skill{{Name: "Go", Category: "Programming Languages"}}
	r3.Skills = []jobscope.Skill{{Name: "SQL", Category: "Databases"}, {Name: "Go", Category: "Programming Languages"}}
	e.Add(r1, r3)
	jobs, with, err := e.WithSkills(stats.Query{Kind: jobscope.KindTitle, Term: "Go Developer", Scope: scope})
	if err != nil || jobs != 4 || with != 2 {
		t.Errorf("WithSkills = %d, %d, %v; want 4 ads, 2 with skills", jobs, with, err)
	}
}

// TestSpan: a span of months gives the figures of the page's latest period when it is 6 months,
// and counts the ads of the longer span when longer.
func TestSpan(t *testing.T) {
	e := stats.NewEngine()
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for i, d := range []string{"2026-10-01", "2026-07-01", "2026-03-01", "2025-12-01", "2025-09-01"} {
		e.Add(stats.Record{Seq: int64(i + 1), Posted: day(d), Type: jobscope.Permanent, Country: "GB", Title: "Go Developer",
			Period: jobscope.PeriodYear, Currency: "GBP", Min: float64(40000 + 10000*i), Max: float64(40000 + 10000*i)})
	}
	scope := stats.Scope{Market: stats.MarketPermanent, Country: "GB", Currency: "GBP"}
	q := stats.Query{Kind: jobscope.KindTitle, Term: "Go Developer", Scope: scope}
	p, err := e.Page(q)
	if err != nil {
		t.Fatal(err)
	}
	six, err := e.Span(q, 6)
	if err != nil {
		t.Fatal(err)
	}
	if six.Jobs != p.Periods[0].Jobs || six.SalariesQuoted != p.Periods[0].SalariesQuoted || *six.P50 != *p.Periods[0].P50 {
		t.Errorf("6 months: %+v, the page's latest period %+v", six, p.Periods[0].Figures)
	}
	twelve, err := e.Span(q, 12)
	if err != nil {
		t.Fatal(err)
	}
	// 12 months to 2026-10-01: every ad but the one of 2025-09-01.
	if twelve.Jobs != 4 || *twelve.P50 != 55000 {
		t.Errorf("12 months: %d jobs, median %v; want 4 and 55,000", twelve.Jobs, *twelve.P50)
	}
	if _, err := e.Span(q, 24); err == nil {
		t.Error("a 24-month span was given")
	}
}
