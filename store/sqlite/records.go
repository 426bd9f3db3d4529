package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"jobscope"
	"jobscope/store/internal/adrow"
)

// Changes streams the ads stamped after since, canonical or not, and the store's state, in one read
// transaction so that both are the same moment's.
func (s *Store) Changes(ctx context.Context, since int64, fn func(*jobscope.AdRecord, bool) error) (jobscope.StoreState, error) {
	var st jobscope.StoreState
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return st, fmt.Errorf("sqlite: changes: %w", err)
	}
	defer tx.Rollback()
	if err := tx.QueryRowContext(ctx, `SELECT instance, change_seq,
			(SELECT count(*) FROM ads) - (SELECT count(*) FROM ads WHERE dup_of IS NOT NULL)
		FROM store_state WHERE id = 1`).Scan(&st.Instance, &st.ChangeSeq, &st.Canonical); err != nil {
		return st, fmt.Errorf("sqlite: changes: read the store's state: %w", err)
	}
	// A few changed ads are found by the change_seq index and sorted ("+" keeps SQLite from
	// walking the posting-date index over every ad instead); every ad, in that index's order.
	order := `+a.posted_at NULLS FIRST, a.id`
	if since < 0 {
		order = byPosted
	}
	err = scanRecords(ctx, tx, `a.change_seq > ?`, order, []any{since}, fn)
	if fe, ok := err.(fnError); ok {
		return st, fe.err
	}
	if err != nil {
		return st, fmt.Errorf("sqlite: changes: %w", err)
	}
	return st, nil
}

// fnError carries an error of the caller's callback through scanRecords unwrapped.
type fnError struct{ err error }

func (e fnError) Error() string { return e.err.Error() }

// querier is what scanRecords, the packer and candidates read through: a pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// byPosted orders ads by posting date then id, along the ads_posted_at index.
const byPosted = `a.posted_at NULLS FIRST, a.id`

// scanRecords calls fn for the ads matching where (a condition on ads AS a), by posting date then
// id (order says how SQLite should write that): the record of a canonical ad, only the Seq of a
// copy. Errors of fn come back as fnError.
func scanRecords(ctx context.Context, q querier, where, order string, args []any, fn func(*jobscope.AdRecord, bool) error) error {
	skills, err := skillTerms(ctx, q)
	if err != nil {
		return err
	}
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.dup_of IS NULL, a.posted_at, a.closed_at, a.emp_type, a.period,
			a.currency, a.salary_min, a.salary_max, a.country, a.nation, a.region, a.county, a.place, a.remote,
			a.title_norm, a.seniority, a.work_mode, a.ir35, a.company, d.term_ids
		FROM ads AS a JOIN ad_docs AS d ON d.ad_id = a.id
		WHERE `+where+`
		ORDER BY `+order, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		r := &jobscope.AdRecord{}
		var canonical bool
		var posted, closed sql.NullString
		var smin, smax sql.NullFloat64
		var termIDs []byte
		if err := rows.Scan(&r.Seq, &canonical, &posted, &closed, &r.Type, &r.Period, &r.Currency, &smin, &smax,
			&r.Country, &r.Nation, &r.Region, &r.County, &r.Place, &r.Remote, &r.Title,
			&r.Seniority, &r.WorkMode, &r.IR35, &r.Company, &termIDs); err != nil {
			return err
		}
		if !canonical {
			if err := fn(&jobscope.AdRecord{Seq: r.Seq}, false); err != nil {
				return fnError{err}
			}
			continue
		}
		if r.Posted, err = nullDate(posted); err != nil {
			return fmt.Errorf("ad %d: %w", r.Seq, err)
		}
		if r.Closed, err = nullDate(closed); err != nil {
			return fmt.Errorf("ad %d: %w", r.Seq, err)
		}
		r.Min, r.Max = smin.Float64, smax.Float64
		if ids, err = appendInts(ids[:0], termIDs); err != nil {
			return fmt.Errorf("ad %d: %w", r.Seq, err)
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

// skillTerms maps the ids of skill terms to the skills.
func skillTerms(ctx context.Context, q querier) (map[int64]jobscope.Skill, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, name, category FROM terms WHERE kind = ?`, string(jobscope.KindSkill))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int64]jobscope.Skill)
	for rows.Next() {
		var id int64
		var sk jobscope.Skill
		if err := rows.Scan(&id, &sk.Name, &sk.Category); err != nil {
			return nil, err
		}
		out[id] = sk
	}
	return out, rows.Err()
}

// appendInts reads a JSON array of integers as adrow.EncodeInts writes it ("[1,2,3]") without the
// cost of encoding/json, which a scan of every ad would feel; anything else goes to
// adrow.DecodeInts.
func appendInts(dst []int64, b []byte) ([]int64, error) {
	if len(b) < 2 || b[0] != '[' || b[len(b)-1] != ']' {
		return slowInts(dst, b)
	}
	body := b[1 : len(b)-1]
	for len(body) > 0 {
		neg := body[0] == '-'
		if neg {
			body = body[1:]
		}
		var v int64
		i := 0
		for i < len(body) && body[i] >= '0' && body[i] <= '9' && i < 18 {
			v = v*10 + int64(body[i]-'0')
			i++
		}
		if i == 0 || (i < len(body) && body[i] != ',') {
			return slowInts(dst, b)
		}
		if neg {
			v = -v
		}
		dst = append(dst, v)
		body = body[i:]
		if len(body) > 0 {
			body = body[1:]
		}
	}
	return dst, nil
}

func slowInts(dst []int64, b []byte) ([]int64, error) {
	xs, err := adrow.DecodeInts(b)
	return append(dst, xs...), err
}
