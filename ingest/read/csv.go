package read

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// csvParser reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) whose first
// row names the columns with docs/input.md names, in any case. Columns it does not know are kept in the
// ad's raw record. It is written here rather than on encoding/csv so that a rejected row keeps its
// text and a runaway row (an unclosed quote) is cut off at the size limit.
type csvParser struct {
	names []string // column names as written; nil until the header is read
	// noHeader is set when the header row could not be read: every row is then set aside.
	noHeader bool
	cols     []int // column → index into fields (colUnknown when not an ADS name)
	line     int   // lines consumed
	fields   []string
	field    []byte
	raw      []byte
}

const colUnknown = -1

// csvColumns are the docs/input.md names, in the order of the fields struct's setters below.
var csvColumns = [...]string{"id", "source", "title", "description", "company", "location", "salary",
	"employment_type", "posted_at", "closed_at", "url"}

func (f *fields) set(col int, v string) {
	switch col {
	case 0:
		f.id = v
	case 1:
		f.source = v
	case 2:
		f.title = v
	case 3:
		f.description = v
	case 4:
		f.company = v
	case 5:
		f.location = v
	case 6:
		f.salary = v
	case 7:
		f.employmentType = v
	case 8:
		f.postedAt = v
	case 9:
		f.closedAt = v
	case 10:
		f.url = v
	}
}

func (p *csvParser) fill(r *Reader) error {
	for {
		row, err := p.readRow(r)
		if err != nil {
			return err
		}
		if row.blank {
			continue
		}
		if p.names == nil && !p.noHeader {
			if row.over || row.bad != "" {
				// Without its header no row can be read: the header and every row are set aside.
				p.noHeader = true
				why := row.bad
				if row.over {
					why = fmt.Sprintf("over the %s limit (%d bytes)", sizeText(r.maxRecord), row.size)
				}
				r.reject(row.line, "header row "+why+": the file's rows cannot be read", p.raw)
				return nil
			}
			p.header(row)
			continue
		}
		if p.noHeader {
			r.reject(row.line, "no usable header row (see the first reject of this file)", p.raw)
			return nil
		}
		switch {
		case row.over:
			r.reject(row.line, fmt.Sprintf("row over the %s limit (%d bytes)", sizeText(r.maxRecord), row.size), p.raw)
		case row.bad != "":
			r.reject(row.line, row.bad, p.raw)
		case len(p.fields) != len(p.names):
			r.reject(row.line, fmt.Sprintf("row has %s, the header has %d", plural(len(p.fields), "field"), len(p.names)), p.raw)
		default:
			var f fields
			for i, v := range p.fields {
				f.set(p.cols[i], v)
			}
			ad, err := f.finish(r.source, p.rowJSON())
			if err != nil {
				r.reject(row.line, err.Error(), p.raw)
			} else {
				r.ad(row.line, ad)
			}
		}
		return nil
	}
}

func (p *csvParser) header(row csvRow) {
	p.names = make([]string, len(p.fields))
	p.cols = make([]int, len(p.fields))
	for i, name := range p.fields {
		p.names[i] = name
		p.cols[i] = colUnknown
		key := strings.ToLower(strings.TrimSpace(name))
		key = strings.NewReplacer(" ", "_", "-", "_").Replace(key)
		for c, n := range csvColumns {
			if key == n {
				p.cols[i] = c
			}
		}
	}
}

// rowJSON writes the current row as a JSON object keyed by the header's names.
func (p *csvParser) rowJSON() []byte {
	b := []byte{'{'}
	for i, v := range p.fields {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(p.names[i])
		b = append(b, k...)
		b = append(b, ':')
		s, _ := json.Marshal(v)
		b = append(b, s...)
	}
	return append(b, '}')
}

type csvRow struct {
	line  int    // the row's first line
	size  int    // bytes the row took
	over  bool   // longer than the limit: fields not kept
	bad   string // a quoting fault
	blank bool
}

type csvState int

const (
	fieldStart csvState = iota
	unquoted
	quoted
	quoteInQuoted // a '"' inside a quoted field: a doubled quote or the closing one
	afterQuoted
)

// readRow reads one row into p.fields (its text, up to maxRejectText bytes, into p.raw). It returns
// io.EOF when no row is left.
func (p *csvParser) readRow(r *Reader) (csvRow, error) {
	row := csvRow{line: p.line + 1}
	p.fields, p.field, p.raw = p.fields[:0], p.field[:0], p.raw[:0]
	state := fieldStart
	endField := func() {
		p.fields = append(p.fields, string(p.field))
		p.field = p.field[:0]
		state = fieldStart
	}
	for {
		chunk, err := r.br.ReadSlice('\n')
		if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
			return row, err
		}
		if len(chunk) == 0 && err == io.EOF {
			if row.size == 0 {
				return row, io.EOF
			}
			break
		}
		row.size += len(chunk)
		if keep := maxRejectText + 1 - len(p.raw); keep > 0 {
			p.raw = append(p.raw, chunk[:min(keep, len(chunk))]...)
		}
		endsLine := chunk[len(chunk)-1] == '\n'
		if endsLine {
			p.line++
		}
		if row.size > r.maxRecord {
			// Too long to keep: read on to the row's end, dropping its fields as they go by.
			row.over = true
			p.fields, p.field = p.fields[:0], p.field[:0]
		}
		for i := 0; i < len(chunk); i++ {
			c := chunk[i]
			switch state {
			case fieldStart:
				switch c {
				case '"':
					state = quoted
				case ',':
					endField()
				case '\n':
					endField()
				default:
					p.field = append(p.field, c)
					state = unquoted
				}
			case unquoted:
				switch c {
				case ',':
					endField()
				case '\n':
					endField()
				default:
					p.field = append(p.field, c)
				}
			case quoted:
				switch c {
				case '"':
					state = quoteInQuoted
				case '\n':
					p.field = bytes.TrimSuffix(p.field, []byte{'\r'})
					p.field = append(p.field, '\n')
				default:
					p.field = append(p.field, c)
				}
			case quoteInQuoted:
				if c == '"' {
					p.field = append(p.field, '"')
					state = quoted
					continue
				}
				state = afterQuoted
				i-- // read c again after the closing quote
			case afterQuoted:
				switch c {
				case ',':
					endField()
				case '\n':
					endField()
				case '\r':
				default:
					if row.bad == "" {
						row.bad = fmt.Sprintf("bad quoting in field %d: text after the closing quote", len(p.fields)+1)
					}
					p.field = append(p.field, c)
				}
			}
			if c == '\n' && state == fieldStart {
				// The row ended: drop the '\r' of a CRLF ending from its last unquoted field.
				if n := len(p.fields); n > 0 {
					p.fields[n-1] = strings.TrimSuffix(p.fields[n-1], "\r")
				}
				p.finishRaw()
				row.blank = len(p.fields) == 1 && p.fields[0] == "" && len(bytes.TrimSpace(p.raw)) == 0
				return row, nil
			}
		}
		if err == io.EOF {
			break
		}
	}
	// The input ended inside the row.
	if state == quoted && row.bad == "" {
		row.bad = fmt.Sprintf("bad quoting in field %d: quoted field not closed before the end of the file", len(p.fields)+1)
	}
	endField()
	if n := len(p.fields); n > 0 {
		p.fields[n-1] = strings.TrimSuffix(p.fields[n-1], "\r")
	}
	p.finishRaw()
	row.blank = len(p.fields) == 1 && p.fields[0] == "" && len(bytes.TrimSpace(p.raw)) == 0
	return row, nil
}

// finishRaw drops the row's line ending from its text.
func (p *csvParser) finishRaw() {
	if len(p.raw) <= maxRejectText {
		p.raw = bytes.TrimRight(p.raw, "\r\n")
	}
}

// plural writes "1 field", "3 fields".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
