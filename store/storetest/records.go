package storetest

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"jobscope"
)

// records returns the canonical records Changes streams from the start: what an engine is built from.
func records(t *testing.T, s jobscope.Store) []jobscope.AdRecord {
	t.Helper()
	recs, _, _ := changes(t, s, -1)
	return recs
}

// testRecords checks the stream that feeds a new statistics engine (Changes from the start):
// canonical ads by posting date, every field, and a number that stays with an ad when it is replaced.
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
			a.Raw.Company = "" // the ad names no advertiser
		}),
		newAd("adzuna/1", func(a *jobscope.Ad) { a.DupOf = keyp("reed/1") }),
	}})
	r1 := jobscope.AdRecord{Posted: day("2024-03-05"), Closed: day("2024-04-01"), Type: "permanent", Period: "year",
		Currency: "GBP", Min: 50000, Max: 60000, Country: "GB", Nation: "England", Region: "Yorkshire and The Humber",
		County: "West Yorkshire", Place: "Leeds", Remote: true, Title: "Go Developer",
		Skills:    []jobscope.Skill{{Name: "Go", Category: "Programming Languages"}, {Name: "SQL", Category: "Databases"}},
		Seniority: "senior", WorkMode: "hybrid", Company: "Acme Ltd"}
	r2 := jobscope.AdRecord{Posted: day("2024-02-29"), Type: "contract", Period: "day", Currency: "GBP", Min: 450,
		Max: 550, Country: "GB", Nation: "England", Region: "London", County: "Greater London", Place: "London",
		Title: "Data Engineer", Skills: []jobscope.Skill{{Name: "Python", Category: "Programming Languages"},
			{Name: "Go", Category: "Programming Languages"}}, Seniority: "senior", WorkMode: "hybrid", IR35: "outside",
		Company: "Acme Ltd"}
	r3 := jobscope.AdRecord{Country: "US", Region: "Texas", Remote: true, Seniority: "senior", WorkMode: "hybrid"}
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
		_, err := s.Changes(ctx, -1, func(*jobscope.AdRecord, bool) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("Changes with a failing fn = %v after %d calls, want %v after 1", err, n, stop)
		}
	})
}

// changes returns what Changes streams after since: the canonical records, the Seq of the copies,
// and the state.
func changes(t *testing.T, s jobscope.Store, since int64) (recs []jobscope.AdRecord, copies []int64, st jobscope.StoreState) {
	t.Helper()
	st, err := s.Changes(ctx, since, func(r *jobscope.AdRecord, canonical bool) error {
		if canonical {
			recs = append(recs, *r)
		} else {
			copies = append(copies, r.Seq)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Changes(%d): %v", since, err)
	}
	return recs, copies, st
}

// testChanges checks what a copy of the ads (the statistics engine's snapshot) catches up with:
// the ads each Apply writes, numbered in order, copies included so that it can drop them, and a
// state that names the store and counts its canonical ads.
func testChanges(t *testing.T, open func(t *testing.T) jobscope.Store) {
	s := open(t)
	recs, copies, st0 := changes(t, s, -1)
	if len(recs)+len(copies) != 0 || st0.ChangeSeq != 0 || st0.Canonical != 0 || st0.Instance == "" {
		t.Fatalf("empty store: %d records, %d copies, state %+v", len(recs), len(copies), st0)
	}
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("reed/1", func(a *jobscope.Ad) { a.Raw.PostedAt = day("2024-03-05") }),
		newAd("reed/2", func(a *jobscope.Ad) { a.Raw.PostedAt = day("2024-02-29") }),
		newAd("reed/3", func(a *jobscope.Ad) { a.Raw.PostedAt = day("2024-04-01") }),
		newAd("adzuna/1", func(a *jobscope.Ad) { a.DupOf = keyp("reed/1") }),
	}})
	recs, copies, st1 := changes(t, s, -1)
	if !reflect.DeepEqual(recs, records(t, s)) {
		t.Errorf("Changes(-1) records = %+v, Records = %+v", recs, records(t, s))
	}
	if len(copies) != 1 || st1.ChangeSeq <= st0.ChangeSeq || st1.Canonical != 3 || st1.Instance != st0.Instance {
		t.Fatalf("after one batch: %d copies, state %+v (was %+v)", len(copies), st1, st0)
	}
	model := map[int64]jobscope.AdRecord{}
	for _, r := range recs {
		model[r.Seq] = r
	}
	if recs, copies, st := changes(t, s, st1.ChangeSeq); len(recs)+len(copies) != 0 || st != st1 {
		t.Errorf("nothing changed: %d records, %d copies, state %+v, want %+v", len(recs), len(copies), st, st1)
	}
	apply(t, s, jobscope.Batch{Rejects: []jobscope.Reject{{File: "f", Line: 1, Reason: "r", Record: "x"}}})

	// A second batch replaces one ad, turns another into a copy and adds one.
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("reed/2", func(a *jobscope.Ad) { a.Raw.PostedAt = day("2024-03-10"); a.Extraction.Skills = nil }),
		newAd("reed/3", func(a *jobscope.Ad) { a.DupOf = keyp("reed/1") }),
		newAd("reed/4", func(a *jobscope.Ad) { a.Raw.PostedAt = day("2024-01-10") }),
	}})
	recs, copies, st2 := changes(t, s, st1.ChangeSeq)
	if len(recs) != 2 || len(copies) != 1 || st2.ChangeSeq <= st1.ChangeSeq || st2.Canonical != 3 {
		t.Fatalf("after a second batch: %d records, %d copies, state %+v", len(recs), len(copies), st2)
	}
	for _, r := range recs {
		model[r.Seq] = r
	}
	for _, c := range copies {
		delete(model, c)
	}
	want := map[int64]jobscope.AdRecord{}
	for _, r := range records(t, s) {
		want[r.Seq] = r
	}
	if !reflect.DeepEqual(model, want) {
		t.Errorf("caught up = %+v, want %+v", model, want)
	}

	t.Run("another store is another instance", func(t *testing.T) {
		if _, _, st := changes(t, open(t), -1); st.Instance == st0.Instance {
			t.Errorf("two stores share instance %q", st.Instance)
		}
	})
	t.Run("fn error stops", func(t *testing.T) {
		stop := errors.New("stop")
		n := 0
		_, err := s.Changes(ctx, -1, func(*jobscope.AdRecord, bool) error { n++; return stop })
		if !errors.Is(err, stop) || n != 1 {
			t.Errorf("Changes with a failing fn = %v after %d calls, want %v after 1", err, n, stop)
		}
	})
}
