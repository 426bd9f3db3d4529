package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"jobscope"
	"jobscope/store/internal/adrow"
)

// Lookup reports what is stored for each of keys that is stored. Like Candidates, it reads on the
// writer's connection: ingest calls both between batches, and the writer's page cache holds the
// pages the last batch wrote, while a reader's cache is dropped whenever the database changed.
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
	js, err := jsonKeys(valid)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lookup: %w", err)
	}
	rows, err := s.w.QueryContext(ctx, `SELECT a.source, a.ext_id, a.content_hash, f.source, f.ext_id
		FROM json_each(?) AS j CROSS JOIN ads AS a ON a.source = j.value->>0 AND a.ext_id = j.value->>1
		LEFT JOIN ads AS f ON f.id = a.dup_of`, js)
	if err != nil {
		return nil, fmt.Errorf("sqlite: lookup: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k jobscope.AdKey
		var hash int64
		var fs, fid sql.NullString
		if err := rows.Scan(&k.Source, &k.ID, &hash, &fs, &fid); err != nil {
			return nil, fmt.Errorf("sqlite: lookup: %w", err)
		}
		e := jobscope.Existing{ContentHash: uint64(hash)}
		if fs.Valid {
			e.DupOf = &jobscope.AdKey{Source: fs.String, ID: fid.String}
		}
		out[k] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: lookup: %w", err)
	}
	return out, nil
}

// Candidates returns the stored ads sharing any of bands. It reads on the writer's connection; see
// Lookup.
func (s *Store) Candidates(ctx context.Context, bands []int64) ([]jobscope.DupCandidate, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	out, err := candidates(ctx, s.w, bands, nil)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// candidates reads the stored ads sharing a band with bands through q (the writer's pool, or
// Apply's transaction), and the signatures of those need passes (every one when need is nil). The
// signatures are read apart, after the ads' columns, because they live in ad_docs: a random page
// of it for each candidate, which for ads not in the page cache cost more than the rest of the
// query, and most candidates (another advertiser's ad from the same template) need none.
func candidates(ctx context.Context, q querier, bands []int64, need func(jobscope.DupCandidate) bool) ([]jobscope.DupCandidate, error) {
	// The bands go in sorted and each once, and are joined to the band tables directly rather than
	// through IN (which would first build a temporary index of them), so that the probes walk each
	// index in order.
	bs := slices.Clone(bands)
	slices.Sort(bs)
	bs = slices.Compact(bs)
	rows, err := q.QueryContext(ctx, `WITH q (band) AS (SELECT value FROM json_each(?1)),
		ids (id) AS (SELECT b.ad_id FROM q CROSS JOIN ad_bands AS b ON b.band = q.band
			UNION SELECT r.ad_id FROM q CROSS JOIN ad_bands_recent AS r ON r.band = q.band)
		SELECT a.id, a.source, a.ext_id, f.source, f.ext_id, a.company, a.title_raw,
			a.title_norm, a.region, a.place, a.posted_at, f.posted_at
		FROM ids
		CROSS JOIN ads AS a ON a.id = ids.id
		LEFT JOIN ads AS f ON f.id = a.dup_of`,
		jsonInts(bs))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []jobscope.DupCandidate
	var ids []int64
	for rows.Next() {
		var c jobscope.DupCandidate
		var id int64
		var fs, fid, posted, firstPosted sql.NullString
		if err := rows.Scan(&id, &c.Key.Source, &c.Key.ID, &fs, &fid, &c.Company, &c.Title, &c.TitleNorm, &c.Region, &c.Place,
			&posted, &firstPosted); err != nil {
			return nil, err
		}
		if c.PostedAt, err = nullDate(posted); err != nil {
			return nil, fmt.Errorf("ad %s: %w", c.Key, err)
		}
		c.FirstPosted = c.PostedAt
		if fs.Valid {
			c.DupOf = &jobscope.AdKey{Source: fs.String, ID: fid.String}
			if c.FirstPosted, err = nullDate(firstPosted); err != nil {
				return nil, fmt.Errorf("first copy of ad %s: %w", c.Key, err)
			}
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
func signatures(ctx context.Context, q querier, cs []jobscope.DupCandidate, ids []int64, need func(jobscope.DupCandidate) bool) error {
	want, at := adrow.SignaturesWanted(cs, ids, need)
	if len(want) == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT d.ad_id, d.signature FROM json_each(?1) AS q
		CROSS JOIN ad_docs AS d ON d.ad_id = q.value`, jsonInts(want))
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
	var first, last sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM ads),
		(SELECT count(*) FROM ads WHERE dup_of IS NOT NULL),
		(SELECT count(*) FROM rejects),
		(SELECT min(posted_at) FROM ads),
		(SELECT max(posted_at) FROM ads)`).Scan(&in.Ads, &in.Duplicates, &in.SetAside, &first, &last)
	if err != nil {
		return in, fmt.Errorf("sqlite: info: %w", err)
	}
	if in.FirstPosted, err = nullDate(first); err != nil {
		return in, fmt.Errorf("sqlite: info: %w", err)
	}
	if in.LastPosted, err = nullDate(last); err != nil {
		return in, fmt.Errorf("sqlite: info: %w", err)
	}
	err = s.r.QueryRowContext(ctx, `SELECT `+adrow.CoverageSQL("remote = 0")+` FROM ads WHERE dup_of IS NULL`).Scan(
		&in.Canonical, &in.Undated, &in.NoMarket, &in.NoLocation, &in.NoSalary, &in.Implausible)
	if err != nil {
		return in, fmt.Errorf("sqlite: info: coverage: %w", err)
	}
	return in, nil
}

// Rejects lists set-aside records, oldest first.
func (s *Store) Rejects(ctx context.Context, limit int) ([]jobscope.Reject, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.r.QueryContext(ctx, `SELECT file, line, pos, reason, record, at FROM rejects
		ORDER BY at, file, line, pos LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: rejects: %w", err)
	}
	defer rows.Close()
	var out []jobscope.Reject
	for rows.Next() {
		var r jobscope.Reject
		var at string
		if err := rows.Scan(&r.File, &r.Line, &r.Pos, &r.Reason, &r.Record, &at); err != nil {
			return nil, fmt.Errorf("sqlite: rejects: %w", err)
		}
		if r.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
			return nil, fmt.Errorf("sqlite: rejects: %s:%d: %w", r.File, r.Line, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: rejects: %w", err)
	}
	return out, nil
}

func nullDate(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	return adrow.ParseDate(s.String)
}
