package serve_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"testing"

	"jobscope"
	"jobscope/market"
	"jobscope/serve"
	"jobscope/stats"
)

// BenchmarkPages renders pages through the server's whole handler (middleware, engine, templates),
// uncached, as a load test's requests are served less the network: over the store SERVE_BENCH_DB
// names (for instance a million generated ads), skipped without it. Cut paths are drawn at random,
// as the load test's are: a top-100 skill, cut by a top-20 title, a place and a level.
func BenchmarkPages(b *testing.B) {
	db := os.Getenv("SERVE_BENCH_DB")
	if db == "" {
		b.Skip("SERVE_BENCH_DB names no store")
	}
	ctx := context.Background()
	svc, err := market.Open(ctx, market.Config{DB: db})
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	srv, err := serve.New(serve.Config{Service: svc, Refresh: -1, CacheBytes: -1})
	if err != nil {
		b.Fatal(err)
	}
	scope, _, err := svc.Scope(market.ScopeInput{})
	if err != nil {
		b.Fatal(err)
	}
	top := func(kind jobscope.TermKind, n int) []string {
		idx, err := svc.Index(stats.IndexQuery{Kind: kind, Scope: scope, Sort: "jobs"})
		if err != nil {
			b.Fatal(err)
		}
		var out []string
		for _, r := range idx.Terms[:min(n, len(idx.Terms))] {
			out = append(out, r.Term)
		}
		return out
	}
	skills, titles := top(jobscope.KindSkill, 100), top(jobscope.KindTitle, 20)
	places := []string{"London", "Scotland", "North West", "South East", "Manchester", "Leeds", "Bristol", "Edinburgh"}
	levels := []string{"junior", "mid", "senior", "lead"}
	rnd := rand.New(rand.NewPCG(1, 2))
	pick := func(xs []string) string { return xs[rnd.IntN(len(xs))] }
	paths := func(q func() url.Values) []string {
		out := make([]string, 500)
		for i := range out {
			out[i] = "/terms/" + url.PathEscape(pick(skills)) + "?" + q().Encode()
		}
		return out
	}
	cases := []struct {
		name  string
		paths []string
	}{
		{"term", paths(func() url.Values { return nil })},
		{"four-way cut", paths(func() url.Values {
			return url.Values{"title": {pick(titles)}, "location": {pick(places)}, "seniority": {pick(levels)}}
		})},
		{"London cut", paths(func() url.Values { return url.Values{"location": {"London"}} })},
	}
	h := srv.Handler()
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, c.paths[i%len(c.paths)], nil)
				req.Header.Set("Cache-Control", "no-cache")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d %s", c.paths[i%len(c.paths)], rec.Code, rec.Body.String())
				}
				i++
			}
		})
	}
}
