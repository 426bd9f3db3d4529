package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"jobscope"
)

// TestApplyWaitsOutALock: another connection (another process, in effect) holds the write lock for
// longer than the writer's busy timeout; Apply tries the batch again until the lock is free and
// stores it, instead of failing with "database is locked".
func TestApplyWaitsOutALock(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The writer waits 50 ms for a lock per try, instead of 10 s, so that the test is short.
	if _, err := s.w.ExecContext(ctx, `PRAGMA busy_timeout = 50`); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, nil) // BEGIN IMMEDIATE: the write lock
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan struct{})
	go func() {
		time.Sleep(600 * time.Millisecond)
		tx.Rollback()
		close(released)
	}()
	b := jobscope.Batch{Ads: []jobscope.Ad{bandAd(1, 1)}}
	if err := s.Apply(ctx, &b); err != nil {
		t.Fatalf("Apply while another connection held the lock: %v", err)
	}
	select {
	case <-released:
	default:
		t.Fatal("Apply returned before the lock was released: the test held no lock")
	}
	if n := countRows(t, s, "ads"); n != 1 {
		t.Errorf("%d ads stored, want 1", n)
	}

	// A lock that is never released still ends in an error, once the context is done.
	tx, err = other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	b = jobscope.Batch{Ads: []jobscope.Ad{bandAd(2, 1)}}
	if err := s.Apply(short, &b); err == nil {
		t.Fatal("Apply under a lock held for good: no error")
	}
}
