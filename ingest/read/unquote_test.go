package read

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// TestUnquoteSimple checks the one-pass decoder against json.Unmarshal wherever it decodes.
func TestUnquoteSimple(t *testing.T) {
	for _, tc := range []struct {
		name, raw string
		ok        bool
	}{
		{"escapes", `"line\none\ttab \"q\" back\\slash \/ \r\b\f"`, true},
		{"utf8", `"£550 – Zürich\n"`, true},
		{"empty", `""`, true},
		{"unicode escape", `"caf\u00e9"`, false},
		{"invalid utf8", "\"a\xffb\\n\"", false},
		{"bare quote", `"a"b\n"`, false},
		{"control byte", "\"a\x01\\n\"", false},
		{"trailing backslash", `"a\"`, false},
		{"unknown escape", `"a\x"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := unquoteSimple([]byte(tc.raw))
			if ok != tc.ok {
				t.Fatalf("unquoteSimple(%q) ok = %v, want %v", tc.raw, ok, tc.ok)
			}
			if !ok {
				return
			}
			var want string
			if err := json.Unmarshal([]byte(tc.raw), &want); err != nil {
				t.Fatalf("json.Unmarshal(%q): %v", tc.raw, err)
			}
			if got != want {
				t.Errorf("unquoteSimple(%q) = %q, want %q", tc.raw, got, want)
			}
		})
	}
	t.Run("random strings agree with json.Unmarshal", func(t *testing.T) {
		r := rand.New(rand.NewPCG(3, 4))
		alphabet := []string{"a", "Z", " ", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\r", "\\b", "\\f", "£", "–", "\\u00e9", "\"", "\x01", "\xff", "\\"}
		decoded := 0
		for n := 0; n < 5000; n++ {
			raw := `"`
			for k := r.IntN(12); k > 0; k-- {
				raw += alphabet[r.IntN(len(alphabet))]
			}
			raw += `"`
			got, ok := unquoteSimple([]byte(raw))
			var want string
			err := json.Unmarshal([]byte(raw), &want)
			if !ok {
				continue
			}
			decoded++
			if err != nil || got != want {
				t.Fatalf("unquoteSimple(%q) = %q, json.Unmarshal = %q, %v", raw, got, want, err)
			}
		}
		if decoded < 500 {
			t.Errorf("only %d of 5000 strings decoded", decoded)
		}
	})
}
