package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"jobscope"
	"jobscope/store/internal/adrow"
)

// adColumns are the columns of ads that Apply writes, in the order of adValues.
var adColumns = []string{
	"id", "source", "ext_id", "content_hash", "dup_of", "company", "title_raw", "title_norm", "seniority",
	"emp_type", "hours", "ir35", "work_mode", "salary_min", "salary_max", "currency", "period", "annual",
	"salary_text", "country", "nation", "region", "county", "place", "remote", "location_raw",
	"posted_at", "closed_at", "url", "term_ids", "bands", "change_seq",
}

func adValues(id int64, r *adrow.Row, dupOf, seq int64, termIDs []int64) []any {
	var dup, smin, smax, annual any
	if dupOf != 0 {
		dup = dupOf
	}
	if r.HasSalary {
		smin, smax = r.SalaryMin, r.SalaryMax
	}
	if r.HasAnnual {
		annual = r.Annual
	}
	return []any{id, r.Key.Source, r.Key.ID, r.ContentHash, dup, r.Company, r.TitleRaw, r.TitleNorm,
		r.Seniority, r.EmpType, r.Hours, r.IR35, r.WorkMode, smin, smax, r.Currency, r.Period, annual,
		r.SalaryText, r.Country, r.Nation, r.Region, r.County, r.Place, r.Remote, r.LocationRaw,
		date(r.Posted), date(r.Closed), r.URL, termIDs, r.Bands, seq}
}

func date(t time.Time) pgtype.Date { return pgtype.Date{Time: t, Valid: !t.IsZero()} }

// applyLock serialises writers to one schema, in this process and in others.
const applyLock = `SELECT pg_advisory_xact_lock(hashtext('jobscope.apply:' || current_schema()))`

// asyncCommit lets a Batch.Async commit return before its WAL reaches the disk: a crash of the
// machine can lose the last such batches (which ingest writes again when rerun), never part of one.
// The next durable commit flushes the WAL up to itself, so the earlier batches with it.
const asyncCommit = `SET LOCAL synchronous_commit = off`

// commitTimeout bounds a commit or rollback once Apply has decided on it.
const commitTimeout = 30 * time.Second

// Apply writes a batch in one transaction.
func (s *Store) Apply(ctx context.Context, b *jobscope.Batch) error {
	p, err := adrow.Prepare(b)
	if err != nil {
		return fmt.Errorf("postgres: apply: %w", err)
	}
	if len(p.Rows) == 0 && len(p.Rejects) == 0 && len(p.Read) == 0 {
		return nil
	}
	var w jobscope.Written
	err = s.pool.with(ctx, func(c *pgx.Conn) error {
		tx, err := c.Begin(ctx)
		if err != nil {
			return err
		}
		// A rollback or commit is never cut short by the caller: a COMMIT interrupted on the
		// client's side may still land on the server after Apply reported failure, and the caller
		// could not tell whether the batch is stored. Cancelled before the commit, the batch is
		// rolled back; once the commit is sent, it is seen through and its outcome returned.
		end, cancel := context.WithTimeout(context.WithoutCancel(ctx), commitTimeout)
		defer cancel()
		if err := applyTx(ctx, tx, b, p, &w); err != nil {
			tx.Rollback(end)
			return err
		}
		if err := ctx.Err(); err != nil {
			tx.Rollback(end)
			return err
		}
		return tx.Commit(end)
	})
	if err != nil {
		return fmt.Errorf("postgres: apply: %w", err)
	}
	b.Written = w
	return nil
}

func applyTx(ctx context.Context, tx pgx.Tx, b *jobscope.Batch, p *adrow.Prepared, w *jobscope.Written) error {
	if _, err := tx.Exec(ctx, applyLock); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if p.Async {
		if _, err := tx.Exec(ctx, asyncCommit); err != nil {
			return fmt.Errorf("set commit mode: %w", err)
		}
	}
	if len(p.Rows) > 0 {
		old, err := p.ReadOld(b, func() (map[jobscope.AdKey]adrow.Old, error) { return readOld(ctx, tx, p) },
			func(bands []int64, need func(jobscope.DupCandidate) bool) ([]jobscope.DupCandidate, error) {
				return candidates(ctx, tx, bands, need)
			})
		if err != nil {
			return err
		}
		termIDs, err := resolveTerms(ctx, tx, p.TermSet())
		if err != nil {
			return err
		}
		plan, err := p.Plan(old, termIDs)
		if err != nil {
			return err
		}
		*w = plan.Written
		if err := clearReplaced(ctx, tx, plan.Replaced); err != nil {
			return err
		}
		var seq int64
		if err := tx.QueryRow(ctx, `UPDATE store_state SET change_seq = change_seq + 1 WHERE id = 1
			RETURNING change_seq`).Scan(&seq); err != nil {
			return fmt.Errorf("number the batch: %w", err)
		}
		if err := writeAds(ctx, tx, p, plan, seq); err != nil {
			return err
		}
		if err := writeDeltas(ctx, tx, plan); err != nil {
			return err
		}
	}
	if err := clearRead(ctx, tx, p.Read); err != nil {
		return err
	}
	return writeRejects(ctx, tx, p.Rejects, p.Digests)
}

// clearRead removes the rejects stored for places the batch read ads from: records since fixed. Most
// runs read files with no rejects at all, which one lookup rules out.
func clearRead(ctx context.Context, tx pgx.Tx, read []jobscope.Place) error {
	if len(read) == 0 {
		return nil
	}
	n := len(read)
	files, lines, poss := make([]string, n), make([]int64, n), make([]int64, n)
	for i, pl := range read {
		files[i], lines[i], poss[i] = pl.File, int64(pl.Line), int64(pl.Pos)
	}
	var any bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM rejects WHERE file = ANY($1))`, files).Scan(&any); err != nil {
		return fmt.Errorf("look up rejects: %w", err)
	}
	if !any {
		return nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM rejects AS r USING unnest($1::text[], $2::bigint[], $3::bigint[]) AS k (file, line, pos)
		WHERE r.file = k.file AND r.line = k.line AND r.pos = k.pos`, files, lines, poss); err != nil {
		return fmt.Errorf("remove fixed rejects: %w", err)
	}
	return nil
}

// readOld reads the stored state of the batch's keys and of the keys its ads are copies of.
func readOld(ctx context.Context, tx pgx.Tx, p *adrow.Prepared) (map[jobscope.AdKey]adrow.Old, error) {
	keys := p.LookupKeys()
	srcs, ids := splitKeys(keys)
	rows, err := tx.Query(ctx, `SELECT a.source, a.ext_id, a.id, a.dup_of IS NULL, a.term_ids, a.bands,
			f.source, f.ext_id
		FROM unnest($1::text[], $2::text[]) AS k (source, ext_id)
		JOIN ads AS a ON a.source = k.source AND a.ext_id = k.ext_id
		LEFT JOIN ads AS f ON f.id = a.dup_of`, srcs, ids)
	if err != nil {
		return nil, fmt.Errorf("read stored ads: %w", err)
	}
	defer rows.Close()
	old := make(map[jobscope.AdKey]adrow.Old)
	for rows.Next() {
		var k jobscope.AdKey
		var o adrow.Old
		var fs, fid *string
		if err := rows.Scan(&k.Source, &k.ID, &o.ID, &o.Canonical, &o.TermIDs, &o.Bands, &fs, &fid); err != nil {
			return nil, fmt.Errorf("read stored ads: %w", err)
		}
		if fs != nil {
			o.DupOf = &jobscope.AdKey{Source: *fs, ID: *fid}
		}
		old[k] = o
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read stored ads: %w", err)
	}
	return old, nil
}

func splitKeys(keys []jobscope.AdKey) (srcs, ids []string) {
	srcs, ids = make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		srcs[i], ids[i] = k.Source, k.ID
	}
	return srcs, ids
}

// resolveTerms returns the ids of terms, adding those not yet known.
func resolveTerms(ctx context.Context, tx pgx.Tx, terms []adrow.TermKey) (map[adrow.TermKey]int64, error) {
	ids := make(map[adrow.TermKey]int64, len(terms))
	if len(terms) == 0 {
		return ids, nil
	}
	kinds, names, cats := make([]string, len(terms)), make([]string, len(terms)), make([]string, len(terms))
	for i, t := range terms {
		kinds[i], names[i], cats[i] = string(t.Kind), t.Name, t.Category
	}
	if _, err := tx.Exec(ctx, `INSERT INTO terms (kind, name, category)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
		ON CONFLICT (kind, name, category) DO NOTHING`, kinds, names, cats); err != nil {
		return nil, fmt.Errorf("add terms: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT t.id, t.kind, t.name, t.category
		FROM unnest($1::text[], $2::text[], $3::text[]) AS k (kind, name, category)
		JOIN terms AS t ON t.kind = k.kind AND t.name = k.name AND t.category = k.category`, kinds, names, cats)
	if err != nil {
		return nil, fmt.Errorf("read term ids: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t adrow.TermKey
		if err := rows.Scan(&id, &t.Kind, &t.Name, &t.Category); err != nil {
			return nil, fmt.Errorf("read term ids: %w", err)
		}
		ids[t] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read term ids: %w", err)
	}
	return ids, nil
}

// clearReplaced deletes the ads about to be replaced; writeAds writes them again under the same
// ids (the deferred foreign keys accept the gap until commit).
func clearReplaced(ctx context.Context, tx pgx.Tx, olds []adrow.Old) error {
	if len(olds) == 0 {
		return nil
	}
	var ids, bands, bandAds []int64
	for _, o := range olds {
		ids = append(ids, o.ID)
		for _, b := range o.Bands {
			bands, bandAds = append(bands, b), append(bandAds, o.ID)
		}
	}
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`DELETE FROM ad_bands AS b USING unnest($1::bigint[], $2::bigint[]) AS x (band, ad_id)
			WHERE b.band = x.band AND b.ad_id = x.ad_id`, []any{bands, bandAds}},
		{`DELETE FROM ad_docs WHERE ad_id = ANY($1)`, []any{ids}},
		{`DELETE FROM ads WHERE id = ANY($1)`, []any{ids}},
	} {
		if _, err := tx.Exec(ctx, q.sql, q.args...); err != nil {
			return fmt.Errorf("clear replaced ads: %w", err)
		}
	}
	return nil
}

// writeAds writes the batch's ads, documents and bands with COPY. New ads take their ids from
// the ads identity's sequence before anything is written, so every copy's link is known up front.
func writeAds(ctx context.Context, tx pgx.Tx, p *adrow.Prepared, plan *adrow.Plan, seq int64) error {
	fresh := 0
	for _, id := range plan.ID {
		if id == 0 {
			fresh++
		}
	}
	ids := slices.Clone(plan.ID)
	if fresh > 0 {
		rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('ads', 'id')) FROM generate_series(1, $1)`, fresh)
		if err != nil {
			return fmt.Errorf("take ad ids: %w", err)
		}
		next, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return fmt.Errorf("take ad ids: %w", err)
		}
		for i := range ids {
			if ids[i] == 0 {
				ids[i], next = next[0], next[1:]
			}
		}
	}
	ads := make([][]any, len(p.Rows))
	docIDs := make([]int64, len(p.Rows))
	sigs, raws := make([][]byte, len(p.Rows)), make([][]byte, len(p.Rows))
	exts, texts := make([]string, len(p.Rows)), make([]string, len(p.Rows))
	var bands [][]any
	for i := range p.Rows {
		r := &p.Rows[i]
		dup := plan.DupID[i]
		if j := plan.DupIn[i]; j >= 0 {
			dup = ids[j]
		}
		ads[i] = adValues(ids[i], r, dup, seq, plan.TermIDs[i])
		docIDs[i], sigs[i], exts[i], raws[i] = ids[i], r.Signature, string(r.Extraction), r.Raw
		texts[i] = fold(r.TitleRaw + "\n" + r.Company + "\n" + r.Text)
		for _, b := range r.Bands {
			bands = append(bands, []any{b, ids[i]})
		}
	}
	// In key order, consecutive index inserts land on neighbouring pages.
	slices.SortFunc(bands, func(a, b []any) int {
		if c := cmp.Compare(a[0].(int64), b[0].(int64)); c != 0 {
			return c
		}
		return cmp.Compare(a[1].(int64), b[1].(int64))
	})
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"ads", adColumns, ads},
		{"ad_bands", []string{"band", "ad_id"}, bands},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("write %s: %w", c.table, err)
		}
	}
	if err := repoint(ctx, tx, plan, ids, seq); err != nil {
		return err
	}
	// The documents go in by one INSERT rather than COPY, so that the search index's tsvector is
	// made by the database from the text, which is not stored.
	if _, err := tx.Exec(ctx, `INSERT INTO ad_docs (ad_id, signature, extraction, raw, search)
		SELECT d.id, d.sig, d.ext::json, d.raw, to_tsvector('simple', d.txt)
		FROM unnest($1::bigint[], $2::bytea[], $3::text[], $4::bytea[], $5::text[]) AS d (id, sig, ext, raw, txt)`,
		docIDs, sigs, exts, raws, texts); err != nil {
		return fmt.Errorf("write ad_docs: %w", err)
	}
	return nil
}

// repoint makes the stored ads of plan.Repoint, and every stored copy of them, copies of the batch's
// ads posted before them. The ad itself is numbered with the batch, so that the engine's catch-up
// sees it become a copy; its copies were not counted anyway.
func repoint(ctx context.Context, tx pgx.Tx, plan *adrow.Plan, ids []int64, seq int64) error {
	for _, r := range plan.Repoint {
		if _, err := tx.Exec(ctx, `UPDATE ads SET dup_of = $1 WHERE dup_of = $2`, ids[r.To], r.ID); err != nil {
			return fmt.Errorf("repoint the copies of ad %d: %w", r.ID, err)
		}
		if _, err := tx.Exec(ctx, `UPDATE ads SET dup_of = $1, change_seq = $2 WHERE id = $3`,
			ids[r.To], seq, r.ID); err != nil {
			return fmt.Errorf("make ad %d a copy: %w", r.ID, err)
		}
	}
	return nil
}

// writeDeltas updates the terms' counts of canonical ads.
func writeDeltas(ctx context.Context, tx pgx.Tx, plan *adrow.Plan) error {
	ids, ns := plan.SortedDeltas()
	if len(ids) == 0 {
		return nil
	}
	if _, err := tx.Exec(ctx, `UPDATE terms AS t SET ads = t.ads + d.n
		FROM unnest($1::bigint[], $2::bigint[]) AS d (id, n) WHERE t.id = d.id`, ids, ns); err != nil {
		return fmt.Errorf("update term counts: %w", err)
	}
	return nil
}

func writeRejects(ctx context.Context, tx pgx.Tx, rs []jobscope.Reject, digests []string) error {
	if len(rs) == 0 {
		return nil
	}
	n := len(rs)
	files, reasons, records := make([]string, n), make([]string, n), make([]string, n)
	lines, poss, ats := make([]int64, n), make([]int64, n), make([]time.Time, n)
	for i, r := range rs {
		files[i], lines[i], poss[i], reasons[i], records[i], ats[i] = r.File, int64(r.Line), int64(r.Pos), r.Reason, r.Record, r.At
	}
	// A record set aside again at a place of a named file replaces what was set aside there before;
	// standard input's places are shared by every stream, and only the same record is one entry.
	if _, err := tx.Exec(ctx, `DELETE FROM rejects AS r USING unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[]) AS k (file, line, pos, digest)
		WHERE k.file <> '-' AND r.file = k.file AND r.line = k.line AND r.pos = k.pos AND r.digest <> k.digest`,
		files, lines, poss, digests); err != nil {
		return fmt.Errorf("replace rejects: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO rejects (file, line, pos, digest, reason, record, at)
		SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])
		ON CONFLICT (file, line, pos, digest) DO UPDATE
		SET reason = excluded.reason, record = excluded.record, at = excluded.at`,
		files, lines, poss, digests, reasons, records, ats); err != nil {
		return fmt.Errorf("write rejects: %w", err)
	}
	return nil
}
