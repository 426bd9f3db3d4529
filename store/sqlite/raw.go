package sqlite

import (
	"bytes"
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// Records are kept zstd-compressed in ad_docs.raw: they are most of the store's bytes (JSON with
// HTML descriptions, which compress about threefold) and are read only to show one ad. A record
// stored before compression, or too short to gain from it, is kept as read; the zstd frame's magic
// number, which no JSON text starts with, tells the two apart.
var (
	rawEncoder, _ = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(1),
		zstd.WithZeroFrames(true))
	rawDecoder, _ = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0))
	zstdMagic     = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// minPacked is the shortest record worth compressing.
const minPacked = 256

// packRaw returns the record as it is stored.
func packRaw(b []byte) []byte {
	if len(b) < minPacked {
		return b
	}
	return rawEncoder.EncodeAll(b, make([]byte, 0, len(b)/2))
}

// unpackRaw returns the record as it was read.
func unpackRaw(b []byte) ([]byte, error) {
	if !bytes.HasPrefix(b, zstdMagic) {
		return b, nil
	}
	out, err := rawDecoder.DecodeAll(b, nil)
	if err != nil {
		return nil, fmt.Errorf("decompress the record: %w", err)
	}
	return out, nil
}
