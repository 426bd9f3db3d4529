// Package gen generates realistic synthetic job ads — UK and US tech roles with messy salary texts,
// varied locations, skills that follow their real co-occurrence and trends — as JSON Lines in the
// format of docs/input.md. It feeds the demo, the tests and the benchmarks, so its output is
// deterministic for a seed and it streams in constant memory whatever the number of ads.
//
// The distributions it draws from (contract share, salary by title, seniority and region, places,
// work mode and skill trends over time) were derived from the real ads in the shared data set; the
// tables in tables.go say where each number came from. No text from those ads is copied: every
// template was written for this package.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"iter"
	"math"
	"math/rand/v2"
	"time"

	"jobscope"
)

// DefaultSource is the source of generated ads when Config.Source is empty.
const DefaultSource = "jobscope-gen"

// DefaultYears is the span of posting dates when Config.Years is zero.
const DefaultYears = 3

// DefaultEnd returns the last posting date used when Config.End is zero, 2026-10-31: fixed, so that
// output does not depend on the day it is generated.
func DefaultEnd() time.Time { return time.Date(2026, time.October, 31, 0, 0, 0, 0, time.UTC) }

// maxYears bounds Config.Years; the tables hold no trends before 2013.
const maxYears = 13

// repostBoards are the job boards that Config.Reposts copies ads onto, in turn.
var repostBoards = [...]string{"cityjobs", "techboard", "hirehub", "jobsnorth"}

// Config says what to generate.
type Config struct {
	// Ads is the number of ads to generate (reposts not counted).
	Ads int
	// Seed selects the output: the same Config gives the same bytes.
	Seed int64
	// Years is the span of posting dates, ending at End; zero means DefaultYears.
	Years int
	// End is the last posting date; zero means DefaultEnd, so that output is deterministic.
	End time.Time
	// Source is the source of the generated ads; "" means DefaultSource.
	Source string
	// Reposts is the share of ads (0 to 1) that are also posted on another job board (see Repost):
	// the copy follows its original, with source "cityjobs", "techboard", "hirehub" or "jobsnorth".
	// Zero means none.
	Reposts float64
}

// normalize fills defaults and checks the values.
func (c Config) normalize() (Config, error) {
	if c.Ads < 0 {
		return c, fmt.Errorf("gen: ads must not be negative, got %d", c.Ads)
	}
	if c.Years == 0 {
		c.Years = DefaultYears
	}
	if c.Years < 0 || c.Years > maxYears {
		return c, fmt.Errorf("gen: years must be between 1 and %d, got %d", maxYears, c.Years)
	}
	if c.End.IsZero() {
		c.End = DefaultEnd()
	}
	c.End = time.Date(c.End.Year(), c.End.Month(), c.End.Day(), 0, 0, 0, 0, time.UTC)
	if y := c.End.Year() - c.Years; y < 2012 {
		return c, fmt.Errorf("gen: posting dates would start in %d; the tables start in 2013", y)
	}
	if c.Source == "" {
		c.Source = DefaultSource
	}
	if c.Reposts < 0 || c.Reposts > 1 || math.IsNaN(c.Reposts) {
		return c, fmt.Errorf("gen: reposts must be a share between 0 and 1, got %v", c.Reposts)
	}
	return c, nil
}

// Ads returns the ads cfg describes, in posting order (reposts follow their originals), or an error
// when cfg is invalid. The sequence can be iterated more than once and gives the same ads each
// time. The ads' Raw field is left empty; AppendJSON gives the JSON line.
func Ads(cfg Config) (iter.Seq[jobscope.RawAd], error) {
	cfg, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	return func(yield func(jobscope.RawAd) bool) {
		g := newGenerator(cfg)
		for n := range cfg.Ads {
			ad := g.ad(n)
			if !yield(ad) {
				return
			}
			if cfg.Reposts > 0 && g.rnd.Float64() < cfg.Reposts {
				board := repostBoards[n%len(repostBoards)]
				if !yield(Repost(ad, board, g.rnd)) {
					return
				}
			}
		}
	}, nil
}

// Write writes the ads cfg describes to w as JSON Lines, one ad a line, in constant memory.
func Write(w io.Writer, cfg Config) error {
	seq, err := Ads(cfg)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 256<<10)
	var line []byte
	for ad := range seq {
		line = AppendJSON(line[:0], &ad)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return fmt.Errorf("gen: writing ad %s: %w", ad.ID, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gen: writing ads: %w", err)
	}
	return nil
}

// generator holds what one run needs: the prepared tables, the date distribution and a reusable
// random source that is reseeded for every ad, so that ad n depends only on the seed and n.
type generator struct {
	cfg  Config
	m    *model
	pcg  *rand.PCG
	rnd  *rand.Rand
	days []time.Time
	cum  []float64 // cumulative posting volume by day
	buf  []byte
	sk   []int // scratch: chosen skills
}

func newGenerator(cfg Config) *generator {
	pcg := rand.NewPCG(0, 0)
	g := &generator{cfg: cfg, m: newModel(), pcg: pcg, rnd: rand.New(pcg)}
	g.days, g.cum = postingVolume(cfg.End, cfg.Years)
	return g
}

// postingVolume lists the days from Years before end (exclusive) to end (inclusive) with the
// cumulative share of ads posted by each: growing volumeGrowth a year, seasonal by month and weekday.
func postingVolume(end time.Time, years int) ([]time.Time, []float64) {
	start := end.AddDate(-years, 0, 1)
	n := int(end.Sub(start).Hours()/24) + 1
	days := make([]time.Time, n)
	cum := make([]float64, n)
	total := 0.0
	for i := range n {
		d := start.AddDate(0, 0, i)
		days[i] = d
		w := math.Pow(1+volumeGrowth, float64(i)/365) * monthSeason[d.Month()-1] * weekdayVolume[d.Weekday()]
		total += w
		cum[i] = total
	}
	return days, cum
}

// adState is everything decided about one ad before its text is written.
type adState struct {
	n        int
	uk       bool
	day      time.Time
	year     float64 // fractional year, for trends
	fam      *family
	famIdx   int
	sen      seniority
	lang     string // the {L} choice, "" if none
	title    string // as written, decorations included
	role     string // the title without decorations, for prose
	company  company
	agency   string // "" for direct employers
	reg      *region
	plc      *place
	placeTxt string // place name as prose uses it
	location string
	mode     workMode
	emp      empKind
	ir35     int // 0 unstated, 1 inside, 2 outside
	pay      payment
	skills   []int
	html     bool
	team     string
}

type workMode int

const (
	onsite workMode = iota
	hybrid
	remote
)

type empKind int

const (
	empPermanent empKind = iota
	empContract
	empTemporary
	empInternship
)

// ad generates ad number n.
func (g *generator) ad(n int) jobscope.RawAd {
	r := g.rnd
	g.pcg.Seed(uint64(g.cfg.Seed), uint64(n)*0x9E3779B97F4A7C15+0x632BE59BD9B4E019)
	s := &adState{n: n}
	g.skeleton(s, n)
	g.fill(s)
	return g.render(s, r)
}

// skeleton chooses the ad's market, date, title family, seniority, company and place: the facts a
// duplicate test holds fixed.
func (g *generator) skeleton(s *adState, n int) {
	r := g.rnd
	s.uk = r.Float64() < ukShare
	// Stratified draw: ad n's date falls in the n-th slice of the volume curve, so the output is in
	// posting order without being held in memory.
	u := (float64(n) + r.Float64()) / float64(max(g.cfg.Ads, 1)) * g.cum[len(g.cum)-1]
	i := searchCum(g.cum, u)
	s.day = g.days[i]
	s.year = fracYear(s.day)
	s.famIdx = g.m.pickFamily(r, s.year)
	s.fam = &families[s.famIdx]
	s.sen = seniority(g.m.seniority.pick(r))
	if s.fam.noSen {
		s.sen = senNone
	}
	if s.sen == senHead && s.fam.grp == grpSupport {
		s.sen = senSenior
	}
	s.company = g.m.pickCompany(r, s.uk)
	if r.Float64() < pick2(s.uk, ukAgency, usAgency) {
		s.agency = g.m.pickAgency(r)
	}
	if s.uk {
		ri := g.m.ukRegions.pick(r)
		s.reg = &ukRegions[ri]
		s.plc = &s.reg.places[g.m.ukPlaces[ri].pick(r)]
	} else {
		ri := g.m.usRegions.pick(r)
		s.reg = &usRegions[ri]
		s.plc = &s.reg.places[g.m.usPlaces[ri].pick(r)]
	}
}

// fill decides the rest: employment, work mode, pay, skills, title text and location text.
func (g *generator) fill(s *adState) {
	r := g.rnd
	// Employment.
	x := r.Float64()
	contract, temp, intern := ukContract, ukTemporary, ukInternship
	if !s.uk {
		contract, temp, intern = usContract, usTemporary, usInternship
	}
	if s.fam.grp == grpMgmt {
		contract *= 0.4
	}
	if s.fam.grp == grpDelivery || s.fam.grp == grpArch || s.fam.grp == grpConsult {
		contract *= 1.4 // programme, architecture and ERP work is contract-heavy
	}
	switch {
	case s.sen == senIntern:
		s.emp = empInternship
	case x < contract && s.sen != senGraduate:
		s.emp = empContract
	case x < contract+temp:
		s.emp = empTemporary
	case x < contract+temp+intern && (s.sen == senNone || s.sen == senJunior):
		s.emp = empInternship
		s.sen = senIntern
	default:
		s.emp = empPermanent
	}
	if s.emp == empContract && s.uk {
		y := r.Float64()
		switch {
		case y < ir35Unstated:
			s.ir35 = 0
		case y < ir35Unstated+ir35Inside:
			s.ir35 = 1
		default:
			s.ir35 = 2
		}
	}
	// Work mode.
	rem, hyb := workModeShares(s.year)
	if s.emp == empContract {
		rem *= 1.3 // contracts are more often fully remote
	}
	switch y := r.Float64(); {
	case y < rem:
		s.mode = remote
	case y < rem+hyb:
		s.mode = hybrid
	default:
		s.mode = onsite
	}
	s.lang = ""
	if p := g.m.langs[s.famIdx]; p.len() > 0 && r.Float64() < 0.8 {
		s.lang = p.pick(r)
	}
	s.pay = g.m.payFor(r, s)
	s.skills = g.m.pickSkills(r, s, g.sk[:0])
	g.sk = s.skills
	s.html = r.Float64() < 0.3
	s.team = pickStr(r, teams)
	s.title, s.role = g.m.titleText(r, s)
	s.location, s.placeTxt = g.m.locationText(r, s)
}

// render writes the ad's fields.
func (g *generator) render(s *adState, r *rand.Rand) jobscope.RawAd {
	ad := jobscope.RawAd{
		Source: g.cfg.Source,
		ID:     fmt.Sprintf("gen-%d-%d", g.cfg.Seed, s.n),
		Title:  s.title,
	}
	ad.Company = s.company.name
	if s.agency != "" {
		ad.Company = s.agency
	}
	ad.Location = s.location
	ad.EmploymentType = employmentLabel(r, s)
	salaryText, inDesc := g.salaryField(r, s)
	ad.Salary = salaryText
	g.buf = g.description(g.buf[:0], r, s, inDesc)
	ad.Description = string(g.buf)
	ad.PostedAt = postingTime(r, s.day)
	if r.Float64() < 0.35 {
		closed := s.day.AddDate(0, 0, 7+r.IntN(50))
		if !closed.After(g.cfg.End) {
			ad.ClosedAt = closed
		}
	}
	ad.URL = adURL(g.cfg.Source, ad.ID)
	return ad
}

// postingTime gives the day a time of posting; a fifth of ads carry only the date.
func postingTime(r *rand.Rand, day time.Time) time.Time {
	if r.Float64() < 0.2 {
		return day
	}
	h := 7 + r.IntN(11)
	return day.Add(time.Duration(h)*time.Hour + time.Duration(r.IntN(60))*time.Minute + time.Duration(1+r.IntN(59))*time.Second)
}

func adURL(source, id string) string {
	return "https://www." + slug(source) + ".example/jobs/" + id
}

// slug keeps letters, digits and hyphens of s, lowercased.
func slug(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	if len(b) == 0 {
		return "jobs"
	}
	return string(b)
}

// fracYear is t as a fractional year (2025.5 is early July 2025).
func fracYear(t time.Time) float64 {
	return float64(t.Year()) + float64(t.YearDay()-1)/365
}

// workModeShares interpolates workModeByYear.
func workModeShares(y float64) (rem, hyb float64) {
	rows := workModeByYear[:]
	if y <= rows[0][0] {
		return rows[0][1], rows[0][2]
	}
	for i := 1; i < len(rows); i++ {
		if y <= rows[i][0] {
			f := (y - rows[i-1][0]) / (rows[i][0] - rows[i-1][0])
			return lerp(rows[i-1][1], rows[i][1], f), lerp(rows[i-1][2], rows[i][2], f)
		}
	}
	last := rows[len(rows)-1]
	return last[1], last[2]
}

func lerp(a, b, f float64) float64 { return a + (b-a)*f }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func pick2[T any](uk bool, a, b T) T {
	if uk {
		return a
	}
	return b
}

// searchCum returns the first index whose cumulative weight exceeds u.
func searchCum(cum []float64, u float64) int {
	lo, hi := 0, len(cum)-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if cum[mid] > u {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}
