package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"jobscope"
)

// Changes streams the ads stamped after since, canonical or not, and the store's state, in one
// repeatable-read transaction so that both are the same moment's.
func (s *Store) Changes(ctx context.Context, since int64, fn func(*jobscope.AdRecord, bool) error) (jobscope.StoreState, error) {
	var st jobscope.StoreState
	err := s.pool.with(ctx, func(c *pgx.Conn) error {
		tx, err := c.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		if err := tx.QueryRow(ctx, `SELECT instance, change_seq,
				(SELECT count(*) FROM ads WHERE dup_of IS NULL)
			FROM store_state WHERE id = 1`).Scan(&st.Instance, &st.ChangeSeq, &st.Canonical); err != nil {
			return fmt.Errorf("read the store's state: %w", err)
		}
		if err := scanRecords(ctx, tx, `a.change_seq > $1`, []any{since}, fn); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
	if fe, ok := err.(fnError); ok {
		return st, fe.err
	}
	if err != nil {
		return st, fmt.Errorf("postgres: changes: %w", err)
	}
	return st, nil
}

// querier is what scanRecords reads through: a connection or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// scanRecords calls fn for the ads matching where (a condition on ads AS a), by posting date then
// id: the record of a canonical ad, only the Seq of a copy. Errors of fn come back as fnError.
func scanRecords(ctx context.Context, q querier, where string, args []any, fn func(*jobscope.AdRecord, bool) error) error {
	skills := make(map[int64]jobscope.Skill)
	rows, err := q.Query(ctx, `SELECT id, name, category FROM terms WHERE kind = $1`, string(jobscope.KindSkill))
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
	rows, err = q.Query(ctx, `SELECT a.id, a.dup_of IS NULL, a.posted_at, a.closed_at, a.emp_type, a.period,
			a.currency, a.salary_min, a.salary_max, a.country, a.nation, a.region, a.county, a.place, a.remote,
			a.title_norm, a.seniority, a.work_mode, a.ir35, a.company, a.term_ids
		FROM ads AS a
		WHERE `+where+`
		ORDER BY a.posted_at NULLS FIRST, a.id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		r := &jobscope.AdRecord{}
		var canonical bool
		var posted, closed pgtype.Date
		var smin, smax *float64
		if err := rows.Scan(&r.Seq, &canonical, &posted, &closed, &r.Type, &r.Period, &r.Currency, &smin, &smax,
			&r.Country, &r.Nation, &r.Region, &r.County, &r.Place, &r.Remote, &r.Title,
			&r.Seniority, &r.WorkMode, &r.IR35, &r.Company, &ids); err != nil {
			return err
		}
		if !canonical {
			if err := fn(&jobscope.AdRecord{Seq: r.Seq}, false); err != nil {
				return fnError{err}
			}
			continue
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
		if err := fn(r, true); err != nil {
			return fnError{err}
		}
	}
	return rows.Err()
}
