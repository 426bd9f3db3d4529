// Package sqlite is the jobscope.Store on an SQLite file, through the pure-Go modernc.org/sqlite
// driver. The database runs in WAL mode; all writes go through a single connection and reads through
// a pool, so readers never wait for the writer and writers never fight over the lock.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"jobscope"
	"jobscope/store/internal/migrate"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a jobscope.Store on one SQLite file. It is safe for concurrent use.
type Store struct {
	w *sql.DB // the one writer connection
	r *sql.DB // the reader pool
	c *sql.DB // the checkpointer's connection

	kick chan struct{}      // tells the checkpointer that a batch was committed
	stop context.CancelFunc // stops the checkpointer
	done chan struct{}      // closed when the checkpointer has stopped

	merge mergeRule // when Apply moves the rows of ad_bands_recent into ad_bands; see mergeBands
	pk    *packer   // compresses the records in ad_docs.raw; see raw.go
}

var _ jobscope.Store = (*Store)(nil)

// Pragmas every connection gets. busy_timeout comes first so that the others wait for a lock
// rather than fail.
var commonPragmas = []string{
	"busy_timeout(10000)",
	// page_size only counts for a new file, and only when set before WAL mode (the driver's
	// _journal_mode below comes after every _pragma). 16 KiB pages make the wide, randomly
	// filled indexes (bands, terms) shallower and cheaper to write.
	"page_size(16384)",
	"synchronous(NORMAL)",
	"foreign_keys(1)",
	"temp_store(MEMORY)",
}

// Open opens (creating when needed) the SQLite database at path and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" || path == ":memory:" || strings.Contains(path, "mode=memory") {
		return nil, fmt.Errorf("sqlite: open %q: the store needs a database file", path)
	}
	w, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxIdleTime(0)
	w.SetConnMaxLifetime(0)
	if err := migrateUp(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := max(4, 2*runtime.NumCPU())
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	r.SetConnMaxIdleTime(5 * time.Minute)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	c, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	c.SetMaxOpenConns(1)
	bg, stop := context.WithCancel(context.Background())
	s := &Store{w: w, r: r, c: c, kick: make(chan struct{}, 1), stop: stop, done: make(chan struct{}),
		merge: mergeRule{least: mergeLeast, chunk: mergeChunk}, pk: newPacker()}
	go s.checkpoint(bg)
	return s, nil
}

// checkpointPause is the least time between two background checkpoints: pages that every batch
// changes (index roots, busy terms) are then copied once per pause rather than once per batch.
const checkpointPause = 500 * time.Millisecond

// checkpoint copies committed pages from the WAL into the database file after batches are written,
// on its own connection, so that a batch's commit does not wait for it. A PASSIVE checkpoint never
// blocks readers or the writer; what it cannot copy yet, the next one does.
func (s *Store) checkpoint(ctx context.Context) {
	defer close(s.done)
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
		}
		// An error (the database busy, say) is left for the next round, or for Close.
		s.c.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
		select {
		case <-ctx.Done():
			return
		case <-time.After(checkpointPause):
		}
	}
}

// committed tells the checkpointer that there is work for it.
func (s *Store) committed() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// dsn builds the driver's connection string for path: a file: URI (so that any file name works)
// with the pragmas of a writer or of a reader.
func dsn(path string, writer bool) string {
	q := url.Values{"_journal_mode": {"WAL"}}
	for _, p := range commonPragmas {
		q.Add("_pragma", p)
	}
	if writer {
		// BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails half-way
		// because another process wrote first. The cache is small: the OS's page cache holds the
		// file anyway, and SQLite's own grew the process far past its nominal size (64 MiB of
		// cache took 330 MB more memory than 8 MiB over 100,000 ads) without making ingest faster.
		q.Set("_txlock", "immediate")
		q.Add("_pragma", "cache_size(-8192)")
		// The checkpointer copies the WAL into the database in the background; the writer does it
		// itself only if that falls far behind.
		q.Add("_pragma", "wal_autocheckpoint(65536)")
	} else {
		q.Add("_pragma", "cache_size(-16384)")
		q.Add("_pragma", "query_only(1)")
	}
	u := url.URL{Path: path}
	return "file:" + u.EscapedPath() + "?" + q.Encode()
}

// migrateUp applies the migrations not yet recorded in schema_migrations, each in its own
// transaction. The write lock taken by BEGIN IMMEDIATE keeps two processes from migrating at once.
func migrateUp(ctx context.Context, db *sql.DB) error {
	ms, err := migrate.List(migrations, "migrations")
	if err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migrate.Migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&n); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migration %s: %w", m.Name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migration %s: record: %w", m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.Name, err)
	}
	return nil
}

// Close stops the checkpointer and closes the connections. The writer closes last, so that SQLite
// copies the whole WAL into the database file.
func (s *Store) Close() error {
	s.stop()
	<-s.done
	return errors.Join(s.c.Close(), s.r.Close(), s.w.Close())
}
