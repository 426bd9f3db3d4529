package market

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"jobscope"
	"jobscope/stats"
	"jobscope/store"
	"jobscope/taxonomy"
)

// The statistics engine is kept in a snapshot file between commands (stats.Engine.SaveSnapshot),
// labelled with the state of the store it reflects: the store's instance id and the number of the
// last batch it holds (jobscope.StoreState), followed by a log of what changed since (see
// changelog.go). A command loads both and reads from the store only the ads written since
// (Store.Changes); it rebuilds from every record only when the snapshot is missing, unusable
// (another format, cut short, checksum) or of another store, or when the caught-up engine's count
// of ads differs from the store's.

// SnapshotPath is where the engine snapshot of the store at dsn lives: beside an SQLite file
// (FILE.engine), so that it goes where the file goes; for PostgreSQL, in the user's cache
// directory under a hash of the URL, as a local copy of a shared database that nothing else
// needs to read, and which leaves the database's tables to the store.
func SnapshotPath(dsn string) (string, error) {
	if !store.IsPostgres(dsn) {
		return strings.TrimPrefix(dsn, "sqlite://") + ".engine", nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("engine snapshot: %w", err)
	}
	sum := sha256.Sum256([]byte(dsn))
	return filepath.Join(dir, "jobscope", "postgres-"+hex.EncodeToString(sum[:12])+".engine"), nil
}

// SnapshotLabel names a store state in a snapshot.
func SnapshotLabel(st jobscope.StoreState) string {
	return fmt.Sprintf("store %s change %d", st.Instance, st.ChangeSeq)
}

// parseSnapshotLabel reads a label of snapshotLabel.
func parseSnapshotLabel(label string) (instance string, seq int64, ok bool) {
	f := strings.Fields(label)
	if len(f) != 4 || f[0] != "store" || f[2] != "change" {
		return "", 0, false
	}
	seq, err := strconv.ParseInt(f[3], 10, 64)
	return f[1], seq, err == nil
}

// LoadInfo says how an engine came to be, for the bench and for messages.
type LoadInfo struct {
	From    string        // "snapshot", "store", or "log" (AppendChanges, which loads nothing)
	Changes int           // ads read from the store: those changed since the snapshot, or all
	Why     string        // why the snapshot was not used, when it was not
	Load    time.Duration // reading the snapshot or the store, and catching up
	Save    time.Duration // writing the snapshot (0: not written)
	// State is the state of the store the engine reflects, from which Service.Refresh catches up.
	State jobscope.StoreState
	// Segments is how many segments of the snapshot's log were replayed; Appended says that what
	// was read from the store went at the end of the log (Save then timing that), not into a new
	// snapshot.
	Segments int
	Appended bool
	base     int64 // the base snapshot's size in bytes
}

// NewEngine returns an empty engine that tells tech jobs by the default taxonomy's rule (see
// taxonomy.TechJobs): the titles of a user's taxonomy count as mixed, decided by the ad's skills.
func NewEngine() *stats.Engine {
	e := stats.NewEngine()
	e.SetTechJobs(techJob())
	return e
}

// techJob is the default taxonomy's rule of tech jobs, over engine records.
var techJob = sync.OnceValue(func() func(*stats.Record) bool {
	tx, err := taxonomy.Default()
	if err != nil {
		panic(fmt.Sprintf("market: the built-in taxonomy: %v", err)) // embedded: a build error
	}
	return TechRule(tx.TechJobs())
})

// TechRule applies the rule j to an engine record: its canonical title and its skills' categories.
func TechRule(j taxonomy.TechJobs) func(*stats.Record) bool {
	return func(r *stats.Record) bool {
		return j.Is(r.Title, func(yield func(string) bool) {
			for _, s := range r.Skills {
				if !yield(s.Category) {
					return
				}
			}
		})
	}
}

// Rebuild feeds a new engine every canonical ad of the store, and returns the store's state it
// reflects and how many ads it read.
func Rebuild(ctx context.Context, st jobscope.Store) (*stats.Engine, jobscope.StoreState, int, error) {
	e := NewEngine()
	n, state, err := CatchUp(ctx, st, e, -1)
	return e, state, n, err
}

// CatchUp applies to e the ads the store wrote after batch since, in batches: canonical ads are
// added (replacing those held with the same Seq), copies removed. It returns how many it read.
func CatchUp(ctx context.Context, st jobscope.Store, e *stats.Engine, since int64) (int, jobscope.StoreState, error) {
	return catchUp(ctx, st, e, since, nil, 0)
}

// catchUp is CatchUp that also keeps in keep (when not nil) what it applied, as a segment of the
// snapshot log, as long as that is no more than limit ads; past it, keep.To is set to -1.
func catchUp(ctx context.Context, st jobscope.Store, e *stats.Engine, since int64, keep *segment, limit int) (int, jobscope.StoreState, error) {
	batch := make([]stats.Record, 0, 10_000)
	var gone []int64
	n := 0
	if keep != nil {
		keep.From = since
	}
	state, err := st.Changes(ctx, since, func(r *jobscope.AdRecord, canonical bool) error {
		n++
		if keep != nil && keep.To == 0 && n > limit {
			keep.To, keep.Canonical, keep.Gone = -1, nil, nil
		}
		if !canonical {
			gone = append(gone, r.Seq)
			return nil
		}
		batch = append(batch, *r)
		if keep != nil && keep.To == 0 {
			keep.Canonical = append(keep.Canonical, *r)
		}
		if len(batch) == cap(batch) {
			e.Add(batch...)
			batch = batch[:0]
		}
		return nil
	})
	if err != nil {
		return n, state, err
	}
	e.Add(batch...)
	e.Remove(gone...)
	if keep != nil && keep.To == 0 {
		keep.Gone, keep.To = gone, state.ChangeSeq
	}
	return n, state, nil
}

// LoadEngine returns the engine of the store's canonical ads at dsn, from the snapshot unless
// noSnapshot or none is usable, caught up with the store, and leaves the snapshot current (written
// when it was rebuilt or anything changed). Why a snapshot was not used, and a snapshot that cannot
// be written, are logged as warnings and otherwise ignored: the figures do not depend on it.
func LoadEngine(ctx context.Context, st jobscope.Store, dsn string, noSnapshot bool, log *slog.Logger) (*stats.Engine, LoadInfo, error) {
	var how LoadInfo
	start := time.Now()
	if noSnapshot {
		en, state, n, err := Rebuild(ctx, st)
		how = LoadInfo{From: "store", Changes: n, Why: "--snapshot=false", Load: time.Since(start), State: state}
		return en, how, err
	}
	path, err := SnapshotPath(dsn)
	if err != nil {
		return nil, how, err
	}
	en, state, how, sg, lg, err := fromSnapshot(ctx, st, path)
	if err != nil {
		return nil, how, err
	}
	if en == nil {
		if how.Why != "" && how.Why != "none yet" {
			log.Warn("engine snapshot not used: rebuilding from the store", "snapshot", path, "why", how.Why)
		}
		var n int
		if en, state, n, err = Rebuild(ctx, st); err != nil {
			return nil, how, err
		}
		how.From, how.Changes = "store", n
	}
	how.Load, how.State = time.Since(start), state
	if lg.damaged != "" {
		log.Warn("engine snapshot log damaged: writing a new snapshot", "snapshot", path, "why", lg.damaged)
	}
	saved := time.Now()
	switch {
	case how.From == "snapshot" && how.Changes > 0 && lg.damaged == "" && sg.To > sg.From &&
		float64(lg.size) < logShare*float64(how.base):
		// What changed goes at the end of the log; the base stays as it is.
		if _, err := appendSegment(path, state.Instance, lg, sg); err != nil {
			log.Warn("engine snapshot log not written: the next command reads those ads from the store", "err", err)
			return en, how, nil
		}
		how.Appended = true
	case how.From == "store" || how.Changes > 0 || lg.damaged != "" || lg.segments > 0 && float64(lg.size) >= logShare*float64(how.base):
		if err := compact(en, path, state); err != nil {
			log.Warn("engine snapshot not written: the next command rebuilds the engine", "err", err)
			return en, how, nil
		}
	default:
		return en, how, nil
	}
	how.Save = time.Since(saved)
	return en, how, nil
}

// compact writes the engine as the new base snapshot at path and removes the log the base now holds.
func compact(en *stats.Engine, path string, state jobscope.StoreState) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := en.SaveSnapshot(path, SnapshotLabel(state)); err != nil {
		return err
	}
	if err := os.Remove(logPath(path)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("engine snapshot log: %w", err)
	}
	return nil
}

// AppendChanges brings the snapshot of the store at dsn up to date without loading it: it reads
// from the store what changed since the snapshot and its log reach, and appends that to the log.
// It is how ingest keeps the snapshot current at the cost of what it wrote. When that cannot be
// done (no usable snapshot label, a damaged log, another store's, or a log past its share of the
// base) it does what LoadEngine does instead, and returns the engine that loaded.
func AppendChanges(ctx context.Context, st jobscope.Store, dsn string, log *slog.Logger) (*stats.Engine, LoadInfo, error) {
	start := time.Now()
	path, err := SnapshotPath(dsn)
	if err != nil {
		return nil, LoadInfo{}, err
	}
	full := func() (*stats.Engine, LoadInfo, error) { return LoadEngine(ctx, st, dsn, false, log) }
	label, size, err := stats.PeekSnapshot(path)
	if err != nil {
		return full()
	}
	instance, seq, ok := parseSnapshotLabel(label)
	if !ok {
		return full()
	}
	lg, err := readLog(path, instance, seq, nil)
	if err != nil || lg.damaged != "" || float64(lg.size) >= logShare*float64(size) {
		return full()
	}
	sg := &segment{From: lg.seq}
	n := 0
	state, err := st.Changes(ctx, lg.seq, func(r *jobscope.AdRecord, canonical bool) error {
		n++
		if canonical {
			sg.Canonical = append(sg.Canonical, *r)
		} else {
			sg.Gone = append(sg.Gone, r.Seq)
		}
		return nil
	})
	if err != nil {
		return nil, LoadInfo{}, err
	}
	if state.Instance != instance || state.ChangeSeq < lg.seq {
		return full()
	}
	how := LoadInfo{From: "log", Changes: n, State: state, base: size, Load: time.Since(start)}
	if state.ChangeSeq == lg.seq {
		return nil, how, nil
	}
	sg.To = state.ChangeSeq
	saved := time.Now()
	if _, err := appendSegment(path, instance, lg, sg); err != nil {
		log.Warn("engine snapshot log not written: the next command reads those ads from the store", "err", err)
		return nil, how, nil
	}
	how.Appended, how.Save = true, time.Since(saved)
	return nil, how, nil
}

// FromSnapshot loads the snapshot at path and catches it up with the store; a nil engine (and
// how.Why) when it cannot be used.
func FromSnapshot(ctx context.Context, st jobscope.Store, path string) (*stats.Engine, jobscope.StoreState, LoadInfo, error) {
	en, state, how, _, _, err := fromSnapshot(ctx, st, path)
	return en, state, how, err
}

// fromSnapshot is FromSnapshot that also returns what it read from the store, as a segment of the
// log (To -1 when it was too much to keep), and what it found of the log.
func fromSnapshot(ctx context.Context, st jobscope.Store, path string) (*stats.Engine, jobscope.StoreState, LoadInfo, *segment, logState, error) {
	how := LoadInfo{From: "snapshot"}
	sg := &segment{}
	var lg logState
	en, label, err := stats.LoadSnapshot(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		how.Why = "none yet"
		return nil, jobscope.StoreState{}, how, sg, lg, nil
	case err != nil:
		how.Why = err.Error()
		return nil, jobscope.StoreState{}, how, sg, lg, nil
	}
	if fi, err := os.Stat(path); err == nil {
		how.base = fi.Size()
	}
	instance, seq, ok := parseSnapshotLabel(label)
	if !ok {
		how.Why = fmt.Sprintf("label %q", label)
		return nil, jobscope.StoreState{}, how, sg, lg, nil
	}
	en.SetTechJobs(techJob())
	var rp replay
	lg, err = readLog(path, instance, seq, func(s *segment) error {
		rp.add(s)
		return nil
	})
	if err != nil {
		return nil, jobscope.StoreState{}, how, sg, lg, err
	}
	rp.apply(en)
	how.Segments = lg.segments
	// What the store adds is kept for the log while it is less than the log may grow to: about
	// a tenth of the ads held.
	n, state, err := catchUp(ctx, st, en, lg.seq, sg, max(en.Len()/10, 1000))
	how.Changes = n
	switch {
	case err != nil:
		return nil, state, how, sg, lg, err
	case state.Instance != instance:
		how.Why = "it is another store's"
	case state.ChangeSeq < seq:
		how.Why = fmt.Sprintf("it is of batch %d, the store's last is %d", seq, state.ChangeSeq)
	case en.Len() != state.Canonical:
		how.Why = fmt.Sprintf("caught up, it holds %d ads, the store %d", en.Len(), state.Canonical)
	default:
		return en, state, how, sg, lg, nil
	}
	return nil, state, how, sg, lg, nil
}
