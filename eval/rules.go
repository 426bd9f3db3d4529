package eval

import (
	"math"
	"strconv"
	"strings"

	"jobscope"
)

// Tolerance is the relative difference within which two salary figures agree.
const Tolerance = 0.01

// adzunaFactor is Adzuna's conversion of a rate in a period to an annual figure (the Kaggle 2013
// competition's SalaryNormalized); ok is false for an unknown period.
func adzunaFactor(period string) (f float64, ok bool) {
	switch period {
	case jobscope.PeriodHour:
		return 1920, true
	case jobscope.PeriodDay:
		return 240, true
	case jobscope.PeriodWeek:
		return 48, true
	case jobscope.PeriodMonth:
		return 12, true
	case jobscope.PeriodYear:
		return 1, true
	}
	return 0, false
}

// adzunaAnnual is the annual figure Adzuna would compute from our salary: its midpoint times Adzuna's
// factor for its period. ok is false for a missing salary or an unknown period.
func adzunaAnnual(s *jobscope.Salary) (v float64, ok bool) {
	if s == nil {
		return 0, false
	}
	f, ok := adzunaFactor(s.Period)
	return s.Mid() * f, ok
}

// within reports whether got is within Tolerance of want, relative to want.
func within(got, want float64) bool { return relErr(got, want) <= Tolerance }

// relErr is |got-want| relative to want (the absolute difference when want is 0).
func relErr(got, want float64) float64 {
	d := math.Abs(got - want)
	if want != 0 {
		d /= math.Abs(want)
	}
	return d
}

// salaryRangeErr compares our salary with a labelled range in a period and currency: it returns the
// larger relative error of min and max, or +Inf when we found no salary or a different period or
// currency, which no closeness of figures can make right.
func salaryRangeErr(s *jobscope.Salary, min, max float64, period, currency string) float64 {
	if s == nil || s.Period != period || (currency != "" && s.Currency != currency) {
		return math.Inf(1)
	}
	return math.Max(relErr(s.Min, min), relErr(s.Max, max))
}

// reedJobType reads Reed's job type ("Permanent, full-time", "Contract, full-time or part-time",
// "Temporary, full-time") as an employment type and hours; either is "" where the label does not say
// ("full-time or part-time" settles no hours).
func reedJobType(label string) (typ, hours string) {
	kind, rest, _ := strings.Cut(strings.ToLower(strings.TrimSpace(label)), ",")
	switch strings.TrimSpace(kind) {
	case "permanent":
		typ = jobscope.Permanent
	case "contract":
		typ = jobscope.Contract
	case "temporary":
		typ = jobscope.Temporary
	}
	switch strings.TrimSpace(rest) {
	case "full-time":
		hours = "full_time"
	case "part-time":
		hours = "part_time"
	}
	return typ, hours
}

// nhsEmployment reads a schema.org employmentType as NHS Jobs uses it: FULL_TIME and PART_TIME say the
// hours only, TEMPORARY the type only; OTHER and VOLUNTEER say neither.
func nhsEmployment(label string) (typ, hours string) {
	switch strings.ToUpper(strings.TrimSpace(label)) {
	case "FULL_TIME":
		return "", "full_time"
	case "PART_TIME":
		return "", "part_time"
	case "TEMPORARY":
		return jobscope.Temporary, ""
	}
	return "", ""
}

// stateCodeOfAddress returns the state code of a geocoded US address "City, ST, USA" ("" for any other
// shape, such as "USA" alone or a non-US address).
func stateCodeOfAddress(addr string) string {
	parts := strings.Split(addr, ",")
	if len(parts) < 3 || strings.TrimSpace(parts[len(parts)-1]) != "USA" {
		return ""
	}
	code := strings.TrimSpace(parts[len(parts)-2])
	if f := strings.Fields(code); len(f) == 2 && len(f[1]) == 5 { // "CA 94103": a ZIP after the code
		code = f[0]
	}
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return ""
	}
	return code
}

// ourRemote is whether our extraction calls the job fully remote: work mode remote, or a remote location.
// Hybrid is not remote.
func ourRemote(x *jobscope.Extraction) bool {
	return x.WorkMode == "remote" || x.Location.Remote
}

// formatSalary writes a salary as "25,000–30,000 GBP/year", or "none".
func formatSalary(s *jobscope.Salary) string {
	if s == nil {
		return "none"
	}
	r := number(s.Min)
	if s.Max != s.Min {
		r += "–" + number(s.Max)
	}
	cur := s.Currency
	if cur == "" {
		cur = "?"
	}
	return r + " " + cur + "/" + s.Period
}

// number writes a figure with thousands separators and at most two decimals.
func number(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}

// orNone writes an empty value as "none".
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// clip shortens s to about n characters on one line, marking a cut with "…".
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// snippet returns about n characters of text around the first case-insensitive occurrence of word, or ""
// when it does not occur.
func snippet(text, word string, n int) string {
	i := strings.Index(strings.ToLower(text), strings.ToLower(word))
	if i < 0 || word == "" {
		return ""
	}
	return snippetAt(text, i, n)
}

// snippetAt returns about n characters of text around byte offset i.
func snippetAt(text string, i, n int) string {
	start := max(0, min(i, len(text))-n/2)
	for start > 0 && !isRuneStart(text[start]) {
		start--
	}
	out := clip(text[start:], n)
	if start > 0 {
		out = "…" + out
	}
	return out
}

// wordSnippet is snippet for a whole word, matched in its own case first ("R" in "Python or R,"), then
// in any case; "" when word is empty or does not occur as a word.
func wordSnippet(text, word string, n int) string {
	for _, fold := range []bool{false, true} {
		if i := wordIndex(text, word, fold); i >= 0 {
			return snippetAt(text, i, n)
		}
	}
	return ""
}

// wordIndex returns the offset of the first occurrence of word in text with no letter or digit
// directly either side, or -1; fold compares case-insensitively (ASCII case, so offsets hold).
func wordIndex(text, word string, fold bool) int {
	if word == "" {
		return -1
	}
	if fold {
		text, word = asciiLower(text), asciiLower(word)
	}
	for off := 0; ; {
		i := strings.Index(text[off:], word)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(word)
		if (i == 0 || !isWordByte(text[i-1])) && (end == len(text) || !isWordByte(text[end])) {
			return i
		}
		off = i + 1
	}
}

// asciiLower lowercases ASCII letters only, keeping every byte offset.
func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b >= 0x80
}

// townOfAddress returns the town of a geocoded US address: the part before "ST[ ZIP], USA" ("San
// Francisco" of "1455 Market St #600, San Francisco, CA 94103, USA"), or "".
func townOfAddress(addr string) string {
	parts := strings.Split(addr, ",")
	if len(parts) < 3 || stateCodeOfAddress(addr) == "" {
		return ""
	}
	return strings.TrimSpace(parts[len(parts)-3])
}

// townShortForms are the usual short forms of towns that posts write instead of the name; those in
// capitals are matched in capitals only.
var townShortForms = map[string][]string{
	"San Francisco": {"SF", "SFO", "Bay Area"},
	"New York":      {"NYC", "NY"},
	"Los Angeles":   {"LA"},
	"Washington":    {"DC"},
}

// geocodeNamed reports whether the post supports a geocoded US label: the address's town, or one of
// its townShortForms, is written in text as a whole word (case aside for names), or the upstream
// parser's place text (parsed) ends in the address's state, by code or name ("Venice, CA" geocoded to
// Los Angeles, CA). A geocode that fails both is of words that name no place the post gives: "Apple,
// Inc." placed at a street address in Sunnyvale, "Software Engineer, Research" in Pittsburgh, "SF"
// found inside "KSF Media" for a post in Helsinki.
func geocodeNamed(text, parsed, addr, stateName string) bool {
	town := townOfAddress(addr)
	if town == "" {
		return false
	}
	if hasWord(text, town, true) {
		return true
	}
	for _, s := range townShortForms[town] {
		if hasWord(text, s, s != strings.ToUpper(s)) {
			return true
		}
	}
	p := strings.Split(strings.TrimRight(strings.TrimSpace(parsed), ","), ",")
	if len(p) < 2 {
		return false
	}
	last := strings.Fields(p[len(p)-1])
	code := stateCodeOfAddress(addr)
	return len(last) > 0 && (last[0] == code || strings.EqualFold(strings.Join(last, " "), stateName))
}

// hasWord reports whether word occurs in text as a whole word (see wordIndex).
func hasWord(text, word string, fold bool) bool { return wordIndex(text, word, fold) >= 0 }
