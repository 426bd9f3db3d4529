package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"jobscope"
)

// Records streams every canonical ad, by posting date then id, with the skills among its term_ids.
func (s *Store) Records(ctx context.Context, fn func(*jobscope.AdRecord) error) error {
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		skills := make(map[int64]jobscope.Skill)
		rows, err := c.Query(ctx, `SELECT id, name, category FROM terms WHERE kind = $1`, string(jobscope.KindSkill))
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var sk jobscope.Skill
			if err := rows.Scan(&id, &sk.Name, &sk.Category); err != nil {
				rows.Close()
				return err
			}
			skills[id] = sk
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = c.Query(ctx, `SELECT a.id, a.posted_at, a.closed_at, a.emp_type, a.period, a.currency,
				a.salary_min, a.salary_max, a.country, a.nation, a.region, a.county, a.place, a.remote,
				a.title_norm, a.term_ids
			FROM ads AS a
			WHERE a.dup_of IS NULL
			ORDER BY a.posted_at NULLS FIRST, a.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		var ids []int64
		for rows.Next() {
			r := &jobscope.AdRecord{}
			var posted, closed pgtype.Date
			var smin, smax *float64
			if err := rows.Scan(&r.Seq, &posted, &closed, &r.Type, &r.Period, &r.Currency, &smin, &smax,
				&r.Country, &r.Nation, &r.Region, &r.County, &r.Place, &r.Remote, &r.Title, &ids); err != nil {
				return err
			}
			r.Posted, r.Closed = fromDate(posted), fromDate(closed)
			if smin != nil {
				r.Min = *smin
			}
			if smax != nil {
				r.Max = *smax
			}
			for _, id := range ids {
				if sk, ok := skills[id]; ok {
					r.Skills = append(r.Skills, sk)
				}
			}
			if err := fn(r); err != nil {
				return fnError{err}
			}
		}
		return rows.Err()
	})
	if fe, ok := err.(fnError); ok {
		return fe.err
	}
	if err != nil {
		return fmt.Errorf("postgres: records: %w", err)
	}
	return nil
}
