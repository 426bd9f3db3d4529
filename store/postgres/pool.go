package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pool is the store's pgxpool, behind the one call the store makes of it: run a function on a
// connection. pgxpool bounds the connections (pool_max_conns in the URL, default the larger of 4
// and the number of CPUs) and destroys, rather than reuses, one released broken, busy or inside a
// transaction, as a cancelled call can leave it.
type pool struct {
	p *pgxpool.Pool
}

// newPool opens a pool on dsn (a postgres:// URL or a key=value string). It connects lazily: the
// first call makes the first connection.
func newPool(ctx context.Context, dsn string) (*pool, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	p, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &pool{p: p}, nil
}

// with runs fn on a pooled connection, waiting while every connection is in use.
func (p *pool) with(ctx context.Context, fn func(c *pgx.Conn) error) error {
	c, err := p.p.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer c.Release()
	return fn(c.Conn())
}

// close closes the pool's connections, waiting for those in use to be released.
func (p *pool) close() error {
	p.p.Close()
	return nil
}
