package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"jobscope"
	"jobscope/store/internal/adrow"
)

var _ jobscope.Searcher = (*Store)(nil)

// searchDialect is PostgreSQL's job search SQL: websearch_to_tsquery over ad_docs.search, terms
// through the GIN index of ads.term_ids.
var searchDialect = adrow.Dialect{
	Param: func(n int) string { return "$" + strconv.Itoa(n) },
	TextIDs: func(p string, words, phrases []string, anyOf bool) (string, any) {
		return "SELECT ad_id FROM ad_docs WHERE search @@ websearch_to_tsquery('simple', " + p + "::text)",
			webQuery(words, phrases, anyOf)
	},
	Date: func(t time.Time) any { return t },
	TermCond: func(kind, name string) string {
		return "a.term_ids && ARRAY(SELECT id FROM terms WHERE kind = " + kind + "::text AND name = " + name + "::text)"
	},
}

// webQuery writes words and phrases in websearch_to_tsquery's syntax, each quoted (so that no word
// is read as an operator), all required or, when anyOf, any.
func webQuery(words, phrases []string, anyOf bool) string {
	sep := " "
	if anyOf {
		sep = " or "
	}
	var parts []string
	for _, w := range append(append([]string(nil), words...), phrases...) {
		parts = append(parts, `"`+strings.ReplaceAll(fold(w), `"`, " ")+`"`)
	}
	return strings.Join(parts, sep)
}

// Search finds the canonical ads matching q, newest first.
func (s *Store) Search(ctx context.Context, q jobscope.SearchQuery) (jobscope.SearchResult, error) {
	var res jobscope.SearchResult
	limit := max(q.Limit, 1)
	where, args := adrow.SearchSQL(searchDialect, &q)
	countLimit := max(q.CountLimit, limit)
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		n := len(args) + 1
		if err := c.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM ads AS a WHERE `+where+` LIMIT $`+
			strconv.Itoa(n)+`) AS m`, append(args, countLimit+1)...).Scan(&res.Total); err != nil {
			return fmt.Errorf("count: %w", err)
		}
		w, a := where, args
		if q.After != nil {
			var cur string
			cur, a = adrow.CursorSQL(searchDialect, q.After, a)
			w += " AND " + cur
		}
		rows, err := c.Query(ctx, `SELECT `+adrow.SearchColumns("a.posted_at::text")+` FROM ads AS a WHERE `+w+
			` ORDER BY `+adrow.SearchOrder+` LIMIT $`+strconv.Itoa(len(a)+1), append(a, limit+1)...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			h, err := adrow.ScanHit(rows)
			if err != nil {
				return err
			}
			res.Hits = append(res.Hits, h)
		}
		return rows.Err()
	})
	if err != nil {
		return res, fmt.Errorf("postgres: search: %w", err)
	}
	if res.Total > countLimit {
		res.Total, res.TotalCapped = countLimit, true
	}
	adrow.FinishSearch(&res, limit)
	return res, nil
}

// Ad returns the ad of key as stored.
func (s *Store) Ad(ctx context.Context, key jobscope.AdKey) (jobscope.StoredAd, error) {
	ad := jobscope.StoredAd{Key: key}
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		var posted, closed pgtype.Date
		var ext []byte
		var ds, did *string
		err := c.QueryRow(ctx, `SELECT a.posted_at, a.closed_at, a.url, d.extraction::text, d.raw, o.source, o.ext_id
			FROM ads AS a JOIN ad_docs AS d ON d.ad_id = a.id LEFT JOIN ads AS o ON o.id = a.dup_of
			WHERE a.source = $1 AND a.ext_id = $2`, key.Source, key.ID).Scan(
			&posted, &closed, &ad.URL, &ext, &ad.Raw, &ds, &did)
		if err != nil {
			return err
		}
		if posted.Valid {
			ad.Posted = posted.Time
		}
		if closed.Valid {
			ad.Closed = closed.Time
		}
		if ds != nil {
			ad.DupOf = &jobscope.AdKey{Source: *ds, ID: *did}
		}
		if err := json.Unmarshal(ext, &ad.Extraction); err != nil {
			return fmt.Errorf("extraction: %w", err)
		}
		return nil
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return ad, jobscope.ErrNoAd
	}
	if err != nil {
		return ad, fmt.Errorf("postgres: ad %s: %w", key, err)
	}
	return ad, nil
}

// unaccent folds accents away ("Café" is "Cafe"), as SQLite's index does, so that a search finds
// a word however it was accented. The 'simple' configuration keeps accents, and the unaccent
// extension is not in every installation.
var unaccent = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// fold returns s without its accents.
func fold(s string) string {
	if isASCII(s) {
		return s
	}
	out, _, err := transform.String(unaccent, s)
	if err != nil {
		return s
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
