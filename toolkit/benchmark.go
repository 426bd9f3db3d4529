package toolkit

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"text/tabwriter"

	"jobscope"
	"jobscope/market"
	"jobscope/stats"
)

// BenchmarkInput is a salary benchmark question: a job title, and optionally its level, a place and
// a skill, as a user writes them.
type BenchmarkInput struct {
	Title, Seniority, Location, Skill string
	// Country is GB or US (the scope's country and currency); "" is GB.
	Country string
	// AsOf is the last day of the latest 6 months, YYYY-MM-DD; "" for the newest ad.
	AsOf string
	// MinN is the fewest salaries a band is given over: below it the place is widened; 0 is
	// market.DefaultMinSalaries.
	MinN int
}

// Band is the spread of the permanent salaries or contract day rates of the benchmark's ads in the
// latest 6 months: the percentiles, with n (the salaries behind them) and the median's 95%
// interval. Percentiles are nil when n is below the benchmark's minimum even at its widest.
type Band struct {
	N          int         `json:"n"`
	Jobs       int         `json:"jobs"`
	P10        *float64    `json:"p10"`
	P25        *float64    `json:"p25"`
	P50        *float64    `json:"p50"`
	P75        *float64    `json:"p75"`
	P90        *float64    `json:"p90"`
	MedianCI95 *[2]float64 `json:"median_ci95"`
	// Location is the place the band is over after any widening ("" for the whole country).
	Location string `json:"location,omitempty"`
}

// Benchmark is the answer: the bands, the widenings made, and the comparisons beside them.
type Benchmark struct {
	Title     string `json:"title"`
	Seniority string `json:"seniority,omitempty"`
	Location  string `json:"location,omitempty"`
	Skill     string `json:"skill,omitempty"`
	Country   string `json:"country"`
	Currency  string `json:"currency"`
	From      string `json:"from"`
	To        string `json:"to"`
	Permanent Band   `json:"permanent"`
	Contract  Band   `json:"contract"`
	// Widened lists the widenings made, in order ("location: Manchester → North West (6 salaries
	// in Manchester)"); empty when none.
	Widened []string `json:"widened"`
	// Levels is the title's table by level, within the benchmark's place and skill.
	Levels []LevelRow `json:"levels"`
	// LondonPremium is the London median over the median elsewhere in GB, for the title, level and
	// skill; nil outside GB or without enough salaries on either side.
	LondonPremium *Premium `json:"london_premium"`
	// WorkModes are the permanent medians of remote, hybrid and on-site ads.
	WorkModes []LevelRow `json:"work_modes"`
	// Skills are the premiums of the title's commonest skills, each within the same level.
	Skills []SkillPremium `json:"skills"`
}

// LevelRow is one row of a breakdown: the permanent and contract medians with their n.
type LevelRow struct {
	Value       string   `json:"value"`
	PermanentN  int      `json:"permanent_n"`
	PermanentMd *float64 `json:"permanent_median"`
	ContractN   int      `json:"contract_n"`
	ContractMd  *float64 `json:"contract_median"`
	// VsBand is, for a work mode, its permanent median over the band's median less one.
	VsBand *float64 `json:"vs_band,omitempty"`
}

// Premium is a ratio of two medians less one (0.15 is 15% more), with the salaries behind each.
type Premium struct {
	Ratio  float64 `json:"ratio"`
	N      int     `json:"n"`      // the salaries of the side the premium is of
	BaseN  int     `json:"base_n"` // the salaries of the side it is against
	Median float64 `json:"median"` // the side's median
	Base   float64 `json:"base"`   // the median it is against
	Clear  bool    `json:"clear"`  // the interval excludes no difference
	Note   string  `json:"note"`   // in words
}

// SkillPremium is a skill's premium within the same level: for each level where both the title's
// ads citing the skill and all the title's ads have enough salaries, the ratio of their medians,
// weighted by the title's mix of levels, with the interval the medians' intervals give.
type SkillPremium struct {
	Skill  string     `json:"skill"`
	N      int        `json:"n"` // salaries of the title's ads citing the skill, over the levels compared
	Levels int        `json:"levels"`
	Ratio  *float64   `json:"premium"` // nil when no level has enough salaries
	CI95   [2]float64 `json:"premium_ci95"`
	Clear  bool       `json:"clear"`
	Note   string     `json:"note"`
}

// benchmarkSkills is how many of the title's commonest skills get a premium.
const benchmarkSkills = 8

// Bench answers a salary benchmark from the market service.
func Bench(svc *market.Service, in BenchmarkInput) (*Benchmark, error) {
	if strings.TrimSpace(in.Title) == "" {
		return nil, &market.Error{Code: market.Invalid, Message: "a benchmark is of a job title: give --title"}
	}
	minN := in.MinN
	if minN <= 0 {
		minN = market.DefaultMinSalaries
	}
	term, err := svc.Resolve(in.Title, jobscope.KindTitle)
	if err != nil {
		return nil, err
	}
	country := in.Country
	if country == "" {
		country = "GB"
	}
	perm, asOf, err := svc.Scope(market.ScopeInput{Market: "permanent", Country: country, AsOf: in.AsOf, Baseline: "all"})
	if err != nil {
		return nil, err
	}
	contract := perm
	contract.Market = stats.MarketContract
	cut, err := svc.Cut(market.CutInput{Seniority: in.Seniority, Location: in.Location, Skill: in.Skill}, perm)
	if err != nil {
		return nil, err
	}
	b := &Benchmark{Title: term.Name, Seniority: cut.Seniority, Location: cut.Location, Skill: cut.Skill,
		Country: perm.Country, Currency: perm.Currency, Widened: []string{}}

	band := func(scope stats.Scope, c stats.Cut) (Band, *stats.Page, error) {
		p, err := svc.CutPage(term, scope, asOf, 0, c)
		if err != nil {
			return Band{}, nil, err
		}
		return bandOf(p.Periods[0].Figures, c.Location), p, nil
	}
	// The place widens, one step of the ladder at a time, until the permanent band (or, with no
	// permanent salaries at all, the contract band) has its minimum.
	ladder := placeLadder(svc, cut.Location)
	var pb, cb Band
	var page *stats.Page
	for i, loc := range ladder {
		c := cut
		c.Location = loc
		if pb, page, err = band(perm, c); err != nil {
			return nil, err
		}
		if cb, _, err = band(contract, c); err != nil {
			return nil, err
		}
		if pb.N >= minN || (pb.N == 0 && cb.N >= minN) || i == len(ladder)-1 {
			break
		}
		next := ladder[i+1]
		if next == "" {
			next = "all of " + perm.Country
		}
		b.Widened = append(b.Widened, fmt.Sprintf("location: %s → %s (%d salaries in %s, fewer than %d)", loc, next, pb.N, loc, minN))
	}
	cut.Location = pb.Location
	b.From, b.To = page.Periods[0].From, page.Periods[0].To
	// Then the period: 12 months rather than 6.
	if pb.N < minN && !(pb.N == 0 && cb.N >= minN) {
		pf, err := svc.Span(term, perm, asOf, 0, cut, stats.MaxSpanMonths)
		if err != nil {
			return nil, err
		}
		cf, err := svc.Span(term, contract, asOf, 0, cut, stats.MaxSpanMonths)
		if err != nil {
			return nil, err
		}
		b.Widened = append(b.Widened, fmt.Sprintf("period: 6 months → %d months (%d salaries in 6 months, fewer than %d)",
			stats.MaxSpanMonths, pb.N, minN))
		pb, cb = bandOf(pf, cut.Location), bandOf(cf, cut.Location)
		b.From = pf.From
	}
	hide := func(x *Band) {
		if x.N < minN {
			x.P10, x.P25, x.P50, x.P75, x.P90, x.MedianCI95 = nil, nil, nil, nil, nil, nil
		}
	}
	hide(&pb)
	hide(&cb)
	b.Permanent, b.Contract = pb, cb

	// The table by level and the work modes, within the band's place and skill.
	levelCut := cut
	levelCut.Seniority = ""
	levels, err := svc.By(term, perm, asOf, minN, levelCut, "seniority")
	if err != nil {
		return nil, err
	}
	b.Levels = rows(levels)
	modeCut := cut
	modeCut.WorkMode = ""
	modes, err := svc.By(term, perm, asOf, minN, modeCut, "work-mode")
	if err != nil {
		return nil, err
	}
	b.WorkModes = rows(modes)
	// Each mode against the band: its median over the band's median, less one.
	for i := range b.WorkModes {
		if m := b.WorkModes[i].PermanentMd; m != nil && pb.P50 != nil && *pb.P50 > 0 {
			d := *m / *pb.P50 - 1
			b.WorkModes[i].VsBand = &d
		}
	}

	// London over the rest of GB, for the title, level and skill.
	if perm.Country == "GB" {
		nat := cut
		nat.Location = ""
		p, err := svc.CutPage(term, perm, asOf, 0, nat)
		if err != nil {
			return nil, err
		}
		lon := nat
		lon.Location = "London"
		// No ad in London is no premium, not an error.
		if l, _, err := band(perm, lon); err == nil {
			all := p.Periods[0]
			if ex := all.MedianExclLondon; ex != nil && l.P50 != nil && l.N >= minN && all.SalariesQuoted-l.N >= minN {
				b.LondonPremium = premium(*l.P50, *ex, l.N, all.SalariesQuoted-l.N, l.MedianCI95)
			}
		}
	}

	// Each common skill within the same level, weighted by the title's mix of levels.
	if cut.Skill == "" {
		base, err := svc.By(term, perm, asOf, 0, levelCut, "seniority")
		if err != nil {
			return nil, err
		}
		for _, sk := range commonSkills(page, benchmarkSkills) {
			sc := levelCut
			sc.Skill = sk
			by, err := svc.By(term, perm, asOf, 0, sc, "seniority")
			if err != nil {
				return nil, err
			}
			b.Skills = append(b.Skills, skillPremium(sk, by, base, minN))
		}
	}
	return b, nil
}

// bandOf is the band of a period's figures over the place loc.
func bandOf(f stats.Figures, loc string) Band {
	return Band{N: f.SalariesQuoted, Jobs: f.Jobs, P10: f.P10, P25: f.P25, P50: f.P50, P75: f.P75, P90: f.P90,
		MedianCI95: f.MedianCI95, Location: loc}
}

// placeLadder is where a benchmark may widen to from loc: the place, its county, region and nation
// (as the gazetteer places it), then the whole country (""). A group or a wider place starts
// further up.
func placeLadder(svc *market.Service, loc string) []string {
	if loc == "" {
		return []string{""}
	}
	out := []string{loc}
	for _, l := range svc.Locations() {
		if l.Name != loc {
			continue
		}
		for _, up := range []string{l.County, l.Region, l.Nation} {
			if up != "" && up != loc && !slices.Contains(out, up) {
				out = append(out, up)
			}
		}
		break
	}
	return append(out, "")
}

// rows turns a breakdown into its medians.
func rows(t *market.ByTable) []LevelRow {
	out := []LevelRow{}
	for _, r := range t.Rows {
		out = append(out, LevelRow{Value: r.Value, PermanentN: r.Permanent.SalariesQuoted, PermanentMd: r.Permanent.P50,
			ContractN: r.Contract.SalariesQuoted, ContractMd: r.Contract.P50})
	}
	return out
}

// commonSkills are the skills the most of the page's ads cite.
func commonSkills(p *stats.Page, n int) []string {
	var out []string
	for _, c := range p.Cooccurring.Top {
		if c.Category == stats.TitleCategory {
			continue
		}
		out = append(out, c.Term)
		if len(out) == n {
			break
		}
	}
	return out
}

// premium compares a median with its interval against a base median.
func premium(med, base float64, n, baseN int, ci *[2]float64) *Premium {
	p := &Premium{Ratio: med/base - 1, N: n, BaseN: baseN, Median: med, Base: base}
	if ci != nil {
		p.Clear = ci[0] > base || ci[1] < base
	}
	p.Note = fmt.Sprintf("%+.0f%%", p.Ratio*100)
	if !p.Clear {
		p.Note = "no clear difference (" + p.Note + ", within the median's 95% interval)"
	}
	return p
}

// skillPremium weighs the per-level ratios of the skill's medians to the title's by the title's mix
// of levels (its salaried ads at each level compared).
func skillPremium(skill string, with, all *market.ByTable, minN int) SkillPremium {
	sp := SkillPremium{Skill: skill}
	var w, r, lo, hi float64
	baseOf := map[string]stats.Figures{}
	for _, row := range all.Rows {
		baseOf[row.Value] = row.Permanent
	}
	for _, row := range with.Rows {
		base, ok := baseOf[row.Value] // the tables list only the levels they have ads of
		if !ok {
			continue
		}
		f := row.Permanent
		if f.SalariesQuoted < minN || base.SalariesQuoted < minN || f.P50 == nil || base.P50 == nil || *base.P50 == 0 {
			continue
		}
		wt := float64(base.SalariesQuoted)
		w += wt
		r += wt * (*f.P50 / *base.P50 - 1)
		l, h := *f.P50, *f.P50
		if f.MedianCI95 != nil {
			l, h = f.MedianCI95[0], f.MedianCI95[1]
		}
		lo += wt * (l / *base.P50 - 1)
		hi += wt * (h / *base.P50 - 1)
		sp.N += f.SalariesQuoted
		sp.Levels++
	}
	if w == 0 {
		sp.Note = fmt.Sprintf("too few salaries at any one level (fewer than %d)", minN)
		return sp
	}
	ratio := r / w
	sp.Ratio = &ratio
	sp.CI95 = [2]float64{lo / w, hi / w}
	sp.Clear = sp.CI95[0] > 0 || sp.CI95[1] < 0
	sp.Note = fmt.Sprintf("%+.0f%% within the same level (%d levels)", ratio*100, sp.Levels)
	if !sp.Clear {
		sp.Note = fmt.Sprintf("no clear difference (%+.0f%%, interval %+.0f%% to %+.0f%%)", ratio*100,
			math.Round(sp.CI95[0]*100), math.Round(sp.CI95[1]*100))
	}
	return sp
}

// WriteText writes the benchmark for a person: the bands with n and the median's interval, the
// widenings made, then the comparisons, each with its n.
func (b *Benchmark) WriteText(w io.Writer) error {
	what := []string{b.Title}
	for _, v := range []string{b.Seniority, b.Location, b.Skill} {
		if v != "" {
			what = append(what, v)
		}
	}
	fmt.Fprintf(w, "Salary benchmark: %s (%s, %s to %s)\n", strings.Join(what, ", "), b.Country, b.From, b.To)
	if len(b.Widened) > 0 {
		fmt.Fprintln(w, "Widened, for enough salaries:")
		for _, x := range b.Widened {
			fmt.Fprintln(w, "  "+x)
		}
	}
	where := b.Permanent.Location
	if where == "" {
		where = "all of " + b.Country
	}
	fmt.Fprintf(w, "\nBands in %s:\n", where)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  \tn\tp10\tp25\tmedian\tp75\tp90\tmedian's 95% interval")
	for _, r := range []struct {
		name string
		b    Band
	}{{"permanent salary", b.Permanent}, {"contract day rate", b.Contract}} {
		ci := "–"
		if r.b.MedianCI95 != nil {
			ci = money(b.Currency, r.b.MedianCI95[0]) + " to " + money(b.Currency, r.b.MedianCI95[1])
		}
		fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.name, r.b.N, opt(b.Currency, r.b.P10), opt(b.Currency, r.b.P25),
			opt(b.Currency, r.b.P50), opt(b.Currency, r.b.P75), opt(b.Currency, r.b.P90), ci)
	}
	tw.Flush()
	if len(b.Levels) > 0 {
		fmt.Fprintf(w, "\nBy level (%s), medians of the latest 6 months:\n", where)
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  level\tpermanent\tn\tcontract\tn")
		for _, r := range b.Levels {
			fmt.Fprintf(tw, "  %s\t%s\t%d\t%s\t%d\n", r.Value, opt(b.Currency, r.PermanentMd), r.PermanentN, opt(b.Currency, r.ContractMd), r.ContractN)
		}
		tw.Flush()
	}
	if p := b.LondonPremium; p != nil {
		fmt.Fprintf(w, "\nLondon premium: %s (London median %s, n %d, over %s elsewhere in GB, n %d)\n", p.Note,
			money(b.Currency, p.Median), p.N, money(b.Currency, p.Base), p.BaseN)
	} else if b.Country == "GB" {
		fmt.Fprintln(w, "\nLondon premium: too few salaries in London or elsewhere to say")
	}
	if len(b.WorkModes) > 0 {
		fmt.Fprintln(w, "\nWork mode, permanent medians of the latest 6 months:")
		for _, r := range b.WorkModes {
			vs := ""
			if r.VsBand != nil {
				vs = fmt.Sprintf(", %+.0f%% on the band's median", *r.VsBand*100)
			}
			fmt.Fprintf(w, "  %s %s (n %d%s)\n", r.Value, opt(b.Currency, r.PermanentMd), r.PermanentN, vs)
		}
	}
	if len(b.Skills) > 0 {
		fmt.Fprintln(w, "\nSkills, each against the title's ads of the same level, weighted by the title's mix of levels:")
		var few []string
		for _, s := range b.Skills {
			if s.Ratio == nil {
				few = append(few, s.Skill)
				continue
			}
			fmt.Fprintf(w, "  %s: %s (n %d)\n", s.Skill, s.Note, s.N)
		}
		if len(few) > 0 {
			fmt.Fprintf(w, "  too few salaries at any one level to compare: %s\n", strings.Join(few, ", "))
		}
	}
	return nil
}

// opt writes an amount that may be missing ("–" with too few salaries).
func opt(cur string, v *float64) string {
	if v == nil {
		return "–"
	}
	return money(cur, *v)
}
