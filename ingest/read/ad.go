package read

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jobscope"
)

// wire is a JSON object as read: the fields of docs/input.md and of a schema.org JobPosting, each kept
// raw so that a field of the wrong type becomes a reject with a clear reason rather than a decoding
// error for the whole record.
type wire struct {
	Type  json.RawMessage `json:"@type"`
	Graph json.RawMessage `json:"@graph"`

	ID             json.RawMessage `json:"id"`
	Source         json.RawMessage `json:"source"`
	Title          json.RawMessage `json:"title"`
	Description    json.RawMessage `json:"description"`
	Company        json.RawMessage `json:"company"`
	Location       json.RawMessage `json:"location"`
	Salary         json.RawMessage `json:"salary"`
	EmploymentType json.RawMessage `json:"employment_type"`
	PostedAt       json.RawMessage `json:"posted_at"`
	ClosedAt       json.RawMessage `json:"closed_at"`
	URL            json.RawMessage `json:"url"`

	Identifier         json.RawMessage `json:"identifier"`
	HiringOrganization json.RawMessage `json:"hiringOrganization"`
	JobLocation        json.RawMessage `json:"jobLocation"`
	BaseSalary         json.RawMessage `json:"baseSalary"`
	EmploymentTypeLD   json.RawMessage `json:"employmentType"`
	DatePosted         json.RawMessage `json:"datePosted"`
	ValidThrough       json.RawMessage `json:"validThrough"`
	JobLocationType    json.RawMessage `json:"jobLocationType"`
}

// fields are an ad's text fields before they are checked: the common form of every input format.
type fields struct {
	id, source, title, description, company, location, salary, employmentType, postedAt, closedAt, url string
	// postedField and closedField name the dates' fields as the record wrote them ("" for posted_at
	// and closed_at), for the note on a date that cannot be read.
	postedField, closedField string
}

// fieldError is a reason to set a record aside.
type fieldError string

func (e fieldError) Error() string { return string(e) }

// finish checks the fields and makes the ad; the error, when not nil, is the reason to set it aside.
func (f *fields) finish(defaultSource string, raw []byte) (*jobscope.RawAd, error) {
	id := strings.TrimSpace(f.id)
	if id == "" {
		return nil, fieldError(`missing "id"`)
	}
	if strings.TrimSpace(f.title) == "" {
		return nil, fieldError(`missing "title"`)
	}
	// The key is the ad's identity in every store: text a database cannot hold as it is (a NUL byte,
	// invalid UTF-8) cannot be mended without making it another ad's key, so the record is set aside.
	if !keyText(id) {
		return nil, fieldError(`invalid "id": not valid UTF-8 text, or holds a NUL byte`)
	}
	if !keyText(f.source) {
		return nil, fieldError(`invalid "source": not valid UTF-8 text, or holds a NUL byte`)
	}
	// A date that cannot be read leaves the date unknown, with the reason noted: the ad is kept.
	var notes []string
	posted, err := parseTime(cmpOr(f.postedField, "posted_at"), f.postedAt)
	if err != nil {
		notes = append(notes, err.Error())
	}
	closed, err := parseTime(cmpOr(f.closedField, "closed_at"), f.closedAt)
	if err != nil {
		notes = append(notes, err.Error())
	}
	source := strings.TrimSpace(f.source)
	if source == "" {
		source = defaultSource
	}
	return &jobscope.RawAd{
		Source:         source,
		ID:             id,
		Title:          f.title,
		Description:    f.description,
		Company:        f.company,
		Location:       f.location,
		Salary:         f.salary,
		EmploymentType: f.employmentType,
		PostedAt:       posted,
		ClosedAt:       closed,
		URL:            f.url,
		DateNote:       strings.Join(notes, "; "),
		Raw:            json.RawMessage(bytes.Clone(raw)),
	}, nil
}

// keyText reports whether s can be part of an ad's key: valid UTF-8 without a NUL byte.
func keyText(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// timeLayouts are the forms accepted for posted_at and closed_at.
var timeLayouts = [...]string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 -0700",
}

// dayLayouts are dates written with the day first (as GB sources do), month names, and RFC 1123 forms.
var dayLayouts = [...]string{
	"2/1/2006", "2-1-2006", "2.1.2006", "2006/1/2", "2006.1.2", "2 January 2006", "2 Jan 2006", "January 2, 2006",
	"Jan 2, 2006", "2 January, 2006", "Monday, 2 January 2006", time.RFC1123, time.RFC1123Z, time.RFC850,
	time.ANSIC, "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700", "2006-01-02T15:04:05.999999999",
}

// Plausible posting and closing dates: a date before MinYear, or more than a year after the clock's
// today, is a mistake of the source (0001-01-01 from a zero value, 9999-12-31 for "never") and would
// move every period figure; it is read as no date.
const MinYear = 1990

// today is the reader's clock, for the plausible window; a variable so that tests can fix it.
var today = func() time.Time { return time.Now().UTC() }

// parseTime reads a date or time; "" is the zero time (absent). A date that cannot be read, or lies
// outside the plausible window, is an error whose text names the field, the value and what is wrong.
// ISO 8601 and RFC 3339 forms, day-first dates ("31/01/2026", "6/11/2020" is 6 November; "11/26/2020",
// whose second number cannot be a month, month first), "2020/11/06", month names ("6 November 2020",
// "Nov 6, 2020"), RFC 1123 and Unix seconds are read.
func parseTime(field, s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	bad := func(why string) error {
		return fieldError(fmt.Sprintf("invalid %s %s: %s", field, strconv.Quote(truncate([]byte(s), 64)), why))
	}
	t, why, ok := readTime(s)
	if !ok {
		return time.Time{}, bad(why)
	}
	if t.Year() < MinYear || t.After(today().AddDate(1, 0, 0)) {
		return time.Time{}, bad(fmt.Sprintf("outside %d to a year from today", MinYear))
	}
	return t, nil
}

// readTime parses s in any of the accepted forms; why says what is wrong when none fits.
func readTime(s string) (t time.Time, why string, ok bool) {
	for _, layout := range timeLayouts {
		t, err := time.Parse(layout, s)
		if err == nil {
			return t, "", true
		}
		var pe *time.ParseError
		if why == "" && errors.As(err, &pe) && pe.Message != "" {
			why = strings.TrimPrefix(pe.Message, ": ")
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 && len(s) <= 10 {
		return time.Unix(n, 0).UTC(), "", true // Unix seconds
	}
	for _, layout := range dayLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, "", true
		}
	}
	// Month first where the day cannot come first ("11/26/2020").
	for _, layout := range [...]string{"1/2/2006", "1-2-2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, "", true
		}
	}
	if why == "" || !strings.HasPrefix(why, "day out of range") && !strings.HasPrefix(why, "month out of range") {
		why = "not a date (want YYYY-MM-DD, RFC 3339, DD/MM/YYYY, \"6 November 2020\", RFC 1123 or Unix seconds)"
	}
	return time.Time{}, why, false
}

// object turns one top-level JSON object into ads or rejects: a docs/input.md record, a JobPosting, or a
// @graph of nodes.
func (r *Reader) object(line int, raw []byte) {
	var w wire
	if err := json.Unmarshal(raw, &w); err != nil {
		r.reject(line, "invalid JSON: "+jsonMessage(err), raw)
		return
	}
	types, isJP := jobPostingType(w.Type)
	if !isJP && len(w.Graph) > 0 && !isNull(w.Graph) {
		if n := r.graph(line, w.Graph); n == 0 {
			r.reject(line, "no JobPosting in @graph", raw)
		}
		return
	}
	if !isJP && len(types) > 0 {
		r.reject(line, fmt.Sprintf("not a JobPosting (@type %s)", strings.Join(types, ", ")), raw)
		return
	}
	r.wireAd(line, &w, isJP, raw)
}

// graph reads the nodes of a @graph (an array of nodes, or one node): JobPostings become ads, nodes of
// other types are skipped, untyped nodes are read as docs/input.md records. It returns how many nodes
// were taken as ads (or rejects).
func (r *Reader) graph(line int, raw json.RawMessage) int {
	raw = bytes.TrimSpace(raw)
	var nodes []json.RawMessage
	if len(raw) > 0 && raw[0] == '[' {
		if err := json.Unmarshal(raw, &nodes); err != nil {
			r.reject(line, "invalid JSON: "+jsonMessage(err), raw)
			return 1
		}
	} else {
		nodes = []json.RawMessage{raw}
	}
	n := 0
	for _, node := range nodes {
		n += r.graphNode(line, node)
	}
	return n
}

// graphNode reads one @graph node; it returns 1 when the node was taken as an ad or a reject.
func (r *Reader) graphNode(line int, node json.RawMessage) int {
	node = bytes.TrimSpace(node)
	if len(node) == 0 || node[0] != '{' {
		return 0
	}
	var w wire
	if err := json.Unmarshal(node, &w); err != nil {
		r.reject(line, "invalid JSON: "+jsonMessage(err), node)
		return 1
	}
	types, isJP := jobPostingType(w.Type)
	if !isJP && len(types) > 0 {
		return 0
	}
	r.wireAd(line, &w, isJP, node)
	return 1
}

// wireAd maps a decoded object onto an ad, as docs/input.md says for plain records and for schema.org
// JobPostings, and sets it aside when it cannot be an ad.
func (r *Reader) wireAd(line int, w *wire, isJP bool, raw []byte) {
	ad, err := r.mapWire(w, isJP, raw)
	if err != nil {
		r.reject(line, err.Error(), raw)
		return
	}
	r.ad(line, ad)
}

func (r *Reader) mapWire(w *wire, isJP bool, raw []byte) (*jobscope.RawAd, error) {
	var f fields
	var err error
	str := func(name string, v json.RawMessage, dst *string) {
		if err != nil {
			return
		}
		*dst, err = text(name, v)
	}
	str("id", w.ID, &f.id)
	str("source", w.Source, &f.source)
	str("title", w.Title, &f.title)
	str("description", w.Description, &f.description)
	str("company", w.Company, &f.company)
	str("location", w.Location, &f.location)
	str("salary", w.Salary, &f.salary)
	str("employment_type", w.EmploymentType, &f.employmentType)
	str("posted_at", w.PostedAt, &f.postedAt)
	str("closed_at", w.ClosedAt, &f.closedAt)
	str("url", w.URL, &f.url)
	if err != nil {
		return nil, err
	}
	if !isJP {
		return f.finish(r.source, raw)
	}

	// schema.org JobPosting: its own fields win; docs/input.md names fill what it lacks.
	var (
		remote bool
		bs     *jobscope.StructuredSalary
		s      string
	)
	if s, err = identifier(w.Identifier); err != nil {
		return nil, err
	} else if s != "" {
		f.id = s
	} else if strings.TrimSpace(f.id) == "" {
		f.id = f.url
	}
	if f.id == "" {
		return nil, fieldError(`missing "id" (no identifier or url)`)
	}
	if s, err = organization(w.HiringOrganization); err != nil {
		return nil, err
	} else if s != "" {
		f.company = s
	}
	if s, err = jobLocation(w.JobLocation); err != nil {
		return nil, err
	} else if s != "" {
		f.location = s
	}
	if s, err = textList("employmentType", w.EmploymentTypeLD); err != nil {
		return nil, err
	} else if s != "" {
		f.employmentType = s
	}
	if s, err = text("datePosted", w.DatePosted); err != nil {
		return nil, err
	} else if s != "" {
		f.postedAt = s
	}
	if s, err = text("validThrough", w.ValidThrough); err != nil {
		return nil, err
	} else if s != "" {
		f.closedAt = s
	}
	if s, err = textList("jobLocationType", w.JobLocationType); err != nil {
		return nil, err
	}
	for _, t := range strings.Split(s, ",") {
		if strings.EqualFold(strings.TrimSpace(t), "TELECOMMUTE") {
			remote = true
		}
	}
	if bs, s, err = baseSalary(w.BaseSalary); err != nil {
		return nil, err
	} else if s != "" {
		f.salary = s
	}
	// The error names the schema.org field when the value came from one.
	postedField, closedField := "posted_at", "closed_at"
	if len(w.DatePosted) > 0 {
		postedField = "datePosted"
	}
	if len(w.ValidThrough) > 0 {
		closedField = "validThrough"
	}
	f.postedField, f.closedField = postedField, closedField
	ad, err := f.finish(r.source, raw)
	if err != nil {
		return nil, err
	}
	ad.Remote = remote
	ad.BaseSalary = bs
	return ad, nil
}

// jobPostingType returns the @type values and whether one is JobPosting (also as a schema.org IRI).
func jobPostingType(raw json.RawMessage) ([]string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || isNull(raw) {
		return nil, false
	}
	var types []string
	if raw[0] == '[' {
		if json.Unmarshal(raw, &types) != nil {
			return []string{string(raw)}, false
		}
	} else {
		var t string
		if json.Unmarshal(raw, &t) != nil {
			return []string{string(raw)}, false
		}
		types = []string{t}
	}
	for _, t := range types {
		if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
			t = t[i+1:]
		}
		if t == "JobPosting" {
			return types, true
		}
	}
	return types, false
}

func isNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// text reads a field that should be text: a string, or a number taken as written. Null and absent
// are "".
func text(name string, raw json.RawMessage) (string, error) {
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '"':
		if bytes.IndexByte(raw, '\\') < 0 && len(raw) >= 2 {
			return string(raw[1 : len(raw)-1]), nil
		}
		if s, ok := unquoteSimple(raw); ok {
			return s, nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fieldError(fmt.Sprintf("invalid %q: %s", name, jsonMessage(err)))
		}
		return s, nil
	case 'n':
		return "", nil
	case '{':
		return "", fieldError(fmt.Sprintf("invalid %q: want a string, got an object", name))
	case '[':
		return "", fieldError(fmt.Sprintf("invalid %q: want a string, got an array", name))
	case 't', 'f':
		return "", fieldError(fmt.Sprintf("invalid %q: want a string, got %s", name, raw))
	}
	return string(raw), nil // a number
}

// unquoteSimple decodes a JSON string whose escapes are all one-letter ones (\n, \", \\, \/, \t,
// \r, \b, \f) and whose bytes are valid UTF-8, as descriptions mostly are, in one pass; ok is false
// for anything else (\u escapes, invalid UTF-8, a malformed string), which json.Unmarshal reads.
// Where ok is true the result is json.Unmarshal's.
func unquoteSimple(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' || !utf8.Valid(raw) {
		return "", false
	}
	in := raw[1 : len(raw)-1]
	var b strings.Builder
	b.Grow(len(in))
	for i := 0; i < len(in); {
		j := i
		for j < len(in) && in[j] != '\\' && in[j] != '"' && in[j] >= 0x20 {
			j++
		}
		b.Write(in[i:j])
		if j == len(in) {
			break
		}
		if in[j] != '\\' || j+1 == len(in) {
			return "", false // a bare quote or control byte: not a valid string
		}
		switch in[j+1] {
		case '"', '\\', '/':
			b.WriteByte(in[j+1])
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		default:
			return "", false
		}
		i = j + 2
	}
	return b.String(), true
}

// textList reads text or an array of texts, joined with ", ".
func textList(name string, raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '[' {
		return text(name, raw)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return "", fieldError(fmt.Sprintf("invalid %q: %s", name, jsonMessage(err)))
	}
	var parts []string
	for _, it := range items {
		s, err := text(name, it)
		if err != nil {
			return "", err
		}
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", "), nil
}

// named reads a value that is text or an object naming something through one of keys (the first
// present wins); an array yields its first usable element.
func named(field string, raw json.RawMessage, keys ...string) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '{':
		var m map[string]json.RawMessage
		if err := json.Unmarshal(raw, &m); err != nil {
			return "", fieldError(fmt.Sprintf("invalid %q: %s", field, jsonMessage(err)))
		}
		for _, k := range keys {
			if v, ok := m[k]; ok {
				s, err := text(field+"."+k, v)
				if err != nil || strings.TrimSpace(s) != "" {
					return strings.TrimSpace(s), err
				}
			}
		}
		return "", nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return "", fieldError(fmt.Sprintf("invalid %q: %s", field, jsonMessage(err)))
		}
		for _, it := range items {
			s, err := named(field, it, keys...)
			if err != nil || s != "" {
				return s, err
			}
		}
		return "", nil
	}
	s, err := text(field, raw)
	return strings.TrimSpace(s), err
}

// identifier reads schema.org identifier: text, a number, or a PropertyValue {value}.
func identifier(raw json.RawMessage) (string, error) {
	return named("identifier", raw, "value", "@value", "@id", "name")
}

// organization reads hiringOrganization: an Organization {name} or its name.
func organization(raw json.RawMessage) (string, error) {
	return named("hiringOrganization", raw, "name", "legalName")
}

// jobLocation reads jobLocation (a Place or an array of them) as location text: each place's address
// parts joined with ", ", several places joined with "; ".
func jobLocation(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || isNull(raw) {
		return "", nil
	}
	var places []json.RawMessage
	if raw[0] == '[' {
		if err := json.Unmarshal(raw, &places); err != nil {
			return "", fieldError(`invalid "jobLocation": ` + jsonMessage(err))
		}
	} else {
		places = []json.RawMessage{raw}
	}
	var out []string
	for _, p := range places {
		s, err := place(p)
		if err != nil {
			return "", err
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "; "), nil
}

type placeWire struct {
	Name    json.RawMessage `json:"name"`
	Address json.RawMessage `json:"address"`
}

type addressWire struct {
	Locality   json.RawMessage `json:"addressLocality"`
	Region     json.RawMessage `json:"addressRegion"`
	PostalCode json.RawMessage `json:"postalCode"`
	Country    json.RawMessage `json:"addressCountry"`
	Name       json.RawMessage `json:"name"`
}

func place(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		s, err := text("jobLocation", raw)
		return strings.TrimSpace(s), err
	}
	var p placeWire
	if err := json.Unmarshal(raw, &p); err != nil {
		return "", fieldError(`invalid "jobLocation": ` + jsonMessage(err))
	}
	addr := bytes.TrimSpace(p.Address)
	if len(addr) > 0 && addr[0] == '[' { // several addresses: the first
		var as []json.RawMessage
		if err := json.Unmarshal(addr, &as); err == nil && len(as) > 0 {
			addr = bytes.TrimSpace(as[0])
		}
	}
	if len(addr) > 0 && addr[0] == '{' {
		var a addressWire
		if err := json.Unmarshal(addr, &a); err != nil {
			return "", fieldError(`invalid "jobLocation.address": ` + jsonMessage(err))
		}
		var parts []string
		for _, part := range []struct {
			name string
			raw  json.RawMessage
		}{
			{"addressLocality", a.Locality},
			{"addressRegion", a.Region},
			{"postalCode", a.PostalCode},
			{"addressCountry", a.Country},
		} {
			s, err := named("jobLocation.address."+part.name, part.raw, "name", "identifier")
			if err != nil {
				return "", err
			}
			if s != "" && (len(parts) == 0 || !strings.EqualFold(parts[len(parts)-1], s)) {
				parts = append(parts, s)
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, ", "), nil
		}
		return named("jobLocation.address", a.Name, "name")
	}
	if len(addr) > 0 && !isNull(addr) {
		s, err := text("jobLocation.address", addr)
		if err != nil || strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s), err
		}
	}
	return named("jobLocation", p.Name, "name")
}

type amountWire struct {
	Currency json.RawMessage `json:"currency"`
	Value    json.RawMessage `json:"value"`
	MinValue json.RawMessage `json:"minValue"`
	MaxValue json.RawMessage `json:"maxValue"`
	UnitText json.RawMessage `json:"unitText"`
}

// baseSalary reads a schema.org baseSalary: a MonetaryAmount whose value is a QuantitativeValue
// (minValue, maxValue, value, unitText) or a plain figure, or a bare figure. It returns the structured
// figures (nil when there are none) and the salary text the record carried, if any.
func baseSalary(raw json.RawMessage) (*jobscope.StructuredSalary, string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || isNull(raw) {
		return nil, "", nil
	}
	switch raw[0] {
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, "", fieldError(`invalid "baseSalary": ` + jsonMessage(err))
		}
		if len(items) == 0 {
			return nil, "", nil
		}
		return baseSalary(items[0])
	case '{':
	default:
		v, ok, s, err := figure("baseSalary", raw)
		if err != nil || !ok {
			return nil, s, err
		}
		return &jobscope.StructuredSalary{Min: v, Max: v}, "", nil
	}
	var m amountWire
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, "", fieldError(`invalid "baseSalary": ` + jsonMessage(err))
	}
	cur, err := text("baseSalary.currency", m.Currency)
	if err != nil {
		return nil, "", err
	}
	q := m // a MonetaryAmount may carry the figures itself
	value := bytes.TrimSpace(m.Value)
	if len(value) > 0 && value[0] == '{' {
		q = amountWire{}
		if err := json.Unmarshal(value, &q); err != nil {
			return nil, "", fieldError(`invalid "baseSalary.value": ` + jsonMessage(err))
		}
		if len(q.UnitText) == 0 {
			q.UnitText = m.UnitText
		}
	}
	var s jobscope.StructuredSalary
	s.Currency = strings.ToUpper(strings.TrimSpace(cur))
	unit, err := text("baseSalary.value.unitText", q.UnitText)
	if err != nil {
		return nil, "", err
	}
	s.Unit = strings.ToUpper(strings.TrimSpace(unit))
	lo, hasLo, _, err := figure("baseSalary.value.minValue", q.MinValue)
	if err != nil {
		return nil, "", err
	}
	hi, hasHi, _, err := figure("baseSalary.value.maxValue", q.MaxValue)
	if err != nil {
		return nil, "", err
	}
	v, hasV, txt, err := figure("baseSalary.value.value", q.Value)
	if err != nil {
		return nil, "", err
	}
	s.Text = txt
	switch {
	case hasLo && hasHi:
		s.Min, s.Max = lo, hi
	case hasLo:
		s.Min, s.Max = lo, lo
	case hasHi:
		s.Min, s.Max = hi, hi
	case hasV:
		s.Min, s.Max = v, v
	default:
		return nil, txt, nil
	}
	return &s, txt, nil
}

// figure reads a number given as a JSON number or a numeric string ("50000", "50,000.00"). A string
// that is not a number is returned as text.
func figure(name string, raw json.RawMessage) (v float64, ok bool, txt string, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || isNull(raw) {
		return 0, false, "", nil
	}
	if raw[0] == '{' || raw[0] == '[' || raw[0] == 't' || raw[0] == 'f' {
		return 0, false, "", fieldError(fmt.Sprintf("invalid %q: want a number", name))
	}
	s, err := text(name, raw)
	if err != nil {
		return 0, false, "", err
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, "", nil
	}
	f, perr := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if perr != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		if raw[0] != '"' {
			return 0, false, "", fieldError(fmt.Sprintf("invalid %q: %s is not a number", name, s))
		}
		return 0, false, s, nil
	}
	return f, true, "", nil
}

// jsonMessage is a decoding error's text without the package's "json: " prefix.
func jsonMessage(err error) string {
	return strings.TrimPrefix(err.Error(), "json: ")
}
