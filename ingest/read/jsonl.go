package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonlParser reads JSON Lines: one JSON object (a record, a JobPosting, a @graph, or an array of
// them) per line.
type jsonlParser struct {
	line int
	buf  []byte
}

func (p *jsonlParser) fill(r *Reader) error {
	for {
		line, size, over, err := readLine(r.br, p.buf, r.maxRecord)
		p.buf = line[:0]
		if cap(p.buf) > 1<<20 {
			p.buf = nil // do not hold on to a long line's memory
		}
		if err != nil && err != io.EOF {
			return err
		}
		if size == 0 && len(line) == 0 && err == io.EOF {
			return io.EOF
		}
		p.line++
		if over {
			r.reject(p.line, fmt.Sprintf("line over the %s limit (%d bytes)", sizeText(r.maxRecord), size), line)
			return nil
		}
		data := bytes.TrimSpace(line)
		if len(data) == 0 {
			continue
		}
		r.jsonValue(p.line, data)
		if len(r.pending) > 0 {
			return nil
		}
	}
}

// readLine reads one line into buf (reused), without its line ending. A line longer than max is not
// kept: its first bytes are returned with over set, and the rest is skipped. size is the number of
// bytes the line took in the input, line ending included; err is io.EOF at the end of the input.
func readLine(br *bufio.Reader, buf []byte, limit int) (line []byte, size int, over bool, err error) {
	line = buf[:0]
	for {
		chunk, err := br.ReadSlice('\n')
		size += len(chunk)
		if !over {
			if len(line)+len(chunk) > limit+2 { // +2: the line ending
				over = true
				if keep := maxRejectText - len(line); keep > 0 {
					line = append(line, chunk[:min(keep, len(chunk))]...)
				}
				line = line[:min(len(line), maxRejectText)]
			} else {
				line = appendGrow(line, chunk)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if n := len(chunk); n > 0 && chunk[n-1] == '\n' {
			size-- // the line ending is not part of the line's size
		}
		if !over {
			line = bytes.TrimSuffix(line, []byte("\n"))
			line = bytes.TrimSuffix(line, []byte("\r"))
			if len(line) > limit {
				over = true
				line = line[:min(len(line), maxRejectText)]
			}
		}
		return line, size, over, err
	}
}

// jsonValue reads the JSON value of one line: an object, or an array of objects.
func (r *Reader) jsonValue(line int, data []byte) {
	switch data[0] {
	case '{':
		r.object(line, data)
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			r.reject(line, "invalid JSON: "+jsonMessage(err), data)
			return
		}
		if len(items) == 0 {
			r.reject(line, "empty JSON array", data)
		}
		for _, it := range items {
			r.element(line, it)
		}
	default:
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			r.reject(line, "invalid JSON: "+jsonMessage(err), data)
			return
		}
		r.reject(line, "not a JSON object", data)
	}
}

// element reads one element of a JSON array, which should be an object.
func (r *Reader) element(line int, raw []byte) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		r.reject(line, "not a JSON object", raw)
		return
	}
	r.object(line, raw)
}

// sizeText writes a byte count for people: "8 MiB", "512 KiB", "100 bytes".
func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// appendGrow appends b to buf, doubling buf's capacity when it must grow, so that reading a long
// record allocates about twice its size rather than append's five times for large slices.
func appendGrow(buf, b []byte) []byte {
	if need := len(buf) + len(b); need > cap(buf) {
		grown := make([]byte, len(buf), max(need, 2*cap(buf)))
		copy(grown, buf)
		buf = grown
	}
	return append(buf, b...)
}
