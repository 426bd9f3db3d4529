package serve_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobscope/gen"
	"jobscope/internal/testads"
	"jobscope/market"
	"jobscope/serve"
	"jobscope/stats"
)

// ingestGenerated writes n generated ads (seed) to a file and ingests them into the SQLite store
// at db, through a store handle of its own, as another process would.
func ingestGenerated(t *testing.T, db string, n int, seed int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ads.jsonl")
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Ads: n, Seed: seed, Years: 3}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	testads.Ingest(t, db, path)
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
		{"/terms/Python?seniority=senior&location=London", 200, []string{"only the ads that are: <strong>senior, London</strong>"}},
		{"/terms/Pyhton", 404, []string{"Did you mean", `href="/terms/Python"`}},
		{"/terms/Python?market=temp", 400, []string{"permanent or contract"}},
		{"/terms/Python?market=contract", 200, []string{`<option value="contract" selected>`, "Median day rate"}},
		{"/no/such/page", 404, []string{"no such page"}},
		{"/static/style.css", 200, []string{"font-variant-numeric"}},
		{"/compare?term=Go&term=python&term=Rust", 200, []string{"Go · Python · Rust", "<svg", "Median salary"}},
		{"/compare?term=Go", 400, []string{"2 to 5 terms"}},
		{"/locations/Manchester", 200, []string{"Manchester", "<table"}},
		{"/locations/Atlantis", 400, []string{"or a place or county the ads name"}},
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
	srv, err := serve.New(serve.Config{Service: svc, Refresh: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx, ln) }()
	base := "http://" + ln.Addr().String()
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
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after its context ended: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Run did not return after its context ended")
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
