package serve

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// metrics are the server's counters, written at /metrics in Prometheus's text format (version
// 0.0.4): requests and their latencies by route and status, the engine's size, and the refreshes.
// The format is a few lines of text, so no client library is needed for it.
type metrics struct {
	mu        sync.Mutex
	requests  map[reqKey]int64
	latencies map[string]*histogram
	refreshes map[bool]int64 // by whether the refresh succeeded
	adsRead   int64          // by refreshes
}

type reqKey struct {
	route  string
	status int
}

// latencyBuckets are the upper bounds, in seconds, of the request latency histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

type histogram struct {
	counts []int64 // by bucket, not cumulative
	sum    float64
	n      int64
}

func newMetrics() *metrics {
	return &metrics{requests: map[reqKey]int64{}, latencies: map[string]*histogram{}, refreshes: map[bool]int64{}}
}

func (m *metrics) request(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, status}]++
	h := m.latencies[route]
	if h == nil {
		h = &histogram{counts: make([]int64, len(latencyBuckets))}
		m.latencies[route] = h
	}
	sec := d.Seconds()
	if i, _ := slices.BinarySearch(latencyBuckets, sec); i < len(latencyBuckets) {
		h.counts[i]++
	}
	h.sum += sec
	h.n++
}

func (m *metrics) refreshed(adsRead int, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.refreshes[err == nil]++
	m.adsRead += int64(adsRead)
}

// serveMetrics writes every metric.
func (s *Server) serveMetrics(w http.ResponseWriter, _ *http.Request) {
	var b strings.Builder
	m := s.metrics
	m.mu.Lock()
	family(&b, "jobscope_http_requests_total", "counter", "HTTP requests answered, by route pattern and status.")
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b reqKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		return a.status - b.status
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "jobscope_http_requests_total{route=%s,status=\"%d\"} %d\n", label(k.route), k.status, m.requests[k])
	}
	family(&b, "jobscope_http_request_duration_seconds", "histogram", "Time to answer a request, by route pattern.")
	routes := make([]string, 0, len(m.latencies))
	for r := range m.latencies {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	for _, r := range routes {
		h := m.latencies[r]
		var cum int64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "jobscope_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", label(r),
				strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(&b, "jobscope_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", label(r), h.n)
		fmt.Fprintf(&b, "jobscope_http_request_duration_seconds_sum{route=%s} %s\n", label(r), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(&b, "jobscope_http_request_duration_seconds_count{route=%s} %d\n", label(r), h.n)
	}
	family(&b, "jobscope_refreshes_total", "counter", "Catch-ups of the engine with the store, by result.")
	fmt.Fprintf(&b, "jobscope_refreshes_total{result=\"ok\"} %d\n", m.refreshes[true])
	fmt.Fprintf(&b, "jobscope_refreshes_total{result=\"error\"} %d\n", m.refreshes[false])
	family(&b, "jobscope_refresh_ads_read_total", "counter", "Ads read from the store by catch-ups.")
	fmt.Fprintf(&b, "jobscope_refresh_ads_read_total %d\n", m.adsRead)
	m.mu.Unlock()

	en := s.svc.Engine()
	family(&b, "jobscope_engine_ads", "gauge", "Ads the statistics engine holds (each counted once).")
	fmt.Fprintf(&b, "jobscope_engine_ads %d\n", en.Len())
	if c := s.cache; c != nil {
		family(&b, "jobscope_cache_requests_total", "counter", "Answers looked up in the response cache, by result.")
		fmt.Fprintf(&b, "jobscope_cache_requests_total{result=\"hit\"} %d\n", c.hits.Load())
		fmt.Fprintf(&b, "jobscope_cache_requests_total{result=\"miss\"} %d\n", c.miss.Load())
		family(&b, "jobscope_shared_answers_total", "counter", "Missed answers not computed again: taken from another request computing them.")
		fmt.Fprintf(&b, "jobscope_shared_answers_total %d\n", s.flights.shared.Load())
		c.mu.Lock()
		n, bytes := c.order.Len(), c.bytes
		c.mu.Unlock()
		family(&b, "jobscope_cache_entries", "gauge", "Answers the response cache holds.")
		fmt.Fprintf(&b, "jobscope_cache_entries %d\n", n)
		family(&b, "jobscope_cache_bytes", "gauge", "Bytes the response cache holds.")
		fmt.Fprintf(&b, "jobscope_cache_bytes %d\n", bytes)
	}
	family(&b, "jobscope_engine_terms", "gauge", "Terms (skills, titles, locations) the engine holds.")
	fmt.Fprintf(&b, "jobscope_engine_terms %d\n", len(en.Terms()))
	family(&b, "jobscope_last_refresh_timestamp_seconds", "gauge", "Unix time of the last successful catch-up with the store.")
	fmt.Fprintf(&b, "jobscope_last_refresh_timestamp_seconds %d\n", s.lastRefresh.Load())
	if d := en.LastPosted(); !d.IsZero() {
		family(&b, "jobscope_last_posted_timestamp_seconds", "gauge", "Unix time of the newest posting date held.")
		fmt.Fprintf(&b, "jobscope_last_posted_timestamp_seconds %d\n", d.Unix())
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write([]byte(b.String()))
}

func family(b *strings.Builder, name, typ, help string) {
	fmt.Fprintf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// label quotes a label value as the text format wants it.
func label(v string) string {
	r := strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)
	return `"` + r.Replace(v) + `"`
}
