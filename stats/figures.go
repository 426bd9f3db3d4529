package stats

import (
	"math"
	"slices"
	"time"

	"jobscope"
)

// Market is the permanent or the contract market of docs/figures.md.
type Market string

// Markets.
const (
	MarketPermanent Market = jobscope.Permanent
	MarketContract  Market = jobscope.Contract
)

// Scope says which ads a report covers beyond the term itself: a market and a country. Salary figures
// use only ads quoting the country's currency, so that pounds and dollars are never mixed.
type Scope struct {
	Market   Market
	Country  string // ISO code, e.g. "GB"; "" for every country
	Currency string // the currency salary figures use, e.g. "GBP"
	// Tech narrows the population to tech jobs (see Engine.SetTechJobs): the "all tech jobs"
	// baseline rather than "all jobs". Every figure, share and rank is then within tech jobs.
	Tech bool
}

// CurrencyOf is the currency salary figures use for a country's ads.
func CurrencyOf(country string) string {
	switch country {
	case "US":
		return "USD"
	case "", "GB":
		return "GBP"
	}
	return ""
}

// In reports whether an ad belongs to the scope's market and country.
func (s Scope) In(f *jobscope.AdFact) bool {
	return f.Type == string(s.Market) && (s.Country == "" || f.Country == s.Country)
}

// Plausible bounds of docs/figures.md: figures outside them are left out of salary figures and counted.
var bounds = map[string][2]float64{
	"annual": {10_000, 1_000_000},
	"day":    {50, 5_000},
	"hour":   {5, 1_000},
}

// SalaryValue returns the figure an ad contributes to the market's salary statistics: the annual
// midpoint of a year, month or week salary for the permanent market, the day-rate midpoint for the
// contract market. kind names the bound applied ("annual", "day"); ok is false when the ad has no
// figure of that kind, and plausible false when it has one outside the bounds.
func (s Scope) SalaryValue(f *jobscope.AdFact) (v float64, ok, plausible bool) {
	if f.Period == "" || (s.Currency != "" && f.Currency != s.Currency) {
		return 0, false, false
	}
	mid := (f.Min + f.Max) / 2
	var kind string
	switch s.Market {
	case MarketPermanent:
		switch f.Period {
		case jobscope.PeriodYear:
			v = mid
		case jobscope.PeriodMonth:
			v = mid * 12
		case jobscope.PeriodWeek:
			v = mid * 52
		default:
			return 0, false, false
		}
		kind = "annual"
	case MarketContract:
		if f.Period != jobscope.PeriodDay {
			return 0, false, false
		}
		v, kind = mid, "day"
	default:
		return 0, false, false
	}
	b := bounds[kind]
	return v, true, v >= b[0] && v <= b[1]
}

// Figures are one period's figures for a term (or for every ad of the market, the baseline).
type Figures struct {
	From           string      `json:"from"` // first day included, YYYY-MM-DD
	To             string      `json:"to"`   // last day included
	Jobs           int         `json:"jobs"`
	ShareOfAll     float64     `json:"share_of_all"`
	SalariesQuoted int         `json:"salaries_quoted"`
	Implausible    int         `json:"salaries_left_out"`
	P10            *float64    `json:"p10"`
	P25            *float64    `json:"p25"`
	P50            *float64    `json:"p50"`
	P75            *float64    `json:"p75"`
	P90            *float64    `json:"p90"`
	MedianChange   *float64    `json:"median_change"`
	MedianCI95     *[2]float64 `json:"median_ci95"`
	// MedianExclLondon is p50 over the same ads less those whose region is London.
	MedianExclLondon       *float64 `json:"median_excl_london"`
	MedianExclLondonChange *float64 `json:"median_excl_london_change"`
	// LiveJobs counts the ads open on the period's last day (see Engine.Page).
	LiveJobs int `json:"live_jobs"`
	// Hourly holds the contract market's hour rates, shown apart from day rates; nil otherwise.
	Hourly *Rates `json:"hourly,omitempty"`
}

// clone returns a copy of f that shares no pointers with it.
func (f Figures) clone() Figures {
	f.P10, f.P25, f.P50, f.P75, f.P90 = clonePtr(f.P10), clonePtr(f.P25), clonePtr(f.P50), clonePtr(f.P75), clonePtr(f.P90)
	f.MedianChange, f.MedianExclLondon = clonePtr(f.MedianChange), clonePtr(f.MedianExclLondon)
	f.MedianExclLondonChange = clonePtr(f.MedianExclLondonChange)
	if f.MedianCI95 != nil {
		ci := *f.MedianCI95
		f.MedianCI95 = &ci
	}
	if f.Hourly != nil {
		h := *f.Hourly
		h.P10, h.P25, h.P50, h.P75, h.P90 = clonePtr(h.P10), clonePtr(h.P25), clonePtr(h.P50), clonePtr(h.P75), clonePtr(h.P90)
		h.MedianChange = clonePtr(h.MedianChange)
		f.Hourly = &h
	}
	return f
}

func clonePtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// Rates are the percentiles of a set of pay figures, such as the contract market's hour rates.
type Rates struct {
	SalariesQuoted int      `json:"salaries_quoted"`
	Implausible    int      `json:"salaries_left_out"`
	P10            *float64 `json:"p10"`
	P25            *float64 `json:"p25"`
	P50            *float64 `json:"p50"`
	P75            *float64 `json:"p75"`
	P90            *float64 `json:"p90"`
	MedianChange   *float64 `json:"median_change"`
}

// Accumulator gathers the facts of one set of ads (a term's, or all of a market's) over the three
// periods. Add every fact; read Figures at the end.
type Accumulator struct {
	scope   Scope
	periods [3]Period
	jobs    [3]int
	left    [3]int
	values  [3][]float64
}

// NewAccumulator starts an accumulator for the three periods ending at asOf.
func NewAccumulator(scope Scope, asOf time.Time) *Accumulator {
	return &Accumulator{scope: scope, periods: Periods(asOf)}
}

// Add counts one ad, if it belongs to the scope and falls in one of the periods.
func (a *Accumulator) Add(f jobscope.AdFact) {
	if !a.scope.In(&f) {
		return
	}
	for i, p := range a.periods {
		if !p.Contains(f.Posted) {
			continue
		}
		a.jobs[i]++
		if v, ok, plausible := a.scope.SalaryValue(&f); ok {
			if plausible {
				a.values[i] = append(a.values[i], v)
			} else {
				a.left[i]++
			}
		}
	}
}

// Figures returns the three periods' figures; all is the accumulator of every ad of the market, for
// shares (nil when a is itself the baseline).
func (a *Accumulator) Figures(all *Accumulator) [3]Figures {
	var out [3]Figures
	for i, p := range a.periods {
		f := &out[i]
		f.From = p.FirstDay().Format(time.DateOnly)
		f.To = p.To.Format(time.DateOnly)
		f.Jobs = a.jobs[i]
		denom := a.jobs[i]
		if all != nil {
			denom = all.jobs[i]
		}
		if denom > 0 {
			f.ShareOfAll = float64(f.Jobs) / float64(denom)
		}
		xs := a.values[i]
		slices.Sort(xs)
		f.SalariesQuoted = len(xs)
		f.Implausible = a.left[i]
		if len(xs) > 0 {
			f.P10 = ptr(Percentile(xs, 0.10))
			f.P25 = ptr(Percentile(xs, 0.25))
			f.P50 = ptr(Percentile(xs, 0.50))
			f.P75 = ptr(Percentile(xs, 0.75))
			f.P90 = ptr(Percentile(xs, 0.90))
			if lo, hi, ok := MedianCI95(xs); ok {
				f.MedianCI95 = &[2]float64{lo, hi}
			}
		}
	}
	for i := 0; i < 2; i++ {
		if out[i].P50 != nil && out[i+1].P50 != nil && *out[i+1].P50 != 0 {
			out[i].MedianChange = ptr(*out[i].P50 / *out[i+1].P50 - 1)
		}
	}
	return out
}

func ptr(v float64) *float64 { return &v }

// Percentile of sorted xs by linear interpolation between closest ranks, as docs/figures.md defines it:
// position h = (n-1)·p, value x[floor h] + (h - floor h)·(x[floor h + 1] - x[floor h]).
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	return percentileAt(len(sorted), p, func(i int) float64 { return sorted[i] })
}

// percentileAt is Percentile over n sorted values read through at, which is asked only for the
// ranks percentilePositions names.
func percentileAt(n int, p float64, at func(int) float64) float64 {
	h := float64(n-1) * p
	lo := int(math.Floor(h))
	if lo >= n-1 {
		return at(n - 1)
	}
	x := at(lo)
	return x + (h-float64(lo))*(at(lo+1)-x)
}

// MedianCI95 is a distribution-free 95% confidence interval of the median from order statistics: the
// values at 1-based ranks round(n/2 - 1.96·√n/2) and round(1 + n/2 + 1.96·√n/2), the normal
// approximation to the binomial (Conover, Practical Nonparametric Statistics). With fewer than 6 values
// even the full range covers less than 95%, and ok is false.
func MedianCI95(sorted []float64) (lo, hi float64, ok bool) {
	l, u, ok := ciPositions(len(sorted))
	if !ok {
		return 0, 0, false
	}
	return sorted[l], sorted[u], true
}

// ciPositions returns the 0-based ranks MedianCI95 reads for n values.
func ciPositions(n int) (l, u int, ok bool) {
	if n < 6 {
		return 0, 0, false
	}
	half := 1.96 * math.Sqrt(float64(n)) / 2
	l = max(int(math.Round(float64(n)/2-half))-1, 0)
	u = min(int(math.Round(1+float64(n)/2+half))-1, n-1)
	return l, u, true
}
