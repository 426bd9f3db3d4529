package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"jobscope"
	"jobscope/store/postgres"
	"jobscope/store/storetest"
)

// testURL returns the database the tests may use, from JOBSCOPE_TEST_POSTGRES, skipping the test
// when it is unset (CI sets it).
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("JOBSCOPE_TEST_POSTGRES")
	if u == "" {
		t.Skip("JOBSCOPE_TEST_POSTGRES is not set")
	}
	return u
}

// open opens a store in a schema of its own, dropped when t ends, so that tests running at the same
// time never see each other's rows.
func open(t testing.TB) *postgres.Store {
	t.Helper()
	ctx := context.Background()
	base := testURL(t)
	var rnd [6]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		t.Fatal(err)
	}
	schema := "t_" + hex.EncodeToString(rnd[:])
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), base)
		if err != nil {
			t.Errorf("connect to drop schema %s: %v", schema, err)
			return
		}
		defer c.Close(context.Background())
		if _, err := c.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse JOBSCOPE_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("pool_max_conns", "3")
	u.RawQuery = q.Encode()
	s, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestStore(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) jobscope.Store { return open(t) })
}

func BenchmarkApply(b *testing.B) {
	storetest.BenchApply(b, open(b))
}

func BenchmarkCandidates(b *testing.B) {
	storetest.BenchCandidates(b, open(b), 100_000)
}
