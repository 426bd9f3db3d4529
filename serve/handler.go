package serve

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"jobscope/market"
)

// handler is a route that returns its error instead of writing it: the adapter (serveAPI or
// servePage) writes every error one way.
type handler func(w http.ResponseWriter, r *http.Request) error

// apiError is the one JSON error shape of the API.
type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string        `json:"code"`
	Message string        `json:"message"`
	Details *errorDetails `json:"details,omitempty"`
}

type errorDetails struct {
	Suggestions []string `json:"suggestions,omitempty"`
}

// statusOf maps the service's error codes to HTTP statuses; an error the service did not classify
// is the server's fault.
func statusOf(err error) (int, market.Code) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, market.Code(he.code)
	}
	switch c := market.CodeOf(err); c {
	case market.Invalid:
		return http.StatusBadRequest, c
	case market.NotFound:
		return http.StatusNotFound, c
	case market.Conflict:
		return http.StatusConflict, c
	case market.Unavailable:
		return http.StatusServiceUnavailable, c
	}
	return http.StatusInternalServerError, "internal"
}

// serveAPI adapts h to an http.Handler that writes h's error as the JSON error shape.
func (s *Server) serveAPI(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		status, code := statusOf(err)
		msg := err.Error()
		if status == http.StatusInternalServerError {
			s.log.Error("request failed", "path", r.URL.Path, "err", err)
			msg = "internal error" // nothing of the machine leaks to a client
		}
		body := apiError{Error: apiErrorBody{Code: string(code), Message: msg}}
		if sg := market.SuggestionsOf(err); len(sg) > 0 {
			body.Error.Details = &errorDetails{Suggestions: sg}
		}
		writeJSON(w, status, body)
	})
}

// writeJSON writes v as indented JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// wantsCSV reports whether a request asks for CSV: ?format=csv, or an Accept header that prefers
// text/csv. Any other format is an Invalid error.
func wantsCSV(r *http.Request) (bool, error) {
	switch f := r.URL.Query().Get("format"); f {
	case "csv":
		return true, nil
	case "json":
		return false, nil
	case "":
		return strings.Contains(r.Header.Get("Accept"), "text/csv"), nil
	default:
		return false, &market.Error{Code: market.Invalid, Message: fmt.Sprintf("format %q: want json or csv", f)}
	}
}

// writeCSV writes rows as a CSV download named name.
func writeCSV(w http.ResponseWriter, name string, rows [][]string) error {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`.csv"`)
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// params reads a request's query parameters, checking each: the first bad one is kept and
// reported by err, as an Invalid error naming the parameter.
type params struct {
	q   url.Values
	err error
}

func paramsOf(r *http.Request) *params { return &params{q: r.URL.Query()} }

func (p *params) str(name string) string { return strings.TrimSpace(p.q.Get(name)) }

// integer reads a whole number of at least min, def when absent.
func (p *params) integer(name string, def, min int) int {
	v := p.str(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min {
		p.fail(fmt.Sprintf("%s %q: want a whole number of %d or more", name, v, min))
		return def
	}
	return n
}

// boolean reads true/false/1/0, false when absent.
func (p *params) boolean(name string) bool {
	v := p.str(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.fail(fmt.Sprintf("%s %q: want true or false", name, v))
	}
	return b
}

func (p *params) fail(msg string) {
	if p.err == nil {
		p.err = &market.Error{Code: market.Invalid, Message: msg}
	}
}

// scope reads the scope parameters: market, country, as_of, baseline.
func (p *params) scope() market.ScopeInput {
	return market.ScopeInput{Market: p.str("market"), Country: p.str("country"), AsOf: p.str("as_of"),
		Baseline: p.str("baseline")}
}

// cut reads the cut parameters: location, seniority, work_mode, title, skill, ir35, company.
func (p *params) cut() market.CutInput {
	return market.CutInput{Location: p.str("location"), Seniority: p.str("seniority"), WorkMode: p.str("work_mode"),
		Title: p.str("title"), Skill: p.str("skill"), IR35: p.str("ir35"), Company: p.str("company")}
}

// recoverer turns a panic in a handler into a 500, logged with its stack, so that one bad request
// never takes the server down.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// securityHeaders sets the headers every response carries: a content security policy that allows
// nothing from outside and no inline script, no MIME sniffing, no framing, no referrer sent away.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "+
			"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// statusWriter remembers a response's status and size, for the request log and the metrics.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// statusClientGone is the status logged for a request whose client closed the connection before
// any answer was written (nginx's 499 "client closed request"); no answer is sent with it.
const statusClientGone = 499

// observe logs one line a request and counts it in the metrics under its route pattern.
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
			if r.Context().Err() != nil {
				// Nothing was written because the client left first (a wait for a computation
				// given up): logged as nginx does, 499, not as an answer sent.
				sw.status = statusClientGone
			}
		}
		d := time.Since(start)
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		s.metrics.request(route, sw.status, d)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "route", route, "status", sw.status,
			"bytes", sw.bytes, "ms", float64(d.Microseconds())/1000, "remote", r.RemoteAddr)
	})
}

// errNotFound is a route's answer to a path it does not know.
var errNotFound = &market.Error{Code: market.NotFound, Message: "no such page"}
