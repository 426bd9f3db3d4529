package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jobscope"
	"jobscope/gen"
	"jobscope/ingest/read"
	"jobscope/internal/testdb"
)

// childEnv makes the test binary act as the jobscope command, so that tests can run it as a real child
// process (and kill it).
const childEnv = "JOBSCOPE_TEST_AS_COMMAND"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
		os.Exit(run(context.Background(), e, os.Args[1:]))
	}
	// PostgreSQL stores keep their engine snapshot in the user's cache directory: the tests' own.
	cache, err := os.MkdirTemp("", "jobscope-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", cache)
	code := m.Run()
	os.RemoveAll(cache)
	os.Exit(code)
}

// cli runs the command in-process and returns its standard output; it fails the test on a
// non-zero exit.
func cli(t *testing.T, args ...string) string {
	t.Helper()
	out, errOut, code := jobscopeCode(t, args...)
	if code != 0 {
		t.Fatalf("jobscope %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

func jobscopeCode(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &o, stderr: &e}, args)
	return o.String(), e.String(), code
}

// databases returns the stores to run a test against: a fresh SQLite file, and a fresh PostgreSQL
// database when JOBSCOPE_TEST_POSTGRES is set.
func databases(t *testing.T) map[string]func(t *testing.T) string {
	dbs := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "jobscope.db") },
	}
	if testdb.URL() != "" {
		dbs["postgres"] = func(t *testing.T) string { return testdb.Postgres(t) }
	}
	return dbs
}

type info struct {
	Ads         int    `json:"ads"`
	Duplicates  int    `json:"duplicates"`
	SetAside    int    `json:"set_aside"`
	FirstPosted string `json:"first_posted"`
	LastPosted  string `json:"last_posted"`
}

func readInfo(t *testing.T, db string) info {
	t.Helper()
	var in info
	if err := json.Unmarshal([]byte(cli(t, "--db", db, "info", "--format", "json")), &in); err != nil {
		t.Fatal(err)
	}
	return in
}

// genFile writes n generated ads with the given seed to a file and returns its path.
func genFile(t *testing.T, n int, seed int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("gen-%d.jsonl", seed))
	cli(t, "gen", "--ads", fmt.Sprint(n), "--seed", fmt.Sprint(seed), "--out", path)
	return path
}

// The path from file to figure: counts, idempotent re-ingest, set-aside records, and the same figures
// from SQLite and PostgreSQL.
func TestIngestInfoRejectsStats(t *testing.T) {
	ads := genFile(t, 3000, 7)
	broken := filepath.Join(t.TempDir(), "broken.jsonl")
	data, err := os.ReadFile(ads)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
	bad := []string{
		`{"id": "x1", "title": "Broken`,
		`{"title": "No id here", "source": "gen"}`,
		`{"id": "no-title", "source": "gen", "description": "an ad without a title"}`,
	}
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(strings.TrimSuffix(l, "\n") + "\n")
		if i == 10 || i == 1000 || i == 2500 {
			b.WriteString(bad[0] + "\n")
			bad = bad[1:]
		}
	}
	if err := os.WriteFile(broken, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}

	statsOut := map[string]string{}
	for name, fresh := range databases(t) {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			out := cli(t, "--db", db, "ingest", ads)
			if !strings.Contains(out, "read 3000, new 3000") {
				t.Errorf("first ingest: %s", out)
			}
			if in := readInfo(t, db); in.Ads != 3000 || in.SetAside != 0 {
				t.Fatalf("after first ingest: %+v", in)
			}
			out = cli(t, "--db", db, "ingest", ads)
			if !strings.Contains(out, "new 0, updated 0, unchanged 3000") {
				t.Errorf("second ingest: %s", out)
			}
			cli(t, "--db", db, "ingest", broken)
			in := readInfo(t, db)
			if in.Ads != 3000 || in.SetAside != 3 {
				t.Fatalf("after broken file: %+v", in)
			}
			_, _, code := jobscopeCode(t, "--db", db, "ingest", "--strict", broken)
			if code != 1 {
				t.Errorf("--strict with set-aside records: exit %d, want 1", code)
			}
			if in := readInfo(t, db); in.SetAside != 3 {
				t.Errorf("re-ingest doubled the rejects: %+v", in)
			}
			rej := cli(t, "--db", db, "rejects")
			for _, want := range []string{":12: ", ":1003: ", ":2504: ", `"id"`, `"title"`, "JSON"} {
				if !strings.Contains(rej, want) {
					t.Errorf("rejects lacks %q:\n%s", want, rej)
				}
			}
			var s strings.Builder
			for _, args := range [][]string{
				{"stats", "Backend Developer", "--format", "json"},
				{"stats", "Python", "--format", "json", "--market", "contract"},
				{"stats", "London", "--format", "json", "--as-of", "2026-03-31"},
			} {
				s.WriteString(cli(t, append([]string{"--db", db}, args...)...))
			}
			statsOut[name] = s.String()
			var rep statsReport
			first := cli(t, "--db", db, "stats", "Backend Developer", "--format", "json")
			if err := json.Unmarshal([]byte(first), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Periods[0].Jobs == 0 || rep.Periods[0].P50 == nil || rep.All[0].Jobs <= rep.Periods[0].Jobs {
				t.Errorf("implausible figures: %+v", rep.Periods[0])
			}
			if _, errOut, code := jobscopeCode(t, "--db", db, "stats", "Backend Develper"); code == 0 ||
				!strings.Contains(errOut, `"Backend Developer"`) {
				t.Errorf("unknown term: exit %d, %s", code, errOut)
			}
		})
	}
	if pg, ok := statsOut["postgres"]; ok && pg != statsOut["sqlite"] {
		t.Errorf("stats differ between stores:\nsqlite:\n%s\npostgres:\n%s", statsOut["sqlite"], pg)
	}
}

// The same ads posted again on another board, lightly edited, are found as copies and change no
// figure; different ads are not.
func TestDuplicatesAcrossBoards(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const n = 3000
	orig := genFile(t, n, 7)
	reposts := filepath.Join(t.TempDir(), "board2.jsonl")
	writeReposts(t, orig, reposts, "board2")
	other := genFile(t, n, 8)

	db := filepath.Join(t.TempDir(), "dup.db")
	cli(t, "--db", db, "ingest", orig)
	before := cli(t, "--db", db, "stats", "Backend Developer", "--format", "json")
	beforeC := cli(t, "--db", db, "stats", "SQL", "--format", "json", "--market", "contract")
	cli(t, "--db", db, "ingest", reposts)
	in := readInfo(t, db)
	if in.Ads != 2*n {
		t.Fatalf("ads = %d, want %d", in.Ads, 2*n)
	}
	t.Logf("reposts found as duplicates: %d of %d (%.2f%%)", in.Duplicates, n, 100*float64(in.Duplicates)/n)
	if in.Duplicates < n*95/100 {
		t.Errorf("only %d of %d reposts found", in.Duplicates, n)
	}
	// Every figure stays as it was, but for the copies that were missed: each can add at most one ad.
	missed := n - in.Duplicates
	for _, c := range []struct {
		before string
		args   []string
	}{
		{before, []string{"stats", "Backend Developer", "--format", "json"}},
		{beforeC, []string{"stats", "SQL", "--format", "json", "--market", "contract"}},
	} {
		after := cli(t, append([]string{"--db", db}, c.args...)...)
		if missed == 0 && after != c.before {
			t.Errorf("%s changed after ingesting copies:\n%s\n%s", c.args[1], c.before, after)
		}
		var b, a statsReport
		if err := json.Unmarshal([]byte(c.before), &b); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(after), &a); err != nil {
			t.Fatal(err)
		}
		for i := range b.Periods {
			if d := a.Periods[i].Jobs - b.Periods[i].Jobs; d < 0 || d > missed {
				t.Errorf("%s period %d: jobs %d -> %d with %d copies missed", c.args[1], i, b.Periods[i].Jobs, a.Periods[i].Jobs, missed)
			}
			if d := a.All[i].Jobs - b.All[i].Jobs; d < 0 || d > missed {
				t.Errorf("all ads period %d: jobs %d -> %d with %d copies missed", i, b.All[i].Jobs, a.All[i].Jobs, missed)
			}
		}
	}

	db2 := filepath.Join(t.TempDir(), "distinct.db")
	cli(t, "--db", db2, "ingest", orig)
	cli(t, "--db", db2, "ingest", other)
	in = readInfo(t, db2)
	t.Logf("different ads taken for duplicates: %d of %d", in.Duplicates, n)
	if in.Duplicates >= n/100 {
		t.Errorf("%d of %d different ads taken for duplicates (want under 1%%)", in.Duplicates, n)
	}
}

// writeReposts writes each ad of src as another board would post it.
func writeReposts(t *testing.T, src, dst, source string) {
	t.Helper()
	ads, err := readGenerated(src)
	if err != nil {
		t.Fatal(err)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	var line []byte
	for _, ad := range ads {
		cp := gen.Repost(ad, source, rnd)
		line = append(gen.AppendJSON(line[:0], &cp), '\n')
		if _, err := w.Write(line); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

// Killing ingest at any moment and running it again stores every ad exactly once.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	const n = 20000
	ads := genFile(t, n, 11)
	db := filepath.Join(t.TempDir(), "kill.db")
	for i, after := range []string{"40ms", "400ms", "1200ms"} {
		cmd := exec.Command(os.Args[0], "--db", db, "ingest", "--batch", "500", ads)
		cmd.Env = append(os.Environ(), childEnv+"=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		d, err := time.ParseDuration(after)
		if err != nil {
			t.Fatal(err)
		}
		timer := time.After(d)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-timer:
			if err := cmd.Process.Kill(); err != nil {
				t.Logf("kill %d: %v", i, err)
			}
			<-done
		case err := <-done:
			t.Logf("run %d finished before the kill: %v", i, err)
		}
		if _, err := os.Stat(db); os.IsNotExist(err) {
			t.Logf("killed after %s, before the store was created", after)
			continue // info refuses a store that does not exist
		}
		in := readInfo(t, db)
		t.Logf("killed after %s: %d ads stored", after, in.Ads)
		if in.Ads > n {
			t.Fatalf("%d ads stored, more than the %d in the file", in.Ads, n)
		}
	}
	cli(t, "--db", db, "ingest", ads)
	if in := readInfo(t, db); in.Ads != n {
		t.Fatalf("after the final run: %d ads, want %d", in.Ads, n)
	}
}

// Every real ad in the shared data goes in, with nothing set aside.
func TestIngestSharedAds(t *testing.T) {
	shared := os.Getenv("JOBSCOPE_SHARED")
	if shared == "" {
		t.Skip("JOBSCOPE_SHARED not set")
	}
	files, _ := filepath.Glob(filepath.Join(shared, "data", "ads", "*", "ads.jsonl"))
	more, _ := filepath.Glob(filepath.Join(shared, "data", "ads", "*", "jobposting.jsonl"))
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no ads in the shared data")
	}
	db := filepath.Join(t.TempDir(), "shared.db")
	var ads, invalid int
	for _, f := range files {
		lines, keys, bad, err := scanRecords(f)
		if err != nil {
			t.Fatal(err)
		}
		out := cli(t, "--db", db, "ingest", f)
		t.Logf("%s: %d records, %d distinct keys, %d without id or title: %s",
			strings.TrimPrefix(f, shared+"/"), lines, keys, bad, strings.TrimSpace(out))
		if !strings.Contains(out, fmt.Sprintf("read %d,", lines)) || !strings.Contains(out, fmt.Sprintf("set aside %d", bad)) {
			t.Errorf("%s: %s", f, out)
		}
		ads += keys
		invalid += bad
	}
	in := readInfo(t, db)
	t.Logf("store: %+v", in)
	if in.SetAside != invalid || in.Ads != ads {
		t.Errorf("store holds %+v, want %d ads and %d set aside", in, ads, invalid)
	}
}

// scanRecords counts, independently of the readers, a JSON Lines file's records, its distinct keys
// (source defaulting to the file name) and the records that lack an id or a title, which a person
// would not call a valid ad either.
func scanRecords(path string) (records, keys, invalid int, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, 0, err
	}
	seen := map[string]bool{}
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		records++
		var rec map[string]any
		if err := json.Unmarshal(l, &rec); err != nil {
			return 0, 0, 0, fmt.Errorf("%s: %w", path, err)
		}
		id, title := rec["id"], rec["title"]
		if rec["@type"] == "JobPosting" {
			id, title = rec["url"], rec["title"]
			if v, ok := rec["identifier"]; ok {
				id = v
			}
		}
		if id == nil || id == "" || title == nil || title == "" {
			invalid++
			continue
		}
		src, _ := rec["source"].(string)
		seen[fmt.Sprint(src, "\x00", id)] = true
	}
	return records, len(seen), invalid, nil
}

// readGenerated reads the ads of a generated file.
func readGenerated(path string) ([]jobscope.RawAd, error) {
	rd, err := read.Open(path)
	if err != nil {
		return nil, err
	}
	defer rd.Close()
	var ads []jobscope.RawAd
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return ads, nil
		}
		if err != nil {
			return nil, err
		}
		if rec.Ad == nil {
			return nil, fmt.Errorf("%s:%d: %s", path, rec.Reject.Line, rec.Reject.Reason)
		}
		ads = append(ads, *rec.Ad)
	}
}
