package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"jobscope"
	"jobscope/extract"
	"jobscope/ingest"
	"jobscope/ingest/queue"
	"jobscope/ingest/read"
	"jobscope/internal/ordered"
	"jobscope/market"
)

const ingestHelp = `
Reads job ads from files (JSON Lines, CSV, schema.org JobPosting as JSON, JSON Lines or inside HTML
pages; "-" for standard input; .gz files too), extracts their fields and stores them. Re-ingesting the
same source and id updates that ad; the same ad posted on another job board is linked to its first copy
and counted once. Records that cannot be read are set aside with their reason (see "jobscope rejects").
Afterwards the statistics engine's snapshot (see --snapshot in "jobscope help") is brought up to date
with the ads written, so that the next stats, index or compare starts from it. The exit code is 0 unless --strict is given and something was set aside, or nothing could be read.

An ad's posting date comes from its record (YYYY-MM-DD, RFC 3339, DD/MM/YYYY, "6 November 2020",
RFC 1123 or Unix seconds). An ad without one, or with one that cannot be read or lies outside 1990 to a
year from today, is stored undated: it counts in "all jobs" figures over all time but in no period
figure, and the summary says how many there were. --posted YYYY-MM-DD dates them instead (the day a
scrape was taken, say).`

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "FILE...", ingestHelp)
	strict := fs.Bool("strict", false, "exit 1 when any record is set aside")
	batch := fs.Int("batch", 1000, "records per transaction")
	quiet := fs.Bool("quiet", false, "no progress bar")
	taxFile := fs.String("taxonomy", "", "a user taxonomy FILE of extra skills and titles (see jobscope taxonomy --help)")
	postedFlag := fs.String("posted", "", "the posting date (YYYY-MM-DD) of ads whose record gives none")
	queueURL := fs.String("queue", "", "publish the records to this NATS JetStream server (nats://HOST:4222) for `jobscope worker`s to store, instead of storing them here")
	stream := fs.String("stream", queue.DefaultStream, "with --queue, the JetStream stream to publish to")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: name at least one file (or - for standard input)", errUsage)
	}
	var posted time.Time
	if *postedFlag != "" {
		var err error
		if posted, err = time.Parse(time.DateOnly, *postedFlag); err != nil {
			return fmt.Errorf("%w: --posted %q is not a date YYYY-MM-DD", errUsage, *postedFlag)
		}
	}
	if *queueURL != "" {
		p, err := queue.Publish(ctx, queue.Config{URL: *queueURL, Stream: *stream}, fs.Args(), queue.PublishOptions{Posted: posted})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "published %d ads and %d records set aside to %s; `jobscope worker --queue %s` stores them\n",
			p.Ads, p.SetAside, *queueURL, *queueURL)
		return nil
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

	opts := ingest.Options{Store: st, Extract: ex.Extract, Version: ex.Version(), BatchSize: *batch, Posted: posted}
	var bar *progressBar
	if !*quiet && isTerminal(e.stderr) {
		bar = &progressBar{w: e.stderr}
		opts.Progress = bar.update
	}
	sum, err := ingest.Run(ctx, opts, fs.Args())
	if bar != nil {
		bar.finish()
	}
	fmt.Fprintln(e.stdout, sum)
	if sum.SetAside > 0 {
		fmt.Fprintf(e.stdout, "%d set aside: see `jobscope rejects`\n", sum.SetAside)
	}
	if sum.DatesUnread > 0 {
		fmt.Fprintf(e.stdout, "%d with a date that could not be read, stored without it; for example:\n", sum.DatesUnread)
		for _, n := range sum.DateNotes {
			fmt.Fprintf(e.stdout, "  %s\n", n)
		}
	}
	if sum.Undated > 0 {
		fmt.Fprintf(e.stdout, "%d undated: in no period figure; give them a date with --posted YYYY-MM-DD\n", sum.Undated)
	}
	if err != nil {
		return err
	}
	if sum.Read == 0 || sum.Read == sum.SetAside {
		return fmt.Errorf("nothing could be read")
	}
	if !e.noSnapshot {
		// The snapshot is brought up to date at the cost of what this run wrote: appended to its
		// log, without loading the engine, unless there is no snapshot yet or it is due a rewrite.
		if os.Getenv("GOGC") == "" {
			// Loading the engine (from every ad of the store, the first time) is the run's
			// largest heap by far: what it keeps grows to most of it, so collecting at a quarter
			// more rather than twice keeps the peak near what is kept (a 1M-ad store: 1.43 GB
			// peak before, see docs/scale.md).
			defer debug.SetGCPercent(debug.SetGCPercent(25))
		}
		en, how, err := market.AppendChanges(ctx, st, e.db, e.log())
		if err != nil {
			return fmt.Errorf("update the engine snapshot: %w", err)
		}
		took := (how.Load + how.Save).Round(time.Millisecond)
		switch {
		case en == nil:
			fmt.Fprintf(e.stdout, "statistics engine: %d ads changed, appended to its snapshot in %s\n", how.Changes, took)
		case how.From == "store":
			fmt.Fprintf(e.stdout, "statistics engine: %d ads, from every ad of the store (%d read) in %s\n", en.Len(), how.Changes, took)
		default:
			kept := "written anew"
			if how.Appended {
				kept = "appended to it"
			}
			fmt.Fprintf(e.stdout, "statistics engine: %d ads, from its snapshot and the ads changed since (%d read), %s in %s\n",
				en.Len(), how.Changes, kept, took)
		}
	}
	if *strict && sum.SetAside > 0 {
		return errExit1
	}
	return nil
}

// newExtractor makes the extractor, with the skills and titles of a user taxonomy file when one is
// named.
func newExtractor(taxonomyFile string) (*extract.Extractor, error) {
	t, err := loadTaxonomy(taxonomyFile)
	if err != nil {
		return nil, err
	}
	return extract.New(t), nil
}

// isTerminal reports whether w is a terminal, where a progress bar makes sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressBar draws one line on a terminal: the bar (when the size is known), ads/s and ETA.
type progressBar struct {
	w    io.Writer
	last time.Time
	drew bool
}

func (p *progressBar) update(pr ingest.Progress) {
	if time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(pr.Read) / max(pr.Elapsed.Seconds(), 1e-9)
	line := fmt.Sprintf("%s: %d read, %.0f ads/s", shortName(pr.File), pr.Read, rate)
	if pr.Total > 0 {
		frac := min(float64(pr.Done)/float64(pr.Total), 1)
		const width = 30
		n := int(frac * width)
		eta := "?"
		if frac > 0 {
			// Time left at this file's pace so far.
			eta = (time.Duration(pr.Elapsed.Seconds()*(1-frac)/frac) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("[%s%s] %3.0f%% %s, ETA %s", strings.Repeat("#", n), strings.Repeat(".", width-n),
			frac*100, line, eta)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drew = true
}

func (p *progressBar) finish() {
	if p.drew {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func shortName(path string) string {
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		return path[i+1:]
	}
	return path
}

const extractHelp = `
Prints the extraction of each ad (docs/extraction.md) as one JSON object per line, in input order, storing
nothing. Reads standard input when no file is named. Records that cannot be read are reported on
standard error with their reason and line.`

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[FILE...]", extractHelp)
	taxFile := fs.String("taxonomy", "", "a user taxonomy FILE of extra skills and titles (see jobscope taxonomy --help)")
	if err := parse(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	ex, err := newExtractor(*taxFile)
	if err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		// The taxonomy is most of the live heap and each ad's garbage dies at once: collecting
		// less often marks the taxonomy less often (about 13% less CPU per ad, twice the memory).
		debug.SetGCPercent(400)
	}
	out := newBufferedWriter(e.stdout)
	defer out.Flush()
	// Records are read in batches on this goroutine's producer, extracted and encoded on every
	// core, and written in input order.
	type batch struct {
		ads     []*jobscope.RawAd
		rejects []string // set-aside notes, in order among the batch's records
		buf     []byte
	}
	const batchSize = 256
	produce := func(yield func(*batch) bool) error {
		for _, f := range files {
			var rd *read.Reader
			var err error
			if f == "-" {
				rd, err = read.New("-", e.stdin, -1)
			} else {
				rd, err = read.Open(f)
			}
			if err != nil {
				return err
			}
			b := &batch{}
			for {
				rec, err := rd.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					rd.Close()
					return fmt.Errorf("%s: %w", f, err)
				}
				if rec.Reject != nil {
					b.rejects = append(b.rejects, fmt.Sprintf("%s:%d: set aside: %s\n", rec.Reject.File, rec.Reject.Line, rec.Reject.Reason))
					continue
				}
				b.ads = append(b.ads, rec.Ad)
				if len(b.ads) == batchSize {
					if !yield(b) {
						rd.Close()
						return nil
					}
					b = &batch{}
				}
			}
			rd.Close()
			if len(b.ads) > 0 || len(b.rejects) > 0 {
				if !yield(b) {
					return nil
				}
			}
		}
		return nil
	}
	work := func(b *batch) *batch {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, ad := range b.ads {
			x := ex.Extract(ad)
			enc.Encode(&x) // an Extraction always encodes
		}
		b.buf, b.ads = buf.Bytes(), nil
		return b
	}
	consume := func(b *batch) error {
		for _, r := range b.rejects {
			fmt.Fprint(e.stderr, r)
		}
		_, err := out.Write(b.buf)
		return err
	}
	if err := ordered.Run(ctx, runtime.GOMAXPROCS(0), produce, work, consume); err != nil {
		return err
	}
	return nil
}
