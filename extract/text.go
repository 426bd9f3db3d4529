package extract

import (
	"encoding/binary"
	"html"
	"strings"
	"unsafe"
)

// PlainText reduces an ad description to text: HTML tags are removed (block tags become line
// breaks), character entities are decoded — twice when the HTML itself arrived entity-escaped, as in
// NHS Jobs' schema.org records ("&lt;p&gt;") — and runs of spaces are collapsed. Plain text passes
// through unchanged apart from entity decoding.
func PlainText(s string) string { return plainTextAfter("", s) }

// plainTextAfter returns prefix + PlainText(s), in one allocation where it can.
func plainTextAfter(prefix, s string) string {
	if strings.Contains(s, "&lt;") && (strings.Contains(s, "&gt;") || strings.Contains(s, "&lt;/")) {
		s = html.UnescapeString(s)
	}
	if strings.IndexByte(s, '<') < 0 {
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s)
		}
		return prefix + s
	}
	var b strings.Builder
	b.Grow(len(prefix) + len(s))
	b.WriteString(prefix)
	// gt is the position of the next '>' at or after i (-1: none left), kept so that a text of many
	// '<' and few '>' is read once, not once per '<'.
	gt := -2 // not looked for yet
	// noClose[0] and noClose[1] are set once no closing script or style tag is left.
	var noClose [2]bool
	for i := 0; i < len(s); {
		c := s[i]
		if c != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			continue
		}
		if gt == -2 || gt >= 0 && gt < i {
			if k := strings.IndexByte(s[i:], '>'); k >= 0 {
				gt = i + k
			} else {
				gt = -1
			}
		}
		if gt < 0 || !isTagStart(s, i+1) {
			b.WriteByte(c)
			i++
			continue
		}
		end := gt - i
		tag := strings.ToLower(tagName(s[i+1 : i+end]))
		switch tag {
		case "p", "br", "li", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "pre", "table", "hr", "section", "article", "header", "footer", "td", "dd", "dt":
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		k := 0
		if tag == "style" {
			k = 1
		}
		if (tag == "script" || tag == "style") && !noClose[k] {
			if j := indexFold(s[i+end:], "</"+tag); j >= 0 {
				i += end + j
				continue
			}
			noClose[k] = true
		}
		i += end + 1
	}
	out := b.String()
	if strings.IndexByte(out[len(prefix):], '&') >= 0 {
		out = prefix + html.UnescapeString(out[len(prefix):])
	}
	return out
}

// indexFold returns the index of the first occurrence of lower (an ASCII lowercase string) in s,
// ignoring ASCII case, or -1.
func indexFold(s, lower string) int {
	n := len(lower)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for j < n {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 32
			}
			if c != lower[j] {
				break
			}
			j++
		}
		if j == n {
			return i
		}
	}
	return -1
}

func isTagStart(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func tagName(s string) string {
	s = strings.TrimPrefix(s, "/")
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '/' || c == '\t' || c == '\n' || c == '\r' {
			return s[:i]
		}
	}
	return s
}

// token is a word of a text: its byte span in the original and its ASCII-lowercased form.
type token struct {
	start, end int
	lower      string
	hash       uint64
	// brk marks a token after a break no phrase runs across: a line break, a comma, a semicolon, a
	// bar, a quote, a sentence's end ("own home, care homes" holds no "home care").
	brk bool
}

// breakBytes are the bytes that, between two words, end any phrase ("React+Redux" is two names).
var breakBytes = func() (t [256]bool) {
	for _, c := range []byte("\n,;|!?\"+:") {
		t[c] = true
	}
	return t
}()

// gapBreaks reports whether the gap text[a:b] between two words holds a break: one of breakBytes, or
// a full stop.
func gapBreaks(text string, a, b int) bool {
	for k := a; k < b; k++ {
		if breakBytes[text[k]] || text[k] == '.' {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool { return wordBytes[c] }

// wordBytes marks the bytes of words: ASCII letters and digits, and every byte of a UTF-8 sequence.
var wordBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	return t
}()

// lowerASCII lowercases ASCII letters only, so byte offsets stay those of the original. A string
// with no capital is returned as it is.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, len(s))
	copy(b, s[:i])
	// Eight bytes at a time: a byte gets 0x20 added when it is in 'A'..'Z' (and below 0x80).
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		h := x & (ones * 0x7f)
		upper := (h + ones*(0x80-'A')) &^ (h + ones*(0x80-'Z'-1)) &^ x & highs
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		b[i] = c
	}
	// b is never written again, so it can be the string's bytes rather than copied into one.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// combine folds the hash of the next token into the hash of an n-gram.
func combine(h, next uint64) uint64 { return (h^0x9e3779b97f4a7c15)*fnvPrime ^ next }

// tokenize splits text into words: runs of letters and digits, keeping '+' and '#' that end a word
// ("C++", "C#") and '.' between word characters or before one at a word's start (".NET", "Node.js").
// lower must be lowerASCII(text). It appends to dst and returns it.
func tokenize(dst []token, text, lower string) []token {
	n := len(text)
	for i := 0; i < n; {
		c := text[i]
		if c >= 0xc2 {
			if k := separatorLen(text, i); k > 0 {
				i += k
				continue
			}
		}
		if !isWordByte(c) && !(c == '.' && i+1 < n && isWordByte(text[i+1]) && (i == 0 || !isWordByte(text[i-1]))) {
			i++
			continue
		}
		// The word's hash (hashString of its lowercased bytes) is computed as it is read.
		start := i
		h := (uint64(fnvOffset) ^ uint64(lower[i])) * fnvPrime
		i++
		for i < n {
			c := text[i]
			if c >= 0xc2 && separatorLen(text, i) > 0 {
				break
			}
			if isWordByte(c) || c == '.' && i+1 < n && isWordByte(text[i+1]) && separatorLen(text, i+1) == 0 {
				h = (h ^ uint64(lower[i])) * fnvPrime
				i++
				continue
			}
			if c == '+' || c == '#' {
				j := i
				for j < n && (text[j] == '+' || text[j] == '#') {
					j++
				}
				// "C++", "C#", "kdb+" end the word; a plus between two words joins two names:
				// "React+Redux", "Celery+RabbitMQ".
				if c == '+' && j < n && isLetter(text[j]) {
					break
				}
				for i < j {
					h = (h ^ uint64(lower[i])) * fnvPrime
					i++
				}
			}
			break
		}
		brk := false
		if len(dst) > 0 {
			brk = gapBreaks(text, dst[len(dst)-1].end, start)
		}
		dst = append(dst, token{start: start, end: i, lower: lower[start:i], hash: h, brk: brk})
	}
	return dst
}

// separatorLen returns the length of the UTF-8 space or punctuation at text[i] that separates words
// as ASCII punctuation does, or 0: no-break spaces (U+00A0, U+202F) and the general punctuation block
// U+2000 to U+203F (spaces, zero-width space, dashes, curly quotes, bullet, ellipsis). Without it
// "Master’s", "using ETL" with a no-break space and "Python—and" glue into words no alias matches.
func separatorLen(text string, i int) int {
	if i+1 >= len(text) {
		return 0
	}
	switch text[i] {
	case 0xc2:
		if text[i+1] == 0xa0 {
			return 2
		}
	case 0xe2:
		if i+2 < len(text) && (text[i+1] == 0x80 || text[i+1] == 0x81 && text[i+2] <= 0x9f) {
			return 3
		}
	}
	return 0
}

// tokenizeString tokenizes s on its own (for taxonomy aliases).
func tokenizeString(s string) []token { return tokenize(nil, s, lowerASCII(s)) }
