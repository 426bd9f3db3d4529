package eval

import (
	"context"
	"os"
	"strings"
	"testing"

	"jobscope/extract"
	"jobscope/taxonomy"
)

// TestShared runs the whole evaluation over $JOBSCOPE_SHARED and checks that every data set and field
// yields cases: a set whose labels or ads stopped joining would otherwise pass unnoticed.
func TestShared(t *testing.T) {
	shared := os.Getenv("JOBSCOPE_SHARED")
	if shared == "" {
		t.Skip("JOBSCOPE_SHARED is not set")
	}
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Run(context.Background(), shared, extract.New(tax), Options{Worst: 3, Taxonomy: tax})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteText(&b, rs); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	seen := map[string]bool{}
	for _, r := range rs {
		seen[r.Set] = true
		if strings.HasPrefix(r.Set, "judged/") && len(r.Worst) > 0 { // see heldOut below
			t.Errorf("%s · %s: a held-out set's judgments were shown without the set being named", r.Set, r.Field)
		}
		if r.Missing {
			continue // a split the shared directory does not have (SkillSpan's test)
		}
		if r.Cases == 0 {
			t.Errorf("%s · %s: no cases", r.Set, r.Field)
		}
		heldOut := strings.HasPrefix(r.Set, "judged/")
		if r.Agree > r.Cases || len(r.Worst) > 3 || (r.Agree < r.Cases && len(r.Worst) == 0 && !heldOut) {
			t.Errorf("%s · %s: %d agree of %d with %d worst cases", r.Set, r.Field, r.Agree, r.Cases, len(r.Worst))
		}
	}
	for _, s := range Sets() {
		if !seen[s] {
			t.Errorf("set %s: no results", s)
		}
	}
}
