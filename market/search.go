package market

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"jobscope"
	"jobscope/extract"
	"jobscope/ingest/read"
	"jobscope/stats"
)

// SearchInput is a job search as a user writes it; "" sets no condition.
type SearchInput struct {
	// Q is the words the ad's title, company or text must hold: words (all of them), "quoted
	// phrases" and -excluded words.
	Q string
	// Title, Skill and Location name terms the ads must cite, in any case or by any alias.
	Title, Skill, Location string
	// Market is an employment type (permanent, contract, temporary, internship, apprenticeship),
	// WorkMode remote, hybrid or onsite, Seniority a title level.
	Market, WorkMode, Seniority string
	// MinPay and MaxPay bound the quoted pay (a number, "45000" or "45k"); Pay says of what: "year"
	// (an annual salary, the default) or "day" (a day rate, the default for contracts).
	MinPay, MaxPay, Pay string
	// Since is the earliest posting date, YYYY-MM-DD.
	Since string
	// Cursor continues a search from the Next of an earlier page.
	Cursor string
	// Limit is the page's size: 1 to MaxSearchLimit, 0 for DefaultSearchLimit.
	Limit int
}

// Page sizes of a search.
const (
	DefaultSearchLimit = 20
	MaxSearchLimit     = 100
	// searchCount is how many matches a search counts before it says "more than".
	searchCount = 10000
	// maxSearchWords bounds the words of a query, so that no query costs the store too much.
	maxSearchWords = 16
)

// SearchResult is one page of a search.
type SearchResult struct {
	// Query is what was searched for, resolved: the words read and each term's canonical name.
	Query SearchQueryEcho `json:"query"`
	// Total counts the matches, up to a cap: TotalCapped says there are more.
	Total       int         `json:"total"`
	TotalCapped bool        `json:"total_capped"`
	Hits        []SearchHit `json:"hits"`
	// Next is the cursor of the next page, "" on the last.
	Next string `json:"next"`
}

// SearchQueryEcho is a search's conditions as the service read them.
type SearchQueryEcho struct {
	Words     []string `json:"words,omitempty"`
	Phrases   []string `json:"phrases,omitempty"`
	Exclude   []string `json:"exclude,omitempty"`
	Title     string   `json:"title,omitempty"`
	Skill     string   `json:"skill,omitempty"`
	Location  string   `json:"location,omitempty"`
	Market    string   `json:"market,omitempty"`
	WorkMode  string   `json:"work_mode,omitempty"`
	Seniority string   `json:"seniority,omitempty"`
	Pay       string   `json:"pay,omitempty"`
	MinPay    float64  `json:"min_pay,omitempty"`
	MaxPay    float64  `json:"max_pay,omitempty"`
	Since     string   `json:"since,omitempty"`
	Limit     int      `json:"limit"`
}

// IsZero reports whether the query sets no condition.
func (q SearchQueryEcho) IsZero() bool {
	return len(q.Words)+len(q.Phrases)+len(q.Exclude) == 0 && q.Title == "" && q.Skill == "" &&
		q.Location == "" && q.Market == "" && q.WorkMode == "" && q.Seniority == "" && q.MinPay == 0 &&
		q.MaxPay == 0 && q.Since == ""
}

// SearchHit is an ad in a list of search results.
type SearchHit struct {
	Source    string           `json:"source"`
	ID        string           `json:"id"`
	Title     string           `json:"title"`
	JobTitle  string           `json:"normalized_title,omitempty"`
	Company   string           `json:"company,omitempty"`
	Location  string           `json:"location,omitempty"`
	Place     string           `json:"place,omitempty"`
	Posted    string           `json:"posted,omitempty"`
	Market    string           `json:"market,omitempty"`
	WorkMode  string           `json:"work_mode,omitempty"`
	Seniority string           `json:"seniority,omitempty"`
	Salary    *jobscope.Salary `json:"salary,omitempty"`
}

// Employment types a search may ask for.
var searchMarkets = []string{jobscope.Permanent, jobscope.Contract, "temporary", "internship", "apprenticeship"}

// Search finds the ads matching in, newest first. Bad input is an Invalid Error; a title, skill or
// location no ad cites is NotFound with suggestions; a store that cannot search is Unavailable.
func (s *Service) Search(ctx context.Context, in SearchInput) (*SearchResult, error) {
	sr, ok := s.st.(jobscope.Searcher)
	if !ok {
		return nil, &Error{Code: Unavailable, Message: "this store cannot search ads"}
	}
	q, echo, err := s.searchQuery(in)
	if err != nil {
		return nil, err
	}
	res, err := sr.Search(ctx, q)
	if err != nil {
		return nil, &Error{Code: Unavailable, Message: "search the store", Err: err}
	}
	out := &SearchResult{Query: echo, Total: res.Total, TotalCapped: res.TotalCapped, Hits: []SearchHit{}}
	for _, h := range res.Hits {
		hit := SearchHit{Source: h.Key.Source, ID: h.Key.ID, Title: h.Title, JobTitle: h.TitleNorm,
			Company: h.Company, Location: h.Location, Place: h.Place, Market: h.Type, WorkMode: h.WorkMode,
			Seniority: h.Seniority, Salary: h.Salary}
		if !h.Posted.IsZero() {
			hit.Posted = h.Posted.Format(time.DateOnly)
		}
		out.Hits = append(out.Hits, hit)
	}
	if res.Next != nil {
		out.Next = encodeCursor(res.Next)
	}
	return out, nil
}

// searchQuery checks and resolves in.
func (s *Service) searchQuery(in SearchInput) (jobscope.SearchQuery, SearchQueryEcho, error) {
	var q jobscope.SearchQuery
	var echo SearchQueryEcho
	q.Words, q.Phrases, q.Exclude = ParseWords(in.Q)
	if n := len(q.Words) + len(q.Phrases) + len(q.Exclude); n > maxSearchWords {
		return q, echo, invalidf(fmt.Sprintf("the query has %d words and phrases; at most %d are searched", n, maxSearchWords))
	}
	echo.Words, echo.Phrases, echo.Exclude = q.Words, q.Phrases, q.Exclude
	for _, f := range []struct {
		in   string
		kind jobscope.TermKind
		out  *string
	}{{in.Title, jobscope.KindTitle, &echo.Title}, {in.Skill, jobscope.KindSkill, &echo.Skill},
		{in.Location, jobscope.KindLocation, &echo.Location}} {
		if strings.TrimSpace(f.in) == "" {
			continue
		}
		t, err := s.Resolve(f.in, f.kind)
		if err != nil {
			return q, echo, err
		}
		*f.out = t.Name
		q.Terms = append(q.Terms, jobscope.Term{Kind: f.kind, Name: t.Name})
	}
	var err error
	if in.Market != "" {
		if q.Type, err = oneOf("market", in.Market, searchMarkets); err != nil {
			return q, echo, err
		}
	}
	if in.WorkMode != "" {
		var c stats.Cut
		if c, err = s.Cut(CutInput{WorkMode: in.WorkMode}, stats.Scope{}); err != nil {
			return q, echo, err
		}
		q.WorkMode = c.WorkMode
	}
	if in.Seniority != "" {
		if q.Seniority, err = oneOf("seniority", in.Seniority, stats.Seniorities); err != nil {
			return q, echo, err
		}
	}
	echo.Market, echo.WorkMode, echo.Seniority = q.Type, q.WorkMode, q.Seniority
	if in.MinPay != "" || in.MaxPay != "" {
		q.Period = jobscope.PeriodYear
		if q.Type == jobscope.Contract {
			q.Period = jobscope.PeriodDay
		}
		if in.Pay != "" {
			if q.Period, err = oneOf("pay", in.Pay, []string{jobscope.PeriodYear, jobscope.PeriodDay}); err != nil {
				return q, echo, err
			}
		}
		if q.MinPay, err = parsePay("min_pay", in.MinPay); err != nil {
			return q, echo, err
		}
		if q.MaxPay, err = parsePay("max_pay", in.MaxPay); err != nil {
			return q, echo, err
		}
		if q.MaxPay > 0 && q.MinPay > q.MaxPay {
			return q, echo, invalidf(fmt.Sprintf("min_pay %g is above max_pay %g", q.MinPay, q.MaxPay))
		}
		echo.Pay, echo.MinPay, echo.MaxPay = q.Period, q.MinPay, q.MaxPay
	}
	if in.Since != "" {
		t, err := time.Parse(time.DateOnly, in.Since)
		if err != nil {
			return q, echo, invalidf(fmt.Sprintf("since %q is not a date: write YYYY-MM-DD", in.Since))
		}
		q.Since = t
		echo.Since = in.Since
	}
	switch {
	case in.Limit == 0:
		q.Limit = DefaultSearchLimit
	case in.Limit < 0 || in.Limit > MaxSearchLimit:
		return q, echo, invalidf(fmt.Sprintf("limit %d is out of range: 1 to %d", in.Limit, MaxSearchLimit))
	default:
		q.Limit = in.Limit
	}
	echo.Limit = q.Limit
	q.CountLimit = searchCount
	if in.Cursor != "" {
		c, err := decodeCursor(in.Cursor)
		if err != nil {
			return q, echo, err
		}
		q.After = c
	}
	return q, echo, nil
}

// ParseWords splits a search box's text into words, "quoted phrases" and -excluded words, each in
// lower case. Punctuation around a word is dropped; "C#", "C++" and ".NET" keep theirs.
func ParseWords(text string) (words, phrases, exclude []string) {
	seen := map[string]bool{}
	add := func(list *[]string, w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			*list = append(*list, w)
		}
	}
	for text != "" {
		text = strings.TrimLeftFunc(text, unicode.IsSpace)
		if text == "" {
			break
		}
		if text[0] == '"' {
			end := strings.IndexByte(text[1:], '"')
			var phrase string
			if end < 0 {
				phrase, text = text[1:], ""
			} else {
				phrase, text = text[1:1+end], text[2+end:]
			}
			ws := strings.Fields(phrase)
			for i := range ws {
				ws[i] = cleanWord(ws[i])
			}
			p := strings.Join(strings.Fields(strings.Join(ws, " ")), " ")
			if strings.Contains(p, " ") {
				add(&phrases, p)
			} else {
				add(&words, p)
			}
			continue
		}
		end := strings.IndexFunc(text, unicode.IsSpace)
		if end < 0 {
			end = len(text)
		}
		w := text[:end]
		text = text[end:]
		if len(w) > 1 && w[0] == '-' {
			add(&exclude, cleanWord(w[1:]))
			continue
		}
		add(&words, cleanWord(w))
	}
	return words, phrases, exclude
}

// cleanWord lowercases w and trims the punctuation around it, keeping a trailing '#' or '+' (C#,
// C++) and a leading '.' before letters (.NET).
func cleanWord(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimRightFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '#' && r != '+' })
	w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return w
}

// parsePay reads a pay bound: "45000", "45,000", "45k", "£45k".
func parsePay(name, v string) (float64, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, nil
	}
	s := strings.ToLower(strings.NewReplacer(",", "", "£", "", "$", "", "€", "", " ", "").Replace(v))
	mult := 1.0
	if strings.HasSuffix(s, "k") {
		s, mult = strings.TrimSuffix(s, "k"), 1000
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || f*mult > 1e9 {
		return 0, invalidf(fmt.Sprintf("%s %q is not an amount: write a number such as 45000 or 45k", name, v))
	}
	return f * mult, nil
}

// encodeCursor writes c as an opaque, URL-safe string.
func encodeCursor(c *jobscope.SearchCursor) string {
	s := ""
	if !c.Posted.IsZero() {
		s = c.Posted.Format(time.DateOnly)
	}
	return base64.RawURLEncoding.EncodeToString([]byte(s + "~" + strconv.FormatInt(c.ID, 10)))
}

func decodeCursor(s string) (*jobscope.SearchCursor, error) {
	bad := invalidf("cursor " + strconv.Quote(s) + " is not one this server gave: start the search again without it")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	date, id, ok := strings.Cut(string(b), "~")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || n <= 0 {
		return nil, bad
	}
	c := &jobscope.SearchCursor{ID: n}
	if date != "" {
		if c.Posted, err = time.Parse(time.DateOnly, date); err != nil {
			return nil, bad
		}
	}
	return c, nil
}

// AdView is one ad as its page shows it: the record as read, its text, what was extracted, and
// where in the text the salary and each skill were found.
type AdView struct {
	Source     string              `json:"source"`
	ID         string              `json:"id"`
	Title      string              `json:"title"`
	Company    string              `json:"company,omitempty"`
	Location   string              `json:"location,omitempty"`
	SalaryText string              `json:"salary_text,omitempty"` // the record's own salary field
	Employment string              `json:"employment_type,omitempty"`
	URL        string              `json:"url,omitempty"`
	Posted     string              `json:"posted,omitempty"`
	Closed     string              `json:"closed,omitempty"`
	DupOf      *jobscope.AdKey     `json:"duplicate_of,omitempty"`
	Extraction jobscope.Extraction `json:"extraction"`
	// Text is the title and description as plain text; Marks are spans of it, in order, that
	// extraction read: the salary and each mention of a skill.
	Text  string `json:"text"`
	Marks []Mark `json:"marks"`
}

// Mark is a span of an ad's text [Start, End) in bytes, and what was read there: "salary" or
// "skill" (with the skill's name).
type Mark struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
	Skill string `json:"skill,omitempty"`
}

// Ad returns the ad of key with its extraction laid beside its text. An unknown key is NotFound.
func (s *Service) Ad(ctx context.Context, key jobscope.AdKey) (*AdView, error) {
	sr, ok := s.st.(jobscope.Searcher)
	if !ok {
		return nil, &Error{Code: Unavailable, Message: "this store cannot read single ads"}
	}
	ad, err := sr.Ad(ctx, key)
	if errors.Is(err, jobscope.ErrNoAd) {
		return nil, &Error{Code: NotFound, Message: "no ad " + key.String() + " is stored"}
	}
	if err != nil {
		return nil, &Error{Code: Unavailable, Message: "read ad " + key.String(), Err: err}
	}
	v := &AdView{Source: key.Source, ID: key.ID, URL: ad.URL, DupOf: ad.DupOf, Extraction: ad.Extraction, Marks: []Mark{}}
	if !ad.Posted.IsZero() {
		v.Posted = ad.Posted.Format(time.DateOnly)
	}
	if !ad.Closed.IsZero() {
		v.Closed = ad.Closed.Format(time.DateOnly)
	}
	raw := rawAd(ad.Raw)
	v.Title, v.Company, v.Location, v.SalaryText, v.Employment = raw.Title, raw.Company, raw.Location, raw.Salary, raw.EmploymentType
	v.Text = raw.Title + "\n" + extract.PlainText(raw.Description)
	v.Marks = s.marks(v.Text, ad.Extraction)
	return v, nil
}

// rawAd reads a stored record back as the ad it was read as; a record that no longer reads (it
// was stored by a reader that took what this one does not) gives an empty ad.
func rawAd(raw []byte) jobscope.RawAd {
	if len(raw) == 0 {
		return jobscope.RawAd{}
	}
	rd, err := read.New("ad.jsonl", bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return jobscope.RawAd{}
	}
	defer rd.Close()
	for {
		rec, err := rd.Next()
		if err == io.EOF || err != nil {
			return jobscope.RawAd{}
		}
		if rec.Ad != nil {
			return *rec.Ad
		}
	}
}

// marks finds the salary's span and every skill mention in text.
func (s *Service) marks(text string, x jobscope.Extraction) []Mark {
	out := []Mark{}
	if x.Salary != nil && x.Salary.Text != "" {
		if i := strings.Index(text, x.Salary.Text); i >= 0 {
			out = append(out, Mark{Start: i, End: i + len(x.Salary.Text), Kind: "salary"})
		}
	}
	extracted := map[string]bool{}
	for _, sk := range x.Skills {
		extracted[sk.Name] = true
	}
	for _, m := range s.extractor().SkillMentions(text) {
		// Only what the stored extraction holds: a skill the taxonomy has gained since is not
		// shown as if it had been extracted.
		if extracted[m.Name] {
			out = append(out, Mark{Start: m.Start, End: m.End, Kind: "skill", Skill: m.Name})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	// Marks never overlap: a later one inside an earlier one is dropped.
	kept := out[:0]
	end := -1
	for _, m := range out {
		if m.Start >= end {
			kept = append(kept, m)
			end = m.End
		}
	}
	return kept
}

// extractor is built once, on the first ad shown: the taxonomy's matcher takes a moment to build.
func (s *Service) extractor() *extract.Extractor {
	s.exOnce.Do(func() { s.ex = extract.New(s.cfg.Taxonomy) }) // FromStore set the taxonomy
	return s.ex
}
