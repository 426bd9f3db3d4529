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
// last batch it holds (jobscope.StoreState). A command loads it and reads from the store only the
// ads written since (Store.Changes); it rebuilds from every record only when the snapshot is
// missing, unusable (another format, cut short, checksum) or of another store, or when the caught-up
// engine's count of ads differs from the store's.

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
	From    string        // "snapshot" or "store"
	Changes int           // ads read from the store: those changed since the snapshot, or all
	Why     string        // why the snapshot was not used, when it was not
	Load    time.Duration // reading the snapshot or the store, and catching up
	Save    time.Duration // writing the snapshot (0: not written)
	// State is the state of the store the engine reflects, from which Service.Refresh catches up.
	State jobscope.StoreState
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
	batch := make([]stats.Record, 0, 10_000)
	var gone []int64
	n := 0
	state, err := st.Changes(ctx, since, func(r *jobscope.AdRecord, canonical bool) error {
		n++
		if !canonical {
			gone = append(gone, r.Seq)
			return nil
		}
		batch = append(batch, *r)
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
	en, state, how, err := FromSnapshot(ctx, st, path)
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
	if how.From == "store" || how.Changes > 0 {
		saved := time.Now()
		err := os.MkdirAll(filepath.Dir(path), 0o755)
		if err == nil {
			err = en.SaveSnapshot(path, SnapshotLabel(state))
		}
		if err != nil {
			log.Warn("engine snapshot not written: the next command rebuilds the engine", "err", err)
		} else {
			how.Save = time.Since(saved)
		}
	}
	return en, how, nil
}

// FromSnapshot loads the snapshot at path and catches it up with the store; a nil engine (and
// how.Why) when it cannot be used.
func FromSnapshot(ctx context.Context, st jobscope.Store, path string) (*stats.Engine, jobscope.StoreState, LoadInfo, error) {
	how := LoadInfo{From: "snapshot"}
	en, label, err := stats.LoadSnapshot(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		how.Why = "none yet"
		return nil, jobscope.StoreState{}, how, nil
	case err != nil:
		how.Why = err.Error()
		return nil, jobscope.StoreState{}, how, nil
	}
	instance, seq, ok := parseSnapshotLabel(label)
	if !ok {
		how.Why = fmt.Sprintf("label %q", label)
		return nil, jobscope.StoreState{}, how, nil
	}
	en.SetTechJobs(techJob())
	n, state, err := CatchUp(ctx, st, en, seq)
	how.Changes = n
	switch {
	case err != nil:
		return nil, state, how, err
	case state.Instance != instance:
		how.Why = "it is another store's"
	case state.ChangeSeq < seq:
		how.Why = fmt.Sprintf("it is of batch %d, the store's last is %d", seq, state.ChangeSeq)
	case en.Len() != state.Canonical:
		how.Why = fmt.Sprintf("caught up, it holds %d ads, the store %d", en.Len(), state.Canonical)
	default:
		return en, state, how, nil
	}
	return nil, state, how, nil
}
