package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"jobscope"
)

// BenchAdsPerBatch is the batch size of BenchmarkApply: what ingest writes at once.
const BenchAdsPerBatch = 1000

// BenchApply measures Apply with batches shaped like ingest's: 1000 new ads of about 2 KB each, with
// 10 skills and 12 band keys apiece. It reports ads/s.
func BenchApply(b *testing.B, s jobscope.Store) {
	g := newAdGen(1)
	batches := make([]jobscope.Batch, 0, 8)
	for range cap(batches) {
		batches = append(batches, g.batch(BenchAdsPerBatch))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i >= len(batches) {
			b.StopTimer()
			batches = append(batches, g.batch(BenchAdsPerBatch))
			b.StartTimer()
		}
		if err := s.Apply(ctx, &batches[i]); err != nil {
			b.Fatalf("Apply: %v", err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*BenchAdsPerBatch)/b.Elapsed().Seconds(), "ads/s")
}

// BenchCandidates measures the reads of ingest's duplicate check, Lookup of a batch's keys and
// Candidates of its bands, on a store of n ads. It reports ads/s.
func BenchCandidates(b *testing.B, s jobscope.Store, n int) {
	g := newAdGen(2)
	for n > 0 {
		bt := g.batch(min(n, BenchAdsPerBatch))
		if err := s.Apply(ctx, &bt); err != nil {
			b.Fatalf("Apply: %v", err)
		}
		n -= len(bt.Ads)
	}
	probe := g.batch(BenchAdsPerBatch)
	keys := make([]jobscope.AdKey, len(probe.Ads))
	var bands []int64
	for i, a := range probe.Ads {
		keys[i] = a.Raw.Key()
		bands = append(bands, a.Bands...)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := s.Lookup(ctx, keys); err != nil {
			b.Fatalf("Lookup: %v", err)
		}
		if _, err := s.Candidates(ctx, bands); err != nil {
			b.Fatalf("Candidates: %v", err)
		}
	}
	b.ReportMetric(float64(b.N*len(keys))/b.Elapsed().Seconds(), "ads/s")
}

// adGen makes plausible ads: skills and titles drawn from small lists, as real ads cite a few
// hundred terms, and bands spread over the whole int64 range.
type adGen struct {
	rng  *rand.Rand
	next int
}

func newAdGen(seed uint64) *adGen { return &adGen{rng: rand.New(rand.NewPCG(seed, 99))} }

func (g *adGen) batch(n int) jobscope.Batch {
	b := jobscope.Batch{Ads: make([]jobscope.Ad, n)}
	for i := range b.Ads {
		b.Ads[i] = g.ad()
	}
	return b
}

var benchRegions = []jobscope.Location{
	{Country: "GB", Nation: "England", Region: "London", Place: "London"},
	{Country: "GB", Nation: "England", Region: "North West", County: "Greater Manchester", Place: "Manchester"},
	{Country: "GB", Nation: "Scotland", Region: "Scotland", Place: "Glasgow"},
	{Country: "GB", Nation: "England", Region: "South East", County: "Berkshire", Place: "Reading"},
	{Country: "US", Region: "Texas", Place: "Austin"},
}

func (g *adGen) ad() jobscope.Ad {
	g.next++
	id := fmt.Sprintf("%d", g.next)
	src := []string{"reed", "adzuna", "indeed"}[g.rng.IntN(3)]
	skills := make([]jobscope.Skill, 10)
	used := map[int]bool{}
	for i := range skills {
		k := g.rng.IntN(400)
		for used[k] {
			k = g.rng.IntN(400)
		}
		used[k] = true
		skills[i] = jobscope.Skill{Name: fmt.Sprintf("Skill %d", k), Category: fmt.Sprintf("Category %d", k%20)}
	}
	bands := make([]int64, 12)
	for i := range bands {
		bands[i] = int64(g.rng.Uint64())
	}
	title := fmt.Sprintf("Title %d", g.rng.IntN(300))
	desc := strings.Repeat("We are looking for an engineer to build and run our services. ", 30)
	raw := fmt.Sprintf(`{"id":%q,"source":%q,"title":%q,"company":"Company %d","location":"London","description":%q}`,
		id, src, "Senior "+title, g.rng.IntN(5000), desc)
	annual := 40000 + float64(g.rng.IntN(80000))
	loc := benchRegions[g.rng.IntN(len(benchRegions))]
	return jobscope.Ad{
		Raw: jobscope.RawAd{Source: src, ID: id, Title: "Senior " + title, Description: desc,
			Company: fmt.Sprintf("Company %d", g.rng.IntN(5000)), Location: string(loc.Place),
			PostedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(700)),
			URL:      "https://jobs.example.com/" + id, Raw: []byte(raw)},
		Extraction: jobscope.Extraction{ID: id, Source: src,
			Title:      jobscope.Title{Normalized: jobscope.NullString(title), Seniority: "senior"},
			Employment: jobscope.Employment{Type: jobscope.Permanent, Hours: "full_time"},
			Salary: &jobscope.Salary{Min: annual - 5000, Max: annual + 5000, Currency: "GBP", Period: "year",
				Annual: &annual, Text: "£40,000 - £50,000"},
			Location: loc,
			Skills:   skills,
		},
		ContentHash: g.rng.Uint64(),
		Signature:   make([]byte, 256),
		Bands:       bands,
	}
}
