// Package jobscope holds the domain types of jobscope — raw ads as read, what extraction finds in them,
// ads as stored — and the interfaces the rest of the program depends on. It imports only the standard
// library, so every other package can depend on it without pulling in a database or a parser.
package jobscope

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// AdKey identifies an ad: its source and the identifier the source gave it. Ingesting the same key
// again updates the ad rather than adding a second copy.
type AdKey struct {
	Source string
	ID     string
}

func (k AdKey) String() string { return k.Source + "/" + k.ID }

// RawAd is an ad as a source gave it, in the fields of docs/input.md. Text fields are as written; empty
// means absent.
type RawAd struct {
	Source         string
	ID             string
	Title          string
	Description    string // plain text or HTML, as given
	Company        string
	Location       string
	Salary         string
	EmploymentType string
	PostedAt       time.Time // zero when the record gave none
	ClosedAt       time.Time // zero when unknown
	URL            string
	// DateNote says why a posting or closing date the record gave was not read (unreadable, or
	// outside the plausible window), so that its date is unknown; "" when every date given was read.
	DateNote string

	// Remote is set when the source says so structurally (schema.org jobLocationType TELECOMMUTE).
	Remote bool
	// BaseSalary holds a structured schema.org baseSalary; when present it wins over any salary text.
	BaseSalary *StructuredSalary
	// Raw is the record as read (the whole JSON object, or a CSV row turned into one), kept so that
	// unknown fields are not lost.
	Raw json.RawMessage
}

// Key returns the ad's key.
func (a *RawAd) Key() AdKey { return AdKey{Source: a.Source, ID: a.ID} }

// StructuredSalary is a schema.org MonetaryAmount as given: figures, currency and unit, already
// numbers. Min and Max are equal when one value is given.
type StructuredSalary struct {
	Min, Max float64
	Currency string // ISO 4217, "" when not given
	Unit     string // schema.org unitText: HOUR, DAY, WEEK, MONTH, YEAR ("" when not given)
	Text     string // the human-readable text, when the record carried one
}

// NullString is a string that is written to JSON as null when empty, so that extraction output says
// "not known" rather than "".
type NullString string

// MarshalJSON writes null for the empty string.
func (s NullString) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// UnmarshalJSON reads null as the empty string.
func (s *NullString) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*s = ""
		return nil
	}
	var v string
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*s = NullString(v)
	return nil
}

// Extraction is what jobscope finds in one ad, as defined in docs/extraction.md. Its JSON form is the
// output of `jobscope extract`.
type Extraction struct {
	ID         string     `json:"id"`
	Source     string     `json:"source"`
	Title      Title      `json:"title"`
	Employment Employment `json:"employment"`
	WorkMode   NullString `json:"work_mode"` // remote, hybrid, onsite
	Salary     *Salary    `json:"salary"`    // nil when the ad quotes no figure
	Location   Location   `json:"location"`
	Skills     []Skill    `json:"skills"`
}

// Title is the canonical job title and the seniority found in an ad.
type Title struct {
	Normalized NullString `json:"normalized"`
	Seniority  NullString `json:"seniority"` // intern, graduate, junior, mid, senior, lead, principal, head
}

// Employment is the kind of engagement an ad offers.
type Employment struct {
	Type  NullString `json:"type"`  // permanent, contract, temporary, internship
	Hours NullString `json:"hours"` // full_time, part_time
	IR35  NullString `json:"ir35"`  // inside, outside (UK contracts only)
	// Basis says what decided Type: the board's own field, the title, the text, an IR35 statement, or
	// the pay: the salary text's words ("day rate") or its period alone (an annual salary says
	// permanent, a day rate contract). Null with Type.
	Basis NullString `json:"basis"`
}

// What decided an ad's employment type (Employment.Basis).
const (
	BasisField = "field"
	BasisTitle = "title"
	BasisText  = "text"
	BasisIR35  = "ir35"
	BasisPay   = "pay"
)

// Salary periods, as quoted.
const (
	PeriodYear  = "year"
	PeriodMonth = "month"
	PeriodWeek  = "week"
	PeriodDay   = "day"
	PeriodHour  = "hour"
)

// Employment types.
const (
	Permanent  = "permanent"
	Contract   = "contract"
	Temporary  = "temporary"
	Internship = "internship"
)

// Salary is the pay an ad quotes, in its own period and currency.
type Salary struct {
	Min      float64  `json:"min"`
	Max      float64  `json:"max"`
	Currency string   `json:"currency"` // ISO 4217
	Period   string   `json:"period"`   // year, month, week, day, hour
	Annual   *float64 `json:"annual"`   // midpoint as an annual figure for year/month/week; nil for day/hour
	Text     string   `json:"text"`     // the span of text the figure came from
}

// Mid returns the midpoint of the quoted range.
func (s *Salary) Mid() float64 { return (s.Min + s.Max) / 2 }

// Location is where an ad's job is, on the ONS region ladder for GB and by state for the US.
type Location struct {
	Country NullString `json:"country"` // ISO 3166-1 alpha-2
	Nation  NullString `json:"nation"`  // GB only: England, Scotland, Wales, Northern Ireland
	Region  NullString `json:"region"`  // GB: ONS region; US: state's full name
	County  NullString `json:"county"`
	Place   NullString `json:"place"`
	Remote  bool       `json:"remote"`
}

// Skill is a skill from the taxonomy, with its category.
type Skill struct {
	Name     string `json:"name"`
	Category string `json:"category"`
}

// Ad is an ad as stored: what was read, what was extracted, and whether it is a copy of another ad.
type Ad struct {
	Raw        RawAd
	Extraction Extraction
	// ContentHash identifies the content read; an ad re-ingested with the same hash is unchanged.
	ContentHash uint64
	// Signature is the ad's near-duplicate signature (opaque to the store) and Bands its LSH band
	// keys, which the store indexes so that candidates are found without comparing every pair.
	Signature []byte
	Bands     []int64
	// DupOf is the key of the first copy when this ad is the same ad posted elsewhere; nil otherwise.
	DupOf *AdKey
}

// Reject is a record that could not be read as an ad, set aside with its reason.
type Reject struct {
	File string // the file it came from ("-" for standard input)
	Line int    // 1-based line (JSON Lines), row's first line (CSV), or record number
	// Pos numbers, from 0, the records one line holds (the elements of a JSON array on one line), so
	// that each has an entry of its own.
	Pos    int
	Reason string    // why it was set aside, for a person to read
	Record string    // the text of the record, possibly truncated
	At     time.Time // when it was set aside
}

// Batch is one unit of ingest work, written in one transaction so that a crash leaves either all of it
// or none of it.
type Batch struct {
	Ads     []Ad
	Rejects []Reject
	// Read lists where in their files the batch's ads were read (file, line, position): a reject
	// stored for one of those places is of a record since fixed, and Apply removes it. Places in
	// standard input ("-") are never cleared, since two streams share them.
	Read []Place
	// Async lets the commit return before it reaches the disk, sparing the batch a flush: a crash
	// of the machine may then lose it, but never part of it. Set it only where a rerun restores what
	// is lost, and never for a write whose client is told it was stored. ingest sets it on every
	// batch of a file but the last, whose durable commit makes the earlier ones durable too. The
	// zero value is a durable commit.
	Async bool
	// Copies, when set, decides which of Ads are copies of another ad inside Apply's transaction,
	// while Apply holds the store's write lock, so that writers racing with two copies of one ad
	// (two workers, two processes) store exactly one of them as the first copy. Apply calls it
	// once, with fresh[i] telling whether Ads[i] is not yet stored, and the stored ads sharing a
	// band with the fresh ones, as every writer before it committed them; it sets the DupOf of the
	// fresh ads. An ad already stored keeps the status stored with it (its DupOf is set to it),
	// unless Copies finds a fresh ad that was posted before its first copy: the returned map then
	// names, for each stored first copy that becomes a copy, the fresh ad of the batch that is now
	// the first copy, and Apply links it and every stored copy of it to that ad. This
	// way the first copy of an ad is the one posted first whatever order the copies were written
	// in, and the figures of a store do not depend on which worker wrote first.
	// Unset, Apply takes each ad's DupOf as given.
	Copies func(fresh []bool, stored []DupCandidate) (map[AdKey]AdKey, error)
	// MayCopy, when set with Copies, reports whether a stored ad sharing a band with the batch
	// could be a copy of one of its ads by everything but its text (see dedup.Prefilter): Apply
	// reads the signatures of only those, and passes the others to Copies without one (Signature
	// nil). Unset, every candidate's signature is read.
	MayCopy func(c DupCandidate) bool
	// Written is set by a successful Apply: what it did, as decided inside its transaction, so that
	// a caller whose lookups another writer overtook still reports what was committed.
	Written Written
}

// Written counts what one Apply stored: ads inserted (of them, copies of another ad), ads that
// replaced a stored one of the same key, and stored first copies (in the batch or not) that became
// copies of an ad of the batch posted before them.
type Written struct {
	Inserted, InsertedCopies, Replaced, Demoted int
}

// Place is where a record was read: its file, line and position in the line (Reject.Pos).
type Place struct {
	File      string
	Line, Pos int
}

// Existing is what the store knows of an ad's key before a batch is written.
type Existing struct {
	ContentHash uint64
	DupOf       *AdKey
}

// DupCandidate is a stored ad that shares an LSH band with an ad being ingested: the fields needed to
// decide whether the two are the same ad.
type DupCandidate struct {
	Key   AdKey
	DupOf *AdKey // when the candidate is itself a copy, the first copy
	// FirstPosted is when the candidate's first copy was posted: DupOf's posting date, or
	// PostedAt when the candidate is a first copy. Zero when undated.
	FirstPosted time.Time
	Company     string
	Title       string // the title as written
	TitleNorm   string
	Region      string // extraction's region (ONS region or US state)
	Place       string // extraction's town
	PostedAt    time.Time
	Signature   []byte // nil when Apply did not read it (see Batch.MayCopy)
}

// Info summarises what a store holds.
type Info struct {
	Ads         int       `json:"ads"`        // every stored ad, copies included
	Duplicates  int       `json:"duplicates"` // stored ads that are copies of another
	SetAside    int       `json:"set_aside"`
	FirstPosted time.Time `json:"-"`
	LastPosted  time.Time `json:"-"`
	// Coverage counts, over the ads counted once (copies aside), those that some figures must leave
	// out: without a posting date (out of every period figure), without a permanent or contract
	// market (in "all jobs" figures only), without a location, without a salary figure, and with one
	// outside the plausible bounds of its market.
	Canonical   int `json:"canonical"`
	Undated     int `json:"undated"`
	NoMarket    int `json:"no_market"`
	NoLocation  int `json:"no_location"`
	NoSalary    int `json:"no_salary"`
	Implausible int `json:"implausible_salary"`
}

// StoreState says which state of its ads a store is in, so that a copy of them (the statistics
// engine's snapshot) can tell what it reflects and catch up.
type StoreState struct {
	Instance  string // drawn when the store was created: two stores never share it
	ChangeSeq int64  // the number of the last Apply that wrote ads; 0 before any
	Canonical int    // canonical ads held
}

// TermKind says what a term is.
type TermKind string

// Kinds of term.
const (
	KindSkill    TermKind = "skill"
	KindTitle    TermKind = "title"
	KindLocation TermKind = "location"
)

// Term is a skill, a normalised job title or a location that ads cite.
type Term struct {
	Name     string   `json:"term"`
	Kind     TermKind `json:"kind"`
	Category string   `json:"category"`
	Ads      int      `json:"ads"` // canonical ads citing it, all markets and periods
}

// AdRecord is what the statistics engine (package stats) holds of a canonical ad: dates, market, pay,
// location, title and skills. Seq is the store's number for the ad, kept when the ad is replaced, so
// that an engine fed again with a changed ad replaces the one it holds.
type AdRecord struct {
	Seq      int64
	Posted   time.Time // posting date (UTC midnight); zero when unknown
	Closed   time.Time // closing date; zero when unknown
	Type     string    // employment type, "" when unknown
	Period   string    // salary period, "" when no salary
	Currency string
	Min, Max float64
	Country  string
	Nation   string
	Region   string
	County   string
	Place    string
	Remote   bool
	Title    string  // normalised title, "" when none
	Skills   []Skill // each skill once, in the order extraction found them
	// What a market question may be cut by, "" when unknown: the title's level (Title.Seniority),
	// the work mode (remote, hybrid, onsite) and, for contracts, IR35 (inside, outside).
	Seniority, WorkMode, IR35 string
	// Company is the advertiser as the ad names it, "" when it does not.
	Company string
}

// Store is the system of record: ads, their extraction, duplicates and rejects. Implementations are
// safe for concurrent use; writes go through one writer.
type Store interface {
	// Lookup reports, for each key already stored, what the store knows of it. Keys not stored are
	// absent from the map.
	Lookup(ctx context.Context, keys []AdKey) (map[AdKey]Existing, error)
	// Candidates returns the stored ads that share at least one of the given band keys.
	Candidates(ctx context.Context, bands []int64) ([]DupCandidate, error)
	// Apply writes a batch in one transaction: ads are inserted or, when their key exists, replaced;
	// rejects are inserted or replaced by (File, Line). Either all of the batch is stored or none.
	Apply(ctx context.Context, b *Batch) error
	// Info summarises what the store holds.
	Info(ctx context.Context) (Info, error)
	// Rejects lists set-aside records, oldest first; limit <= 0 means all.
	Rejects(ctx context.Context, limit int) ([]Reject, error)
	// Changes calls fn for every ad written by an Apply numbered after since (every ad when since is
	// negative), by posting date then Seq: a canonical ad with its record and canonical true, a copy
	// with only Seq set and canonical false. It stops at fn's first error, which it returns as is,
	// and returns the store's state as of the ads it read: all of it is one consistent reading.
	Changes(ctx context.Context, since int64, fn func(r *AdRecord, canonical bool) error) (StoreState, error)
	// Close releases the store.
	Close() error
}

// APIKey is a key the server accepts for writes. The token a client sends holds the key's ID and
// a secret; only the secret's SHA-256 is stored, so a store read by someone else gives no key away.
type APIKey struct {
	ID      string    // public, part of the token
	Name    string    // whose key it is, as its maker wrote
	Hash    []byte    // SHA-256 of the secret
	Created time.Time // UTC
	Revoked time.Time // zero while the key is valid
}

// ErrNoKey is a KeyStore's answer for a key id it does not hold.
var ErrNoKey = errors.New("no such key")

// KeyStore is a store that keeps API keys, so that every server over one store accepts the same.
type KeyStore interface {
	// AddKey stores a new key; an ID already held is an error.
	AddKey(ctx context.Context, k APIKey) error
	// Keys lists every key, revoked ones too, oldest first.
	Keys(ctx context.Context) ([]APIKey, error)
	// Key returns the key of id, or ErrNoKey.
	Key(ctx context.Context, id string) (APIKey, error)
	// RevokeKey marks the key of id revoked at at (ErrNoKey when it holds none); a key revoked
	// already keeps its first revocation.
	RevokeKey(ctx context.Context, id string, at time.Time) error
}

// ErrNoAd is a Searcher's answer for an ad key it does not hold.
var ErrNoAd = errors.New("no such ad")

// Searcher is a store that finds ads by the words of their text and by what was extracted from
// them, and returns one ad as stored: job search and each ad's page.
type Searcher interface {
	// Search returns the canonical ads matching q, newest first, and how many match.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
	// Ad returns the ad of key as stored, or ErrNoAd.
	Ad(ctx context.Context, key AdKey) (StoredAd, error)
}

// SearchQuery is a job search: every condition set must hold. Names are as the store holds them
// (resolved by the market service); zero values set no condition.
type SearchQuery struct {
	// Words must all appear in the ad's title, company or text, in any case; each Phrase as
	// written, word after word; no Exclude word may appear.
	Words, Phrases, Exclude []string
	// Terms are terms the ad must cite: a skill, a normalised title, a location (TermKind and
	// name; a county is KindLocation too).
	Terms []Term
	// Type is an employment type (permanent, contract, ...); WorkMode remote, hybrid or onsite;
	// Seniority a title level.
	Type, WorkMode, Seniority string
	// Pay bounds the quoted pay's midpoint in Period terms: "year" reads the annual figure of a
	// yearly, monthly or weekly salary, "day" a day rate. Zero bounds are no bound.
	Period         string
	MinPay, MaxPay float64
	// Since is the earliest posting date; zero for none (undated ads are then included).
	Since time.Time
	// Limit is the most hits to return; After continues a search after the last hit of an earlier
	// page (its Cursor).
	Limit int
	After *SearchCursor
	// CountLimit caps Total: a store counts up to this many matches (0: up to Limit).
	CountLimit int
}

// SearchCursor is where a page of search hits ended: the last hit's posting date and store id.
type SearchCursor struct {
	Posted time.Time // zero for an undated ad (undated ads come last)
	ID     int64
}

// SearchResult is one page of a search.
type SearchResult struct {
	Hits []SearchHit
	// Total counts the matches up to the query's CountLimit; TotalCapped says there are more.
	Total       int
	TotalCapped bool
	// Next continues the search after this page; nil on the last page.
	Next *SearchCursor
}

// SearchHit is an ad as a list of search results shows it.
type SearchHit struct {
	Key       AdKey
	ID        int64 // the store's id, for cursors
	Title     string
	TitleNorm string
	Company   string
	Location  string // as the ad wrote it
	Place     string // the most precise place extracted
	Posted    time.Time
	Type      string
	WorkMode  string
	Seniority string
	Salary    *Salary // nil when no figure was extracted
}

// StoredAd is one ad as the store holds it: the record as read, what was extracted, and the first
// copy when it is a copy.
type StoredAd struct {
	Key        AdKey
	Raw        []byte // the record as read (a JSON object)
	Extraction Extraction
	Posted     time.Time
	Closed     time.Time
	URL        string
	DupOf      *AdKey // nil for a first copy
}
