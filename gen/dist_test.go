package gen

import (
	"math"
	"testing"
)

// states generates n ads' decisions for cfg, as Ads would, without writing them.
func states(t *testing.T, cfg Config) []adState {
	t.Helper()
	cfg, err := cfg.normalize()
	if err != nil {
		t.Fatal(err)
	}
	g := newGenerator(cfg)
	out := make([]adState, cfg.Ads)
	for n := range cfg.Ads {
		g.pcg.Seed(uint64(cfg.Seed), uint64(n)*0x9E3779B97F4A7C15+0x632BE59BD9B4E019)
		s := &out[n]
		s.n = n
		g.skeleton(s, n)
		g.fill(s)
		s.skills = append([]int(nil), s.skills...)
	}
	return out
}

func TestDistributions(t *testing.T) {
	t.Parallel()
	ss := states(t, Config{Ads: 20000, Seed: 5, Years: 3})
	var uk, ukContract, london, ukOnsite, lonN float64
	var usAnnual, ukAnnual []float64
	for i := range ss {
		s := &ss[i]
		if !s.uk {
			if s.pay.period == "year" {
				usAnnual = append(usAnnual, (s.pay.lo+s.pay.hi)/2)
			}
			continue
		}
		uk++
		if s.emp == empContract {
			ukContract++
		}
		if s.reg.name == "London" {
			london++
		}
		if s.pay.period == "year" && s.sen == senNone && s.fam.grp == grpDev {
			ukAnnual = append(ukAnnual, (s.pay.lo+s.pay.hi)/2)
			if s.reg.name == "London" {
				lonN++
			}
		}
		if s.mode == onsite {
			ukOnsite++
		}
		switch s.pay.period {
		case "day":
			if s.pay.lo < dayRateMin || s.pay.hi > dayRateMax+50 {
				t.Errorf("day rate %v-%v outside the band", s.pay.lo, s.pay.hi)
			}
		case "year":
			if s.pay.lo < 12000 || s.pay.hi > 250000 {
				t.Errorf("UK salary %v-%v for %s %s is implausible", s.pay.lo, s.pay.hi, s.fam.name, s.role)
			}
		}
	}
	n := float64(len(ss))
	checkShare(t, "UK ads", uk/n, 0.82, 0.88)
	checkShare(t, "UK contracts", ukContract/uk, 0.25, 0.35)
	checkShare(t, "London among UK ads", london/uk, 0.22, 0.32)
	checkShare(t, "UK on-site", ukOnsite/uk, 0.25, 0.55)
	med := median(ukAnnual)
	if med < 38000 || med > 65000 {
		t.Errorf("median UK mid-level developer salary %.0f, want ~£45-60k", med)
	}
	if m := median(usAnnual); m < 80000 || m > 180000 {
		t.Errorf("median US salary %.0f, want ~$100-150k", m)
	}
	t.Logf("UK mid-level developer median £%.0f, US median $%.0f", med, median(usAnnual))
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	c := append([]float64(nil), xs...)
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j] < c[j-1]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	return c[len(c)/2]
}

// TestTrends checks that what changes over time changes the right way between the first and the
// last year of a ten-year run.
func TestTrends(t *testing.T) {
	t.Parallel()
	ss := states(t, Config{Ads: 20000, Seed: 9, Years: 10})
	first, last := ss[0].day.Year(), ss[len(ss)-1].day.Year()
	type tally struct {
		ads, remoteHybrid float64
		skill             map[string]float64
		pay               []float64
	}
	count := func(year int) tally {
		tl := tally{skill: map[string]float64{}}
		for i := range ss {
			s := &ss[i]
			if s.day.Year() != year {
				continue
			}
			tl.ads++
			if s.mode != onsite {
				tl.remoteHybrid++
			}
			for _, k := range s.skills {
				tl.skill[skills[k].name]++
			}
			if s.uk && s.pay.period == "year" && s.fam.name == "Software Engineer" && s.sen == senNone {
				tl.pay = append(tl.pay, (s.pay.lo+s.pay.hi)/2)
			}
		}
		return tl
	}
	a, b := count(first+1), count(last)
	if b.ads <= a.ads {
		t.Errorf("volume fell from %v ads in %d to %v in %d", a.ads, first+1, b.ads, last)
	}
	if sa, sb := a.remoteHybrid/a.ads, b.remoteHybrid/b.ads; sb <= sa+0.2 {
		t.Errorf("remote+hybrid share %.2f -> %.2f, want a clear rise", sa, sb)
	}
	for _, tc := range []struct {
		skill  string
		rising bool
	}{
		{"Kubernetes", true}, {"Terraform", true}, {"Rust", true}, {"Go", true}, {"LLM", true},
		{"jQuery", false}, {"Perl", false}, {"AngularJS", false}, {"SVN", false},
	} {
		t.Run(tc.skill, func(t *testing.T) {
			sa, sb := a.skill[tc.skill]/a.ads, b.skill[tc.skill]/b.ads
			if tc.rising && sb <= sa || !tc.rising && sb >= sa {
				t.Errorf("%s share %.4f in %d -> %.4f in %d, want rising=%v", tc.skill, sa, first+1, sb, last, tc.rising)
			}
		})
	}
	ma, mb := median(a.pay), median(b.pay)
	growth := math.Pow(mb/ma, 1/float64(last-first-1)) - 1
	if growth < 0.02 || growth > 0.07 {
		t.Errorf("salary growth %.3f a year (%.0f -> %.0f), want ~3-5%%", growth, ma, mb)
	}
}
