package stats_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"jobscope"
	"jobscope/internal/cputime"
	"jobscope/stats"
)

// synthetic returns n records made by cloning and perturbing extracted generated ads: each copy
// is moved to a random date of the three years, may change market, has its salary scaled and may
// lose some skills.
func synthetic(b *testing.B, n int) []stats.Record {
	base := generated(b, 20000, 11)
	end := date("2026-10-31")
	rnd := rand.New(rand.NewPCG(11, 11))
	out := make([]stats.Record, n)
	for i := range out {
		r := base[rnd.IntN(len(base))]
		r.Seq = int64(i)
		r.Posted = end.AddDate(0, 0, -rnd.IntN(3*365))
		if !r.Closed.IsZero() {
			r.Closed = r.Posted.AddDate(0, 0, 7+rnd.IntN(60))
		}
		if rnd.IntN(10) == 0 {
			if r.Type == jobscope.Permanent {
				r.Type = jobscope.Contract
			} else {
				r.Type = jobscope.Permanent
			}
		}
		k := 0.9 + 0.2*rnd.Float64()
		r.Min, r.Max = r.Min*k, r.Max*k
		if len(r.Skills) > 2 && rnd.IntN(2) == 0 {
			r.Skills = r.Skills[:len(r.Skills)-1-rnd.IntN(2)]
		}
		out[i] = r
	}
	return out
}

type fixture struct {
	e       *stats.Engine
	build   time.Duration
	heapMiB float64
	top     []string // skills, most cited first
	titles  []string
}

var millionOnce sync.Once
var million fixture

// engineOfMillion builds, once per run, an engine of a million synthetic ads, added in batches of
// 10,000 as ingest would.
func engineOfMillion(b *testing.B) *fixture {
	millionOnce.Do(func() {
		recs := synthetic(b, 1_000_000)
		if os.Getenv("STATS_BENCH_SHUFFLED") == "" {
			// As the store streams them: in posting order.
			slices.SortStableFunc(recs, func(a, b stats.Record) int { return a.Posted.Compare(b.Posted) })
		}
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		e := stats.NewEngine()
		for lo := 0; lo < len(recs); lo += 10_000 {
			e.Add(recs[lo:min(lo+10_000, len(recs))]...)
		}
		million.build = time.Since(start)
		recs = nil
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		million.e = e
		million.heapMiB = float64(after.HeapAlloc) / (1 << 20)
		idx, err := e.Index(stats.IndexQuery{Kind: jobscope.KindSkill, Scope: gbPerm, Sort: "jobs"})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range idx.Terms {
			million.top = append(million.top, r.Term)
		}
		ti, err := e.Index(stats.IndexQuery{Kind: jobscope.KindTitle, Scope: gbPerm, Sort: "jobs"})
		if err != nil {
			b.Fatal(err)
		}
		for _, r := range ti.Terms {
			million.titles = append(million.titles, r.Term)
		}
	})
	return &million
}

// BenchmarkPage computes a term's whole page at a million ads: the most cited skill, one in the
// middle of the index, and a job title.
func BenchmarkPage(b *testing.B) {
	f := engineOfMillion(b)
	cases := []struct {
		name string
		q    stats.Query
	}{
		{"top skill", stats.Query{Kind: jobscope.KindSkill, Term: f.top[0], Scope: gbPerm}},
		{"median skill", stats.Query{Kind: jobscope.KindSkill, Term: f.top[len(f.top)/2], Scope: gbPerm}},
		{"top title", stats.Query{Kind: jobscope.KindTitle, Term: f.titles[0], Scope: gbPerm}},
		{"top skill contract", stats.Query{Kind: jobscope.KindSkill, Term: f.top[0],
			Scope: stats.Scope{Market: stats.MarketContract, Country: "GB", Currency: "GBP"}}},
		// A page narrowed four ways at once: the second skill within the top title's senior ads
		// in London that cite the top skill.
		{"cut title skill location seniority", stats.Query{Kind: jobscope.KindSkill, Term: f.top[1], Scope: gbPerm,
			Cut: stats.Cut{Title: f.titles[0], Skill: f.top[0], Location: stats.London, Seniority: "senior"}}},
		{"cut location", stats.Query{Kind: jobscope.KindSkill, Term: f.top[0], Scope: gbPerm,
			Cut: stats.Cut{Location: stats.London}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			cpu := cputime.Process()
			for b.Loop() {
				if _, err := f.e.Page(c.q); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
			reportFixture(b, f)
		})
	}
	// What a server answers when every visitor asks a cut of their own: a skill of the top 100
	// within a top-20 title, a location and a level (or some of them), a different one each time.
	for _, every := range []bool{false, true} {
		name := "random cuts"
		if every {
			name = "random four-way cuts"
		}
		b.Run(name, func(b *testing.B) {
			qs := randomCuts(f, 500, every)
			i := 0
			cpu := cputime.Process()
			for b.Loop() {
				if _, err := f.e.Page(qs[i%len(qs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
			reportCPU(b, cpu)
			reportFixture(b, f)
		})
	}
	// A new as-of date each time: the baseline (every ad of the market) is computed afresh too.
	b.Run("top skill cold", func(b *testing.B) {
		q := cases[0].q
		last := f.e.LastPosted()
		i := 0
		cpu := cputime.Process()
		for b.Loop() {
			q.AsOf = last.AddDate(0, 0, -i)
			i++
			if _, err := f.e.Page(q); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu)
		reportFixture(b, f)
	})
}

// randomCuts returns n cut pages drawn at random (with a fixed seed) as visitors would ask them:
// a skill among the 100 most cited, narrowed by any of a top-20 title, a location group or place,
// and a level, each present half the time (at least one), or with every set all four at once.
func randomCuts(f *fixture, n int, every bool) []stats.Query {
	rnd := rand.New(rand.NewPCG(13, 13))
	locs := []string{stats.London, "Scotland", "North West", "South East", "Manchester", "Leeds", "Bristol", "Edinburgh"}
	qs := make([]stats.Query, 0, n)
	for len(qs) < n {
		var c stats.Cut
		if every || rnd.IntN(2) == 0 {
			c.Title = f.titles[rnd.IntN(min(20, len(f.titles)))]
		}
		if every || rnd.IntN(2) == 0 {
			c.Location = locs[rnd.IntN(len(locs))]
		}
		if every || rnd.IntN(2) == 0 {
			c.Seniority = stats.Seniorities[rnd.IntN(len(stats.Seniorities))]
		}
		if c.IsZero() {
			continue
		}
		q := stats.Query{Kind: jobscope.KindSkill, Term: f.top[rnd.IntN(min(100, len(f.top)))], Scope: gbPerm, Cut: c}
		if _, err := f.e.Page(q); err != nil {
			continue // a place the synthetic ads never name
		}
		qs = append(qs, q)
	}
	return qs
}

// reportCPU reports the process's CPU time per operation since start (GC included), the figure
// that stays comparable when other work shares the machine.
func reportCPU(b *testing.B, start time.Duration) {
	if d := cputime.Process() - start; d > 0 && b.N > 0 {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

func reportFixture(b *testing.B, f *fixture) {
	b.ReportMetric(f.heapMiB, "heap-MiB")
	b.ReportMetric(f.build.Seconds(), "build-s")
}

// BenchmarkIndex ranks every skill at a million ads, for GB and within London.
func BenchmarkIndex(b *testing.B) {
	f := engineOfMillion(b)
	for _, c := range []struct {
		name string
		q    stats.IndexQuery
	}{
		{"skills", stats.IndexQuery{Kind: jobscope.KindSkill, Scope: gbPerm}},
		{"skills London", stats.IndexQuery{Kind: jobscope.KindSkill, Scope: gbPerm, Location: stats.London}},
		{"titles", stats.IndexQuery{Kind: jobscope.KindTitle, Scope: gbPerm}},
	} {
		b.Run(c.name, func(b *testing.B) {
			cpu := cputime.Process()
			for b.Loop() {
				if _, err := f.e.Index(c.q); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
			reportFixture(b, f)
		})
	}
}

// BenchmarkAdd adds a batch of 1,000 new ads (recent ones, as ingest brings) to the engine of a
// million.
func BenchmarkAdd(b *testing.B) {
	f := engineOfMillion(b)
	recs := synthetic(b, 1000)
	seq := int64(2_000_000)
	for b.Loop() {
		for i := range recs {
			recs[i].Seq = seq
			seq++
			recs[i].Posted = date("2026-10-31").AddDate(0, 0, -i%30)
		}
		f.e.Add(recs...)
	}
}

// BenchmarkSnapshot writes the engine of a million ads to a snapshot file and loads it back: what a
// command's start-up costs instead of a rebuild. It reports the file's size.
func BenchmarkSnapshot(b *testing.B) {
	f := engineOfMillion(b)
	path := filepath.Join(b.TempDir(), "engine")
	b.Run("save", func(b *testing.B) {
		for b.Loop() {
			if err := f.e.SaveSnapshot(path, "bench"); err != nil {
				b.Fatal(err)
			}
		}
		if fi, err := os.Stat(path); err == nil {
			b.ReportMetric(float64(fi.Size())/(1<<20), "file-MiB")
		}
	})
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
			e, _, err := stats.LoadSnapshot(path)
			if err != nil {
				b.Fatal(err)
			}
			if e.Len() != f.e.Len() {
				b.Fatalf("loaded %d ads of %d", e.Len(), f.e.Len())
			}
		}
	})
}
