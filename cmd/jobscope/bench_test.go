package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"jobscope/bench"
	"jobscope/internal/testdb"
)

// benchCmd runs `jobscope bench ARGS` in-process and returns its standard output and error.
func benchCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var o, e bytes.Buffer
	err := runBench(context.Background(), &env{stdin: strings.NewReader(""), stdout: &o, stderr: &e, db: defaultDB()}, args)
	return o.String(), e.String(), err
}

func TestBenchStats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bench.db")
	args := []string{"stats", "--db", db, "--ads", "2000", "--runs", "3", "--terms", "3"}
	if u := testdb.URL(); u != "" {
		args = append(args, "--postgres", testdb.Postgres(t))
	}
	out, errOut, err := benchCmd(t, args...)
	if err != nil {
		t.Fatalf("bench stats: %v\n%s", err, errOut)
	}
	for _, want := range []string{"2000 ads", "engine: rebuild", "peak RSS", "whole page", "skill index", "periods",
		"cooccurring", "locations", "trend", "histogram", "agree with the engine", "cut pages (engine)",
		"location London", "seniority senior"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	t.Log(out)
	if !strings.Contains(errOut, "Ingesting") {
		t.Errorf("no ingest progress on standard error:\n%s", errOut)
	}

	t.Run("reuses the store, json", func(t *testing.T) {
		args := append(args[:len(args):len(args)], "--format", "json", "--runs", "1", "--terms", "2", "--sql-terms", "1")
		out, errOut, err := benchCmd(t, args...)
		if err != nil {
			t.Fatalf("bench stats: %v\n%s", err, errOut)
		}
		if strings.Contains(errOut, "Ingesting") {
			t.Errorf("ingested again into a store holding the ads:\n%s", errOut)
		}
		var rep bench.StatsReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if len(rep.Terms) != 2 || rep.Mismatches != 0 || len(rep.Stores) == 0 || rep.Stores[0].Ads < 2000 {
			t.Fatalf("report: %d terms, %d mismatches, stores %+v", len(rep.Terms), rep.Mismatches, rep.Stores)
		}
		if rep.SQLTerms != 1 || rep.SQLRuns != 1 || len(rep.Terms[0].SQL) != len(rep.Stores) || len(rep.Terms[1].SQL) != 0 {
			t.Errorf("--sql-terms 1: SQL for %d terms, %d runs; terms %+v", rep.SQLTerms, rep.SQLRuns, rep.Terms)
		}
		if rep.Engine.Page.Runs != 2 || rep.Engine.MaxRSSMB <= 0 || rep.Engine.HeapInuseMB <= 0 {
			t.Errorf("engine figures: %+v", rep.Engine)
		}
		// The sample's two terms are skills: each cut is tried on both pages, timed or skipped.
		if len(rep.Engine.Cuts) != 4 || rep.Engine.SkillPage.Runs != 2 {
			t.Fatalf("cuts %+v, skill pages %+v", rep.Engine.Cuts, rep.Engine.SkillPage)
		}
		for _, c := range rep.Engine.Cuts {
			timed := 0
			for _, p := range c.Pages {
				if p.Skipped == "" {
					timed++
				}
			}
			if len(c.Pages) != 2 || c.Runs != timed || c.Cut == "" || c.Narrowing.IsZero() {
				t.Errorf("cut %+v", c)
			}
		}
		if london := rep.Engine.Cuts[0]; london.Narrowing.Location != "London" || london.Runs != 2 || london.P50 <= 0 {
			t.Errorf("London cut %+v", london)
		}
		for _, bs := range rep.Stores {
			for _, g := range bench.Groups() {
				if bs.Groups[g].Runs != 1 || bs.Groups[g].P50 <= 0 {
					t.Errorf("%s %s: %+v", bs.Name, g, bs.Groups[g])
				}
			}
			if bs.Index.Runs != 1 {
				t.Errorf("%s index: %+v", bs.Name, bs.Index)
			}
		}
	})
}

func TestBenchUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"pages"}, {"stats", "--runs", "0"}, {"stats", "--format", "xml"}, {"stats", "--market", "temp"}, {"stats", "--sql-runs", "-1"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if _, _, err := benchCmd(t, args...); !errors.Is(err, errUsage) {
				t.Errorf("error %v, want a usage error", err)
			}
		})
	}
}
