package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCost: the command's totals, its JSON, a user's rules file, and bad input as usage errors.
func TestCost(t *testing.T) {
	out := cli(t, "cost", "--salary", "110000", "--currency", "USD", "--overhead", "0.2", "--fee", "0", "--ramp-days", "0", "--no-taxes")
	if !strings.Contains(out, "First-year total") || !strings.Contains(out, " $132,000\n") {
		t.Errorf("the plain cost of 110,000:\n%s", out)
	}
	var c struct {
		FirstYear float64 `json:"first_year"`
		RunRate   float64 `json:"run_rate"`
		Lines     []struct{ Name, From, Source string }
	}
	if err := json.Unmarshal([]byte(cli(t, "cost", "--salary", "110000", "--currency", "usd", "--format", "json")), &c); err != nil {
		t.Fatal(err)
	}
	// 110,000 + 6.2% + 1.45% + 0.6% and 2.7% of 7,000 + 25% overhead; + 20% fee + 75 × 0.5 × 110,000/220.
	if c.RunRate != 146146 || c.FirstYear != 186896 {
		t.Errorf("run rate %v, first year %v; want 146,146 and 186,896", c.RunRate, c.FirstYear)
	}
	rules := cli(t, "cost", "--currency", "GBP", "--show-rules")
	mine := filepath.Join(t.TempDir(), "rules.tsv")
	if err := os.WriteFile(mine, []byte(strings.ReplaceAll(rules, "0.15\t", "0.10\t")), 0o644); err != nil {
		t.Fatal(err)
	}
	if out := cli(t, "cost", "--salary", "60000", "--rules", mine, "--fee", "0", "--ramp-days", "0"); !strings.Contains(out, "£5,500") {
		t.Errorf("a user's rules (10%% NI above £5,000 of 60,000 is £5,500):\n%s", out)
	}
	for _, args := range [][]string{{"cost"}, {"cost", "--salary", "-1"}, {"cost", "--salary", "1", "--currency", "EUR"},
		{"cost", "--salary", "1", "--fee", "3"}, {"cost", "--salary", "1", "--rules", "/no/such/file"}} {
		if _, errOut, code := jobscopeCode(t, args...); code != 2 || errOut == "" {
			t.Errorf("jobscope %v: exit %d (%q), want a usage error", args, code, errOut)
		}
	}
}

// TestBenchmarkCommand: the JSON names the bands permanent and contract, each with n and p10 … p90,
// and the widenings as widened; cost --title takes the benchmark's median.
func TestBenchmarkCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	cli(t, "--db", db, "ingest", genFile(t, 8000, 21))
	var b map[string]any
	if err := json.Unmarshal([]byte(cli(t, "--db", db, "benchmark", "--title", "backend developer", "--location", "Leeds", "--format", "json")), &b); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"permanent", "contract"} {
		band, ok := b[k].(map[string]any)
		if !ok {
			t.Fatalf("no %s band: %v", k, b)
		}
		for _, f := range []string{"n", "p10", "p25", "p50", "p75", "p90"} {
			if _, ok := band[f]; !ok {
				t.Errorf("%s band lacks %s", k, f)
			}
		}
	}
	if w, ok := b["widened"].([]any); !ok || len(w) == 0 {
		t.Errorf("widened %v: Leeds alone has too few salaries in 8,000 ads", b["widened"])
	}
	med := b["permanent"].(map[string]any)["p50"]
	out := cli(t, "--db", db, "cost", "--title", "backend developer", "--location", "Leeds", "--format", "json")
	var c struct {
		Lines []struct {
			Amount float64
			From   string
		}
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.Lines[0].Amount != med || !strings.Contains(c.Lines[0].From, "median") {
		t.Errorf("cost --title: salary %v from %q, want the benchmark's median %v", c.Lines[0].Amount, c.Lines[0].From, med)
	}
	if _, _, code := jobscopeCode(t, "--db", db, "benchmark"); code != 2 {
		t.Errorf("benchmark without a title: exit %d, want 2", code)
	}
}

// TestExtractInOrder: extract runs on every core but writes each ad's extraction in input order,
// across batches and files, and still reports each record it sets aside.
func TestExtractInOrder(t *testing.T) {
	a := genFile(t, 1500, 31)
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(`{"id":"x1","title":"Go Developer"}`+"\n"+`{"title":"no id"}`+"\n"+`{"id":"x2","title":"Data Analyst"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := jobscopeCode(t, "extract", a, bad)
	if code != 0 || !strings.Contains(errOut, "bad.jsonl:2: set aside") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var x struct{ ID string }
		if err := json.Unmarshal([]byte(line), &x); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, x.ID)
	}
	src, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, line := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		var r struct{ ID string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		want = append(want, r.ID)
	}
	want = append(want, "x1", "x2")
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("%d extractions out of order (first %v), want %d in input order", len(ids), ids[:5], len(want))
	}
}
