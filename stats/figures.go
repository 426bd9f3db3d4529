package stats

import (
	"math"

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

// Plausible bounds of docs/figures.md: figures outside them are left out of salary figures and counted.
var bounds = map[string][2]float64{
	"annual": {10_000, 1_000_000},
	"day":    {50, 5_000},
	"hour":   {5, 1_000},
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
