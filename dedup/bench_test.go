package dedup

import (
	"math/rand/v2"
	"strings"
	"testing"

	"jobscope"
)

// benchText is about 2 KB of ad-like text with some HTML.
func benchText() string {
	rng := rand.New(rand.NewPCG(5, 6))
	common, rare := syntheticVocab(rng)
	var b strings.Builder
	for b.Len() < 2048 {
		b.WriteString("<p>")
		b.WriteString(syntheticAd(rng, common, rare, []string{"We are an equal opportunities employer &amp; welcome applications."})[:200])
		b.WriteString("</p>\n")
	}
	return b.String()[:2048]
}

// BenchmarkSign measures signing a 2 KB description: go test -bench Sign ./dedup
func BenchmarkSign(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sign("Senior Software Engineer", text)
	}
}

// BenchmarkIndex measures adding to and looking up in a batch index of 10,000 docs.
func BenchmarkIndex(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 8))
	common, rare := syntheticVocab(rng)
	docs := make([]Doc, 10000)
	for i := range docs {
		docs[i] = Doc{Company: "Acme", Title: "Engineer", Sig: Sign("Engineer", syntheticAd(rng, common, rare, []string{""}))}
	}
	b.ResetTimer()
	for b.Loop() {
		var x Index
		for i, d := range docs {
			if _, ok := x.Find(d); !ok {
				x.Add(jobscope.AdKey{Source: "b", ID: string(rune(i))}, d)
			}
		}
	}
}
