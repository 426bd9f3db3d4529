// Package testads ingests ad files into a store for tests, as `jobscope ingest` would: the
// default taxonomy's extraction, through a store handle of its own, as another process would.
package testads

import (
	"context"
	"testing"

	"jobscope/extract"
	"jobscope/ingest"
	"jobscope/store"
	"jobscope/taxonomy"
)

// Ingest reads paths into the store at db (a SQLite path or a postgres:// URL), failing the test
// on any error.
func Ingest(t testing.TB, db string, paths ...string) ingest.Summary {
	t.Helper()
	opts := Options(t, db)
	sum, err := ingest.Run(context.Background(), opts, paths)
	opts.Store.Close()
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// Options opens the store at db (closed when the test ends, if not before) and returns ingest's
// options over it with the default taxonomy's extraction.
func Options(t testing.TB, db string) ingest.Options {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	return ingest.Options{Store: st, Extract: x.Extract, Version: x.Version()}
}
