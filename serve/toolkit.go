package serve

import (
	"encoding/xml"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"jobscope/market"
	"jobscope/stats"
	"jobscope/toolkit"
)

// costInputOf reads a cost question from the query parameters, defaults where one is absent.
func costInputOf(r *http.Request) (toolkit.CostInput, *toolkit.Rules, error) {
	in := toolkit.DefaultCostInput()
	p := paramsOf(r)
	num := func(name string, dst *float64) {
		v := p.str(name)
		if v == "" {
			return
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
		if err != nil {
			p.fail(name + " " + strconv.Quote(v) + ": want a number")
			return
		}
		*dst = f
	}
	num("salary", &in.Salary)
	num("overhead", &in.Overhead)
	num("fee", &in.Fee)
	num("ramp_days", &in.RampDays)
	num("ramp_productivity", &in.RampProductivity)
	num("days", &in.Days)
	num("day_rate", &in.DayRate)
	in.NoTaxes = p.boolean("no_taxes")
	in.Currency = strings.ToUpper(p.str("currency"))
	if in.Currency == "" {
		in.Currency = "GBP"
	}
	if p.err != nil {
		return in, nil, p.err
	}
	var rules *toolkit.Rules
	country, err := toolkit.CountryOf(in.Currency)
	if err == nil {
		rules, err = toolkit.DefaultRules(country)
	}
	if err != nil && !in.NoTaxes {
		return in, nil, &market.Error{Code: market.Invalid, Message: err.Error()}
	}
	return in, rules, nil
}

// apiCost answers GET /api/v1/cost: what a hire costs, line by line, each line traceable to an
// input or a rules line with its source.
func (s *Server) apiCost(w http.ResponseWriter, r *http.Request) error {
	in, rules, err := costInputOf(r)
	if err != nil {
		return err
	}
	c, err := toolkit.CostOf(in, rules)
	if err != nil {
		return &market.Error{Code: market.Invalid, Message: err.Error()}
	}
	writeJSON(w, http.StatusOK, c)
	return nil
}

// costPage is the cost form and, once a salary is given, its answer.
type costPage struct {
	Query url.Values
	In    toolkit.CostInput
	Cost  *toolkit.Cost
}

func (costPage) title() string { return "What a hire costs" }

func (pg *pages) cost(_ http.ResponseWriter, r *http.Request, _ *Server) (string, any, error) {
	in, rules, err := costInputOf(r)
	if err != nil {
		return "", nil, err
	}
	cp := costPage{Query: r.URL.Query(), In: in}
	if in.Salary != 0 {
		if cp.Cost, err = toolkit.CostOf(in, rules); err != nil {
			return "", nil, &market.Error{Code: market.Invalid, Message: err.Error()}
		}
	}
	return "cost", cp, nil
}

// benchmarkInputOf reads a benchmark question from the query parameters.
func benchmarkInputOf(r *http.Request) (toolkit.BenchmarkInput, error) {
	p := paramsOf(r)
	in := toolkit.BenchmarkInput{Title: p.str("title"), Seniority: p.str("seniority"), Location: p.str("location"),
		Skill: p.str("skill"), Country: p.str("country"), AsOf: p.str("as_of"), MinN: p.integer("min_salaries", 0, 0)}
	return in, p.err
}

// apiBenchmark answers GET /api/v1/benchmark: the salary and day-rate bands of a title, level,
// place and skill, the widenings made, and what moves them.
func (s *Server) apiBenchmark(w http.ResponseWriter, r *http.Request) error {
	in, err := benchmarkInputOf(r)
	if err != nil {
		return err
	}
	b, err := toolkit.Bench(s.svc, in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, b)
	return nil
}

// benchmarkPage is the benchmark's form and, once a title is given, its answer.
type benchmarkPage struct {
	Query  url.Values
	B      *toolkit.Benchmark
	Text   string
	Levels []string
}

func (benchmarkPage) title() string { return "Salary benchmark" }

func (pg *pages) benchmark(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	in, err := benchmarkInputOf(r)
	if err != nil {
		return "", nil, err
	}
	bp := benchmarkPage{Query: r.URL.Query(), Levels: stats.Seniorities}
	if in.Title != "" {
		if bp.B, err = toolkit.Bench(s.svc, in); err != nil {
			return "", nil, err
		}
	}
	return "benchmark", bp, nil
}

// briefInputOf reads a brief question from the query parameters.
func briefInputOf(r *http.Request) (toolkit.BriefInput, error) {
	p := paramsOf(r)
	in := toolkit.BriefInput{Title: p.str("title"), Seniority: p.str("seniority"), Location: p.str("location"),
		Country: p.str("country"), AsOf: p.str("as_of"), MinN: p.integer("min_salaries", 0, 0)}
	return in, p.err
}

// apiBrief answers GET /api/v1/brief: the brief for a job spec, as JSON or, with ?format=md, the
// Markdown to paste.
func (s *Server) apiBrief(w http.ResponseWriter, r *http.Request) error {
	in, err := briefInputOf(r)
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "md" {
		return &market.Error{Code: market.Invalid, Message: "format " + strconv.Quote(format) + ": want json or md"}
	}
	br, err := toolkit.MakeBrief(s.svc, in)
	if err != nil {
		return err
	}
	if format == "md" {
		var b strings.Builder
		if err := br.WriteMarkdown(&b); err != nil {
			return err
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Write([]byte(b.String()))
		return nil
	}
	writeJSON(w, http.StatusOK, br)
	return nil
}

// briefPage is the brief's form and, once a title is given, the brief laid out.
type briefPage struct {
	Query    url.Values
	Levels   []string
	Body     template.HTML
	Markdown string
}

func (briefPage) title() string { return "Job brief" }

func (pg *pages) brief(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	in, err := briefInputOf(r)
	if err != nil {
		return "", nil, err
	}
	bp := briefPage{Query: r.URL.Query(), Levels: stats.Seniorities}
	if in.Title != "" {
		br, err := toolkit.MakeBrief(s.svc, in)
		if err != nil {
			return "", nil, err
		}
		var b strings.Builder
		if err := br.WriteMarkdown(&b); err != nil {
			return "", nil, err
		}
		bp.Markdown = b.String()
		bp.Body = markdown(bp.Markdown)
	}
	return "brief", bp, nil
}

// reportInputOf reads a report question from the query parameters (and the path's {week}).
func reportInputOf(r *http.Request) (toolkit.ReportInput, error) {
	p := paramsOf(r)
	in := toolkit.ReportInput{Week: p.str("week"), Country: p.str("country"), MinJobs: p.integer("min_jobs", 0, 0)}
	if w := r.PathValue("week"); w != "" {
		in.Week = w
	}
	return in, p.err
}

// apiReport answers GET /api/v1/report: the weekly market report as JSON, Markdown (?format=md)
// or the e-mail's HTML (?format=html).
func (s *Server) apiReport(w http.ResponseWriter, r *http.Request) error {
	in, err := reportInputOf(r)
	if err != nil {
		return err
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "md" && format != "html" {
		return &market.Error{Code: market.Invalid, Message: "format " + strconv.Quote(format) + ": want json, md or html"}
	}
	rep, err := toolkit.MakeReport(s.svc, in)
	if err != nil {
		return err
	}
	var b strings.Builder
	switch format {
	case "md":
		if err := rep.WriteMarkdown(&b); err != nil {
			return err
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
	case "html":
		if err := rep.WriteHTML(&b); err != nil {
			return err
		}
		// The e-mail's styles are inline, as mail readers want; it runs no script and loads nothing.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	default:
		writeJSON(w, http.StatusOK, rep)
		return nil
	}
	w.Write([]byte(b.String()))
	return nil
}

// reportWeeks is how many past weeks the reports page and feed list.
const reportWeeks = 12

// reportsPage lists the past weeks' reports, or shows one.
type reportsPage struct {
	Weeks    []string
	Week     string
	Body     template.HTML
	Markdown string
}

func (p reportsPage) title() string {
	if p.Week != "" {
		return "The job market, week " + p.Week
	}
	return "Weekly reports"
}

func (pg *pages) reports(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	rp := reportsPage{Weeks: toolkit.Weeks(s.svc, reportWeeks)}
	if r.PathValue("week") != "" {
		in, err := reportInputOf(r)
		if err != nil {
			return "", nil, err
		}
		rep, err := toolkit.MakeReport(s.svc, in)
		if err != nil {
			return "", nil, err
		}
		var b strings.Builder
		if err := rep.WriteMarkdown(&b); err != nil {
			return "", nil, err
		}
		rp.Week, rp.Markdown = rep.Week, b.String()
		_, body, _ := strings.Cut(rp.Markdown, "\n") // the page's heading is its own
		rp.Body = markdown(body)
	}
	return "reports", rp, nil
}

// serveFeed answers GET /reports/feed.atom: the past weeks' reports as an Atom feed, each entry
// the report's address and its summary.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request) error {
	base := "http://" + r.Host
	if r.TLS != nil {
		base = "https://" + r.Host
	}
	type link struct {
		Href string `xml:"href,attr"`
		Rel  string `xml:"rel,attr,omitempty"`
	}
	type entry struct {
		Title   string `xml:"title"`
		ID      string `xml:"id"`
		Link    link   `xml:"link"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
	}
	type feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Title   string   `xml:"title"`
		ID      string   `xml:"id"`
		Link    []link   `xml:"link"`
		Updated string   `xml:"updated"`
		Author  struct {
			Name string `xml:"name"`
		} `xml:"author"`
		Entries []entry `xml:"entry"`
	}
	f := feed{Title: "jobscope: the job market, week by week", ID: base + "/reports",
		Link: []link{{Href: base + "/reports/feed.atom", Rel: "self"}, {Href: base + "/reports"}}}
	f.Author.Name = "jobscope"
	for _, week := range toolkit.Weeks(s.svc, reportWeeks) {
		rep, err := toolkit.MakeReport(s.svc, toolkit.ReportInput{Week: week})
		if err != nil {
			return err
		}
		updated := rep.To + "T23:59:59Z"
		if f.Updated == "" {
			f.Updated = updated
		}
		sum := fmt.Sprintf("%d ads posted, %d in the 4 weeks to %s.", rep.Jobs, rep.JobsRecent, rep.To)
		if len(rep.Risers) > 0 {
			sum += " Rising: " + rep.Risers[0].Skill + "."
		}
		f.Entries = append(f.Entries, entry{Title: "The job market, week " + week, ID: base + "/reports/" + week,
			Link: link{Href: base + "/reports/" + week}, Updated: updated, Summary: sum})
	}
	if f.Updated == "" {
		f.Updated = time.Now().UTC().Format(time.RFC3339)
	}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Write([]byte(xml.Header))
	w.Write(b)
	return nil
}
