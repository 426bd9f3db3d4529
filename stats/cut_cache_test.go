package stats_test

import (
	"fmt"
	"testing"

	"jobscope"
	"jobscope/stats"
)

// TestCutCacheAfterAdd: the ads a cut keeps are kept between pages until the ads change: pages cut
// the same way after more ads are added, or some removed, equal those of an engine that never
// cached anything.
func TestCutCacheAfterAdd(t *testing.T) {
	recs := generated(t, 2000, 9)
	cached := stats.NewEngine()
	cached.Add(recs[:1000]...)
	cut := stats.Cut{Location: "London", Seniority: "senior"}
	page := func(e *stats.Engine, term string) *stats.Page {
		t.Helper()
		p, err := e.Page(stats.Query{Kind: jobscope.KindSkill, Term: term, Scope: gbPerm, Cut: cut})
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	terms := []string{"Python", "SQL", "AWS"}
	for _, term := range terms {
		page(cached, term) // fills the cache
	}
	for step, change := range []func(e *stats.Engine){
		func(e *stats.Engine) { e.Add(recs[1000:]...) },
		func(e *stats.Engine) { e.Remove(recs[0].Seq, recs[1500].Seq, recs[1999].Seq) },
	} {
		change(cached)
		fresh := stats.NewEngine()
		fresh.Add(recs...)
		if step == 1 {
			fresh.Remove(recs[0].Seq, recs[1500].Seq, recs[1999].Seq)
		}
		for _, term := range terms {
			sameJSON(t, fmt.Sprintf("step %d, %s", step, term), page(cached, term), page(fresh, term))
		}
	}
}
