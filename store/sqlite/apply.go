package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"jobscope"
	"jobscope/store/internal/adrow"
)

// adColumns are the columns of ads that Apply writes, in the order of adArgs.
var adColumns = []string{
	"id", "source", "ext_id", "content_hash", "dup_of", "company", "title_raw", "title_norm", "seniority",
	"emp_type", "hours", "ir35", "work_mode", "salary_min", "salary_max", "currency", "period", "annual",
	"salary_text", "country", "nation", "region", "county", "place", "remote", "location_raw",
	"posted_at", "closed_at", "url", "change_seq",
}

// upsertAd is the ON CONFLICT clause of the multi-row ads insert: a stored ad keeps its id, so
// that copies pointing at it stay valid, and every other column is overwritten.
var upsertAd = func() string {
	var set []string
	for _, c := range adColumns[1:] {
		set = append(set, c+" = excluded."+c)
	}
	return " ON CONFLICT (id) DO UPDATE SET " + strings.Join(set, ", ")
}()

const upsertDoc = ` ON CONFLICT (ad_id) DO UPDATE SET term_ids = excluded.term_ids, bands = excluded.bands,
	bands_b = excluded.bands_b, signature = excluded.signature, extraction = excluded.extraction, extraction_z = excluded.extraction_z,
	raw = excluded.raw`

func adArgs(args []any, id int64, r *adrow.Row, dupOf, seq int64) []any {
	var dup, smin, smax, annual, posted, closed any
	if dupOf != 0 {
		dup = dupOf
	}
	if r.HasSalary {
		smin, smax = r.SalaryMin, r.SalaryMax
	}
	if r.HasAnnual {
		annual = r.Annual
	}
	if !r.Posted.IsZero() {
		posted = adrow.FormatDate(r.Posted)
	}
	if !r.Closed.IsZero() {
		closed = adrow.FormatDate(r.Closed)
	}
	return append(args, id, r.Key.Source, r.Key.ID, r.ContentHash, dup, r.Company, r.TitleRaw, r.TitleNorm,
		r.Seniority, r.EmpType, r.Hours, r.IR35, r.WorkMode, smin, smax, r.Currency, r.Period, annual,
		r.SalaryText, r.Country, r.Nation, r.Region, r.County, r.Place, r.Remote, r.LocationRaw,
		posted, closed, r.URL, seq)
}

// Apply writes a batch in one transaction on the writer connection. Another process writing the
// same file holds its lock a batch at a time; a transaction that could not take it within the
// busy timeout (a writer that starts its next batch as soon as it commits can keep winning the
// lock from one that sleeps between tries) is tried again, whole, until maxBusyWait has passed.
func (s *Store) Apply(ctx context.Context, b *jobscope.Batch) error {
	p, err := adrow.Prepare(b)
	if err != nil {
		return fmt.Errorf("sqlite: apply: %w", err)
	}
	if len(p.Rows) == 0 && len(p.Rejects) == 0 && len(p.Read) == 0 {
		return nil
	}
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: apply: %w", err)
	}
	defer conn.Close()
	start := time.Now()
	for try := 0; ; try++ {
		var w jobscope.Written
		err := apply(ctx, conn, b, p, s.merge, s.pk, &w)
		if err == nil {
			s.committed()
			b.Written = w
			return nil
		}
		if !busy(err) || time.Since(start) > maxBusyWait {
			return fmt.Errorf("sqlite: apply: %w", err)
		}
		// The transaction rolled back whole: prepare the batch again (Copies changed it) and wait
		// a little, longer each time and by a random share, so that two waiters do not collide.
		if p, err = adrow.Prepare(b); err != nil {
			return fmt.Errorf("sqlite: apply: %w", err)
		}
		pause := time.Duration(10<<min(try, 5)) * time.Millisecond
		select {
		case <-ctx.Done():
			return fmt.Errorf("sqlite: apply: %w", ctx.Err())
		case <-time.After(pause/2 + rand.N(pause)):
		}
	}
}

// maxBusyWait is how long Apply keeps trying a batch whose transaction finds the database locked.
const maxBusyWait = 5 * time.Minute

// busy reports whether err is SQLite's "database is locked" (SQLITE_BUSY, or one of its extended
// codes).
func busy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// apply runs one batch's transaction on the writer's connection. Every connection commits with
// synchronous=NORMAL, durable against a crash of the process but not of the machine; a batch that
// is not Async commits with FULL, which syncs the WAL, and with it every batch committed before.
func apply(ctx context.Context, conn *sql.Conn, b *jobscope.Batch, p *adrow.Prepared, m mergeRule, pk *packer, w *jobscope.Written) error {
	if !p.Async {
		if _, err := conn.ExecContext(ctx, `PRAGMA synchronous = FULL`); err != nil {
			return fmt.Errorf("commit mode: %w", err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA synchronous = NORMAL`)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := applyTx(ctx, tx, b, p, m, pk, w); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func applyTx(ctx context.Context, tx *sql.Tx, b *jobscope.Batch, p *adrow.Prepared, m mergeRule, pk *packer, w *jobscope.Written) error {
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
		if err := tx.QueryRowContext(ctx, `UPDATE store_state SET change_seq = change_seq + 1 WHERE id = 1
			RETURNING change_seq`).Scan(&seq); err != nil {
			return fmt.Errorf("number the batch: %w", err)
		}
		if err := writeAds(ctx, tx, p, plan, m, pk, seq); err != nil {
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
// runs read files with no rejects at all, which one lookup a file rules out.
func clearRead(ctx context.Context, tx *sql.Tx, read []jobscope.Place) error {
	if len(read) == 0 {
		return nil
	}
	has := map[string]bool{}
	for _, pl := range read {
		if _, seen := has[pl.File]; seen {
			continue
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM rejects WHERE file = ? LIMIT 1)`, pl.File).Scan(&n); err != nil {
			return fmt.Errorf("look up rejects of %s: %w", pl.File, err)
		}
		has[pl.File] = n > 0
	}
	st, err := tx.PrepareContext(ctx, `DELETE FROM rejects WHERE file = ? AND line = ? AND pos = ?`)
	if err != nil {
		return fmt.Errorf("prepare reject removal: %w", err)
	}
	defer st.Close()
	for _, pl := range read {
		if !has[pl.File] {
			continue
		}
		if _, err := st.ExecContext(ctx, pl.File, pl.Line, pl.Pos); err != nil {
			return fmt.Errorf("remove the reject of %s:%d: %w", pl.File, pl.Line, err)
		}
	}
	return nil
}

// readOld reads the stored state of the batch's keys and of the keys its ads are copies of.
func readOld(ctx context.Context, tx *sql.Tx, p *adrow.Prepared) (map[jobscope.AdKey]adrow.Old, error) {
	keys, err := jsonKeys(p.LookupKeys())
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.source, a.ext_id, a.id, a.dup_of IS NULL, d.term_ids, d.bands, d.bands_b,
			f.source, f.ext_id
		FROM json_each(?) AS j
		CROSS JOIN ads AS a ON a.source = j.value->>0 AND a.ext_id = j.value->>1
		JOIN ad_docs AS d ON d.ad_id = a.id
		LEFT JOIN ads AS f ON f.id = a.dup_of`, keys)
	if err != nil {
		return nil, fmt.Errorf("read stored ads: %w", err)
	}
	defer rows.Close()
	old := make(map[jobscope.AdKey]adrow.Old)
	for rows.Next() {
		var k jobscope.AdKey
		var o adrow.Old
		var terms, bands, bandsB []byte
		var fs, fid sql.NullString
		if err := rows.Scan(&k.Source, &k.ID, &o.ID, &o.Canonical, &terms, &bands, &bandsB, &fs, &fid); err != nil {
			return nil, fmt.Errorf("read stored ads: %w", err)
		}
		if fs.Valid {
			o.DupOf = &jobscope.AdKey{Source: fs.String, ID: fid.String}
		}
		if p.NeedsTerms(k) {
			if o.TermIDs, err = adrow.DecodeInts(terms); err != nil {
				return nil, fmt.Errorf("read stored ad %s: %w", k, err)
			}
		}
		if _, inBatch := p.Index[k]; inBatch {
			if len(bands) > 0 {
				o.Bands, err = adrow.DecodeInts(bands) // stored before bands_b, as JSON
			} else {
				o.Bands, err = decodeBands(bandsB)
			}
			if err != nil {
				return nil, fmt.Errorf("read stored ad %s: %w", k, err)
			}
		}
		old[k] = o
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read stored ads: %w", err)
	}
	return old, nil
}

// resolveTerms returns the ids of terms, adding those not yet known.
func resolveTerms(ctx context.Context, tx *sql.Tx, terms []adrow.TermKey) (map[adrow.TermKey]int64, error) {
	ids := make(map[adrow.TermKey]int64, len(terms))
	if len(terms) == 0 {
		return ids, nil
	}
	a := make([][3]string, len(terms))
	for i, t := range terms {
		a[i] = [3]string{string(t.Kind), t.Name, t.Category}
	}
	js, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("encode terms: %w", err)
	}
	// WHERE true tells SQLite's parser that ON CONFLICT belongs to the INSERT, not to a join.
	if _, err := tx.ExecContext(ctx, `INSERT INTO terms (kind, name, category)
		SELECT value->>0, value->>1, value->>2 FROM json_each(?) WHERE true
		ON CONFLICT (kind, name, category) DO NOTHING`, string(js)); err != nil {
		return nil, fmt.Errorf("add terms: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT t.id, t.kind, t.name, t.category
		FROM json_each(?) AS j
		CROSS JOIN terms AS t ON t.kind = j.value->>0 AND t.name = j.value->>1 AND t.category = j.value->>2`, string(js))
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

// clearReplaced deletes the ad_terms and ad_bands rows of ads about to be replaced.
func clearReplaced(ctx context.Context, tx *sql.Tx, olds []adrow.Old) error {
	if len(olds) == 0 {
		return nil
	}
	dt, err := tx.PrepareContext(ctx, `DELETE FROM ad_terms WHERE term_id = ? AND ad_id = ?`)
	if err != nil {
		return fmt.Errorf("prepare term delete: %w", err)
	}
	defer dt.Close()
	db, err := tx.PrepareContext(ctx, `DELETE FROM ad_bands WHERE band = ? AND ad_id = ?`)
	if err != nil {
		return fmt.Errorf("prepare band delete: %w", err)
	}
	defer db.Close()
	dr, err := tx.PrepareContext(ctx, `DELETE FROM ad_bands_recent WHERE band = ? AND ad_id = ?`)
	if err != nil {
		return fmt.Errorf("prepare recent band delete: %w", err)
	}
	defer dr.Close()
	dx, err := tx.PrepareContext(ctx, `DELETE FROM ad_text WHERE rowid = ?`)
	if err != nil {
		return fmt.Errorf("prepare text delete: %w", err)
	}
	defer dx.Close()
	for _, o := range olds {
		if _, err := dx.ExecContext(ctx, o.ID); err != nil {
			return fmt.Errorf("clear text of replaced ad: %w", err)
		}
		for _, t := range o.TermIDs {
			if _, err := dt.ExecContext(ctx, t, o.ID); err != nil {
				return fmt.Errorf("clear terms of replaced ad: %w", err)
			}
		}
		for _, b := range o.Bands {
			if _, err := db.ExecContext(ctx, b, o.ID); err != nil {
				return fmt.Errorf("clear bands of replaced ad: %w", err)
			}
			if _, err := dr.ExecContext(ctx, b, o.ID); err != nil {
				return fmt.Errorf("clear bands of replaced ad: %w", err)
			}
		}
	}
	return nil
}

// writeAds upserts the batch's ads and their documents, and writes their terms and bands. It gives
// new ads their ids itself (the writer holds the database's write lock), so that every id, and so
// every copy's link to its first copy, is known before anything is written, and rows go in by
// multi-row statements.
func writeAds(ctx context.Context, tx *sql.Tx, p *adrow.Prepared, plan *adrow.Plan, m mergeRule, pk *packer, seq int64) error {
	var next int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM ads`).Scan(&next); err != nil {
		return fmt.Errorf("read last ad id: %w", err)
	}
	samples := map[string][][]byte{kindRaw: nil, kindExtraction: nil}
	for i := range p.Rows {
		if p.Rows[i].Raw != nil {
			samples[kindRaw] = append(samples[kindRaw], p.Rows[i].Raw)
		}
		samples[kindExtraction] = append(samples[kindExtraction], p.Rows[i].Extraction)
	}
	if err := pk.prepare(ctx, tx, samples); err != nil {
		return err
	}
	ids := make([]int64, len(p.Rows))
	for i := range p.Rows {
		if plan.ID[i] != 0 {
			ids[i] = plan.ID[i]
		} else {
			next++
			ids[i] = next
		}
	}
	ads := make([]any, 0, len(adColumns)*len(p.Rows))
	docs := make([]any, 0, 7*len(p.Rows))
	texts := make([]any, 0, 4*len(p.Rows))
	nTerms, nBands := 0, 0
	for i := range p.Rows {
		r := &p.Rows[i]
		dup := plan.DupID[i]
		if j := plan.DupIn[i]; j >= 0 {
			dup = ids[j]
		}
		ads = adArgs(ads, ids[i], r, dup, seq)
		var raw any
		if r.Raw != nil {
			raw = pk.pack(kindRaw, r.Raw)
		}
		docs = append(docs, ids[i], string(adrow.EncodeInts(plan.TermIDs[i])), "", encodeBands(r.Bands),
			r.Signature, "", pk.pack(kindExtraction, r.Extraction), raw)
		texts = append(texts, ids[i], r.TitleRaw, r.Company, r.Text)
		nTerms += len(r.Terms)
		nBands += len(r.Bands)
	}
	if err := insertRows(ctx, tx, "INSERT INTO ads ("+strings.Join(adColumns, ", ")+") VALUES ",
		upsertAd, len(adColumns), ads); err != nil {
		return fmt.Errorf("write ads: %w", err)
	}
	if err := repoint(ctx, tx, plan, ids, seq); err != nil {
		return err
	}
	if err := insertRows(ctx, tx, "INSERT INTO ad_docs (ad_id, term_ids, bands, bands_b, signature, extraction, extraction_z, raw) VALUES ",
		upsertDoc, 8, docs); err != nil {
		return fmt.Errorf("write ad documents: %w", err)
	}
	if err := insertRows(ctx, tx, "INSERT INTO ad_text (rowid, title, company, body) VALUES ", "", 4, texts); err != nil {
		return fmt.Errorf("write ad text: %w", err)
	}

	// In key order, consecutive inserts land on neighbouring pages.
	termRows := make([][2]int64, 0, nTerms)
	bandRows := make([][2]int64, 0, nBands)
	for i := range p.Rows {
		for _, t := range plan.TermIDs[i] {
			termRows = append(termRows, [2]int64{t, ids[i]})
		}
		for _, b := range p.Rows[i].Bands {
			bandRows = append(bandRows, [2]int64{b, ids[i]})
		}
	}
	terms, bands := flatPairs(termRows), flatPairs(bandRows)
	if err := insertRows(ctx, tx, "INSERT INTO ad_terms (term_id, ad_id) VALUES ", "", 2, terms); err != nil {
		return fmt.Errorf("write terms: %w", err)
	}
	if err := insertRows(ctx, tx, "INSERT INTO ad_bands_recent (band, ad_id) VALUES ", "", 2, bands); err != nil {
		return fmt.Errorf("write bands: %w", err)
	}
	return mergeBands(ctx, tx, m, next, len(p.Rows), len(bandRows))
}

// repoint makes the stored ads of plan.Repoint, and every stored copy of them, copies of the batch's
// ads posted before them. The ad itself is numbered with the batch, so that the engine's catch-up
// sees it become a copy; its copies were not counted anyway.
func repoint(ctx context.Context, tx *sql.Tx, plan *adrow.Plan, ids []int64, seq int64) error {
	for _, r := range plan.Repoint {
		if _, err := tx.ExecContext(ctx, `UPDATE ads SET dup_of = ?1 WHERE dup_of = ?2`, ids[r.To], r.ID); err != nil {
			return fmt.Errorf("repoint the copies of ad %d: %w", r.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE ads SET dup_of = ?1, change_seq = ?2 WHERE id = ?3`,
			ids[r.To], seq, r.ID); err != nil {
			return fmt.Errorf("make ad %d a copy: %w", r.ID, err)
		}
	}
	return nil
}

// mergeRule says when and how mergeBands moves rows; tests make it small.
type mergeRule struct {
	least int64 // the fewest rows ad_bands_recent holds before they are moved
	chunk int64 // how many rows one statement moves
}

// The mergeRule of a Store.
const (
	mergeLeast = 1 << 16
	mergeChunk = 8192
)

// mergeBands moves the rows of ad_bands_recent into ad_bands once there are enough of them. A batch
// dirties about every page of ad_bands_recent (R rows), and a merge every page of ad_bands (M rows)
// once every R/b batches of b rows, so a batch costs about R + M·b/R pages, least at R = √(M·b):
// the cost of a batch grows as the square root of the store rather than as the store. M is
// estimated from the ads' ids and this batch's bands per ad, which is close enough for a threshold.
func mergeBands(ctx context.Context, tx *sql.Tx, m mergeRule, lastID int64, batchAds, batchBands int) error {
	if batchBands == 0 {
		return nil // nothing was added, so nothing is due
	}
	var recent int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM ad_bands_recent`).Scan(&recent); err != nil {
		return fmt.Errorf("count recent bands: %w", err)
	}
	if recent < m.least {
		return nil
	}
	b := float64(max(batchBands, 1024))
	perAd := float64(batchBands) / float64(max(batchAds, 1))
	main := float64(lastID)*perAd - float64(recent)
	if float64(recent) < math.Sqrt(max(main, 0)*b) {
		return nil
	}
	// The rows move in key ranges of m.chunk rows, a statement each: SQLite keeps, for a
	// statement that may fail half-way, the pages it changes in a statement journal (in memory, as
	// temp_store is MEMORY), and one statement for the whole merge would hold most of ad_bands.
	loBand, loAd := int64(math.MinInt64), int64(math.MinInt64) // ads' ids are positive
	for {
		hiBand, hiAd := int64(math.MaxInt64), int64(math.MaxInt64)
		err := tx.QueryRowContext(ctx, `SELECT band, ad_id FROM ad_bands_recent WHERE (band, ad_id) > (?, ?)
			ORDER BY band, ad_id LIMIT 1 OFFSET ?`, loBand, loAd, m.chunk-1).Scan(&hiBand, &hiAd)
		last := errors.Is(err, sql.ErrNoRows)
		if err != nil && !last {
			return fmt.Errorf("merge recent bands: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO ad_bands (band, ad_id)
			SELECT band, ad_id FROM ad_bands_recent WHERE (band, ad_id) > (?, ?) AND (band, ad_id) <= (?, ?)
			ORDER BY band, ad_id`, loBand, loAd, hiBand, hiAd); err != nil {
			return fmt.Errorf("merge recent bands: %w", err)
		}
		if last {
			break
		}
		loBand, loAd = hiBand, hiAd
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM ad_bands_recent`); err != nil {
		return fmt.Errorf("merge recent bands: %w", err)
	}
	return nil
}

// flatPairs sorts pairs and lays them out flat as statement arguments.
func flatPairs(ps [][2]int64) []any {
	slices.SortFunc(ps, func(a, b [2]int64) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	})
	out := make([]any, 0, 2*len(ps))
	for _, p := range ps {
		out = append(out, p[0], p[1])
	}
	return out
}

// insertParams is about how many values insertRows binds per statement.
const insertParams = 1024

// insertRows inserts the rows whose values are laid out flat in args, width values a row, with
// multi-row INSERT statements (prefix, then the VALUES rows, then suffix): one statement per many
// rows costs far less than one per row.
func insertRows(ctx context.Context, tx *sql.Tx, prefix, suffix string, width int, args []any) error {
	rowSQL := "(" + strings.TrimSuffix(strings.Repeat("?,", width), ",") + ")"
	stmt := func(n int) string {
		return prefix + strings.TrimSuffix(strings.Repeat(rowSQL+",", n), ",") + suffix
	}
	chunk := max(1, insertParams/width)
	n := len(args) / width
	if n >= chunk {
		st, err := tx.PrepareContext(ctx, stmt(chunk))
		if err != nil {
			return err
		}
		defer st.Close()
		for n >= chunk {
			if _, err := st.ExecContext(ctx, args[:chunk*width]...); err != nil {
				return err
			}
			args, n = args[chunk*width:], n-chunk
		}
	}
	if n > 0 {
		if _, err := tx.ExecContext(ctx, stmt(n), args...); err != nil {
			return err
		}
	}
	return nil
}

// rejectTime is the stored form of Reject.At: fixed width, so that text order is time order.
const rejectTime = "2006-01-02T15:04:05.000000000Z"

func writeRejects(ctx context.Context, tx *sql.Tx, rs []jobscope.Reject, digests []string) error {
	if len(rs) == 0 {
		return nil
	}
	// A record set aside again at a place of a named file replaces what was set aside there before
	// (the file changed); standard input's places are shared by every stream, and only the same
	// record is one entry.
	del, err := tx.PrepareContext(ctx, `DELETE FROM rejects WHERE file = ? AND line = ? AND pos = ? AND digest <> ?`)
	if err != nil {
		return fmt.Errorf("prepare reject replacement: %w", err)
	}
	defer del.Close()
	st, err := tx.PrepareContext(ctx, `INSERT INTO rejects (file, line, pos, digest, reason, record, at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (file, line, pos, digest) DO UPDATE SET reason = excluded.reason, record = excluded.record, at = excluded.at`)
	if err != nil {
		return fmt.Errorf("prepare reject upsert: %w", err)
	}
	defer st.Close()
	for i, r := range rs {
		if r.File != "-" {
			if _, err := del.ExecContext(ctx, r.File, r.Line, r.Pos, digests[i]); err != nil {
				return fmt.Errorf("replace reject %s:%d: %w", r.File, r.Line, err)
			}
		}
		if _, err := st.ExecContext(ctx, r.File, r.Line, r.Pos, digests[i], r.Reason, r.Record, r.At.UTC().Format(rejectTime)); err != nil {
			return fmt.Errorf("write reject %s:%d: %w", r.File, r.Line, err)
		}
	}
	return nil
}

// writeDeltas updates the terms' counts of canonical ads.
func writeDeltas(ctx context.Context, tx *sql.Tx, plan *adrow.Plan) error {
	ids, ns := plan.SortedDeltas()
	if len(ids) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `UPDATE terms SET ads = ads + ? WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("prepare term count update: %w", err)
	}
	defer st.Close()
	for i, id := range ids {
		if _, err := st.ExecContext(ctx, ns[i], id); err != nil {
			return fmt.Errorf("update term count: %w", err)
		}
	}
	return nil
}

func jsonKeys(keys []jobscope.AdKey) (string, error) {
	pairs := make([][2]string, len(keys))
	for i, k := range keys {
		pairs[i] = [2]string{k.Source, k.ID}
	}
	b, err := json.Marshal(pairs)
	if err != nil {
		return "", fmt.Errorf("encode keys: %w", err)
	}
	return string(b), nil
}

// encodeBands writes band keys as ad_docs.bands_b holds them: 8 bytes each, big-endian. An ad
// written so has an empty ad_docs.bands; one stored before has its JSON there, and bands_b NULL.
func encodeBands(bands []int64) []byte {
	b := make([]byte, 0, 8*len(bands))
	for _, x := range bands {
		b = binary.BigEndian.AppendUint64(b, uint64(x))
	}
	return b
}

// decodeBands reads ad_docs.bands_b.
func decodeBands(b []byte) ([]int64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("stored bands: %d bytes, not a multiple of 8", len(b))
	}
	out := make([]int64, 0, len(b)/8)
	for i := 0; i < len(b); i += 8 {
		out = append(out, int64(binary.BigEndian.Uint64(b[i:])))
	}
	return out, nil
}

func jsonInts(xs []int64) string {
	b := make([]byte, 0, 12*len(xs)+2)
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = fmt.Appendf(b, "%d", x)
	}
	return string(append(b, ']'))
}
