package storetest

import (
	"errors"
	"slices"
	"testing"
	"time"

	"jobscope"
)

// testSearch checks job search over a handful of ads: words, phrases and exclusions, each filter,
// newest-first order with undated ads last, cursors, copies left out, and a replaced ad's old words
// forgotten.
func testSearch(t *testing.T, s jobscope.Store) {
	sr, ok := s.(jobscope.Searcher)
	if !ok {
		t.Fatalf("%T is not a jobscope.Searcher", s)
	}
	ads := []jobscope.Ad{
		newAd("b/1", func(a *jobscope.Ad) {
			a.Raw.Description = "<p>We build <b>machine learning</b> systems in Go and C#.</p>"
		}),
		newAd("b/2", func(a *jobscope.Ad) {
			a.Raw.Title, a.Raw.Description = "Contract Python Developer", "Learning machine parts; Python and Django."
			a.Raw.PostedAt = day("2024-03-07")
			a.Extraction.Title = jobscope.Title{Normalized: "Python Developer", Seniority: "mid"}
			a.Extraction.Employment = jobscope.Employment{Type: jobscope.Contract}
			a.Extraction.WorkMode = "remote"
			a.Extraction.Salary = &jobscope.Salary{Min: 500, Max: 600, Currency: "GBP", Period: jobscope.PeriodDay, Text: "£500-£600 a day"}
			a.Extraction.Location = jobscope.Location{Country: "GB", Nation: "England", Region: "London", Place: "London"}
			a.Extraction.Skills = []jobscope.Skill{{Name: "Python", Category: "Programming Languages"}}
		}),
		newAd("b/3", func(a *jobscope.Ad) {
			a.Raw.Description = "Kubernetes platform team, no Go."
			a.Raw.PostedAt = time.Time{}
			a.Raw.Company = "Zeta Café"
			a.Extraction.Salary = nil
		}),
		newAd("b/4", func(a *jobscope.Ad) { // a copy of b/1: never a hit
			a.Raw.Description = "We build machine learning systems in Go and C#."
			a.DupOf = keyp("b/1")
		}),
		newAd("b/5", func(a *jobscope.Ad) {
			a.Raw.Description = "Go microservices."
			a.Raw.PostedAt = day("2024-03-05")
			annual := 90000.0
			a.Extraction.Salary = &jobscope.Salary{Min: 80000, Max: 100000, Currency: "GBP", Period: jobscope.PeriodYear, Annual: &annual}
		}),
	}
	apply(t, s, jobscope.Batch{Ads: ads})

	search := func(t *testing.T, q jobscope.SearchQuery) []string {
		t.Helper()
		if q.Limit == 0 {
			q.Limit = 10
		}
		res, err := sr.Search(ctx, q)
		if err != nil {
			t.Fatalf("Search(%+v): %v", q, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Key.String())
		}
		if res.Total != len(got) && res.Next == nil {
			t.Errorf("Search(%+v): Total %d for %d hits on the last page", q, res.Total, len(got))
		}
		return got
	}
	tests := []struct {
		name string
		q    jobscope.SearchQuery
		want []string
	}{
		{"everything, newest first, undated last", jobscope.SearchQuery{}, []string{"b/2", "b/5", "b/1", "b/3"}},
		{"a word in the text", jobscope.SearchQuery{Words: []string{"kubernetes"}}, []string{"b/3"}},
		{"words in any case, title and text", jobscope.SearchQuery{Words: []string{"GO", "senior"}}, []string{"b/5", "b/1", "b/3"}},
		{"a phrase in order", jobscope.SearchQuery{Phrases: []string{"machine learning"}}, []string{"b/1"}},
		{"words in any order", jobscope.SearchQuery{Words: []string{"learning", "machine"}}, []string{"b/2", "b/1"}},
		{"C# is a word", jobscope.SearchQuery{Words: []string{"c#"}}, []string{"b/1"}},
		{"HTML tags are not words", jobscope.SearchQuery{Words: []string{"p"}}, nil},
		{"the company's name", jobscope.SearchQuery{Words: []string{"zeta"}}, []string{"b/3"}},
		{"accents folded", jobscope.SearchQuery{Words: []string{"cafe"}}, []string{"b/3"}},
		{"excluded words", jobscope.SearchQuery{Words: []string{"go"}, Exclude: []string{"kubernetes", "microservices"}}, []string{"b/1"}},
		{"exclusion alone", jobscope.SearchQuery{Exclude: []string{"go"}}, []string{"b/2"}},
		{"a skill", jobscope.SearchQuery{Terms: []jobscope.Term{{Kind: jobscope.KindSkill, Name: "Python"}}}, []string{"b/2"}},
		{"a title", jobscope.SearchQuery{Terms: []jobscope.Term{{Kind: jobscope.KindTitle, Name: "Go Developer"}}}, []string{"b/5", "b/1", "b/3"}},
		{"a region", jobscope.SearchQuery{Terms: []jobscope.Term{{Kind: jobscope.KindLocation, Name: "London"}}}, []string{"b/2"}},
		{"a county", jobscope.SearchQuery{Terms: []jobscope.Term{{Kind: jobscope.KindLocation, Name: "West Yorkshire"}}}, []string{"b/5", "b/1", "b/3"}},
		{"a market", jobscope.SearchQuery{Type: jobscope.Contract}, []string{"b/2"}},
		{"a work mode and level", jobscope.SearchQuery{WorkMode: "hybrid", Seniority: "senior"}, []string{"b/5", "b/1", "b/3"}},
		{"annual pay at least", jobscope.SearchQuery{Period: jobscope.PeriodYear, MinPay: 60000}, []string{"b/5"}},
		{"annual pay at most", jobscope.SearchQuery{Period: jobscope.PeriodYear, MaxPay: 60000}, []string{"b/1"}},
		{"a day rate", jobscope.SearchQuery{Period: jobscope.PeriodDay, MinPay: 550, MaxPay: 550}, []string{"b/2"}},
		{"posted since", jobscope.SearchQuery{Since: day("2024-03-06")}, []string{"b/2"}},
		{"everything at once", jobscope.SearchQuery{Words: []string{"python"}, Type: jobscope.Contract, WorkMode: "remote",
			Terms: []jobscope.Term{{Kind: jobscope.KindSkill, Name: "Python"}}, Since: day("2024-01-01")}, []string{"b/2"}},
		{"nothing matches", jobscope.SearchQuery{Words: []string{"cobol"}}, nil},
		{"query syntax is text", jobscope.SearchQuery{Words: []string{`go"`, "OR", "NOT"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search(t, tt.q); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}

	t.Run("pages", func(t *testing.T) {
		var got []string
		q := jobscope.SearchQuery{Limit: 1, CountLimit: 100}
		for range 10 {
			res, err := sr.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 4 || res.TotalCapped {
				t.Errorf("page after %v: Total %d (capped %v), want 4", q.After, res.Total, res.TotalCapped)
			}
			for _, h := range res.Hits {
				got = append(got, h.Key.String())
			}
			if res.Next == nil {
				break
			}
			q.After = res.Next
		}
		if want := []string{"b/2", "b/5", "b/1", "b/3"}; !slices.Equal(got, want) {
			t.Errorf("pages gave %v, want %v", got, want)
		}
		res, err := sr.Search(ctx, jobscope.SearchQuery{Limit: 1, CountLimit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 2 || !res.TotalCapped {
			t.Errorf("count capped at 2: Total %d capped %v", res.Total, res.TotalCapped)
		}
	})

	t.Run("hit fields", func(t *testing.T) {
		res, err := sr.Search(ctx, jobscope.SearchQuery{Words: []string{"django"}, Limit: 5})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("Search: %v, %d hits", err, len(res.Hits))
		}
		h := res.Hits[0]
		if h.Title != "Contract Python Developer" || h.TitleNorm != "Python Developer" || h.Place != "London" ||
			h.Type != jobscope.Contract || h.WorkMode != "remote" || !h.Posted.Equal(day("2024-03-07")) ||
			h.Salary == nil || h.Salary.Period != jobscope.PeriodDay || h.Salary.Min != 500 || h.Company != "Acme Ltd" {
			t.Errorf("hit %+v", h)
		}
	})

	t.Run("replaced ads are found by their new words", func(t *testing.T) {
		apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("b/3", func(a *jobscope.Ad) {
			a.Raw.Description = "Haskell compilers."
			a.ContentHash = 77
		})}})
		if got := search(t, jobscope.SearchQuery{Words: []string{"kubernetes"}}); got != nil {
			t.Errorf("old words still found: %v", got)
		}
		if got := search(t, jobscope.SearchQuery{Words: []string{"haskell"}}); !slices.Equal(got, []string{"b/3"}) {
			t.Errorf("new words: %v", got)
		}
	})

	t.Run("one ad", func(t *testing.T) {
		ad, err := sr.Ad(ctx, key("b/4"))
		if err != nil {
			t.Fatal(err)
		}
		if ad.DupOf == nil || *ad.DupOf != key("b/1") || string(ad.Raw) != `{"id":"4"}` ||
			ad.Extraction.Title.Normalized != "Go Developer" || !ad.Posted.Equal(day("2024-03-05")) ||
			ad.URL != "https://example.com/4" {
			t.Errorf("Ad(b/4) = %+v", ad)
		}
		first, err := sr.Ad(ctx, key("b/1"))
		if err != nil || first.DupOf != nil {
			t.Errorf("Ad(b/1) = %+v, %v", first, err)
		}
		if _, err := sr.Ad(ctx, key("b/404")); !errors.Is(err, jobscope.ErrNoAd) {
			t.Errorf("Ad of an unknown key: %v, want ErrNoAd", err)
		}
	})
}
