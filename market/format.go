package market

import (
	"fmt"
	"math"
	"strings"
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

// Thousands formats v as a whole number with commas: 1234567 → 1,234,567.
func Thousands(v float64) string {
	s := fmt.Sprintf("%.0f", v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Money formats an amount of cur ("£61,500"), or "-" for a figure not given.
func Money(cur string, p *float64) string {
	if p == nil {
		return "-"
	}
	return CurrencySymbol(cur) + Thousands(math.Round(*p))
}

// Percent formats a share as a percentage with two decimals: 0.0457 → 4.57%.
func Percent(v float64) string { return fmt.Sprintf("%.2f%%", v*100) }

// Change formats a relative change with its sign ("+9.6%"), or "-" for none.
func Change(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%+.1f%%", *p*100)
}
