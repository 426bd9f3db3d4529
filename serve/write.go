package serve

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"jobscope"
	"jobscope/apikey"
	"jobscope/ingest"
	"jobscope/market"
)

// DefaultMaxBody is the largest request body POST /api/v1/ads takes unless told otherwise.
const DefaultMaxBody = 32 << 20

// httpError is an error of the HTTP layer itself, with its own status and code: no key, a body
// too large.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// keyOf returns the valid API key a request carries (Authorization: Bearer TOKEN, or X-API-Key),
// or a 401 httpError.
func (s *Server) keyOf(r *http.Request) (jobscope.APIKey, error) {
	token := bearer(r)
	if token == "" {
		return jobscope.APIKey{}, &httpError{http.StatusUnauthorized, "unauthorized",
			"this needs an API key: Authorization: Bearer TOKEN (jobscope keys create NAME makes one)"}
	}
	ks, ok := s.svc.Store().(jobscope.KeyStore)
	if !ok {
		return jobscope.APIKey{}, &httpError{http.StatusServiceUnavailable, "unavailable", "this store keeps no API keys"}
	}
	k, err := apikey.Check(r.Context(), ks, token)
	if errors.Is(err, apikey.ErrInvalid) {
		return k, &httpError{http.StatusUnauthorized, "unauthorized", err.Error()}
	}
	if err != nil {
		return k, &market.Error{Code: market.Unavailable, Message: "check the API key", Err: err}
	}
	return k, nil
}

// bearer returns the token a request carries: Authorization: Bearer TOKEN, or X-API-Key.
func bearer(r *http.Request) string {
	if t := strings.TrimSpace(r.Header.Get("X-API-Key")); t != "" {
		return t
	}
	scheme, t, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if strings.EqualFold(scheme, "Bearer") {
		return strings.TrimSpace(t)
	}
	return ""
}

// requireKey lets a request through only with a valid API key (for every route of a --private
// server but /healthz).
func (s *Server) requireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			if _, err := s.keyOf(r); err != nil {
				s.serveAPI(func(http.ResponseWriter, *http.Request) error { return err }).ServeHTTP(w, r)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// sourceName is what a source may be called: letters, digits, dot, dash and underscore.
var sourceName = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// postResult is what POST /api/v1/ads answers: what the batch did, and the ads held after it.
type postResult struct {
	Summary ingest.Summary `json:"summary"`
	Ads     int            `json:"ads"`
}

// apiPostAds answers POST /api/v1/ads: a batch of ads in any input format (JSON Lines, CSV,
// JSON, schema.org JobPosting, HTML, gzipped or not) ingested as `jobscope ingest` would, with
// the key's holder named as the source of records that name none (?source= overrides). Bad
// records are set aside and counted, as from a file; the engine catches up before the answer, so
// the figures served next include the batch.
func (s *Server) apiPostAds(w http.ResponseWriter, r *http.Request) error {
	k, err := s.keyOf(r)
	if err != nil {
		return err
	}
	source := r.URL.Query().Get("source")
	if source == "" {
		source = strings.Trim(nonSource.ReplaceAllString(strings.ToLower(k.Name), "-"), "-")
	}
	if !sourceName.MatchString(source) {
		return &market.Error{Code: market.Invalid, Message: fmt.Sprintf("source %q: want 1 to 64 letters, digits, '.', '-' or '_'", source)}
	}
	body := http.MaxBytesReader(w, r.Body, s.maxBody)
	opts := ingest.Options{Store: s.svc.Store(), Extract: s.extract, Version: s.extractVersion}
	sum, err := ingest.RunReader(r.Context(), opts, "api/"+source, body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &httpError{http.StatusRequestEntityTooLarge, "too_large",
			fmt.Sprintf("the body is over %d bytes: send the ads in smaller batches (the records before the limit were stored)", tooBig.Limit)}
	}
	if err != nil {
		return &market.Error{Code: market.Unavailable, Message: "ingest the batch", Err: err}
	}
	s.log.Info("ads posted", "key", k.ID, "source", source, "summary", sum.String())
	if err := s.Refresh(r.Context()); err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, postResult{Summary: sum, Ads: s.svc.Engine().Len()})
	return nil
}

// nonSource matches the runs of characters a key's name has that a source may not.
var nonSource = regexp.MustCompile(`[^a-z0-9._-]+`)
