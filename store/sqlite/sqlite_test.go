package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"jobscope"
	"jobscope/store/sqlite"
	"jobscope/store/storetest"
)

func open(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "jobscope.db"))
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
	storetest.Run(t, func(t *testing.T) jobscope.Store { return open(t) })
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "odd ?#% name.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	b := jobscope.Batch{Ads: []jobscope.Ad{{Raw: jobscope.RawAd{Source: "reed", ID: "1"}, ContentHash: 7}}}
	if err := s.Apply(ctx, &b); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	in, err := s.Info(ctx)
	if err != nil || in.Ads != 1 {
		t.Errorf("Info after reopening = %+v, %v; want 1 ad", in, err)
	}
}

func TestOpenRejectsMemory(t *testing.T) {
	for _, p := range []string{"", ":memory:"} {
		if s, err := sqlite.Open(context.Background(), p); err == nil {
			s.Close()
			t.Errorf("Open(%q): no error", p)
		}
	}
}

func BenchmarkApply(b *testing.B) {
	storetest.BenchApply(b, open(b))
}

func BenchmarkCandidates(b *testing.B) {
	storetest.BenchCandidates(b, open(b), 100_000)
}
