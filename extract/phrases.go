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

// phraseIndex finds multi-word aliases in a token stream whatever the number of aliases. It is an
// open-addressing hash table over the hashes of every alias and every leading part of an alias
// ("google", "google cloud" for "Google Cloud Platform"), so that the longest alias at a word is
// found by extending the n-gram one word at a time until no alias goes on: one probe per word read,
// and most words of a text stop at the first probe, or before it at a bit filter of first words.
type phraseIndex struct {
	phrases []phrase
	slots   []phraseSlot // len is a power of two; h 0 marks an empty slot
	shift   uint         // 64 - log2(len(slots))
	used    int
	// shared holds, for a hash that two different n-grams of the aliases share (a 64-bit collision,
	// kept apart so that the index stays exact), every alias under it.
	shared map[uint64][]int32
	// first has the bit hash%firstBits set for the hash of every alias's first word: most words of
	// a text begin no alias, and one bit test in a small array rules them out.
	first []uint64
}

// phraseSlot is one n-gram hash of the index.
type phraseSlot struct {
	h      uint64
	phrase int32 // the alias with exactly these words, or noPhrase, or sharedPhrase
	more   bool  // some longer alias begins with these words
}

const (
	firstBits    = 1 << 17
	noPhrase     = -1
	sharedPhrase = -2 // look in phraseIndex.shared
)

func newPhraseIndex() *phraseIndex {
	x := &phraseIndex{shared: map[uint64][]int32{}, first: make([]uint64, firstBits/64)}
	x.resize(1024)
	return x
}

// slotHash keeps 0 free to mark an empty slot.
func slotHash(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// lookup returns the slot of hash h, or nil.
func (x *phraseIndex) lookup(h uint64) *phraseSlot {
	h = slotHash(h)
	mask := uint64(len(x.slots) - 1)
	for i := (h * 0x9e3779b97f4a7c15) >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.h == h {
			return s
		}
		if s.h == 0 {
			return nil
		}
	}
}

// slot returns the slot of hash h, adding an empty one when there is none.
func (x *phraseIndex) slot(h uint64) *phraseSlot {
	if s := x.lookup(h); s != nil {
		return s
	}
	if 2*(x.used+1) > len(x.slots) {
		x.resize(2 * len(x.slots))
	}
	h = slotHash(h)
	mask := uint64(len(x.slots) - 1)
	i := (h * 0x9e3779b97f4a7c15) >> x.shift
	for x.slots[i].h != 0 {
		i = (i + 1) & mask
	}
	x.used++
	x.slots[i] = phraseSlot{h: h, phrase: noPhrase}
	return &x.slots[i]
}

func (x *phraseIndex) resize(n int) {
	old := x.slots
	x.slots = make([]phraseSlot, n)
	x.shift = 64
	for m := n; m > 1; m >>= 1 {
		x.shift--
	}
	mask := uint64(n - 1)
	for _, s := range old {
		if s.h == 0 {
			continue
		}
		i := (s.h * 0x9e3779b97f4a7c15) >> x.shift
		for x.slots[i].h != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = s
	}
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
	var hs [12]uint64
	var h uint64
	for i, t := range toks {
		p.words = append(p.words, t.lower)
		p.written = append(p.written, text[t.start:t.end])
		if i == 0 {
			h = t.hash
		} else {
			h = combine(h, t.hash)
		}
		hs[i] = h
	}
	for _, qi := range x.phrasesAt(h) {
		q := &x.phrases[qi]
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
	n := int32(len(x.phrases))
	x.phrases = append(x.phrases, p)
	s := x.slot(h)
	switch s.phrase {
	case noPhrase:
		s.phrase = n
	case sharedPhrase:
		x.shared[h] = append(x.shared[h], n)
	default:
		x.shared[h] = []int32{s.phrase, n}
		s.phrase = sharedPhrase
	}
	for k := 0; k < len(toks)-1; k++ {
		x.slot(hs[k]).more = true
	}
	b := toks[0].hash % firstBits
	x.first[b/64] |= 1 << (b % 64)
	return true
}

// phrasesAt returns the indexes of the aliases whose words hash to h.
func (x *phraseIndex) phrasesAt(h uint64) []int32 {
	s := x.lookup(h)
	switch {
	case s == nil || s.phrase == noPhrase:
		return nil
	case s.phrase == sharedPhrase:
		return x.shared[h]
	}
	return []int32{s.phrase}
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
	// Extend the n-gram while some alias goes on, noting every n at which one may end.
	var ends [12]int32 // ends[n-1]: the slot's phrase for the first n words
	var hs [12]uint64
	m := min(12, len(toks)-i)
	n := 0
	h := toks[i].hash
	for n < m {
		if n > 0 {
			if toks[i+n].brk {
				break // no alias runs over a comma, a line break or a sentence's end
			}
			h = combine(h, toks[i+n].hash)
		}
		s := x.lookup(h)
		if s == nil {
			break
		}
		ends[n], hs[n] = s.phrase, h
		n++
		if !s.more {
			break
		}
	}
	for ; n >= 1; n-- {
		switch ends[n-1] {
		case noPhrase:
			continue
		case sharedPhrase:
			for _, q := range x.shared[hs[n-1]] {
				if p := &x.phrases[q]; x.matches(p, toks, i, n) {
					return p
				}
			}
		default:
			if p := &x.phrases[ends[n-1]]; x.matches(p, toks, i, n) {
				return p
			}
		}
	}
	return nil
}

// matches reports whether p is the n words toks[i:i+n], not another n-gram of the same hash.
func (x *phraseIndex) matches(p *phrase, toks []token, i, n int) bool {
	if len(p.words) != n {
		return false
	}
	for k := 0; k < n; k++ {
		if toks[i+k].lower != p.words[k] {
			return false
		}
	}
	return true
}
