package market

import (
	"slices"
	"strconv"

	"jobscope/stats"
)

// Tables: the figures as rows of cells for CSV, the same for every surface. Numbers are in full
// precision and absent figures empty, so that a spreadsheet or a script reads them as they are.

// PageTables are the tables of a term's page, for PageTable.
var PageTables = []string{"periods", "locations", "trend", "cooccurring", "histogram"}

func csvFloat(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func csvNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func csvInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

var periodNames = [3]string{"latest", "year_ago", "two_years_ago"}

// figureColumns are the columns of one period's figures.
var figureColumns = []string{"from", "to", "jobs", "share_of_all", "share_of_category", "rank", "rank_change",
	"live_jobs", "salaries_quoted", "salaries_left_out", "p10", "p25", "p50", "p75", "p90", "median_change",
	"median_ci95_low", "median_ci95_high", "median_excl_london", "median_excl_london_change",
	"hourly_quoted", "hourly_p50"}

func figureCells(f *stats.Figures, shareOfCategory *float64, rank, rankChange *int) []string {
	var lo, hi *float64
	if f.MedianCI95 != nil {
		lo, hi = &f.MedianCI95[0], &f.MedianCI95[1]
	}
	var hq string
	var hp *float64
	if f.Hourly != nil {
		hq, hp = strconv.Itoa(f.Hourly.SalariesQuoted), f.Hourly.P50
	}
	return []string{f.From, f.To, strconv.Itoa(f.Jobs), csvNum(f.ShareOfAll), csvFloat(shareOfCategory), csvInt(rank),
		csvInt(rankChange), strconv.Itoa(f.LiveJobs), strconv.Itoa(f.SalariesQuoted), strconv.Itoa(f.Implausible),
		csvFloat(f.P10), csvFloat(f.P25), csvFloat(f.P50), csvFloat(f.P75), csvFloat(f.P90), csvFloat(f.MedianChange),
		csvFloat(lo), csvFloat(hi), csvFloat(f.MedianExclLondon), csvFloat(f.MedianExclLondonChange), hq, csvFloat(hp)}
}

// PageTable is one of PageTables of a term's page, a header row first; an unknown table is an
// Invalid Error.
func PageTable(r *stats.Page, table string) ([][]string, error) {
	var rows [][]string
	switch table {
	case "periods":
		rows = append(rows, append([]string{"set", "period"}, figureColumns...))
		for i := range r.Periods {
			p := &r.Periods[i]
			soc := p.ShareOfCategory
			rows = append(rows, append([]string{r.Term, periodNames[i]}, figureCells(&p.Figures, &soc, p.Rank, p.RankChange)...))
		}
		for i := range r.All {
			rows = append(rows, append([]string{"all", periodNames[i]}, figureCells(&r.All[i], nil, nil, nil)...))
		}
	case "locations":
		rows = append(rows, []string{"location", "jobs", "p50", "median_change", "rank", "rank_change", "live_jobs"})
		for _, l := range r.Locations {
			rows = append(rows, []string{l.Location, strconv.Itoa(l.Jobs), csvFloat(l.P50), csvFloat(l.MedianChange),
				csvInt(l.Rank), csvInt(l.RankChange), strconv.Itoa(l.LiveJobs)})
		}
	case "trend":
		rows = append(rows, []string{"month", "jobs", "share", "p10", "p25", "p50", "p75", "p90"})
		for _, p := range r.Trend {
			rows = append(rows, []string{p.Month, strconv.Itoa(p.Jobs), csvNum(p.Share), csvFloat(p.P10), csvFloat(p.P25),
				csvFloat(p.P50), csvFloat(p.P75), csvFloat(p.P90)})
		}
	case "cooccurring":
		rows = append(rows, []string{"list", "term", "category", "jobs", "share"})
		add := func(list string, cs []stats.CoTerm) {
			for _, c := range cs {
				rows = append(rows, []string{list, c.Term, c.Category, strconv.Itoa(c.Jobs), csvNum(c.Share)})
			}
		}
		add("top", r.Cooccurring.Top)
		cats := make([]string, 0, len(r.Cooccurring.ByCategory))
		for c := range r.Cooccurring.ByCategory {
			cats = append(cats, c)
		}
		slices.Sort(cats)
		for _, c := range cats {
			add(c, r.Cooccurring.ByCategory[c])
		}
	case "histogram":
		rows = append(rows, []string{"from", "to", "count"})
		for _, b := range r.Histogram.Bins {
			rows = append(rows, []string{csvNum(b.From), csvNum(b.To), strconv.Itoa(b.Count)})
		}
	default:
		_, err := oneOf("table", table, PageTables)
		return nil, err
	}
	return rows, nil
}

// IndexTable is the market index as rows, a header row first.
func IndexTable(idx *stats.Index) [][]string {
	rows := [][]string{{"rank", "rank_change", "term", "category", "jobs", "jobs_year_ago", "share_of_all",
		"salaries_quoted", "median", "median_change"}}
	for _, r := range idx.Terms {
		rows = append(rows, []string{csvInt(r.Rank), csvInt(r.RankChange), r.Term, r.Category, strconv.Itoa(r.Jobs),
			strconv.Itoa(r.JobsYearAgo), csvNum(r.ShareOfAll), strconv.Itoa(r.SalariesQuoted), csvFloat(r.Median),
			csvFloat(r.MedianChange)})
	}
	return rows
}

// CompareTable is several terms' period figures as rows, a header row first.
func CompareTable(pages []*stats.Page) [][]string {
	rows := [][]string{append([]string{"term", "kind", "category", "period"}, figureColumns...)}
	for _, p := range pages {
		for i := range p.Periods {
			f := &p.Periods[i]
			soc := f.ShareOfCategory
			rows = append(rows, append([]string{p.Term, string(p.Kind), p.Category, periodNames[i]},
				figureCells(&f.Figures, &soc, f.Rank, f.RankChange)...))
		}
	}
	return rows
}

// Table is the breakdown as rows, a header row first: a row per value and market (contracts split
// by IR35 as "contract inside IR35" and "contract outside IR35" rows where the ads state it).
func (t *ByTable) Table() [][]string {
	rows := [][]string{{"by", "value", "market", "jobs", "salaries_quoted", "p10", "p25", "p50", "p75", "p90", "median_ci95_low", "median_ci95_high"}}
	type part struct {
		name string
		f    stats.Figures
	}
	for _, r := range t.Rows {
		parts := []part{{"permanent", r.Permanent}, {"contract", r.Contract}}
		if r.InsideIR35 != nil {
			parts = append(parts, part{"contract inside IR35", *r.InsideIR35})
		}
		if r.OutsideIR35 != nil {
			parts = append(parts, part{"contract outside IR35", *r.OutsideIR35})
		}
		for _, m := range parts {
			lo, hi := "", ""
			if m.f.MedianCI95 != nil {
				lo, hi = csvNum(m.f.MedianCI95[0]), csvNum(m.f.MedianCI95[1])
			}
			rows = append(rows, []string{t.By, r.Value, m.name, strconv.Itoa(m.f.Jobs), strconv.Itoa(m.f.SalariesQuoted),
				csvFloat(m.f.P10), csvFloat(m.f.P25), csvFloat(m.f.P50), csvFloat(m.f.P75), csvFloat(m.f.P90), lo, hi})
		}
	}
	return rows
}
