package gen

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"jobscope"
)

// shingles returns the set of word 3-shingles of an ad's description, with HTML tags removed, as
// near-duplicate detection would see it.
func shingles(desc string) map[uint64]struct{} {
	var words []string
	var w strings.Builder
	inTag := false
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	desc = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(desc)
	for _, r := range desc {
		switch {
		case r == '<':
			inTag = true
			flush()
		case r == '>' && inTag:
			inTag = false
		case inTag:
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
			w.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			w.WriteRune(r + 'a' - 'A')
		default:
			flush()
		}
	}
	flush()
	set := make(map[uint64]struct{}, len(words))
	for i := 0; i+3 <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(words[i] + " " + words[i+1] + " " + words[i+2]))
		set[h.Sum64()] = struct{}{}
	}
	return set
}

func jaccard(a, b map[uint64]struct{}) float64 {
	inter := 0
	for k := range a {
		if _, ok := b[k]; ok {
			inter++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 1
	}
	return float64(inter) / float64(union)
}

func quantile(xs []float64, q float64) float64 {
	c := slices.Clone(xs)
	slices.Sort(c)
	return c[int(q*float64(len(c)-1))]
}

// sameSkeleton generates ad n again but with the company, title family, seniority, place, date and
// market of s: a different ad for the same job at the same employer in the same month.
func sameSkeleton(g *generator, n int, s *adState) jobscope.RawAd {
	g.pcg.Seed(uint64(g.cfg.Seed), uint64(n)*0x9E3779B97F4A7C15+0x632BE59BD9B4E019)
	t := &adState{n: n}
	g.skeleton(t, n)
	t.uk, t.day, t.year, t.fam, t.famIdx, t.sen = s.uk, s.day, s.year, s.fam, s.famIdx, s.sen
	t.company, t.agency, t.reg, t.plc = s.company, s.agency, s.reg, s.plc
	g.fill(t)
	return g.render(t, g.rnd)
}

func TestNearDuplicates(t *testing.T) {
	t.Parallel()
	const n = 3000
	cfg, _ := Config{Ads: n, Seed: 21}.normalize()
	g := newGenerator(cfg)
	var repost, twin, random []float64
	rnd := rand.New(rand.NewPCG(1, 2))
	var prev map[uint64]struct{}
	for i := range n {
		g.pcg.Seed(uint64(cfg.Seed), uint64(i)*0x9E3779B97F4A7C15+0x632BE59BD9B4E019)
		s := &adState{n: i}
		g.skeleton(s, i)
		g.fill(s)
		ad := g.render(s, g.rnd)
		orig := shingles(ad.Description)

		cp := Repost(ad, "techboard", rnd)
		if cp.Company != ad.Company || cp.Title != ad.Title || cp.Source != "techboard" || cp.ID == ad.ID || cp.Salary != ad.Salary {
			t.Fatalf("repost changed what it must keep:\n%+v\n%+v", ad, cp)
		}
		if d := cp.PostedAt.Sub(ad.PostedAt).Hours() / 24; d < -1 || d > 10 {
			t.Fatalf("repost posted %.1f days after the original", d)
		}
		repost = append(repost, jaccard(orig, shingles(cp.Description)))

		other := sameSkeleton(g, n+i, s)
		if other.Company != ad.Company || other.PostedAt.Month() != ad.PostedAt.Month() {
			t.Fatalf("twin differs in company or month: %q %q", other.Company, ad.Company)
		}
		twin = append(twin, jaccard(orig, shingles(other.Description)))
		if prev != nil {
			random = append(random, jaccard(orig, prev))
		}
		prev = orig
	}
	t.Logf("repost Jaccard: min %.2f p5 %.2f median %.2f", quantile(repost, 0), quantile(repost, 0.05), quantile(repost, 0.5))
	t.Logf("same company/title/place/month: median %.2f p99 %.2f max %.2f", quantile(twin, 0.5), quantile(twin, 0.99), quantile(twin, 1))
	t.Logf("neighbouring ads: median %.2f max %.2f", quantile(random, 0.5), quantile(random, 1))
	if p := quantile(repost, 0.05); p < 0.7 {
		t.Errorf("5%% of reposts have Jaccard below %.2f, want >= 0.7", p)
	}
	if m := quantile(repost, 0); m < 0.55 {
		t.Errorf("a repost has Jaccard %.2f with its original", m)
	}
	if p := quantile(twin, 0.99); p > 0.4 {
		t.Errorf("1%% of same-job ads have Jaccard above %.2f, want <= 0.4", p)
	}
	if m := quantile(twin, 1); m > 0.5 {
		t.Errorf("two different ads for the same job have Jaccard %.2f", m)
	}
	if m := quantile(random, 0.5); m > 0.1 {
		t.Errorf("neighbouring ads have median Jaccard %.2f", m)
	}
}
