package market

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jobscope"
)

func TestParseWords(t *testing.T) {
	tests := []struct {
		in                       string
		words, phrases, excluded []string
	}{
		{"", nil, nil, nil},
		{"Go  kubernetes", []string{"go", "kubernetes"}, nil, nil},
		{`"Machine Learning" python -PHP`, []string{"python"}, []string{"machine learning"}, []string{"php"}},
		{`C# C++ .NET (Go), node.js`, []string{"c#", "c++", "net", "go", "node.js"}, nil, nil},
		{`"one" "unclosed phrase`, []string{"one"}, []string{"unclosed phrase"}, nil},
		{`go go GO - -- "`, []string{"go"}, nil, nil},
	}
	for _, tt := range tests {
		w, p, x := ParseWords(tt.in)
		if !slices.Equal(w, tt.words) || !slices.Equal(p, tt.phrases) || !slices.Equal(x, tt.excluded) {
			t.Errorf("ParseWords(%q) = %q, %q, %q; want %q, %q, %q", tt.in, w, p, x, tt.words, tt.phrases, tt.excluded)
		}
	}
}

// TestServiceSearch searches ads ingested for real: resolved filters, bad input, cursors, and an ad
// shown with its salary and skills marked where the text says them.
func TestServiceSearch(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	ingestFile(t, db, "a.jsonl", strings.Join([]string{
		`{"id":"1","title":"Senior Go Developer","description":"<p>Services in Golang and Kubernetes. £60,000 - £70,000 per annum.</p>","posted_at":"2026-11-01","location":"Leeds"}`,
		`{"id":"2","title":"DevOps Engineer","description":"Terraform and Kubernetes, outside IR35.","posted_at":"2026-11-02","salary":"£500 per day","location":"London"}`,
		`{"id":"3","title":"Data Analyst","description":"SQL and Excel for the finance team.","posted_at":"2026-11-03","salary":"£35,000","location":"Leeds"}`,
	}, "\n")+"\n")
	svc, err := Open(ctx, Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	ids := func(r *SearchResult) []string {
		var out []string
		for _, h := range r.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	tests := []struct {
		name string
		in   SearchInput
		want []string
		code Code
	}{
		{"all, newest first", SearchInput{}, []string{"3", "2", "1"}, ""},
		{"words", SearchInput{Q: "kubernetes"}, []string{"2", "1"}, ""},
		{"a skill by its alias", SearchInput{Skill: "k8s"}, []string{"2", "1"}, ""},
		{"a place", SearchInput{Location: "leeds"}, []string{"3", "1"}, ""},
		{"a title", SearchInput{Title: "data analyst"}, []string{"3"}, ""},
		{"a market", SearchInput{Market: "Contract"}, []string{"2"}, ""},
		{"day rate", SearchInput{Market: "contract", MinPay: "400", MaxPay: "600"}, []string{"2"}, ""},
		{"salary", SearchInput{MinPay: "50k"}, []string{"1"}, ""},
		{"since", SearchInput{Since: "2026-11-02"}, []string{"3", "2"}, ""},
		{"seniority", SearchInput{Seniority: "senior"}, []string{"1"}, ""},
		{"unknown skill", SearchInput{Skill: "Kuberntes"}, nil, NotFound},
		{"bad market", SearchInput{Market: "gig"}, nil, Invalid},
		{"bad pay", SearchInput{MinPay: "lots"}, nil, Invalid},
		{"min above max", SearchInput{MinPay: "9", MaxPay: "8"}, nil, Invalid},
		{"bad date", SearchInput{Since: "02/11/2026"}, nil, Invalid},
		{"bad limit", SearchInput{Limit: 1000}, nil, Invalid},
		{"bad cursor", SearchInput{Cursor: "nonsense!"}, nil, Invalid},
		{"too many words", SearchInput{Q: "a b c d e f g h i j k l m n o p q"}, nil, Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := svc.Search(ctx, tt.in)
			if tt.code != "" {
				if CodeOf(err) != tt.code {
					t.Fatalf("Search(%+v): %v, want %s", tt.in, err, tt.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r); !slices.Equal(got, tt.want) || r.Total != len(tt.want) {
				t.Errorf("Search(%+v) = %v (total %d), want %v", tt.in, got, r.Total, tt.want)
			}
		})
	}
	if _, err := svc.Search(ctx, SearchInput{Skill: "Kuberntes"}); !slices.Contains(SuggestionsOf(err), "Kubernetes") {
		t.Errorf("a misspelt skill suggests %v", SuggestionsOf(err))
	}

	var got []string
	in := SearchInput{Limit: 2}
	for range 5 {
		r, err := svc.Search(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ids(r)...)
		if r.Next == "" {
			break
		}
		in.Cursor = r.Next
	}
	if !slices.Equal(got, []string{"3", "2", "1"}) {
		t.Errorf("pages of 2 gave %v", got)
	}

	v, err := svc.Ad(ctx, jobscope.AdKey{Source: "a", ID: "1"})
	if err != nil {
		t.Fatal(err)
	}
	if v.Title != "Senior Go Developer" || v.Location != "Leeds" || strings.Contains(v.Text, "<p>") {
		t.Errorf("ad view %+v", v)
	}
	var marked []string
	for _, m := range v.Marks {
		marked = append(marked, m.Kind+":"+v.Text[m.Start:m.End])
	}
	for _, want := range []string{"skill:Go", "skill:Golang", "skill:Kubernetes", "salary:£60,000 - £70,000 per annum"} {
		if !slices.Contains(marked, want) {
			t.Errorf("marks %q lack %q", marked, want)
		}
	}
	if _, err := svc.Ad(ctx, jobscope.AdKey{Source: "a", ID: "404"}); CodeOf(err) != NotFound {
		t.Errorf("an unknown ad: %v", err)
	}
}
