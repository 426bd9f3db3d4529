package eval

import (
	"slices"
	"testing"
)

// TestJudgedFile checks the judgments: each names a known set and an id once, and no skill is judged
// both named and wrong for one ad.
func TestJudgedFile(t *testing.T) {
	js, err := readJudged(judgedSkillsFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(js) < 100 {
		t.Errorf("%d judged ads, want at least 100", len(js))
	}
	held, err := readJudged(judgedHoldoutFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(held) < 30 {
		t.Errorf("%d held-out ads, want at least 30", len(held))
	}
	held2, err := readJudged(judgedHoldout2File)
	if err != nil {
		t.Fatal(err)
	}
	if len(held2) < 60 {
		t.Errorf("%d ads in the second held-out set, want at least 60", len(held2))
	}
	held3, err := readJudged(judgedHoldout3File)
	if err != nil {
		t.Fatal(err)
	}
	if len(held3) < 60 {
		t.Errorf("%d ads in the third held-out set, want at least 60", len(held3))
	}
	held = append(held, held2...)
	held = append(held, held3...)
	js = append(js, held...) // no ad is judged in both
	seen := map[string]bool{}
	sets := map[string]bool{}
	for _, s := range dataSets() {
		sets[s.name] = true
	}
	for _, j := range js {
		key := j.Set + "/" + j.ID
		switch {
		case !sets[j.Set]:
			t.Errorf("%s: unknown set", key)
		case j.ID == "":
			t.Errorf("%s: no id", key)
		case seen[key]:
			t.Errorf("%s: judged twice", key)
		}
		seen[key] = true
		for _, w := range j.Wrong {
			if slices.Contains(j.Named, w) {
				t.Errorf("%s: %s is both named and wrong", key, w)
			}
		}
	}
	if len(sets) > 0 && len(seen) != len(js) {
		t.Errorf("%d distinct ads of %d lines", len(seen), len(js))
	}
}

// TestSecondReader checks the second reader's judgments: each set with them has them for exactly
// its ads, each once, with no wrong list (the second reader judged blind, before any extraction).
func TestSecondReader(t *testing.T) {
	for _, js := range judgedSets {
		if js.second == nil {
			continue
		}
		first, err := readJudged(js.data)
		if err != nil {
			t.Fatal(err)
		}
		second, err := readJudged(js.second)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{}
		for _, j := range first {
			want[j.Set+"/"+j.ID] = true
		}
		seen := map[string]bool{}
		for _, j := range second {
			key := j.Set + "/" + j.ID
			switch {
			case !want[key]:
				t.Errorf("%s: %s is not one of its ads", js.name, key)
			case seen[key]:
				t.Errorf("%s: %s read twice", js.name, key)
			case len(j.Wrong) > 0:
				t.Errorf("%s: %s has a wrong list", js.name, key)
			}
			seen[key] = true
		}
		if len(seen) != len(want) {
			t.Errorf("%s: the second reader read %d of its %d ads", js.name, len(seen), len(want))
		}
	}
}
