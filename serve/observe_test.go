package serve

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestObserveStatus: the request log gives the status an answer was sent with, 200 when the
// handler wrote a body without one, and 499 when nothing was written because the client had gone.
func TestObserveStatus(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		cancel  bool
		want    string
	}{
		{"body alone", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) }, false, `"status":200`},
		{"status set", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusTeapot) }, false, `"status":418`},
		{"nothing written, client there", func(http.ResponseWriter, *http.Request) {}, false, `"status":200`},
		{"nothing written, client gone", func(http.ResponseWriter, *http.Request) {}, true, `"status":499`},
		{"written, then client gone", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) }, true, `"status":200`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			s := &Server{log: slog.New(slog.NewJSONHandler(&buf, nil)), metrics: newMetrics()}
			ctx, cancel := context.WithCancel(context.Background())
			if tc.cancel {
				cancel()
			}
			defer cancel()
			r := httptest.NewRequest(http.MethodGet, "/x", nil).WithContext(ctx)
			s.observe(tc.handler).ServeHTTP(httptest.NewRecorder(), r)
			if !strings.Contains(buf.String(), tc.want) {
				t.Errorf("logged %s, want %s", buf.String(), tc.want)
			}
		})
	}
}
