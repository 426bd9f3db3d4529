package dedup

import (
	"bufio"
	"encoding/json"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sharedDescriptions reads up to max descriptions of at least minWords words from each real ad file
// that has descriptions, skipping the test when JOBSCOPE_SHARED is unset.
func sharedDescriptions(t testing.TB, max, minWords int) []string {
	t.Helper()
	dir := os.Getenv("JOBSCOPE_SHARED")
	if dir == "" {
		t.Skip("JOBSCOPE_SHARED not set")
	}
	var out []string
	for _, name := range []string{"glassdoor_us_2020/ads.jsonl", "adzuna_uk_2013/ads.jsonl",
		"hn_whoishiring_2013_2018/ads.jsonl", "nhs_jobs_2020/jobposting.jsonl"} {
		f, err := os.Open(filepath.Join(dir, "data", "ads", name))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		n := 0
		for sc.Scan() && n < max {
			var ad struct{ Description string }
			if err := json.Unmarshal(sc.Bytes(), &ad); err != nil {
				t.Fatal(err)
			}
			if len(strings.Fields(plainText(ad.Description))) >= minWords {
				out = append(out, ad.Description)
				n++
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plainText reduces an ad's HTML to words, independently of the package's own scanner.
func plainText(s string) string {
	s = html.UnescapeString(s)
	s = tagRE.ReplaceAllString(s, " ")
	return normWords(html.UnescapeString(s))
}

// shingleSet is the exact set of word 3-shingles of a text.
func shingleSet(s string) map[string]bool {
	w := strings.Fields(plainText(s))
	set := make(map[string]bool, len(w))
	for i := 0; i+3 <= len(w); i++ {
		set[strings.Join(w[i:i+3], " ")] = true
	}
	return set
}

func jaccard(a, b map[string]bool) float64 {
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

// TestSharedAds measures dedup on real ads: light edits of real descriptions must be found (recall),
// and pairs of different real ads must not be taken for one (false matches). Pairs that are truly
// copies in the data (exact shingle Jaccard ≥ 0.5: agencies repost) are left out of the false count.
func TestSharedAds(t *testing.T) {
	texts := sharedDescriptions(t, 600, 80)
	rng := rand.New(rand.NewPCG(3, 4))
	var vocab []string
	for _, text := range texts[:50] {
		vocab = append(vocab, strings.Fields(plainText(text))...)
	}
	sets := make([]map[string]bool, len(texts))
	dups := 0
	isDup := func(i, j int) bool {
		for _, k := range []int{i, j} {
			if sets[k] == nil {
				sets[k] = shingleSet(texts[k])
			}
		}
		d := jaccard(sets[i], sets[j]) >= 0.5
		if d {
			dups++
		}
		return d
	}
	m := measure(t, rng, texts, vocab, isDup)
	t.Logf("real: %d descriptions, %d candidate pairs that are copies in the data", len(texts), dups)
	m.check(t, "real")
}
