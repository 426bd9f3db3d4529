package serve

import "html/template"

// termHTML writes the term page's content, the markup term.html used to hold. An uncached cut page
// is the server's most frequent costly answer, and its template's few dozen actions (each a
// reflective call through html/template's escapers) cost a third of computing it; written here,
// with every text escaped by tableWriter as the template would (and every query value by Encode),
// it costs a few microseconds. The markup is term.html's as it was.
func termHTML(tp *termPage) template.HTML {
	var w tableWriter
	w.b.Grow(len(tp.Summary) + len(tp.Share) + len(tp.Salary) + len(tp.Histogram) + len(tp.TopRows) +
		len(tp.ByCategory) + len(tp.LocationRows) + 8<<10) // the page's own markup: about 6 KB
	p := tp.P
	query := tp.Query.Encode()
	w.raw(`<h1>`)
	w.text(p.Term)
	w.raw(` <span class="kind">`)
	w.text(p.Category)
	w.raw("</span></h1>\n<p class=\"lede\">The ")
	w.text(string(p.Market))
	w.raw(" market, ")
	w.text(p.Country)
	w.raw(", as of ")
	w.text(p.AsOf)
	w.raw(", within ")
	if p.Baseline == "tech" {
		w.raw("all tech jobs")
	} else {
		w.raw("all jobs")
	}
	if tp.Cut != "" {
		w.raw("\n  — only the ads that are: <strong>")
		w.text(tp.Cut)
		w.raw("</strong> (shares, ranks and the baseline too)")
	}
	w.raw(".</p>\n\n")
	termForm(&w, tp)

	w.raw("\n<table class=\"summary\">\n  <caption>")
	w.text(p.Term)
	w.raw(": the latest 6 months beside the same period one and two years earlier.</caption>\n  <thead><tr><th scope=\"col\"></th>")
	for _, c := range tp.Periods {
		w.raw(`<th scope="col">`)
		w.text(c.Label)
		w.raw("</th>")
	}
	w.raw("</tr></thead>\n  <tbody>\n  ")
	w.raw(string(tp.Summary))
	w.raw("  </tbody>\n</table>\n\n<p>Salaries by ")
	for i, by := range [...]struct{ path, label string }{{"seniority", "level"}, {"work-mode", "work mode"}, {"location", "location"}} {
		if i > 0 {
			w.raw(" ·\n  ")
		}
		w.raw(`<a href="`)
		w.text(termURL(p.Term) + "/by/" + by.path + "?" + query)
		w.raw(`">`)
		w.raw(by.label)
		w.raw("</a>")
	}
	w.raw("</p>\n\n<section aria-labelledby=\"trend\">\n  <h2 id=\"trend\">Demand and pay over time</h2>\n  ")
	figure := func(chart template.HTML, before, text, after string) {
		if chart != "" {
			w.raw("<figure>" + string(chart) + "<figcaption>" + before)
			w.text(text)
			w.raw(after + "</figcaption></figure>")
		}
	}
	figure(tp.Share, "Share of the baseline's ads citing ", p.Term, ", month by month, over the last three years.")
	w.raw("\n  ")
	figure(tp.Salary, "10th to 90th percentile of the ", tp.Unit, ", over the 3 months to each month, with the median.")
	w.raw("\n  ")
	figure(tp.Histogram, "The latest period's ", tp.Unit, " figures.")
	w.raw("\n</section>\n\n")
	if len(tp.Top) > 0 {
		w.raw("<section aria-labelledby=\"co\">\n  <h2 id=\"co\">Cited with ")
		w.text(p.Term)
		w.raw("</h2>\n  <table><caption>Skills and titles of the latest period's ")
		w.text(count(tp.Periods[0].Term.Jobs))
		w.raw(" ads citing ")
		w.text(p.Term)
		w.raw(".</caption>\n  <thead><tr><th scope=\"col\">Term</th><th scope=\"col\">Category</th><th scope=\"col\">Jobs</th><th scope=\"col\">Share</th></tr></thead>\n  <tbody>")
		w.raw(string(tp.TopRows))
		w.raw("</tbody></table>\n  ")
		if len(p.Cooccurring.ByCategory) > 0 {
			w.raw("<h3>By category</h3>\n  <div class=\"bycat\">\n  ")
			w.raw(string(tp.ByCategory))
			w.raw("\n  </div>\n  ")
		}
		w.raw("\n</section>\n")
	}
	w.raw("\n")
	if len(p.Locations) > 0 {
		w.raw("<section aria-labelledby=\"loc\">\n  <h2 id=\"loc\">By location</h2>\n  <table><caption>The latest period, by location.</caption>\n" +
			"  <thead><tr><th scope=\"col\">Location</th><th scope=\"col\">Jobs</th><th scope=\"col\">Median</th><th scope=\"col\">Change</th><th scope=\"col\">Rank</th><th scope=\"col\">Live</th></tr></thead>\n  <tbody>")
		w.raw(string(tp.LocationRows))
		w.raw("</tbody></table>\n</section>\n")
	}
	api := "/api/v1" + termURL(p.Term) + "?" + query
	w.raw("<p class=\"data\">This page as data: <a href=\"")
	w.text(api)
	w.raw("\">JSON</a> ·\n  <a href=\"")
	w.text(api + "&format=csv")
	w.raw("\">CSV</a></p>\n")
	return w.html()
}

// termForm writes the form that narrows a term's figures, filled in with the page's own cut.
func termForm(w *tableWriter, tp *termPage) {
	q := tp.Query
	input := func(label, name, placeholder string) {
		w.raw("  <label>" + label + ` <input name="` + name + `" value="`)
		w.text(q.Get(name))
		w.raw(`" placeholder="`)
		w.text(placeholder)
		w.raw("\"></label>\n")
	}
	choose := func(label, name string, values []string) {
		w.raw("  <label>" + label + ` <select name="` + name + `"><option value="">any</option>`)
		cur := q.Get(name)
		for _, v := range values {
			w.raw("<option")
			if v == cur {
				w.raw(" selected")
			}
			w.raw(">")
			w.text(v)
			w.raw("</option>")
		}
		w.raw("</select></label>\n")
	}
	w.raw("<form class=\"filters\" method=\"get\" aria-label=\"Narrow the figures\">\n")
	input("Location", "location", "London")
	choose("Level", "seniority", tp.Levels)
	choose("Work mode", "work_mode", tp.Modes)
	input("Title", "title", "Backend Developer")
	input("Skill", "skill", "Go")
	w.raw("  <label>Market <select name=\"market\">\n")
	for i, m := range [...]string{"permanent", "contract"} {
		if i == 0 {
			w.raw("    ")
		} else {
			w.raw("\n    ")
		}
		w.raw(`<option value="` + m + `"`)
		if string(tp.P.Market) == m {
			w.raw(" selected")
		}
		w.raw(">" + m + "</option>")
	}
	w.raw("</select></label>\n  <button type=\"submit\">Narrow</button>\n</form>\n")
}
