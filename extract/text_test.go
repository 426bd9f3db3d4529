package extract

import (
	"math/rand/v2"
	"testing"
)

// lowerNaive is lowerASCII one byte at a time, the definition the fast version must agree with.
func lowerNaive(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func TestLowerASCII(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"empty", ""},
		{"lower", "already lower, 123"},
		{"short", "Go"},
		{"boundaries", "@AZ[`az{"},
		{"long", "Senior PYTHON Developer – Outside IR35 – £550/day, ÉCOLE Zürich ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
		{"high bytes", "\xc1\xda\xff\x80A\x7fZ\x40\x5b\x60\x7b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got, want := lowerASCII(tc.in), lowerNaive(tc.in); got != want {
				t.Errorf("lowerASCII(%q) = %q, want %q", tc.in, got, want)
			}
		})
	}
	t.Run("every byte at every offset", func(t *testing.T) {
		r := rand.New(rand.NewPCG(1, 2))
		for n := 0; n < 2000; n++ {
			b := make([]byte, r.IntN(40))
			for i := range b {
				b[i] = byte(r.IntN(256))
			}
			if got, want := lowerASCII(string(b)), lowerNaive(string(b)); got != want {
				t.Fatalf("lowerASCII(%q) = %q, want %q", b, got, want)
			}
		}
	})
}
