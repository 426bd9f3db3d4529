package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"jobscope/stats"
	"jobscope/store/internal/sqlpath"
)

// The SQL path of the statistics (stats.SQLStats), for `jobscope bench stats` to time against the
// engine: the statements of package sqlpath, with SQLite's way of reading an ad's terms. A term's
// ads come from ad_terms (its primary key is ordered by term, so "the ads citing X" is one range
// read); the terms of a set of ads from each ad's list in ad_docs.term_ids, read with json_each
// (CROSS JOIN keeps SQLite from driving the join from terms, which reads every ad of every term).
var dialect = sqlpath.Dialect{
	Name: "sqlite",
	Cites: `a.id IN (SELECT at.ad_id FROM ad_terms AS at JOIN terms AS tm ON tm.id = at.term_id
		WHERE tm.kind = @kind AND tm.name = @term)`,
	CitesCategory: `a.id IN (SELECT at.ad_id FROM ad_terms AS at JOIN terms AS tm ON tm.id = at.term_id
		WHERE tm.category = @cat AND tm.kind IN ('skill', 'title'))`,
	Terms: func(src string, cols []string) string {
		return `(SELECT a.` + strings.Join(cols, ", a.") + `, tm.kind, tm.name, tm.category FROM ` + src + ` AS a
			CROSS JOIN ad_docs AS d ON d.ad_id = a.id CROSS JOIN json_each(d.term_ids) AS j CROSS JOIN terms AS tm ON tm.id = j.value)`
	},
	Month: func(col string) string {
		return "(CAST(substr(" + col + ", 1, 4) AS INTEGER) * 12 + CAST(substr(" + col + ", 6, 2) AS INTEGER) - 1)"
	},
}

// SQLStats returns the store's SQL path.
func (s *Store) SQLStats() stats.SQLStats { return &sqlpath.Path{D: dialect, Rows: s.sqlRows} }

var _ stats.SQLStore = (*Store)(nil)

// sqlRows runs a query on the reader pool and calls fn for each row.
func (s *Store) sqlRows(ctx context.Context, query string, args map[string]any, fn func(func(...any) error) error) error {
	named := make([]any, 0, len(args))
	for k, v := range args {
		if strings.Contains(query, "@"+k) {
			named = append(named, sql.Named(k, v))
		}
	}
	rs, err := s.r.QueryContext(ctx, query, named...)
	if err != nil {
		return err
	}
	defer rs.Close()
	return sqlpath.Each(rs, fn)
}
