package queue

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"jobscope/ingest"
	"jobscope/internal/testads"
)

// freePort returns a TCP port on the loopback no one listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// service is a server process of the test's own, to stop and start again mid-run.
type service struct {
	url   string
	start func() error
	stop  func() error
}

// ownNATS starts a NATS server with JetStream of the test's own (the machine's nats-server, on a
// free port, its streams kept in a directory of the test), stopped when the test ends.
func ownNATS(t *testing.T) *service {
	t.Helper()
	bin, err := exec.LookPath("nats-server")
	if err != nil {
		if _, e := os.Stat("/usr/sbin/nats-server"); e != nil {
			t.Skip("no nats-server to start")
		}
		bin = "/usr/sbin/nats-server"
	}
	port, dir := freePort(t), t.TempDir()
	var cmd *exec.Cmd
	s := &service{url: fmt.Sprintf("nats://127.0.0.1:%d", port)}
	s.start = func() error {
		cmd = exec.Command(bin, "-a", "127.0.0.1", "-p", strconv.Itoa(port), "-js", "-sd", dir)
		if err := cmd.Start(); err != nil {
			return err
		}
		return waitPort(port)
	}
	s.stop = func() error {
		cmd.Process.Signal(os.Interrupt)
		return cmd.Wait()
	}
	if err := s.start(); err != nil {
		t.Fatalf("start nats-server: %v", err)
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// ownPostgres starts a PostgreSQL server of the test's own: a cluster made by the machine's initdb
// in a directory of the test, on a free port, with trust authentication, stopped when the test ends.
// Run as root (as CI is), the server runs as the postgres user.
func ownPostgres(t *testing.T) *service {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	sort.Strings(bins)
	if len(bins) == 0 {
		t.Skip("no PostgreSQL server binaries to start")
	}
	binDir := filepath.Dir(bins[len(bins)-1])
	dir, err := os.MkdirTemp("", "jobscope-pg-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	asUser := func(name string, args ...string) *exec.Cmd {
		if os.Getuid() == 0 {
			return exec.Command("runuser", append([]string{"-u", "postgres", "--", filepath.Join(binDir, name)}, args...)...)
		}
		return exec.Command(filepath.Join(binDir, name), args...)
	}
	if os.Getuid() == 0 {
		if out, err := exec.Command("chown", "postgres", dir).CombinedOutput(); err != nil {
			t.Skipf("no postgres user to run a server as: %v %s", err, out)
		}
	}
	data := filepath.Join(dir, "data")
	if out, err := asUser("initdb", "-D", data, "-A", "trust", "-U", "postgres", "--no-sync").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	port := freePort(t)
	s := &service{url: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port)}
	s.start = func() error {
		out, err := asUser("pg_ctl", "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-o",
			fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off", port, dir), "start").CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	}
	s.stop = func() error {
		out, err := asUser("pg_ctl", "-D", data, "-m", "fast", "-w", "stop").CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	}
	if err := s.start(); err != nil {
		t.Fatalf("start PostgreSQL: %v", err)
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// waitPort waits for a server to listen on the loopback port.
func waitPort(port int) error {
	for range 100 {
		if c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port)); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("nothing listens on port %d", port)
}

// TestQueueRestarts: three workers store what was published while NATS, then PostgreSQL, is
// stopped for two seconds in the middle of the stream and started again. The workers retry with
// back-off and lose nothing: the store ends with the same counts and figures as a direct ingest.
func TestQueueRestarts(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for _, which := range []string{"nats", "postgres"} {
		t.Run(which, func(t *testing.T) {
			ctx := context.Background()
			nats := ownNATS(t)
			pg := ownPostgres(t)
			c := Config{URL: nats.url, AckWait: 10 * time.Second}
			path := genAds(t, 3000, 19)
			if _, err := Publish(ctx, c, []string{path}, PublishOptions{}); err != nil {
				t.Fatal(err)
			}
			ingOpts := testads.Options(t, pg.url)
			st := ingOpts.Store
			down := map[string]*service{"nats": nats, "postgres": pg}[which]
			var batches atomic.Int32
			var once sync.Once
			restarted := make(chan error, 1)
			opts := WorkOptions{Ingest: ingOpts, Batch: 200,
				Idle: 3 * time.Second, OnBatch: func(ingest.Summary) {
					if batches.Add(1) == 2 {
						once.Do(func() {
							go func() {
								if err := down.stop(); err != nil {
									restarted <- fmt.Errorf("stop %s: %w", which, err)
									return
								}
								time.Sleep(2 * time.Second)
								restarted <- down.start()
							}()
						})
					}
				}}
			var wg sync.WaitGroup
			errs := make(chan error, 3)
			for range 3 {
				wg.Go(func() { errs <- Work(ctx, c, opts) })
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatalf("worker: %v", err)
				}
			}
			select {
			case err := <-restarted:
				if err != nil {
					t.Fatal(err)
				}
			default:
				t.Fatalf("%s was never stopped: the workers wrote %d batches", which, batches.Load())
			}
			if n, err := Backlog(ctx, c); err != nil || n != 0 {
				t.Fatalf("backlog after the workers %d (%v)", n, err)
			}
			sameAsDirect(t, st, pg.url, path)
		})
	}
}
