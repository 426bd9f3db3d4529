package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"jobscope"
	"jobscope/store/internal/adrow"
)

var _ jobscope.Searcher = (*Store)(nil)

// searchDialect is SQLite's job search SQL: FTS5's MATCH over ad_text, terms through ad_terms.
var searchDialect = adrow.Dialect{
	Param: func(int) string { return "?" },
	TextIDs: func(p string, words, phrases []string, anyOf bool) (string, any) {
		return "SELECT rowid FROM ad_text WHERE ad_text MATCH " + p, ftsQuery(words, phrases, anyOf)
	},
	Date: func(t time.Time) any { return adrow.FormatDate(t) },
	TermCond: func(kind, name string) string {
		return "a.id IN (SELECT ad_id FROM ad_terms WHERE term_id IN (SELECT id FROM terms WHERE kind = " +
			kind + " AND name = " + name + "))"
	},
}

// ftsQuery writes words and phrases as an FTS5 query: each one a quoted string (so that no user
// text is read as query syntax), all required or, when anyOf, any.
func ftsQuery(words, phrases []string, anyOf bool) string {
	var b strings.Builder
	for _, w := range append(append([]string(nil), words...), phrases...) {
		if b.Len() > 0 {
			if anyOf {
				b.WriteString(" OR ")
			} else {
				b.WriteString(" AND ")
			}
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(w, `"`, `""`))
		b.WriteByte('"')
	}
	return b.String()
}

// Search finds the canonical ads matching q, newest first.
func (s *Store) Search(ctx context.Context, q jobscope.SearchQuery) (jobscope.SearchResult, error) {
	var res jobscope.SearchResult
	limit := max(q.Limit, 1)
	where, args := adrow.SearchSQL(searchDialect, &q)
	countLimit := max(q.CountLimit, limit)
	err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM ads AS a WHERE `+where+` LIMIT ?)`,
		append(args, countLimit+1)...).Scan(&res.Total)
	if err != nil {
		return res, fmt.Errorf("sqlite: search: count: %w", err)
	}
	if res.Total > countLimit {
		res.Total, res.TotalCapped = countLimit, true
	}
	if q.After != nil {
		var c string
		c, args = adrow.CursorSQL(searchDialect, q.After, args)
		where += " AND " + c
	}
	// With many matches, walking the ads newest first and keeping the matching ones finds a page
	// soonest (the subqueries are read once, into lookups); with few, reading the matches and
	// sorting them is quicker than walking every ad. The count says which: it stops at its cap.
	from := "ads AS a"
	if res.TotalCapped {
		from = "ads AS a INDEXED BY ads_posted_at"
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+adrow.SearchColumns("a.posted_at")+` FROM `+from+` WHERE `+
		where+` ORDER BY `+adrow.SearchOrder+` LIMIT ?`, append(args, limit+1)...)
	if err != nil {
		return res, fmt.Errorf("sqlite: search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		h, err := adrow.ScanHit(rows)
		if err != nil {
			return res, fmt.Errorf("sqlite: search: %w", err)
		}
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return res, fmt.Errorf("sqlite: search: %w", err)
	}
	adrow.FinishSearch(&res, limit)
	return res, nil
}

// Ad returns the ad of key as stored.
func (s *Store) Ad(ctx context.Context, key jobscope.AdKey) (jobscope.StoredAd, error) {
	ad := jobscope.StoredAd{Key: key}
	var posted, closed sql.NullString
	var ext string
	var extZ []byte
	var dupSource, dupID sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT a.posted_at, a.closed_at, a.url, d.extraction, d.extraction_z, d.raw, o.source, o.ext_id
		FROM ads AS a JOIN ad_docs AS d ON d.ad_id = a.id LEFT JOIN ads AS o ON o.id = a.dup_of
		WHERE a.source = ? AND a.ext_id = ?`, key.Source, key.ID).Scan(
		&posted, &closed, &ad.URL, &ext, &extZ, &ad.Raw, &dupSource, &dupID)
	if errors.Is(err, sql.ErrNoRows) {
		return ad, jobscope.ErrNoAd
	}
	if err != nil {
		return ad, fmt.Errorf("sqlite: ad %s: %w", key, err)
	}
	if ad.Posted, err = nullDate(posted); err != nil {
		return ad, fmt.Errorf("sqlite: ad %s: %w", key, err)
	}
	if ad.Closed, err = nullDate(closed); err != nil {
		return ad, fmt.Errorf("sqlite: ad %s: %w", key, err)
	}
	if ad.Raw, err = s.pk.unpack(ctx, s.r, ad.Raw); err != nil { // the record
		return ad, fmt.Errorf("sqlite: ad %s: %w", key, err)
	}
	js := []byte(ext) // as stored before extractions were compressed
	if extZ != nil {
		if js, err = s.pk.unpack(ctx, s.r, extZ); err != nil {
			return ad, fmt.Errorf("sqlite: ad %s: extraction: %w", key, err)
		}
	}
	if err := json.Unmarshal(js, &ad.Extraction); err != nil {
		return ad, fmt.Errorf("sqlite: ad %s: extraction: %w", key, err)
	}
	if dupSource.Valid {
		ad.DupOf = &jobscope.AdKey{Source: dupSource.String, ID: dupID.String}
	}
	return ad, nil
}
