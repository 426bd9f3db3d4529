// Package serve is jobscope's web server: the JSON API and the pages, both over one
// market.Service, so that every figure a page or the API shows is the figure the command line
// prints. Handlers return errors to one adapter (see handler), which maps the service's error codes
// to HTTP statuses and writes the one JSON error shape or an error page.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"jobscope"
	"jobscope/extract"
	"jobscope/market"
	"jobscope/taxonomy"
)

// Config says what a Server serves and how.
type Config struct {
	// Service answers every question; the server does not close it.
	Service *market.Service
	// Log receives one line a request and the server's own events; nil discards them.
	Log *slog.Logger
	// Refresh is how often the engine catches up with what other processes wrote to the store
	// (another ingest, another server's POST); 0 is DefaultRefresh, a negative value never.
	Refresh time.Duration
	// Private makes every route but /healthz need an API key; writes always do.
	Private bool
	// MaxBody bounds a POSTed batch of ads, in bytes; 0 is DefaultMaxBody.
	MaxBody int64
	// Taxonomy is what POSTed ads are extracted with; nil is the default taxonomy.
	Taxonomy *taxonomy.Taxonomy
	// RateLimit is how many requests a second one client (an API key, else an IP address) may make
	// on average, Burst how many at once; 0 is no limit.
	RateLimit float64
	Burst     int
	// Now is the clock of the rate limits; nil is time.Now.
	Now func() time.Time
	// CacheBytes bounds the cache of answers (see Server.conditional): 0 is DefaultCacheBytes, a
	// negative value no cache.
	CacheBytes int
	// TrustProxy takes a client's address from the last hop of X-Forwarded-For, for a server behind
	// a reverse proxy that sets it; without it the header is ignored, since any client can send one.
	TrustProxy bool
}

// DefaultRefresh is how often a server catches up with its store unless told otherwise: an ingest
// run by another process shows within seconds.
const DefaultRefresh = 5 * time.Second

// Server serves one market. Its Handler may be used on its own (as the tests do) or through Run.
type Server struct {
	svc     *market.Service
	log     *slog.Logger
	refresh time.Duration
	metrics *metrics
	handler http.Handler
	private bool
	maxBody int64
	extract func(*jobscope.RawAd) jobscope.Extraction
	// extractVersion names it (ingest.Options.Version).
	extractVersion string
	limiter        *limiter // nil: no limit
	now            func() time.Time
	trustProxy     bool
	keyMu          sync.Mutex
	keyCache       map[string]cachedKey // tokens the limiter has checked; see keyIDOf
	cache          *responseCache       // nil: none
	// compute holds a token for each answer being computed (see conditional): as many as cores.
	compute chan struct{}
	// flights are the answers being computed, which requests for the same answer wait on.
	flights flights
	// apiRoutes are the API's route patterns, for APIRoutes.
	apiRoutes []string
	// lastRefresh is the Unix time of the last catch-up that succeeded (or of the start).
	lastRefresh atomic.Int64
}

// New returns a server of cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Service == nil {
		return nil, errors.New("serve: no market service")
	}
	s := &Server{svc: cfg.Service, log: cfg.Log, refresh: cfg.Refresh, metrics: newMetrics(), private: cfg.Private,
		maxBody: cfg.MaxBody, now: cfg.Now, trustProxy: cfg.TrustProxy, keyCache: map[string]cachedKey{},
		compute: make(chan struct{}, runtime.GOMAXPROCS(0))}
	if s.now == nil {
		s.now = time.Now
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	tx := cfg.Taxonomy
	if tx == nil {
		var err error
		if tx, err = taxonomy.Default(); err != nil {
			return nil, fmt.Errorf("serve: %w", err)
		}
	}
	x := extract.New(tx)
	s.extract, s.extractVersion = x.Extract, x.Version()
	if cfg.RateLimit > 0 {
		s.limiter = newLimiter(cfg.RateLimit, cfg.Burst, s.now)
	}
	switch {
	case cfg.CacheBytes == 0:
		s.cache = newResponseCache(DefaultCacheBytes)
	case cfg.CacheBytes > 0:
		s.cache = newResponseCache(cfg.CacheBytes)
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.refresh == 0 {
		s.refresh = DefaultRefresh
	}
	s.lastRefresh.Store(time.Now().Unix())
	pages, err := newPages()
	if err != nil {
		return nil, err
	}
	s.handler = s.routes(pages)
	return s, nil
}

// Handler is every route of the server behind its middleware: recovery, request logs, metrics and
// the security headers.
func (s *Server) Handler() http.Handler { return s.handler }

// Run serves on ln until ctx is done, catching up with the store every Refresh meanwhile, then
// shuts down gracefully: no new connections, requests in flight given up to 10 seconds.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan struct{})
	defer close(done)
	if s.refresh > 0 {
		go s.refreshLoop(ctx, done)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "ads", s.svc.Engine().Len())
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "addr", ln.Addr().String())
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// refreshLoop catches the engine up with the store every s.refresh until ctx is done or done
// closes. A failure is logged and retried at the next tick: the figures served stay those of the
// last catch-up.
func (s *Server) refreshLoop(ctx context.Context, done <-chan struct{}) {
	t := time.NewTicker(s.refresh)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-done:
			return
		case <-t.C:
		}
		if err := s.Refresh(ctx); err != nil && ctx.Err() == nil {
			s.log.Warn("refresh failed", "err", err)
		}
	}
}

// Refresh catches the engine up with the store now, as the refresh loop does.
func (s *Server) Refresh(ctx context.Context) error {
	n, err := s.svc.Refresh(ctx)
	s.metrics.refreshed(n, err)
	if err != nil {
		return err
	}
	s.lastRefresh.Store(time.Now().Unix())
	if n > 0 {
		s.log.Info("refreshed", "ads_read", n, "ads", s.svc.Engine().Len())
	}
	return nil
}
