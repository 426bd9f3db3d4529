package stats

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"time"
)

// NewSQLQuery is the SQL-path query of the page p: its term, kind, category, scope and periods.
func NewSQLQuery(p *Page) (SQLQuery, error) {
	asOf, err := time.Parse(time.DateOnly, p.AsOf)
	if err != nil {
		return SQLQuery{}, fmt.Errorf("stats: page as-of %q: %w", p.AsOf, err)
	}
	if p.Baseline == "tech" {
		return SQLQuery{}, fmt.Errorf("stats: the SQL path computes the figures of all jobs, not of the tech jobs")
	}
	return SQLQuery{Kind: p.Kind, Term: p.Term, Category: p.Category,
		Scope: Scope{Market: p.Market, Country: p.Country, Currency: p.Currency}, Periods: Periods(asOf)}, nil
}

// SQLPage computes every figure group of page p's term through s and puts them together as a Page,
// the term's name, kind and scope copied from p.
func SQLPage(ctx context.Context, s SQLStats, p *Page) (*Page, error) {
	q, err := NewSQLQuery(p)
	if err != nil {
		return nil, err
	}
	out := &Page{Term: p.Term, Kind: p.Kind, Category: p.Category, Market: p.Market, Country: p.Country,
		Currency: p.Currency, AsOf: p.AsOf, Baseline: baselineName(q.Scope)}
	if out.Periods, err = s.SQLPeriods(ctx, q); err != nil {
		return nil, err
	}
	ranks, err := s.SQLRanks(ctx, q)
	if err != nil {
		return nil, err
	}
	for i := range out.Periods {
		out.Periods[i].Rank = ranks[i]
		if i < 2 {
			out.Periods[i].RankChange = rankChange(ranks[i], ranks[i+1])
		}
	}
	if out.All, err = s.SQLBaseline(ctx, q); err != nil {
		return nil, err
	}
	if out.WithTitle, err = s.SQLWithTitle(ctx, q); err != nil {
		return nil, err
	}
	if out.Cooccurring, err = s.SQLCooccurring(ctx, q); err != nil {
		return nil, err
	}
	if out.Locations, err = s.SQLLocations(ctx, q); err != nil {
		return nil, err
	}
	if out.Trend, err = s.SQLTrend(ctx, q); err != nil {
		return nil, err
	}
	if out.Histogram, err = s.SQLHistogram(ctx, q); err != nil {
		return nil, err
	}
	if out.Coverage, err = s.SQLCoverage(ctx, q); err != nil {
		return nil, err
	}
	return out, nil
}

// CheckSQL computes every figure of page p by SQL through s (SQLPage) and compares it with the
// engine's, exactly: every count, rank and list the same, every figure the same float64. It returns
// one line per figure that differs, nil when the two paths agree.
func CheckSQL(ctx context.Context, s SQLStats, p *Page) ([]string, error) {
	sp, err := SQLPage(ctx, s, p)
	if err != nil {
		return nil, err
	}
	var diffs []string
	diffValue(fmt.Sprintf("%s %q", p.Kind, p.Term), reflect.ValueOf(p).Elem(), reflect.ValueOf(sp).Elem(), &diffs)
	return diffs, nil
}

// CheckSQLIndex compares the market index by SQL with the engine's ix (made without a category or
// location filter), term by term, every column exactly.
func CheckSQLIndex(ctx context.Context, s SQLStats, ix *Index) ([]string, error) {
	asOf, err := time.Parse(time.DateOnly, ix.AsOf)
	if err != nil {
		return nil, fmt.Errorf("stats: index as-of %q: %w", ix.AsOf, err)
	}
	if ix.Category != "" || ix.Location != "" {
		return nil, fmt.Errorf("stats: the SQL index has no category or location filter")
	}
	rows, err := s.SQLIndex(ctx, SQLQuery{Kind: ix.Kind, Scope: Scope{Market: ix.Market, Country: ix.Country,
		Currency: ix.Currency}, Periods: Periods(asOf)})
	if err != nil {
		return nil, err
	}
	byTerm := make(map[string]IndexRow, len(rows))
	for _, r := range rows {
		byTerm[r.Term] = r
	}
	var diffs []string
	if len(rows) != len(ix.Terms) {
		diffs = append(diffs, fmt.Sprintf("index: engine %d terms, SQL %d", len(ix.Terms), len(rows)))
	}
	for _, e := range ix.Terms {
		r, ok := byTerm[e.Term]
		if !ok {
			diffs = append(diffs, fmt.Sprintf("index %q: not in the SQL index", e.Term))
			continue
		}
		diffValue(fmt.Sprintf("index %q", e.Term), reflect.ValueOf(e), reflect.ValueOf(r), &diffs)
	}
	return diffs, nil
}

// diffValue appends to out a line for every field of a and b (values of one type) that differs,
// named by its JSON path. Floats must be equal to the bit (NaN never occurs); nil and non-nil
// pointers differ; slices differ in length or element by element; maps key by key.
func diffValue(path string, a, b reflect.Value, out *[]string) {
	bad := func(format string, args ...any) { *out = append(*out, path+": "+fmt.Sprintf(format, args...)) }
	switch a.Kind() {
	case reflect.Pointer:
		switch {
		case a.IsNil() && b.IsNil():
		case a.IsNil() || b.IsNil():
			bad("engine %s, SQL %s", show(a), show(b))
		default:
			diffValue(path, a.Elem(), b.Elem(), out)
		}
	case reflect.Struct:
		t := a.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			switch {
			case f.Anonymous:
				diffValue(path, a.Field(i), b.Field(i), out)
				continue
			case name == "":
				name = f.Name
			}
			diffValue(path+"."+name, a.Field(i), b.Field(i), out)
		}
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			bad("engine %d items, SQL %d", a.Len(), b.Len())
		}
		for i := range min(a.Len(), b.Len()) {
			diffValue(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), out)
		}
	case reflect.Map:
		for _, k := range a.MapKeys() {
			if bv := b.MapIndex(k); bv.IsValid() {
				diffValue(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), bv, out)
			} else {
				bad("%v: only the engine has it", k)
			}
		}
		for _, k := range b.MapKeys() {
			if !a.MapIndex(k).IsValid() {
				bad("%v: only SQL has it", k)
			}
		}
	default:
		if !a.Equal(b) {
			bad("engine %s, SQL %s", show(a), show(b))
		}
	}
}

// show formats a figure for a mismatch line, floats with every digit.
func show(v reflect.Value) string {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return "none"
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Float64 {
		return fmt.Sprintf("%v", v.Float())
	}
	return fmt.Sprintf("%v", v.Interface())
}
