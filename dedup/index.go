package dedup

import (
	"slices"

	"jobscope"
)

// Index holds the docs of the batch being ingested by LSH band, so that an ad whose first copy is in
// the same batch (not yet stored) is found without comparing every pair. The zero value is empty and
// ready to use; it is not safe for concurrent use.
type Index struct {
	bands map[int64][]int32 // band key → positions in docs
	docs  []indexed
	seen  []int32 // scratch for Find
}

type indexed struct {
	key  jobscope.AdKey
	doc  Doc
	keys docKeys
}

// Add indexes doc under key.
func (x *Index) Add(key jobscope.AdKey, doc Doc) {
	if x.bands == nil {
		x.bands = make(map[int64][]int32)
	}
	pos := int32(len(x.docs))
	x.docs = append(x.docs, indexed{key: key, doc: doc, keys: keysOf(doc)})
	for _, b := range doc.Sig.Bands() {
		x.bands[b] = append(x.bands[b], pos)
	}
}

// Find returns the key of the earliest added doc that is the same ad as doc (see Same).
func (x *Index) Find(doc Doc) (jobscope.AdKey, bool) {
	x.seen = x.seen[:0]
	for _, b := range doc.Sig.Bands() {
		x.seen = append(x.seen, x.bands[b]...)
	}
	if len(x.seen) == 0 {
		return jobscope.AdKey{}, false
	}
	slices.Sort(x.seen)
	k := keysOf(doc)
	for i, pos := range x.seen {
		if i > 0 && x.seen[i-1] == pos {
			continue
		}
		c := &x.docs[pos]
		if sameKeys(k, c.keys, doc, c.doc) {
			return c.key, true
		}
	}
	return jobscope.AdKey{}, false
}

// Len reports how many docs are indexed.
func (x *Index) Len() int { return len(x.docs) }

// Reset empties the index for the next batch, keeping its memory.
func (x *Index) Reset() {
	clear(x.bands)
	x.docs = x.docs[:0]
}
