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
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(tax)
	sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extract: x.Extract, Version: x.Version()}, paths)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}
