package serve_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"jobscope"
	"jobscope/apikey"
	"jobscope/gen"
	"jobscope/internal/testads"
	"jobscope/internal/testdb"
	"jobscope/market"
	"jobscope/serve"
	"jobscope/stats"
)

// genFile writes n generated ads (seed) to a JSON Lines file and returns its path.
func genFile(t *testing.T, n int, seed int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ads.jsonl")
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Ads: n, Seed: seed, Years: 3}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// ingestGenerated ingests n generated ads (seed) into the store at db, through a store handle of
// its own, as another process would.
func ingestGenerated(t *testing.T, db string, n int, seed int64) {
	t.Helper()
	testads.Ingest(t, db, genFile(t, n, seed))
}

// start runs a server of svc on a free port, catching up every refresh, and returns its address
// and a stop that ends it and returns what Run did.
func start(t *testing.T, svc *market.Service, refresh time.Duration) (string, func() error) {
	t.Helper()
	srv, err := serve.New(serve.Config{Service: svc, Refresh: refresh})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			return errors.New("Run did not return after its context ended")
		}
	}
}

// fixture is a server over a real SQLite store of generated ads.
type fixture struct {
	db  string
	svc *market.Service
	srv *serve.Server
	ts  *httptest.Server
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	db := filepath.Join(t.TempDir(), "serve.db")
	ingestGenerated(t, db, 3000, 5)
	svc, err := market.Open(context.Background(), market.Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	srv, err := serve.New(serve.Config{Service: svc, Refresh: -1})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &fixture{db: db, svc: svc, srv: srv, ts: ts}
}

// get fetches path with the header pairs given, returning the status, the headers and the body.
func (f *fixture) get(t *testing.T, path string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, f.ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := f.ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

func TestAPI(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, path string
		header     []string
		status     int
		ctype      string
		says       []string
	}{
		{"health", "/healthz", nil, 200, "application/json", []string{`"status": "ok"`}},
		{"term by alias", "/api/v1/terms/k8s", nil, 200, "application/json", []string{`"term": "Kubernetes"`, `"baseline": "tech"`}},
		{"term cut", "/api/v1/terms/Python?seniority=Senior&location=london&baseline=all", nil, 200, "application/json",
			[]string{`"seniority": "senior"`, `"location": "London"`, `"baseline": "all"`}},
		{"unknown term", "/api/v1/terms/Pyhton", nil, 404, "application/json", []string{`"code": "not_found"`, `"Python"`}},
		{"bad market", "/api/v1/terms/Python?market=temp", nil, 400, "application/json", []string{`"code": "invalid"`, "permanent or contract"}},
		{"bad number", "/api/v1/terms/Python?min_salaries=many", nil, 400, "application/json", []string{"min_salaries"}},
		{"bad level", "/api/v1/terms/Python?seniority=wizard", nil, 400, "application/json", []string{"intern, graduate"}},
		{"bad format", "/api/v1/terms/Python?format=xml", nil, 400, "application/json", []string{"json or csv"}},
		{"csv by parameter", "/api/v1/terms/Python?format=csv", nil, 200, "text/csv", []string{"set,period,from,to,jobs"}},
		{"csv by Accept", "/api/v1/terms/Python?table=trend", []string{"Accept", "text/csv"}, 200, "text/csv", []string{"month,jobs,share"}},
		{"bad table", "/api/v1/terms/Python?format=csv&table=colours", nil, 400, "application/json", []string{"periods, locations"}},
		{"by level", "/api/v1/terms/Backend%20Developer/by/seniority", nil, 200, "application/json", []string{`"by": "seniority"`, `"value": "senior"`}},
		{"bad breakdown", "/api/v1/terms/Backend%20Developer/by/colour", nil, 400, "application/json", []string{"seniority, work-mode, location"}},
		{"index", "/api/v1/index?kind=title&limit=3", nil, 200, "application/json", []string{`"kind": "title"`, `"total"`}},
		{"index of a place", "/api/v1/index?location=Manchester", nil, 200, "application/json", []string{`"location": "Manchester"`}},
		{"index csv", "/api/v1/index?format=csv", nil, 200, "text/csv", []string{"rank,rank_change,term"}},
		{"bad sort", "/api/v1/index?sort=colour", nil, 400, "application/json", []string{"rank, term"}},
		{"compare", "/api/v1/compare?term=Go&term=python", nil, 200, "application/json", []string{`"term": "Go"`, `"term": "Python"`}},
		{"compare one", "/api/v1/compare?term=Go", nil, 400, "application/json", []string{"2 to 5 terms"}},
		{"unknown route", "/api/v1/colours", nil, 404, "application/json", []string{`"code": "not_found"`}},
		{"search", "/api/v1/search?q=python&limit=2", nil, 200, "application/json", []string{`"words": [`, `"python"`, `"hits": [`, `"next": "`}},
		{"search filters", "/api/v1/search?skill=k8s&market=Contract&work_mode=remote&since=2020-01-01", nil, 200, "application/json",
			[]string{`"skill": "Kubernetes"`, `"market": "contract"`, `"work_mode": "remote"`}},
		{"search pay", "/api/v1/search?min_pay=40k&max_pay=90000", nil, 200, "application/json", []string{`"pay": "year"`, `"min_pay": 40000`}},
		{"search csv", "/api/v1/search?q=python&format=csv", nil, 200, "text/csv", []string{"source,id,posted,title"}},
		{"search bad pay", "/api/v1/search?min_pay=lots", nil, 400, "application/json", []string{"min_pay", "45k"}},
		{"search bad limit", "/api/v1/search?limit=0", nil, 400, "application/json", []string{"limit"}},
		{"search bad cursor", "/api/v1/search?cursor=xyz", nil, 400, "application/json", []string{"cursor"}},
		{"search unknown skill", "/api/v1/search?skill=Pyhton", nil, 404, "application/json", []string{`"Python"`}},
		{"unknown ad", "/api/v1/ads/gen/no-such-ad", nil, 404, "application/json", []string{`"code": "not_found"`, "gen/no-such-ad"}},
		{"locations", "/api/v1/locations?kind=region", nil, 200, "application/json", []string{`"kind": "region"`, `"name": "London"`}},
		{"locations csv", "/api/v1/locations?format=csv", nil, 200, "text/csv", []string{"name,kind,country,nation,region,county,ads"}},
		{"taxonomy", "/api/v1/taxonomy?kind=skill&category=programming%20languages", nil, 200, "application/json",
			[]string{`"name": "Python"`, `"kind": "skill"`}},
		{"cost", "/api/v1/cost?salary=110000&currency=USD&overhead=0.2&fee=0&ramp_days=0&no_taxes=true", nil, 200, "application/json",
			[]string{`"first_year": 132000`, `"run_rate": 132000`}},
		{"cost with taxes", "/api/v1/cost?salary=60000", nil, 200, "application/json", []string{`"Employer National Insurance`, `"amount": 8250`, "GB.tsv line"}},
		{"benchmark", "/api/v1/benchmark?title=backend%20developer&seniority=senior", nil, 200, "application/json",
			[]string{`"title": "Backend Developer"`, `"permanent": {`, `"contract": {`, `"widened": [`, `"levels": [`}},
		{"benchmark no title", "/api/v1/benchmark", nil, 400, "application/json", []string{"job title"}},
		{"benchmark unknown title", "/api/v1/benchmark?title=Astronaut%20Chef", nil, 404, "application/json", []string{"not_found"}},
		{"brief", "/api/v1/brief?title=backend%20developer", nil, 200, "application/json", []string{`"must_have": [`, `"time_to_fill": {`, `"live_ads"`}},
		{"brief markdown", "/api/v1/brief?title=backend%20developer&format=md", nil, 200, "text/markdown", []string{"# Backend Developer", "## Must have"}},
		{"brief bad format", "/api/v1/brief?title=backend%20developer&format=pdf", nil, 400, "application/json", []string{"json or md"}},
		{"report", "/api/v1/report", nil, 200, "application/json", []string{`"week": "20`, `"risers": [`, `"titles": [`}},
		{"report e-mail", "/api/v1/report?format=html", nil, 200, "text/html", []string{`<table role="presentation"`, `style="`}},
		{"report markdown", "/api/v1/report?format=md", nil, 200, "text/markdown", []string{"# The job market, week", "## Risers"}},
		{"report bad week", "/api/v1/report?week=2026-W99", nil, 400, "application/json", []string{"no week 99"}},
		{"cost bad salary", "/api/v1/cost?salary=lots", nil, 400, "application/json", []string{"salary"}},
		{"cost no salary", "/api/v1/cost", nil, 400, "application/json", []string{"salary"}},
		{"cost bad currency", "/api/v1/cost?salary=1&currency=EUR", nil, 400, "application/json", []string{"GBP"}},
		{"taxonomy bad kind", "/api/v1/taxonomy?kind=colour", nil, 400, "application/json", []string{"skill or title"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := f.get(t, tt.path, tt.header...)
			if status != tt.status || !strings.HasPrefix(h.Get("Content-Type"), tt.ctype) {
				t.Fatalf("GET %s: %d %s, want %d %s\n%s", tt.path, status, h.Get("Content-Type"), tt.status, tt.ctype, body)
			}
			for _, s := range tt.says {
				if !strings.Contains(body, s) {
					t.Errorf("GET %s: the body lacks %q:\n%.600s", tt.path, s, body)
				}
			}
			if h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
				t.Errorf("GET %s: security headers missing: %v", tt.path, h)
			}
		})
	}

	// A hit's ad is one request away, its skills marked in its text.
	t.Run("search then the ad", func(t *testing.T) {
		_, _, body := f.get(t, "/api/v1/search?skill=Python&limit=1")
		var res market.SearchResult
		if err := json.Unmarshal([]byte(body), &res); err != nil || len(res.Hits) != 1 {
			t.Fatalf("search: %v, %s", err, body)
		}
		h := res.Hits[0]
		status, _, body := f.get(t, "/api/v1/ads/"+url.PathEscape(h.Source)+"/"+url.PathEscape(h.ID))
		if status != 200 {
			t.Fatalf("ad: %d %s", status, body)
		}
		var ad market.AdView
		if err := json.Unmarshal([]byte(body), &ad); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range ad.Marks {
			if m.Kind == "skill" && m.Skill == "Python" && strings.EqualFold(ad.Text[m.Start:m.End], "python") {
				found = true
			}
		}
		if ad.Title != h.Title || !found {
			t.Errorf("ad %s/%s: title %q, marks %+v", h.Source, h.ID, ad.Title, ad.Marks)
		}
	})

	// The API's page is the service's page, figure for figure.
	t.Run("same figures as the service", func(t *testing.T) {
		_, _, body := f.get(t, "/api/v1/terms/Go?title=Backend%20Developer&market=contract")
		term, err := f.svc.Resolve("Go", "")
		if err != nil {
			t.Fatal(err)
		}
		scope, asOf, err := f.svc.Scope(market.ScopeInput{Market: "contract"})
		if err != nil {
			t.Fatal(err)
		}
		scope = f.svc.BaselineFor(term, "", scope)
		p, err := f.svc.CutPage(term, scope, asOf, market.DefaultMinSalaries, stats.Cut{Title: "Backend Developer"})
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.MarshalIndent(p, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if strings.TrimSpace(body) != string(want) {
			t.Errorf("the API's page differs from the service's:\n%.400s\nwant\n%.400s", body, want)
		}
	})
}

func TestPages(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		path   string
		status int
		says   []string
	}{
		{"/", 200, []string{"<table", "Skills: the permanent market", `href="/terms/`}},
		{"/?kind=title&q=developer", 200, []string{"Job titles", "Backend Developer"}},
		{"/terms/Python", 200, []string{"<h1>Python", "<svg", "Median salary", "Cited with Python"}},
		{"/terms/Python?seniority=senior&location=London", 200, []string{"only the ads that are: <strong>senior, London</strong>",
			// the links to the salary tables and the data keep the cut
			`href="/terms/Python/by/seniority?location=London&amp;seniority=senior"`,
			`href="/api/v1/terms/Python?location=London&amp;seniority=senior&amp;format=csv"`,
			`<input name="location" value="London"`, `<option selected>senior</option>`}},
		{"/terms/Backend%20Developer/by/seniority?location=London", 200, []string{
			`href="/api/v1/terms/Backend%20Developer/by/seniority?location=London&amp;format=csv"`}},
		{"/terms/Pyhton", 404, []string{"Did you mean", `href="/terms/Python"`}},
		{"/terms/Python?market=temp", 400, []string{"permanent or contract"}},
		{"/terms/Python?market=contract", 200, []string{`<option value="contract" selected>`, "Median day rate"}},
		{"/no/such/page", 404, []string{"no such page"}},
		{"/static/style.css", 200, []string{"font-variant-numeric"}},
		{"/compare?term=Go&term=python&term=Rust", 200, []string{"Go · Python · Rust", "<svg", "Median salary"}},
		{"/compare?term=Go", 200, []string{"Compare terms", `<input name="term" value="Go"`, "Term 5"}},
		{"/compare", 200, []string{"Compare terms", "two to five skills"}},
		{"/compare?term=Go&term=Java&market=contract", 200, []string{`<input type="hidden" name="market" value="contract">`}},
		{"/compare?term=A&term=B&term=C&term=D&term=E&term=F", 400, []string{"2 to 5 terms"}},
		{"/locations/Manchester", 200, []string{"Manchester", "<table"}},
		{"/locations/Atlantis", 404, []string{"Atlantis"}},
		{"/locations/london", 200, []string{"London"}},
		{"/terms/Backend%20Developer/by/seniority", 200, []string{"Backend Developer by seniority", "<th scope=\"row\">senior</th>", "Permanent"}},
		{"/terms/Backend%20Developer/by/colour", 400, []string{"seniority, work-mode, location"}},
		{"/methodology", 200, []string{"<h1>How each figure is made</h1>", "<table>", `href="/methodology/extraction"`, "All tech jobs"}},
		{"/methodology/input", 200, []string{"<h1>The ads jobscope reads</h1>", "<code>posted_at</code>"}},
		{"/methodology/secrets", 404, []string{"no such page"}},
		{"/about", 200, []string{"Sources and licences", "O*NET"}},
		{"/api", 200, []string{"<code>GET /api/v1/search</code>", "<code>POST /api/v1/ads</code>", "Needs an API key", "<code>skill</code>", `href="/api/v1/index"`}},
		{"/terms/Python?baseline=all", 200, []string{"<h3>By category</h3>", `<caption>Programming Languages</caption>`}},
		{"/toolkit/benchmark", 200, []string{"Salary benchmark", `name="title"`}},
		{"/toolkit/benchmark?title=Backend%20Developer&location=London", 200, []string{"Backend Developer, London", "Permanent salary", "By level"}},
		{"/toolkit/brief", 200, []string{"Job brief", `name="title"`}},
		{"/toolkit/brief?title=Backend%20Developer", 200, []string{`<h3 id="must-have`, `<h3 id="pay">Pay</h3>`, "## Leave off"}},
		{"/reports", 200, []string{"Weekly reports", `href="/reports/20`, `href="/reports/feed.atom"`}},
		{"/reports/2026-W43", 200, []string{"The job market, week 2026-W43", "Risers", "format=html"}},
		{"/reports/nonsense", 400, []string{"YYYY-Www"}},
		{"/reports/feed.atom", 200, []string{`<feed xmlns="http://www.w3.org/2005/Atom">`, "<entry>", "/reports/20"}},
		{"/toolkit/cost", 200, []string{"What a hire costs", `name="salary"`}},
		{"/toolkit/cost?salary=110000&currency=USD&day_rate=700", 200, []string{"$186,896", "$146,146", "Social Security", "A contractor for the year"}},
		{"/search", 200, []string{"Job search", `name="q"`, "in all, newest first", `href="/ads/`}},
		{"/search?q=python&skill=python&market=permanent", 200, []string{`value="python"`, "<option selected>permanent</option>", "match"}},
		{"/search?skill=Pyhton", 404, []string{"Did you mean", "Python"}},
		{"/search?min_pay=lots", 400, []string{"min_pay"}},
		{"/search?q=zzzzqqq", 200, []string{"No ad matches"}},
		{"/ads/gen/no-such-ad", 404, []string{"no ad gen/no-such-ad"}},
	}
	for _, tt := range tests {
		status, h, body := f.get(t, tt.path)
		if status != tt.status {
			t.Errorf("GET %s: %d, want %d\n%.400s", tt.path, status, tt.status, body)
			continue
		}
		for _, s := range tt.says {
			if !strings.Contains(body, s) {
				t.Errorf("GET %s: the page lacks %q", tt.path, s)
			}
		}
		for _, field := range []string{`name="market"`, `name="seniority"`, `name="location"`} {
			if n := strings.Count(body, field); n > 1 {
				t.Errorf("GET %s: %d form fields %s: the first would win", tt.path, n, field)
			}
		}
		if strings.Contains(body, "<script") {
			t.Errorf("GET %s: a page carries a script", tt.path)
		}
		if h.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: no content security policy", tt.path)
		}
	}
}

// TestAdPage: an ad's page shows its text with its skills and salary marked, and what was read
// beside it.
func TestAdPage(t *testing.T) {
	f := newFixture(t)
	res, err := f.svc.Search(context.Background(), market.SearchInput{Skill: "Python", MinPay: "1", Limit: 1})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("search: %v", err)
	}
	h := res.Hits[0]
	status, _, body := f.get(t, "/ads/"+url.PathEscape(h.Source)+"/"+url.PathEscape(h.ID))
	if status != 200 {
		t.Fatalf("ad page: %d\n%.400s", status, body)
	}
	for _, s := range []string{"<h1>" + html.EscapeString(h.Title) + "</h1>", `<mark class="skill" title="Python">`,
		"What was read", `href="/terms/Python"`, "<th scope=\"row\">Pay</th>"} {
		if !strings.Contains(body, s) {
			t.Errorf("the ad page lacks %q", s)
		}
	}
}

// TestRunRefreshAndShutdown: a running server catches up on its own with ads another process
// ingests, counts its requests in /metrics, and stops cleanly when its context ends.
func TestRunRefreshAndShutdown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "run.db")
	ingestGenerated(t, db, 500, 1)
	svc, err := market.Open(context.Background(), market.Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	base, stop := start(t, svc, 50*time.Millisecond)
	ads := func() int {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var h struct{ Ads int }
		if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
			t.Fatal(err)
		}
		return h.Ads
	}
	before := ads()
	ingestGenerated(t, db, 300, 2) // another source: new ads
	deadline := time.Now().Add(30 * time.Second)
	for ads() == before {
		if time.Now().After(deadline) {
			t.Fatalf("the server still holds %d ads after another ingest", before)
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	m, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, s := range []string{`jobscope_http_requests_total{route="GET /healthz",status="200"}`, "jobscope_engine_ads ",
		`jobscope_refreshes_total{result="ok"}`, "jobscope_http_request_duration_seconds_bucket"} {
		if !bytes.Contains(m, []byte(s)) {
			t.Errorf("/metrics lacks %q", s)
		}
	}
	if err := stop(); err != nil {
		t.Fatalf("Run after its context ended: %v", err)
	}
}

// TestOpenAPI: the document served at /api/v1/openapi.json is OpenAPI 3.1 and describes exactly
// the API's routes, each with its method and path parameters.
func TestOpenAPI(t *testing.T) {
	f := newFixture(t)
	status, _, body := f.get(t, "/api/v1/openapi.json")
	if status != 200 {
		t.Fatalf("openapi.json: %d", status)
	}
	type param struct {
		Ref  string `json:"$ref"`
		Name string `json:"name"`
		In   string `json:"in"`
	}
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Summary    string  `json:"summary"`
			Parameters []param `json:"parameters"`
		} `json:"paths"`
		Components struct {
			Parameters map[string]param `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	served := map[string]bool{}
	for _, r := range f.srv.APIRoutes() {
		method, path, _ := strings.Cut(r, " ")
		path = strings.ReplaceAll(path, "...}", "}") // a rest-of-path wildcard is one parameter
		served[strings.ToLower(method)+" "+path] = true
		ops, ok := doc.Paths[path]
		if !ok {
			t.Errorf("route %s is not in the OpenAPI document", r)
			continue
		}
		op, ok := ops[strings.ToLower(method)]
		if !ok || op.Summary == "" {
			t.Errorf("route %s: the document has no %s operation with a summary", r, method)
		}
		for _, seg := range strings.Split(path, "/") {
			name, isParam := strings.CutPrefix(seg, "{")
			if !isParam {
				continue
			}
			name = strings.TrimSuffix(name, "}")
			found := false
			for _, p := range op.Parameters {
				if p.Ref != "" {
					p = doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				}
				found = found || p.In == "path" && p.Name == name
			}
			if !found {
				t.Errorf("route %s: the document does not describe its path parameter %q", r, name)
			}
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !served[method+" "+path] {
				t.Errorf("the document describes %s %s, which the server does not serve", method, path)
			}
		}
	}
}

// TestETagAndGzip: an answer the client holds is a 304 by its ETag; a large one is gzipped for a
// client that accepts it, and decompresses to the same body.
func TestETagAndGzip(t *testing.T) {
	f := newFixture(t)
	status, h, body := f.get(t, "/api/v1/terms/Python")
	etag := h.Get("ETag")
	if status != 200 || etag == "" {
		t.Fatalf("GET: %d, ETag %q", status, etag)
	}
	if status, _, b := f.get(t, "/api/v1/terms/Python", "If-None-Match", etag); status != http.StatusNotModified || b != "" {
		t.Errorf("GET with If-None-Match of its ETag: %d with %d bytes, want 304 and none", status, len(b))
	}
	if status, _, _ := f.get(t, "/api/v1/terms/Go", "If-None-Match", etag); status != 200 {
		t.Errorf("another answer with that ETag: %d, want 200", status)
	}
	req, _ := http.NewRequest(http.MethodGet, f.ts.URL+"/api/v1/terms/Python", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || string(plain) != body {
		t.Errorf("the gzipped body differs from the plain one (%v)", err)
	}
}

// TestPostAds: a batch of ads POSTed with a valid key is ingested and served at once; without a
// key, with a wrong or revoked one, or over the size limit, it is refused with the right status;
// a --private server refuses reads without a key.
func TestPostAds(t *testing.T) {
	f := newFixture(t)
	ks := f.svc.Store().(jobscope.KeyStore)
	token, k, err := apikey.New("Acme Crawler", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := ks.AddKey(context.Background(), k); err != nil {
		t.Fatal(err)
	}
	batch := `{"id":"p1","title":"Senior Zig Developer","description":"Zig and Kubernetes, hybrid in Leeds.","posted_at":"2026-10-30","salary":"£80,000"}
{"id":"p2","title":"Rust Engineer","description":"Rust services.","posted_at":"2026-10-29","salary":"£70,000","location":"Leeds"}
{"broken
`
	post := func(body, auth string, h ...string) (int, string) {
		req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/api/v1/ads", strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		for i := 0; i+1 < len(h); i += 2 {
			req.Header.Set(h[i], h[i+1])
		}
		resp, err := f.ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	before := f.svc.Engine().Len()
	status, body := post(batch, token)
	if status != 200 || !strings.Contains(body, `"new": 2`) || !strings.Contains(body, `"set_aside": 1`) {
		t.Fatalf("POST with a key: %d\n%s", status, body)
	}
	if got := f.svc.Engine().Len(); got != before+2 {
		t.Errorf("after the POST the engine holds %d ads, want %d", got, before+2)
	}
	if status, _, body := f.get(t, "/api/v1/terms/Rust%20Developer?as_of=2026-10-31&min_salaries=0"); status != 200 {
		t.Errorf("the posted title is not served: %d %s", status, body)
	}
	rejects, err := f.svc.Store().Rejects(context.Background(), 0)
	if err != nil || len(rejects) != 1 || rejects[0].File != "api/acme-crawler" {
		t.Errorf("rejects %+v (%v), want the broken line recorded under api/acme-crawler", rejects, err)
	}
	if status, body := post(batch, ""); status != 401 || !strings.Contains(body, `"code": "unauthorized"`) {
		t.Errorf("POST without a key: %d %s", status, body)
	}
	if status, _ := post(batch, token+"x"); status != 401 {
		t.Errorf("POST with a wrong key: %d", status)
	}
	if status, _ := post(batch, "", "X-API-Key", token); status != 200 {
		t.Errorf("POST with X-API-Key: %d", status)
	}
	if status, _, _ := f.get(t, "/api/v1/ads"); status != http.StatusMethodNotAllowed && status != 404 {
		t.Errorf("GET /api/v1/ads: %d", status)
	}
	if err := ks.RevokeKey(context.Background(), k.ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	if status, _ := post(batch, token); status != 401 {
		t.Errorf("POST with a revoked key: %d", status)
	}

	// A small limit, and a private server.
	token2, k2, _ := apikey.New("second", time.Now())
	if err := ks.AddKey(context.Background(), k2); err != nil {
		t.Fatal(err)
	}
	srv, err := serve.New(serve.Config{Service: f.svc, Refresh: -1, Private: true, MaxBody: 200})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	big := strings.Repeat(`{"id":"b1","title":"Go Developer","description":"`+strings.Repeat("Go. ", 100)+`"}`+"\n", 3)
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/api/v1/ads", strings.NewReader(big))
	req.Header.Set("Authorization", "Bearer "+token2)
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("POST over the limit: %d, want 413", resp.StatusCode)
	}
	for _, c := range []struct {
		path, token string
		status      int
	}{{"/api/v1/terms/Go", "", 401}, {"/", "", 401}, {"/healthz", "", 200}, {"/api/v1/terms/Go", token2, 200}} {
		req, _ := http.NewRequest(http.MethodGet, ts.URL+c.path, nil)
		if c.token != "" {
			req.Header.Set("Authorization", "Bearer "+c.token)
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("private server, GET %s (key %v): %d, want %d", c.path, c.token != "", resp.StatusCode, c.status)
		}
	}
}

// TestRateLimit: a client past its burst is answered 429 with Retry-After until its bucket refills;
// another client (another IP, or an API key) keeps its own; /healthz is never limited.
func TestRateLimit(t *testing.T) {
	f := newFixture(t)
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	srv, err := serve.New(serve.Config{Service: f.svc, Refresh: -1, RateLimit: 0.5, Burst: 2, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	do := func(path, ip, key string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.RemoteAddr = ip + ":5555"
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for i, want := range []int{200, 200, 429} {
		if got := do("/api/v1/terms/Go", "10.0.0.1", "").Code; got != want {
			t.Errorf("request %d from one IP: %d, want %d", i+1, got, want)
		}
	}
	rec := do("/api/v1/terms/Go", "10.0.0.1", "")
	if rec.Code != 429 || rec.Header().Get("Retry-After") != "2" || !strings.Contains(rec.Body.String(), `"code": "rate_limited"`) {
		t.Errorf("over the limit: %d, Retry-After %q, %s", rec.Code, rec.Header().Get("Retry-After"), rec.Body.String())
	}
	if got := do("/api/v1/terms/Go", "10.0.0.2", "").Code; got != 200 {
		t.Errorf("another IP: %d, want 200", got)
	}
	token, k, err := apikey.New("limited", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Store().(jobscope.KeyStore).AddKey(context.Background(), k); err != nil {
		t.Fatal(err)
	}
	if got := do("/api/v1/terms/Go", "10.0.0.1", token).Code; got != 200 {
		t.Errorf("a valid key from the limited IP: %d, want its own bucket", got)
	}
	if got := do("/api/v1/terms/Go", "10.0.0.1", "jsk_0123456789ab_madeup").Code; got != 429 {
		t.Errorf("a made-up token from the limited IP: %d, want the IP's 429", got)
	}
	// X-Forwarded-For is anyone's to send: it counts only behind a trusted proxy.
	fwd := func(h http.Handler, xff string) int {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/terms/Go", nil)
		req.RemoteAddr = "10.0.0.1:5555"
		req.Header.Set("X-Forwarded-For", xff)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	if got := fwd(h, "203.0.113.9"); got != 429 {
		t.Errorf("a forwarded-for header to a server not behind a proxy: %d, want the IP's 429", got)
	}
	proxied, err := serve.New(serve.Config{Service: f.svc, Refresh: -1, RateLimit: 0.5, Burst: 1, TrustProxy: true,
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct {
		xff  string
		want int
	}{{"198.51.100.1, 203.0.113.9", 200}, {"203.0.113.9", 429}, {"203.0.113.9, 203.0.113.10", 200}} {
		if got := fwd(proxied.Handler(), c.xff); got != c.want {
			t.Errorf("behind a proxy, request %d (X-Forwarded-For %s): %d, want %d", i+1, c.xff, got, c.want)
		}
	}
	if got := do("/healthz", "10.0.0.1", "").Code; got != 200 {
		t.Errorf("/healthz from the limited IP: %d", got)
	}
	now = now.Add(2 * time.Second) // one token back at 0.5 a second
	if got := do("/api/v1/terms/Go", "10.0.0.1", "").Code; got != 200 {
		t.Errorf("after its bucket refilled: %d, want 200", got)
	}
}

// TestServersShareOnePostgres: two servers over one PostgreSQL store each stay current: a batch
// POSTed to one shows on the other after its next catch-up.
func TestServersShareOnePostgres(t *testing.T) {
	url := testdb.Postgres(t)
	testads.Ingest(t, url, genFile(t, 300, 9))
	var urls []string
	var svcs []*market.Service
	for range 2 {
		svc, err := market.Open(context.Background(), market.Config{DB: url, NoSnapshot: true})
		if err != nil {
			t.Fatal(err)
		}
		defer svc.Close()
		base, stop := start(t, svc, 50*time.Millisecond)
		defer func() {
			if err := stop(); err != nil {
				t.Errorf("Run: %v", err)
			}
		}()
		urls, svcs = append(urls, base), append(svcs, svc)
	}
	token, k, err := apikey.New("poster", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := svcs[0].Store().(jobscope.KeyStore).AddKey(context.Background(), k); err != nil {
		t.Fatal(err)
	}
	before := svcs[1].Engine().Len()
	req, _ := http.NewRequest(http.MethodPost, urls[0]+"/api/v1/ads",
		strings.NewReader(`{"id":"x1","title":"Elixir Developer","description":"Elixir and Phoenix.","posted_at":"2026-10-30"}`+"\n"))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("POST to the first server: %d", resp.StatusCode)
	}
	deadline := time.Now().Add(30 * time.Second)
	for svcs[1].Engine().Len() == before {
		if time.Now().After(deadline) {
			t.Fatal("the second server never saw the ad posted to the first")
		}
		time.Sleep(50 * time.Millisecond)
	}
	resp, err = http.Get(urls[1] + "/api/v1/terms/Elixir%20Developer?min_salaries=0")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("the second server's page of the posted title: %d", resp.StatusCode)
	}
}

// TestResponseCache: an answer asked for again comes from the cache (counted in /metrics), the
// same bytes and ETag; Cache-Control: no-cache computes it afresh; new ads (a new engine state)
// are never answered from the old figures.
func TestResponseCache(t *testing.T) {
	f := newFixture(t)
	_, h1, b1 := f.get(t, "/api/v1/terms/Go")
	_, h2, b2 := f.get(t, "/api/v1/terms/Go")
	_, _, b3 := f.get(t, "/api/v1/terms/Go", "Cache-Control", "no-cache")
	if b1 != b2 || b1 != b3 || h1.Get("ETag") != h2.Get("ETag") {
		t.Fatal("the cached answer differs from the computed one")
	}
	_, _, m := f.get(t, "/metrics")
	if !strings.Contains(m, `jobscope_cache_requests_total{result="hit"} 1`) ||
		!strings.Contains(m, `jobscope_http_requests_total{route="GET /api/v1/terms/{name}",status="200"} 3`) {
		t.Errorf("one hit expected, and three requests of the route however answered:\n%s", m)
	}
	_, _, csv := f.get(t, "/api/v1/terms/Go", "Accept", "text/csv")
	if !strings.HasPrefix(csv, "set,period") {
		t.Errorf("a CSV request got the cached JSON: %.80s", csv)
	}
	jobs := func(body string) int {
		var p stats.Page
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			t.Fatal(err)
		}
		return p.Periods[0].Jobs
	}
	before := jobs(b1)
	testads.Ingest(t, f.db, genFile(t, 500, 77))
	if err := f.srv.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, _, after := f.get(t, "/api/v1/terms/Go")
	if after == b1 || jobs(after) < before {
		t.Errorf("after new ads the page is the cached one (%d jobs, then %d)", before, jobs(after))
	}
}

// TestSharedAnswers: many clients asking at once for an answer nobody has asked for yet get it
// from one computation, each the same body.
func TestSharedAnswers(t *testing.T) {
	f := newFixture(t)
	const n = 40
	bodies := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			req, err := http.NewRequest(http.MethodGet, f.ts.URL+"/api/v1/terms/Python?location=London", nil)
			if err != nil {
				t.Error(err)
				return
			}
			resp, err := f.ts.Client().Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("status %d: %s", resp.StatusCode, b)
			}
			bodies[i] = string(b)
		})
	}
	wg.Wait()
	for i := range bodies {
		if bodies[i] != bodies[0] {
			t.Fatalf("answer %d differs from the first", i)
		}
	}
	_, _, m := f.get(t, "/metrics")
	metric := func(name string) int {
		for _, line := range strings.Split(m, "\n") {
			if v, ok := strings.CutPrefix(line, name+" "); ok {
				n, err := strconv.Atoi(v)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
		}
		t.Fatalf("no metric %s in\n%s", name, m)
		return 0
	}
	miss, shared := metric(`jobscope_cache_requests_total{result="miss"}`), metric("jobscope_shared_answers_total")
	if computed := miss - shared; computed < 1 || computed > 3 {
		t.Errorf("%d requests missed the cache, %d were given another's answer: %d computations of one page, want 1 (a few at most)",
			miss, shared, computed)
	}
}
