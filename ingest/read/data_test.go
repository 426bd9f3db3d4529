package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// sharedAds lists the real ad files of $JOBSCOPE_SHARED, skipping the test when it is unset.
func sharedAds(t testing.TB) []string {
	t.Helper()
	dir := os.Getenv("JOBSCOPE_SHARED")
	if dir == "" {
		t.Skip("JOBSCOPE_SHARED not set")
	}
	files, err := filepath.Glob(filepath.Join(dir, "data", "ads", "*", "ads.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, filepath.Join(dir, "data", "ads", "nhs_jobs_2020", "jobposting.jsonl"))
	return files
}

// lineFacts counts a JSON Lines file's non-blank lines and those that lack an id or a title, read
// independently of the package with encoding/json.
func lineFacts(t *testing.T, path string) (lines, lacking int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		lines++
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s:%d: %v", path, lines, err)
		}
		id, title := m["id"], m["title"]
		if m["@type"] == "JobPosting" {
			id = m["url"]
		}
		s, _ := title.(string)
		if id == nil || id == "" || strings.TrimSpace(s) == "" {
			lacking++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines, lacking
}

// TestSharedAds reads every real ad file: each line is one record, and only the records that lack a
// required field (one adzuna ad has no title) are set aside.
func TestSharedAds(t *testing.T) {
	for _, path := range sharedAds(t) {
		name := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			lines, lacking := lineFacts(t, path)
			r, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			ads, rejects := drain(t, r)
			t.Logf("%d lines: %d ads, %d set aside", lines, len(ads), len(rejects))
			if len(ads)+len(rejects) != lines {
				t.Errorf("%d ads + %d rejects, want %d lines", len(ads), len(rejects), lines)
			}
			if len(rejects) != lacking {
				for _, rj := range rejects {
					t.Logf("line %d: %s", rj.Line, rj.Reason)
				}
				t.Errorf("%d rejects, want %d", len(rejects), lacking)
			}
			for _, rj := range rejects {
				if !strings.HasPrefix(rj.Reason, "missing ") {
					t.Errorf("line %d: %s", rj.Line, rj.Reason)
				}
			}
			isLD := strings.HasSuffix(path, "jobposting.jsonl")
			for _, a := range ads {
				if a.ID == "" || strings.TrimSpace(a.Title) == "" || a.Source == "" || len(a.Raw) == 0 {
					t.Fatalf("incomplete ad %+v", a)
				}
				if isLD && (a.BaseSalary == nil && a.Salary == "" || a.Company == "" || a.Location == "" ||
					a.PostedAt.IsZero() || a.ClosedAt.IsZero() || a.URL == "") {
					t.Fatalf("JobPosting not mapped: %s", a.Raw)
				}
			}
			if done, total := r.Progress(); done != total {
				t.Errorf("progress %d/%d at the end", done, total)
			}
		})
	}
}

// TestSharedGzip reads a real file gzipped and checks it gives the same ads as the plain file.
func TestSharedGzip(t *testing.T) {
	var path string
	for _, p := range sharedAds(t) {
		if strings.Contains(p, "reed_datascience_2021") {
			path = p
		}
	}
	plain, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	gzPath := filepath.Join(t.TempDir(), "reed.jsonl.gz")
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(plain)
	w.Close()
	if err := os.WriteFile(gzPath, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _ := readAll(t, path, string(plain))
	r, err := Open(gzPath)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, _ := drain(t, r)
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d ads from gzip, %d plain", len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("ad %d differs:\n%+v\n%+v", i, got[i], want[i])
		}
	}
}
