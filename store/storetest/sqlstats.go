package storetest

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"jobscope"
	"jobscope/extract"
	"jobscope/gen"
	"jobscope/ingest"
	"jobscope/stats"
	"jobscope/taxonomy"
)

// SQLStatsStore is a store that also computes the statistics by SQL.
type SQLStatsStore interface {
	jobscope.Store
	stats.SQLStore
}

// SQLStats checks that a store's SQL path (stats.SQLStats) gives the engine's figures: it ingests
// ads generated with a fixed seed, feeds the engine from Records, and compares the pages of a
// sample of skills, titles and locations in three scopes, and the skill and title indexes.
func SQLStats(t *testing.T, st SQLStatsStore, ads int) {
	t.Helper()
	ctx := context.Background()
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ads.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := gen.Write(f, gen.Config{Ads: ads, Seed: 11, Years: 3, Reposts: 0.05}); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, ingest.Options{Store: st, Extract: extract.New(tx).Extract}, []string{path}); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	e := stats.NewEngine()
	var recs []stats.Record
	if err := st.Records(ctx, func(r *jobscope.AdRecord) error { recs = append(recs, *r); return nil }); err != nil {
		t.Fatalf("Records: %v", err)
	}
	e.Add(recs...)

	terms := e.Terms()
	slices.SortFunc(terms, func(a, b jobscope.Term) int { return cmp.Or(cmp.Compare(b.Ads, a.Ads), cmp.Compare(a.Name, b.Name)) })
	// The two most-cited skills, titles and locations, in that order.
	var sample []jobscope.Term
	for _, k := range []jobscope.TermKind{jobscope.KindSkill, jobscope.KindTitle, jobscope.KindLocation} {
		n := 0
		for _, tm := range terms {
			if tm.Kind == k && n < 2 {
				sample = append(sample, tm)
				n++
			}
		}
	}
	var skills []jobscope.Term
	for _, tm := range terms {
		if tm.Kind == jobscope.KindSkill {
			skills = append(skills, tm)
		}
	}
	if len(skills) < 10 || len(sample) < 6 {
		t.Fatalf("only %d skills, %d sampled terms in %d ads", len(skills), len(sample), ads)
	}
	sample = append(sample, skills[len(skills)/2])

	// Every sampled term in the permanent GB market; fewer in the others (SQLite under -race is slow).
	checks := []struct {
		scope stats.Scope
		terms []jobscope.Term
		index jobscope.TermKind
	}{
		{stats.Scope{Market: stats.MarketPermanent, Country: "GB", Currency: "GBP"}, sample, jobscope.KindSkill},
		{stats.Scope{Market: stats.MarketContract, Country: "GB", Currency: "GBP"}, []jobscope.Term{sample[0], sample[2], sample[4]}, jobscope.KindTitle},
		{stats.Scope{Market: stats.MarketPermanent, Country: "US", Currency: "USD"}, sample[:1], ""},
	}
	checked := 0
	for _, c := range checks {
		sc := c.scope
		for _, tm := range c.terms {
			t.Run(string(sc.Market)+"/"+sc.Country+"/"+string(tm.Kind)+"/"+tm.Name, func(t *testing.T) {
				p, err := e.Page(stats.Query{Kind: tm.Kind, Term: tm.Name, Scope: sc})
				if err != nil {
					t.Fatalf("Page: %v", err)
				}
				diffs, err := stats.CheckSQL(ctx, st.SQLStats(), p)
				if err != nil {
					t.Fatalf("CheckSQL: %v", err)
				}
				for _, d := range diffs {
					t.Error(d)
				}
				if p.Periods[0].Jobs > 0 {
					checked++
				}
			})
		}
		if c.index == "" {
			continue
		}
		t.Run(string(sc.Market)+"/"+sc.Country+"/index/"+string(c.index), func(t *testing.T) {
			ix, err := e.Index(stats.IndexQuery{Kind: c.index, Scope: sc})
			if err != nil {
				t.Fatalf("Index: %v", err)
			}
			if len(ix.Terms) == 0 {
				t.Fatal("empty index")
			}
			diffs, err := stats.CheckSQLIndex(ctx, st.SQLStats(), ix)
			if err != nil {
				t.Fatalf("CheckSQLIndex: %v", err)
			}
			for _, d := range diffs {
				t.Error(d)
			}
		})
	}
	if checked < len(sample) {
		t.Errorf("only %d of the pages checked had jobs in the latest period", checked)
	}
}
