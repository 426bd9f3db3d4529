package sqlpath

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite"

	"jobscope/internal/testdb"
	"jobscope/stats"
)

// sample is one group of values for the order-statistics test.
type sample struct {
	name string
	xs   []float64
}

// samples are groups of sizes around every edge of the figures: one value, two, the interval's
// least size (6) and its neighbours, ties, and sizes whose positions (n-1)·p fall on and between
// ranks.
func samples() []sample {
	r := rand.New(rand.NewPCG(4, 2))
	var out []sample
	for _, n := range []int{1, 2, 3, 5, 6, 7, 10, 11, 21, 40, 41, 64, 65, 101, 333} {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = float64(20_000+r.IntN(80_000)) + 0.5*float64(r.IntN(2))
		}
		out = append(out, sample{fmt.Sprintf("n=%d", n), xs})
		ties := make([]float64, n)
		for i := range ties {
			ties[i] = float64(50_000 + 1000*r.IntN(3))
		}
		out = append(out, sample{fmt.Sprintf("n=%d ties", n), ties})
	}
	return out
}

// pctQuery is the statement that computes pct over the samples, given as VALUES (group, x).
func pctQuery(ss []sample) string {
	var rows []string
	for g, s := range ss {
		for _, x := range s.xs {
			rows = append(rows, fmt.Sprintf("(%d, %s)", g, float(fmt.Sprint(x))))
		}
	}
	return `WITH src(g, x) AS (VALUES ` + strings.Join(rows, ", ") + `),
		` + pct("q", "src", []string{"g"}) + `
		SELECT g, n, p0, p1, p2, p3, p4, cl, ch FROM q`
}

// checkPct compares each group's row from SQL with stats.Percentile and stats.MedianCI95, to the bit.
func checkPct(t *testing.T, ss []sample, rows func(fn func(scan func(...any) error) error) error) {
	t.Helper()
	seen := map[int]bool{}
	err := rows(func(scan func(...any) error) error {
		var g, n int
		var v [7]*float64
		if err := scan(&g, &n, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]); err != nil {
			return err
		}
		seen[g] = true
		s := ss[g]
		xs := slices.Sorted(slices.Values(s.xs))
		if n != len(xs) {
			t.Errorf("%s: n = %d", s.name, n)
		}
		for k, p := range stats.PercentileLevels() {
			if want := stats.Percentile(xs, p); v[k] == nil || *v[k] != want {
				t.Errorf("%s: p%.0f = %v, want %v", s.name, 100*p, show(v[k]), want)
			}
		}
		lo, hi, ok := stats.MedianCI95(xs)
		switch {
		case !ok && (v[5] != nil || v[6] != nil):
			t.Errorf("%s: interval %v-%v, want none", s.name, show(v[5]), show(v[6]))
		case ok && (v[5] == nil || v[6] == nil || *v[5] != lo || *v[6] != hi):
			t.Errorf("%s: interval %v-%v, want %v-%v", s.name, show(v[5]), show(v[6]), lo, hi)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(ss) {
		t.Errorf("%d groups from SQL, want %d", len(seen), len(ss))
	}
}

func show(p *float64) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

func TestPctSQLite(t *testing.T) {
	db, err := sql.Open("sqlite", "file:"+t.TempDir()+"/pct.db")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ss := samples()
	checkPct(t, ss, func(fn func(scan func(...any) error) error) error {
		rs, err := db.Query(pctQuery(ss))
		if err != nil {
			return err
		}
		defer rs.Close()
		return Each(rs, fn)
	})
}

func TestPctPostgres(t *testing.T) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, testdb.Postgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	ss := samples()
	checkPct(t, ss, func(fn func(scan func(...any) error) error) error {
		rs, err := c.Query(ctx, pctQuery(ss))
		if err != nil {
			return err
		}
		defer rs.Close()
		return Each(rs, fn)
	})
}
