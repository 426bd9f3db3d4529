package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"jobscope"
)

// records returns what Records streams.
func records(t *testing.T, s jobscope.Store) []jobscope.AdRecord {
	t.Helper()
	var out []jobscope.AdRecord
	if err := s.Records(ctx, func(r *jobscope.AdRecord) error { out = append(out, *r); return nil }); err != nil {
		t.Fatalf("Records: %v", err)
	}
	return out
}

// testRecords checks the stream that feeds the statistics engine: canonical ads only, by posting
// date, every field, and a number that stays with an ad when it is replaced.
func testRecords(t *testing.T, s jobscope.Store) {
	if got := records(t, s); len(got) != 0 {
		t.Fatalf("empty store: Records = %+v", got)
	}
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("reed/1", func(a *jobscope.Ad) {
			a.Raw.PostedAt = time.Date(2024, 3, 5, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))
			a.Raw.ClosedAt = time.Date(2024, 4, 1, 9, 0, 0, 0, time.UTC)
			a.Extraction.Location.Remote = true
		}),
		newAd("reed/2", func(a *jobscope.Ad) {
			a.Raw.PostedAt = day("2024-02-29")
			a.Extraction.Employment = jobscope.Employment{Type: jobscope.Contract, IR35: "outside"}
			a.Extraction.Salary = &jobscope.Salary{Min: 450, Max: 550, Currency: "GBP", Period: "day"}
			a.Extraction.Location = jobscope.Location{Country: "GB", Nation: "England", Region: "London",
				County: "Greater London", Place: "London"}
			a.Extraction.Title.Normalized = "Data Engineer"
			a.Extraction.Skills = []jobscope.Skill{{Name: "Python", Category: "Programming Languages"},
				{Name: "Go", Category: "Programming Languages"}}
		}),
		newAd("reed/3", func(a *jobscope.Ad) {
			a.Raw.PostedAt = time.Time{}
			a.Extraction.Employment = jobscope.Employment{}
			a.Extraction.Salary = nil
			a.Extraction.Title.Normalized = ""
			a.Extraction.Skills = nil
			a.Extraction.Location = jobscope.Location{Country: "US", Region: "Texas", Remote: true}
		}),
		newAd("adzuna/1", func(a *jobscope.Ad) { a.DupOf = keyp("reed/1") }),
	}})
	r1 := jobscope.AdRecord{Posted: day("2024-03-05"), Closed: day("2024-04-01"), Type: "permanent", Period: "year",
		Currency: "GBP", Min: 50000, Max: 60000, Country: "GB", Nation: "England", Region: "Yorkshire and The Humber",
		County: "West Yorkshire", Place: "Leeds", Remote: true, Title: "Go Developer",
		Skills: []jobscope.Skill{{Name: "Go", Category: "Programming Languages"}, {Name: "SQL", Category: "Databases"}}}
	r2 := jobscope.AdRecord{Posted: day("2024-02-29"), Type: "contract", Period: "day", Currency: "GBP", Min: 450,
		Max: 550, Country: "GB", Nation: "England", Region: "London", County: "Greater London", Place: "London",
		Title: "Data Engineer", Skills: []jobscope.Skill{{Name: "Python", Category: "Programming Languages"},
			{Name: "Go", Category: "Programming Languages"}}}
	r3 := jobscope.AdRecord{Country: "US", Region: "Texas", Remote: true}
	check := func(t *testing.T, got, want []jobscope.AdRecord) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("Records = %+v, want %+v", got, want)
		}
		for i := range got {
			g, w := got[i], want[i]
			if !g.Posted.Equal(w.Posted) || !g.Closed.Equal(w.Closed) || (!g.Posted.IsZero() && g.Posted.Location() != time.UTC) {
				t.Errorf("record %d dates = %v, %v; want %v, %v (UTC)", i, g.Posted, g.Closed, w.Posted, w.Closed)
			}
			g.Posted, g.Closed, w.Posted, w.Closed = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			g.Seq, w.Seq = 0, 0
			if len(g.Skills) == 0 {
				g.Skills = nil
			}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("record %d = %+v, want %+v", i, g, w)
			}
		}
	}
	got := records(t, s)
	check(t, got, []jobscope.AdRecord{r3, r2, r1}) // undated first, then by posting date
	seq := map[string]int64{}
	for _, r := range got {
		seq[r.Place+r.Region] = r.Seq
	}
	if len(seq) != 3 || seq["LondonLondon"] == seq["LeedsYorkshire and The Humber"] {
		t.Fatalf("Seq not distinct: %v", seq)
	}

	t.Run("replaced ad keeps its number", func(t *testing.T) {
		apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/2", func(a *jobscope.Ad) {
			a.Raw.PostedAt = day("2024-03-10")
			a.Extraction.Location = jobscope.Location{Country: "GB", Nation: "England", Region: "London", Place: "London"}
			a.Extraction.Skills = []jobscope.Skill{{Name: "Rust", Category: "Programming Languages"}}
		})}})
		r2b := r1
		r2b.Posted, r2b.Closed, r2b.Remote = day("2024-03-10"), time.Time{}, false
		r2b.Region, r2b.County, r2b.Place = "London", "", "London"
		r2b.Skills = []jobscope.Skill{{Name: "Rust", Category: "Programming Languages"}}
		got := records(t, s)
		check(t, got, []jobscope.AdRecord{r3, r1, r2b})
		if got[2].Seq != seq["LondonLondon"] {
			t.Errorf("replaced ad's Seq = %d, was %d", got[2].Seq, seq["LondonLondon"])
		}
	})
	t.Run("ad found a copy leaves", func(t *testing.T) {
		apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/3", func(a *jobscope.Ad) { a.DupOf = keyp("reed/1") })}})
		for _, r := range records(t, s) {
			if r.Region == "Texas" {
				t.Errorf("a copy is streamed: %+v", r)
			}
		}
	})
	t.Run("fn error stops", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		err := s.Records(ctx, func(*jobscope.AdRecord) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("Records with a failing fn = %v after %d calls, want %v after 1", err, n, stop)
		}
	})
}
