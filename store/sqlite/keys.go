package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"jobscope"
)

var _ jobscope.KeyStore = (*Store)(nil)

// AddKey stores a new API key.
func (s *Store) AddKey(ctx context.Context, k jobscope.APIKey) error {
	if _, err := s.w.ExecContext(ctx, `INSERT INTO api_keys (id, name, hash, created) VALUES (?, ?, ?, ?)`,
		k.ID, k.Name, k.Hash, k.Created.UTC().Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("sqlite: add key: %w", err)
	}
	return nil
}

// Keys lists every API key, oldest first.
func (s *Store) Keys(ctx context.Context) ([]jobscope.APIKey, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, hash, created, revoked FROM api_keys ORDER BY created, id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: keys: %w", err)
	}
	defer rows.Close()
	var out []jobscope.APIKey
	for rows.Next() {
		k, err := scanKey(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: keys: %w", err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: keys: %w", err)
	}
	return out, nil
}

// Key returns the API key of id, or jobscope.ErrNoKey.
func (s *Store) Key(ctx context.Context, id string) (jobscope.APIKey, error) {
	k, err := scanKey(s.r.QueryRowContext(ctx, `SELECT id, name, hash, created, revoked FROM api_keys WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return k, jobscope.ErrNoKey
	}
	if err != nil {
		return k, fmt.Errorf("sqlite: key: %w", err)
	}
	return k, nil
}

// RevokeKey marks the API key of id revoked, keeping an earlier revocation.
func (s *Store) RevokeKey(ctx context.Context, id string, at time.Time) error {
	res, err := s.w.ExecContext(ctx, `UPDATE api_keys SET revoked = coalesce(revoked, ?) WHERE id = ?`,
		at.UTC().Format(time.RFC3339Nano), id)
	if err != nil {
		return fmt.Errorf("sqlite: revoke key: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("sqlite: revoke key: %w", err)
	} else if n == 0 {
		return jobscope.ErrNoKey
	}
	return nil
}

func scanKey(row interface{ Scan(...any) error }) (jobscope.APIKey, error) {
	var k jobscope.APIKey
	var created string
	var revoked sql.NullString
	if err := row.Scan(&k.ID, &k.Name, &k.Hash, &created, &revoked); err != nil {
		return k, err
	}
	var err error
	if k.Created, err = time.Parse(time.RFC3339Nano, created); err != nil {
		return k, err
	}
	if revoked.Valid {
		if k.Revoked, err = time.Parse(time.RFC3339Nano, revoked.String); err != nil {
			return k, err
		}
	}
	return k, nil
}
