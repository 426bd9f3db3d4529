package serve

import (
	"html/template"
	"net/url"
	"slices"
	"strings"

	"jobscope/market"
	"jobscope/stats"
)

// The term page's long tables (its summary, the terms cited with it, overall and by category, and
// its locations) are written here rather than by term.html. In a template every action is a
// reflective call, and so is the escaper html/template adds to it: a few hundred a page, which made
// rendering as costly as computing an uncached cut page. Every text is escaped as the template
// would escape it (template.HTMLEscapeString; query values with url.QueryEscape), and the markup is
// the same.

// tableWriter builds table markup.
type tableWriter struct{ b strings.Builder }

// text writes s escaped, as template.HTMLEscapeString escapes it, without the copy.
func (w *tableWriter) text(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case 0:
			esc = "\uFFFD"
		default:
			continue
		}
		w.b.WriteString(s[last:i])
		w.b.WriteString(esc)
		last = i + 1
	}
	w.b.WriteString(s[last:])
}

// raw writes markup of this file's own.
func (w *tableWriter) raw(s string) { w.b.WriteString(s) }

// cell writes one <td> of text.
func (w *tableWriter) cell(s string) {
	w.raw("<td>")
	w.text(s)
	w.raw("</td>")
}

// termHead writes a row's heading: the term, linked to its page.
func (w *tableWriter) termHead(term string) {
	w.raw(`<tr><th scope="row"><a href="`)
	w.text(termURL(term))
	w.raw(`">`)
	w.text(term)
	w.raw("</a></th>")
}

func (w *tableWriter) html() template.HTML { return template.HTML(w.b.String()) }

// summaryRows is the body of the summary table: one row a figure, one column a period.
func summaryRows(p *stats.Page, cols []periodColumn, unit string) template.HTML {
	var w tableWriter
	w.b.Grow(15 * (64 + 32*len(cols))) // the rows below, each a heading and a cell a column
	baseline := "all jobs"
	if p.Baseline == "tech" {
		baseline = "all tech jobs"
	}
	cur := p.Currency
	rows := []struct {
		head, class string
		val         func(c periodColumn) string
	}{
		{"Rank", "", func(c periodColumn) string { return intOr(c.Term.Rank, "%d") }},
		{"Rank change on a year", "", func(c periodColumn) string { return intOr(c.Term.RankChange, "%+d") }},
		{"Jobs citing " + p.Term, "", func(c periodColumn) string { return count(c.Term.Jobs) }},
		{"Share of " + baseline, "", func(c periodColumn) string { return market.Percent(c.Term.ShareOfAll) }},
		{"Share of " + p.Category, "", func(c periodColumn) string { return market.Percent(c.Term.ShareOfCategory) }},
		{"Live jobs at the period's end", "", func(c periodColumn) string { return count(c.Term.LiveJobs) }},
		{"Salaries quoted", "", func(c periodColumn) string { return count(c.Term.SalariesQuoted) }},
		{"10th percentile", "", func(c periodColumn) string { return market.Money(cur, c.Term.P10) }},
		{"Median " + unit, "", func(c periodColumn) string { return market.Money(cur, c.Term.P50) }},
		{"Median change on a year", "", func(c periodColumn) string { return market.Change(c.Term.MedianChange) }},
		{"90th percentile", "", func(c periodColumn) string { return market.Money(cur, c.Term.P90) }},
		{"Median excluding London", "", func(c periodColumn) string { return market.Money(cur, c.Term.MedianExclLondon) }},
		{"All jobs of the baseline", "base", func(c periodColumn) string { return count(c.All.Jobs) }},
		{"… with a recognised job title", "base", func(c periodColumn) string { return count(c.Title) }},
		{"Their median " + unit, "base", func(c periodColumn) string { return market.Money(cur, c.All.P50) }},
	}
	for _, r := range rows {
		if r.class != "" {
			w.raw(`<tr class="` + r.class + `">`)
		} else {
			w.raw("<tr>")
		}
		w.raw(`<th scope="row">`)
		w.text(r.head)
		w.raw("</th>")
		for _, c := range cols {
			w.cell(r.val(c))
		}
		w.raw("</tr>\n")
	}
	return w.html()
}

// coRows is the body of the table of terms cited with a term: term, category, jobs and share.
func coRows(top []stats.CoTerm) template.HTML {
	var w tableWriter
	w.b.Grow(192 * len(top))
	for _, t := range top {
		w.termHead(t.Term)
		w.cell(t.Category)
		w.cell(count(t.Jobs))
		w.cell(market.Percent(t.Share))
		w.raw("</tr>")
	}
	return w.html()
}

// categoryTables is one small table a category (in the order of their names) of the first n terms
// cited with a term, and their shares.
func categoryTables(by map[string][]stats.CoTerm, n int) template.HTML {
	cats := make([]string, 0, len(by))
	for c := range by {
		cats = append(cats, c)
	}
	slices.Sort(cats)
	var w tableWriter
	w.b.Grow(len(cats) * (192 + 128*n))
	for _, c := range cats {
		w.raw(`<table class="cat"><caption>`)
		w.text(c)
		w.raw("</caption>\n    <thead><tr><th scope=\"col\">Term</th><th scope=\"col\">Share</th></tr></thead>\n    <tbody>")
		terms := by[c]
		for _, t := range terms[:min(n, len(terms))] {
			w.termHead(t.Term)
			w.cell(market.Percent(t.Share))
			w.raw("</tr>")
		}
		w.raw("</tbody></table>\n  ")
	}
	return w.html()
}

// locationRows is the body of a term's table by location, each location linked to the page cut
// to it.
func locationRows(p *stats.Page) template.HTML {
	var w tableWriter
	w.b.Grow(288 * len(p.Locations))
	for _, l := range p.Locations {
		w.raw(`<tr><th scope="row"><a href="?market=`)
		w.text(url.QueryEscape(string(p.Market)))
		w.raw("&amp;location=")
		w.text(url.QueryEscape(l.Location))
		w.raw(`">`)
		w.text(l.Location)
		w.raw("</a></th>")
		w.cell(count(l.Jobs))
		w.cell(market.Money(p.Currency, l.P50))
		w.cell(market.Change(l.MedianChange))
		w.cell(intOr(l.Rank, "%d"))
		w.cell(count(l.LiveJobs))
		w.raw("</tr>")
	}
	return w.html()
}

// count formats a number of ads with thousands separators.
func count(n int) string { return market.Thousands(float64(n)) }
