package eval

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"jobscope"
	"jobscope/extract"
)

// wordFinder reports every whole-word occurrence of its words as a skill of that name, so that the
// scoring of span-labelled sets can be checked mention by mention whatever the real extractor finds.
type wordFinder []string

func (wordFinder) Extract(ad *jobscope.RawAd) jobscope.Extraction {
	return jobscope.Extraction{ID: ad.ID}
}

func (f wordFinder) SkillMentions(text string) []extract.SkillMention {
	var out []extract.SkillMention
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' {
			j++
		}
		for _, w := range f {
			if text[i:j] == w {
				out = append(out, extract.SkillMention{Skill: jobscope.Skill{Name: w}, Start: i, End: j})
			}
		}
		i = j + 1
	}
	return out
}

// TestSpanSet scores testdata's SkillSpan split, whose expected counts are worked out by hand in the
// comments.
func TestSpanSet(t *testing.T) {
	shared := filepath.Join("testdata", "shared")
	finder := wordFinder{"Java", "Kubernetes", "Excel", "Python"}
	rs, err := Run(context.Background(), shared, finder, Options{Sets: []string{"skillspan"}, Worst: 10})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]SpanCounts{
		// Posting 1 reports Java (in the title, which is not judged, and marked in the next line: right),
		// Kubernetes (right) and Excel (beside a skill span, not in it: wrong); posting 2 Python (right). The spans
		// that name technologies: Java and Python (linguist), Kubernetes (a tag of no ordinary word) and
		// Terraform (O*NET), which we miss; "Cloud" and "testing" are tags but ordinary words, "English"
		// is no technology, and the house sentence is not read. Posting 2's Kubernetes is named only in a
		// sentence with no marked span, so skills does not judge it.
		"skills": {Mentions: 4, InSpan: 3, Spans: 4, Found: 3},
		// skills/strict judges it too: wrong.
		"skills/strict": {Mentions: 5, InSpan: 3, Spans: 4, Found: 3},
		// Five mentions judged (the title's Java is not), Excel and the unmarked Kubernetes outside.
		"skills/mentions": {Mentions: 5, InSpan: 3},
		// Seven knowledge spans in the tech sentences, three found.
		"skills/knowledge": {Spans: 7, Found: 3},
	}
	for _, r := range rs {
		switch r.Set {
		case "skillspan/dev":
			t.Run(r.Field, func(t *testing.T) {
				if r.Spans == nil || *r.Spans != want[r.Field] {
					t.Fatalf("counts %+v, want %+v", r.Spans, want[r.Field])
				}
				if r.Cases != 7 {
					t.Errorf("cases %d, want the 7 tech sentences", r.Cases)
				}
			})
		case "skillspan/train", "skillspan/test":
			if !r.Missing || r.Cases != 0 {
				t.Errorf("%s %s: absent file not reported as missing: %+v", r.Set, r.Field, r)
			}
		default:
			t.Errorf("unexpected result %s %s", r.Set, r.Field)
		}
	}
	t.Run("disagreements", func(t *testing.T) {
		r := find(t, rs, "skillspan/dev", "skills")
		var got []string
		for _, c := range r.Worst {
			got = append(got, c.Got+" | "+c.Want+" | "+c.Text)
		}
		joined := strings.Join(got, "\n")
		for _, s := range []string{`Excel ("Excel") — once | no marked span at any of its 1 mentions`,
			"nothing | knowledge \"Terraform\" — missed once | Cloud testing and [[Terraform]]",
			"communication skills and [[Excel]]"} {
			if !strings.Contains(joined, s) {
				t.Errorf("worst cases lack %q:\n%s", s, joined)
			}
		}
		if strings.Contains(joined, "We run [[Kubernetes]]") {
			t.Errorf("skills judged a mention in an unmarked sentence:\n%s", joined)
		}
		var strict []string
		for _, c := range find(t, rs, "skillspan/dev", "skills/strict").Worst {
			strict = append(strict, c.Text)
		}
		if !strings.Contains(strings.Join(strict, "\n"), "We run [[Kubernetes]]") {
			t.Errorf("skills/strict lacks the unmarked sentence's Kubernetes: %q", strict)
		}
	})
	t.Run("no finder", func(t *testing.T) {
		rs, err := Run(context.Background(), shared, fixture, Options{Sets: []string{"skillspan/dev"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.Cases != 0 || r.Spans != nil || r.Missing {
				t.Errorf("%s: an extractor that cannot place skills got %+v", r.Field, r)
			}
		}
	})
}

func TestTechNames(t *testing.T) {
	tech, err := readTechNames(filepath.Join("testdata", "shared"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want bool
	}{
		{"Java", true},           // linguist name
		{"python3", true},        // linguist alias
		{"Terraform", true},      // O*NET example
		{"Kubernetes", true},     // tag
		{"k8s", true},            // tag synonym
		{"kubernetes )", true},   // punctuation around it
		{"cloud", false},         // a tag, but an ordinary word
		{"Cloud testing", false}, // not a tag
		{"English", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := tech.isTech(tt.text); got != tt.want {
				t.Errorf("isTech(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestBIOSpans(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want [][2]int
	}{
		{"none", []string{"O", "O"}, nil},
		{"one", []string{"O", "B", "I", "O"}, [][2]int{{1, 3}}},
		{"adjacent", []string{"B", "B", "I"}, [][2]int{{0, 1}, {1, 3}}},
		{"I without B", []string{"O", "I", "I"}, [][2]int{{1, 3}}},
		{"at end", []string{"O", "B"}, [][2]int{{1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bioSpans(tt.tags)
			if len(got) != len(tt.want) {
				t.Fatalf("bioSpans(%v) = %v, want %v", tt.tags, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("bioSpans(%v) = %v, want %v", tt.tags, got, tt.want)
				}
			}
		})
	}
}
