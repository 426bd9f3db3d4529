package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"jobscope/ingest"
	"jobscope/ingest/queue"
)

const workerHelp = `
Stores the records ` + "`jobscope ingest --queue`" + ` published to a NATS JetStream server: extracts,
deduplicates and writes them to the store (--db, PostgreSQL when several workers on several machines
share it), acknowledging each record only once the batch holding it has committed. Run as many as you
like: each record goes to one. A worker stopped or killed mid-batch leaves its records unacknowledged;
they are delivered again, and written again unchanged. A store or server that cannot be reached is
retried with back-off. Runs until interrupted, or with --drain until the queue has been empty for a
few seconds.

  jobscope worker --queue nats://127.0.0.1:4222 --db postgres://...`

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "", workerHelp)
	queueURL := fs.String("queue", "", "the NATS JetStream server, nats://HOST:4222")
	batch := fs.Int("batch", 1000, "records taken and written at once")
	drain := fs.Bool("drain", false, "stop once the queue has been empty for 5 seconds, with no record waiting to be acknowledged")
	taxFile := fs.String("taxonomy", "", "a user taxonomy FILE of extra skills and titles")
	stream := fs.String("stream", queue.DefaultStream, "the JetStream stream to consume")
	ackWait := fs.Duration("ack-wait", queue.DefaultAckWait, "how long a record taken by a worker waits to be acknowledged before it is delivered again")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *queueURL == "" || fs.NArg() != 0 {
		return fmt.Errorf("%w: worker --queue nats://HOST:4222 [--db ...]", errUsage)
	}
	ex, err := newExtractor(*taxFile)
	if err != nil {
		return err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	o := queue.WorkOptions{Ingest: ingest.Options{Store: st, Extract: ex.Extract, Version: ex.Version()}, Batch: *batch,
		OnBatch: func(s ingest.Summary) { fmt.Fprintln(e.stdout, s) }}
	if *drain {
		o.Idle = 5 * time.Second
	}
	err = queue.Work(ctx, queue.Config{URL: *queueURL, Stream: *stream, AckWait: *ackWait}, o)
	if errors.Is(err, context.Canceled) {
		return nil // interrupted: what was acknowledged is stored, the rest waits in the queue
	}
	return err
}
