// Package dedup finds the same ad posted on several job boards without comparing every pair of ads:
// each ad gets a MinHash signature of the word 3-shingles of its text, whose LSH band keys the store
// indexes, so that only ads sharing a band are compared, and Same decides whether two candidates are
// one ad.
//
// Signatures are stored, so the scheme (normalisation, shingles, hash functions, bands) must not change
// without re-signing every stored ad.
package dedup

import (
	"encoding/binary"
	"fmt"
	"html"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

const (
	// NumHashes is the number of MinHash functions, the length of a Signature.
	NumHashes = 48
	// NumBands and BandRows split a signature for locality-sensitive hashing: two ads become
	// candidates when all the rows of one band agree. With 12 bands of 4 rows, texts of Jaccard
	// similarity 0.8 become candidates 99.8% of the time, 0.6 81%, 0.3 9% and 0.1 0.1%.
	NumBands = 12
	BandRows = 4
	// Threshold is the least Similarity at which two candidates with the same advertiser, title and
	// place are the same ad. Light edits (a line added, a few words changed) keep real ads above 0.75;
	// different ads of one advertiser rarely pass 0.5 (see dedup_test.go for the measurements).
	Threshold = 0.6
	// MaxApart is how far apart two copies of an ad may have been posted.
	MaxApart = 42 * 24 * time.Hour
)

// Signature is the MinHash signature of an ad's text: for each of NumHashes hash functions, the least
// hash of the text's shingles. The fraction of equal slots estimates the Jaccard similarity of two
// texts' shingle sets.
type Signature [NumHashes]uint32

// SignatureSize is the length of Signature.Bytes.
const SignatureSize = NumHashes * 4

// Bytes encodes the signature for storage (little-endian, SignatureSize bytes).
func (s Signature) Bytes() []byte {
	b := make([]byte, SignatureSize)
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// FromBytes decodes a signature encoded by Bytes.
func FromBytes(b []byte) (Signature, error) {
	var s Signature
	if len(b) != SignatureSize {
		return s, fmt.Errorf("dedup signature: %d bytes, want %d", len(b), SignatureSize)
	}
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s, nil
}

// Bands returns the signature's NumBands LSH band keys: ads that share a key are candidates to be the
// same ad. Each key hashes the band's index with its rows, so equal rows in different bands do not
// collide.
func (s Signature) Bands() []int64 {
	keys := make([]int64, NumBands)
	for band := range NumBands {
		h := uint64(band+1) * 0x9e3779b97f4a7c15
		for _, v := range s[band*BandRows : (band+1)*BandRows] {
			h = mix64(h ^ uint64(v))
		}
		keys[band] = int64(h)
	}
	return keys
}

// Similarity is the fraction of equal slots of two signatures, an estimate of the Jaccard similarity
// of the two texts' shingle sets.
func Similarity(a, b Signature) float64 {
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / NumHashes
}

// Sign computes the signature of an ad's title and description. The text is normalised first: HTML
// tags stripped (also when the HTML is itself escaped), entities decoded, letters lowercased,
// punctuation dropped; its shingles are runs of three consecutive words.
func Sign(title, description string) Signature {
	var sh shingler
	sh.init()
	sh.scan(title)
	sh.endWord()
	if strings.Contains(description, "&lt;") {
		description = html.UnescapeString(description) // HTML given as escaped text
	}
	sh.scan(description)
	return sh.finish()
}

// permutation is one MinHash function: a*x+b over 64 bits, of which the top 32 are kept.
type permutation struct{ a, b uint64 }

// shingler turns text into words, words into 3-shingles, and shingles into the signature.
type shingler struct {
	perm   [NumHashes]permutation
	sig    Signature
	cur    uint64 // hash of the word being read
	curLen int
	w1, w2 uint64 // the two words before
	words  int
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func (s *shingler) init() {
	// The functions are fixed: signatures are stored, and must compare across runs.
	seed := uint64(0x6a6f6273636f7065) // "jobscope"
	for i := range s.perm {
		seed += 0x9e3779b97f4a7c15
		a := mix64(seed)
		seed += 0x9e3779b97f4a7c15
		s.perm[i] = permutation{a: a | 1, b: mix64(seed)}
	}
	for i := range s.sig {
		s.sig[i] = ^uint32(0)
	}
	s.cur = fnvOffset
}

// mix64 is the splitmix64 finaliser: every input bit affects every output bit.
func mix64(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (s *shingler) addByte(c byte) {
	s.cur = (s.cur ^ uint64(c)) * fnvPrime
	s.curLen++
}

func (s *shingler) addRune(r rune) {
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], unicode.ToLower(r))
	for _, c := range buf[:n] {
		s.addByte(c)
	}
}

// endWord ends the word being read, if any, and adds the shingle it completes.
func (s *shingler) endWord() {
	if s.curLen == 0 {
		return
	}
	w := s.cur
	s.cur, s.curLen = fnvOffset, 0
	s.words++
	if s.words >= 3 {
		s.add(s.w1, s.w2, w)
	}
	s.w1, s.w2 = s.w2, w
}

// add folds one shingle into the signature.
func (s *shingler) add(w1, w2, w3 uint64) {
	x := mix64(w1*0x9e3779b97f4a7c15 + w2*0xc2b2ae3d27d4eb4f + w3)
	for i := range s.perm {
		p := &s.perm[i]
		if v := uint32((p.a*x + p.b) >> 32); v < s.sig[i] {
			s.sig[i] = v
		}
	}
}

// finish ends the text; a text of one or two words is one shingle.
func (s *shingler) finish() Signature {
	s.endWord()
	switch s.words {
	case 1:
		s.add(0, 0, s.w2)
	case 2:
		s.add(0, s.w1, s.w2)
	}
	return s.sig
}

// scan reads text: letters and digits make words; tags are skipped; entities are decoded; an
// apostrophe is dropped inside a word ("don't" is "dont"); anything else separates words.
func (s *shingler) scan(t string) {
	for i := 0; i < len(t); {
		c := t[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(t[i:])
			i += size
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				s.addRune(r)
			case r == '’':
			default:
				s.endWord()
			}
			continue
		}
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			s.addByte(c)
			i++
		case 'A' <= c && c <= 'Z':
			s.addByte(c + 'a' - 'A')
			i++
		case c == '\'':
			i++
		case c == '<' && i+1 < len(t) && isTagStart(t[i+1]):
			s.endWord()
			if j := strings.IndexByte(t[i:], '>'); j >= 0 {
				i += j + 1
			} else {
				i++
			}
		case c == '&':
			s.entity(t, &i)
		default:
			s.endWord()
			i++
		}
	}
}

func isRefByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '#'
}

func isTagStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

// entity reads the character reference at t[*i] ('&'), or takes the '&' as a separator.
func (s *shingler) entity(t string, i *int) {
	end := 1 // a reference is '&', a name or '#' and a number, ';'
	for end < 12 && *i+end < len(t) && isRefByte(t[*i+end]) {
		end++
	}
	if end < 2 || *i+end >= len(t) || t[*i+end] != ';' {
		s.endWord()
		*i++
		return
	}
	ref := t[*i : *i+end+1]
	*i += end + 1
	dec := html.UnescapeString(ref)
	if dec == ref {
		s.endWord()
		return
	}
	for _, r := range dec {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			s.addRune(r)
		case r == '\'' || r == '’':
		default:
			s.endWord()
		}
	}
}

// Doc is what Same needs to know of an ad.
type Doc struct {
	Company   string    // the advertiser as written
	Title     string    // the title as written
	TitleNorm string    // the canonical title extraction found, "" when none
	Region    string    // extraction's region (ONS region or US state), "" when unknown
	Place     string    // extraction's town, "" when unknown
	Posted    time.Time // zero when unknown
	Sig       Signature
}

// Same reports whether a and b are the same ad: the same advertiser (names compared without case,
// punctuation or "Ltd"-like endings; an unknown advertiser matches nothing), the same title (as written,
// normalised, or the same canonical title), the same place — the same region or the same town, since
// boards write one place at different grains ("Hammersmith, London", "London") and a bare town name
// can be read in two regions; either side unknown matches, since boards often leave the place out —
// posted within MaxApart,
// and texts at least Threshold similar.
func Same(a, b Doc) bool {
	return sameKeys(keysOf(a), keysOf(b), a, b)
}

// docKeys are a doc's normalised names, computed once per doc by Index.
type docKeys struct {
	company, title, titleNorm, region, place string
}

func keysOf(d Doc) docKeys {
	return docKeys{
		company:   CompanyKey(d.Company),
		title:     normWords(d.Title),
		titleNorm: strings.ToLower(strings.TrimSpace(d.TitleNorm)),
		region:    strings.ToLower(strings.TrimSpace(d.Region)),
		place:     strings.ToLower(strings.TrimSpace(d.Place)),
	}
}

func sameKeys(ka, kb docKeys, a, b Doc) bool {
	return sameButText(ka, kb, a.Posted, b.Posted) && Similarity(a.Sig, b.Sig) >= Threshold
}

// sameButText is Same but for the texts: the advertiser, the title, the place and the posting
// dates, with their keys ka and kb.
func sameButText(ka, kb docKeys, a, b time.Time) bool {
	if ka.company == "" || ka.company != kb.company {
		return false
	}
	if !(ka.title != "" && ka.title == kb.title) && !(ka.titleNorm != "" && ka.titleNorm == kb.titleNorm) {
		return false
	}
	knownA, knownB := ka.region != "" || ka.place != "", kb.region != "" || kb.place != ""
	if knownA && knownB && !(ka.region != "" && ka.region == kb.region) && !(ka.place != "" && ka.place == kb.place) {
		return false
	}
	if !a.IsZero() && !b.IsZero() {
		d := a.Sub(b)
		if d < 0 {
			d = -d
		}
		if d > MaxApart {
			return false
		}
	}
	return true
}

// isLegalEnding reports words dropped from company names: "Acme Ltd" and "ACME Limited" are one
// advertiser.
func isLegalEnding(w string) bool {
	switch w {
	case "ltd", "limited", "plc", "inc", "llc", "llp":
		return true
	}
	return false
}

// CompanyKey normalises an advertiser's name for comparison: lowercased, punctuation dropped, legal
// endings ("Ltd", "Limited", "plc", "Inc", "LLC", "LLP") removed. "" means unknown.
func CompanyKey(name string) string {
	words := strings.Fields(normWords(name))
	out := words[:0]
	for _, w := range words {
		if !isLegalEnding(w) {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// normWords lowercases s, drops apostrophes, turns other punctuation into spaces and collapses them.
func normWords(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
		default:
			space = true
		}
	}
	return b.String()
}
