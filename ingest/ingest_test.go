package ingest_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"jobscope/ingest/read"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"jobscope"
	"jobscope/extract"
	"jobscope/gen"
	"jobscope/ingest"
	"jobscope/internal/testdb"
	"jobscope/store"
	"jobscope/taxonomy"
)

func extractor(t testing.TB) func(*jobscope.RawAd) jobscope.Extraction {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	return extract.New(tax).Extract
}

func openStore(t testing.TB, dsn string) jobscope.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestPosted: Options.Posted dates the ads that state no date, and only those; a date that could not be
// read is counted and noted.
func TestPosted(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	posted := time.Date(2020, 11, 6, 0, 0, 0, 0, time.UTC)
	opts := ingest.Options{Store: st, Extract: extractor(t), Posted: posted}
	f := writeFile(t, "p.jsonl", `{"id":"1","title":"Chef","posted_at":"2020-01-02"}`+"\n"+
		`{"id":"2","title":"Chef"}`+"\n"+`{"id":"3","title":"Chef","posted_at":"31/02/2020"}`+"\n")
	sum, err := ingest.Run(ctx, opts, []string{f})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Undated != 0 || sum.DatesUnread != 1 || len(sum.DateNotes) != 1 ||
		!strings.HasPrefix(sum.DateNotes[0], `p/3: invalid posted_at "31/02/2020"`) {
		t.Errorf("summary %+v", sum)
	}
	in, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !in.FirstPosted.Equal(time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)) || !in.LastPosted.Equal(posted) || in.Undated != 0 {
		t.Errorf("info %+v", in)
	}
}

func TestRunCounts(t *testing.T) {
	ctx := context.Background()
	fixed := time.Date(2026, 5, 4, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		files []string // contents, ingested one after another into one store
		want  ingest.Summary
		ads   int
	}{
		{
			name:  "new ads and a reject",
			files: []string{`{"id":"1","source":"a","title":"Go Developer","company":"Acme","location":"Leeds"}` + "\n" + `{"id":"2","source":"a"}` + "\n"},
			want:  ingest.Summary{Read: 2, New: 1, SetAside: 1, Undated: 1},
			ads:   1,
		},
		{
			name: "the same key twice in one file is one ad, updated",
			files: []string{`{"id":"1","source":"a","title":"Go Developer"}` + "\n" +
				`{"id":"1","source":"a","title":"Senior Go Developer"}` + "\n"},
			want: ingest.Summary{Read: 2, New: 1, Updated: 1, Undated: 1}, // one ad stored, undated
			ads:  1,
		},
		{
			name: "re-reading changed and unchanged ads",
			files: []string{
				`{"id":"1","source":"a","title":"Go Developer"}` + "\n" + `{"id":"2","source":"a","title":"Chef"}` + "\n",
				`{"id":"1","source":"a","title":"Go Developer"}` + "\n" + `{"id":"2","source":"a","title":"Head Chef"}` + "\n",
			},
			want: ingest.Summary{Read: 2, Updated: 1, Unchanged: 1, Undated: 1}, // of the ad written
			ads:  2,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
			opts := ingest.Options{Store: st, Extract: extractor(t), BatchSize: 10, Now: func() time.Time { return fixed }}
			var got ingest.Summary
			for i, content := range tt.files {
				var err error
				got, err = ingest.Run(ctx, opts, []string{writeFile(t, "f"+string(rune('0'+i))+".jsonl", content)})
				if err != nil {
					t.Fatal(err)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("last run = %+v, want %+v", got, tt.want)
			}
			in, err := st.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if in.Ads != tt.ads {
				t.Errorf("store holds %d ads, want %d", in.Ads, tt.ads)
			}
			// An ad with no posting date stays undated: never the day it was ingested.
			if !in.LastPosted.IsZero() || in.Undated != in.Canonical {
				t.Errorf("last posted %v, %d undated of %d", in.LastPosted, in.Undated, in.Canonical)
			}
		})
	}
}

// Copies inside one batch, across batches and across files are all linked to the first copy.
func TestRunFindsCopies(t *testing.T) {
	ctx := context.Background()
	// A copy of every third ad in the same file, often in the same batch.
	_, b := withCopies(t, gen.Config{Ads: 300, Seed: 3, Years: 1}, 3, 9)
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	opts := ingest.Options{Store: st, Extract: extractor(t), BatchSize: 64}
	sum, err := ingest.Run(ctx, opts, []string{writeFile(t, "mixed.jsonl", string(b))})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 400 || sum.Duplicates < 95 {
		t.Errorf("summary %+v: want 400 new with about 100 duplicates", sum)
	}
	if sum.Duplicates > 100 {
		t.Errorf("%d duplicates found among 300 ads and 100 copies", sum.Duplicates)
	}
}

// withCopies generates cfg's ads and writes them as JSON Lines, each ad number i with i%every == 0
// followed by a copy of it posted on another board (reposted with the seed's randomness).
func withCopies(t *testing.T, cfg gen.Config, every int, seed uint64) ([]jobscope.RawAd, []byte) {
	t.Helper()
	ads, err := collect(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var b []byte
	rnd := rand.New(rand.NewPCG(seed, seed))
	for i, ad := range ads {
		b = append(gen.AppendJSON(b, &ad), '\n')
		if i%every == 0 {
			cp := gen.Repost(ad, "board2", rnd)
			b = append(gen.AppendJSON(b, &cp), '\n')
		}
	}
	return ads, b
}

func collect(cfg gen.Config) ([]jobscope.RawAd, error) {
	seq, err := gen.Ads(cfg)
	if err != nil {
		return nil, err
	}
	var ads []jobscope.RawAd
	for ad := range seq {
		ads = append(ads, ad)
	}
	return ads, nil
}

// BenchmarkIngest measures the whole pipeline — read, extract, deduplicate, write — on generated ads
// into SQLite and, when JOBSCOPE_TEST_POSTGRES is set, PostgreSQL.
func BenchmarkIngest(b *testing.B) {
	const n = 20000
	path := filepath.Join(b.TempDir(), "ads.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	if err := gen.Write(w, gen.Config{Ads: n, Seed: 5, Years: 3}); err != nil {
		b.Fatal(err)
	}
	w.Flush()
	f.Close()
	fi, _ := os.Stat(path)

	dsns := map[string]func(b *testing.B) string{
		"sqlite": func(b *testing.B) string { return filepath.Join(b.TempDir(), "bench.db") },
	}
	if testdb.URL() != "" {
		dsns["postgres"] = func(b *testing.B) string { return testdb.Postgres(b) }
	}
	ex := extractor(b)
	for name, dsn := range dsns {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(fi.Size())
			var peak uint64
			for b.Loop() {
				b.StopTimer()
				st, err := store.Open(context.Background(), dsn(b))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := ingest.Run(context.Background(), ingest.Options{Store: st, Extract: ex}, []string{path}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapSys)
				st.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "ads/s")
			b.ReportMetric(float64(peak)/(1<<20), "heap-MiB")
		})
	}
}

// TestBadRecordsDoNotStopTheRun: a key no store can hold (a NUL byte, invalid UTF-8) and a broken first
// line are each one reject, a line longer than the format sniffer's window is read, and every good
// record around them is stored, in every batch, from a file without an extension as from one named
// .json (both sniffed, as standard input is).
func TestBadRecordsDoNotStopTheRun(t *testing.T) {
	ctx := context.Background()
	var b strings.Builder
	b.WriteString(`{"id":"first","title":` + "\n") // broken first line
	const n = 5000
	for i := 2; i <= n; i++ {
		switch i {
		case 2501:
			b.WriteString(`{"id":"nul\u0000id","title":"Python Developer"}` + "\n")
		case 3001:
			b.WriteString("{\"id\":\"bad\xffutf8\",\"title\":\"Python Developer\"}\n")
		case 4001:
			b.WriteString(`{"id":"long","title":"Go Developer","description":"` + strings.Repeat("x", 100<<10) + `"}` + "\n")
		default:
			fmt.Fprintf(&b, `{"id":"%d","title":"Python Developer"}`+"\n", i)
		}
	}
	for _, name := range []string{"ads", "ads.json"} {
		t.Run(name, func(t *testing.T) {
			st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
			opts := ingest.Options{Store: st, Extract: extractor(t), BatchSize: 1000}
			sum, err := ingest.Run(ctx, opts, []string{writeFile(t, name, b.String())})
			if err != nil {
				t.Fatal(err)
			}
			in, err := st.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			// 4,999 records after the broken first line, of which two have bad keys.
			if in.Ads != n-3 || in.SetAside != 3 || sum.New != in.Ads || sum.SetAside != 3 {
				t.Errorf("stored %d ads and %d rejects (summary %+v), want %d and 3", in.Ads, in.SetAside, sum, n-3)
			}
			rs, err := st.Rejects(ctx, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs {
				if r.Line != 1 && !strings.Contains(r.Reason, `invalid "id": not valid UTF-8`) {
					t.Errorf("line %d: %s", r.Line, r.Reason)
				}
			}
		})
	}
}

// TestTruncatedGzip: a gzip stream cut short is an error, and every ad read before the cut is stored,
// those of the batch the cut fell in too.
func TestTruncatedGzip(t *testing.T) {
	ctx := context.Background()
	var raw bytes.Buffer
	zw := gzip.NewWriter(&raw)
	for i := range 3000 {
		fmt.Fprintf(zw, `{"id":"%d","title":"Python Developer","description":"%s"}`+"\n", i, strings.Repeat("words ", i%50))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ads.jsonl.gz")
	if err := os.WriteFile(path, raw.Bytes()[:raw.Len()*7/10], 0o644); err != nil {
		t.Fatal(err)
	}
	// What the reader can read before the cut.
	rd, err := read.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	readable := 0
	for {
		rec, err := rd.Next()
		if err != nil {
			break
		}
		if rec.Ad != nil {
			readable++
		}
	}
	rd.Close()
	if readable < 1000 || readable >= 3000 {
		t.Fatalf("%d ads readable before the cut: the test's cut is off", readable)
	}
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	_, err = ingest.Run(ctx, ingest.Options{Store: st, Extract: extractor(t), BatchSize: 1000}, []string{path})
	if err == nil {
		t.Fatal("a truncated gzip file ingested without an error")
	}
	in, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if in.Ads != readable {
		t.Errorf("stored %d ads, %d were readable", in.Ads, readable)
	}
}

// TestConcurrentIngests: two ingests of the same file into one store at once, each with its own
// connection as two processes would have, never fail; together their summaries count each ad once,
// as new or as updated, and the new ones equal what the store holds.
func TestConcurrentIngests(t *testing.T) {
	ctx := context.Background()
	ads, b := withCopies(t, gen.Config{Ads: 1500, Seed: 11, Years: 1}, 4, 4)
	path := writeFile(t, "same.jsonl", string(b))
	dsns := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "s.db") },
		"postgres": func(t *testing.T) string { return testdb.Postgres(t) },
	}
	ex := extractor(t)
	for name, dsnOf := range dsns {
		t.Run(name, func(t *testing.T) {
			for round := range 3 {
				dsn := dsnOf(t)
				var wg sync.WaitGroup
				var sums [2]ingest.Summary
				var errs [2]error
				for k := range 2 {
					st := openStore(t, dsn)
					wg.Go(func() {
						sums[k], errs[k] = ingest.Run(ctx, ingest.Options{Store: st, Extract: ex, BatchSize: 100}, []string{path})
					})
				}
				wg.Wait()
				for k, err := range errs {
					if err != nil {
						t.Fatalf("round %d, ingest %d: %v", round, k, err)
					}
				}
				st := openStore(t, dsn)
				in, err := st.Info(ctx)
				if err != nil {
					t.Fatal(err)
				}
				n := len(ads) + (len(ads)+3)/4
				if in.Ads != n {
					t.Errorf("round %d: store holds %d ads, want %d", round, in.Ads, n)
				}
				if got := sums[0].New + sums[1].New; got != in.Ads {
					t.Errorf("round %d: the runs report %d new (%+v, %+v), the store holds %d", round, got, sums[0], sums[1], in.Ads)
				}
				if got := sums[0].Duplicates + sums[1].Duplicates; got != in.Duplicates {
					t.Errorf("round %d: the runs report %d new copies, the store holds %d", round, got, in.Duplicates)
				}
			}
		})
	}
}

// TestRacingCopies: two writers at once, one with ads and the other with a copy of each (another
// board's, posted up to ten days later), as two workers of a queue might be handed them; each pair's
// copies must end with the one posted first as the first copy and the other linked to it, as when
// the files are ingested one after the other, in either order: the store's figures are the same
// whoever wins.
func TestRacingCopies(t *testing.T) {
	ctx := context.Background()
	ads, err := collect(gen.Config{Ads: 400, Seed: 21, Years: 1})
	if err != nil {
		t.Fatal(err)
	}
	var first, second []byte
	rnd := rand.New(rand.NewPCG(21, 21))
	for _, ad := range ads {
		first = append(gen.AppendJSON(first, &ad), '\n')
		cp := gen.Repost(ad, "board2", rnd)
		second = append(gen.AppendJSON(second, &cp), '\n')
	}
	paths := []string{writeFile(t, "first.jsonl", string(first)), writeFile(t, "second.jsonl", string(second))}
	dsns := map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return filepath.Join(t.TempDir(), "s.db") },
	}
	if testdb.URL() != "" {
		dsns["postgres"] = func(t *testing.T) string { return testdb.Postgres(t) }
	}
	ex := extractor(t)
	for name, dsnOf := range dsns {
		t.Run(name, func(t *testing.T) {
			// The figures to match: the two files one after the other.
			seq := openStore(t, dsnOf(t))
			for _, p := range paths {
				if _, err := ingest.Run(ctx, ingest.Options{Store: seq, Extract: ex, BatchSize: 25}, []string{p}); err != nil {
					t.Fatal(err)
				}
			}
			want, err := seq.Info(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if want.Duplicates < len(ads)*9/10 {
				t.Fatalf("one after the other: %d of %d copies found", want.Duplicates, len(ads))
			}
			wantRecs := firstCopies(t, seq)
			reversed := openStore(t, dsnOf(t))
			for _, p := range []string{paths[1], paths[0]} {
				if _, err := ingest.Run(ctx, ingest.Options{Store: reversed, Extract: ex, BatchSize: 25}, []string{p}); err != nil {
					t.Fatal(err)
				}
			}
			if got := firstCopies(t, reversed); !slices.Equal(got, wantRecs) {
				t.Errorf("the copies first, then the ads: %d first copies differ from the other order's %d",
					countDiff(got, wantRecs), len(wantRecs))
			}
			for round := range 3 {
				dsn := dsnOf(t)
				var wg sync.WaitGroup
				var sums [2]ingest.Summary
				var errs [2]error
				for k := range 2 {
					st := openStore(t, dsn) // a connection of its own, as another process would have
					wg.Go(func() {
						sums[k], errs[k] = ingest.Run(ctx, ingest.Options{Store: st, Extract: ex, BatchSize: 25}, paths[k:k+1])
					})
				}
				wg.Wait()
				for k, err := range errs {
					if err != nil {
						t.Fatalf("round %d, writer %d: %v", round, k, err)
					}
				}
				got, err := openStore(t, dsn).Info(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if got.Ads != want.Ads || got.Duplicates != want.Duplicates {
					t.Errorf("round %d: racing writers stored %d ads, %d of them copies; one after the other %d and %d",
						round, got.Ads, got.Duplicates, want.Ads, want.Duplicates)
				}
				if n := sums[0].Duplicates + sums[1].Duplicates; n != got.Duplicates {
					t.Errorf("round %d: the writers report %d copies, the store holds %d", round, n, got.Duplicates)
				}
				if recs := firstCopies(t, openStore(t, dsn)); !slices.Equal(recs, wantRecs) {
					t.Errorf("round %d: %d of the racing writers' first copies differ from one after the other's",
						round, countDiff(recs, wantRecs))
				}
			}
		})
	}
}

// firstCopies is every first copy st holds, as the engine reads it (Changes), each as its JSON
// without the store's own numbering, sorted.
func firstCopies(t *testing.T, st jobscope.Store) []string {
	t.Helper()
	var out []string
	if _, err := st.Changes(context.Background(), -1, func(r *jobscope.AdRecord, canonical bool) error {
		if !canonical {
			return nil
		}
		c := *r
		c.Seq = 0
		b, err := json.Marshal(c)
		out = append(out, string(b))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// countDiff counts the entries of a missing from b (both sorted), or their difference in length.
func countDiff(a, b []string) int {
	n := 0
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			n++
		}
	}
	return max(n, len(b)-len(a))
}

// TestRejectIdentity: four bad objects in one JSON Lines array are four rejects; two runs from
// standard input keep both runs' rejects; a record fixed in its file and ingested again is no longer
// set aside.
func TestRejectIdentity(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	opts := ingest.Options{Store: st, Extract: extractor(t)}
	path := writeFile(t, "arr.jsonl", `[{"id":"1"},{"id":"2"},{"id":"3"},{"id":"4"}]`+"\n"+`{"id":"5","title":"Chef"}`+"\n")
	sum, err := ingest.Run(ctx, opts, []string{path})
	if err != nil {
		t.Fatal(err)
	}
	if in, _ := st.Info(ctx); sum.SetAside != 4 || in.SetAside != 4 {
		t.Fatalf("summary %d set aside, store %d: want 4 and 4", sum.SetAside, in.SetAside)
	}
	// Two of them fixed in place.
	if err := os.WriteFile(path, []byte(`[{"id":"1","title":"Cook"},{"id":"2","title":"Baker"},{"id":"3"},{"id":"4"}]`+"\n"+
		`{"id":"5","title":"Chef"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(ctx, opts, []string{path}); err != nil {
		t.Fatal(err)
	}
	if in, _ := st.Info(ctx); in.SetAside != 2 || in.Ads != 3 {
		t.Errorf("after the fix: %d set aside and %d ads, want 2 and 3", in.SetAside, in.Ads)
	}
	// Standard input: two streams with a bad record on the same line.
	for _, content := range []string{`{"id":"s1"}` + "\n", `{"id":"s2"}` + "\n"} {
		rd, err := read.New("-", strings.NewReader(content), -1)
		if err != nil {
			t.Fatal(err)
		}
		rec, err := rd.Next()
		if err != nil || rec.Reject == nil {
			t.Fatalf("%q: %+v, %v", content, rec, err)
		}
		b := jobscope.Batch{Rejects: []jobscope.Reject{*rec.Reject}}
		if err := st.Apply(ctx, &b); err != nil {
			t.Fatal(err)
		}
	}
	if in, _ := st.Info(ctx); in.SetAside != 4 {
		t.Errorf("%d set aside after two stdin runs, want 4", in.SetAside)
	}
}

// commitModes is a real store that notes each batch's commit mode.
type commitModes struct {
	jobscope.Store
	async []bool
}

func (c *commitModes) Apply(ctx context.Context, b *jobscope.Batch) error {
	c.async = append(c.async, b.Async)
	return c.Store.Apply(ctx, b)
}

// TestLastBatchDurable: every batch of a file but its last may commit before reaching the disk; the
// last commits durably (and with it the earlier ones), so what the summary reports is on disk.
func TestLastBatchDurable(t *testing.T) {
	var lines strings.Builder
	for i := range 2500 {
		fmt.Fprintf(&lines, `{"id":"%d","title":"Go Developer","posted_at":"2026-01-02"}`+"\n", i)
	}
	a := writeFile(t, "a.jsonl", lines.String())
	b := writeFile(t, "b.jsonl", `{"id":"x","title":"Chef"}`+"\n")
	dsns := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "s.db") },
		"postgres": func(t *testing.T) string { return testdb.Postgres(t) },
	}
	for name, dsnOf := range dsns {
		t.Run(name, func(t *testing.T) {
			st := &commitModes{Store: openStore(t, dsnOf(t))}
			opts := ingest.Options{Store: st, Extract: extractor(t), BatchSize: 1000}
			if _, err := ingest.Run(context.Background(), opts, []string{a, b}); err != nil {
				t.Fatal(err)
			}
			if want := []bool{true, true, false, false}; !reflect.DeepEqual(st.async, want) {
				t.Errorf("Async of each batch = %v, want %v", st.async, want)
			}
		})
	}
}

// TestVersionReextracts: records read again by the same extraction are unchanged; read by another
// (a new taxonomy, a new build) they are extracted again and updated, and the store holds the new
// extraction.
func TestVersionReextracts(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, filepath.Join(t.TempDir(), "s.db"))
	file := writeFile(t, "a.jsonl", `{"id":"1","source":"a","title":"Zig Developer","description":"Zig and Kubernetes.","posted_at":"2026-05-01"}`+"\n")
	run := func(x *extract.Extractor) ingest.Summary {
		sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extract: x.Extract, Version: x.Version()}, []string{file})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	old := extract.New(tx)
	if s := run(old); s.New != 1 {
		t.Fatalf("first ingest: %+v", s)
	}
	if s := run(old); s.Unchanged != 1 || s.Updated != 0 {
		t.Errorf("again with the same extraction: %+v, want unchanged", s)
	}
	zig := []taxonomy.Skill{{Name: "Zig", Category: taxonomy.CatLanguages, Aliases: []taxonomy.Alias{{Text: "Zig"}}}}
	newer := extract.New(tx.WithSkills(zig))
	if newer.Version() == old.Version() {
		t.Fatalf("a taxonomy with another skill has the same version %s", old.Version())
	}
	if s := run(newer); s.Updated != 1 || s.Unchanged != 0 {
		t.Errorf("again with a new taxonomy: %+v, want updated", s)
	}
	var skills []string
	if _, err := st.Changes(ctx, -1, func(r *jobscope.AdRecord, canonical bool) error {
		for _, s := range r.Skills {
			skills = append(skills, s.Name)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(skills, "Zig") {
		t.Errorf("the store's skills after re-extraction: %v, want Zig among them", skills)
	}
}

// noPrefilter is a real store that reads every candidate's signature: it drops the batch's MayCopy.
type noPrefilter struct {
	jobscope.Store
	asked, passed int
}

func (s *noPrefilter) Apply(ctx context.Context, b *jobscope.Batch) error {
	if may := b.MayCopy; may != nil {
		b.MayCopy = nil
		if b.Copies != nil {
			// Count what the prefilter would have passed, for the test to see it filter.
			copies := b.Copies
			b.Copies = func(fresh []bool, stored []jobscope.DupCandidate) (map[jobscope.AdKey]jobscope.AdKey, error) {
				for _, c := range stored {
					s.asked++
					if may(c) {
						s.passed++
					}
				}
				return copies(fresh, stored)
			}
		}
	}
	return s.Store.Apply(ctx, b)
}

// TestPrefilterKeepsCopies: reading the signatures of only the candidates that could be copies by
// advertiser, title, place and date finds the same copies as reading every candidate's: the same
// first copies, with copies of stored ads found across runs.
func TestPrefilterKeepsCopies(t *testing.T) {
	ctx := context.Background()
	ads, _ := withCopies(t, gen.Config{Ads: 600, Seed: 11, Years: 1}, 1, 1)
	var first, second []byte
	rnd := rand.New(rand.NewPCG(5, 5))
	for i, ad := range ads {
		first = append(gen.AppendJSON(first, &ad), '\n')
		if i%2 == 0 {
			cp := gen.Repost(ad, "board2", rnd)
			second = append(gen.AppendJSON(second, &cp), '\n')
		}
		if i%3 == 0 { // the same text from another advertiser: a candidate, never a copy
			other := gen.Repost(ad, "board3", rnd)
			other.Company = fmt.Sprintf("Other Employer %d", i)
			second = append(gen.AppendJSON(second, &other), '\n')
		}
	}
	files := []string{writeFile(t, "first.jsonl", string(first)), writeFile(t, "second.jsonl", string(second))}
	dir := t.TempDir()
	with := openStore(t, filepath.Join(dir, "with.db"))
	without := &noPrefilter{Store: openStore(t, filepath.Join(dir, "without.db"))}
	var dups [2]int
	for i, st := range []jobscope.Store{with, without} {
		for _, f := range files { // one run a file: the second's copies are of stored ads
			sum, err := ingest.Run(ctx, ingest.Options{Store: st, Extract: extractor(t), BatchSize: 100}, []string{f})
			if err != nil {
				t.Fatal(err)
			}
			dups[i] += sum.Duplicates
		}
	}
	if dups[0] != dups[1] || dups[0] < 250 || dups[0] > 300 {
		t.Errorf("duplicates found: %d with the prefilter, %d without; want the same, about 300", dups[0], dups[1])
	}
	if a, b := firstCopies(t, with), firstCopies(t, without); !slices.Equal(a, b) {
		t.Errorf("first copies differ: %d of %d", countDiff(a, b), len(a))
	}
	// The 100 ads only another advertiser's copies share bands with are candidates it rejects.
	if without.asked-without.passed < 90 || without.passed == 0 {
		t.Errorf("the prefilter passed %d of %d candidates: want all but about 100", without.passed, without.asked)
	}
}
