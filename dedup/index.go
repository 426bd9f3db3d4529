package dedup

import (
	"slices"
	"time"

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

// Prefilter tells whether a doc could be the same ad as one of a set by everything Same compares
// but the texts: the advertiser, the title, the place and the posting dates. Most stored ads that
// share an LSH band with an ad being ingested fail it (another advertiser's ad of the same
// template), so their signatures, the costliest part of them to read from a store, need not be
// read at all. The zero value passes nothing.
type Prefilter struct {
	byCompany map[string][]prefiltered
}

type prefiltered struct {
	keys   docKeys
	posted time.Time
}

// NewPrefilter makes the prefilter of docs, whose signatures it ignores.
func NewPrefilter(docs []Doc) *Prefilter {
	p := &Prefilter{byCompany: make(map[string][]prefiltered)}
	for _, d := range docs {
		k := keysOf(d)
		if k.company == "" {
			continue // an unknown advertiser matches nothing
		}
		p.byCompany[k.company] = append(p.byCompany[k.company], prefiltered{keys: k, posted: d.Posted})
	}
	return p
}

// May reports whether d could be the same ad as one of the prefilter's docs: whether Same would
// compare their texts. d's signature is not read.
func (p *Prefilter) May(d Doc) bool {
	k := keysOf(d)
	for _, o := range p.byCompany[k.company] {
		if sameButText(k, o.keys, d.Posted, o.posted) {
			return true
		}
	}
	return false
}
