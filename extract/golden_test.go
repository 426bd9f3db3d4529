package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"jobscope"
	"jobscope/gen"
	"jobscope/ingest/read"
)

// update rewrites the golden files instead of comparing with them:
//
//	go test ./extract -run Golden -update
//
// A change that is meant to change what is extracted (a better rule, a new alias) updates them in
// the same commit, so that the diff of the golden files shows what it changed; a change that is
// meant to be only faster must leave them as they are.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenEvery picks one record in goldenEvery of each shared file for the golden file of real ads.
const goldenEvery = 97

// TestGolden pins the whole extraction (every field, as JSON) of generated ads and of the benchmark's
// ads, so that an optimisation is proven to change no output.
func TestGolden(t *testing.T) {
	e := newTestExtractor(t)
	seq, err := gen.Ads(gen.Config{Ads: 250, Seed: 11, Reposts: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	var ads []jobscope.RawAd
	for a := range seq {
		ads = append(ads, a)
	}
	ads = append(ads, benchAds()...)
	checkGolden(t, filepath.Join("testdata", "golden_gen.jsonl"), e, ads)
}

// TestGoldenShared pins the extraction of a sample of the real ads in $JOBSCOPE_SHARED: one record in
// goldenEvery of every ads file of every set (JSON Lines and schema.org JobPosting lines alike).
func TestGoldenShared(t *testing.T) {
	root := os.Getenv("JOBSCOPE_SHARED")
	if root == "" {
		t.Skip("JOBSCOPE_SHARED is not set")
	}
	files, err := filepath.Glob(filepath.Join(root, "data", "ads", "*", "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var ads []jobscope.RawAd
	for _, f := range files {
		if filepath.Base(f) == "labels.jsonl" {
			continue
		}
		n := 0
		for _, a := range readAdsFile(t, f) {
			if n%goldenEvery == 0 {
				ads = append(ads, a)
			}
			n++
		}
	}
	if len(ads) == 0 {
		t.Fatalf("no ads under %s", root)
	}
	checkGolden(t, filepath.Join("testdata", "golden_shared.jsonl"), newTestExtractor(t), ads)
}

// readAdsFile reads every ad of an input file with the ingest readers, rejects skipped.
func readAdsFile(t *testing.T, path string) []jobscope.RawAd {
	t.Helper()
	rd, err := read.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var ads []jobscope.RawAd
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return ads
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if rec.Ad != nil {
			ads = append(ads, *rec.Ad)
		}
	}
}

// checkGolden compares the extraction of ads, one JSON line each, with the golden file, or rewrites
// it under -update. A difference is reported ad by ad, with the first few shown in full.
func checkGolden(t *testing.T, path string, e *Extractor, ads []jobscope.RawAd) {
	t.Helper()
	var got bytes.Buffer
	for i := range ads {
		x := e.Extract(&ads[i])
		b, err := json.Marshal(&x)
		if err != nil {
			t.Fatalf("ad %s: %v", ads[i].ID, err)
		}
		got.Write(b)
		got.WriteByte('\n')
	}
	if *update {
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d ads)", path, len(ads))
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	g, w := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
	if len(g) != len(w) {
		t.Errorf("%s: %d lines, want %d", path, len(g), len(w))
	}
	var diffs []string
	for i := 0; i < min(len(g), len(w)); i++ {
		if g[i] != w[i] {
			diffs = append(diffs, fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g[i], w[i]))
		}
	}
	if len(diffs) > 0 {
		t.Errorf("%s: %d of %d ads differ (go test ./extract -run Golden -update if the change is meant):\n%s",
			path, len(diffs), len(ads), strings.Join(diffs[:min(len(diffs), 5)], "\n"))
	}
}
