package serve

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"jobscope"
	"jobscope/market"
	"jobscope/stats"
)

//go:embed templates/*.html static/*
var assets embed.FS

// pages renders the server's HTML: each page a template of templates/ inside layout.html, the
// figures formatted by the same functions as the command line's reports.
type pages struct {
	t map[string]*template.Template
}

var pageNames = []string{"home", "term", "by", "compare", "doc", "error", "search", "ad", "api", "cost", "benchmark", "brief", "reports"}

func newPages() (*pages, error) {
	funcs := template.FuncMap{
		"money":    market.Money,
		"percent":  market.Percent,
		"change":   market.Change,
		"count":    count,
		"inc":      func(i int) int { return i + 1 },
		"rank":     func(p *int) string { return intOr(p, "%d") },
		"rankDiff": func(p *int) string { return intOr(p, "%+d") },
		"termURL":  termURL,
		"ptr":      func(v float64) *float64 { return &v },
		"adURL":    adURL,
		"first":    func(n int, xs []stats.CoTerm) []stats.CoTerm { return xs[:min(n, len(xs))] },
		"pay":      payText,
		// query is a link's query string: typed as a URL, so that html/template keeps its = and &
		// (escaped as &amp; in an attribute) rather than escaping the whole as one value.
		"query": func(v url.Values) template.URL { return template.URL(v.Encode()) },
	}
	pg := &pages{t: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("serve: template %s: %w", name, err)
		}
		pg.t[name] = t
	}
	return pg, nil
}

func intOr(p *int, format string) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf(format, *p)
}

// termURL is the address of a term's page.
func termURL(name string) string { return "/terms/" + url.PathEscape(name) }

// routes adds the pages to mux.
func (pg *pages) routes(mux *http.ServeMux, s *Server) {
	static := http.FileServerFS(assets)
	mux.Handle("GET /static/", static)
	mux.Handle("GET /{$}", s.servePage(pg, pg.home))
	mux.Handle("GET /terms/{name}", s.servePage(pg, pg.term))
	mux.Handle("GET /terms/{name}/by/{dimension}", s.servePage(pg, pg.by))
	mux.Handle("GET /compare", s.servePage(pg, pg.compare))
	mux.Handle("GET /locations/{name}", s.servePage(pg, pg.location))
	mux.Handle("GET /search", s.servePage(pg, pg.search))
	mux.Handle("GET /api", s.servePage(pg, pg.apiDocs))
	mux.Handle("GET /toolkit/cost", s.servePage(pg, pg.cost))
	mux.Handle("GET /toolkit/benchmark", s.servePage(pg, pg.benchmark))
	mux.Handle("GET /toolkit/brief", s.servePage(pg, pg.brief))
	mux.Handle("GET /reports", s.servePage(pg, pg.reports))
	mux.Handle("GET /reports/{week}", s.servePage(pg, pg.reports))
	mux.Handle("GET /reports/feed.atom", s.serveAPI(s.serveFeed))
	mux.Handle("GET /ads/{source}/{id...}", s.servePage(pg, pg.ad))
	mux.Handle("GET /methodology", s.servePage(pg, pg.doc))
	mux.Handle("GET /methodology/{doc}", s.servePage(pg, pg.doc))
	mux.Handle("GET /about", s.servePage(pg, pg.about))
	mux.Handle("GET /", s.servePage(pg, func(http.ResponseWriter, *http.Request, *Server) (string, any, error) {
		return "", nil, errNotFound
	}))
}

// pageHandler returns the template to render and its data, or an error for the error page.
type pageHandler func(w http.ResponseWriter, r *http.Request, s *Server) (string, any, error)

// render writes page name with its layout to buf. A page whose content is written in Go (a
// prerendered page, the term page) is put between the layout's top and bottom as it is: through
// the template it would be copied twice more, by fmt, for 25 KB a term page.
func (pg *pages) render(buf *bytes.Buffer, name string, ld layoutData) error {
	t := pg.t[name]
	p, ok := ld.Page.(prerendered)
	if !ok {
		return t.Execute(buf, ld)
	}
	if err := t.ExecuteTemplate(buf, "top", ld); err != nil {
		return err
	}
	buf.WriteString("\n") // as content's template writes before it
	buf.WriteString(string(p.content()))
	return t.ExecuteTemplate(buf, "bottom", ld)
}

// prerendered is a page whose content is written in Go, not by its template.
type prerendered interface{ content() template.HTML }

// layoutData is what every page's layout reads.
type layoutData struct {
	Title string
	Page  any
}

// servePage adapts h: its data rendered in its template, or its error as the error page with the
// status its code maps to and "did you mean" links.
func (s *Server) servePage(pg *pages, h pageHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, data, err := h(w, r, s)
		status := http.StatusOK
		title := ""
		if err != nil {
			var code market.Code
			status, code = statusOf(err)
			msg := err.Error()
			if status == http.StatusInternalServerError {
				s.log.Error("page failed", "path", r.URL.Path, "err", err)
				msg = "Something went wrong on our side."
			}
			name, title = "error", http.StatusText(status)
			data = errorPage{Status: status, Code: string(code), Message: msg, Suggestions: market.SuggestionsOf(err)}
		} else if t, ok := data.(interface{ title() string }); ok {
			title = t.title()
		}
		buf := renderBuffers.Get().(*bytes.Buffer)
		defer func() {
			buf.Reset()
			renderBuffers.Put(buf)
		}()
		if err := pg.render(buf, name, layoutData{Title: title, Page: data}); err != nil {
			s.log.Error("render", "page", name, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		w.Write(buf.Bytes())
	})
}

type errorPage struct {
	Status      int
	Code        string
	Message     string
	Suggestions []string
}

// homePage is the market index with its filters.
type homePage struct {
	Index      *stats.Index
	Total      int
	Query      url.Values
	Kinds      []string
	Categories []string
	Locations  []string
	Search     string
}

func (homePage) title() string { return "The job market, from the ads" }

func (pg *pages) home(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	q, limit, err := s.indexQueryOf(r)
	if err != nil {
		return "", nil, err
	}
	idx, err := s.svc.Index(q)
	if err != nil {
		return "", nil, err
	}
	search := strings.TrimSpace(r.URL.Query().Get("q"))
	if search != "" {
		k := market.Key(search)
		kept := idx.Terms[:0]
		for _, t := range idx.Terms {
			if strings.Contains(market.Key(t.Term), k) {
				kept = append(kept, t)
			}
		}
		idx.Terms = kept
	}
	total := len(idx.Terms)
	if limit == 100 && r.URL.Query().Get("limit") == "" {
		limit = 50
	}
	if limit > 0 && len(idx.Terms) > limit {
		idx.Terms = idx.Terms[:limit]
	}
	cats := []string{}
	for _, t := range s.svc.Terms() {
		if t.Kind == idx.Kind && !slices.Contains(cats, t.Category) {
			cats = append(cats, t.Category)
		}
	}
	return "home", homePage{Index: idx, Total: total, Query: r.URL.Query(), Search: search,
		Kinds:      []string{string(jobscope.KindSkill), string(jobscope.KindTitle), string(jobscope.KindLocation)},
		Categories: sorted(cats), Locations: s.svc.Engine().Locations(q.Scope)}, nil
}

// termPage is every figure of a term's page, ready to lay out.
type termPage struct {
	P         *stats.Page
	Cut       string // the cut in words, "" for none
	Unit      string
	Share     template.HTML
	Salary    template.HTML
	Histogram template.HTML
	Periods   []periodColumn
	Query     url.Values
	Levels    []string
	Modes     []string
	Top       []stats.CoTerm
	// The long tables' rows, written in Go (see tables.go).
	Summary, TopRows, ByCategory, LocationRows template.HTML
	// HTML is the whole content, written in Go too (see termHTML).
	HTML template.HTML
}

func (t termPage) title() string { return t.P.Term + ": jobs, salaries and skills" }

func (t termPage) content() template.HTML { return t.HTML }

// periodColumn is one period's column of the summary table: the term's figures and the baseline's.
type periodColumn struct {
	Label string
	Term  stats.TermFigures
	All   stats.Figures
	Title int // the baseline's ads with a recognised title
}

func (pg *pages) term(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	q, err := s.termQueryOf(r)
	if err != nil {
		return "", nil, err
	}
	p, err := s.svc.CutPage(q.term, q.scope, q.asOf, q.minSal, q.cut)
	if err != nil {
		return "", nil, err
	}
	unit := "salary"
	if p.Market == stats.MarketContract {
		unit = "day rate"
	}
	tp := termPage{P: p, Unit: unit, Query: r.URL.Query(), Levels: stats.Seniorities, Modes: stats.WorkModes,
		Share:     shareChart(recent(p.Trend), p.Term),
		Salary:    salaryChart(recent(p.Trend), p.Term, p.Currency),
		Histogram: histogramChart(p.Histogram, p.Term, p.Currency)}
	if p.Cut != nil {
		tp.Cut = cutWords(p.Cut)
	}
	labels := [3]string{"6 months to " + p.Periods[0].To, "Same period a year ago", "Two years ago"}
	for i := range p.Periods {
		tp.Periods = append(tp.Periods, periodColumn{Label: labels[i], Term: p.Periods[i], All: p.All[i], Title: p.WithTitle[i]})
	}
	tp.Top = p.Cooccurring.Top[:min(20, len(p.Cooccurring.Top))]
	tp.Summary = summaryRows(p, tp.Periods, unit)
	tp.TopRows = coRows(tp.Top)
	tp.ByCategory = categoryTables(p.Cooccurring.ByCategory, 8)
	tp.LocationRows = locationRows(p)
	tp.HTML = termHTML(&tp)
	return "term", tp, nil
}

// chartMonths is how many months the charts show: three years, as the periods compare.
const chartMonths = 36

// recent is the last chartMonths months of a trend.
func recent(t []stats.TrendPoint) []stats.TrendPoint { return t[max(0, len(t)-chartMonths):] }

// byPage is a term's salary table by level, work mode or location.
type byPage struct {
	T        *market.ByTable
	Cut      string
	Currency string
	IR35     bool // some row splits its contracts by IR35
	Query    url.Values
}

func (b byPage) title() string { return b.T.Term + " by " + b.T.By }

func (pg *pages) by(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	q, err := s.termQueryOf(r)
	if err != nil {
		return "", nil, err
	}
	t, err := s.svc.By(q.term, q.scope, q.asOf, q.minSal, q.cut, r.PathValue("dimension"))
	if err != nil {
		return "", nil, err
	}
	bp := byPage{T: t, Currency: stats.CurrencyOf(t.Country), Query: r.URL.Query()}
	if t.Cut != nil {
		bp.Cut = cutWords(t.Cut)
	}
	for _, row := range t.Rows {
		bp.IR35 = bp.IR35 || row.InsideIR35 != nil || row.OutsideIR35 != nil
	}
	return "by", bp, nil
}

// comparePage is several terms side by side, their demand overlaid on one chart.
type comparePage struct {
	Pages  []*stats.Page
	Unit   string
	Chart  template.HTML
	Names  []string
	Market stats.Market
	Fields []string // the form's terms, one a field, "" for an empty one
	Keep   []param  // the question's other parameters, which the form sends again
}

// param is one parameter of an address.
type param struct{ Name, Value string }

// scopeParams are the parameters of a question's scope that a form about its terms keeps.
var scopeParams = []string{"market", "country", "as_of", "baseline", "min_salaries"}

// keptParams returns r's scope parameters that are set, for a form to send again.
func keptParams(r *http.Request) []param {
	var out []param
	for _, n := range scopeParams {
		if v := r.URL.Query().Get(n); v != "" {
			out = append(out, param{n, v})
		}
	}
	return out
}

func (c comparePage) title() string {
	if len(c.Names) == 0 {
		return "Compare terms"
	}
	return strings.Join(c.Names, " vs ")
}

// compareFields are the compare form's maxCompare fields, the first holding names.
func compareFields(names []string) []string {
	out := make([]string, maxCompare)
	copy(out, names)
	return out
}

func (pg *pages) compare(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	p := paramsOf(r)
	in := p.scope()
	minSal := p.integer("min_salaries", market.DefaultMinSalaries, 0)
	if p.err != nil {
		return "", nil, p.err
	}
	var names []string
	for _, n := range r.URL.Query()["term"] {
		if n = strings.TrimSpace(n); n != "" {
			names = append(names, n)
		}
	}
	if len(names) > maxCompare {
		return "", nil, &market.Error{Code: market.Invalid, Message: fmt.Sprintf("compare: name 2 to %d terms", maxCompare)}
	}
	if len(names) < 2 {
		// Nothing to compare yet: the form alone, with what was named in it.
		return "compare", comparePage{Fields: compareFields(names), Keep: keptParams(r)}, nil
	}
	scope, asOf, err := s.svc.Scope(in)
	if err != nil {
		return "", nil, err
	}
	var terms []jobscope.Term
	for _, n := range names {
		t, err := s.svc.Resolve(n, "")
		if err != nil {
			return "", nil, err
		}
		terms = append(terms, t)
	}
	pages, err := s.svc.Compare(terms, s.svc.BaselineForAll(terms, in.Baseline, scope), asOf, minSal)
	if err != nil {
		return "", nil, err
	}
	cp := comparePage{Pages: pages, Unit: "salary", Market: scope.Market, Fields: compareFields(names), Keep: keptParams(r)}
	if scope.Market == stats.MarketContract {
		cp.Unit = "day rate"
	}
	var series [][]stats.TrendPoint
	for _, pg := range pages {
		cp.Names = append(cp.Names, pg.Term)
		series = append(series, recent(pg.Trend))
	}
	cp.Chart = sharesChart(series, cp.Names)
	return "compare", cp, nil
}

// location is a place's own index page: the skills ranked within it, as the home page is for the
// whole market.
func (pg *pages) location(w http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	scope, _, err := s.svc.Scope(paramsOf(r).scope())
	if err != nil {
		return "", nil, err
	}
	// A place no ad names is not found (with the likeliest names), not a bad question.
	if _, err := s.svc.Cut(market.CutInput{Location: r.PathValue("name")}, scope); err != nil {
		return "", nil, err
	}
	q := r.URL.Query()
	q.Set("location", r.PathValue("name"))
	r2 := r.Clone(r.Context())
	r2.URL.RawQuery = q.Encode()
	return pg.home(w, r2, s)
}

// docPage is one of the project's docs, or the NOTICE, as a page.
type docPage struct {
	Heading string
	Body    template.HTML
	Pre     string
	Others  []docRef
}

type docRef struct{ Slug, Title string }

func (d docPage) title() string { return d.Heading }

// methodologyDocs are the docs the methodology pages show, by their slug.
var methodologyDocs = []docRef{{"figures", "How each figure is made"}, {"extraction", "What is read from an ad"},
	{"input", "The ads jobscope reads"}, {"toolkit", "The hiring toolkit"}, {"scale", "Running at scale"}}

// doc serves /methodology (the figures' definitions) and /methodology/{doc}: the project's docs/,
// the same text the repository carries.
func (pg *pages) doc(_ http.ResponseWriter, r *http.Request, _ *Server) (string, any, error) {
	slug := r.PathValue("doc")
	if slug == "" {
		slug = "figures"
	}
	var ref docRef
	for _, d := range methodologyDocs {
		if d.Slug == slug {
			ref = d
		}
	}
	if ref.Slug == "" {
		return "", nil, errNotFound
	}
	b, err := fs.ReadFile(jobscope.Docs, "docs/"+slug+".md")
	if err != nil {
		return "", nil, fmt.Errorf("serve: doc %s: %w", slug, err)
	}
	text := string(b)
	if strings.HasPrefix(text, "# ") { // the doc's own title becomes the page's heading
		_, text, _ = strings.Cut(text, "\n")
	}
	var others []docRef
	for _, d := range methodologyDocs {
		if d.Slug != slug {
			others = append(others, d)
		}
	}
	return "doc", docPage{Heading: ref.Title, Body: markdown(text), Others: others}, nil
}

// about serves the sources and licences of the data jobscope embeds: its NOTICE, as written.
func (pg *pages) about(http.ResponseWriter, *http.Request, *Server) (string, any, error) {
	b, err := fs.ReadFile(jobscope.Docs, "NOTICE")
	if err != nil {
		return "", nil, fmt.Errorf("serve: notice: %w", err)
	}
	return "doc", docPage{Heading: "Sources and licences", Pre: string(b), Others: methodologyDocs}, nil
}

// cutWords lists a cut's values.
func cutWords(c *stats.Cut) string {
	var out []string
	for _, v := range []string{c.Seniority, c.WorkMode, c.Title, c.Skill, c.Location, c.Company} {
		if v != "" {
			out = append(out, v)
		}
	}
	if c.IR35 != "" {
		out = append(out, c.IR35+" IR35")
	}
	return strings.Join(out, ", ")
}

func sorted(xs []string) []string {
	slices.Sort(xs)
	return xs
}

// indexColumns are the index's columns: the sort each heading asks for, and its label.
var indexColumns = []struct{ Col, Label string }{{"rank", "Rank"}, {"rank_change", "Change"}, {"term", "Term"},
	{"category", "Category"}, {"jobs", "Jobs"}, {"jobs_year_ago", "A year ago"}, {"share", "Share"},
	{"salaries_quoted", "Salaries"}, {"median", "Median"}, {"median_change", "Change"}}

// Columns lists the index's columns.
func (homePage) Columns() []struct{ Col, Label string } { return indexColumns }

// sortLink is a column heading of the index: the address that sorts by it (again: the other way)
// and, for the column sorted by, the order for screen readers.
type sortLink struct {
	Label, URL, Aria string
}

// Sort returns the heading of the index's column col.
func (h homePage) Sort(col, label string) sortLink {
	cur := h.Query.Get("sort")
	if cur == "" {
		cur = "rank"
	}
	q := cloneValues(h.Query)
	q.Set("sort", col)
	reversed := h.Query.Get("reverse") == "true" || h.Query.Get("reverse") == "1"
	l := sortLink{Label: label}
	q.Del("reverse")
	if cur == col {
		l.Aria = "ascending"
		if reversed {
			l.Aria = "descending"
		} else {
			q.Set("reverse", "true")
		}
	}
	l.URL = "/?" + q.Encode()
	return l
}
