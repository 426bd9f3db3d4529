package serve

import (
	"bytes"
	"container/list"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
)

// gzipMin is the smallest body worth compressing.
const gzipMin = 1024

// conditional answers a GET whose answer the client already holds with 304 Not Modified (the
// ETag is a hash of the body, so it changes exactly when the figures do, e.g. after a refresh),
// and compresses the rest with gzip when the client accepts it. The handler's response is
// buffered: every answer of this server fits in memory. Answers are kept in the response cache
// (see responseCache) for as long as the engine holds the same ads, so a page asked for again is
// not computed again; a request with Cache-Control: no-cache is computed afresh.
func (s *Server) conditional(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			next.ServeHTTP(w, r)
			return
		}
		key, cacheable := s.cacheKey(r)
		var e *cached
		fresh := strings.Contains(r.Header.Get("Cache-Control"), "no-cache")
		if cacheable && !fresh {
			if e = s.cache.get(key); e != nil {
				r.Pattern = e.pattern // the route the answer came from, for the request's log and metrics
			}
		}
		var fl *flight
		if e == nil && cacheable && !fresh {
			// Requests for an answer already being computed wait for it rather than compute it
			// again: a hundred clients asking for a page nobody has asked for since the last
			// refresh cost one computation, not a hundred queued behind each other.
			var ok bool
			if fl, ok = s.flights.join(key); ok {
				select {
				case <-fl.done:
				case <-r.Context().Done():
					return // the client left while waiting
				}
				if e = fl.e; e != nil {
					r.Pattern = e.pattern
					s.flights.shared.Add(1)
				}
				fl = nil
			} else {
				// Finished whatever happens, a panic or a client gone included, so that no
				// request waits on it for ever.
				defer func() { s.flights.finish(key, fl, e) }()
			}
		}
		if e == nil {
			// At most one computation a core at once, the rest waiting their turn in order of
			// arrival: an answer then takes its own time plus the queue's, rather than every
			// answer in progress slowing down every other (a costly page most of all).
			// /healthz and /metrics (never kept) answer at once.
			if cacheable {
				select {
				case s.compute <- struct{}{}:
				case <-r.Context().Done():
					return // the client left while waiting
				}
			}
			bw := &bufferedWriter{header: http.Header{}, buf: renderBuffers.Get().(*bytes.Buffer)}
			func() {
				if cacheable {
					defer func() { <-s.compute }()
				}
				next.ServeHTTP(bw, r)
			}()
			if bw.status == 0 {
				bw.status = http.StatusOK
			}
			e = newCached(bw)
			e.pattern = r.Pattern
			bw.release()
			if cacheable && e.status == http.StatusOK {
				s.cache.put(key, e)
			}
			if fl != nil {
				s.flights.finish(key, fl, e) // the waiters need not wait for this client's write
			}
		}
		h := w.Header()
		for k, v := range e.header {
			h[k] = v
		}
		h.Add("Vary", "Accept-Encoding")
		if e.status != http.StatusOK {
			h.Set("Content-Length", strconv.Itoa(len(e.body)))
			w.WriteHeader(e.status)
			w.Write(e.body)
			return
		}
		h.Set("ETag", e.etag)
		if h.Get("Cache-Control") == "" {
			h.Set("Cache-Control", "no-cache") // revalidate each time: cheap with the ETag
		}
		if matches(r.Header.Get("If-None-Match"), e.etag) {
			h.Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
			return
		}
		body := e.body
		if len(e.body) >= gzipMin && acceptsGzip(r.Header.Get("Accept-Encoding")) {
			body = e.gzipped()
			h.Set("Content-Encoding", "gzip")
		}
		h.Set("Content-Length", strconv.Itoa(len(body)))
		w.WriteHeader(e.status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
	})
}

// cached is a complete answer: its status, headers and body, the body's ETag and, once a client
// accepting gzip has asked for it, its gzipped form.
type cached struct {
	pattern string // the route that answered
	status  int
	header  http.Header
	body    []byte
	etag    string
	gzOnce  sync.Once
	gz      []byte
}

func newCached(bw *bufferedWriter) *cached {
	e := &cached{status: bw.status, header: bw.header, body: bytes.Clone(bw.buf.Bytes())}
	if e.status == http.StatusOK {
		sum := sha256.Sum256(e.body)
		e.etag = `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`
	}
	return e
}

// gzipWriters are compressors to reuse: each holds some hundreds of kilobytes of tables, which
// cost more to make and clear than a page costs to compress.
var gzipWriters = sync.Pool{New: func() any {
	zw, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return zw
}}

// gzipped returns the body gzipped, compressing it the first time only. The cache counts an
// entry's size as it was put, so the gzipped form is not counted: it is smaller than the body.
func (e *cached) gzipped() []byte {
	e.gzOnce.Do(func() {
		var z bytes.Buffer
		zw := gzipWriters.Get().(*gzip.Writer)
		zw.Reset(&z)
		zw.Write(e.body)
		zw.Close()
		gzipWriters.Put(zw)
		e.gz = z.Bytes()
	})
	return e.gz
}

func (e *cached) size() int { return 2*len(e.body) + 256 } // the body and room for its gzipped form

// cacheKey names a request's answer: its address, whether it asks for CSV, and the engine's state
// (an answer is kept only while the engine holds the same ads). /healthz and /metrics change on
// their own and are never kept.
func (s *Server) cacheKey(r *http.Request) (string, bool) {
	if s.cache == nil || r.URL.Path == "/healthz" || r.URL.Path == "/metrics" {
		return "", false
	}
	en := s.svc.Engine()
	csv := strings.Contains(r.Header.Get("Accept"), "text/csv")
	return fmt.Sprintf("%p/%d/%t %s", en, en.Version(), csv, r.URL.RequestURI()), true
}

// responseCache keeps recent answers, the least recently used going first once it holds more than
// its bytes allow. Keys name the engine's state, so an answer of older figures is never served:
// it is simply never asked for again, and ages out.
type responseCache struct {
	mu    sync.Mutex
	max   int
	bytes int
	order *list.List // of *cacheEntry, the most recent first
	byKey map[string]*list.Element
	hits  atomic.Int64
	miss  atomic.Int64
}

type cacheEntry struct {
	key string
	val *cached
}

// DefaultCacheBytes bounds the response cache unless Config says otherwise.
const DefaultCacheBytes = 64 << 20

func newResponseCache(max int) *responseCache {
	return &responseCache{max: max, order: list.New(), byKey: map[string]*list.Element{}}
}

func (c *responseCache) get(key string) *cached {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[key]
	if !ok {
		c.miss.Add(1)
		return nil
	}
	c.hits.Add(1)
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).val
}

func (c *responseCache) put(key string, v *cached) {
	if v.size() > c.max/8 {
		return // one answer may not crowd out the rest
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		c.bytes -= el.Value.(*cacheEntry).val.size()
		el.Value.(*cacheEntry).val = v
		c.bytes += v.size()
		c.order.MoveToFront(el)
	} else {
		c.byKey[key] = c.order.PushFront(&cacheEntry{key, v})
		c.bytes += v.size()
	}
	for c.bytes > c.max && c.order.Len() > 0 {
		el := c.order.Back()
		e := el.Value.(*cacheEntry)
		c.order.Remove(el)
		delete(c.byKey, e.key)
		c.bytes -= e.val.size()
	}
}

// matches reports whether an If-None-Match header names etag (or is "*").
func matches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "W/"))
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip (not refused with q=0).
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			return strings.ReplaceAll(strings.TrimSpace(params), " ", "") != "q=0"
		}
	}
	return false
}

// bufferedWriter holds a handler's response until it is complete, in a buffer of renderBuffers
// that the answer is copied out of, at its own size.
type bufferedWriter struct {
	header http.Header
	status int
	buf    *bytes.Buffer
}

// renderBuffers are buffers for answers being written. An uncached term page is some 25 KB: a new
// buffer grown to it, zeroed and copied a few times on the way, cost a tenth of computing the page,
// where copying the answer out of a reused one costs a microsecond.
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// release returns the buffer to renderBuffers, unless it grew too large to keep.
func (b *bufferedWriter) release() {
	if b.buf.Cap() <= 1<<20 {
		b.buf.Reset()
		renderBuffers.Put(b.buf)
	}
	b.buf = nil
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.buf.Write(p)
}

// flights are the answers being computed, by cache key, for requests asking for the same one to
// wait on (see conditional).
type flights struct {
	mu     sync.Mutex
	m      map[string]*flight
	shared atomic.Int64 // requests answered by another's flight
}

// flight is one answer being computed: done is closed once it is, e is the answer to share (nil
// when it was not a success: each waiter then computes its own).
type flight struct {
	done chan struct{}
	e    *cached
	once sync.Once
}

// join returns the flight computing key and true when there is one; else it starts one, which
// the caller must finish, and returns it with false.
func (f *flights) join(key string) (*flight, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fl, ok := f.m[key]; ok {
		return fl, true
	}
	if f.m == nil {
		f.m = map[string]*flight{}
	}
	fl := &flight{done: make(chan struct{})}
	f.m[key] = fl
	return fl, false
}

// finish ends flight fl of key with answer e, shared only when it succeeded; once, however often
// it is called.
func (f *flights) finish(key string, fl *flight, e *cached) {
	fl.once.Do(func() {
		f.mu.Lock()
		delete(f.m, key)
		f.mu.Unlock()
		if e != nil && e.status == http.StatusOK {
			fl.e = e
		}
		close(fl.done)
	})
}
