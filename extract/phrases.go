package extract

// phrase is one alias in a phraseIndex: its words lowercased and as written, and what it stands for.
type phrase struct {
	words   []string // lowercased
	written []string // as written in the taxonomy, for case-guarded aliases
	// alts are further ways of writing a case-guarded alias of the same id ("iOS!|IOS!").
	alts  [][]string
	id    int32
	guard uint8
}

// phraseIndex finds multi-word aliases in a token stream with one hash lookup per candidate n-gram,
// whatever the number of aliases.
type phraseIndex struct {
	maxLen  map[uint64]uint8 // first word's hash -> longest alias starting with it
	phrases map[uint64][]phrase
	// first has the bit hash%len(first)*64 set for the hash of every alias's first word: most words of
	// a text begin no alias, and one bit test rules them out before any map lookup.
	first []uint64
}

const firstBits = 1 << 20

func newPhraseIndex() *phraseIndex {
	return &phraseIndex{maxLen: map[uint64]uint8{}, phrases: map[uint64][]phrase{}, first: make([]uint64, firstBits/64)}
}

// add indexes text as an alias; it reports false when text has no words or is already indexed (the
// first entry wins, but another writing of the same alias for the same id is kept: an unguarded one
// lifts a guard, a case-guarded one is another case it may be written in).
func (x *phraseIndex) add(text string, id int32, guard uint8) bool {
	toks := tokenizeString(text)
	if len(toks) == 0 || len(toks) > 12 {
		return false
	}
	p := phrase{id: id, guard: guard}
	var h uint64
	for i, t := range toks {
		p.words = append(p.words, t.lower)
		p.written = append(p.written, text[t.start:t.end])
		if i == 0 {
			h = t.hash
		} else {
			h = combine(h, t.hash)
		}
	}
	for qi := range x.phrases[h] {
		q := &x.phrases[h][qi]
		if !equalWords(q.words, p.words) {
			continue
		}
		// The same words for the same id: "Git!" and "GIT" are two ways of writing one alias.
		if q.id == id && q.guard > guard {
			q.guard = guard
		} else if q.id == id && guard == q.guard && !equalWords(q.written, p.written) {
			q.alts = append(q.alts, p.written)
		}
		return false
	}
	x.phrases[h] = append(x.phrases[h], p)
	if n := uint8(len(toks)); n > x.maxLen[toks[0].hash] {
		x.maxLen[toks[0].hash] = n
	}
	b := toks[0].hash % firstBits
	x.first[b/64] |= 1 << (b % 64)
	return true
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// longest returns the longest alias starting at toks[i], or nil.
func (x *phraseIndex) longest(toks []token, i int) *phrase {
	if b := toks[i].hash % firstBits; x.first[b/64]&(1<<(b%64)) == 0 {
		return nil
	}
	m := int(x.maxLen[toks[i].hash])
	if m == 0 {
		return nil
	}
	if i+m > len(toks) {
		m = len(toks) - i
	}
	var hs [12]uint64
	h := toks[i].hash
	hs[0] = h
	for k := 1; k < m; k++ {
		h = combine(h, toks[i+k].hash)
		hs[k] = h
	}
	for n := m; n >= 1; n-- {
		for j := range x.phrases[hs[n-1]] {
			p := &x.phrases[hs[n-1]][j]
			if len(p.words) != n {
				continue
			}
			ok := true
			for k := 0; k < n; k++ {
				if toks[i+k].lower != p.words[k] {
					ok = false
					break
				}
			}
			if ok {
				return p
			}
		}
	}
	return nil
}
