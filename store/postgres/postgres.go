// Package postgres is the jobscope.Store on PostgreSQL, through pgx. Batches are written with COPY
// inside one transaction; an advisory lock makes writers, in this process or another, take turns,
// which is what keeps the per-term counts exact.
package postgres

import (
	"context"
	"embed"
	"fmt"

	"github.com/jackc/pgx/v5"

	"jobscope"
	"jobscope/store/internal/migrate"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a jobscope.Store on one PostgreSQL schema (the connection's search_path). It is safe
// for concurrent use.
type Store struct {
	pool *pool
}

var _ jobscope.Store = (*Store)(nil)

// Open connects to the database at dsn (a postgres:// URL or a key=value string, as pgx reads
// them) and brings its schema up to date. A URL may carry pool_max_conns, the most connections
// the store opens (default: the larger of 4 and the number of CPUs); a search_path parameter puts
// the store's tables in that schema.
func Open(ctx context.Context, dsn string) (*Store, error) {
	p, err := newPool(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	s := &Store{pool: p}
	if err := s.pool.with(ctx, func(c *pgx.Conn) error { return migrateUp(ctx, c) }); err != nil {
		s.pool.close()
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	return s, nil
}

// migrateUp applies the migrations not yet recorded in schema_migrations, each in its own
// transaction, under an advisory lock (one per schema) so that two processes never migrate at once.
func migrateUp(ctx context.Context, c *pgx.Conn) error {
	ms, err := migrate.List(migrations, "migrations")
	if err != nil {
		return err
	}
	const lockKey = `hashtext('jobscope.migrate:' || current_schema())`
	if _, err := c.Exec(ctx, `SELECT pg_advisory_lock(`+lockKey+`)`); err != nil {
		return fmt.Errorf("lock for migrations: %w", err)
	}
	defer c.Exec(context.Background(), `SELECT pg_advisory_unlock(`+lockKey+`)`)
	if _, err := c.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    integer PRIMARY KEY,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		if err := pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
			var done bool
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)`,
				m.Version).Scan(&done); err != nil {
				return err
			}
			if done {
				return nil
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name)
			return err
		}); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
	}
	return nil
}

// Close closes the store's connections.
func (s *Store) Close() error {
	if err := s.pool.close(); err != nil {
		return fmt.Errorf("postgres: close: %w", err)
	}
	return nil
}
