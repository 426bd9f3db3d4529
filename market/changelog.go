package market

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"jobscope"
	"jobscope/stats"
)

// An engine snapshot is a base file (stats.Engine.SaveSnapshot) and a log beside it, SNAPSHOT.log,
// of segments: each what the store changed between two of its states, the canonical ads written
// after one batch up to another as they stood then, and the ads that became copies. A command that
// caught up with the store appends one segment instead of rewriting the base, so that adding a
// thousand ads to a store of a million writes a few hundred kilobytes, not the whole engine, and
// `ingest` appends without loading the engine at all (AppendChanges). A load replays the segments
// that follow the base in order, then catches up from the store as before. When the log grows past
// a tenth of the base (logShare), or a segment is damaged (cut short, checksum) or of another store,
// the next full load compacts: it writes a new base and removes the log.
//
// The log's layout:
//
//	magic (16 bytes) | format (uint32) | store instance (uvarint length, bytes) | segment …
//	segment: payload length (uint64) | CRC-32C of from, to and payload (uint32) | from (int64) | to (int64) | payload
//
// The payload is the segment's ads and copies in gob. Each segment is appended by one write, so
// that two processes appending at once never interleave their bytes; a segment lost to such a race,
// or one cut short by a crash, is only caught up from the store again.

// logMagic starts every snapshot log.
var logMagic = [16]byte{'j', 'o', 'b', 's', 'c', 'o', 'p', 'e', ' ', 'c', 'h', 'a', 'n', 'g', 'e', '\n'}

// logFormat numbers the log's layout and its payload's.
const logFormat = 1

// logShare is how large the log may grow, as a share of the base snapshot's size, before a load
// compacts it into a new base.
const logShare = 0.1

// segmentHead is the fixed part of a segment before its payload.
const segmentHead = 8 + 4 + 8 + 8

// segment is what the store changed after batch From up to batch To.
type segment struct {
	From, To  int64
	Canonical []jobscope.AdRecord // ads written in (From, To], as they stood at To
	Gone      []int64             // the Seqs of ads written as copies in (From, To]
}

// changes is a segment's payload.
type changes struct {
	Canonical []jobscope.AdRecord
	Gone      []int64
}

// logPath is the log of the snapshot at path.
func logPath(snapshot string) string { return snapshot + ".log" }

// logState is what a read of the log found.
type logState struct {
	seq      int64  // the store batch the base and the segments applied reach
	segments int    // segments applied
	size     int64  // the log's size in bytes (0: none)
	damaged  string // why the log cannot be appended to and must be compacted, "" when it can
}

// readLog reads the log of the snapshot at path, whose base reflects batch seq of store instance,
// and calls apply (when not nil) on each segment that carries it forward, in order: a segment
// reaching no further than what is applied is skipped, a gap stops the replay (the store fills it).
// With apply nil, only the segments' heads and checksums are read. A damaged log is not an error:
// what precedes the damage is applied and logState.damaged says why.
func readLog(path, instance string, seq int64, apply func(*segment) error) (logState, error) {
	st := logState{seq: seq}
	f, err := os.Open(logPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, fmt.Errorf("engine snapshot log: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return st, fmt.Errorf("engine snapshot log: %w", err)
	}
	st.size = fi.Size()
	r := bufio.NewReaderSize(f, 1<<20)
	if inst, err := readLogHeader(r); err != nil {
		st.damaged = err.Error()
		return st, nil
	} else if inst != instance {
		st.damaged = "it is another store's"
		return st, nil
	}
	var head [segmentHead]byte
	var payload []byte
	for {
		if _, err := io.ReadFull(r, head[:]); err != nil {
			if err != io.EOF {
				st.damaged = "a segment cut short"
			}
			return st, nil
		}
		n := binary.LittleEndian.Uint64(head[0:])
		sum := binary.LittleEndian.Uint32(head[8:])
		sg := segment{From: int64(binary.LittleEndian.Uint64(head[12:])), To: int64(binary.LittleEndian.Uint64(head[20:]))}
		if n > uint64(st.size) {
			st.damaged = "a segment longer than the log"
			return st, nil
		}
		if uint64(cap(payload)) < n {
			payload = make([]byte, n)
		}
		payload = payload[:n]
		if _, err := io.ReadFull(r, payload); err != nil {
			st.damaged = "a segment cut short"
			return st, nil
		}
		crc := crc32.Update(crc32.Checksum(head[12:], castagnoli), castagnoli, payload)
		if crc != sum {
			st.damaged = "a segment's checksum fails"
			return st, nil
		}
		switch {
		case sg.To <= st.seq:
			continue // already held: the base or an earlier segment went as far
		case sg.From > st.seq:
			return st, nil // a gap (a segment lost to a race): the store fills it
		}
		if apply != nil {
			var c changes
			if err := gob.NewDecoder(bytes.NewReader(payload)).Decode(&c); err != nil {
				st.damaged = fmt.Sprintf("a segment that does not decode: %v", err)
				return st, nil
			}
			sg.Canonical, sg.Gone = c.Canonical, c.Gone
			if err := apply(&sg); err != nil {
				return st, err
			}
		}
		st.seq = sg.To
		st.segments++
	}
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// readLogHeader reads the log's header and returns its store instance.
func readLogHeader(r *bufio.Reader) (string, error) {
	var hdr [20]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return "", errors.New("a log cut short")
	}
	if [16]byte(hdr[:16]) != logMagic {
		return "", errors.New("not a snapshot log")
	}
	if v := binary.LittleEndian.Uint32(hdr[16:]); v != logFormat {
		return "", fmt.Errorf("log format %d, this jobscope writes %d", v, logFormat)
	}
	n, err := binary.ReadUvarint(r)
	if err != nil || n > 1024 {
		return "", errors.New("a log without its store")
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", errors.New("a log cut short")
	}
	return string(b), nil
}

// appendSegment appends sg to the log of the snapshot at path, of store instance, creating the log
// when there is none (or replacing one that st found damaged). It returns the log's new size.
func appendSegment(path, instance string, st logState, sg *segment) (int64, error) {
	var payload bytes.Buffer
	if err := gob.NewEncoder(&payload).Encode(changes{Canonical: sg.Canonical, Gone: sg.Gone}); err != nil {
		return 0, fmt.Errorf("engine snapshot log: %w", err)
	}
	var b []byte
	fresh := st.size == 0 || st.damaged != ""
	if fresh {
		b = append(b, logMagic[:]...)
		b = binary.LittleEndian.AppendUint32(b, logFormat)
		b = binary.AppendUvarint(b, uint64(len(instance)))
		b = append(b, instance...)
	}
	head := len(b)
	b = binary.LittleEndian.AppendUint64(b, uint64(payload.Len()))
	b = binary.LittleEndian.AppendUint32(b, 0) // the checksum, set below
	b = binary.LittleEndian.AppendUint64(b, uint64(sg.From))
	b = binary.LittleEndian.AppendUint64(b, uint64(sg.To))
	b = append(b, payload.Bytes()...)
	binary.LittleEndian.PutUint32(b[head+8:], crc32.Checksum(b[head+12:], castagnoli))
	lp := logPath(path)
	if fresh {
		// A new log goes in whole, by rename, over whatever was there.
		tmp, err := os.CreateTemp(filepath.Dir(lp), filepath.Base(lp)+".tmp*")
		if err != nil {
			return 0, fmt.Errorf("engine snapshot log: %w", err)
		}
		defer os.Remove(tmp.Name())
		if _, err := tmp.Write(b); err != nil {
			tmp.Close()
			return 0, fmt.Errorf("engine snapshot log: %w", err)
		}
		if err := tmp.Close(); err != nil {
			return 0, fmt.Errorf("engine snapshot log: %w", err)
		}
		if err := os.Rename(tmp.Name(), lp); err != nil {
			return 0, fmt.Errorf("engine snapshot log: %w", err)
		}
		return int64(len(b)), nil
	}
	f, err := os.OpenFile(lp, os.O_WRONLY|os.O_APPEND, 0)
	if errors.Is(err, fs.ErrNotExist) {
		// Compacted away since it was read: start a new one.
		return appendSegment(path, instance, logState{}, sg)
	}
	if err != nil {
		return 0, fmt.Errorf("engine snapshot log: %w", err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return 0, fmt.Errorf("engine snapshot log: %w", err)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("engine snapshot log: %w", err)
	}
	return st.size + int64(len(b)), nil
}

// replay gathers the segments of a log into the state they end in, so that the engine takes them
// in one Add (putting each posting list it touches back in order once, not once a segment): for
// each ad, the last segment's word on it, an ad as it stood or a copy.
type replay struct {
	recs []jobscope.AdRecord
	at   map[int64]int // Seq → index in recs; recs[i].Seq is -1 for one that became a copy
	gone map[int64]bool
}

func (r *replay) add(sg *segment) {
	if r.at == nil {
		r.at, r.gone = map[int64]int{}, map[int64]bool{}
	}
	for _, rec := range sg.Canonical {
		delete(r.gone, rec.Seq)
		if i, ok := r.at[rec.Seq]; ok {
			r.recs[i] = rec
			continue
		}
		r.at[rec.Seq] = len(r.recs)
		r.recs = append(r.recs, rec)
	}
	for _, seq := range sg.Gone {
		if i, ok := r.at[seq]; ok {
			r.recs[i].Seq = -1
			delete(r.at, seq)
		}
		r.gone[seq] = true
	}
}

// apply adds the ads to e and removes the copies.
func (r *replay) apply(e *stats.Engine) {
	recs := slices.DeleteFunc(r.recs, func(rec jobscope.AdRecord) bool { return rec.Seq < 0 })
	e.Add(recs...)
	gone := make([]int64, 0, len(r.gone))
	for seq := range r.gone {
		gone = append(gone, seq)
	}
	slices.Sort(gone)
	e.Remove(gone...)
}
