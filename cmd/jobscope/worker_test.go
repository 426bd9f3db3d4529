package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"jobscope/internal/testdb"
)

// TestWorkersKilled: three worker processes store what ingest --queue published into one
// PostgreSQL store, and one of them is killed with SIGKILL in the middle of the stream, then started
// again. The store ends with every ad exactly once and the same counts and figures as a direct
// ingest of the same file, copies across boards included (two copies of one ad may reach two
// workers at once).
func TestWorkersKilled(t *testing.T) {
	natsURL := os.Getenv("JOBSCOPE_TEST_NATS")
	if natsURL == "" || testdb.URL() == "" {
		t.Skip("JOBSCOPE_TEST_NATS or JOBSCOPE_TEST_POSTGRES is not set")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	stream := fmt.Sprintf("JOBSCOPE_KILL_%d", time.Now().UnixNano())
	t.Cleanup(func() { // the server outlives the test: leave nothing on it
		if nc, err := nats.Connect(natsURL); err == nil {
			if js, err := jetstream.New(nc); err == nil {
				js.DeleteStream(context.Background(), stream)
			}
			nc.Close()
		}
	})
	path := filepath.Join(t.TempDir(), "ads.jsonl")
	cli(t, "gen", "--ads", "6000", "--seed", "17", "--reposts", "0.1", "--out", path)
	cli(t, "ingest", "--queue", natsURL, "--stream", stream, path)
	db := testdb.Postgres(t)

	// worker starts a worker process; lines receives each line it prints (a batch's summary).
	worker := func() (*exec.Cmd, <-chan string) {
		cmd := exec.CommandContext(ctx, os.Args[0], "--db", db, "worker", "--queue", natsURL, "--stream", stream,
			"--batch", "250", "--drain", "--ack-wait", "5s")
		cmd.Env = append(os.Environ(), childEnv+"=1")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1000)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		return cmd, lines
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 2 {
		cmd, lines := worker()
		wg.Go(func() {
			for range lines {
			}
			errs <- cmd.Wait()
		})
	}
	victim, lines := worker()
	select {
	case l, ok := <-lines:
		if !ok {
			t.Fatal("the third worker stopped before writing a batch")
		}
		t.Logf("killing a worker after its first batch: %s", l)
	case <-ctx.Done():
		t.Fatal("no batch written")
	}
	if err := victim.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for range lines {
	}
	victim.Wait()
	again, lines := worker()
	wg.Go(func() {
		for range lines {
		}
		errs <- again.Wait()
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("worker: %v", err)
		}
	}

	var q struct {
		info
		Backlog *uint64 `json:"queue_backlog"`
	}
	if err := json.Unmarshal([]byte(cli(t, "--db", db, "info", "--format", "json", "--queue", natsURL, "--stream", stream)), &q); err != nil {
		t.Fatal(err)
	}
	if q.Backlog == nil || *q.Backlog != 0 {
		t.Fatalf("backlog after the workers: %v", q.Backlog)
	}
	direct := filepath.Join(t.TempDir(), "direct.db")
	cli(t, "--db", direct, "ingest", path)
	if want := readInfo(t, direct); q.info != want {
		t.Fatalf("through the queue %+v, directly %+v", q.info, want)
	}
	if q.Duplicates == 0 {
		t.Fatal("no copies among the ads: the test checks nothing of deduplication")
	}
	for _, term := range []string{"Python", "Software Developer"} {
		a := cli(t, "--db", db, "stats", "--format", "json", term)
		b := cli(t, "--db", direct, "stats", "--format", "json", term)
		if a != b {
			t.Errorf("%s through the queue and directly differ:\n%s", term, firstDifference(a, b, 8))
		}
	}
}

// firstDifference shows the lines around the first line where a and b differ, a's marked "-" and
// b's "+", so a failure names the figure that differs rather than the top of two long documents.
func firstDifference(a, b string, context int) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(la) && i < len(lb) && la[i] == lb[i] {
		i++
	}
	var sb strings.Builder
	for j := max(0, i-context); j < i; j++ {
		fmt.Fprintf(&sb, "  %s\n", la[j])
	}
	for j := i; j < min(len(la), i+context); j++ {
		fmt.Fprintf(&sb, "- %s\n", la[j])
	}
	for j := i; j < min(len(lb), i+context); j++ {
		fmt.Fprintf(&sb, "+ %s\n", lb[j])
	}
	return sb.String()
}
