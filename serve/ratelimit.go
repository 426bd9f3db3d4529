package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// limiter is a token bucket per client: rate requests a second on average, burst at once. A client
// is its API token when the request carries one (a hash of it: the token is never kept), else its IP
// address, so that one key's traffic does not count against others behind the same address.
type limiter struct {
	rate  float64
	burst float64
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxBuckets bounds the clients remembered; past it, the buckets that have refilled are forgotten.
const maxBuckets = 10_000

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	if burst < 1 {
		burst = max(1, int(math.Ceil(rate)))
	}
	return &limiter{rate: rate, burst: float64(burst), now: now, buckets: map[string]*bucket{}}
}

// allow takes a token from client's bucket, or reports how long until one is there.
func (l *limiter) allow(client string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[client]
	if b == nil {
		if len(l.buckets) >= maxBuckets {
			l.forget(now)
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[client] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// forget drops the buckets that would be full by now: their clients start afresh anyway.
func (l *limiter) forget(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
}

// clientOf names a request's client for the limiter: its API key when it carries a valid one, else
// its IP address (with TrustProxy, the address the proxy in front saw: the last X-Forwarded-For
// hop). A token that is not a valid key counts as no key, so that a client cannot slip its
// address's limit by sending made-up tokens.
func (s *Server) clientOf(r *http.Request) string {
	if token := bearer(r); token != "" {
		if id, ok := s.keyIDOf(r, token); ok {
			return "key:" + id
		}
	}
	return "ip:" + s.remoteIP(r)
}

// remoteIP is the client's IP address.
func (s *Server) remoteIP(r *http.Request) string {
	if s.trustProxy {
		if xff := r.Header.Values("X-Forwarded-For"); len(xff) > 0 {
			hops := strings.Split(xff[len(xff)-1], ",")
			if ip := strings.TrimSpace(hops[len(hops)-1]); net.ParseIP(ip) != nil {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return host
}

// keyCacheTTL is how long a checked token is remembered by the limiter: a revoked key keeps its own
// bucket that long, which limits it no less.
const keyCacheTTL = 30 * time.Second

// keyIDOf returns the id of the valid key token is, checking the store once a keyCacheTTL.
func (s *Server) keyIDOf(r *http.Request, token string) (string, bool) {
	sum := sha256.Sum256([]byte(token))
	h := hex.EncodeToString(sum[:16])
	now := s.now()
	s.keyMu.Lock()
	c, ok := s.keyCache[h]
	s.keyMu.Unlock()
	if ok && now.Before(c.until) {
		return c.id, c.id != ""
	}
	id := ""
	if k, err := s.keyOf(r); err == nil {
		id = k.ID
	}
	s.keyMu.Lock()
	if len(s.keyCache) > 10000 {
		clear(s.keyCache)
	}
	s.keyCache[h] = cachedKey{id: id, until: now.Add(keyCacheTTL)}
	s.keyMu.Unlock()
	return id, id != ""
}

// cachedKey is what the limiter remembers of a token: the key's id, "" for no valid key.
type cachedKey struct {
	id    string
	until time.Time
}

// rateLimit answers a client over its rate with 429 and Retry-After (whole seconds, at least 1);
// /healthz and /metrics are never limited, so that monitors keep seeing the server.
func (s *Server) rateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/metrics" {
			next.ServeHTTP(w, r)
			return
		}
		if ok, wait := s.limiter.allow(s.clientOf(r)); !ok {
			secs := max(1, int(math.Ceil(wait.Seconds())))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			s.serveAPI(func(http.ResponseWriter, *http.Request) error {
				return &httpError{http.StatusTooManyRequests, "rate_limited",
					"too many requests: wait " + strconv.Itoa(secs) + "s (Retry-After) and try again"}
			}).ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}
