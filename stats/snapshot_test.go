package stats_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"jobscope"
	"jobscope/stats"
)

// engineJSON is every answer of an engine that a snapshot must keep, as JSON: its terms, length and
// newest date, pages of the given terms in several scopes and as-of dates, and indexes.
func engineJSON(t *testing.T, e *stats.Engine, terms []refTerm, asOfs []time.Time) []byte {
	t.Helper()
	var out []any
	out = append(out, e.Terms(), e.Len(), e.LastPosted())
	scopes := []refScope{refScopeOf("permanent", "GB"), refScopeOf("contract", "GB"), refScopeOf("permanent", ""),
		refScopeOf("permanent", "GB").withTech()}
	for _, s := range scopes {
		for _, d := range asOfs {
			for _, tm := range terms {
				p, err := e.Page(stats.Query{Kind: tm.kind, Term: tm.name, Scope: scopeOf(s), AsOf: d})
				if err != nil {
					t.Fatalf("%s %s: %v", s, tm.name, err)
				}
				out = append(out, p)
			}
			for _, q := range []stats.IndexQuery{{Kind: jobscope.KindSkill}, {Kind: jobscope.KindTitle, Location: stats.London},
				{Kind: jobscope.KindLocation, Sort: "median"}} {
				q.Scope, q.AsOf = scopeOf(s), d
				idx, err := e.Index(q)
				if err != nil && !(q.Location != "" && s.country == "") {
					t.Fatalf("%s index %+v: %v", s, q, err)
				}
				out = append(out, idx)
			}
		}
	}
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func saveLoad(t *testing.T, e *stats.Engine, label string) *stats.Engine {
	t.Helper()
	path := filepath.Join(t.TempDir(), "engine")
	if err := e.SaveSnapshot(path, label); err != nil {
		t.Fatal(err)
	}
	got, gotLabel, err := stats.LoadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	if gotLabel != label {
		t.Fatalf("label %q, saved %q", gotLabel, label)
	}
	return got
}

// TestSnapshotRoundTrip: an engine loaded from its snapshot answers byte for byte as the engine saved,
// and, given the same later batches (new ads, replaced ads, removals), as an engine fed them all.
func TestSnapshotRoundTrip(t *testing.T) {
	recs := generated(t, 3000, 9)
	first, second := recs[:2000], recs[2000:]
	e := stats.NewEngine()
	isTech := techRule(t)
	e.SetTechJobs(isTech)
	ops := loadInBatches(e, first, 9)
	m := newRefModel(ops)
	terms := termsOf(m, jobscope.KindSkill, 3, 1, 1)
	terms = append(terms, termsOf(m, jobscope.KindTitle, 1, 1, 0)...)
	terms = append(terms, termsOf(m, jobscope.KindLocation, 1, 0, 1)...)
	last := m.refMaxDay()
	asOfs := []time.Time{last, date("2025-06-30")}

	loaded := saveLoad(t, e, "state 1")
	t.Run("same answers", func(t *testing.T) {
		if a, b := engineJSON(t, loaded, terms, asOfs), engineJSON(t, e, terms, asOfs); !bytes.Equal(a, b) {
			t.Fatalf("loaded engine differs from the saved one (%d vs %d bytes of JSON)", len(a), len(b))
		}
	})
	t.Run("empty engine", func(t *testing.T) {
		empty := saveLoad(t, stats.NewEngine(), "")
		if empty.Len() != 0 || len(empty.Terms()) != 0 {
			t.Fatalf("empty engine loaded with %d ads, %d terms", empty.Len(), len(empty.Terms()))
		}
		empty.Add(first[:10]...)
		if empty.Len() != 10 {
			t.Fatalf("Len %d after adding 10", empty.Len())
		}
	})
	t.Run("caught up equals rebuilt", func(t *testing.T) {
		// A second ingest: new ads, some earlier ads replaced (moved, fewer skills), some removed.
		loaded.SetTechJobs(isTech)
		more := loadInBatches(loaded, second, 10)
		var upd refOp
		for i := 0; i < 40; i++ {
			r := first[i*37]
			r.Posted = r.Posted.AddDate(0, -2, 3)
			r.Skills = r.Skills[:len(r.Skills)/2]
			upd.add = append(upd.add, r)
		}
		loaded.Add(upd.add...)
		rm := refOp{remove: []int64{first[5].Seq, first[500].Seq, second[7].Seq}}
		loaded.Remove(rm.remove...)
		all := append(append(append(ops, more...), upd), rm)
		rebuilt := stats.NewEngine()
		rebuilt.SetTechJobs(isTech)
		ref := newRefModel(all)
		rebuilt.Add(ref.recs...)
		if a, b := engineJSON(t, loaded, terms, asOfs), engineJSON(t, rebuilt, terms, asOfs); !bytes.Equal(a, b) {
			t.Fatalf("caught-up engine differs from a rebuild")
		}
		// And both agree with the reference.
		checkPages(t, loaded, ref, []refScope{refScopeOf("permanent", "GB")}, []time.Time{ref.refMaxDay()}, terms[:3])
		checkPages(t, loaded, ref.techModel(isTech), []refScope{refScopeOf("permanent", "GB").withTech()},
			[]time.Time{ref.refMaxDay()}, terms[:3])
	})
}

// TestSnapshotRefused: a snapshot that is cut short, altered, of another format or not a snapshot
// is refused with ErrSnapshot, never loaded; an absent one is fs.ErrNotExist.
func TestSnapshotRefused(t *testing.T) {
	e := stats.NewEngine()
	e.Add(generated(t, 300, 3)...)
	dir := t.TempDir()
	path := filepath.Join(dir, "engine")
	if err := e.SaveSnapshot(path, "label"); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	flip := func(i int) []byte {
		b := bytes.Clone(good)
		b[i] ^= 0x10
		return b
	}
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"truncated", good[:len(good)*2/3]},
		{"tail cut", good[:len(good)-1]},
		{"header only", good[:20]},
		{"empty", nil},
		{"byte flipped in the payload", flip(len(good) / 2)},
		{"checksum altered", flip(len(good) - 1)},
		{"other format", flip(16)},
		{"not a snapshot", flip(0)},
		{"extra byte", append(bytes.Clone(good), 0)},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, "bad")
			if err := os.WriteFile(p, c.data, 0o644); err != nil {
				t.Fatal(err)
			}
			got, _, err := stats.LoadSnapshot(p)
			if !errors.Is(err, stats.ErrSnapshot) || got != nil {
				t.Fatalf("LoadSnapshot = %v, %v; want ErrSnapshot", got, err)
			}
		})
	}
	t.Run("absent", func(t *testing.T) {
		if _, _, err := stats.LoadSnapshot(filepath.Join(dir, "none")); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("LoadSnapshot of no file = %v, want fs.ErrNotExist", err)
		}
	})
}

// TestSnapshotLayout fails when a field of the engine, or of a type it holds, changes: a snapshot
// must then write it (snapshot.go) and snapshotFormat must change, so that snapshots of the old
// layout are rebuilt rather than misread. Run with UPDATE_SNAPSHOT_LAYOUT=1 to record the new one.
func TestSnapshotLayout(t *testing.T) {
	var b bytes.Buffer
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(ty.Elem())
			return
		case reflect.Map:
			walk(ty.Key())
			walk(ty.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if seen[ty] || ty.PkgPath() != "jobscope/stats" {
			return
		}
		seen[ty] = true
		fmt.Fprintf(&b, "%s\n", ty.Name())
		for i := range ty.NumField() {
			f := ty.Field(i)
			fmt.Fprintf(&b, "\t%s %s\n", f.Name, f.Type)
		}
		for i := range ty.NumField() {
			walk(ty.Field(i).Type)
		}
	}
	walk(reflect.TypeOf(stats.Engine{}))
	golden := filepath.Join("testdata", "snapshot_layout.txt")
	if os.Getenv("UPDATE_SNAPSHOT_LAYOUT") != "" {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Fatalf("the engine's fields changed: make snapshot.go write what they hold, change snapshotFormat, "+
			"then record the layout with UPDATE_SNAPSHOT_LAYOUT=1.\nnow:\n%s\nrecorded:\n%s", b.Bytes(), want)
	}
}

// TestSnapshotRemovesStaleTemps: a temporary file a killed writer left (older than staleTemp) goes at
// the next save; a fresh one, which another writer may be writing, stays.
func TestSnapshotRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a[1].db.engine")
	old, fresh := path+".tmp123", path+".tmp456"
	for _, f := range []string{old, fresh} {
		if err := os.WriteFile(f, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	if err := stats.NewEngine().SaveSnapshot(path, "x"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("stale temporary file kept: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh temporary file removed: %v", err)
	}
}
