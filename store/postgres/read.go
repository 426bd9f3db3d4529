package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"jobscope"
	"jobscope/store/internal/adrow"
)

// Lookup reports what is stored for each of keys that is stored.
func (s *Store) Lookup(ctx context.Context, keys []jobscope.AdKey) (map[jobscope.AdKey]jobscope.Existing, error) {
	out := make(map[jobscope.AdKey]jobscope.Existing)
	valid := keys[:0:0]
	for _, k := range keys {
		if adrow.CheckKey(k) == nil { // a key that cannot be stored is not stored
			valid = append(valid, k)
		}
	}
	if len(valid) == 0 {
		return out, nil
	}
	srcs, ids := splitKeys(valid)
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		rows, err := c.Query(ctx, `SELECT a.source, a.ext_id, a.content_hash, f.source, f.ext_id
			FROM unnest($1::text[], $2::text[]) AS k (source, ext_id)
			JOIN ads AS a ON a.source = k.source AND a.ext_id = k.ext_id
			LEFT JOIN ads AS f ON f.id = a.dup_of`, srcs, ids)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var k jobscope.AdKey
			var hash int64
			var fs, fid *string
			if err := rows.Scan(&k.Source, &k.ID, &hash, &fs, &fid); err != nil {
				return err
			}
			e := jobscope.Existing{ContentHash: uint64(hash)}
			if fs != nil {
				e.DupOf = &jobscope.AdKey{Source: *fs, ID: *fid}
			}
			out[k] = e
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: lookup: %w", err)
	}
	return out, nil
}

// Candidates returns the stored ads sharing any of bands.
func (s *Store) Candidates(ctx context.Context, bands []int64) ([]jobscope.DupCandidate, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	var out []jobscope.DupCandidate
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		var err error
		out, err = candidates(ctx, c, bands, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: candidates: %w", err)
	}
	return out, nil
}

// pgQuerier reads: a connection, or Apply's transaction.
type pgQuerier interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}

// candidates reads the stored ads sharing a band with bands through q, and the signatures of
// those need passes (every one when need is nil): apart, since they live in ad_docs, a random page
// of it for each candidate, and most candidates (another advertiser's ad from the same template)
// need none.
func candidates(ctx context.Context, q pgQuerier, bands []int64, need func(jobscope.DupCandidate) bool) ([]jobscope.DupCandidate, error) {
	rows, err := q.Query(ctx, `SELECT a.id, a.source, a.ext_id, f.source, f.ext_id, a.company, a.title_raw,
			a.title_norm, a.region, a.place, a.posted_at, f.posted_at
		FROM ads AS a
		LEFT JOIN ads AS f ON f.id = a.dup_of
		WHERE a.id IN (SELECT b.ad_id FROM ad_bands AS b WHERE b.band = ANY($1))`, bands)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []jobscope.DupCandidate
	var ids []int64
	for rows.Next() {
		var c jobscope.DupCandidate
		var id int64
		var fs, fid *string
		var posted, firstPosted pgtype.Date
		if err := rows.Scan(&id, &c.Key.Source, &c.Key.ID, &fs, &fid, &c.Company, &c.Title, &c.TitleNorm, &c.Region, &c.Place,
			&posted, &firstPosted); err != nil {
			return nil, err
		}
		c.PostedAt = fromDate(posted)
		c.FirstPosted = c.PostedAt
		if fs != nil {
			c.DupOf = &jobscope.AdKey{Source: *fs, ID: *fid}
			c.FirstPosted = fromDate(firstPosted)
		}
		out = append(out, c)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	return out, signatures(ctx, q, out, ids, need)
}

// signatures sets the Signature of the candidates cs (stored as ids) that need passes.
func signatures(ctx context.Context, q pgQuerier, cs []jobscope.DupCandidate, ids []int64, need func(jobscope.DupCandidate) bool) error {
	want, at := adrow.SignaturesWanted(cs, ids, need)
	if len(want) == 0 {
		return nil
	}
	rows, err := q.Query(ctx, `SELECT ad_id, signature FROM ad_docs WHERE ad_id = ANY($1)`, want)
	if err != nil {
		return fmt.Errorf("signatures: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var sig []byte
		if err := rows.Scan(&id, &sig); err != nil {
			return fmt.Errorf("signatures: %w", err)
		}
		cs[at[id]].Signature = sig
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("signatures: %w", err)
	}
	return nil
}

// Info counts the stored ads, copies and rejects, and the range of posting dates.
func (s *Store) Info(ctx context.Context) (jobscope.Info, error) {
	var in jobscope.Info
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		var first, last pgtype.Date
		var ads, dups, rejects int64
		err := c.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM ads),
			(SELECT count(*) FROM ads WHERE dup_of IS NOT NULL),
			(SELECT count(*) FROM rejects),
			(SELECT min(posted_at) FROM ads),
			(SELECT max(posted_at) FROM ads)`).Scan(&ads, &dups, &rejects, &first, &last)
		in = jobscope.Info{Ads: int(ads), Duplicates: int(dups), SetAside: int(rejects),
			FirstPosted: fromDate(first), LastPosted: fromDate(last)}
		if err != nil {
			return err
		}
		var cov [6]int64
		err = c.QueryRow(ctx, `SELECT `+adrow.CoverageSQL("NOT remote")+` FROM ads WHERE dup_of IS NULL`).Scan(
			&cov[0], &cov[1], &cov[2], &cov[3], &cov[4], &cov[5])
		in.Canonical, in.Undated, in.NoMarket = int(cov[0]), int(cov[1]), int(cov[2])
		in.NoLocation, in.NoSalary, in.Implausible = int(cov[3]), int(cov[4]), int(cov[5])
		return err
	})
	if err != nil {
		return jobscope.Info{}, fmt.Errorf("postgres: info: %w", err)
	}
	return in, nil
}

// Rejects lists set-aside records, oldest first.
func (s *Store) Rejects(ctx context.Context, limit int) ([]jobscope.Reject, error) {
	var lim *int64 // LIMIT NULL: no limit
	if limit > 0 {
		l := int64(limit)
		lim = &l
	}
	var out []jobscope.Reject
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		rows, err := c.Query(ctx, `SELECT file, line, pos, reason, record, at FROM rejects
			ORDER BY at, file, line, pos LIMIT $1`, lim)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r jobscope.Reject
			var line, pos int64
			if err := rows.Scan(&r.File, &line, &pos, &r.Reason, &r.Record, &r.At); err != nil {
				return err
			}
			r.Line, r.Pos, r.At = int(line), int(pos), r.At.UTC()
			out = append(out, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: rejects: %w", err)
	}
	return out, nil
}

// fnError carries an error of Facts' callback through the query, so that Facts returns it as is.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

func fromDate(d pgtype.Date) time.Time {
	if !d.Valid {
		return time.Time{}
	}
	y, m, dd := d.Time.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
}
