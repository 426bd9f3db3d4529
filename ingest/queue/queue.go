// Package queue carries ingest past one machine on NATS JetStream: Publish reads files and publishes
// each record, as read, to a stream; Work (any number of workers, on any machines) consumes them,
// extracts, deduplicates and writes them to a store, and acknowledges a record only once the batch
// holding it has committed. A record delivered again (a worker that died before acknowledging) is
// written again under the same key and content, which changes nothing.
package queue

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"jobscope"
	"jobscope/ingest"
	"jobscope/ingest/read"
)

// Config names the queue.
type Config struct {
	// URL is the NATS server, nats://HOST:4222.
	URL string
	// Stream is the JetStream stream the records go through; "" is DefaultStream. Its subjects
	// are "jobscope.", Stream's name, then ".ads." and the source, or ".rejects".
	Stream string
	// AckWait is how long a record delivered to a worker waits for its acknowledgement before it
	// is delivered again (the worker died, or is stuck); 0 is DefaultAckWait. The workers' shared
	// consumer takes the value of the last one to connect.
	AckWait time.Duration
}

// DefaultAckWait is the acknowledgement wait when Config gives none: long enough for a batch of
// a thousand ads to be written to a busy store many times over.
const DefaultAckWait = 2 * time.Minute

// DefaultStream is the stream used when Config names none.
const DefaultStream = "JOBSCOPE_ADS"

// consumer is the durable consumer every worker of a stream shares, so that each record goes to one.
const consumer = "jobscope-workers"

func (c Config) stream() string {
	if c.Stream == "" {
		return DefaultStream
	}
	return c.Stream
}

func (c Config) subject(kind string) string { return "jobscope." + c.stream() + "." + kind }

// Headers of a record's message.
const (
	hdrSource = "Jobscope-Source" // the source of records that name none (the file's name)
	hdrPlace  = "Jobscope-Place"  // where a reject was read: file:line:pos
	hdrPosted = "Jobscope-Posted" // the posting date (YYYY-MM-DD) of an ad whose record gives none
)

// connect opens the stream (creating it when needed) and the workers' consumer.
func connect(ctx context.Context, c Config) (*nats.Conn, jetstream.JetStream, jetstream.Consumer, error) {
	nc, err := nats.Connect(c.URL, nats.MaxReconnects(-1), nats.ReconnectWait(time.Second))
	if err != nil {
		return nil, nil, nil, fmt.Errorf("queue: connect to %s: %w", c.URL, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, nil, fmt.Errorf("queue: %w", err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: c.stream(),
		Subjects: []string{"jobscope." + c.stream() + ".>"}, Storage: jetstream.FileStorage,
		// A record published twice within the window (a publisher run again after a crash) is kept once.
		Duplicates: 10 * time.Minute}); err != nil {
		nc.Close()
		return nil, nil, nil, fmt.Errorf("queue: stream %s: %w", c.stream(), err)
	}
	cons, err := js.CreateOrUpdateConsumer(ctx, c.stream(), jetstream.ConsumerConfig{Durable: consumer,
		AckPolicy: jetstream.AckExplicitPolicy, AckWait: cmp.Or(c.AckWait, DefaultAckWait), MaxAckPending: 50_000})
	if err != nil {
		nc.Close()
		return nil, nil, nil, fmt.Errorf("queue: consumer: %w", err)
	}
	return nc, js, cons, nil
}

// Published counts what Publish did.
type Published struct {
	Ads      int `json:"ads"`       // ad records published
	SetAside int `json:"set_aside"` // records that could not be read, published to be stored as rejects
}

// PublishOptions configure Publish.
type PublishOptions struct {
	// Posted, when not zero, is the posting date the workers give the ads whose record states none
	// (ingest.Options.Posted).
	Posted time.Time
}

// Publish reads each file and publishes its records: each ad's record as read, with its default
// source, and each record set aside with its place and reason. It returns once the stream has
// acknowledged every message.
func Publish(ctx context.Context, c Config, paths []string, o PublishOptions) (Published, error) {
	var p Published
	nc, js, _, err := connect(ctx, c)
	if err != nil {
		return p, err
	}
	defer nc.Close()
	for _, path := range paths {
		rd, err := read.Open(path)
		if err != nil {
			return p, err
		}
		src := read.DefaultSource(path)
		for {
			rec, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				rd.Close()
				return p, fmt.Errorf("queue: %w", err)
			}
			m := nats.NewMsg("")
			if rec.Reject != nil {
				m.Subject = c.subject("rejects")
				if m.Data, err = json.Marshal(rec.Reject); err != nil {
					rd.Close()
					return p, fmt.Errorf("queue: %w", err)
				}
				m.Header.Set(hdrPlace, fmt.Sprintf("%s:%d:%d", rec.Reject.File, rec.Reject.Line, rec.Reject.Pos))
				p.SetAside++
			} else {
				m.Subject = c.subject("ads." + subjectToken(src))
				m.Data = rec.Ad.Raw
				m.Header.Set(hdrSource, src)
				if !o.Posted.IsZero() {
					m.Header.Set(hdrPosted, o.Posted.Format(time.DateOnly))
				}
				p.Ads++
			}
			id := msgID(src+"\x00"+m.Header.Get(hdrPosted), m.Data)
			if rec.Reject != nil { // its time set aside differs on every read: its place and text do not
				id = msgID(m.Header.Get(hdrPlace), []byte(rec.Reject.Record))
			}
			m.Header.Set(jetstream.MsgIDHeader, id)
			if _, err := js.PublishMsgAsync(m); err != nil {
				rd.Close()
				return p, fmt.Errorf("queue: publish: %w", err)
			}
		}
		rd.Close()
		select {
		case <-js.PublishAsyncComplete():
		case <-ctx.Done():
			return p, ctx.Err()
		}
	}
	return p, nil
}

// subjectToken makes a source fit for a subject's token (no dots, spaces or wildcards).
func subjectToken(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '.' || c == ' ' || c == '*' || c == '>' || c < 0x21 || c > 0x7e {
			b[i] = '_'
		}
	}
	if len(b) == 0 {
		return "_"
	}
	return string(b)
}

// msgID is a message's JetStream de-duplication id: its source and a hash of its record.
func msgID(src string, data []byte) string {
	h := fnv.New128a()
	h.Write([]byte(src))
	h.Write([]byte{0})
	h.Write(data)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// WorkOptions configure a worker.
type WorkOptions struct {
	Ingest ingest.Options // the store, the extractor and its version
	// Batch is the most records taken at once, and written in one pass; 0 is 1000.
	Batch int
	// Idle, when set, ends Work once the queue has had nothing for this long and holds no record
	// waiting to be acknowledged (tests, one-off drains).
	Idle time.Duration
	// OnBatch, when set, is called after each batch has been written and acknowledged.
	OnBatch func(ingest.Summary)
}

// Work consumes records until ctx ends (or, with Idle, the queue stays empty): each batch is
// written through ingest, grouped by source, and acknowledged only after it committed. A batch that
// fails is not acknowledged; its records come back after a back-off, to this or another worker.
func Work(ctx context.Context, c Config, o WorkOptions) error {
	nc, _, cons, err := connect(ctx, c)
	if err != nil {
		return err
	}
	defer nc.Close()
	batch := o.Batch
	if batch <= 0 {
		batch = 1000
	}
	backoff := time.Second
	idleSince := time.Now()
	for ctx.Err() == nil {
		msgs, err := cons.Fetch(batch, jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if err := sleep(ctx, backoff); err != nil {
				return err
			}
			backoff = min(2*backoff, 30*time.Second)
			continue
		}
		var got []jetstream.Msg
		for m := range msgs.Messages() {
			got = append(got, m)
		}
		if len(got) == 0 {
			// Drained only once nothing waits either: records another worker took and has not
			// acknowledged (it may have died) come back once their wait is up.
			if o.Idle > 0 && time.Since(idleSince) > o.Idle {
				if info, err := cons.Info(ctx); err == nil && info.NumPending+uint64(info.NumAckPending) == 0 {
					return nil
				}
			}
			continue
		}
		idleSince = time.Now()
		sum, err := write(ctx, o.Ingest, got)
		if err != nil {
			for _, m := range got {
				m.NakWithDelay(backoff)
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err := sleep(ctx, backoff); err != nil {
				return err
			}
			backoff = min(2*backoff, 30*time.Second)
			continue
		}
		backoff = time.Second
		for _, m := range got {
			if err := m.DoubleAck(ctx); err != nil {
				// Not acknowledged: the record comes back and is written again, unchanged.
				break
			}
		}
		if o.OnBatch != nil {
			o.OnBatch(sum)
		}
	}
	return ctx.Err()
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// group is the ads of a batch written as one stream: those of one default source and one
// default posting date.
type group struct {
	source, posted string
}

// write stores one batch of messages: the ads of each source (and default posting date) as one
// stream through ingest, then the rejects.
func write(ctx context.Context, opts ingest.Options, msgs []jetstream.Msg) (ingest.Summary, error) {
	var total ingest.Summary
	bySource := map[group]*bytes.Buffer{}
	var order []group
	var rejects []jobscope.Reject
	for _, m := range msgs {
		if src := m.Headers().Get(hdrSource); src != "" {
			g := group{src, m.Headers().Get(hdrPosted)}
			buf := bySource[g]
			if buf == nil {
				buf = &bytes.Buffer{}
				bySource[g] = buf
				order = append(order, g)
			}
			buf.Write(bytes.TrimSpace(m.Data()))
			buf.WriteByte('\n')
			continue
		}
		var r jobscope.Reject
		if err := json.Unmarshal(m.Data(), &r); err != nil {
			return total, fmt.Errorf("queue: a message that is neither an ad nor a reject: %w", err)
		}
		rejects = append(rejects, r)
	}
	for _, g := range order {
		o := opts
		if g.posted != "" {
			d, err := time.Parse(time.DateOnly, g.posted)
			if err != nil {
				return total, fmt.Errorf("queue: a message's posting date %q: %w", g.posted, err)
			}
			o.Posted = d
		}
		// The name gives the records' default source: read.DefaultSource("queue/SRC.jsonl") is SRC.
		s, err := ingest.RunReader(ctx, o, "queue/"+g.source+".jsonl", bySource[g])
		if err != nil {
			return total, err
		}
		total.Read += s.Read
		total.New += s.New
		total.Updated += s.Updated
		total.Unchanged += s.Unchanged
		total.Duplicates += s.Duplicates
		total.SetAside += s.SetAside
		total.Undated += s.Undated
	}
	if len(rejects) > 0 {
		if err := opts.Store.Apply(ctx, &jobscope.Batch{Rejects: rejects}); err != nil {
			return total, fmt.Errorf("queue: store rejects: %w", err)
		}
		total.SetAside += len(rejects)
	}
	return total, nil
}

// Backlog is how many records wait in the queue: not yet delivered, or delivered and not yet
// acknowledged.
func Backlog(ctx context.Context, c Config) (uint64, error) {
	nc, _, cons, err := connect(ctx, c)
	if err != nil {
		return 0, err
	}
	defer nc.Close()
	info, err := cons.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	return info.NumPending + uint64(info.NumAckPending), nil
}
