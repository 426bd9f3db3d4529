package postgres

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"jobscope/stats"
	"jobscope/store/internal/sqlpath"
)

// The SQL path of the statistics (stats.SQLStats), for `jobscope bench stats` to time against the
// engine: the statements of package sqlpath, with PostgreSQL's way of reading an ad's terms. A
// term's ads come from the GIN index on ads.term_ids (&& with the term's id); the terms of a set
// of ads from unnest(term_ids). Names sort by byte (COLLATE "C"), as the engine sorts them.
var dialect = sqlpath.Dialect{
	Name:          "postgres",
	Cites:         "a.term_ids && ARRAY(SELECT id FROM terms WHERE kind = @kind AND name = @term)",
	CitesCategory: "a.term_ids && ARRAY(SELECT id FROM terms WHERE category = @cat AND kind IN ('skill', 'title'))",
	Terms: func(src string, cols []string) string {
		return "(SELECT x." + strings.Join(cols, ", x.") + ", tm.kind, tm.name, tm.category FROM (SELECT a." +
			strings.Join(cols, ", a.") + ", unnest(a.term_ids) AS tid FROM " + src + " AS a) AS x JOIN terms AS tm ON tm.id = x.tid)"
	},
	Carry: []string{"term_ids"},
	Month: func(col string) string {
		return "(CAST(extract(year FROM " + col + ") AS integer) * 12 + CAST(extract(month FROM " + col + ") AS integer) - 1)"
	},
	Collate: ` COLLATE "C"`,
}

// SQLStats returns the store's SQL path.
func (s *Store) SQLStats() stats.SQLStats { return &sqlpath.Path{D: dialect, Rows: s.sqlRows} }

var _ stats.SQLStore = (*Store)(nil)

// sqlRows runs a query on a pooled connection and calls fn for each row.
func (s *Store) sqlRows(ctx context.Context, query string, args map[string]any, fn func(func(...any) error) error) error {
	return s.pool.with(ctx, func(c *pgx.Conn) error {
		rs, err := c.Query(ctx, query, pgx.NamedArgs(args))
		if err != nil {
			return err
		}
		defer rs.Close()
		return sqlpath.Each(rs, fn)
	})
}
