package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"jobscope/stats"
)

// runDirect runs a command function on a store, as run would once the command is registered.
func runDirect(t *testing.T, fn func(context.Context, *env, []string) error, db string, args ...string) string {
	t.Helper()
	var o, e bytes.Buffer
	if err := fn(context.Background(), &env{stdin: strings.NewReader(""), stdout: &o, stderr: &e, db: db}, args); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, e.String())
	}
	return o.String()
}

// The market commands on one store: the term page in three formats, the index and a comparison, all
// telling the same figures.
func TestMarketCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "market.db")
	cli(t, "--db", db, "ingest", genFile(t, 1200, 5))

	var page stats.Page
	if err := json.Unmarshal([]byte(runDirect(t, runStats, db, "Python", "--format", "json")), &page); err != nil {
		t.Fatal(err)
	}
	p := page.Periods[0]
	if p.Jobs == 0 || p.Rank == nil || p.P50 == nil || len(page.Trend) == 0 || len(page.Locations) == 0 ||
		len(page.Cooccurring.Top) == 0 || len(page.Histogram.Bins) == 0 {
		t.Fatalf("implausible page: %+v", page)
	}

	text := runDirect(t, runStats, db, "Python")
	for _, want := range []string{"Python (Programming Languages): permanent market, GB", "Rank", "Share of Programming Languages jobs",
		"All permanent tech jobs (the baseline)", "By location", "Monthly trend", "Skills and titles cited with Python"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}

	for _, table := range statsTables {
		rows, err := csv.NewReader(strings.NewReader(runDirect(t, runStats, db, "Python", "--format", "csv", "--table", table))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if len(rows) < 2 {
			t.Errorf("table %s: %d rows", table, len(rows))
		}
		if table == "periods" {
			if rows[1][0] != "Python" || rows[1][4] != strings.TrimSpace(jsonNum(t, p.Jobs)) {
				t.Errorf("periods csv row %v, want Python with %d jobs", rows[1], p.Jobs)
			}
		}
	}

	var idx stats.Index
	if err := json.Unmarshal([]byte(runDirect(t, runIndex, db, "--format", "json", "--limit", "0")), &idx); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range idx.Terms {
		if r.Term == "Python" {
			found = true
			if r.Jobs != p.Jobs || *r.Rank != *p.Rank || (r.Median == nil) != (p.P50 == nil) || *r.Median != *p.P50 {
				t.Errorf("index row %+v disagrees with the page %+v", r, p)
			}
		}
	}
	if !found {
		t.Error("Python missing from the index")
	}
	if out := runDirect(t, runIndex, db, "--kind", "title", "--location", "London", "--sort", "median"); !strings.Contains(out, "Job titles, permanent market, London") {
		t.Errorf("index text:\n%s", out)
	}

	var pages []stats.Page
	if err := json.Unmarshal([]byte(runDirect(t, runCompare, db, "Python", "SQL", "--format", "json")), &pages); err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 || pages[0].Term != "Python" || pages[1].Term != "SQL" || pages[0].Periods[0].Jobs != p.Jobs {
		t.Errorf("compare: %d pages", len(pages))
	}
	if out := runDirect(t, runCompare, db, "Python", "SQL"); !strings.Contains(out, "Python") || !strings.Contains(out, "SQL") {
		t.Errorf("compare text:\n%s", out)
	}
}

func jsonNum(t *testing.T, v int) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
