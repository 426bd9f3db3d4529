// Package ingest takes ads from files into the store: it reads them (package read), extracts their
// fields, finds copies of the same ad posted elsewhere (package dedup) and writes them in batches, each
// batch in one transaction, so that a run killed at any moment and run again stores every ad once.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"runtime"
	"sync"
	"time"

	"jobscope"
	"jobscope/dedup"
	"jobscope/ingest/read"
)

// Options configure a run.
type Options struct {
	Store   jobscope.Store
	Extract func(*jobscope.RawAd) jobscope.Extraction
	// BatchSize is the number of records written per transaction (default 1000).
	BatchSize int
	// Workers extract in parallel (default GOMAXPROCS).
	Workers int
	// Progress, when set, is called after every batch with the run so far.
	Progress func(Progress)
	// Now is the clock: when rejects were set aside.
	Now func() time.Time
	// Version names what Extract makes of an ad (extract.Extractor.Version): a record read again
	// with another version is extracted again and updated, not skipped as unchanged.
	Version string
	// Posted, when not zero, is the posting date given to the ads of the run that state none (or one
	// that cannot be read): ingest --posted. Otherwise such ads are stored undated, counted as such, and
	// kept out of every period figure.
	Posted time.Time
}

// Summary counts what a run did.
type Summary struct {
	Read       int `json:"read"`       // records read, ads and rejects
	New        int `json:"new"`        // ads stored for the first time
	Updated    int `json:"updated"`    // ads already stored whose content changed
	Unchanged  int `json:"unchanged"`  // ads already stored with the same content
	Duplicates int `json:"duplicates"` // new ads found to be copies of another ad
	SetAside   int `json:"set_aside"`  // records that could not be read as ads
	// Undated counts the ads written (new or updated) without a posting date (none given, or one
	// that could not be read) and not dated by Options.Posted; DatesUnread those whose date was
	// given but could not be read, with DateNotes holding the first few reasons ("source/id: why").
	// An unchanged ad was counted by the run that stored it, so that the counts add up to info's.
	Undated     int      `json:"undated"`
	DatesUnread int      `json:"dates_unread"`
	DateNotes   []string `json:"date_notes,omitempty"`
}

// maxDateNotes bounds the examples of unreadable dates a summary keeps.
const maxDateNotes = 5

func (s Summary) String() string {
	return fmt.Sprintf("read %d, new %d, updated %d, unchanged %d, duplicates %d, set aside %d, undated %d",
		s.Read, s.New, s.Updated, s.Unchanged, s.Duplicates, s.SetAside, s.Undated)
}

// Progress is where a run stands, for a progress bar.
type Progress struct {
	Summary
	File        string
	Done, Total int64 // bytes of the current file read, and its size (-1 when unknown)
	FileIndex   int   // 0-based index of the current file
	Files       int
	Elapsed     time.Duration
}

// Run ingests the named files ("-" is standard input) in order. A file that cannot be opened or read
// stops the run with an error; the batches already written stay written, so running it again
// completes the work.
func Run(ctx context.Context, opts Options, paths []string) (Summary, error) {
	r := newRun(opts)
	for i, p := range paths {
		rd, err := read.Open(p)
		if err != nil {
			return r.sum, fmt.Errorf("ingest %s: %w", p, err)
		}
		err = r.file(ctx, i, len(paths), p, rd)
		rd.Close()
		if err != nil {
			return r.sum, err
		}
	}
	return r.sum, nil
}

// RunReader ingests one stream of ads in any input format, as Run does a file: name is where its
// records came from, the default source of its ads and the place its rejects are recorded under
// ("api/acme" for a batch POSTed by acme's key).
func RunReader(ctx context.Context, opts Options, name string, in io.Reader) (Summary, error) {
	r := newRun(opts)
	rd, err := read.New(name, in, -1)
	if err != nil {
		return r.sum, fmt.Errorf("ingest %s: %w", name, err)
	}
	defer rd.Close()
	err = r.file(ctx, 0, 1, name, rd)
	return r.sum, err
}

func newRun(opts Options) *run {
	if opts.BatchSize <= 0 {
		opts.BatchSize = 1000
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &run{opts: opts, start: time.Now()}
}

type run struct {
	opts  Options
	sum   Summary
	start time.Time
}

// prepared is a batch read and extracted, waiting to be deduplicated and written.
type prepared struct {
	ads     []jobscope.Ad
	sigs    []dedup.Signature
	rejects []jobscope.Reject
	places  []jobscope.Place // where each ad was read
	read    int
	done    int64
	total   int64
	err     error
	last    bool // the file's last batch
}

// file streams one file through two stages: reading and extracting a batch (in parallel across
// workers) overlaps with writing the previous one.
func (r *run) file(ctx context.Context, idx, n int, path string, rd *read.Reader) error {

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan prepared, 1)
	go func() {
		defer close(batches)
		// One batch is read ahead, so that the file's last batch is known as the last: every
		// other one commits Async, and the last one's durable commit makes them all durable.
		cur := r.prepare(rd)
		for cur.read > 0 || cur.err != nil {
			var next prepared
			if cur.err == nil {
				next = r.prepare(rd)
			}
			cur.last = next.read == 0 && next.err == nil
			select {
			case batches <- cur:
			case <-ctx.Done():
				return
			}
			cur = next
		}
	}()
	for b := range batches {
		// The records read before a fatal read error (a truncated gzip stream) are written first:
		// what could be read is not lost.
		if b.read > 0 {
			if err := r.write(ctx, &b); err != nil {
				return fmt.Errorf("ingest %s: %w", path, err)
			}
		}
		if b.err != nil {
			return fmt.Errorf("ingest %s: %w", path, b.err)
		}
		if r.opts.Progress != nil {
			r.opts.Progress(Progress{Summary: r.sum, File: path, Done: b.done, Total: b.total,
				FileIndex: idx, Files: n, Elapsed: time.Since(r.start)})
		}
	}
	return ctx.Err()
}

// prepare reads up to a batch of records and extracts the ads among them.
func (r *run) prepare(rd *read.Reader) prepared {
	var b prepared
	now := r.opts.Now()
	var raws []*jobscope.RawAd
	for b.read < r.opts.BatchSize {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			b.err = err
			break
		}
		b.read++
		if rec.Reject != nil {
			rej := *rec.Reject
			rej.At = now
			b.rejects = append(b.rejects, rej)
			continue
		}
		raws = append(raws, rec.Ad)
		b.places = append(b.places, rec.Place)
	}
	b.done, b.total = rd.Progress()
	b.ads = make([]jobscope.Ad, len(raws))
	b.sigs = make([]dedup.Signature, len(raws))

	var wg sync.WaitGroup
	per := (len(raws) + r.opts.Workers - 1) / max(r.opts.Workers, 1)
	for lo := 0; lo < len(raws); lo += per {
		hi := min(lo+per, len(raws))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				raw := raws[i]
				ad := &b.ads[i]
				ad.ContentHash = contentHash(raw, r.opts.Version)
				if raw.PostedAt.IsZero() && !r.opts.Posted.IsZero() {
					raw.PostedAt = r.opts.Posted
				}
				ad.Raw = *raw
				ad.Extraction = r.opts.Extract(raw)
				sig := dedup.Sign(raw.Title, raw.Description)
				b.sigs[i] = sig
				ad.Signature = sig.Bytes()
				ad.Bands = sig.Bands()
			}
		})
	}
	wg.Wait()
	return b
}

// contentHash identifies what was read of an ad and what extracted it, so that re-reading an
// unchanged ad with the same extraction writes nothing, and with another (a new taxonomy, a new
// build) extracts it again.
func contentHash(raw *jobscope.RawAd, version string) uint64 {
	h := fnv.New64a()
	if version != "" {
		io.WriteString(h, version)
		h.Write([]byte{0})
	}
	io.WriteString(h, raw.Source)
	h.Write([]byte{0})
	io.WriteString(h, raw.ID)
	h.Write([]byte{0})
	if len(raw.Raw) > 0 {
		h.Write(raw.Raw)
	} else {
		for _, s := range []string{raw.Title, raw.Description, raw.Company, raw.Location, raw.Salary,
			raw.EmploymentType, raw.PostedAt.String(), raw.ClosedAt.String(), raw.URL} {
			io.WriteString(h, s)
			h.Write([]byte{0})
		}
	}
	return h.Sum64()
}

// write decides which ads are new, changed or copies of another, and stores the batch.
func (r *run) write(ctx context.Context, b *prepared) error {
	// The run's counts change only once the batch is committed: a failed batch counts nothing.
	// A key seen twice in one batch: the later record wins, as it would across batches.
	pos := make(map[jobscope.AdKey]int, len(b.ads))
	var ads []jobscope.Ad
	var sigs []dedup.Signature
	var repeats int
	for i := range b.ads {
		k := b.ads[i].Raw.Key()
		if j, ok := pos[k]; ok {
			ads[j], sigs[j] = b.ads[i], b.sigs[i]
			repeats++
			continue
		}
		pos[k] = len(ads)
		ads = append(ads, b.ads[i])
		sigs = append(sigs, b.sigs[i])
	}
	keys := make([]jobscope.AdKey, len(ads))
	for i := range ads {
		keys[i] = ads[i].Raw.Key()
	}
	existing, err := r.opts.Store.Lookup(ctx, keys)
	if err != nil {
		return err
	}

	// The ads to write: new and changed ones. Which of the new ones are copies is decided inside
	// the store's transaction (see dedupCopies), where no other writer can store a copy meanwhile.
	var out []jobscope.Ad
	var outSigs []dedup.Signature
	unchanged := 0
	for i := range ads {
		if ex, ok := existing[keys[i]]; ok {
			if ex.ContentHash == ads[i].ContentHash {
				unchanged++
				continue
			}
			ads[i].DupOf = ex.DupOf
		}
		out = append(out, ads[i])
		outSigs = append(outSigs, sigs[i])
	}
	// Dates are counted of the ads written, as info counts them: an unchanged ad was counted by the
	// run that stored it.
	undated, unread := 0, 0
	var notes []string
	for i := range out {
		raw := &out[i].Raw
		if raw.PostedAt.IsZero() {
			undated++
		}
		if raw.DateNote != "" {
			unread++
			if len(notes) < maxDateNotes {
				notes = append(notes, raw.Key().String()+": "+raw.DateNote)
			}
		}
	}
	if len(out) > 0 || len(b.rejects) > 0 || len(b.places) > 0 {
		// Read lets the store drop the rejects of records since fixed.
		batch := &jobscope.Batch{Ads: out, Rejects: b.rejects, Read: b.places, Async: !b.last}
		// Only the stored ads that could be a copy by advertiser, title, place and date need their
		// signatures read: that skips a random read of each of the others.
		docs := make([]dedup.Doc, len(out))
		for i := range out {
			docs[i] = docOf(&out[i], dedup.Signature{})
		}
		pre := dedup.NewPrefilter(docs)
		batch.MayCopy = func(c jobscope.DupCandidate) bool { return pre.May(candidateDoc(c)) }
		batch.Copies = func(fresh []bool, stored []jobscope.DupCandidate) (map[jobscope.AdKey]jobscope.AdKey, error) {
			return dedupCopies(batch.Ads, outSigs, fresh, stored, batch.MayCopy)
		}
		if err := r.opts.Store.Apply(ctx, batch); err != nil {
			return err
		}
		// What the store did inside its transaction: another writer may have stored some of the
		// ads looked up as new.
		r.sum.New += batch.Written.Inserted
		r.sum.Duplicates += batch.Written.InsertedCopies + batch.Written.Demoted
		r.sum.Updated += batch.Written.Replaced
	}
	r.sum.Unchanged += unchanged
	r.sum.Updated += repeats
	r.sum.Read += b.read
	r.sum.SetAside += len(b.rejects)
	r.sum.Undated += undated
	r.sum.DatesUnread += unread
	for _, n := range notes {
		if len(r.sum.DateNotes) < maxDateNotes {
			r.sum.DateNotes = append(r.sum.DateNotes, n)
		}
	}
	return nil
}

// dedupCopies sets the DupOf of the fresh ads (not yet stored) that copy another: a stored ad
// sharing an LSH band with them, or another fresh ad of the batch. Of the copies of one ad, the
// first copy is the one posted first (see postedBefore), so that which copy counts does not depend
// on the order the copies were read or written in: a fresh ad posted before the stored first copy
// it matches takes its place, and the returned map names each stored first copy so repointed (the
// batch's own DupOf are set here, the stored copies' by the store). It
// runs inside the store's transaction (jobscope.Batch.Copies).
//
// may, when not nil, is the batch's MayCopy: the candidates it rejects, passed without their
// signatures, cannot be copies of any ad of the batch and are not compared; every other candidate
// must come with its signature.
func dedupCopies(ads []jobscope.Ad, sigs []dedup.Signature, fresh []bool, stored []jobscope.DupCandidate,
	may func(jobscope.DupCandidate) bool) (map[jobscope.AdKey]jobscope.AdKey, error) {
	var idx dedup.Index
	// roots holds the first copy of every ad seen, and posted the posting day of every first copy.
	roots := make(map[jobscope.AdKey]jobscope.AdKey, len(stored)+len(ads))
	posted := make(map[jobscope.AdKey]time.Time, len(stored)+len(ads))
	inBatch := make(map[jobscope.AdKey]int, len(ads))
	for i := range ads {
		inBatch[ads[i].Raw.Key()] = i
	}
	for _, c := range stored {
		// A candidate MayCopy rejects cannot be a copy of any ad of the batch: it is not compared,
		// but its first copy is known.
		if may == nil || may(c) {
			sig, err := dedup.FromBytes(c.Signature)
			if err != nil {
				return nil, fmt.Errorf("candidate %s: %w", c.Key, err)
			}
			doc := candidateDoc(c)
			doc.Sig = sig
			idx.Add(c.Key, doc)
		}
		root := c.Key
		if c.DupOf != nil {
			root = *c.DupOf
		}
		roots[c.Key] = root
		posted[root] = day(c.FirstPosted)
	}
	// A stored ad of the batch (not fresh) keeps its status, but its first copy may be repointed.
	for i := range ads {
		key := ads[i].Raw.Key()
		if _, ok := roots[key]; fresh[i] || ok {
			continue
		}
		if d := ads[i].DupOf; d != nil {
			roots[key] = *d
		}
	}
	repoint := make(map[jobscope.AdKey]jobscope.AdKey)
	for i := range ads {
		if !fresh[i] {
			continue
		}
		doc := docOf(&ads[i], sigs[i])
		key := ads[i].Raw.Key()
		roots[key] = key
		posted[key] = day(ads[i].Raw.PostedAt)
		if k, ok := idx.Find(doc); ok {
			root := roots[k]
			switch {
			case root == key:
			case !postedBefore(key, posted[key], root, posted[root]):
				roots[key] = root
			default: // this ad was posted first: it becomes the first copy of them all
				for m, r := range roots {
					if r == root {
						roots[m] = key
					}
				}
				for m, r := range repoint {
					if r == root {
						repoint[m] = key
					}
				}
				if j, ok := inBatch[root]; !ok || !fresh[j] {
					repoint[root] = key // a stored ad: its stored copies follow it
				}
			}
		}
		idx.Add(key, doc)
	}
	for i := range ads {
		key := ads[i].Raw.Key()
		root, ok := roots[key]
		if !ok {
			continue
		}
		if root == key {
			ads[i].DupOf = nil
		} else {
			ads[i].DupOf = &root
		}
	}
	return repoint, nil
}

// postedBefore reports whether ad a, posted on day pa, is the first copy rather than ad b, posted on
// pb: the one posted first, a dated ad before an undated one, and of two posted the same day the
// lesser key, so that the choice is the same whatever order the two arrive in.
func postedBefore(a jobscope.AdKey, pa time.Time, b jobscope.AdKey, pb time.Time) bool {
	switch {
	case pa.IsZero() != pb.IsZero():
		return pb.IsZero()
	case !pa.Equal(pb):
		return pa.Before(pb)
	case a.Source != b.Source:
		return a.Source < b.Source
	default:
		return a.ID < b.ID
	}
}

// day is the posting day of t as the store keeps it: the date in t's own zone, which is the date
// the ad gave.
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// candidateDoc is what dedup compares of a stored candidate, its signature aside.
func candidateDoc(c jobscope.DupCandidate) dedup.Doc {
	return dedup.Doc{Company: c.Company, Title: c.Title, TitleNorm: c.TitleNorm, Region: c.Region, Place: c.Place,
		Posted: c.PostedAt}
}

// docOf is what dedup compares of an ad.
func docOf(ad *jobscope.Ad, sig dedup.Signature) dedup.Doc {
	return dedup.Doc{Company: ad.Raw.Company, Title: ad.Raw.Title, TitleNorm: string(ad.Extraction.Title.Normalized),
		Region: string(ad.Extraction.Location.Region), Place: string(ad.Extraction.Location.Place),
		Posted: ad.Raw.PostedAt, Sig: sig}
}
