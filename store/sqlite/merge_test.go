package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"jobscope"
)

// bandAd is an ad with n band keys of its own, made from gen so that a new generation gives new keys.
func bandAd(i, gen int) jobscope.Ad {
	bands := make([]int64, 12)
	for j := range bands {
		bands[j] = int64(gen)<<40 | int64(i)<<8 | int64(j)
	}
	return jobscope.Ad{
		Raw:         jobscope.RawAd{Source: "test", ID: fmt.Sprint(i), Title: fmt.Sprintf("ad %d v%d", i, gen)},
		ContentHash: uint64(gen),
		Signature:   []byte{byte(gen)},
		Bands:       bands,
	}
}

func countRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

func candidateIDs(t *testing.T, s *Store, bands []int64) []string {
	t.Helper()
	cs, err := s.Candidates(context.Background(), bands)
	if err != nil {
		t.Fatalf("Candidates: %v", err)
	}
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.Key.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestBandTiers checks that band rows are found, and replaced, whether they are still in
// ad_bands_recent or already merged into ad_bands.
func TestBandTiers(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "tiers.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	s.merge = mergeRule{least: 10, chunk: 100} // merges of several statements

	// 100 ads: the first batch is merged at once (ad_bands is empty); 5 more stay recent.
	var first jobscope.Batch
	for i := range 100 {
		first.Ads = append(first.Ads, bandAd(i, 1))
	}
	if err := s.Apply(ctx, &first); err != nil {
		t.Fatalf("Apply first: %v", err)
	}
	second := jobscope.Batch{}
	for i := 100; i < 105; i++ {
		second.Ads = append(second.Ads, bandAd(i, 1))
	}
	if err := s.Apply(ctx, &second); err != nil {
		t.Fatalf("Apply second: %v", err)
	}
	if got, want := countRows(t, s, "ad_bands"), 1200; got != want {
		t.Fatalf("ad_bands rows = %d, want %d (first batch merged)", got, want)
	}
	if got, want := countRows(t, s, "ad_bands_recent"), 60; got != want {
		t.Fatalf("ad_bands_recent rows = %d, want %d", got, want)
	}

	t.Run("found in both tables", func(t *testing.T) {
		bands := []int64{bandAd(3, 1).Bands[5], bandAd(102, 1).Bands[0], bandAd(102, 1).Bands[7], 42}
		if got, want := candidateIDs(t, s, bands), []string{"102", "3"}; !slices.Equal(got, want) {
			t.Errorf("Candidates = %v, want %v", got, want)
		}
	})

	t.Run("replaced ads leave both tables", func(t *testing.T) {
		b := jobscope.Batch{Ads: []jobscope.Ad{bandAd(3, 2), bandAd(102, 2)}}
		if err := s.Apply(ctx, &b); err != nil {
			t.Fatalf("Apply replacements: %v", err)
		}
		old := []int64{bandAd(3, 1).Bands[5], bandAd(102, 1).Bands[0]}
		if got := candidateIDs(t, s, old); len(got) != 0 {
			t.Errorf("Candidates of replaced bands = %v, want none", got)
		}
		fresh := []int64{bandAd(3, 2).Bands[1], bandAd(102, 2).Bands[11]}
		if got, want := candidateIDs(t, s, fresh), []string{"102", "3"}; !slices.Equal(got, want) {
			t.Errorf("Candidates of new bands = %v, want %v", got, want)
		}
		if got, want := countRows(t, s, "ad_bands")+countRows(t, s, "ad_bands_recent"), 105*12; got != want {
			t.Errorf("band rows = %d, want %d", got, want)
		}
	})

	t.Run("merge moves every row once", func(t *testing.T) {
		var b jobscope.Batch
		for i := 200; i < 400; i++ {
			b.Ads = append(b.Ads, bandAd(i, 1))
		}
		if err := s.Apply(ctx, &b); err != nil {
			t.Fatalf("Apply: %v", err)
		}
		if got := countRows(t, s, "ad_bands_recent"); got != 0 {
			t.Errorf("ad_bands_recent rows after a merge = %d, want 0", got)
		}
		if got, want := countRows(t, s, "ad_bands"), 305*12; got != want {
			t.Errorf("ad_bands rows = %d, want %d", got, want)
		}
		bands := []int64{bandAd(3, 2).Bands[0], bandAd(102, 2).Bands[0], bandAd(399, 1).Bands[0]}
		if got, want := candidateIDs(t, s, bands), []string{"102", "3", "399"}; !slices.Equal(got, want) {
			t.Errorf("Candidates = %v, want %v", got, want)
		}
	})
}
