package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobscope/bench"
)

func TestBenchExtract(t *testing.T) {
	// The --pipeline child is this test binary acting as the command (see TestMain).
	t.Setenv(childEnv, "1")
	dir := t.TempDir()
	out, errOut, err := benchCmd(t, "extract", "--shared", "", "--ads", "300", "--runs", "2", "--dir", dir, "--pipeline", "200")
	if err != nil {
		t.Fatalf("bench extract: %v\n%s", err, errOut)
	}
	t.Log(out)
	for _, want := range []string{"Corpus: 300 ads (generated 300)", "skill aliases", "title aliases", "extraction, every field",
		"ads/CPU-s", "skill mentions", "jobscope extract on 200 generated ads", "ads/s per core"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	aliases, err := os.ReadFile(filepath.Join(dir, "aliases.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(aliases), "\n"), "\n")
	if len(lines) < 2000 {
		t.Errorf("aliases.txt has %d lines, want the whole taxonomy's", len(lines))
	}
	for _, want := range []string{"python", "kubernetes", "data engineer"} {
		if !contains(lines, want) {
			t.Errorf("aliases.txt lacks %q", want)
		}
	}
	for _, l := range lines {
		if l != strings.ToLower(l) || l == "" {
			t.Fatalf("alias %q is not lowercased", l)
		}
	}
	corpus, err := os.ReadFile(filepath.Join(dir, "corpus.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(corpus) < 300*500 || string(corpus) != strings.ToLower(string(corpus)) {
		t.Errorf("corpus.txt: %d bytes, lowercased %v", len(corpus), string(corpus) == strings.ToLower(string(corpus)))
	}

	t.Run("json", func(t *testing.T) {
		out, errOut, err := benchCmd(t, "extract", "--shared", "", "--ads", "50", "--runs", "1", "--format", "json")
		if err != nil {
			t.Fatalf("bench extract: %v\n%s", err, errOut)
		}
		var rep bench.ExtractReport
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if rep.Ads != 50 || rep.Bytes <= 0 || rep.Extract.Runs != 1 || rep.Extract.AdsS <= 0 || rep.Aliases < 2000 {
			t.Errorf("report %+v", rep)
		}
		// 50 ads take grep about as long as its empty-file run, so its rates may be 0 here.
		if rep.Grep != nil && (rep.Grep.Runs != 1 || !strings.Contains(rep.Grep.Findings, "alias matches")) {
			t.Errorf("grep %+v", rep.Grep)
		}
	})

	t.Run("no ads", func(t *testing.T) {
		if _, _, err := benchCmd(t, "extract", "--shared", ""); err == nil {
			t.Error("no error without ads")
		}
	})
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
