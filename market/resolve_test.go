package market

import (
	"reflect"
	"strings"
	"testing"

	"jobscope"
	"jobscope/taxonomy"
)

func testResolver(t *testing.T) *Resolver {
	t.Helper()
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	terms := []jobscope.Term{
		{Name: "Python", Kind: jobscope.KindSkill, Ads: 900},
		{Name: "Python Developer", Kind: jobscope.KindTitle, Ads: 80},
		{Name: "Kubernetes", Kind: jobscope.KindSkill, Ads: 300},
		{Name: "Go", Kind: jobscope.KindSkill, Ads: 200},
		{Name: "C++", Kind: jobscope.KindSkill, Ads: 150},
		{Name: "C#", Kind: jobscope.KindSkill, Ads: 160},
		{Name: "C", Kind: jobscope.KindSkill, Ads: 120},
		{Name: "Node.js", Kind: jobscope.KindSkill, Ads: 100},
		{Name: "Backend Developer", Kind: jobscope.KindTitle, Ads: 400},
		{Name: "Manchester", Kind: jobscope.KindLocation, Ads: 500},
		{Name: "Chef", Kind: jobscope.KindSkill, Ads: 5},
		{Name: "Chef", Kind: jobscope.KindTitle, Ads: 50},
	}
	return NewResolver(terms, tax)
}

func TestResolve(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		name string
		kind jobscope.TermKind
		want string // kind/name
	}{
		{"Python", "", "skill/Python"},
		{"python", "", "skill/Python"},
		{"PYTHON", "", "skill/Python"},
		{"k8s", "", "skill/Kubernetes"},
		{"golang", "", "skill/Go"},
		{"nodejs", "", "skill/Node.js"},
		{"Node JS", "", "skill/Node.js"},
		{"c++", "", "skill/C++"},
		{"c#", "", "skill/C#"},
		{"C", "", "skill/C"},
		{"back end developer", "", "title/Backend Developer"},
		{"Back-End Developer", "", "title/Backend Developer"},
		{"manchester", "", "location/Manchester"},
		{"Chef", "", "skill/Chef"},
		{"Chef", jobscope.KindTitle, "title/Chef"},
	}
	for _, tt := range tests {
		got, err := r.Resolve(tt.name, tt.kind)
		if err != nil {
			t.Errorf("Resolve(%q, %q): %v", tt.name, tt.kind, err)
			continue
		}
		if s := string(got.Kind) + "/" + got.Name; s != tt.want {
			t.Errorf("Resolve(%q, %q) = %s, want %s", tt.name, tt.kind, s, tt.want)
		}
	}
}

func TestResolveNotFound(t *testing.T) {
	r := testResolver(t)
	tests := []struct {
		name  string
		kind  jobscope.TermKind
		code  Code
		sugg  []string
		inMsg string
	}{
		{"Pyhton", "", NotFound, []string{"Python"}, `no ads cite "Pyhton"`},
		{"Kubernets", "", NotFound, []string{"Kubernetes"}, ""},
		{"Pythn", jobscope.KindTitle, NotFound, []string{"Python Developer"}, ""},
		{"Rust", "", NotFound, nil, "(Rust)"}, // the taxonomy knows it, no ad cites it
		{"Python", "colour", Invalid, nil, "want skill, title or location"},
		{"  ", "", Invalid, nil, "name a term"},
	}
	for _, tt := range tests {
		_, err := r.Resolve(tt.name, tt.kind)
		if CodeOf(err) != tt.code {
			t.Errorf("Resolve(%q, %q): code %q (%v), want %q", tt.name, tt.kind, CodeOf(err), err, tt.code)
			continue
		}
		if got := SuggestionsOf(err); len(tt.sugg) > 0 && (len(got) == 0 || !reflect.DeepEqual(got[:len(tt.sugg)], tt.sugg)) {
			t.Errorf("Resolve(%q): suggestions %q, want first %q", tt.name, got, tt.sugg)
		}
		if tt.inMsg != "" && !strings.Contains(err.Error(), tt.inMsg) {
			t.Errorf("Resolve(%q): %q, want it to hold %q", tt.name, err, tt.inMsg)
		}
	}
}

func TestSuggest(t *testing.T) {
	cands := []Candidate{{Name: "Python", Weight: 10}, {Name: "Pytorch", Weight: 50}, {Name: "Kubernetes"},
		{Name: "Kubernetes", Key: "k8s"}, {Name: "Go", Weight: 3}, {Name: "Groovy"}}
	tests := []struct {
		q    string
		want []string
	}{
		{"Pyhton", []string{"Python"}},         // a swap is one edit
		{"pyt", []string{"Pytorch", "Python"}}, // both start so: the more cited first
		{"k8", []string{"Kubernetes"}},         // through an alias
		{"zzzzzz", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := Suggest(tt.q, cands, 5); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Suggest(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{{"", "", 0}, {"abc", "", 3}, {"pyhton", "python", 1}, {"kitten", "sitting", 3}, {"go", "og", 1}}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestOneOf(t *testing.T) {
	valid := []string{"Cloud Services", "Programming Languages", "GB excluding London", "London"}
	tests := []struct {
		in, want string
		sugg     string // first suggestion when invalid
	}{
		{"cloud services", "Cloud Services", ""},
		{"Cloud-Services", "Cloud Services", ""},
		{"gb excluding london", "GB excluding London", ""},
		{"LONDON", "London", ""},
		{"cloud", "", "Cloud Services"},
		{"Programing Languages", "", "Programming Languages"},
	}
	for _, tt := range tests {
		got, err := oneOf("category", tt.in, valid)
		if tt.want != "" {
			if err != nil || got != tt.want {
				t.Errorf("oneOf(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
			continue
		}
		if CodeOf(err) != Invalid || !strings.Contains(err.Error(), "want one of Cloud Services") {
			t.Errorf("oneOf(%q): %v, want an invalid error listing the valid ones", tt.in, err)
		}
		if s := SuggestionsOf(err); len(s) == 0 || s[0] != tt.sugg {
			t.Errorf("oneOf(%q): suggestions %q, want %q first", tt.in, s, tt.sugg)
		}
	}
}
