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

// clientOf names a request's client for the limiter.
func clientOf(r *http.Request) string {
	token := r.Header.Get("X-API-Key")
	if a := r.Header.Get("Authorization"); token == "" && a != "" {
		token = a
	}
	if token != "" {
		sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
		return "key:" + hex.EncodeToString(sum[:8])
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "ip:" + host
}

// rateLimit answers a client over its rate with 429 and Retry-After (whole seconds, at least 1);
// /healthz and /metrics are never limited, so that monitors keep seeing the server.
func (s *Server) rateLimit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/metrics" {
			next.ServeHTTP(w, r)
			return
		}
		if ok, wait := s.limiter.allow(clientOf(r)); !ok {
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
