package market

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// The formatters are written with strconv for speed; fmt's verbs are their definition.
func TestFormat(t *testing.T) {
	values := []float64{0, 0.4, -0.4, 1, 12, 123, 999.5, 1000, 1234.5, -1234, 61500, 999999, 1e6, 1234567,
		-98765432.1, 1e15, 0.0457, 0.00004, -0.096, 0.096, 1, math.NaN(), math.Inf(1), math.Inf(-1)}
	commas := func(v float64) string { // the former definition of Thousands
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
	for _, v := range values {
		if got, want := Thousands(v), commas(v); got != want {
			t.Errorf("Thousands(%v) = %q, want %q", v, got, want)
		}
		if got, want := Percent(v), fmt.Sprintf("%.2f%%", v*100); got != want {
			t.Errorf("Percent(%v) = %q, want %q", v, got, want)
		}
		if got, want := Change(&v), fmt.Sprintf("%+.1f%%", v*100); got != want {
			t.Errorf("Change(%v) = %q, want %q", v, got, want)
		}
	}
	for _, c := range []struct {
		cur  string
		v    *float64
		want string
	}{
		{"GBP", ptr(61500), "£61,500"},
		{"USD", ptr(120000.4), "$120,000"},
		{"EUR", ptr(999.5), "€1,000"},
		{"JPY", ptr(5e6), "5,000,000"},
		{"GBP", nil, "-"},
	} {
		if got := Money(c.cur, c.v); got != c.want {
			t.Errorf("Money(%s, %v) = %q, want %q", c.cur, c.v, got, c.want)
		}
	}
	if got := Change(nil); got != "-" {
		t.Errorf("Change(nil) = %q", got)
	}
}

func ptr(v float64) *float64 { return &v }
