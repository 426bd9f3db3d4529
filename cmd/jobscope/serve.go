package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"jobscope/market"
	"jobscope/serve"
)

const serveHelp = `
Serves the market of the store named by --db: web pages (the market index, each term's page with
its charts and cuts) and the JSON API under /api/v1 (index, terms with cuts, breakdowns, compare;
CSV with ?format=csv or Accept: text/csv; OpenAPI at /api/v1/openapi.json), /healthz and Prometheus
/metrics. POST /api/v1/ads ingests a batch of ads in any input format; it needs an API key
(jobscope keys create NAME), sent as Authorization: Bearer TOKEN. With --private every route but
/healthz needs one.

  jobscope serve [--addr 127.0.0.1:8080] [--refresh 5s] [--private] [--max-body BYTES]
                 [--rate-limit R --burst B] [--trust-proxy]

The server catches up with the store every --refresh, so an ingest run by another process shows
within seconds, and several servers over one PostgreSQL store each stay current. It logs one line
a request to standard error and shuts down gracefully on SIGINT or SIGTERM, finishing the requests
in flight.

` + engineNote

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "", serveHelp)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on, host:port (port 0 picks a free one)")
	refresh := fs.Duration("refresh", serve.DefaultRefresh, "how often to catch up with the store (0: never)")
	private := fs.Bool("private", false, "every route but /healthz needs an API key (jobscope keys), reads too")
	maxBody := fs.Int64("max-body", serve.DefaultMaxBody, "the largest batch POST /api/v1/ads takes, in bytes")
	rate := fs.Float64("rate-limit", 0, "requests a second one client (API key, else IP address) may make on average; 0: no limit")
	burst := fs.Int("burst", 0, "requests one client may make at once (default: the rate, at least 1)")
	trustProxy := fs.Bool("trust-proxy", false, "behind a reverse proxy: take each client's address from the last X-Forwarded-For hop")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	svc, err := e.openMarket(ctx)
	if err != nil {
		return err
	}
	defer svc.Close()
	return e.serve(ctx, svc, *addr, serve.Config{Refresh: *refresh, Private: *private, MaxBody: *maxBody,
		RateLimit: *rate, Burst: *burst, TrustProxy: *trustProxy})
}

// serve serves svc on addr until ctx is done, printing the address it listens on.
func (e *env) serve(ctx context.Context, svc *market.Service, addr string, cfg serve.Config) error {
	if cfg.Refresh == 0 {
		cfg.Refresh = -1 // the server's "never"
	}
	cfg.Service, cfg.Log = svc, slog.New(slog.NewJSONHandler(e.stderr, nil))
	srv, err := serve.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	fmt.Fprintf(e.stdout, "Serving %s on http://%s/ (Ctrl-C stops)\n", market.Redact(e.db), ln.Addr())
	return srv.Run(ctx, ln)
}
