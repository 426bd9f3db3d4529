// Package storetest is the contract of jobscope.Store as one test suite, run by every implementation
// on a real database, so that SQLite and PostgreSQL behave the same.
package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"jobscope"
)

// Run runs the whole suite. open must return a new, empty store for each call, and arrange (with
// t.Cleanup) for it to be closed and removed when t ends.
func Run(t *testing.T, open func(t *testing.T) jobscope.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s jobscope.Store)
	}{
		{"Empty", testEmpty},
		{"ApplyInserts", testApplyInserts},
		{"Coverage", testCoverage},
		{"ApplyReplacesByKey", testApplyReplaces},
		{"Rejects", testRejects},
		{"RejectPlaces", testRejectPlaces},
		{"Lookup", testLookup},
		{"Candidates", testCandidates},
		{"Duplicates", testDuplicates},
		{"DuplicateStatusChanges", testDupStatusChanges},
		{"Repoint", testRepoint},
		{"Records", testRecords},
		{"InvalidBatches", testInvalidBatches},
		{"CancelledContext", testCancelled},
		{"ConcurrentReadsAndWrites", testConcurrent},
		{"Model", testModel},
		{"Search", testSearch},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, open(t))
		})
	}
	t.Run("AtomicBatches", func(t *testing.T) {
		t.Parallel()
		testAtomic(t, open)
	})
	t.Run("Changes", func(t *testing.T) {
		t.Parallel()
		testChanges(t, open)
	})
}

var ctx = context.Background()

func key(s string) jobscope.AdKey {
	src, id, _ := strings.Cut(s, "/")
	return jobscope.AdKey{Source: src, ID: id}
}

func keyp(s string) *jobscope.AdKey {
	k := key(s)
	return &k
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// newAd returns an ad with every field set, for key k ("source/id"); edit changes it.
func newAd(k string, edit func(a *jobscope.Ad)) jobscope.Ad {
	kk := key(k)
	annual := 55000.0
	a := jobscope.Ad{
		Raw: jobscope.RawAd{
			Source: kk.Source, ID: kk.ID,
			Title:       "Senior Go Developer",
			Description: "Go, SQL and Kubernetes.",
			Company:     "Acme Ltd",
			Location:    "Leeds, West Yorkshire",
			Salary:      "£50,000 - £60,000",
			PostedAt:    day("2024-03-05"),
			URL:         "https://example.com/" + kk.ID,
			Raw:         []byte(`{"id":"` + kk.ID + `"}`),
		},
		Extraction: jobscope.Extraction{
			ID: kk.ID, Source: kk.Source,
			Title:      jobscope.Title{Normalized: "Go Developer", Seniority: "senior"},
			Employment: jobscope.Employment{Type: jobscope.Permanent, Hours: "full_time"},
			WorkMode:   "hybrid",
			Salary: &jobscope.Salary{Min: 50000, Max: 60000, Currency: "GBP", Period: jobscope.PeriodYear,
				Annual: &annual, Text: "£50,000 - £60,000"},
			Location: jobscope.Location{Country: "GB", Nation: "England", Region: "Yorkshire and The Humber",
				County: "West Yorkshire", Place: "Leeds"},
			Skills: []jobscope.Skill{{Name: "Go", Category: "Programming Languages"},
				{Name: "SQL", Category: "Databases"}},
		},
		ContentHash: 1000 + uint64(len(k)),
		Signature:   []byte("sig-" + k),
		Bands:       []int64{int64(len(k)) * 7919, -42},
	}
	if edit != nil {
		edit(&a)
	}
	return a
}

func apply(t *testing.T, s jobscope.Store, b jobscope.Batch) {
	t.Helper()
	if err := s.Apply(ctx, &b); err != nil {
		t.Fatalf("Apply: %v", err)
	}
}

func info(t *testing.T, s jobscope.Store) jobscope.Info {
	t.Helper()
	in, err := s.Info(ctx)
	if err != nil {
		t.Fatalf("Info: %v", err)
	}
	return in
}

func lookup(t *testing.T, s jobscope.Store, keys ...string) map[jobscope.AdKey]jobscope.Existing {
	t.Helper()
	ks := make([]jobscope.AdKey, len(keys))
	for i, k := range keys {
		ks[i] = key(k)
	}
	m, err := s.Lookup(ctx, ks)
	if err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	if m == nil {
		t.Fatalf("Lookup returned a nil map")
	}
	return m
}

// terms counts, from the canonical records the store streams (Changes), the ads citing each skill,
// title and location, as the statistics engine counts them.
func terms(t *testing.T, s jobscope.Store) []jobscope.Term {
	t.Helper()
	n := map[jobscope.Term]int{}
	for _, r := range records(t, s) {
		for _, tm := range recordTerms(&r) {
			n[tm]++
		}
	}
	ts := []jobscope.Term{}
	for tm, c := range n {
		tm.Ads = c
		ts = append(ts, tm)
	}
	sortTerms(ts)
	return ts
}

// recordTerms lists the distinct terms a record cites, each with Ads zero.
func recordTerms(r *jobscope.AdRecord) []jobscope.Term {
	var out []jobscope.Term
	add := func(tm jobscope.Term) {
		if !slices.Contains(out, tm) {
			out = append(out, tm)
		}
	}
	for _, sk := range r.Skills {
		add(jobscope.Term{Name: sk.Name, Kind: jobscope.KindSkill, Category: sk.Category})
	}
	if r.Title != "" {
		add(jobscope.Term{Name: r.Title, Kind: jobscope.KindTitle, Category: "Job Titles"})
	}
	// Counties are left out: the stores kept them apart from the location terms.
	for _, l := range []string{r.Country, r.Nation, r.Region, r.Place} {
		if l != "" {
			add(jobscope.Term{Name: l, Kind: jobscope.KindLocation, Category: "Locations"})
		}
	}
	return out
}

func sortTerms(ts []jobscope.Term) {
	sort.Slice(ts, func(i, j int) bool {
		a, b := ts[i], ts[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Category < b.Category
	})
}

// facts returns the canonical records citing term of kind (every canonical record when term is
// empty); a location term may be a county.
func facts(t *testing.T, s jobscope.Store, kind jobscope.TermKind, term string) []jobscope.AdRecord {
	t.Helper()
	var out []jobscope.AdRecord
	for _, r := range records(t, s) {
		cites := slices.ContainsFunc(recordTerms(&r), func(tm jobscope.Term) bool { return tm.Kind == kind && tm.Name == term })
		if term == "" || cites || kind == jobscope.KindLocation && r.County == term {
			out = append(out, r)
		}
	}
	return out
}

func candidateKeys(t *testing.T, s jobscope.Store, bands ...int64) []string {
	t.Helper()
	cs, err := s.Candidates(ctx, bands)
	if err != nil {
		t.Fatalf("Candidates: %v", err)
	}
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Key.String())
	}
	sort.Strings(out)
	return out
}

func testEmpty(t *testing.T, s jobscope.Store) {
	if in := info(t, s); in != (jobscope.Info{}) {
		t.Errorf("Info of an empty store = %+v, want zero", in)
	}
	if m := lookup(t, s, "a/1", "b/2"); len(m) != 0 {
		t.Errorf("Lookup on an empty store = %v, want empty", m)
	}
	if ts := terms(t, s); len(ts) != 0 {
		t.Errorf("Terms on an empty store = %v, want none", ts)
	}
	if fs := facts(t, s, "", ""); len(fs) != 0 {
		t.Errorf("Facts on an empty store = %v, want none", fs)
	}
	if cs := candidateKeys(t, s, 1, 2, 3); len(cs) != 0 {
		t.Errorf("Candidates on an empty store = %v, want none", cs)
	}
	rs, err := s.Rejects(ctx, 0)
	if err != nil || len(rs) != 0 {
		t.Errorf("Rejects on an empty store = %v, %v; want none", rs, err)
	}
	if err := s.Apply(ctx, &jobscope.Batch{}); err != nil {
		t.Errorf("Apply of an empty batch: %v", err)
	}
}

func testApplyInserts(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("reed/1", func(a *jobscope.Ad) { a.ContentHash = 11; a.Raw.PostedAt = day("2024-01-10") }),
		newAd("reed/2", func(a *jobscope.Ad) { a.ContentHash = 1<<63 + 5; a.Raw.PostedAt = day("2024-02-01") }),
		newAd("adzuna/1", func(a *jobscope.Ad) { a.ContentHash = 13; a.Raw.PostedAt = time.Time{} }),
	}})
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("reed/3", func(a *jobscope.Ad) { a.ContentHash = 14; a.Raw.PostedAt = day("2023-12-31") }),
	}})
	want := jobscope.Info{Ads: 4, FirstPosted: day("2023-12-31"), LastPosted: day("2024-02-01"), Canonical: 4, Undated: 1}
	if in := info(t, s); in != want {
		t.Errorf("Info = %+v, want %+v", in, want)
	}
	got := lookup(t, s, "reed/1", "reed/2", "adzuna/1", "reed/3", "reed/4", "adzuna/2")
	wantL := map[jobscope.AdKey]jobscope.Existing{
		key("reed/1"): {ContentHash: 11}, key("reed/2"): {ContentHash: 1<<63 + 5},
		key("adzuna/1"): {ContentHash: 13}, key("reed/3"): {ContentHash: 14},
	}
	if !reflect.DeepEqual(got, wantL) {
		t.Errorf("Lookup = %v, want %v", got, wantL)
	}
	if n := len(facts(t, s, "", "")); n != 4 {
		t.Errorf("Facts of all ads: %d, want 4", n)
	}
}

func testApplyReplaces(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/1", nil), newAd("reed/2", nil)}})
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/1", func(a *jobscope.Ad) {
		a.ContentHash = 99
		a.Raw.PostedAt = day("2024-06-01")
		a.Extraction.Title.Normalized = "Data Engineer"
		a.Extraction.Skills = []jobscope.Skill{{Name: "Python", Category: "Programming Languages"}}
		a.Extraction.Location = jobscope.Location{Country: "GB", Nation: "Scotland", Region: "Scotland", Place: "Glasgow"}
		a.Bands = []int64{777}
	})}})
	if in := info(t, s); in.Ads != 2 || in.LastPosted != day("2024-06-01") || in.FirstPosted != day("2024-03-05") {
		t.Errorf("Info after a replace = %+v, want 2 ads posted 2024-03-05 to 2024-06-01", in)
	}
	if got := lookup(t, s, "reed/1")[key("reed/1")]; got.ContentHash != 99 {
		t.Errorf("content hash after replace = %d, want 99", got.ContentHash)
	}
	for _, tc := range []struct {
		name  string
		kind  jobscope.TermKind
		term  string
		count int
	}{
		{"old skill", jobscope.KindSkill, "Go", 1},
		{"kept skill", jobscope.KindSkill, "SQL", 1},
		{"new skill", jobscope.KindSkill, "Python", 1},
		{"old title", jobscope.KindTitle, "Go Developer", 1},
		{"new title", jobscope.KindTitle, "Data Engineer", 1},
		{"old place", jobscope.KindLocation, "Leeds", 1},
		{"new place", jobscope.KindLocation, "Glasgow", 1},
		{"country", jobscope.KindLocation, "GB", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if n := len(facts(t, s, tc.kind, tc.term)); n != tc.count {
				t.Errorf("Facts(%s %q): %d ads, want %d", tc.kind, tc.term, n, tc.count)
			}
		})
	}
	if got, want := candidateKeys(t, s, 777), []string{"reed/1"}; !slices.Equal(got, want) {
		t.Errorf("Candidates(new band) = %v, want %v", got, want)
	}
	if got, want := candidateKeys(t, s, int64(len("reed/1"))*7919), []string{"reed/2"}; !slices.Equal(got, want) {
		t.Errorf("Candidates(old band) = %v, want %v (the replaced ad's old bands must go)", got, want)
	}
	wantTerms := []jobscope.Term{
		{Name: "England", Kind: jobscope.KindLocation, Category: "Locations", Ads: 1},
		{Name: "GB", Kind: jobscope.KindLocation, Category: "Locations", Ads: 2},
		{Name: "Glasgow", Kind: jobscope.KindLocation, Category: "Locations", Ads: 1},
		{Name: "Leeds", Kind: jobscope.KindLocation, Category: "Locations", Ads: 1},
		{Name: "Scotland", Kind: jobscope.KindLocation, Category: "Locations", Ads: 1},
		{Name: "Yorkshire and The Humber", Kind: jobscope.KindLocation, Category: "Locations", Ads: 1},
		{Name: "Go", Kind: jobscope.KindSkill, Category: "Programming Languages", Ads: 1},
		{Name: "Python", Kind: jobscope.KindSkill, Category: "Programming Languages", Ads: 1},
		{Name: "SQL", Kind: jobscope.KindSkill, Category: "Databases", Ads: 1},
		{Name: "Data Engineer", Kind: jobscope.KindTitle, Category: "Job Titles", Ads: 1},
		{Name: "Go Developer", Kind: jobscope.KindTitle, Category: "Job Titles", Ads: 1},
	}
	sortTerms(wantTerms)
	if got := terms(t, s); !reflect.DeepEqual(got, wantTerms) {
		t.Errorf("Terms after a replace:\n got %v\nwant %v", got, wantTerms)
	}
}

func testRejects(t *testing.T, s jobscope.Store) {
	t0 := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	first := []jobscope.Reject{
		{File: "b.jsonl", Line: 3, Reason: "bad JSON", Record: "{", At: t0.Add(2 * time.Second)},
		{File: "a.jsonl", Line: 7, Reason: "no id", Record: `{"title":"x"}`, At: t0},
		{File: "a.jsonl", Line: 9, Reason: "no title", Record: `{"id":"9"}`, At: t0.Add(time.Second)},
	}
	apply(t, s, jobscope.Batch{Rejects: first})
	// Re-running the same file sets the same records aside again: they must not double.
	again := []jobscope.Reject{
		{File: "a.jsonl", Line: 7, Reason: "no id (again)", Record: `{"title":"x"}`, At: t0.Add(3 * time.Second)},
		{File: "c.csv", Line: 1, Reason: "short row", Record: "a,b", At: t0.Add(4 * time.Second)},
	}
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/1", nil)}, Rejects: again})
	apply(t, s, jobscope.Batch{Rejects: again})
	if in := info(t, s); in.SetAside != 4 || in.Ads != 1 {
		t.Errorf("Info = %+v, want 4 set aside and 1 ad", in)
	}
	// a.jsonl:7 was replaced, and so moved to its new time.
	want := []jobscope.Reject{first[2], first[0], again[0], again[1]}
	for _, tc := range []struct {
		name  string
		limit int
		want  []jobscope.Reject
	}{
		{"all", 0, want},
		{"negative limit", -1, want},
		{"limit 2", 2, want[:2]},
		{"limit beyond", 10, want},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Rejects(ctx, tc.limit)
			if err != nil {
				t.Fatalf("Rejects: %v", err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("Rejects(%d) = %d records, want %d: %+v", tc.limit, len(got), len(tc.want), got)
			}
			for i := range got {
				g, w := got[i], tc.want[i]
				if g.File != w.File || g.Line != w.Line || g.Reason != w.Reason || g.Record != w.Record || !g.At.Equal(w.At) {
					t.Errorf("Rejects[%d] = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func testLookup(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("reed/1", func(a *jobscope.Ad) { a.ContentHash = 1 }),
		newAd("reed/2", func(a *jobscope.Ad) { a.ContentHash = 2; a.DupOf = keyp("reed/1") }),
		newAd("adzuna/1", func(a *jobscope.Ad) { a.ContentHash = 3; a.DupOf = keyp("reed/1") }),
	}})
	for _, tc := range []struct {
		name string
		keys []string
		want map[jobscope.AdKey]jobscope.Existing
	}{
		{"none", nil, map[jobscope.AdKey]jobscope.Existing{}},
		{"missing", []string{"reed/9", "indeed/1"}, map[jobscope.AdKey]jobscope.Existing{}},
		{"canonical", []string{"reed/1"}, map[jobscope.AdKey]jobscope.Existing{key("reed/1"): {ContentHash: 1}}},
		{"copies", []string{"reed/2", "adzuna/1", "adzuna/2"}, map[jobscope.AdKey]jobscope.Existing{
			key("reed/2"):   {ContentHash: 2, DupOf: keyp("reed/1")},
			key("adzuna/1"): {ContentHash: 3, DupOf: keyp("reed/1")},
		}},
		{"same id other source", []string{"adzuna/2", "indeed/1", "reed/1"},
			map[jobscope.AdKey]jobscope.Existing{key("reed/1"): {ContentHash: 1}}},
		{"repeated keys", []string{"reed/1", "reed/1"}, map[jobscope.AdKey]jobscope.Existing{key("reed/1"): {ContentHash: 1}}},
		{"odd text", []string{"reed/\x00", "re\xffed/1", `"/'`}, map[jobscope.AdKey]jobscope.Existing{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := lookup(t, s, tc.keys...); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Lookup(%v) = %v, want %v", tc.keys, got, tc.want)
			}
		})
	}
	t.Run("many", func(t *testing.T) {
		var b jobscope.Batch
		var keys []string
		for i := range 2500 {
			k := fmt.Sprintf("bulk/%d", i)
			b.Ads = append(b.Ads, newAd(k, func(a *jobscope.Ad) { a.ContentHash = uint64(i) }))
			keys = append(keys, k, fmt.Sprintf("bulk/x%d", i))
		}
		apply(t, s, b)
		got := lookup(t, s, keys...)
		if len(got) != 2500 {
			t.Fatalf("Lookup of 5000 keys found %d, want 2500", len(got))
		}
		if e := got[key("bulk/1234")]; e.ContentHash != 1234 {
			t.Errorf("bulk/1234 hash = %d, want 1234", e.ContentHash)
		}
	})
}

func testCandidates(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("reed/1", func(a *jobscope.Ad) {
			a.Bands = []int64{1, 2, -9223372036854775808, 9223372036854775807}
			a.Raw.PostedAt = time.Date(2024, 3, 5, 23, 30, 0, 0, time.FixedZone("EST", -5*3600))
		}),
		newAd("reed/2", func(a *jobscope.Ad) {
			a.Bands = []int64{2, 3}
			a.DupOf = keyp("reed/1")
			a.Extraction.Location.Region = ""
			a.Raw.Company = "Other Co"
			a.Raw.Title = "Go Dev"
			a.Extraction.Title.Normalized = ""
			a.Signature = []byte{0, 1, 2, 255}
		}),
		newAd("reed/3", func(a *jobscope.Ad) { a.Bands = []int64{4, 4}; a.Raw.PostedAt = time.Time{}; a.Signature = nil }),
	}})
	for _, tc := range []struct {
		name  string
		bands []int64
		want  []string
	}{
		{"none", nil, []string{}},
		{"unknown", []int64{99, 100}, []string{}},
		{"one", []int64{1}, []string{"reed/1"}},
		{"shared band once each", []int64{2, 3, 1}, []string{"reed/1", "reed/2"}},
		{"extremes", []int64{-9223372036854775808, 9223372036854775807}, []string{"reed/1"}},
		{"repeated band in an ad", []int64{4}, []string{"reed/3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := candidateKeys(t, s, tc.bands...); !slices.Equal(got, tc.want) {
				t.Errorf("Candidates(%v) = %v, want %v", tc.bands, got, tc.want)
			}
		})
	}
	t.Run("fields", func(t *testing.T) {
		cs, err := s.Candidates(ctx, []int64{2, 4})
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i].Key.ID < cs[j].Key.ID })
		want := []jobscope.DupCandidate{
			{Key: key("reed/1"), Company: "Acme Ltd", Title: "Senior Go Developer", TitleNorm: "Go Developer",
				Region: "Yorkshire and The Humber", Place: "Leeds", PostedAt: day("2024-03-05"),
				FirstPosted: day("2024-03-05"), Signature: []byte("sig-reed/1")},
			{Key: key("reed/2"), DupOf: keyp("reed/1"), Company: "Other Co", Title: "Go Dev",
				Place: "Leeds", PostedAt: day("2024-03-05"), FirstPosted: day("2024-03-05"), Signature: []byte{0, 1, 2, 255}},
			{Key: key("reed/3"), Company: "Acme Ltd", Title: "Senior Go Developer", TitleNorm: "Go Developer",
				Region: "Yorkshire and The Humber", Place: "Leeds"},
		}
		if len(cs) != len(want) {
			t.Fatalf("Candidates = %+v, want %+v", cs, want)
		}
		for i := range cs {
			g, w := cs[i], want[i]
			if len(g.Signature) == 0 {
				g.Signature = nil
			}
			if g.PostedAt.Location() != time.UTC && !g.PostedAt.IsZero() {
				t.Errorf("%s: PostedAt %v is not in UTC", g.Key, g.PostedAt)
			}
			if !g.PostedAt.Equal(w.PostedAt) {
				t.Errorf("%s: PostedAt = %v, want %v", g.Key, g.PostedAt, w.PostedAt)
			}
			if !g.FirstPosted.Equal(w.FirstPosted) {
				t.Errorf("%s: FirstPosted = %v, want %v", g.Key, g.FirstPosted, w.FirstPosted)
			}
			g.PostedAt, w.PostedAt = time.Time{}, time.Time{}
			g.FirstPosted, w.FirstPosted = time.Time{}, time.Time{}
			if !reflect.DeepEqual(g, w) {
				t.Errorf("candidate %d = %+v, want %+v", i, g, w)
			}
		}
	})
	// Inside Apply, Copies gets the signatures of only the candidates MayCopy passes, and every
	// candidate with its first copy.
	t.Run("signatures MayCopy passes", func(t *testing.T) {
		var asked []string
		var got map[string][]byte
		b := jobscope.Batch{Ads: []jobscope.Ad{newAd("new/1", func(a *jobscope.Ad) { a.Bands = []int64{2, 4} })}}
		b.MayCopy = func(c jobscope.DupCandidate) bool {
			asked = append(asked, c.Key.String())
			return c.Company == "Other Co" || c.Key.ID == "3"
		}
		b.Copies = func(fresh []bool, stored []jobscope.DupCandidate) (map[jobscope.AdKey]jobscope.AdKey, error) {
			got = map[string][]byte{}
			for _, c := range stored {
				if c.Key.ID == "2" && (c.DupOf == nil || *c.DupOf != key("reed/1")) {
					t.Errorf("reed/2 passed with first copy %v, want reed/1", c.DupOf)
				}
				got[c.Key.String()] = c.Signature
			}
			return nil, nil
		}
		if err := s.Apply(ctx, &b); err != nil {
			t.Fatal(err)
		}
		slices.Sort(asked)
		if want := []string{"reed/1", "reed/2", "reed/3"}; !slices.Equal(asked, want) {
			t.Errorf("MayCopy asked of %v, want %v", asked, want)
		}
		// reed/3 is stored without a signature: passed, it still has none.
		want := map[string][]byte{"reed/1": nil, "reed/2": {0, 1, 2, 255}, "reed/3": nil}
		for k := range got {
			if len(got[k]) == 0 {
				got[k] = nil
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Copies got signatures %v, want %v", got, want)
		}
	})
	t.Run("many bands", func(t *testing.T) {
		bands := make([]int64, 5000)
		for i := range bands {
			bands[i] = int64(i) + 1000
		}
		bands[4999] = 3
		if got, want := candidateKeys(t, s, bands...), []string{"reed/2"}; !slices.Equal(got, want) {
			t.Errorf("Candidates(5000 bands) = %v, want %v", got, want)
		}
	})
}

func testDuplicates(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/1", nil)}})
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		// A copy of an ad stored by an earlier batch.
		newAd("adzuna/1", func(a *jobscope.Ad) { a.DupOf = keyp("reed/1") }),
		// A first copy and its copies in the same batch, before and after it.
		newAd("indeed/2", func(a *jobscope.Ad) { a.DupOf = keyp("reed/2") }),
		newAd("reed/2", func(a *jobscope.Ad) {
			a.Extraction.Skills = []jobscope.Skill{{Name: "Rust", Category: "Programming Languages"}}
			a.Extraction.Title.Normalized = "Rust Developer"
		}),
		newAd("adzuna/2", func(a *jobscope.Ad) {
			a.DupOf = keyp("reed/2")
			a.Extraction.Skills = []jobscope.Skill{{Name: "Zig", Category: "Programming Languages"}}
		}),
	}})
	in := info(t, s)
	if in.Ads != 5 || in.Duplicates != 3 {
		t.Errorf("Info = %+v, want 5 ads of which 3 duplicates", in)
	}
	got := lookup(t, s, "reed/1", "adzuna/1", "indeed/2", "reed/2", "adzuna/2")
	want := map[jobscope.AdKey]jobscope.Existing{}
	for k, e := range got {
		want[k] = jobscope.Existing{ContentHash: e.ContentHash}
	}
	want[key("adzuna/1")] = jobscope.Existing{ContentHash: got[key("adzuna/1")].ContentHash, DupOf: keyp("reed/1")}
	want[key("indeed/2")] = jobscope.Existing{ContentHash: got[key("indeed/2")].ContentHash, DupOf: keyp("reed/2")}
	want[key("adzuna/2")] = jobscope.Existing{ContentHash: got[key("adzuna/2")].ContentHash, DupOf: keyp("reed/2")}
	if !reflect.DeepEqual(got, want) || len(got) != 5 {
		t.Errorf("Lookup = %v, want %v", got, want)
	}
	for _, tc := range []struct {
		name  string
		kind  jobscope.TermKind
		term  string
		count int
	}{
		{"all", "", "", 2},
		{"skill of first copies", jobscope.KindSkill, "Go", 1},
		{"skill of a copy only", jobscope.KindSkill, "Zig", 0},
		{"title", jobscope.KindTitle, "Rust Developer", 1},
		{"place", jobscope.KindLocation, "Leeds", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if n := len(facts(t, s, tc.kind, tc.term)); n != tc.count {
				t.Errorf("Facts(%s %q) = %d ads, want %d", tc.kind, tc.term, n, tc.count)
			}
		})
	}
	for _, tm := range terms(t, s) {
		if tm.Name == "Zig" {
			t.Errorf("Terms lists %+v, cited only by a copy", tm)
		}
		if tm.Name == "Leeds" && tm.Ads != 2 {
			t.Errorf("Terms: Leeds cited by %d ads, want 2 (copies count once)", tm.Ads)
		}
	}
}

func testDupStatusChanges(t *testing.T, s jobscope.Store) {
	go1 := func(a *jobscope.Ad) {
		a.Extraction.Skills = []jobscope.Skill{{Name: "Go", Category: "Programming Languages"}}
		a.Extraction.Location = jobscope.Location{Country: "GB"}
		a.Extraction.Title.Normalized = "Go Developer"
	}
	count := func(name string) int {
		for _, tm := range terms(t, s) {
			if tm.Name == name {
				return tm.Ads
			}
		}
		return 0
	}
	steps := []struct {
		name       string
		ads        []jobscope.Ad
		goAds, dup int
	}{
		{"two first copies", []jobscope.Ad{newAd("a/1", go1), newAd("a/2", go1)}, 2, 0},
		{"one becomes a copy", []jobscope.Ad{newAd("a/2", func(a *jobscope.Ad) { go1(a); a.DupOf = keyp("a/1") })}, 1, 1},
		{"copy replaced as copy", []jobscope.Ad{newAd("a/2", func(a *jobscope.Ad) { go1(a); a.DupOf = keyp("a/1"); a.ContentHash = 5 })}, 1, 1},
		{"copy becomes first copy again", []jobscope.Ad{newAd("a/2", go1)}, 2, 0},
		{"first copy loses the skill", []jobscope.Ad{newAd("a/1", func(a *jobscope.Ad) { go1(a); a.Extraction.Skills = nil })}, 1, 0},
	}
	for _, st := range steps {
		apply(t, s, jobscope.Batch{Ads: st.ads})
		if n := count("Go"); n != st.goAds {
			t.Errorf("after %s: Go cited by %d ads, want %d", st.name, n, st.goAds)
		}
		if n := len(facts(t, s, jobscope.KindSkill, "Go")); n != st.goAds {
			t.Errorf("after %s: Facts(Go) = %d ads, want %d", st.name, n, st.goAds)
		}
		if in := info(t, s); in.Duplicates != st.dup || in.Ads != 2 {
			t.Errorf("after %s: Info = %+v, want 2 ads, %d duplicates", st.name, in, st.dup)
		}
	}
}

// testRepoint checks Batch.Copies repointing stored first copies to an ad of the batch posted before
// them: the stored first copy and its stored copies become copies of the new ad, the figures count
// the new one, the change feed reports the old one as a copy, and a repoint Apply cannot honour
// fails the whole batch.
func testRepoint(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{
		newAd("b/1", nil),
		newAd("b/2", func(a *jobscope.Ad) { a.DupOf = keyp("b/1") }),
		newAd("b/3", nil),
		newAd("b/4", nil),
	}})
	var seq int64
	st, err := s.Changes(ctx, -1, func(*jobscope.AdRecord, bool) error { return nil })
	if err != nil {
		t.Fatal(err)
	}
	seq = st.ChangeSeq
	before := snapshot(t, s)

	for _, tc := range []struct {
		name    string
		repoint map[jobscope.AdKey]jobscope.AdKey
	}{
		{"to an ad not in the batch", map[jobscope.AdKey]jobscope.AdKey{key("b/1"): key("b/404")}},
		{"to a copy", map[jobscope.AdKey]jobscope.AdKey{key("b/1"): key("a/1")}},
		{"of an ad not stored", map[jobscope.AdKey]jobscope.AdKey{key("b/404"): key("a/0")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := jobscope.Batch{Ads: []jobscope.Ad{newAd("a/0", nil), newAd("a/1", nil)}}
			b.Copies = func(fresh []bool, _ []jobscope.DupCandidate) (map[jobscope.AdKey]jobscope.AdKey, error) {
				b.Ads[1].DupOf = keyp("a/0")
				return tc.repoint, nil
			}
			if err := s.Apply(ctx, &b); err == nil {
				t.Fatal("Apply: no error")
			}
			if after := snapshot(t, s); !reflect.DeepEqual(after, before) {
				t.Errorf("a failed batch changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}

	// b/0 is posted first: b/1 (a first copy, with its copy b/2) and b/3 (a first copy in the
	// batch, replaced) become its copies; b/4 stays as it was.
	b := jobscope.Batch{Ads: []jobscope.Ad{
		newAd("b/0", func(a *jobscope.Ad) { a.Raw.PostedAt = day("2024-03-01") }),
		newAd("b/3", func(a *jobscope.Ad) { a.ContentHash = 77 }),
	}}
	b.Copies = func(fresh []bool, _ []jobscope.DupCandidate) (map[jobscope.AdKey]jobscope.AdKey, error) {
		if !slices.Equal(fresh, []bool{true, false}) {
			t.Errorf("fresh = %v, want [true false]", fresh)
		}
		b.Ads[1].DupOf = keyp("b/0")
		return map[jobscope.AdKey]jobscope.AdKey{key("b/1"): key("b/0"), key("b/3"): key("b/0")}, nil
	}
	if err := s.Apply(ctx, &b); err != nil {
		t.Fatal(err)
	}
	// Demoted counts the first copies that became copies, b/3 (in the batch) as well as b/1, as
	// Info's duplicates grow by them.
	if want := (jobscope.Written{Inserted: 1, Replaced: 1, Demoted: 2}); b.Written != want {
		t.Errorf("Written = %+v, want %+v", b.Written, want)
	}
	got := lookup(t, s, "b/0", "b/1", "b/2", "b/3", "b/4")
	for k, want := range map[string]*jobscope.AdKey{"b/0": nil, "b/1": keyp("b/0"), "b/2": keyp("b/0"), "b/3": keyp("b/0"), "b/4": nil} {
		if d := got[key(k)].DupOf; (d == nil) != (want == nil) || d != nil && *d != *want {
			t.Errorf("%s: DupOf = %v, want %v", k, d, want)
		}
	}
	if in := info(t, s); in.Ads != 5 || in.Duplicates != 3 || in.Canonical != 2 {
		t.Errorf("Info = %+v, want 5 ads, 3 duplicates, 2 canonical", in)
	}
	if n := len(facts(t, s, jobscope.KindSkill, "Go")); n != 2 {
		t.Errorf("Facts(Go) = %d ads, want 2 (b/0, b/4)", n)
	}
	var firsts []time.Time
	copies := map[int64]bool{}
	if _, err := s.Changes(ctx, seq, func(r *jobscope.AdRecord, canonical bool) error {
		if canonical {
			firsts = append(firsts, r.Posted)
		} else {
			copies[r.Seq] = true
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(firsts) != 1 || !firsts[0].Equal(day("2024-03-01")) || len(copies) != 2 {
		t.Errorf("changes after the repoint: first copies posted %v, %d copies; want b/0 (2024-03-01) and two copies (b/1, b/3)",
			firsts, len(copies))
	}
}

// testInvalidBatches checks that batches breaking the contract fail whole.
func testInvalidBatches(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/1", nil)}})
	before := snapshot(t, s)
	for _, tc := range []struct {
		name string
		ads  []jobscope.Ad
	}{
		{"copy of an unknown ad", []jobscope.Ad{newAd("reed/2", nil), newAd("reed/3", func(a *jobscope.Ad) { a.DupOf = keyp("reed/404") })}},
		{"copy of itself", []jobscope.Ad{newAd("reed/2", func(a *jobscope.Ad) { a.DupOf = keyp("reed/2") })}},
		{"key twice", []jobscope.Ad{newAd("reed/2", nil), newAd("reed/2", nil)}},
		{"empty id", []jobscope.Ad{newAd("reed/2", nil), newAd("reed/", nil)}},
		{"empty source", []jobscope.Ad{newAd("/2", nil)}},
		{"NUL in id", []jobscope.Ad{newAd("reed/2\x00", nil)}},
		{"invalid UTF-8 in id", []jobscope.Ad{newAd("reed/2\xff", nil)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := jobscope.Batch{Ads: tc.ads, Rejects: []jobscope.Reject{{File: "f", Line: 1, Reason: "r", At: time.Unix(0, 0)}}}
			if err := s.Apply(ctx, &b); err == nil {
				t.Fatal("Apply: no error")
			}
			if after := snapshot(t, s); !reflect.DeepEqual(after, before) {
				t.Errorf("a failed batch changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
	t.Run("odd text is stored", func(t *testing.T) {
		apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/odd", func(a *jobscope.Ad) {
			a.Raw.Company = "Bad\x00 \xff bytes"
			a.Extraction.Skills = []jobscope.Skill{{Name: "C\x00", Category: "Lang\xfe"}}
		})}, Rejects: []jobscope.Reject{{File: "x\xff", Line: 2, Record: "nul\x00", At: time.Unix(0, 0)}}})
		if len(lookup(t, s, "reed/odd")) != 1 {
			t.Error("an ad with odd text was not stored")
		}
	})
}

func testCancelled(t *testing.T, s jobscope.Store) {
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/1", nil)}})
	before := snapshot(t, s)
	c, cancel := context.WithCancel(ctx)
	cancel()
	b := jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/2", nil)}, Rejects: []jobscope.Reject{{File: "f", Line: 1}}}
	if err := s.Apply(c, &b); err == nil {
		t.Fatal("Apply with a cancelled context: no error")
	}
	if after := snapshot(t, s); !reflect.DeepEqual(after, before) {
		t.Errorf("a cancelled batch changed the store:\nbefore %+v\nafter  %+v", before, after)
	}
	if _, err := s.Lookup(c, []jobscope.AdKey{key("reed/1")}); err == nil {
		t.Error("Lookup with a cancelled context: no error")
	}
	if _, err := s.Changes(c, -1, func(*jobscope.AdRecord, bool) error { return nil }); err == nil {
		t.Error("Changes with a cancelled context: no error")
	}
	// The store still works after cancelled calls.
	apply(t, s, b)
	if in := info(t, s); in.Ads != 2 || in.SetAside != 1 {
		t.Errorf("Info after a good batch = %+v, want 2 ads and 1 reject", in)
	}
}

// state is what a store shows through its interface, for comparing before and after a batch.
type state struct {
	Info    jobscope.Info
	Lookup  map[jobscope.AdKey]jobscope.Existing
	Terms   []jobscope.Term
	Rejects []string
	Records []jobscope.AdRecord // the canonical ads, as an engine reads them
	Bands   []string
}

func snapshot(t *testing.T, s jobscope.Store) state {
	t.Helper()
	st := state{Info: info(t, s), Terms: terms(t, s), Records: records(t, s)}
	for i := range st.Records {
		st.Records[i].Seq = 0 // a store's own numbering: PostgreSQL's sequences move on in a failed batch
	}
	var keys []jobscope.AdKey
	for _, src := range []string{"reed", "adzuna", "a"} {
		for i := range 10 {
			keys = append(keys, jobscope.AdKey{Source: src, ID: fmt.Sprint(i)})
		}
	}
	var err error
	if st.Lookup, err = s.Lookup(ctx, keys); err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	rs, err := s.Rejects(ctx, 0)
	if err != nil {
		t.Fatalf("Rejects: %v", err)
	}
	for _, r := range rs {
		st.Rejects = append(st.Rejects, fmt.Sprintf("%s:%d %s %q %d", r.File, r.Line, r.Reason, r.Record, r.At.Unix()))
	}
	st.Bands = candidateKeys(t, s, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -42, 5*7919, 6*7919, 8*7919)
	return st
}

// countdownCtx is a context that is cancelled at its n-th use, so that a batch can be made to fail
// at every step of its writing in turn.
type countdownCtx struct {
	context.Context
	mu   sync.Mutex
	n    int
	done chan struct{}
}

func newCountdown(n int) *countdownCtx {
	return &countdownCtx{Context: context.Background(), n: n, done: make(chan struct{})}
}

func (c *countdownCtx) tick() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == 0 {
		close(c.done)
	}
	c.n--
}

func (c *countdownCtx) Done() <-chan struct{} { c.tick(); return c.done }

func (c *countdownCtx) Err() error {
	c.tick()
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

// testAtomic makes a batch that inserts, replaces, links copies and sets records aside fail at every
// step in turn, and checks that each failure leaves the store as it was (or, when the failure came
// too late to stop the commit, exactly as a successful batch would).
func testAtomic(t *testing.T, open func(t *testing.T) jobscope.Store) {
	base := jobscope.Batch{
		Ads:     []jobscope.Ad{newAd("reed/1", nil), newAd("reed/2", func(a *jobscope.Ad) { a.DupOf = keyp("reed/1") })},
		Rejects: []jobscope.Reject{{File: "a", Line: 1, Reason: "old", Record: "x", At: time.Unix(100, 0)}},
	}
	batch := func() *jobscope.Batch {
		return &jobscope.Batch{
			Ads: []jobscope.Ad{
				newAd("reed/1", func(a *jobscope.Ad) {
					a.ContentHash = 77
					a.Extraction.Skills = []jobscope.Skill{{Name: "Java", Category: "Programming Languages"}}
					a.Bands = []int64{5}
				}),
				newAd("reed/3", func(a *jobscope.Ad) { a.Bands = []int64{6}; a.Extraction.Location.Place = "York" }),
				newAd("adzuna/4", func(a *jobscope.Ad) { a.DupOf = keyp("reed/3"); a.Bands = []int64{6, 7} }),
				newAd("reed/2", func(a *jobscope.Ad) { a.Bands = []int64{8} }), // a copy no longer
			},
			Rejects: []jobscope.Reject{
				{File: "a", Line: 1, Reason: "new", Record: "y", At: time.Unix(200, 0)},
				{File: "b", Line: 2, Reason: "new", Record: "z", At: time.Unix(300, 0)},
			},
		}
	}
	ref := open(t)
	apply(t, ref, base)
	before := snapshot(t, ref)
	if err := ref.Apply(ctx, batch()); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	after := snapshot(t, ref)
	if reflect.DeepEqual(before, after) {
		t.Fatal("the batch changes nothing visible; the test would prove nothing")
	}

	s := open(t)
	apply(t, s, base)
	failures := 0
	for n := 0; ; n++ {
		if n > 5000 {
			t.Fatal("the batch never succeeded")
		}
		err := s.Apply(newCountdown(n), batch())
		got := snapshot(t, s)
		if err == nil {
			if !reflect.DeepEqual(got, after) {
				t.Fatalf("cancel at use %d: success, but\n got %+v\nwant %+v", n, got, after)
			}
			break
		}
		failures++
		if reflect.DeepEqual(got, after) {
			break // committed although the caller saw the cancellation: still all of the batch
		}
		if !reflect.DeepEqual(got, before) {
			t.Fatalf("cancel at use %d (%v) left part of the batch:\n got %+v\nwant %+v", n, err, got, before)
		}
	}
	if failures == 0 {
		t.Error("no cancellation made the batch fail")
	}
	t.Logf("the batch failed at %d steps and left nothing behind each time", failures)
}

// testConcurrent reads while batches are written, for the race detector and for lock errors.
func testConcurrent(t *testing.T, s jobscope.Store) {
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				var b jobscope.Batch
				for j := range 20 {
					b.Ads = append(b.Ads, newAd(fmt.Sprintf("w%d/%d-%d", w, i, j), nil))
				}
				if err := s.Apply(ctx, &b); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if _, err := s.Info(ctx); err != nil {
					errs <- err
					return
				}
				if _, err := s.Changes(ctx, -1, func(*jobscope.AdRecord, bool) error { return nil }); err != nil {
					errs <- err
					return
				}
				if _, err := s.Candidates(ctx, []int64{-42}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if in := info(t, s); in.Ads != 400 {
		t.Errorf("Info.Ads = %d, want 400", in.Ads)
	}
	for _, tm := range terms(t, s) {
		if tm.Name == "Go" && tm.Ads != 400 {
			t.Errorf("Go cited by %d ads, want 400", tm.Ads)
		}
	}
}

// testModel applies random batches — new ads, replacements, copies, copies becoming first copies —
// and checks Info, Terms and Facts against a plain model of what should be stored.
func testModel(t *testing.T, s jobscope.Store) {
	rng := rand.New(rand.NewPCG(1, 2))
	skills := []jobscope.Skill{{Name: "Go", Category: "Languages"}, {Name: "SQL", Category: "Databases"},
		{Name: "AWS", Category: "Cloud"}, {Name: "Python", Category: "Languages"}, {Name: "Excel", Category: "Office"}}
	locs := []jobscope.Location{
		{Country: "GB", Nation: "England", Region: "London", Place: "London"},
		{Country: "GB", Nation: "Scotland", Region: "Scotland", County: "Lothian", Place: "Edinburgh"},
		{Country: "US", Region: "Ohio"},
		{},
	}
	titles := []jobscope.NullString{"", "Go Developer", "DBA"}
	model := map[jobscope.AdKey]jobscope.Ad{}
	for round := range 30 {
		var b jobscope.Batch
		inBatch := map[jobscope.AdKey]bool{}
		for range 1 + rng.IntN(15) {
			k := jobscope.AdKey{Source: []string{"reed", "adzuna"}[rng.IntN(2)], ID: fmt.Sprint(rng.IntN(40))}
			if inBatch[k] {
				continue
			}
			a := newAd(k.String(), func(a *jobscope.Ad) {
				a.ContentHash = rng.Uint64()
				a.Extraction.Title.Normalized = titles[rng.IntN(len(titles))]
				a.Extraction.Location = locs[rng.IntN(len(locs))]
				a.Extraction.Skills = nil
				for _, sk := range skills {
					if rng.IntN(2) == 0 {
						a.Extraction.Skills = append(a.Extraction.Skills, sk)
					}
				}
				a.Bands = []int64{int64(rng.IntN(10))}
			})
			// A copy of an earlier ad of this batch or of a stored first copy.
			if rng.IntN(3) == 0 {
				var firsts []jobscope.AdKey
				for _, x := range b.Ads {
					if x.DupOf == nil {
						firsts = append(firsts, x.Raw.Key())
					}
				}
				for mk, x := range model {
					if x.DupOf == nil && !inBatch[mk] && mk != k {
						firsts = append(firsts, mk)
					}
				}
				sort.Slice(firsts, func(i, j int) bool { return firsts[i].String() < firsts[j].String() })
				if len(firsts) > 0 {
					f := firsts[rng.IntN(len(firsts))]
					a.DupOf = &f
				}
			}
			inBatch[k] = true
			b.Ads = append(b.Ads, a)
		}
		apply(t, s, b)
		for _, a := range b.Ads {
			model[a.Raw.Key()] = a
		}
		checkModel(t, s, model, round)
		if t.Failed() {
			return
		}
	}
}

func checkModel(t *testing.T, s jobscope.Store, model map[jobscope.AdKey]jobscope.Ad, round int) {
	t.Helper()
	var want jobscope.Info
	counts := map[jobscope.Term]int{}
	factCounts := map[string]int{}
	for _, a := range model {
		want.Ads++
		p := a.Raw.PostedAt
		if want.FirstPosted.IsZero() || p.Before(want.FirstPosted) {
			want.FirstPosted = p
		}
		if p.After(want.LastPosted) {
			want.LastPosted = p
		}
		if a.DupOf != nil {
			want.Duplicates++
			continue
		}
		addCoverage(&want, &a)
		factCounts["all"]++
		x := a.Extraction
		for _, sk := range x.Skills {
			counts[jobscope.Term{Name: sk.Name, Kind: jobscope.KindSkill, Category: sk.Category}]++
		}
		if x.Title.Normalized != "" {
			counts[jobscope.Term{Name: string(x.Title.Normalized), Kind: jobscope.KindTitle, Category: "Job Titles"}]++
		}
		seen := map[string]bool{}
		l := x.Location
		for _, v := range []jobscope.NullString{l.Country, l.Nation, l.Region, l.Place} {
			if v != "" && !seen[string(v)] {
				seen[string(v)] = true
				counts[jobscope.Term{Name: string(v), Kind: jobscope.KindLocation, Category: "Locations"}]++
			}
		}
		if l.County != "" && !seen[string(l.County)] {
			factCounts["location:"+string(l.County)]++
		}
	}
	var wantTerms []jobscope.Term
	for tm, n := range counts {
		tm.Ads = n
		wantTerms = append(wantTerms, tm)
		factCounts[string(tm.Kind)+":"+tm.Name] += n
	}
	sortTerms(wantTerms)
	if got := info(t, s); got != want {
		t.Errorf("round %d: Info = %+v, want %+v", round, got, want)
	}
	if got := terms(t, s); !reflect.DeepEqual(got, wantTerms) {
		t.Errorf("round %d: Terms:\n got %v\nwant %v", round, got, wantTerms)
	}
	for q, n := range factCounts {
		kind, term, _ := strings.Cut(q, ":")
		if got := len(facts(t, s, jobscope.TermKind(kind), term)); got != n {
			t.Errorf("round %d: Facts(%s) = %d ads, want %d", round, q, got, n)
		}
	}
	keys := make([]jobscope.AdKey, 0, len(model))
	for k := range model {
		keys = append(keys, k)
	}
	got, err := s.Lookup(ctx, keys)
	if err != nil {
		t.Fatalf("Lookup: %v", err)
	}
	for k, a := range model {
		e := jobscope.Existing{ContentHash: a.ContentHash, DupOf: a.DupOf}
		if !reflect.DeepEqual(got[k], e) {
			t.Errorf("round %d: Lookup(%s) = %+v, want %+v", round, k, got[k], e)
		}
	}
}

// addCoverage counts a canonical ad in the coverage fields of Info, as the statistics define them:
// undated, in no permanent or contract market, without a location, without a salary, and with a
// salary outside its market's bounds (annual 10,000 to 1,000,000, day 50 to 5,000, hour 5 to 1,000).
func addCoverage(in *jobscope.Info, a *jobscope.Ad) {
	x := &a.Extraction
	in.Canonical++
	if a.Raw.PostedAt.IsZero() {
		in.Undated++
	}
	typ := x.Employment.Type
	if typ != jobscope.Permanent && typ != jobscope.Contract {
		in.NoMarket++
	}
	if x.Location.Country == "" && !x.Location.Remote {
		in.NoLocation++
	}
	if x.Salary == nil {
		in.NoSalary++
		return
	}
	out := func(v, lo, hi float64) bool { return v < lo || v > hi }
	sal := x.Salary
	switch {
	case typ == jobscope.Permanent && sal.Annual != nil && (sal.Period == jobscope.PeriodYear || sal.Period == jobscope.PeriodMonth || sal.Period == jobscope.PeriodWeek):
		if out(*sal.Annual, 10_000, 1_000_000) {
			in.Implausible++
		}
	case typ == jobscope.Contract && sal.Period == jobscope.PeriodDay:
		if out(sal.Mid(), 50, 5_000) {
			in.Implausible++
		}
	case typ == jobscope.Contract && sal.Period == jobscope.PeriodHour:
		if out(sal.Mid(), 5, 1_000) {
			in.Implausible++
		}
	}
}

// testCoverage stores ads missing one thing each, and copies, and checks Info's coverage counts
// against addCoverage over the canonical ones.
func testCoverage(t *testing.T, s jobscope.Store) {
	annual := func(v float64) *float64 { return &v }
	ads := []jobscope.Ad{
		newAd("c/ok", nil),
		newAd("c/undated", func(a *jobscope.Ad) { a.Raw.PostedAt = time.Time{} }),
		newAd("c/temp", func(a *jobscope.Ad) { a.Extraction.Employment.Type = jobscope.Temporary }),
		newAd("c/notype", func(a *jobscope.Ad) { a.Extraction.Employment.Type = "" }),
		newAd("c/nowhere", func(a *jobscope.Ad) { a.Extraction.Location = jobscope.Location{} }),
		newAd("c/remote", func(a *jobscope.Ad) { a.Extraction.Location = jobscope.Location{Remote: true} }),
		newAd("c/nopay", func(a *jobscope.Ad) { a.Extraction.Salary = nil }),
		newAd("c/low", func(a *jobscope.Ad) {
			a.Extraction.Salary = &jobscope.Salary{Min: 900, Max: 900, Currency: "GBP", Period: jobscope.PeriodYear, Annual: annual(900)}
		}),
		newAd("c/day", func(a *jobscope.Ad) {
			a.Extraction.Employment.Type = jobscope.Contract
			a.Extraction.Salary = &jobscope.Salary{Min: 9000, Max: 9000, Currency: "GBP", Period: jobscope.PeriodDay}
		}),
		newAd("c/hour", func(a *jobscope.Ad) {
			a.Extraction.Employment.Type = jobscope.Contract
			a.Extraction.Salary = &jobscope.Salary{Min: 40, Max: 60, Currency: "GBP", Period: jobscope.PeriodHour}
		}),
		newAd("c/copy", func(a *jobscope.Ad) {
			a.Raw.PostedAt = time.Time{}
			a.Extraction.Salary = nil
			first := key("c/ok")
			a.DupOf = &first
		}),
	}
	b := jobscope.Batch{Ads: ads}
	if err := s.Apply(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if want := (jobscope.Written{Inserted: 11, InsertedCopies: 1}); b.Written != want {
		t.Errorf("Written = %+v, want %+v", b.Written, want)
	}
	again := jobscope.Batch{Ads: []jobscope.Ad{ads[0], ads[1]}}
	if err := s.Apply(context.Background(), &again); err != nil {
		t.Fatal(err)
	}
	if want := (jobscope.Written{Replaced: 2}); again.Written != want {
		t.Errorf("Written on replacing = %+v, want %+v", again.Written, want)
	}
	var want jobscope.Info
	for i := range ads {
		if ads[i].DupOf == nil {
			addCoverage(&want, &ads[i])
		}
	}
	if want != (jobscope.Info{Canonical: 10, Undated: 1, NoMarket: 2, NoLocation: 1, NoSalary: 1, Implausible: 2}) {
		t.Fatalf("addCoverage = %+v: the test's own count is off", want)
	}
	in := info(t, s)
	got := jobscope.Info{Canonical: in.Canonical, Undated: in.Undated, NoMarket: in.NoMarket,
		NoLocation: in.NoLocation, NoSalary: in.NoSalary, Implausible: in.Implausible}
	if got != want {
		t.Errorf("coverage = %+v, want %+v", got, want)
	}
}

// testRejectPlaces: rejects have the identity of where they were read and what they held. Several bad
// records on one line keep an entry each; two streams read from standard input do not overwrite each
// other, the same record set aside twice is one entry; a named file's place set aside again with
// other text is replaced; and a place read as an ad later (the record fixed) loses its reject.
func testRejectPlaces(t *testing.T, s jobscope.Store) {
	t0 := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	rj := func(file string, line, pos int, record string) jobscope.Reject {
		return jobscope.Reject{File: file, Line: line, Pos: pos, Reason: "bad", Record: record, At: t0}
	}
	apply(t, s, jobscope.Batch{Rejects: []jobscope.Reject{
		rj("arr.jsonl", 1, 0, `{"a":1}`), rj("arr.jsonl", 1, 1, `{"a":2}`), rj("arr.jsonl", 1, 2, `{"a":3}`), rj("arr.jsonl", 1, 3, `{"a":4}`),
		rj("-", 5, 0, "first stream"),
	}})
	apply(t, s, jobscope.Batch{Rejects: []jobscope.Reject{rj("-", 5, 0, "second stream"), rj("-", 5, 0, "first stream")}})
	apply(t, s, jobscope.Batch{Rejects: []jobscope.Reject{rj("arr.jsonl", 1, 3, `{"a":"changed"}`)}})
	if in := info(t, s); in.SetAside != 6 {
		t.Errorf("%d set aside, want 6: 4 on one line (one replaced) and 2 streams", in.SetAside)
	}
	// arr.jsonl:1 positions 0 and 1 read as ads now; standard input's place 5 too, which clears nothing.
	apply(t, s, jobscope.Batch{Ads: []jobscope.Ad{newAd("reed/1", nil)},
		Read: []jobscope.Place{{File: "arr.jsonl", Line: 1, Pos: 0}, {File: "arr.jsonl", Line: 1, Pos: 1}, {File: "-", Line: 5}}})
	rs, err := s.Rejects(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, fmt.Sprintf("%s:%d:%d %s", r.File, r.Line, r.Pos, r.Record))
	}
	sort.Strings(got)
	want := []string{"-:5:0 first stream", "-:5:0 second stream", `arr.jsonl:1:2 {"a":3}`, `arr.jsonl:1:3 {"a":"changed"}`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rejects:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
