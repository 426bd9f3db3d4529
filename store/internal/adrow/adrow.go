// Package adrow turns jobscope ads into the flat rows both stores write, and holds the rules the two
// stores must share: what a valid batch is, how dates are stored, and which terms a canonical ad
// cites. Keeping them here means the SQLite and PostgreSQL stores cannot drift apart.
package adrow

import (
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jobscope"
	"jobscope/extract"
)

// Category names of the terms that are not skills.
const (
	TitleCategory    = "Job Titles"
	LocationCategory = "Locations"
)

// Row is an ad flattened into the columns of the ads and ad_docs tables. Absent text is "";
// absent numbers and dates are nil or zero, with Has* telling which.
type Row struct {
	Key         jobscope.AdKey
	ContentHash int64 // the uint64 hash's bits, as SQL has no unsigned integers
	Company     string
	TitleRaw    string
	TitleNorm   string
	Seniority   string
	EmpType     string
	Hours       string
	IR35        string
	WorkMode    string
	HasSalary   bool
	SalaryMin   float64
	SalaryMax   float64
	Currency    string
	Period      string
	HasAnnual   bool
	Annual      float64
	SalaryText  string
	Country     string
	Nation      string
	Region      string
	County      string
	Place       string
	Remote      bool
	LocationRaw string
	Posted      time.Time // UTC midnight of the posting date; zero when unknown
	Closed      time.Time // UTC midnight of the closing date; zero when unknown
	URL         string
	// Text is the description as plain text: what job search indexes beside the title and company.
	Text string

	Signature  []byte
	Extraction []byte // the extraction as JSON
	Raw        []byte // the record as read

	Skills []jobscope.Skill // each skill once, sanitised
	Bands  []int64          // each band once
	Terms  []TermKey        // what the ad cites, as written to ad_terms; see Terms
}

// Flatten validates an ad's key and turns the ad into a Row. Text is made valid UTF-8 without NUL
// bytes, so that both databases accept it alike.
func Flatten(ad *jobscope.Ad) (Row, error) {
	key := ad.Raw.Key()
	if err := CheckKey(key); err != nil {
		return Row{}, err
	}
	x := &ad.Extraction
	ext, err := json.Marshal(x)
	if err != nil {
		return Row{}, fmt.Errorf("ad %s: encode extraction: %w", key, err)
	}
	r := Row{
		Key:         key,
		ContentHash: int64(ad.ContentHash),
		Company:     Clean(ad.Raw.Company),
		TitleRaw:    Clean(ad.Raw.Title),
		TitleNorm:   Clean(string(x.Title.Normalized)),
		Seniority:   Clean(string(x.Title.Seniority)),
		EmpType:     Clean(string(x.Employment.Type)),
		Hours:       Clean(string(x.Employment.Hours)),
		IR35:        Clean(string(x.Employment.IR35)),
		WorkMode:    Clean(string(x.WorkMode)),
		Country:     Clean(string(x.Location.Country)),
		Nation:      Clean(string(x.Location.Nation)),
		Region:      Clean(string(x.Location.Region)),
		County:      Clean(string(x.Location.County)),
		Place:       Clean(string(x.Location.Place)),
		Remote:      x.Location.Remote,
		LocationRaw: Clean(ad.Raw.Location),
		Posted:      Date(ad.Raw.PostedAt),
		Closed:      Date(ad.Raw.ClosedAt),
		URL:         Clean(ad.Raw.URL),
		Text:        Clean(extract.PlainText(ad.Raw.Description)),
		Signature:   ad.Signature,
		Extraction:  ext,
		Raw:         ad.Raw.Raw,
	}
	if s := x.Salary; s != nil {
		r.HasSalary = true
		r.SalaryMin, r.SalaryMax = s.Min, s.Max
		r.Currency = Clean(s.Currency)
		r.Period = Clean(s.Period)
		r.SalaryText = Clean(s.Text)
		if s.Annual != nil {
			r.HasAnnual = true
			r.Annual = *s.Annual
		}
	}
	seen := make(map[string]bool, len(x.Skills))
	r.Skills = make([]jobscope.Skill, 0, len(x.Skills))
	for _, s := range x.Skills {
		name := Clean(s.Name)
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		r.Skills = append(r.Skills, jobscope.Skill{Name: name, Category: Clean(s.Category)})
	}
	r.Bands = uniqueBands(ad.Bands)
	r.Terms = terms(&r)
	return r, nil
}

func uniqueBands(bands []int64) []int64 {
	out := make([]int64, 0, len(bands))
outer:
	for _, b := range bands {
		for _, o := range out {
			if o == b {
				continue outer
			}
		}
		out = append(out, b)
	}
	return out
}

// CheckKey reports whether a key can be stored: both parts set, valid UTF-8, no NUL byte.
func CheckKey(k jobscope.AdKey) error {
	switch {
	case k.Source == "" || k.ID == "":
		return fmt.Errorf("ad key %q: source and id must both be set", k.String())
	case !Storable(k.Source) || !Storable(k.ID):
		return fmt.Errorf("ad key %q: not valid UTF-8 text", k.String())
	}
	return nil
}

// Storable reports whether s is valid UTF-8 without NUL bytes, which every database accepts as text.
func Storable(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// Clean returns s as valid UTF-8 without NUL bytes.
func Clean(s string) string {
	if Storable(s) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// Date returns the calendar date of t (in t's own location, the date the poster saw) as UTC
// midnight; the zero time stays zero.
func Date(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// FormatDate writes a date as YYYY-MM-DD.
func FormatDate(t time.Time) string { return t.Format(time.DateOnly) }

// ParseDate reads YYYY-MM-DD as UTC midnight; it is on the path of every fact read, so it avoids
// time.Parse for the common form.
func ParseDate(s string) (time.Time, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if t.Day() == d { // not normalised, as 2023-02-29 would be into March
				return t, nil
			}
		}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse date %q: %w", s, err)
	}
	return t, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// KindCounty marks, in ad_terms, a county that is none of the ad's other location values: Facts
// finds ads by it, but it is not a term that Terms lists.
const KindCounty jobscope.TermKind = "county"

// TermKey is one row of ad_terms for an ad, and the key of term_counts.
type TermKey struct {
	Kind     jobscope.TermKind
	Name     string
	Category string
}

// terms lists what an ad cites: each skill; its normalised title; each distinct value among its
// country, nation, region and place; and its county when that is none of those.
func terms(r *Row) []TermKey {
	out := make([]TermKey, 0, len(r.Skills)+6)
	for _, s := range r.Skills {
		out = append(out, TermKey{Kind: jobscope.KindSkill, Name: s.Name, Category: s.Category})
	}
	if r.TitleNorm != "" {
		out = append(out, TermKey{Kind: jobscope.KindTitle, Name: r.TitleNorm, Category: TitleCategory})
	}
	locs := [...]string{r.Country, r.Nation, r.Region, r.Place, r.County}
	for i, l := range locs {
		if l == "" || slices.Contains(locs[:i], l) {
			continue
		}
		if i == len(locs)-1 {
			out = append(out, TermKey{Kind: KindCounty, Name: l})
		} else {
			out = append(out, TermKey{Kind: jobscope.KindLocation, Name: l, Category: LocationCategory})
		}
	}
	return out
}

// EncodeInts writes integers as the JSON arrays kept in ad_docs (the ids of an ad's terms, its band
// keys).
func EncodeInts(xs []int64) []byte {
	b := make([]byte, 0, 21*len(xs)+2)
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, x, 10)
	}
	return append(b, ']')
}

// DecodeInts reads what EncodeInts wrote.
func DecodeInts(b []byte) ([]int64, error) {
	var xs []int64
	if err := json.Unmarshal(b, &xs); err != nil {
		return nil, fmt.Errorf("decode stored ids: %w", err)
	}
	return xs, nil
}

// TermSet returns the distinct terms the batch's ads cite, in a fixed order.
func (p *Prepared) TermSet() []TermKey {
	seen := make(map[TermKey]bool)
	var out []TermKey
	for i := range p.Rows {
		for _, t := range p.Rows[i].Terms {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Category < b.Category
	})
	return out
}

// Prepared is a batch checked and flattened, ready to write.
type Prepared struct {
	Rows    []Row
	DupOf   []*jobscope.AdKey // DupOf[i] is the first copy of Rows[i], nil for a canonical ad
	Index   map[jobscope.AdKey]int
	Rejects []jobscope.Reject // cleaned; one per place and digest, the last one given winning
	Digests []string          // RejectDigest of each of Rejects
	// Read are the places of the batch's ads read from named files (not standard input), whose
	// rejects Apply removes.
	Read []jobscope.Place
	// Async is the batch's Batch.Async: its commit need not wait for the disk.
	Async bool
	// Repoint names, for each stored first copy that becomes a copy, the ad of the batch that is
	// now its first copy (see jobscope.Batch.Copies).
	Repoint map[jobscope.AdKey]jobscope.AdKey
}

// RejectDigest identifies a reject's text, so that two different records set aside at one place (two
// streams read from standard input) are kept apart and the same one set aside again is one entry.
func RejectDigest(text string) string {
	h := fnv.New64a()
	h.Write([]byte(text))
	return fmt.Sprintf("%016x", h.Sum64())
}

// ErrInvalidBatch marks a batch that breaks the contract of jobscope.Store.Apply.
var ErrInvalidBatch = errors.New("invalid batch")

// Prepare checks a batch (keys set and unique, no ad a copy of itself) and flattens it.
func Prepare(b *jobscope.Batch) (*Prepared, error) {
	p := &Prepared{
		Async: b.Async,
		Rows:  make([]Row, len(b.Ads)),
		DupOf: make([]*jobscope.AdKey, len(b.Ads)),
		Index: make(map[jobscope.AdKey]int, len(b.Ads)),
	}
	for i := range b.Ads {
		ad := &b.Ads[i]
		r, err := Flatten(ad)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalidBatch, err)
		}
		if _, dup := p.Index[r.Key]; dup {
			return nil, fmt.Errorf("%w: ad %s appears twice", ErrInvalidBatch, r.Key)
		}
		if d := ad.DupOf; d != nil {
			if *d == r.Key {
				return nil, fmt.Errorf("%w: ad %s is marked a copy of itself", ErrInvalidBatch, r.Key)
			}
			if err := CheckKey(*d); err != nil {
				return nil, fmt.Errorf("%w: dup_of of ad %s: %w", ErrInvalidBatch, r.Key, err)
			}
			k := *d
			p.DupOf[i] = &k
		}
		p.Index[r.Key] = i
		p.Rows[i] = r
	}
	type rejectKey struct {
		place  jobscope.Place
		digest string
	}
	at := make(map[rejectKey]int, len(b.Rejects))
	for _, rj := range b.Rejects {
		rj.File, rj.Reason, rj.Record = Clean(rj.File), Clean(rj.Reason), Clean(rj.Record)
		rj.At = rj.At.UTC()
		d := RejectDigest(rj.Record)
		k := rejectKey{jobscope.Place{File: rj.File, Line: rj.Line, Pos: rj.Pos}, d}
		if i, ok := at[k]; ok {
			p.Rejects[i] = rj
			continue
		}
		at[k] = len(p.Rejects)
		p.Rejects = append(p.Rejects, rj)
		p.Digests = append(p.Digests, d)
	}
	for _, pl := range b.Read {
		if pl.File != "-" && Storable(pl.File) {
			p.Read = append(p.Read, pl)
		}
	}
	return p, nil
}

// ReadOld returns the stored state of LookupKeys, read by read inside Apply's transaction once the
// store's write lock is held, after running b.Copies when it is set (see jobscope.Batch.Copies):
// candidates returns the stored ads sharing a band with the given ones, read in the same
// transaction, with the signatures of those need passes (all when need is nil). An ad already
// stored keeps the status stored with it; Copies decides the others'.
func (p *Prepared) ReadOld(b *jobscope.Batch, read func() (map[jobscope.AdKey]Old, error),
	candidates func(bands []int64, need func(jobscope.DupCandidate) bool) ([]jobscope.DupCandidate, error)) (map[jobscope.AdKey]Old, error) {
	old, err := read()
	if err != nil || b.Copies == nil {
		return old, err
	}
	changed, err := p.copies(b, old, candidates)
	if err != nil || !changed && len(p.Repoint) == 0 {
		return old, err
	}
	return read() // the stored state of the first copies now named, and of those repointed
}

// copies runs b.Copies, and reports whether any ad's first copy changed.
func (p *Prepared) copies(b *jobscope.Batch, old map[jobscope.AdKey]Old,
	candidates func(bands []int64, need func(jobscope.DupCandidate) bool) ([]jobscope.DupCandidate, error)) (bool, error) {
	fresh := make([]bool, len(p.Rows))
	var bands []int64
	for i := range p.Rows {
		if o, ok := old[p.Rows[i].Key]; ok {
			b.Ads[i].DupOf = o.DupOf
			continue
		}
		fresh[i] = true
		bands = append(bands, p.Rows[i].Bands...)
	}
	var stored []jobscope.DupCandidate
	if len(bands) > 0 {
		var err error
		if stored, err = candidates(bands, b.MayCopy); err != nil {
			return false, fmt.Errorf("copies: %w", err)
		}
	}
	repoint, err := b.Copies(fresh, stored)
	if err != nil {
		return false, fmt.Errorf("copies: %w", err)
	}
	for from, to := range repoint {
		i, ok := p.Index[to]
		if j, inBatch := p.Index[from]; inBatch && fresh[j] || !ok || b.Ads[i].DupOf != nil {
			return false, fmt.Errorf("%w: stored ad %s is repointed to %s, which is not a first copy of the batch",
				ErrInvalidBatch, from, to)
		}
	}
	p.Repoint = repoint
	changed := false
	for i := range p.Rows {
		var k *jobscope.AdKey
		if d := b.Ads[i].DupOf; d != nil {
			if *d == p.Rows[i].Key {
				return false, fmt.Errorf("%w: ad %s is marked a copy of itself", ErrInvalidBatch, *d)
			}
			if err := CheckKey(*d); err != nil {
				return false, fmt.Errorf("%w: dup_of of ad %s: %w", ErrInvalidBatch, p.Rows[i].Key, err)
			}
			k = new(*d)
		}
		if (k == nil) != (p.DupOf[i] == nil) || k != nil && *k != *p.DupOf[i] {
			changed = true
		}
		p.DupOf[i] = k
	}
	return changed, nil
}

// LookupKeys returns the keys whose stored state Apply needs: the batch's own, those its ads are
// copies of, and those repointed to one of its ads.
func (p *Prepared) LookupKeys() []jobscope.AdKey {
	keys := make([]jobscope.AdKey, 0, len(p.Rows))
	seen := make(map[jobscope.AdKey]bool)
	for i := range p.Rows {
		keys = append(keys, p.Rows[i].Key)
	}
	for k := range p.Repoint {
		seen[k] = true
		keys = append(keys, k)
	}
	for _, d := range p.DupOf {
		if d != nil && !seen[*d] {
			if _, inBatch := p.Index[*d]; !inBatch {
				seen[*d] = true
				keys = append(keys, *d)
			}
		}
	}
	return keys
}

// NeedsTerms reports whether Apply needs the stored term ids of key: it is one of the batch's or
// one repointed to it, whose counts change.
func (p *Prepared) NeedsTerms(k jobscope.AdKey) bool {
	if _, ok := p.Index[k]; ok {
		return true
	}
	_, ok := p.Repoint[k]
	return ok
}

// Old is the stored state of a key, as Apply reads it before writing.
type Old struct {
	ID        int64
	Canonical bool
	TermIDs   []int64 // filled in for the keys of NeedsTerms only
	Bands     []int64 // filled in for the batch's own keys only
	// DupOf is the key of its first copy when it is a copy (Canonical false).
	DupOf *jobscope.AdKey
}

// Plan is what Apply decides from the batch and the stored state before it writes.
type Plan struct {
	// TermIDs[i] holds the ids of the terms Rows[i] cites, in the order of Rows[i].Terms.
	TermIDs [][]int64
	// Deltas holds the changes to the terms' counts of canonical ads, by term id.
	Deltas map[int64]int
	// Replaced holds the stored state of the batch's ads that are already stored: their rows in
	// ad_terms and ad_bands must go.
	Replaced []Old
	// ID[i] is the row id of Rows[i]: its stored id, or 0 for a new ad.
	ID []int64
	// DupID[i] is the stored row id of Rows[i]'s first copy when that copy was stored before the
	// batch and is not itself in the batch; 0 otherwise.
	DupID []int64
	// DupIn[i] is the index in Rows of Rows[i]'s first copy when that copy is in the batch; -1
	// otherwise.
	DupIn []int
	// Repoint lists the stored ads that, with every stored copy of them, become copies of an ad
	// of the batch, in key order.
	Repoint []Repointed
	// Written counts the rows inserted (copies among them) and replaced.
	Written jobscope.Written
}

// Repointed is a stored first copy that becomes a copy of Rows[To].
type Repointed struct {
	ID int64
	To int
}

// Plan resolves copies to their first copy and works out the term count changes. old holds the
// stored state of LookupKeys; termIDs the ids of every term in TermSet.
func (p *Prepared) Plan(old map[jobscope.AdKey]Old, termIDs map[TermKey]int64) (*Plan, error) {
	pl := &Plan{
		TermIDs: make([][]int64, len(p.Rows)),
		Deltas:  make(map[int64]int),
		ID:      make([]int64, len(p.Rows)),
		DupID:   make([]int64, len(p.Rows)),
		DupIn:   make([]int, len(p.Rows)),
	}
	for i := range p.Rows {
		r := &p.Rows[i]
		pl.DupIn[i] = -1
		ids := make([]int64, len(r.Terms))
		for j, t := range r.Terms {
			id, ok := termIDs[t]
			if !ok {
				return nil, fmt.Errorf("ad %s: term %s %q has no id", r.Key, t.Kind, t.Name)
			}
			ids[j] = id
		}
		pl.TermIDs[i] = ids
		o, stored := old[r.Key]
		switch {
		case stored:
			pl.Written.Replaced++
		case p.DupOf[i] != nil:
			pl.Written.Inserted++
			pl.Written.InsertedCopies++
		default:
			pl.Written.Inserted++
		}
		if stored {
			pl.ID[i] = o.ID
			pl.Replaced = append(pl.Replaced, o)
			if o.Canonical {
				for _, id := range o.TermIDs {
					pl.Deltas[id]--
				}
			}
		}
		d := p.DupOf[i]
		if d == nil {
			for _, id := range ids {
				pl.Deltas[id]++
			}
			continue
		}
		if j, ok := p.Index[*d]; ok {
			pl.DupIn[i] = j
			continue
		}
		o, ok := old[*d]
		if !ok {
			return nil, fmt.Errorf("%w: ad %s is a copy of %s, which is neither stored nor in the batch",
				ErrInvalidBatch, r.Key, d)
		}
		pl.DupID[i] = o.ID
	}
	froms := slices.SortedFunc(maps.Keys(p.Repoint), compareKeys)
	for _, from := range froms {
		o, ok := old[from]
		if !ok {
			return nil, fmt.Errorf("%w: stored ad %s, repointed, is not stored", ErrInvalidBatch, from)
		}
		if o.Canonical {
			// An ad of the batch becomes a copy with its row, and its counts change with it.
			if _, inBatch := p.Index[from]; !inBatch {
				for _, id := range o.TermIDs {
					pl.Deltas[id]--
				}
			}
			pl.Written.Demoted++
		}
		pl.Repoint = append(pl.Repoint, Repointed{ID: o.ID, To: p.Index[p.Repoint[from]]})
	}
	return pl, nil
}

// compareKeys orders keys by source, then id.
func compareKeys(a, b jobscope.AdKey) int {
	if c := strings.Compare(a.Source, b.Source); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// SortedDeltas returns the non-zero count changes by term id, in id order, so that concurrent
// writers would touch counter rows in the same order.
func (pl *Plan) SortedDeltas() (ids []int64, ns []int64) {
	for id, n := range pl.Deltas {
		if n != 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	ns = make([]int64, len(ids))
	for i, id := range ids {
		ns[i] = int64(pl.Deltas[id])
	}
	return ids, ns
}

// SignaturesWanted returns, of the candidates cs (stored under the row ids ids), the ids of those
// whose signatures need asks for (every one when need is nil), in order, and each one's place in
// cs: what a store's candidates query reads after the ads' columns (see jobscope.Batch.MayCopy).
func SignaturesWanted(cs []jobscope.DupCandidate, ids []int64, need func(jobscope.DupCandidate) bool) (want []int64, at map[int64]int) {
	at = make(map[int64]int)
	for i := range cs {
		if need == nil || need(cs[i]) {
			at[ids[i]] = i
			want = append(want, ids[i])
		}
	}
	slices.Sort(want)
	return want, at
}
