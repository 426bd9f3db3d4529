package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jobscope/market"
)

// editedCopy writes the first n records of src with a changed title and salary to a new file:
// a re-ingest of it updates those ads.
func editedCopy(t *testing.T, src string, n int) string {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	path := filepath.Join(t.TempDir(), "edited.jsonl")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	sc := bufio.NewScanner(in)
	sc.Buffer(nil, 1<<24)
	for i := 0; i < n && sc.Scan(); i++ {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		rec["title"] = "Senior Data Engineer"
		rec["salary"] = "£70,000 - £80,000 per annum"
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(append(b, '\n'))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEngineSnapshot: ingest leaves a snapshot of the engine, the commands start from it and give
// exactly the figures of a rebuild from the store (--snapshot=false): after a first ingest, after a
// second that adds ads, updates some and brings copies, and when the snapshot is damaged.
func TestEngineSnapshot(t *testing.T) {
	first := genFile(t, 1500, 31)
	second := genFile(t, 1500, 32)
	edited := editedCopy(t, first, 300)
	reposts := filepath.Join(t.TempDir(), "board2.jsonl")
	writeReposts(t, first, reposts, "board2")
	queries := [][]string{
		{"stats", "Python", "--format", "json"},
		{"stats", "Data Engineer", "--format", "json", "--market", "contract"},
		{"index", "--format", "json"},
		{"compare", "SQL", "London", "--format", "json", "--country", "all"},
	}
	for name, fresh := range databases(t) {
		t.Run(name, func(t *testing.T) {
			db := fresh(t)
			path, err := market.SnapshotPath(db)
			if err != nil {
				t.Fatal(err)
			}
			same := func(t *testing.T, when string) {
				t.Helper()
				for _, q := range queries {
					want := cli(t, append([]string{"--db", db, "--snapshot=false"}, q...)...)
					out, errOut, code := jobscopeCode(t, append([]string{"--db", db}, q...)...)
					if code != 0 || errOut != "" {
						t.Fatalf("%s: jobscope %s: exit %d: %s", when, strings.Join(q, " "), code, errOut)
					}
					if out != want {
						t.Errorf("%s: jobscope %s from the snapshot differs from a rebuild", when, strings.Join(q, " "))
					}
				}
			}
			out := cli(t, "--db", db, "ingest", first)
			if !strings.Contains(out, "from every ad of the store") {
				t.Errorf("first ingest: %s", out)
			}
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("no snapshot after ingest: %v", err)
			}
			same(t, "after the first ingest")

			base, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// A second ingest appends what it wrote to the snapshot's log, leaving the base as it
			// was; the commands read both.
			out = cli(t, "--db", db, "ingest", second)
			if !strings.Contains(out, "1500 ads changed, appended to its snapshot") {
				t.Errorf("ingest %s: %s", filepath.Base(second), out)
			}
			if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, base) {
				t.Errorf("the base snapshot was rewritten (%v)", err)
			}
			if fi, err := os.Stat(path + ".log"); err != nil || fi.Size() == 0 {
				t.Fatalf("no log after an appending ingest: %v", err)
			}
			same(t, "after an ingest appended to the log")
			// Updates and copies; the log, past its share of the base by now, is compacted along
			// the way into a new base.
			for _, f := range []string{edited, reposts} {
				out := cli(t, "--db", db, "ingest", f)
				if !strings.Contains(out, "appended to its snapshot") && !strings.Contains(out, "from its snapshot and the ads changed since") {
					t.Errorf("ingest %s: %s", filepath.Base(f), out)
				}
			}
			same(t, "after ingesting new, updated and copied ads")

			t.Run("damaged log", func(t *testing.T) {
				cli(t, "--db", db, "ingest", genFile(t, 200, 34))
				b, err := os.ReadFile(path + ".log")
				if err != nil {
					t.Fatal(err)
				}
				b[len(b)-10] ^= 1 // inside the last segment
				if err := os.WriteFile(path+".log", b, 0o644); err != nil {
					t.Fatal(err)
				}
				_, errOut, code := jobscopeCode(t, "--db", db, "stats", "SQL", "--format", "json")
				if code != 0 || !strings.Contains(errOut, "log damaged") {
					t.Errorf("exit %d, stderr %q: want the damaged log reported", code, errOut)
				}
				if _, err := os.Stat(path + ".log"); !os.IsNotExist(err) {
					t.Errorf("the damaged log is still there after a load (%v): want it compacted away", err)
				}
				same(t, "after a load over a damaged log")
			})

			t.Run("damaged", func(t *testing.T) {
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				b[len(b)/2] ^= 1
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				rebuiltOver(t, db, "not used")
				same(t, "after a rebuild over a damaged snapshot")
			})
			t.Run("another store's", func(t *testing.T) {
				other := fresh(t)
				cli(t, "--db", other, "ingest", second)
				otherPath, err := market.SnapshotPath(other)
				if err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(otherPath)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Fatal(err)
				}
				rebuiltOver(t, db, "another store")
			})
		})
	}
}

// TestEngineSnapshotUnwritable: a snapshot that cannot be written is reported and otherwise changes
// nothing: the command succeeds with the figures of a rebuild.
func TestEngineSnapshotUnwritable(t *testing.T) {
	db := filepath.Join(t.TempDir(), "jobscope.db")
	cli(t, "--db", db, "--snapshot=false", "ingest", genFile(t, 300, 33))
	path, err := market.SnapshotPath(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(path, "in the way"), 0o755); err != nil { // a directory where the file goes
		t.Fatal(err)
	}
	rebuiltOver(t, db, "the next command rebuilds")
}

// rebuiltOver checks that a stats command over a snapshot that cannot be used (or written) exits 0
// with the figures of a rebuild and says why on standard error (containing note).
func rebuiltOver(t *testing.T, db, note string) {
	t.Helper()
	out, errOut, code := jobscopeCode(t, "--db", db, "stats", "SQL", "--format", "json")
	want := cli(t, "--db", db, "--snapshot=false", "stats", "SQL", "--format", "json")
	if code != 0 || out != want || !strings.Contains(errOut, note) {
		t.Errorf("exit %d, same figures as a rebuild %v, stderr %q (want it to say %q)", code, out == want, errOut, note)
	}
}
