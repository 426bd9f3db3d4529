// Package read turns input files — JSON Lines, JSON documents, CSV, and HTML pages carrying schema.org
// JSON-LD — into raw ads one record at a time, in bounded memory whatever the file's size. A record
// that cannot be read as an ad comes back as a reject with its reason and line, so that nothing read is
// lost; only I/O failures (an unreadable file, a corrupt gzip stream) are errors.
package read

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"jobscope"
)

// MaxRecordBytes bounds one record: a JSON line, a CSV row or a JSON-LD block. A longer record is set
// aside without being held in memory.
const MaxRecordBytes = 8 << 20

// maxRejectText bounds the text of a record kept with its reject.
const maxRejectText = 2048

// bufSize is the read buffer, and so the most bytes looked at when sniffing a format.
const bufSize = 64 << 10

// Format is an input format.
type Format string

// Input formats.
const (
	JSONL Format = "jsonl" // one JSON object per line (JSON Lines, NDJSON)
	JSON  Format = "json"  // a JSON document: an array of objects, one object, or a @graph
	CSV   Format = "csv"   // a header row of docs/input.md names, then one ad per row
	HTML  Format = "html"  // pages whose <script type="application/ld+json"> blocks hold JobPostings
)

// Record is one record read: an ad, or a reject saying why the record is not one. Exactly one is set.
// Place says where it was read, for an ad as for a reject.
type Record struct {
	Ad     *jobscope.RawAd
	Reject *jobscope.Reject
	Place  jobscope.Place
}

// Reader reads ads from one input. It is not safe for concurrent use, except Progress, which a
// progress display may call from another goroutine.
type Reader struct {
	// Now stamps rejects (Reject.At); time.Now when nil.
	Now func() time.Time

	name      string // the path as given, for rejects
	source    string // the default source
	format    Format
	file      io.Closer
	gz        *gzip.Reader
	counter   *countingReader
	total     int64
	br        *bufio.Reader
	parser    parser
	pending   []Record
	head      int
	err       error // sticky: io.EOF or a fatal error
	maxRecord int
	deepLine  int // the line of the last JSON-LD block set aside as nested too deep
	// lastLine and linePos number the records of one line: linePos is the next one's position.
	lastLine, linePos int
}

// parser is one input format: fill appends at least one record to r.pending, or returns io.EOF at the
// end of the input, or a fatal error.
type parser interface {
	fill(r *Reader) error
}

// Open opens the file at path for reading ads; "-" means standard input. A file whose name ends in .gz
// is gunzipped (gzip is also recognised by its magic bytes). The format comes from the extension
// (.jsonl .ndjson .json .csv .html .htm), or from the first bytes when the extension says nothing.
func Open(path string) (*Reader, error) {
	if path == "-" {
		return New("-", os.Stdin, -1)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open ads: %w", err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("open ads: %w", err)
	}
	if st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("open ads: %s is a directory", path)
	}
	r, err := New(path, f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	r.file = f
	return r, nil
}

// New reads ads from rd. name is the path rejects cite and gives the default source and, through its
// extension, the format ("-" or "" for an unnamed stream, whose format is sniffed); size is the
// stream's length in bytes, or -1 when unknown, for Progress. Close does not close rd.
func New(name string, rd io.Reader, size int64) (*Reader, error) {
	r := &Reader{
		name:      name,
		source:    DefaultSource(name),
		counter:   &countingReader{r: rd},
		total:     size,
		maxRecord: MaxRecordBytes,
	}
	r.br = bufio.NewReaderSize(r.counter, bufSize)

	base := strings.ToLower(filepath.Base(name))
	magic, err := r.br.Peek(2)
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	switch {
	case len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		gz, err := gzip.NewReader(r.br)
		if err != nil {
			return nil, fmt.Errorf("read %s: gzip: %w", name, err)
		}
		r.gz = gz
		r.br = bufio.NewReaderSize(gz, bufSize)
	case strings.HasSuffix(base, ".gz") && len(magic) > 0:
		return nil, fmt.Errorf("read %s: not a gzip file", name)
	}
	base = strings.TrimSuffix(base, ".gz")

	switch filepath.Ext(base) {
	case ".jsonl", ".ndjson":
		r.format = JSONL
	case ".csv":
		r.format = CSV
	case ".html", ".htm":
		r.format = HTML
	default: // .json may hold JSON Lines too; anything else is sniffed
		f, err := sniff(r.br)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		r.format = f
	}
	if err := r.skipBOM(); err != nil {
		return nil, err
	}
	switch r.format {
	case JSONL:
		r.parser = &jsonlParser{}
	case JSON:
		r.parser = newJSONDocParser(r)
	case CSV:
		r.parser = &csvParser{}
	case HTML:
		r.parser = &htmlParser{line: 1}
	}
	return r, nil
}

// DefaultSource is the source of ads whose record names none: the file's base name without its
// extensions ("reed.jsonl.gz" → "reed"), or "stdin" for standard input.
func DefaultSource(name string) string {
	if name == "" || name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	if strings.HasSuffix(strings.ToLower(base), ".gz") {
		base = base[:len(base)-3]
	}
	if ext := filepath.Ext(base); ext != "" && len(ext) < len(base) {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." {
		return "stdin"
	}
	// A file name need not be text: the source must be, as part of every ad's key.
	return strings.ReplaceAll(strings.ToValidUTF8(base, "\uFFFD"), "\x00", "")
}

// sniff tells the format from the first bytes: '[' a JSON document, '<' HTML, anything but '{' CSV.
// Input starting with '{' is JSON Lines when at least half the whole lines of the first bufSize bytes
// are each a JSON object on its own, whatever the first line is (a broken first record is one reject,
// not the whole input read as a document), or when they hold at most one line (one line is one
// record); it is a JSON document when its lines spread objects over several ("{", `  "title": "x",`).
func sniff(br *bufio.Reader) (Format, error) {
	b, err := br.Peek(bufSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return "", err
	}
	full := len(b) == bufSize
	b = bytes.TrimPrefix(b, utf8BOM)
	trimmed := bytes.TrimLeft(b, " \t\r\n")
	if len(trimmed) == 0 {
		return JSONL, nil
	}
	switch trimmed[0] {
	case '[':
		return JSON, nil
	case '<':
		return HTML, nil
	case '{':
		lines, objects := 0, 0
		for rest := trimmed; len(rest) > 0; {
			i := bytes.IndexByte(rest, '\n')
			if i < 0 && full {
				break // the window ends inside this line
			}
			line := rest
			if i >= 0 {
				line, rest = rest[:i], rest[i+1:]
			} else {
				rest = nil
			}
			if l := bytes.TrimSpace(line); len(l) > 0 {
				lines++
				if l[0] == '{' && json.Valid(l) {
					objects++
				}
			}
		}
		if lines <= 1 || 2*objects >= lines {
			// One line as long as the window is one record; lines that mostly parse on their own
			// are JSON Lines, whatever the first one is.
			return JSONL, nil
		}
		return JSON, nil
	}
	return CSV, nil
}

var utf8BOM = []byte{0xef, 0xbb, 0xbf}

func (r *Reader) skipBOM() error {
	b, err := r.br.Peek(3)
	if err != nil && err != io.EOF {
		return fmt.Errorf("read %s: %w", r.name, err)
	}
	if bytes.Equal(b, utf8BOM) {
		r.br.Discard(3)
	}
	return nil
}

// Format reports the input's format.
func (r *Reader) Format() Format { return r.format }

// Next returns the next record, or io.EOF after the last. Any other error is fatal (the input cannot
// be read further) and is returned again by later calls.
func (r *Reader) Next() (Record, error) {
	for r.head >= len(r.pending) {
		if r.err != nil {
			return Record{}, r.err
		}
		r.pending, r.head = r.pending[:0], 0
		if err := r.parser.fill(r); err != nil {
			if err != io.EOF {
				err = fmt.Errorf("read %s: %w", r.name, err)
			}
			r.err = err
		}
	}
	rec := r.pending[r.head]
	r.pending[r.head] = Record{}
	r.head++
	return rec, nil
}

// Progress reports how many bytes of the underlying input have been consumed (compressed bytes for a
// gzip file) and its size, -1 when unknown, so that a caller can show progress and an ETA.
func (r *Reader) Progress() (done, total int64) {
	return r.counter.n.Load(), r.total
}

// Close releases the input. It closes the file Open opened, never a reader given to New.
func (r *Reader) Close() error {
	var err error
	if r.gz != nil {
		err = r.gz.Close()
		r.gz = nil
	}
	if r.file != nil {
		if cerr := r.file.Close(); cerr != nil && err == nil {
			err = cerr
		}
		r.file = nil
	}
	if r.err == nil {
		r.err = errors.New("reader closed")
	}
	return err
}

func (r *Reader) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

// place returns where the next record of line is: its position counts the records of that line
// before it.
func (r *Reader) place(line int) jobscope.Place {
	if line != r.lastLine {
		r.lastLine, r.linePos = line, 0
	}
	pl := jobscope.Place{File: r.name, Line: line, Pos: r.linePos}
	r.linePos++
	return pl
}

// reject sets aside the record at line with its reason.
func (r *Reader) reject(line int, reason string, text []byte) {
	pl := r.place(line)
	r.pending = append(r.pending, Record{Place: pl, Reject: &jobscope.Reject{
		File:   r.name,
		Line:   line,
		Pos:    pl.Pos,
		Reason: reason,
		Record: truncate(text, maxRejectText),
		At:     r.now(),
	}})
}

func (r *Reader) ad(line int, a *jobscope.RawAd) {
	r.pending = append(r.pending, Record{Place: r.place(line), Ad: a})
}

// truncate returns b as a string of at most max bytes, cut on a rune boundary, marked with "…" when cut.
func truncate(b []byte, max int) string {
	if len(b) <= max {
		return string(b)
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return string(b[:cut]) + "…"
}

// countingReader counts the bytes read through it, for Progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
