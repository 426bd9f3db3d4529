package market

import (
	"math"
	"strconv"
)

// Formatting of figures for people, the same on every surface.

// CurrencySymbol is the sign written before an amount of cur: £, $, €, or "" for another.
func CurrencySymbol(cur string) string {
	switch cur {
	case "GBP":
		return "£"
	case "USD":
		return "$"
	case "EUR":
		return "€"
	}
	return ""
}

// Thousands formats v as a whole number with commas: 1234567 → 1,234,567. It is written for every
// figure of every page, so it builds the string in one allocation.
func Thousands(v float64) string {
	var buf [48]byte
	return string(AppendThousands(buf[:0], v))
}

// AppendThousands appends v as Thousands formats it to dst.
func AppendThousands(dst []byte, v float64) []byte {
	var num [40]byte
	s := strconv.AppendFloat(num[:0], v, 'f', 0, 64)
	if len(s) > 0 && s[0] == '-' {
		dst = append(dst, '-')
		s = s[1:]
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, c)
	}
	return dst
}

// Money formats an amount of cur ("£61,500"), or "-" for a figure not given.
func Money(cur string, p *float64) string {
	if p == nil {
		return "-"
	}
	return CurrencySymbol(cur) + Thousands(math.Round(*p))
}

// Percent formats a share as a percentage with two decimals: 0.0457 → 4.57%.
func Percent(v float64) string {
	var buf [32]byte
	return string(append(strconv.AppendFloat(buf[:0], v*100, 'f', 2, 64), '%'))
}

// Change formats a relative change with its sign ("+9.6%"), or "-" for none.
func Change(p *float64) string {
	if p == nil {
		return "-"
	}
	var buf [32]byte
	b := strconv.AppendFloat(buf[:1], *p*100, 'f', 1, 64)
	if b[1] == '-' || b[1] == '+' {
		b = b[1:] // the sign is written already
	} else {
		b[0] = '+'
	}
	return string(append(b, '%'))
}
