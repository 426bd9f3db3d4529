package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"jobscope"
)

var _ jobscope.KeyStore = (*Store)(nil)

// AddKey stores a new API key.
func (s *Store) AddKey(ctx context.Context, k jobscope.APIKey) error {
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		_, err := c.Exec(ctx, `INSERT INTO api_keys (id, name, hash, created) VALUES ($1, $2, $3, $4)`,
			k.ID, k.Name, k.Hash, k.Created.UTC())
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: add key: %w", err)
	}
	return nil
}

// Keys lists every API key, oldest first.
func (s *Store) Keys(ctx context.Context) ([]jobscope.APIKey, error) {
	var out []jobscope.APIKey
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		rows, err := c.Query(ctx, `SELECT id, name, hash, created, revoked FROM api_keys ORDER BY created, id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			k, err := scanKey(rows)
			if err != nil {
				return err
			}
			out = append(out, k)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: keys: %w", err)
	}
	return out, nil
}

// Key returns the API key of id, or jobscope.ErrNoKey.
func (s *Store) Key(ctx context.Context, id string) (jobscope.APIKey, error) {
	var k jobscope.APIKey
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		var err error
		k, err = scanKey(c.QueryRow(ctx, `SELECT id, name, hash, created, revoked FROM api_keys WHERE id = $1`, id))
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return k, jobscope.ErrNoKey
	}
	if err != nil {
		return k, fmt.Errorf("postgres: key: %w", err)
	}
	return k, nil
}

// RevokeKey marks the API key of id revoked, keeping an earlier revocation.
func (s *Store) RevokeKey(ctx context.Context, id string, at time.Time) error {
	var n int64
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		tag, err := c.Exec(ctx, `UPDATE api_keys SET revoked = coalesce(revoked, $1) WHERE id = $2`, at.UTC(), id)
		n = tag.RowsAffected()
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: revoke key: %w", err)
	}
	if n == 0 {
		return jobscope.ErrNoKey
	}
	return nil
}

func scanKey(row pgx.Row) (jobscope.APIKey, error) {
	var k jobscope.APIKey
	var revoked *time.Time
	if err := row.Scan(&k.ID, &k.Name, &k.Hash, &k.Created, &revoked); err != nil {
		return k, err
	}
	k.Created = k.Created.UTC()
	if revoked != nil {
		k.Revoked = revoked.UTC()
	}
	return k, nil
}
