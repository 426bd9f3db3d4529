package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
)

// maxTagBytes bounds an HTML tag's attributes; a longer tag is skipped.
const maxTagBytes = 64 << 10

// maxLDDepth bounds how deep JobPostings are looked for inside a JSON-LD block.
const maxLDDepth = 32

// htmlParser finds the <script type="application/ld+json"> blocks of HTML pages and reads the
// JobPostings they hold (an object, an array, a @graph, or nested in another node such as a WebPage's
// mainEntity). Everything else on the page is skipped as it streams past.
type htmlParser struct {
	line int // current line, 1-based
	buf  []byte
}

func (p *htmlParser) fill(r *Reader) error {
	for len(r.pending) == 0 {
		// Skip to the next '<'.
		if err := p.skipPast(r.br, '<'); err != nil {
			return err
		}
		peek, err := r.br.Peek(7)
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return err
		}
		switch {
		case bytes.HasPrefix(peek, []byte("!--")):
			if err := p.skipPastString(r.br, "-->"); err != nil {
				return err
			}
		case len(peek) == 7 && hasPrefixFold(peek, "script") && isTagEnd(peek[6]):
			if err := p.script(r); err != nil {
				return err
			}
		}
	}
	return nil
}

// script reads one <script> element, the "<" already consumed.
func (p *htmlParser) script(r *Reader) error {
	line := p.line
	r.br.Discard(6)
	attrs, err := p.readTag(r.br)
	if err != nil {
		return err
	}
	isLD := false
	if typ, ok := attr(attrs, "type"); ok {
		if mt, _, err := mime.ParseMediaType(typ); err == nil && mt == "application/ld+json" {
			isLD = true
		}
	}
	content, size, err := p.readScript(r.br, r.maxRecord)
	if err != nil && err != io.EOF {
		return err
	}
	if !isLD {
		return err
	}
	if size > r.maxRecord {
		r.reject(line, fmt.Sprintf("JSON-LD block over the %s limit (%d bytes)", sizeText(r.maxRecord), size), content)
		return err
	}
	content = bytes.TrimSpace(content)
	content = trimWrapper(content, "<!--", "-->")
	content = trimWrapper(content, "<![CDATA[", "]]>")
	content = trimWrapper(content, "//<![CDATA[", "//]]>")
	if len(content) == 0 {
		return err
	}
	var v json.RawMessage
	if jerr := json.Unmarshal(content, &v); jerr != nil {
		r.reject(line, "invalid JSON-LD: "+jsonMessage(jerr), content)
		return err
	}
	r.findPostings(line, v, 0)
	return err
}

// findPostings reads every JobPosting in a JSON-LD value, looking inside arrays and the values of
// nodes that are not JobPostings themselves.
func (r *Reader) findPostings(line int, v json.RawMessage, depth int) {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return
	}
	if depth > maxLDDepth {
		if (v[0] == '{' || v[0] == '[') && r.deepLine != line {
			r.deepLine = line // one reject a block, however many branches go too deep
			r.reject(line, fmt.Sprintf("JSON-LD nested deeper than %d levels: not read", maxLDDepth), v)
		}
		return
	}
	switch v[0] {
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			return
		}
		for _, it := range items {
			r.findPostings(line, it, depth+1)
		}
	case '{':
		fields, err := objectFields(v)
		if err != nil {
			return
		}
		var typ json.RawMessage
		for _, f := range fields {
			if f.key == "@type" {
				typ = f.raw
			}
		}
		if _, isJP := jobPostingType(typ); isJP {
			var w wire
			if err := json.Unmarshal(v, &w); err != nil {
				r.reject(line, "invalid JSON-LD: "+jsonMessage(err), v)
				return
			}
			r.wireAd(line, &w, true, v)
			return
		}
		for _, f := range fields {
			if f.key != "@context" {
				r.findPostings(line, f.raw, depth+1)
			}
		}
	}
}

// skipPast discards input up to and including the byte c, counting lines.
func (p *htmlParser) skipPast(br *bufio.Reader, c byte) error {
	for {
		chunk, err := br.ReadSlice(c)
		p.line += bytes.Count(chunk, []byte{'\n'})
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return err
	}
}

// skipPastString discards input up to and including s.
func (p *htmlParser) skipPastString(br *bufio.Reader, s string) error {
	for {
		if err := p.skipPast(br, s[0]); err != nil {
			return err
		}
		peek, err := br.Peek(len(s) - 1)
		if err != nil && err != io.EOF {
			return err
		}
		if string(peek) == s[1:] {
			br.Discard(len(s) - 1)
			return nil
		}
		if err == io.EOF {
			return io.EOF
		}
	}
}

// readTag reads a tag's attributes up to its closing '>' (outside quotes). A tag longer than
// maxTagBytes is cut short.
func (p *htmlParser) readTag(br *bufio.Reader) ([]byte, error) {
	attrs := p.buf[:0]
	var quote byte
	for {
		c, err := br.ReadByte()
		if err != nil {
			return attrs, err
		}
		if c == '\n' {
			p.line++
		}
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			p.buf = attrs[:0]
			return attrs, nil
		}
		if len(attrs) < maxTagBytes {
			attrs = append(attrs, c)
		}
	}
}

// readScript reads a script's content up to its closing </script> tag, keeping at most limit bytes
// (just the first few when it is longer); size is the content's full length.
func (p *htmlParser) readScript(br *bufio.Reader, limit int) (content []byte, size int, err error) {
	content = p.buf[:0]
	over := false
	for {
		chunk, err := br.ReadSlice('<')
		p.line += bytes.Count(chunk, []byte{'\n'})
		size += len(chunk)
		if !over {
			if len(content)+len(chunk) > limit+1 {
				over = true
				if keep := maxRejectText - len(content); keep > 0 {
					content = append(content, chunk[:min(keep, len(chunk))]...)
				}
				content = content[:min(len(content), maxRejectText)]
			} else {
				content = appendGrow(content, chunk)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			p.buf = content[:0]
			return content, size, err
		}
		peek, perr := br.Peek(8)
		if perr != nil && perr != io.EOF {
			return content, size, perr
		}
		if len(peek) == 8 && hasPrefixFold(peek, "/script") && isTagEnd(peek[7]) {
			size-- // the '<' of the closing tag
			if !over {
				content = content[:len(content)-1]
			}
			if err := p.skipPast(br, '>'); err != nil && err != io.EOF {
				return content, size, err
			}
			p.buf = content[:0]
			return content, size, nil
		}
	}
}

// attr returns the value of the named attribute in a tag's attribute text.
func attr(attrs []byte, name string) (string, bool) {
	s := string(attrs)
	for len(s) > 0 {
		s = strings.TrimLeft(s, " \t\r\n/")
		i := strings.IndexAny(s, " \t\r\n=/>")
		if i < 0 {
			i = len(s)
		}
		key := s[:i]
		s = strings.TrimLeft(s[i:], " \t\r\n")
		val := ""
		if strings.HasPrefix(s, "=") {
			s = strings.TrimLeft(s[1:], " \t\r\n")
			if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
				q := s[0]
				end := strings.IndexByte(s[1:], q)
				if end < 0 {
					val, s = s[1:], ""
				} else {
					val, s = s[1:1+end], s[2+end:]
				}
			} else {
				end := strings.IndexAny(s, " \t\r\n>")
				if end < 0 {
					end = len(s)
				}
				val, s = s[:end], s[end:]
			}
		}
		if key == "" {
			if len(s) > 0 {
				s = s[1:]
			}
			continue
		}
		if strings.EqualFold(key, name) {
			return val, true
		}
	}
	return "", false
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

func isTagEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// trimWrapper removes a wrapper such as <!-- --> that pages put around a script's content.
func trimWrapper(b []byte, open, close string) []byte {
	if bytes.HasPrefix(b, []byte(open)) && bytes.HasSuffix(b, []byte(close)) && len(b) >= len(open)+len(close) {
		return bytes.TrimSpace(b[len(open) : len(b)-len(close)])
	}
	return b
}

// objectFields returns a JSON object's fields in their order.
func objectFields(raw []byte) ([]objField, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var fields []objField
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		fields = append(fields, objField{key, v})
	}
	return fields, nil
}
