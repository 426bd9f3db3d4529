package gen

import (
	"time"
	"unicode/utf8"

	"jobscope"
)

// AppendJSON appends ad to dst as one JSON object in the format of docs/input.md (no trailing
// newline). Empty optional fields are left out; dates with no time of day are written as dates.
func AppendJSON(dst []byte, ad *jobscope.RawAd) []byte {
	dst = append(dst, `{"id":`...)
	dst = appendString(dst, ad.ID)
	dst = append(dst, `,"source":`...)
	dst = appendString(dst, ad.Source)
	dst = append(dst, `,"title":`...)
	dst = appendString(dst, ad.Title)
	for _, f := range [...]struct{ name, v string }{
		{`,"description":`, ad.Description},
		{`,"company":`, ad.Company},
		{`,"location":`, ad.Location},
		{`,"salary":`, ad.Salary},
		{`,"employment_type":`, ad.EmploymentType},
	} {
		if f.v != "" {
			dst = append(dst, f.name...)
			dst = appendString(dst, f.v)
		}
	}
	if !ad.PostedAt.IsZero() {
		dst = append(dst, `,"posted_at":`...)
		dst = appendTime(dst, ad.PostedAt)
	}
	if !ad.ClosedAt.IsZero() {
		dst = append(dst, `,"closed_at":`...)
		dst = appendTime(dst, ad.ClosedAt)
	}
	if ad.URL != "" {
		dst = append(dst, `,"url":`...)
		dst = appendString(dst, ad.URL)
	}
	return append(dst, '}')
}

// appendTime writes t as "2006-01-02" at midnight UTC, else as RFC 3339.
func appendTime(dst []byte, t time.Time) []byte {
	t = t.UTC()
	dst = append(dst, '"')
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		dst = t.AppendFormat(dst, time.DateOnly)
	} else {
		dst = t.AppendFormat(dst, time.RFC3339)
	}
	return append(dst, '"')
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string. Invalid UTF-8 is replaced with U+FFFD.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
