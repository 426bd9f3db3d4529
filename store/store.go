// Package store opens the jobscope.Store a data source name names: PostgreSQL for a postgres:// or
// postgresql:// URL, otherwise an SQLite file at that path.
package store

import (
	"context"
	"strings"

	"jobscope"
	"jobscope/store/postgres"
	"jobscope/store/sqlite"
)

// Open opens the store at dsn, creating its schema when needed. The caller closes it.
func Open(ctx context.Context, dsn string) (jobscope.Store, error) {
	if IsPostgres(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite://"))
}

// IsPostgres reports whether dsn names a PostgreSQL database rather than an SQLite file.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}
