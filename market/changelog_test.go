package market

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jobscope"
)

// TestSnapshotLog: segments appended to a snapshot's log are replayed in order into the state they
// end in; one already held is skipped, a gap stops the replay, and damage (another store's log, a
// segment cut short or changed) stops it where the damage starts, saying why.
func TestSnapshotLog(t *testing.T) {
	rec := func(seq int64, title string) jobscope.AdRecord { return jobscope.AdRecord{Seq: seq, Title: title} }
	segments := []segment{
		{From: 0, To: 1, Canonical: []jobscope.AdRecord{rec(1, "a"), rec(2, "b")}},
		{From: 1, To: 2, Canonical: []jobscope.AdRecord{rec(3, "c"), rec(2, "b2")}, Gone: []int64{1}},
		{From: 0, To: 1, Canonical: []jobscope.AdRecord{rec(1, "stale")}}, // already held: skipped
		{From: 2, To: 3, Canonical: []jobscope.AdRecord{rec(1, "a again")}, Gone: []int64{3}},
		{From: 5, To: 6, Canonical: []jobscope.AdRecord{rec(9, "after a gap")}},
	}
	write := func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "x.engine")
		var st logState
		for i := range segments {
			size, err := appendSegment(path, "store-1", st, &segments[i])
			if err != nil {
				t.Fatal(err)
			}
			st.size = size
		}
		return path
	}
	replayed := func(t *testing.T, path, instance string) (logState, []string, []int64) {
		var rp replay
		st, err := readLog(path, instance, 0, func(sg *segment) error { rp.add(sg); return nil })
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, r := range rp.recs {
			if r.Seq >= 0 {
				titles = append(titles, r.Title)
			}
		}
		var gone []int64
		for s := range rp.gone {
			gone = append(gone, s)
		}
		slices.Sort(gone)
		return st, titles, gone
	}

	path := write(t)
	st, titles, gone := replayed(t, path, "store-1")
	if st.seq != 3 || st.segments != 3 || st.damaged != "" {
		t.Errorf("replay reached batch %d in %d segments (damaged %q), want 3 in 3", st.seq, st.segments, st.damaged)
	}
	if want := []string{"b2", "a again"}; !slices.Equal(titles, want) {
		t.Errorf("ads %q, want %q", titles, want)
	}
	if want := []int64{3}; !slices.Equal(gone, want) {
		t.Errorf("copies %v, want %v", gone, want)
	}

	if st, _, _ := replayed(t, path, "store-2"); st.damaged == "" || st.segments != 0 {
		t.Errorf("another store's log: %+v, want it refused", st)
	}

	for _, tc := range []struct {
		name   string
		damage func(b []byte) []byte
		why    string
	}{
		{"cut short", func(b []byte) []byte { return b[:len(b)-3] }, "cut short"},
		{"changed", func(b []byte) []byte { b[len(b)-3] ^= 1; return b }, "checksum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := write(t)
			b, err := os.ReadFile(logPath(path))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(logPath(path), tc.damage(b), 0o644); err != nil {
				t.Fatal(err)
			}
			// The damage is in the last segment, after the gap: what comes before still replays.
			st, titles, _ := replayed(t, path, "store-1")
			if st.seq != 3 || len(titles) != 2 || !strings.Contains(st.damaged, tc.why) {
				t.Errorf("replay reached batch %d with %q, damaged %q (want %q)", st.seq, titles, st.damaged, tc.why)
			}
			// Found in the first segment, it stops the replay at the base.
			b[40] ^= 0xff
			if err := os.WriteFile(logPath(path), b, 0o644); err != nil {
				t.Fatal(err)
			}
			if st, _, _ := replayed(t, path, "store-1"); st.seq != 0 || st.damaged == "" {
				t.Errorf("damage in the first segment: %+v", st)
			}
		})
	}
}
