package queue

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"jobscope"
	"jobscope/gen"
	"jobscope/ingest"
	"jobscope/internal/testads"
	"jobscope/internal/testdb"
	"jobscope/market"
	"jobscope/store"
)

// natsURL is the NATS server the tests use ($JOBSCOPE_TEST_NATS; CI starts one), or a skip.
func natsURL(t *testing.T) string {
	u := os.Getenv("JOBSCOPE_TEST_NATS")
	if u == "" {
		t.Skip("JOBSCOPE_TEST_NATS is not set")
	}
	return u
}

// TestQueueIngest: records published to the queue and written by three workers, one of them
// stopped mid-stream and started again, end with every ad stored exactly once and the same figures
// as a direct ingest of the same file; records set aside reach the store too; publishing again
// adds nothing.
func TestQueueIngest(t *testing.T) {
	ctx := context.Background()
	c := Config{URL: natsURL(t), Stream: fmt.Sprintf("JOBSCOPE_TEST_%d", time.Now().UnixNano())}
	t.Cleanup(func() { // the server outlives the test: leave nothing on it
		if nc, js, _, err := connect(ctx, c); err == nil {
			js.DeleteStream(ctx, c.stream())
			nc.Close()
		}
	})
	dir := t.TempDir()
	path := genAds(t, 4000, 15)
	p, err := Publish(ctx, c, []string{path}, PublishOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Ads != 4000 || p.SetAside != 1 {
		t.Fatalf("published %+v", p)
	}
	if n, err := Backlog(ctx, c); err != nil || n != 4001 {
		t.Fatalf("backlog %d (%v), want 4001", n, err)
	}

	dbs := map[string]string{"sqlite": filepath.Join(dir, "queue.db")}
	if testdb.URL() != "" {
		dbs["postgres"] = testdb.Postgres(t)
	}
	db := dbs["sqlite"]
	if u, ok := dbs["postgres"]; ok {
		db = u // several workers on one shared store, as across machines
	}
	ingOpts := testads.Options(t, db)
	st := ingOpts.Store
	opts := WorkOptions{Ingest: ingOpts, Batch: 300, Idle: 3 * time.Second}

	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 2 {
		wg.Go(func() { errs <- Work(ctx, c, opts) })
	}
	// The third is stopped after its first batch, and started again.
	stopCtx, stop := context.WithCancel(ctx)
	first := opts
	first.OnBatch = func(ingest.Summary) { stop() }
	wg.Go(func() {
		Work(stopCtx, c, first)
		errs <- Work(ctx, c, opts)
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("worker: %v", err)
		}
	}
	if n, err := Backlog(ctx, c); err != nil || n != 0 {
		t.Fatalf("backlog after the workers %d (%v)", n, err)
	}
	sameAsDirect(t, st, db, path)

	// Publishing the same file again: the stream keeps each record once.
	if _, err := Publish(ctx, c, []string{path}, PublishOptions{}); err != nil {
		t.Fatal(err)
	}
	if n, err := Backlog(ctx, c); err != nil || n != 0 {
		t.Errorf("backlog after publishing again %d (%v), want 0", n, err)
	}
}

// genAds writes n generated ads of seed and a record to set aside to a file, and returns its path.
func genAds(t *testing.T, n int, seed int64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ads.jsonl")
	var buf bytes.Buffer
	if err := gen.Write(&buf, gen.Config{Ads: n, Seed: seed, Years: 2}); err != nil {
		t.Fatal(err)
	}
	buf.WriteString(`{"title":"no id"}` + "\n")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sameAsDirect checks that store st (at db), written through the queue, holds what a direct
// ingest of path stores: the same counts, and the same figures of a term.
func sameAsDirect(t *testing.T, st jobscope.Store, db, path string) {
	t.Helper()
	ctx := context.Background()
	in, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	direct := filepath.Join(t.TempDir(), "direct.db")
	testads.Ingest(t, direct, path)
	dst, err := store.Open(ctx, direct)
	if err != nil {
		t.Fatal(err)
	}
	want, err := dst.Info(ctx)
	dst.Close()
	if err != nil {
		t.Fatal(err)
	}
	if in.Ads != want.Ads || in.Canonical != want.Canonical || in.SetAside != want.SetAside || in.NoSalary != want.NoSalary {
		t.Fatalf("through the queue %+v, directly %+v", in, want)
	}
	page := func(db string) string {
		svc, err := market.Open(ctx, market.Config{DB: db, NoSnapshot: true})
		if err != nil {
			t.Fatal(err)
		}
		defer svc.Close()
		term, err := svc.Resolve("Python", "")
		if err != nil {
			t.Fatal(err)
		}
		scope, asOf, err := svc.Scope(market.ScopeInput{})
		if err != nil {
			t.Fatal(err)
		}
		pg, err := svc.Page(term, svc.BaselineFor(term, "", scope), asOf, 0)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%+v %v %v", pg.Periods[0].Figures.Jobs, *pg.Periods[0].P50, pg.Periods[1].SalariesQuoted)
	}
	if a, b := page(db), page(direct); a != b {
		t.Errorf("Python through the queue %s, directly %s", a, b)
	}
}

// TestQueuePosted: the posting date Publish is given reaches the workers, which date with it the
// ads whose record states none, and only those.
func TestQueuePosted(t *testing.T) {
	ctx := context.Background()
	c := Config{URL: natsURL(t), Stream: fmt.Sprintf("JOBSCOPE_TEST_POSTED_%d", time.Now().UnixNano())}
	t.Cleanup(func() {
		if nc, js, _, err := connect(ctx, c); err == nil {
			js.DeleteStream(ctx, c.stream())
			nc.Close()
		}
	})
	dir := t.TempDir()
	path := filepath.Join(dir, "ads.jsonl")
	data := `{"id":"1","title":"Go Developer","description":"Go and Kubernetes, no date given."}
{"id":"2","title":"Data Analyst","description":"SQL and Excel, posted on its own date.","posted_at":"2026-03-02"}
`
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	posted := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	if _, err := Publish(ctx, c, []string{path}, PublishOptions{Posted: posted}); err != nil {
		t.Fatal(err)
	}
	ingOpts := testads.Options(t, filepath.Join(dir, "posted.db"))
	st := ingOpts.Store
	if err := Work(ctx, c, WorkOptions{Ingest: ingOpts,
		Idle: time.Second}); err != nil {
		t.Fatal(err)
	}
	in, err := st.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if in.Ads != 2 || in.Undated != 0 || !in.FirstPosted.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)) ||
		!in.LastPosted.Equal(posted) {
		t.Errorf("stored %d ads, %d undated, posted %s to %s; want 2, none undated, 2026-03-02 to 2026-05-01",
			in.Ads, in.Undated, in.FirstPosted.Format(time.DateOnly), in.LastPosted.Format(time.DateOnly))
	}
}
