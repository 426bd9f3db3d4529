package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/klauspost/compress/zstd"
)

// Documents are kept zstd-compressed in ad_docs: the record as read (raw) and the extraction JSON
// (extraction_z). They are most of the store's bytes and are read only to show one ad. Compressed
// one at a time a record shrinks about twofold; against a dictionary made from the store's first
// documents of the kind (see doc_dicts in the migrations), a generated record about fourfold and a
// real one threefold, and an extraction about ninefold. A record stored before compression, or too
// short to gain from it, is kept as read; the zstd frame's magic number, which no JSON text starts
// with, tells the two apart.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// The kinds of document, as doc_dicts.kind names them.
const (
	kindRaw        = "raw"
	kindExtraction = "extraction"
)

// minPacked is the shortest document worth compressing.
const minPacked = 256

// A dictionary is made from a batch of at least dictSamples documents of its kind (the first such
// batch a store gets), from up to dictHistory bytes of them. zstd reserves dictionary ids below
// 32768 for a registry, so a store's ids start above it.
const (
	dictSamples = 200
	dictHistory = 112 << 10
	dictIDBase  = 1 << 15
)

// packer compresses documents for ad_docs and reads them back. The writer packs each kind with
// its newest dictionary; readers know every dictionary, loading them again when a frame names one
// they have not seen (another process may have made it).
type packer struct {
	mu    sync.Mutex
	enc   map[string]*dictEncoder // by kind; a kind without a dictionary packs with plain
	plain *zstd.Encoder
	dec   *zstd.Decoder // knows every dictionary loaded
	n     int           // how many dictionaries dec knows
	// failed holds the kinds this process could not make a dictionary of (documents too alike or
	// too unlike to learn from), so that it does not try again with every batch.
	failed map[string]bool
}

// dictEncoder packs with one dictionary.
type dictEncoder struct {
	id   int64
	dict []byte
	enc  *zstd.Encoder
}

func newPacker() *packer {
	p := &packer{enc: map[string]*dictEncoder{}, failed: map[string]bool{}}
	p.plain, _ = zstd.NewWriter(nil, encoderOptions()...)
	p.dec, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
	return p
}

func encoderOptions(o ...zstd.EOption) []zstd.EOption {
	return append([]zstd.EOption{zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1),
		zstd.WithZeroFrames(true)}, o...)
}

// load reads the store's dictionaries and, when they are not the ones known, makes the decoder
// know them all and each kind pack with its newest.
func (p *packer) load(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, dict FROM doc_dicts ORDER BY id`)
	if err != nil {
		return fmt.Errorf("read document dictionaries: %w", err)
	}
	defer rows.Close()
	var dicts [][]byte
	newest := map[string]*dictEncoder{}
	for rows.Next() {
		var d dictEncoder
		var kind string
		if err := rows.Scan(&d.id, &kind, &d.dict); err != nil {
			return fmt.Errorf("read document dictionaries: %w", err)
		}
		dicts = append(dicts, d.dict)
		newest[kind] = &d
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read document dictionaries: %w", err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	// The dictionaries themselves are compared, not only their ids: one made in a transaction that
	// rolled back is gone, and another may since have been made under the same id.
	same := len(dicts) == p.n && len(newest) == len(p.enc)
	for kind, d := range newest {
		if e := p.enc[kind]; e == nil || e.id != d.id || !bytes.Equal(e.dict, d.dict) {
			same = false
		}
	}
	if same {
		return nil
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderDicts(dicts...))
	if err != nil {
		return fmt.Errorf("document dictionaries: %w", err)
	}
	for kind, d := range newest {
		if d.enc, err = zstd.NewWriter(nil, encoderOptions(zstd.WithEncoderDict(d.dict))...); err != nil {
			return fmt.Errorf("dictionary %d of %s documents: %w", d.id, kind, err)
		}
	}
	// The old decoder is not closed: a reader may be decoding with it still. Made without a
	// stream, it holds no goroutines, only memory the collector takes back.
	p.dec, p.n, p.enc = dec, len(dicts), newest
	return nil
}

// prepare makes sure, inside the writer's transaction, that the packer packs with the store's
// newest dictionaries, and makes the store's first dictionary of a kind from that kind's docs when
// it has none and docs are enough to learn from.
func (p *packer) prepare(ctx context.Context, tx *sql.Tx, docs map[string][][]byte) error {
	if err := p.load(ctx, tx); err != nil {
		return err
	}
	made := false
	for kind, ds := range docs {
		p.mu.Lock()
		have := p.enc[kind] != nil || p.failed[kind]
		p.mu.Unlock()
		if have {
			continue
		}
		var samples [][]byte
		var history []byte
		for _, d := range ds {
			if len(d) < minPacked {
				continue
			}
			samples = append(samples, d)
			if len(history) < dictHistory {
				history = append(history, d[:min(len(d), dictHistory-len(history))]...)
			}
		}
		if len(samples) < dictSamples {
			continue
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) + 1 FROM doc_dicts`).Scan(&id); err != nil {
			return fmt.Errorf("number a dictionary of %s documents: %w", kind, err)
		}
		dict, err := zstd.BuildDict(zstd.BuildDictOptions{ID: uint32(dictIDBase + id), Contents: samples,
			History: history, Offsets: [3]int{1, 4, 8}, Level: zstd.SpeedFastest})
		if err != nil {
			// Documents this alike pack well enough without one (BuildDict finds no literals).
			p.mu.Lock()
			p.failed[kind] = true
			p.mu.Unlock()
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO doc_dicts (id, kind, dict, made_at) VALUES (?, ?, ?, ?)`,
			id, kind, dict, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("store a dictionary of %s documents: %w", kind, err)
		}
		made = true
	}
	if made {
		return p.load(ctx, tx)
	}
	return nil
}

// pack returns the document of kind as it is stored.
func (p *packer) pack(kind string, b []byte) []byte {
	if len(b) < minPacked {
		return b
	}
	p.mu.Lock()
	enc := p.plain
	if e := p.enc[kind]; e != nil {
		enc = e.enc
	}
	p.mu.Unlock()
	return enc.EncodeAll(b, make([]byte, 0, len(b)/2))
}

// unpack returns the document as it was given to pack, loading the store's dictionaries through q
// when the document names one this packer does not know.
func (p *packer) unpack(ctx context.Context, q querier, b []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, zstdMagic) {
		return b, nil
	}
	p.mu.Lock()
	dec := p.dec
	p.mu.Unlock()
	out, err := dec.DecodeAll(b, nil)
	if errors.Is(err, zstd.ErrUnknownDictionary) {
		if err := p.load(ctx, q); err != nil {
			return nil, err
		}
		p.mu.Lock()
		dec = p.dec
		p.mu.Unlock()
		out, err = dec.DecodeAll(b, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	return out, nil
}
