package serve

import (
	_ "embed"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"jobscope"
	"jobscope/market"
	"jobscope/stats"
)

// routes is the server's mux: the API under /api/v1, the health and metrics endpoints, the pages.
func (s *Server) routes(pg *pages) http.Handler {
	mux := http.NewServeMux()
	api := func(pattern string, h http.Handler) {
		mux.Handle(pattern, h)
		s.apiRoutes = append(s.apiRoutes, pattern)
	}
	api("GET /healthz", s.serveAPI(s.healthz))
	api("GET /metrics", http.HandlerFunc(s.serveMetrics))
	api("GET /api/v1/openapi.json", http.HandlerFunc(serveOpenAPI))
	api("GET /api/v1/index", s.serveAPI(s.apiIndex))
	api("GET /api/v1/terms/{name}", s.serveAPI(s.apiTerm))
	api("GET /api/v1/terms/{name}/by/{dimension}", s.serveAPI(s.apiBy))
	api("GET /api/v1/compare", s.serveAPI(s.apiCompare))
	api("GET /api/v1/search", s.serveAPI(s.apiSearch))
	api("GET /api/v1/ads/{source}/{id...}", s.serveAPI(s.apiAd))
	api("GET /api/v1/locations", s.serveAPI(s.apiLocations))
	api("GET /api/v1/taxonomy", s.serveAPI(s.apiTaxonomy))
	api("GET /api/v1/cost", s.serveAPI(s.apiCost))
	api("GET /api/v1/benchmark", s.serveAPI(s.apiBenchmark))
	api("GET /api/v1/brief", s.serveAPI(s.apiBrief))
	api("GET /api/v1/report", s.serveAPI(s.apiReport))
	api("POST /api/v1/ads", s.serveAPI(s.apiPostAds))
	mux.Handle("GET /api/v1/", s.serveAPI(func(http.ResponseWriter, *http.Request) error { return errNotFound }))
	pg.routes(mux, s)
	var h http.Handler = s.conditional(mux)
	if s.private {
		h = s.requireKey(h)
	}
	if s.limiter != nil {
		h = s.rateLimit(h)
	}
	return s.recoverer(s.observe(securityHeaders(h)))
}

//go:embed openapi.json
var openAPI []byte

// serveOpenAPI serves the API's OpenAPI 3.1 document.
func serveOpenAPI(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

// APIRoutes are the patterns of the API's routes ("GET /api/v1/terms/{name}"), each of which the
// OpenAPI document describes.
func (s *Server) APIRoutes() []string { return slices.Clone(s.apiRoutes) }

// health is what /healthz answers.
type health struct {
	Status      string    `json:"status"`
	Ads         int       `json:"ads"`
	LastPosted  string    `json:"last_posted,omitempty"`
	LastRefresh time.Time `json:"last_refresh"`
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) error {
	en := s.svc.Engine()
	h := health{Status: "ok", Ads: en.Len(), LastRefresh: time.Unix(s.lastRefresh.Load(), 0).UTC()}
	if d := en.LastPosted(); !d.IsZero() {
		h.LastPosted = d.Format(time.DateOnly)
	}
	writeJSON(w, http.StatusOK, h)
	return nil
}

// termQuery is what a term's page is asked with: the term resolved, the scope with its baseline,
// the cut, the as-of date and the smallest sample shown.
type termQuery struct {
	csv    bool // the answer is wanted as CSV (see wantsCSV)
	term   jobscope.Term
	scope  stats.Scope
	asOf   time.Time
	cut    stats.Cut
	minSal int
}

// termQueryOf reads a term question from the path's {name} and the query parameters.
func (s *Server) termQueryOf(r *http.Request) (*termQuery, error) {
	csv, err := wantsCSV(r)
	if err != nil {
		return nil, err
	}
	p := paramsOf(r)
	in := p.scope()
	minSal := p.integer("min_salaries", market.DefaultMinSalaries, 0)
	cutIn := p.cut()
	kind := jobscope.TermKind(p.str("kind"))
	if p.err != nil {
		return nil, p.err
	}
	scope, asOf, err := s.svc.Scope(in)
	if err != nil {
		return nil, err
	}
	term, err := s.svc.Resolve(r.PathValue("name"), kind)
	if err != nil {
		return nil, err
	}
	scope = s.svc.BaselineFor(term, in.Baseline, scope)
	cut, err := s.svc.Cut(cutIn, scope)
	if err != nil {
		return nil, err
	}
	return &termQuery{csv: csv, term: term, scope: scope, asOf: asOf, cut: cut, minSal: minSal}, nil
}

// apiTerm answers GET /api/v1/terms/{name}: every figure of the term's page, within the cut the
// parameters give; with CSV, the table ?table= names (periods by default).
func (s *Server) apiTerm(w http.ResponseWriter, r *http.Request) error {
	q, err := s.termQueryOf(r)
	if err != nil {
		return err
	}
	p, err := s.svc.CutPage(q.term, q.scope, q.asOf, q.minSal, q.cut)
	if err != nil {
		return err
	}
	if q.csv {
		table := r.URL.Query().Get("table")
		if table == "" {
			table = "periods"
		}
		rows, err := market.PageTable(p, table)
		if err != nil {
			return err
		}
		return writeCSV(w, fileName(p.Term, table), rows)
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}

// apiBy answers GET /api/v1/terms/{name}/by/{dimension}: the latest period's salary table by
// seniority, work-mode or location.
func (s *Server) apiBy(w http.ResponseWriter, r *http.Request) error {
	q, err := s.termQueryOf(r)
	if err != nil {
		return err
	}
	t, err := s.svc.By(q.term, q.scope, q.asOf, q.minSal, q.cut, r.PathValue("dimension"))
	if err != nil {
		return err
	}
	if q.csv {
		return writeCSV(w, fileName(t.Term, "by-"+t.By), t.Table())
	}
	writeJSON(w, http.StatusOK, t)
	return nil
}

// indexQueryOf reads an index question from the query parameters.
func (s *Server) indexQueryOf(r *http.Request) (stats.IndexQuery, int, error) {
	p := paramsOf(r)
	in := p.scope()
	q := stats.IndexQuery{Kind: jobscope.TermKind(p.str("kind")), Category: p.str("category"),
		Location: p.str("location"), Sort: p.str("sort"), Reverse: p.boolean("reverse"),
		MinSalaries: p.integer("min_salaries", market.DefaultMinSalaries, 0), MinJobs: p.integer("min_jobs", 0, 0)}
	limit := p.integer("limit", 100, 0)
	cutIn := p.cut()
	cutIn.Location = "" // the index's location is its own parameter, a group or a place
	if p.err != nil {
		return q, 0, p.err
	}
	if q.Sort != "" && !slices.Contains(stats.IndexSorts, q.Sort) {
		return q, 0, &market.Error{Code: market.Invalid,
			Message: fmt.Sprintf("sort %q: want one of %s", q.Sort, strings.Join(stats.IndexSorts, ", "))}
	}
	scope, asOf, err := s.svc.Scope(in)
	if err != nil {
		return q, 0, err
	}
	q.Scope, q.AsOf = scope, asOf
	if q.Cut, err = s.svc.Cut(cutIn, scope); err != nil {
		return q, 0, err
	}
	return q, limit, nil
}

// apiIndex answers GET /api/v1/index: every term of a kind ranked, like IT Jobs Watch's tables.
// limit (default 100, 0 for all) bounds the rows; total says how many there are.
func (s *Server) apiIndex(w http.ResponseWriter, r *http.Request) error {
	csv, err := wantsCSV(r)
	if err != nil {
		return err
	}
	q, limit, err := s.indexQueryOf(r)
	if err != nil {
		return err
	}
	idx, err := s.svc.Index(q)
	if err != nil {
		return err
	}
	total := len(idx.Terms)
	if limit > 0 && len(idx.Terms) > limit {
		idx.Terms = idx.Terms[:limit]
	}
	if csv {
		return writeCSV(w, fileName("index", string(idx.Kind)), market.IndexTable(idx))
	}
	writeJSON(w, http.StatusOK, struct {
		*stats.Index
		Total int `json:"total"`
	}{idx, total})
	return nil
}

// maxCompare is the most terms a comparison takes.
const maxCompare = 5

// apiCompare answers GET /api/v1/compare?term=A&term=B...: the terms' pages side by side, one
// population and scope for all.
func (s *Server) apiCompare(w http.ResponseWriter, r *http.Request) error {
	csv, err := wantsCSV(r)
	if err != nil {
		return err
	}
	p := paramsOf(r)
	in := p.scope()
	minSal := p.integer("min_salaries", market.DefaultMinSalaries, 0)
	if p.err != nil {
		return p.err
	}
	names := r.URL.Query()["term"]
	if len(names) < 2 || len(names) > maxCompare {
		return &market.Error{Code: market.Invalid, Message: fmt.Sprintf("compare: name 2 to %d terms as term=NAME&term=NAME", maxCompare)}
	}
	scope, asOf, err := s.svc.Scope(in)
	if err != nil {
		return err
	}
	var terms []jobscope.Term
	for _, n := range names {
		t, err := s.svc.Resolve(n, "")
		if err != nil {
			return err
		}
		terms = append(terms, t)
	}
	pages, err := s.svc.Compare(terms, s.svc.BaselineForAll(terms, in.Baseline, scope), asOf, minSal)
	if err != nil {
		return err
	}
	if csv {
		return writeCSV(w, "compare", market.CompareTable(pages))
	}
	writeJSON(w, http.StatusOK, pages)
	return nil
}

// fileName makes a download's name from a term and a table: "backend-developer-periods".
func fileName(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		for _, r := range strings.ToLower(p) {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteRune(r)
			case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
				b.WriteByte('-')
			}
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
