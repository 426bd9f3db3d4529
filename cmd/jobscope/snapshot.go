package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"jobscope"
	"jobscope/stats"
	"jobscope/store"
)

// The statistics engine is kept in a snapshot file between commands (stats.Engine.SaveSnapshot),
// labelled with the state of the store it reflects: the store's instance id and the number of the
// last batch it holds (jobscope.StoreState). A command loads it and reads from the store only the
// ads written since (Store.Changes); it rebuilds from every record only when the snapshot is
// missing, unusable (another format, cut short, checksum) or of another store, or when the caught-up
// engine's count of ads differs from the store's.

// engineNote ends the help of the commands that read the engine.
const engineNote = `The figures come from the statistics engine, which starts from its snapshot (DB.engine beside an
SQLite file, the user cache directory for PostgreSQL) and reads from the store only the ads written
since; without a usable snapshot it is rebuilt from every ad and the snapshot written. The global
flag --snapshot=false always rebuilds.`

// snapshotPath is where the engine snapshot of the store at dsn lives: beside an SQLite file
// (FILE.engine), so that it goes where the file goes; for PostgreSQL, in the user's cache
// directory under a hash of the URL, as a local copy of a shared database that nothing else
// needs to read, and which leaves the database's tables to the store.
func snapshotPath(dsn string) (string, error) {
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

// snapshotLabel names a store state in a snapshot.
func snapshotLabel(st jobscope.StoreState) string {
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

// engineLoad says how an engine came to be, for the bench and for messages.
type engineLoad struct {
	From    string        // "snapshot" or "store"
	Changes int           // ads read from the store: those changed since the snapshot, or all
	Why     string        // why the snapshot was not used, when it was not
	Load    time.Duration // reading the snapshot or the store, and catching up
	Save    time.Duration // writing the snapshot (0: not written)
}

// rebuildEngine feeds a new engine every canonical ad of the store, and returns the store's state
// it reflects.
func rebuildEngine(ctx context.Context, st jobscope.Store) (*stats.Engine, jobscope.StoreState, int, error) {
	e := stats.NewEngine()
	n, state, err := catchUp(ctx, st, e, -1)
	return e, state, n, err
}

// catchUp applies to e the ads the store wrote after batch since, in batches: canonical ads are
// added (replacing those held with the same Seq), copies removed. It returns how many it read.
func catchUp(ctx context.Context, st jobscope.Store, e *stats.Engine, since int64) (int, jobscope.StoreState, error) {
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

// loadEngine returns the engine of the store's canonical ads, from the snapshot when --snapshot
// allows and one is usable, caught up with the store, and leaves the snapshot current (written
// when it was rebuilt or anything changed). A snapshot that cannot be written is reported on
// standard error and otherwise ignored: the figures do not depend on it.
func (e *env) loadEngine(ctx context.Context, st jobscope.Store) (*stats.Engine, engineLoad, error) {
	var how engineLoad
	start := time.Now()
	if e.noSnapshot {
		en, _, n, err := rebuildEngine(ctx, st)
		how = engineLoad{From: "store", Changes: n, Why: "--snapshot=false", Load: time.Since(start)}
		return en, how, err
	}
	path, err := snapshotPath(e.db)
	if err != nil {
		return nil, how, err
	}
	en, state, how, err := fromSnapshot(ctx, st, path)
	if err != nil {
		return nil, how, err
	}
	if en == nil {
		if how.Why != "" && how.Why != "none yet" {
			fmt.Fprintf(e.stderr, "jobscope: engine snapshot %s not used (%s): rebuilding from the store\n", path, how.Why)
		}
		var n int
		if en, state, n, err = rebuildEngine(ctx, st); err != nil {
			return nil, how, err
		}
		how.From, how.Changes = "store", n
	}
	how.Load = time.Since(start)
	if how.From == "store" || how.Changes > 0 {
		saved := time.Now()
		err := os.MkdirAll(filepath.Dir(path), 0o755)
		if err == nil {
			err = en.SaveSnapshot(path, snapshotLabel(state))
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "jobscope: %v (the next command rebuilds the engine)\n", err)
		} else {
			how.Save = time.Since(saved)
		}
	}
	return en, how, nil
}

// fromSnapshot loads the snapshot at path and catches it up with the store; a nil engine (and
// how.Why) when it cannot be used.
func fromSnapshot(ctx context.Context, st jobscope.Store, path string) (*stats.Engine, jobscope.StoreState, engineLoad, error) {
	how := engineLoad{From: "snapshot"}
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
	n, state, err := catchUp(ctx, st, en, seq)
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
