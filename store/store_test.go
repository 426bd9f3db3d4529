package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"jobscope/store"
	"jobscope/store/postgres"
	"jobscope/store/sqlite"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		dsn    string
		pg     bool
		skip   bool
		wantOK bool
	}{
		{"file", filepath.Join(t.TempDir(), "a.db"), false, false, true},
		{"sqlite scheme", "sqlite://" + filepath.Join(t.TempDir(), "b.db"), false, false, true},
		{"memory", ":memory:", false, false, false},
		// The PostgreSQL store itself is tested in its package, each test in a schema of its own;
		// here it is enough that a URL goes to it.
		{"unreachable postgres", "postgres://nobody@127.0.0.1:1/none?connect_timeout=2", true, false, false},
		{"unreachable postgresql", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.skip {
				t.Skip("JOBSCOPE_TEST_POSTGRES is not set")
			}
			if got := store.IsPostgres(tc.dsn); got != tc.pg {
				t.Errorf("IsPostgres(%q) = %v, want %v", tc.dsn, got, tc.pg)
			}
			s, err := store.Open(ctx, tc.dsn)
			if !tc.wantOK {
				if err == nil {
					s.Close()
					t.Fatalf("Open(%q): no error", tc.dsn)
				}
				if want := map[bool]string{true: "postgres:", false: "sqlite:"}[tc.pg]; !strings.HasPrefix(err.Error(), want) {
					t.Errorf("Open(%q) = %v, want an error from %s", tc.dsn, err, want)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open(%q): %v", tc.dsn, err)
			}
			defer s.Close()
			switch s.(type) {
			case *postgres.Store:
				if !tc.pg {
					t.Errorf("Open(%q) opened PostgreSQL", tc.dsn)
				}
			case *sqlite.Store:
				if tc.pg {
					t.Errorf("Open(%q) opened SQLite", tc.dsn)
				}
			}
			if _, err := s.Info(ctx); err != nil {
				t.Errorf("Info: %v", err)
			}
		})
	}
}
