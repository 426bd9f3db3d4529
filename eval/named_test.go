package eval

import (
	"testing"

	"jobscope"
)

// TestNamedAgree checks the named-place rule: ours counts as the label's only when the heading names
// both.
func TestNamedAgree(t *testing.T) {
	named := []jobscope.Location{{Country: "US", Region: "Massachusetts"}, {Country: "US", Region: "California"},
		{Country: "GB", Region: "London"}}
	tests := []struct {
		name, got, want, result string
		key                     func(jobscope.Location) string
	}{
		{"both named: ours counts", "Massachusetts", "California", "Massachusetts", stateKey},
		{"same value", "California", "California", "California", stateKey},
		{"label not named", "Massachusetts", "Texas", "Texas", stateKey},
		{"ours not named", "Oregon", "California", "California", stateKey},
		{"ours missing", "", "California", "California", stateKey},
		{"ours abroad, both named", "country GB", "California", "country GB", stateKey},
		{"ours abroad, label not named", "country GB", "Texas", "Texas", stateKey},
		{"countries both named", "GB", "US", "GB", countryOf},
		{"country not named", "DE", "US", "US", countryOf},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if r := namedAgree(named, tc.got, tc.want, tc.key); r != tc.result {
				t.Errorf("namedAgree(%q, %q) = %q, want %q", tc.got, tc.want, r, tc.result)
			}
		})
	}
	t.Run("no places listed", func(t *testing.T) {
		if r := namedAgree(nil, "Massachusetts", "California", stateKey); r != "California" {
			t.Errorf("namedAgree(nil) = %q, want the label", r)
		}
	})
}
