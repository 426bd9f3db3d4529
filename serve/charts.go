package serve

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"jobscope/market"
	"jobscope/stats"
)

// Charts are SVG drawn here from the figures, so that a page needs no script and fetches nothing.
// Every chart carries a title and a description for screen readers, and the page gives the same
// figures as a table beside it.

const (
	chartW, chartH = 640, 200
	padL, padR     = 56, 12
	padT, padB     = 12, 28
)

// shareChart draws a term's monthly share of the market's ads as a line.
func shareChart(points []stats.TrendPoint, term string) template.HTML {
	if len(points) < 2 {
		return ""
	}
	peak := 0.0
	for _, p := range points {
		peak = max(peak, p.Share)
	}
	if peak == 0 {
		return ""
	}
	x := xScale(len(points))
	y := func(v float64) float64 { return padT + (1-v/peak)*(chartH-padT-padB) }
	var line []byte
	for i, p := range points {
		line = appendPoint(line, x(i), y(p.Share))
	}
	var b strings.Builder
	b.Grow(len(line) + 1024)
	open(&b, "Demand for "+term, fmt.Sprintf("Share of all ads citing %s each month, %s to %s; the highest %.2f%%.",
		term, points[0].Month, points[len(points)-1].Month, peak*100))
	axes(&b, points, fmt.Sprintf("%.1f%%", peak*100), "0%")
	polyline(&b, "line", line)
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// appendPoint appends a point of a polyline, "x,y" with one decimal each, after those in b.
func appendPoint(b []byte, x, y float64) []byte {
	if len(b) > 0 {
		b = append(b, ' ')
	}
	b = strconv.AppendFloat(b, x, 'f', 1, 64)
	b = append(b, ',')
	return strconv.AppendFloat(b, y, 'f', 1, 64)
}

// polyline writes a polyline of class through points (appendPoint's).
func polyline(b *strings.Builder, class string, points []byte) {
	b.WriteString(`<polyline class="` + class + `" points="`)
	b.Write(points)
	b.WriteString(`"/>`)
}

// salaryChart draws the 3-month p10 to p90 band of a term's salary figures with its median.
func salaryChart(points []stats.TrendPoint, term, currency string) template.HTML {
	lo, hi := math.Inf(1), math.Inf(-1)
	n := 0
	for _, p := range points {
		if p.P10 != nil && p.P90 != nil {
			lo, hi = min(lo, *p.P10), max(hi, *p.P90)
			n++
		}
	}
	if n < 2 || hi <= lo {
		return ""
	}
	x := xScale(len(points))
	y := func(v float64) float64 { return padT + (1-(v-lo)/(hi-lo))*(chartH-padT-padB) }
	var b strings.Builder
	b.Grow(48*len(points) + 1024)
	open(&b, "Salaries for "+term, fmt.Sprintf("The 10th to 90th percentile of %s salary figures over the 3 months to each month, with the median line.", term))
	sym := market.CurrencySymbol(currency)
	axes(&b, points, sym+market.Thousands(hi), sym+market.Thousands(lo))
	// The band and the median are drawn in runs of months that have figures.
	type point struct{ x, p10, p50, p90 float64 }
	var run []point
	var pts []byte
	flush := func() {
		if len(run) > 1 {
			pts = pts[:0]
			for _, p := range run {
				pts = appendPoint(pts, p.x, y(p.p90))
			}
			for i := len(run) - 1; i >= 0; i-- {
				pts = appendPoint(pts, run[i].x, y(run[i].p10))
			}
			b.WriteString(`<polygon class="band" points="`)
			b.Write(pts)
			b.WriteString(`"/>`)
			pts = pts[:0]
			for _, p := range run {
				pts = appendPoint(pts, p.x, y(p.p50))
			}
			polyline(&b, "line", pts)
		}
		run = run[:0]
	}
	for i, p := range points {
		if p.P10 == nil || p.P90 == nil || p.P50 == nil {
			flush()
			continue
		}
		run = append(run, point{x(i), *p.P10, *p.P50, *p.P90})
	}
	flush()
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

// histogramChart draws the latest period's salary histogram as bars.
func histogramChart(h stats.Histogram, term, currency string) template.HTML {
	if len(h.Bins) == 0 {
		return ""
	}
	peak := 0
	for _, bin := range h.Bins {
		peak = max(peak, bin.Count)
	}
	if peak == 0 {
		return ""
	}
	var b strings.Builder
	sym := market.CurrencySymbol(currency)
	open(&b, "Salary histogram for "+term, fmt.Sprintf("Salary figures of the latest period in bins of %s%s, from %s%s to %s%s.",
		sym, market.Thousands(h.BinWidth), sym, market.Thousands(h.Bins[0].From), sym, market.Thousands(h.Bins[len(h.Bins)-1].To)))
	w := float64(chartW-padL-padR) / float64(len(h.Bins))
	for i, bin := range h.Bins {
		bh := float64(bin.Count) / float64(peak) * (chartH - padT - padB)
		fmt.Fprintf(&b, `<rect class="bar" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s%s–%s%s: %d</title></rect>`,
			padL+float64(i)*w, chartH-padB-bh, max(w-1, 1), bh, sym, market.Thousands(bin.From), sym, market.Thousands(bin.To), bin.Count)
	}
	fmt.Fprintf(&b, `<text class="axis" x="%d" y="%d">%s%s</text>`, padL, chartH-8, sym, market.Thousands(h.Bins[0].From))
	fmt.Fprintf(&b, `<text class="axis end" x="%d" y="%d">%s%s</text>`, chartW-padR, chartH-8, sym, market.Thousands(h.Bins[len(h.Bins)-1].To))
	b.WriteString("</svg>")
	return template.HTML(b.String())
}

func xScale(n int) func(int) float64 {
	return func(i int) float64 { return padL + float64(i)/float64(n-1)*(chartW-padL-padR) }
}

// open starts an SVG with its accessible title and description.
func open(b *strings.Builder, title, desc string) {
	fmt.Fprintf(b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s"><title>%s</title><desc>%s</desc>`,
		chartW, chartH, html.EscapeString(title), html.EscapeString(title), html.EscapeString(desc))
}

// axes draws the frame, the top and bottom values and the first and last months.
func axes(b *strings.Builder, points []stats.TrendPoint, top, bottom string) {
	fmt.Fprintf(b, `<line class="frame" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padL, chartH-padB, chartW-padR, chartH-padB)
	fmt.Fprintf(b, `<text class="axis end" x="%d" y="%d">%s</text>`, padL-4, padT+8, html.EscapeString(top))
	fmt.Fprintf(b, `<text class="axis end" x="%d" y="%d">%s</text>`, padL-4, chartH-padB, html.EscapeString(bottom))
	fmt.Fprintf(b, `<text class="axis" x="%d" y="%d">%s</text>`, padL, chartH-8, points[0].Month)
	fmt.Fprintf(b, `<text class="axis end" x="%d" y="%d">%s</text>`, chartW-padR, chartH-8, points[len(points)-1].Month)
}

// sharesChart overlays several terms' monthly shares, one line each, on one scale; the lines are
// told apart by their style and named in a legend.
func sharesChart(series [][]stats.TrendPoint, names []string) template.HTML {
	n, peak := 0, 0.0
	for _, pts := range series {
		n = max(n, len(pts))
		for _, p := range pts {
			peak = max(peak, p.Share)
		}
	}
	if n < 2 || peak == 0 {
		return ""
	}
	x := xScale(n)
	y := func(v float64) float64 { return padT + (1-v/peak)*(chartH-padT-padB) }
	var b strings.Builder
	open(&b, "Demand compared", fmt.Sprintf("Monthly share of all ads citing %s.", strings.Join(names, ", ")))
	longest := series[0]
	for _, pts := range series {
		if len(pts) > len(longest) {
			longest = pts
		}
	}
	axes(&b, longest, fmt.Sprintf("%.1f%%", peak*100), "0%")
	for k, pts := range series {
		off := n - len(pts) // a shorter history ends at the same month
		var line []byte
		for i, p := range pts {
			line = appendPoint(line, x(i+off), y(p.Share))
		}
		polyline(&b, "line s"+strconv.Itoa(k%5), line)
		fmt.Fprintf(&b, `<text class="legend s%d" x="%d" y="%d">%s</text>`, k%5, padL+8, padT+12+14*k, html.EscapeString(names[k]))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String())
}
