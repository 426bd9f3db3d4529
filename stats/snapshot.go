package stats

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"jobscope"
)

// A snapshot is the engine written to a file, so that a process can start from it in a fraction of
// the time a rebuild from the store takes: the term dictionary, the columns and every posting list,
// exactly as held (ads removed since the last compaction included), so that a loaded engine answers
// every query byte for byte as the one saved. The layout:
//
//	magic (16 bytes) | format (uint32) | payload | payload length (uint64) | CRC-32C of payload (uint32)
//
// Numbers in the payload are little-endian; slices are a uvarint length then their elements; strings
// a uvarint length then their bytes. The payload starts with the caller's label (what the snapshot
// reflects, e.g. the store's state). A file of another format, cut short or whose checksum fails is
// refused with ErrSnapshot, never half read.

// snapshotFormat numbers the layout; any change to what is written, or to the engine fields it
// holds, must change it (TestSnapshotLayout fails until it does).
const snapshotFormat = 5

// techGroup marks, in a group's kind byte, a group of the tech jobs.
const techGroup = 0x80

var snapshotMagic = [16]byte{'j', 'o', 'b', 's', 'c', 'o', 'p', 'e', ' ', 'e', 'n', 'g', 'i', 'n', 'e', '\n'}

// staleTemp is the age past which a snapshot's temporary file is taken for one a killed writer left:
// far longer than any write takes, so that one another process is writing now is never removed.
const staleTemp = time.Hour

// removeStaleTemps removes the temporary files of path's snapshot that killed writers left behind.
// Failures are ignored: a file left is only disk space.
func removeStaleTemps(path string) {
	olds, _ := filepath.Glob(filepath.Join(filepath.Dir(path), globEscape(filepath.Base(path))+".tmp*"))
	for _, f := range olds {
		if st, err := os.Stat(f); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleTemp {
			os.Remove(f)
		}
	}
}

// globEscape quotes the pattern characters of a file name for filepath.Glob.
func globEscape(s string) string {
	return strings.NewReplacer(`*`, `\*`, `?`, `\?`, `[`, `\[`, `\`, `\\`).Replace(s)
}

// ErrSnapshot is returned for a snapshot file that cannot be used: of another format, cut short,
// corrupt (checksum) or inconsistent. The caller rebuilds the engine.
var ErrSnapshot = errors.New("unusable engine snapshot")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// SaveSnapshot writes the engine to path (through a temporary file renamed over it, so that a
// reader never sees half a snapshot) with label, which LoadSnapshot returns.
func (e *Engine) SaveSnapshot(path, label string) error {
	e.mu.RLock()
	defer e.mu.RUnlock()
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("stats: save snapshot: %w", err)
	}
	defer os.Remove(tmp.Name()) // after the rename, removes nothing
	if err := e.writeSnapshot(tmp, label); err != nil {
		tmp.Close()
		return fmt.Errorf("stats: save snapshot %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("stats: save snapshot %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("stats: save snapshot: %w", err)
	}
	removeStaleTemps(path)
	return nil
}

func (e *Engine) writeSnapshot(f io.Writer, label string) error {
	bw := bufio.NewWriterSize(f, 1<<20)
	if _, err := bw.Write(snapshotMagic[:]); err != nil {
		return err
	}
	w := &snapWriter{w: bw, crc: crc32.New(castagnoli)}
	var hdr [4]byte
	binary.LittleEndian.PutUint32(hdr[:], snapshotFormat)
	if _, err := bw.Write(hdr[:]); err != nil {
		return err
	}
	w.str(label)
	w.uvarint(uint64(len(e.terms)))
	for _, t := range e.terms {
		w.str(t.name)
		w.str(string(t.kind))
		w.uvarint(uint64(t.cat))
		w.uvarint(uint64(t.ads))
		w.uvarint(uint64(t.undated))
		w.uvarint(uint64(t.noMarket))
	}
	w.strs(e.cats)
	w.strs(e.curs)
	w.i64s(e.seq)
	w.bools(e.dead)
	w.i32s(e.day)
	w.i32s(e.closed)
	w.u8s(e.market)
	w.u8s(e.facet)
	w.strs(e.comps)
	w.u32s(e.company)
	w.chunked(len(e.sal), 18, func(b []byte, i int) {
		s := &e.sal[i]
		binary.LittleEndian.PutUint64(b, math.Float64bits(s.val))
		binary.LittleEndian.PutUint64(b[8:], math.Float64bits(s.hour))
		b[16], b[17] = s.cur, s.vstate|s.hstate<<2
		if s.london {
			b[17] |= 1 << 4
		}
	})
	w.u32s(e.termOff)
	w.u32s(e.termIDs)
	w.u32s(e.grpOff)
	w.u32s(e.grpIDs)
	w.uvarint(uint64(e.live))
	w.i32s([]int32{e.maxDay, e.maxLife})
	w.uvarint(uint64(len(e.groups)))
	for _, g := range e.groups {
		kind := byte(g.kind)
		if g.tech {
			kind |= techGroup
		}
		w.bytes([]byte{g.market, kind})
		w.str(g.country)
		w.str(g.name)
		w.u32s(g.all.ids)
		w.lists(g.terms)
		w.lists(g.cats)
	}
	if w.err != nil {
		return w.err
	}
	var tail [12]byte
	binary.LittleEndian.PutUint64(tail[:8], w.n)
	binary.LittleEndian.PutUint32(tail[8:], w.crc.Sum32())
	if _, err := bw.Write(tail[:]); err != nil {
		return err
	}
	return bw.Flush()
}

// snapWriter writes the payload, counting and checksumming it; the first error sticks.
type snapWriter struct {
	w   *bufio.Writer
	crc hash.Hash32
	n   uint64
	err error
	buf []byte
}

func (w *snapWriter) bytes(b []byte) {
	if w.err != nil {
		return
	}
	_, w.err = w.w.Write(b)
	w.crc.Write(b)
	w.n += uint64(len(b))
}

func (w *snapWriter) uvarint(v uint64) {
	var b [binary.MaxVarintLen64]byte
	w.bytes(b[:binary.PutUvarint(b[:], v)])
}

func (w *snapWriter) str(s string) {
	w.uvarint(uint64(len(s)))
	w.bytes([]byte(s))
}

func (w *snapWriter) strs(ss []string) {
	w.uvarint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

// chunked writes n elements of size bytes each, put by put into a reused buffer.
func (w *snapWriter) chunked(n, size int, put func(dst []byte, i int)) {
	w.uvarint(uint64(n))
	const per = 8192
	if cap(w.buf) < per*size {
		w.buf = make([]byte, per*size)
	}
	for lo := 0; lo < n; lo += per {
		hi := min(lo+per, n)
		b := w.buf[:(hi-lo)*size]
		for i := lo; i < hi; i++ {
			put(b[(i-lo)*size:], i)
		}
		w.bytes(b)
	}
}

func (w *snapWriter) u32s(xs []uint32) {
	w.chunked(len(xs), 4, func(b []byte, i int) { binary.LittleEndian.PutUint32(b, xs[i]) })
}

func (w *snapWriter) i32s(xs []int32) {
	w.chunked(len(xs), 4, func(b []byte, i int) { binary.LittleEndian.PutUint32(b, uint32(xs[i])) })
}

func (w *snapWriter) i64s(xs []int64) {
	w.chunked(len(xs), 8, func(b []byte, i int) { binary.LittleEndian.PutUint64(b, uint64(xs[i])) })
}

func (w *snapWriter) u8s(xs []uint8) {
	w.uvarint(uint64(len(xs)))
	w.bytes(xs)
}

func (w *snapWriter) bools(xs []bool) {
	w.chunked(len(xs), 1, func(b []byte, i int) {
		b[0] = 0
		if xs[i] {
			b[0] = 1
		}
	})
}

// lists writes a sparse table of posting lists: how many are held, then each one's index and ads.
func (w *snapWriter) lists(ls []*list) {
	n := 0
	for _, l := range ls {
		if l != nil {
			n++
		}
	}
	w.uvarint(uint64(len(ls)))
	w.uvarint(uint64(n))
	for i, l := range ls {
		if l != nil {
			w.uvarint(uint64(i))
			w.u32s(l.ids)
		}
	}
}

// LoadSnapshot reads an engine saved by SaveSnapshot and the label saved with it. The whole payload
// is checksummed before anything decoded is used, and what is decoded is checked for consistency; any
// failure is ErrSnapshot (wrapped with the reason), an absent file an error satisfying
// errors.Is(err, fs.ErrNotExist).
func LoadSnapshot(path string) (*Engine, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", fmt.Errorf("stats: load snapshot: %w", err)
	}
	defer f.Close()
	e, label, err := readSnapshot(f)
	if err != nil {
		return nil, "", fmt.Errorf("stats: load snapshot %s: %w", path, err)
	}
	return e, label, nil
}

// PeekSnapshot reads the label of the snapshot at path, and the file's size, without reading the
// rest: for a writer that appends what changed after it (see package market) without loading it.
// Only the header is checked; a load checks the whole.
func PeekSnapshot(path string) (label string, size int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, fmt.Errorf("stats: peek snapshot: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", 0, fmt.Errorf("stats: peek snapshot: %w", err)
	}
	br := bufio.NewReaderSize(f, 4096)
	var hdr [20]byte
	if _, err := io.ReadFull(br, hdr[:]); err != nil {
		return "", 0, fmt.Errorf("stats: peek snapshot %s: %w: %v", path, ErrSnapshot, err)
	}
	if [16]byte(hdr[:16]) != snapshotMagic || binary.LittleEndian.Uint32(hdr[16:]) != snapshotFormat {
		return "", 0, fmt.Errorf("stats: peek snapshot %s: %w: not one of format %d", path, ErrSnapshot, snapshotFormat)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1024 {
		return "", 0, fmt.Errorf("stats: peek snapshot %s: %w: no label", path, ErrSnapshot)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(br, b); err != nil {
		return "", 0, fmt.Errorf("stats: peek snapshot %s: %w: %v", path, ErrSnapshot, err)
	}
	return string(b), fi.Size(), nil
}

func readSnapshot(f *os.File) (*Engine, string, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, "", err
	}
	size := fi.Size()
	const head, tail = 20, 12
	if size < head+tail {
		return nil, "", fmt.Errorf("%w: %d bytes, too short", ErrSnapshot, size)
	}
	var hdr [head]byte
	if _, err := f.ReadAt(hdr[:], 0); err != nil {
		return nil, "", err
	}
	if [16]byte(hdr[:16]) != snapshotMagic {
		return nil, "", fmt.Errorf("%w: not an engine snapshot", ErrSnapshot)
	}
	if v := binary.LittleEndian.Uint32(hdr[16:]); v != snapshotFormat {
		return nil, "", fmt.Errorf("%w: format %d, this jobscope reads %d", ErrSnapshot, v, snapshotFormat)
	}
	var tl [tail]byte
	if _, err := f.ReadAt(tl[:], size-tail); err != nil {
		return nil, "", err
	}
	n := int64(binary.LittleEndian.Uint64(tl[:8]))
	if n != size-head-tail {
		return nil, "", fmt.Errorf("%w: payload of %d bytes recorded, %d present", ErrSnapshot, n, size-head-tail)
	}
	// One pass: the payload is checksummed as it is decoded (lengths are checked against what is
	// left, so a damaged one cannot ask for more memory than the file holds), and the checksum is
	// checked before the decoded engine is checked and indexed.
	crc := crc32.New(castagnoli)
	r := &snapReader{r: bufio.NewReaderSize(io.TeeReader(io.NewSectionReader(f, head, n), crc), 1<<20), left: n}
	e, label := r.engine()
	switch {
	case r.err != nil:
		return nil, "", fmt.Errorf("%w: damaged: %v", ErrSnapshot, r.err)
	case r.left != 0:
		return nil, "", fmt.Errorf("%w: %d bytes past the end of the engine", ErrSnapshot, r.left)
	case crc.Sum32() != binary.LittleEndian.Uint32(tl[8:]):
		return nil, "", fmt.Errorf("%w: checksum mismatch", ErrSnapshot)
	}
	if err := e.derive(); err != nil {
		return nil, "", fmt.Errorf("%w: %v", ErrSnapshot, err)
	}
	return e, label, nil
}

// snapReader decodes the payload; the first error sticks and later reads return zeros.
type snapReader struct {
	r    *bufio.Reader
	left int64 // payload bytes not yet read
	err  error
	buf  []byte
}

func (r *snapReader) fail(format string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf(format, args...)
	}
}

func (r *snapReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.fail("read: %v", err)
		return 0
	}
	var b [binary.MaxVarintLen64]byte
	r.left -= int64(binary.PutUvarint(b[:], v))
	return v
}

// length reads a slice length of elements of size bytes, refusing one longer than what is left.
func (r *snapReader) length(size int) int {
	n := r.uvarint()
	if n > uint64(r.left)/uint64(size) {
		r.fail("a length of %d past the end", n)
		return 0
	}
	return int(n)
}

func (r *snapReader) read(n int) []byte {
	if r.err != nil {
		return nil
	}
	if cap(r.buf) < n {
		r.buf = make([]byte, n)
	}
	b := r.buf[:n]
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.fail("read: %v", err)
		return nil
	}
	r.left -= int64(n)
	return b
}

func (r *snapReader) str() string {
	return string(r.read(r.length(1)))
}

func (r *snapReader) strs() []string {
	out := make([]string, r.length(1))
	for i := range out {
		out[i] = r.str()
	}
	return out
}

// chunked reads a slice of elements of size bytes, get by get, in chunks of a reused buffer.
func chunked[T any](r *snapReader, size int, get func(b []byte) T) []T {
	n := r.length(size)
	out := make([]T, n)
	const per = 8192
	for lo := 0; lo < n && r.err == nil; lo += per {
		hi := min(lo+per, n)
		b := r.read((hi - lo) * size)
		for i := lo; i < hi && b != nil; i++ {
			out[i] = get(b[(i-lo)*size:])
		}
	}
	return out
}

// u32s reads a []uint32; the loop is written out (no function per element): posting lists are
// most of a snapshot.
func (r *snapReader) u32s() []uint32 {
	n := r.length(4)
	out := make([]uint32, n)
	const per = 16384
	for lo := 0; lo < n && r.err == nil; lo += per {
		hi := min(lo+per, n)
		b := r.read((hi - lo) * 4)
		if b == nil {
			break
		}
		dst := out[lo:hi]
		for i := range dst {
			dst[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
	}
	return out
}

func (r *snapReader) i32s() []int32 {
	xs := r.u32s()
	out := make([]int32, len(xs))
	for i, x := range xs {
		out[i] = int32(x)
	}
	return out
}

func (r *snapReader) engine() (*Engine, string) {
	e := NewEngine()
	label := r.str()
	nt := r.length(4)
	e.terms = make([]termInfo, 0, nt)
	for range nt {
		t := termInfo{name: r.str(), kind: jobscope.TermKind(r.str()), cat: uint32(r.uvarint()), ads: int(r.uvarint()),
			undated: int(r.uvarint()), noMarket: int(r.uvarint())}
		e.terms = append(e.terms, t)
	}
	e.cats = r.strs()
	e.curs = r.strs()
	e.seq = chunked(r, 8, func(b []byte) int64 { return int64(binary.LittleEndian.Uint64(b)) })
	e.dead = chunked(r, 1, func(b []byte) bool { return b[0] != 0 })
	e.day = r.i32s()
	e.closed = r.i32s()
	e.market = chunked(r, 1, func(b []byte) uint8 { return b[0] })
	e.facet = chunked(r, 1, func(b []byte) uint8 { return b[0] })
	e.comps = r.strs()
	e.company = r.u32s()
	e.sal = chunked(r, 18, func(b []byte) adSalary {
		return adSalary{val: math.Float64frombits(binary.LittleEndian.Uint64(b)),
			hour: math.Float64frombits(binary.LittleEndian.Uint64(b[8:])), cur: b[16],
			vstate: b[17] & 3, hstate: b[17] >> 2 & 3, london: b[17]&(1<<4) != 0}
	})
	e.termOff = r.u32s()
	e.termIDs = r.u32s()
	e.grpOff = r.u32s()
	e.grpIDs = r.u32s()
	e.live = int(r.uvarint())
	if mm := r.i32s(); len(mm) == 2 {
		e.maxDay, e.maxLife = mm[0], mm[1]
	} else {
		r.fail("newest day and longest life: %d numbers", len(mm))
	}
	ng := r.length(2)
	for range ng {
		mk := r.read(2)
		if mk == nil {
			break
		}
		g := &group{market: mk[0], kind: groupKind(mk[1] &^ techGroup), tech: mk[1]&techGroup != 0}
		g.country, g.name = r.str(), r.str()
		g.all = &list{ids: r.u32s()}
		g.terms = r.lists(len(e.terms))
		g.cats = r.lists(len(e.cats))
		e.groups = append(e.groups, g)
	}
	if r.err != nil {
		return nil, ""
	}
	return e, label
}

// lists reads a sparse table of at most limit posting lists.
func (r *snapReader) lists(limit int) []*list {
	n := r.uvarint()
	held := r.length(1)
	if n > uint64(limit) || uint64(held) > n {
		r.fail("%d lists held of %d, at most %d", held, n, limit)
		return nil
	}
	out := make([]*list, n)
	for range held {
		i := r.uvarint()
		if i >= n || out[i] != nil {
			r.fail("list %d of %d", i, n)
			return nil
		}
		out[i] = &list{ids: r.u32s()}
	}
	return out
}

// derive checks a decoded engine for consistency (a snapshot with a valid checksum can still come
// from a faulty writer) and rebuilds the indexes and columns a snapshot does not hold.
func (e *Engine) derive() error {
	n := len(e.seq)
	if len(e.dead) != n || len(e.day) != n || len(e.closed) != n || len(e.market) != n || len(e.facet) != n ||
		len(e.company) != n || len(e.sal) != n ||
		(n > 0 && (len(e.termOff) != n+1 || len(e.grpOff) != n+1)) {
		return errors.New("columns of different lengths")
	}
	for _, off := range [...]struct {
		off []uint32
		ids []uint32
		max int
	}{{e.termOff, e.termIDs, len(e.terms)}, {e.grpOff, e.grpIDs, len(e.groups)}} {
		for i := 1; i < len(off.off); i++ {
			if off.off[i] < off.off[i-1] {
				return errors.New("offsets out of order")
			}
		}
		if len(off.off) > 0 && (off.off[0] != 0 || int(off.off[len(off.off)-1]) != len(off.ids)) {
			return errors.New("offsets do not span their ids")
		}
		for _, id := range off.ids {
			if int(id) >= off.max {
				return errors.New("an ad cites an unknown term or group")
			}
		}
	}
	for i := range e.terms {
		t := &e.terms[i]
		if int(t.cat) >= len(e.cats) {
			return errors.New("a term of an unknown category")
		}
		t.category = e.cats[t.cat]
		k := termKey{t.kind, t.name}
		if _, dup := e.termIdx[k]; dup {
			return errors.New("a term twice")
		}
		e.termIdx[k] = uint32(i)
		e.byKind[t.kind] = append(e.byKind[t.kind], uint32(i))
		e.kinds = append(e.kinds, t.kind)
		e.catOf = append(e.catOf, t.cat)
	}
	for i, c := range e.cats {
		e.catIdx[c] = uint32(i)
	}
	e.titleOf = make([]uint32, n)
	e.catMask = make([]uint64, n)
	for i := range n {
		ts := e.termIDs[e.termOff[i]:e.termOff[i+1]]
		e.titleOf[i] = e.titleIn(ts)
		e.catMask[i] = e.maskOf(ts)
	}
	if len(e.curs) > otherCurrency {
		return errors.New("too many currencies")
	}
	for i, c := range e.curs {
		e.curIdx[c] = uint8(i)
	}
	for i, c := range e.comps {
		if i > 0 {
			e.compIdx[c] = uint32(i)
		}
	}
	for _, c := range e.company {
		if int(c) >= max(len(e.comps), 1) {
			return errors.New("an ad of an unknown company")
		}
	}
	live := 0
	e.seqIdx = make(map[int64]uint32, e.live)
	for i, s := range e.seq {
		if !e.dead[i] {
			e.seqIdx[s] = uint32(i)
			live++
		}
	}
	if live != e.live || len(e.seqIdx) != live {
		return fmt.Errorf("%d ads held (%d distinct), %d recorded", live, len(e.seqIdx), e.live)
	}
	e.okv = make([]float64, n)
	e.cur = make([]uint8, n)
	for i := range e.sal {
		e.okv[i] = plausibleValue(e.sal[i].val, e.sal[i].vstate)
		e.cur[i] = e.sal[i].cur
	}
	for gid, g := range e.groups {
		k := groupKey{g.market, g.tech, g.country, g.name}
		if _, dup := e.grpIdx[k]; dup {
			return errors.New("a location group twice")
		}
		e.grpIdx[k] = uint32(gid)
		if len(g.terms) > len(e.terms) || len(g.cats) > len(e.cats) {
			return errors.New("a group's lists of unknown terms")
		}
		lists := append([]*list{g.all}, g.terms...)
		lists = append(lists, g.cats...)
		for _, l := range lists {
			if l == nil {
				continue
			}
			for j, id := range l.ids {
				if int(id) >= n || e.dead[id] {
					return errors.New("a posting list holds an unknown ad")
				}
				if j > 0 && e.key(id) <= e.key(l.ids[j-1]) {
					return errors.New("a posting list out of order")
				}
			}
		}
	}
	e.version = 1
	return nil
}
