package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonDocParser streams a JSON document element by element with json.Decoder tokens: an array of
// objects, one object, an object whose @graph holds the nodes, or several such values one after the
// other. Only one element is held in memory at a time (and the top-level object's own fields).
type jsonDocParser struct {
	dec   *json.Decoder
	lines *lineTracker
	state docState
	done  bool

	obj      []objField // the top-level object's fields other than @graph
	objLine  int
	objGraph bool // the top-level object had a @graph
}

type objField struct {
	key string
	raw json.RawMessage
}

type docState int

const (
	atTop docState = iota
	inArray
	inObject
	inGraph
)

func newJSONDocParser(r *Reader) *jsonDocParser {
	lines := &lineTracker{r: r.br}
	return &jsonDocParser{dec: json.NewDecoder(lines), lines: lines}
}

func (p *jsonDocParser) fill(r *Reader) error {
	for len(r.pending) == 0 {
		if p.done {
			return io.EOF
		}
		if err := p.step(r); err != nil {
			if err == io.EOF && p.state == atTop {
				return io.EOF
			}
			return p.fail(r, err)
		}
	}
	return nil
}

// step reads one token or element.
func (p *jsonDocParser) step(r *Reader) error {
	switch p.state {
	case atTop:
		tok, err := p.dec.Token()
		if err != nil {
			return err
		}
		line := p.lines.lineAt(p.dec.InputOffset() - 1)
		switch tok {
		case json.Delim('['):
			p.state = inArray
		case json.Delim('{'):
			p.state, p.obj, p.objLine, p.objGraph = inObject, p.obj[:0], line, false
		default:
			r.reject(line, "not a JSON object or array", fmt.Append(nil, tok))
		}
	case inArray, inGraph:
		if !p.dec.More() {
			if _, err := p.dec.Token(); err != nil { // the closing ']'
				return err
			}
			if p.state == inArray {
				p.state = atTop
			} else {
				p.state = inObject
			}
			return nil
		}
		var raw json.RawMessage
		if err := p.dec.Decode(&raw); err != nil {
			return err
		}
		line := p.lines.lineAt(p.dec.InputOffset() - int64(len(raw)))
		if len(raw) > r.maxRecord {
			r.reject(line, fmt.Sprintf("element over the %s limit (%d bytes)", sizeText(r.maxRecord), len(raw)), raw)
			return nil
		}
		if p.state == inArray {
			r.element(line, raw)
		} else {
			r.graphNode(line, raw)
		}
	case inObject:
		if !p.dec.More() {
			if _, err := p.dec.Token(); err != nil { // the closing '}'
				return err
			}
			p.state = atTop
			if !p.objGraph {
				r.object(p.objLine, p.objectText())
			}
			return nil
		}
		tok, err := p.dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		if key == "@graph" && p.nextIs('[') {
			if _, err := p.dec.Token(); err != nil {
				return err
			}
			p.objGraph = true
			p.state = inGraph
			return nil
		}
		var raw json.RawMessage
		if err := p.dec.Decode(&raw); err != nil {
			return err
		}
		if key == "@graph" {
			p.objGraph = true
			if n := r.graph(p.objLine, raw); n == 0 {
				r.reject(p.objLine, "no JobPosting in @graph", raw)
			}
			return nil
		}
		p.obj = append(p.obj, objField{key, raw})
	}
	return nil
}

// nextIs reports whether the next value in the decoder's buffer starts with c. It reports false when
// the buffer does not hold it; the caller then decodes the value whole.
func (p *jsonDocParser) nextIs(c byte) bool {
	rest, _ := io.ReadAll(io.LimitReader(p.dec.Buffered(), 64))
	rest = bytes.TrimLeft(rest, " \t\r\n:")
	return len(rest) > 0 && rest[0] == c
}

// objectText writes the top-level object back as JSON, its fields in their order.
func (p *jsonDocParser) objectText() []byte {
	b := []byte{'{'}
	for i, f := range p.obj {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(f.key)
		b = append(b, k...)
		b = append(b, ':')
		b = append(b, f.raw...)
	}
	return append(b, '}')
}

// fail turns a decoding error into a reject (the rest of the document cannot be read past broken
// JSON) or, when the input itself failed, a fatal error.
func (p *jsonDocParser) fail(r *Reader, err error) error {
	if p.lines.err != nil {
		return p.lines.err
	}
	p.done = true
	msg := jsonMessage(err)
	if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
		msg = "unexpected end of JSON input"
	}
	rest, _ := io.ReadAll(io.LimitReader(p.dec.Buffered(), maxRejectText+1))
	// The broken value starts after the separator the decoder stopped at.
	trimmed := bytes.TrimLeft(rest, " \t\r\n,:")
	off := p.dec.InputOffset() + int64(len(rest)-len(trimmed))
	r.reject(p.lines.lineAt(off), "invalid JSON: "+msg+" (the rest of the file was not read)", trimmed)
	return nil
}

// lineTracker notes where the newlines are in what it reads, so that a decoder's byte offset can be
// turned into a line number. It forgets newlines once they are behind the offsets asked about, so it
// holds no more than the decoder has buffered.
type lineTracker struct {
	r    io.Reader
	off  int64   // bytes read so far
	nl   []int64 // offsets of newlines not yet passed
	line int     // newlines passed
	err  error   // the input's first error other than io.EOF
}

func (t *lineTracker) Read(b []byte) (int, error) {
	n, err := t.r.Read(b)
	for i := 0; i < n; {
		j := bytes.IndexByte(b[i:n], '\n')
		if j < 0 {
			break
		}
		t.nl = append(t.nl, t.off+int64(i+j))
		i += j + 1
	}
	t.off += int64(n)
	if err != nil && err != io.EOF && t.err == nil {
		t.err = err
	}
	return n, err
}

// lineAt returns the 1-based line of the byte at off; offsets must not go backwards.
func (t *lineTracker) lineAt(off int64) int {
	i := 0
	for i < len(t.nl) && t.nl[i] < off {
		i++
	}
	t.line += i
	t.nl = t.nl[i:]
	return t.line + 1
}
