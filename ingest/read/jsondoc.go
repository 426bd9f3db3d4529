package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonDocParser streams a JSON document value by value: an array of objects, one object, an object
// whose @graph holds the nodes, or several such values one after the other. It finds where each
// value ends by its brackets and quotes alone, without decoding it, so that
//   - memory stays bounded: of a value over the record limit only the start is kept, for its reject,
//     and the rest is skipped as it streams past;
//   - a broken value is one reject: the next one is read as if nothing had happened. Only a value
//     that never ends (an open string or bracket at the end of the input) ends the document.
//
// Each value is then decoded on its own, as a JSON line would be.
type jsonDocParser struct {
	br    *bufio.Reader
	limit int // the most bytes of one record kept
	nl    int // newlines consumed so far
	state docState
	done  bool

	// The top-level object being read, field by field: a @graph array in it is streamed, its other
	// fields are kept (up to limit bytes in all) to be read as one record at its end.
	obj      []objField
	objLine  int
	objSize  int
	objGraph bool   // the object has a @graph
	objComma bool   // a field was read: a ',' or the '}' comes next
	objLast  string // the name of the field read last
}

type objField struct {
	key string
	raw []byte
}

type docState int

const (
	atTop docState = iota
	inArray
	inObject
	inGraph
)

var newline = []byte{'\n'}

// errOpen says that the input ended inside a value.
var errOpen = errors.New("unexpected end of JSON input")

func newJSONDocParser(r *Reader) *jsonDocParser {
	return &jsonDocParser{br: r.br}
}

func (p *jsonDocParser) fill(r *Reader) error {
	p.limit = r.maxRecord
	for len(r.pending) == 0 {
		if p.done {
			return io.EOF
		}
		err := p.step(r)
		switch {
		case err == nil:
		case err == io.EOF: // between two values
			p.done = true
			if p.state != atTop {
				r.reject(p.nl+1, "invalid JSON: unexpected end of JSON input (the document ends inside an array or object)", nil)
			}
		case errors.Is(err, errOpen):
			p.done = true // the rejected value swallowed the rest of the input
		default:
			return err // the input itself failed
		}
	}
	return nil
}

// step reads one value, or one bracket or separator around them.
func (p *jsonDocParser) step(r *Reader) error {
	c, err := p.skipSpace()
	if err != nil {
		return err
	}
	line := p.nl + 1
	switch p.state {
	case atTop:
		switch c {
		case '[':
			p.br.Discard(1)
			p.state = inArray
		case '{':
			p.br.Discard(1)
			p.state, p.obj, p.objLine, p.objSize, p.objGraph, p.objComma = inObject, p.obj[:0], line, 0, false, false
		default:
			raw, _, err := p.value(r, line)
			if err != nil {
				return err
			}
			r.reject(line, "not a JSON object or array", raw)
		}
	case inArray, inGraph:
		switch c {
		case ',': // a separator missing or doubled is no reason to stop
			p.br.Discard(1)
		case ']':
			p.br.Discard(1)
			if p.state == inArray {
				p.state = atTop
			} else {
				p.state = inObject
			}
		default:
			raw, size, err := p.value(r, line)
			if err != nil {
				return err
			}
			switch {
			case size > p.limit:
				r.reject(line, fmt.Sprintf("element over the %s limit (%d bytes)", sizeText(p.limit), size), raw)
			case p.state == inArray:
				r.element(line, raw)
			default:
				r.graphNode(line, raw)
			}
		}
	case inObject:
		return p.field(r, c, line)
	}
	return nil
}

// field reads one field of the top-level object, or its end.
func (p *jsonDocParser) field(r *Reader, c byte, line int) error {
	switch c {
	case ',':
		p.br.Discard(1)
		p.objComma = false
		return nil
	case '}':
		p.br.Discard(1)
		p.state = atTop
		switch {
		case p.objGraph:
		case p.objSize > p.limit:
			r.reject(p.objLine, fmt.Sprintf("object over the %s limit (%d bytes)", sizeText(p.limit), p.objSize), p.objectText())
		default:
			r.object(p.objLine, p.objectText())
		}
		return nil
	case '"':
		if p.objComma {
			return p.broken(r, line, fmt.Sprintf("want ',' or '}' after field %q, got '\"'", p.objLast))
		}
	default:
		return p.broken(r, line, fmt.Sprintf("want a field name, got %q", c))
	}
	raw, size, err := p.value(r, line)
	if err != nil {
		return err
	}
	var key string
	if size > p.limit || json.Unmarshal(raw, &key) != nil {
		return p.broken(r, line, "invalid field name")
	}
	if c, err = p.skipSpace(); err != nil {
		return p.ended(r, err)
	}
	if c != ':' {
		return p.broken(r, line, fmt.Sprintf("want ':' after field %q, got %q", key, c))
	}
	p.br.Discard(1)
	if c, err = p.skipSpace(); err != nil {
		return p.ended(r, err)
	}
	p.objComma, p.objLast = true, key
	if key == "@graph" && c == '[' {
		p.br.Discard(1)
		p.objGraph, p.state = true, inGraph
		return nil
	}
	raw, size, err = p.value(r, p.nl+1)
	if err != nil {
		return err
	}
	if key == "@graph" {
		p.objGraph = true
		if n := r.graph(p.objLine, raw); n == 0 {
			r.reject(p.objLine, "no JobPosting in @graph", raw)
		}
		return nil
	}
	// Once over the limit, the fields kept so far are the start of the reject's text.
	if p.objSize += len(key) + 4 + size; p.objSize <= p.limit {
		p.obj = append(p.obj, objField{key, raw})
	}
	return nil
}

// broken sets the top-level object aside and skips to its end.
func (p *jsonDocParser) broken(r *Reader, line int, why string) error {
	p.state = atTop
	rest, _, err := p.scan(1)
	if err != nil && !errors.Is(err, errOpen) {
		return err
	}
	r.reject(p.objLine, "invalid JSON: "+why, append(p.objectText(), rest...))
	return err
}

// ended handles the input ending (or failing) between the parts of a field.
func (p *jsonDocParser) ended(r *Reader, err error) error {
	if err == io.EOF {
		r.reject(p.objLine, "invalid JSON: unexpected end of JSON input", p.objectText())
		return errOpen
	}
	return err
}

// value consumes the value that starts here. A value the input ends inside is set aside, at line,
// as the end of the document, and errOpen returned.
func (p *jsonDocParser) value(r *Reader, line int) (raw []byte, size int, err error) {
	raw, size, err = p.scan(0)
	if errors.Is(err, errOpen) {
		r.reject(line, "invalid JSON: unexpected end of JSON input (the rest of the file was not read)", raw)
	}
	return raw, size, err
}

// scan consumes one JSON value (or, with depth > 0, the rest of one whose depth brackets are open)
// by its brackets and quotes, keeping its first limit bytes (once it is longer, its first
// maxRejectText bytes). It returns the kept text and the value's size, or errOpen when the input
// ends inside the value. A closing bracket or separator where a value should start is consumed as a
// value of one byte, so that every call moves on.
func (p *jsonDocParser) scan(depth int) (kept []byte, size int, err error) {
	inStr, esc, scalar := false, false, false
	started := depth > 0
	// The kinds of the innermost open brackets, so that a closing bracket of the wrong kind is
	// kept inside the value (for its decoding to reject) rather than ending it. Past maxKinds
	// levels only the depth is counted, so memory stays bounded however deep the nesting.
	var kinds []byte
	const maxKinds = 1024
	for range min(depth, maxKinds) {
		kinds = append(kinds, '{')
	}
	for {
		if _, err := p.br.Peek(1); err != nil {
			if err == io.EOF && scalar && depth == 0 {
				return kept, size, nil
			}
			if err == io.EOF {
				err = errOpen
			}
			return kept, size, err
		}
		buf, _ := p.br.Peek(p.br.Buffered())
		n, done := 0, false
	bytes:
		for ; n < len(buf); n++ {
			c := buf[n]
			switch {
			case inStr:
				switch {
				case esc:
					esc = false
				case c == '\\':
					esc = true
				case c == '"':
					inStr = false
					if depth == 0 {
						n, done = n+1, true
						break bytes
					}
				}
			case scalar:
				if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ':' || c == ']' || c == '}' {
					done = true
					break bytes
				}
			case c == '"':
				inStr, started = true, true
			case c == '{' || c == '[':
				if depth < maxKinds {
					kinds = append(kinds, c)
				}
				depth, started = depth+1, true
			case c == '}' || c == ']':
				if !started {
					n, done = n+1, true
					break bytes
				}
				if depth <= maxKinds && kinds[depth-1] != c-2 { // '{'+2 == '}', '['+2 == ']'
					continue
				}
				if depth <= maxKinds {
					kinds = kinds[:depth-1]
				}
				if depth--; depth == 0 {
					n, done = n+1, true
					break bytes
				}
			case c == ',' || c == ':':
				if !started {
					n, done = n+1, true
					break bytes
				}
			case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			default:
				if !started {
					scalar, started = true, true
				}
			}
		}
		part := buf[:n]
		p.nl += bytes.Count(part, newline)
		size += n
		switch {
		case size <= p.limit:
			kept = append(kept, part...)
		case len(kept) < maxRejectText:
			kept = append(kept, part[:min(len(part), maxRejectText-len(kept))]...)
		default:
			kept = kept[:min(len(kept), maxRejectText)]
		}
		p.br.Discard(n)
		if done {
			return kept, size, nil
		}
	}
}

// skipSpace consumes white space and returns the next byte, unconsumed.
func (p *jsonDocParser) skipSpace() (byte, error) {
	for {
		c, err := p.br.ReadByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case '\n':
			p.nl++
		case ' ', '\t', '\r':
		default:
			p.br.UnreadByte()
			return c, nil
		}
	}
}

// objectText writes the top-level object's fields read so far back as JSON, in their order.
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
