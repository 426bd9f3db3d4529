package market

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"jobscope"
	"jobscope/taxonomy"
)

// Resolver finds the term a user means among the terms the ads cite: by its name, in any case and
// punctuation ("back-end developer", "nodejs"), or by any alias the taxonomy gives it ("k8s",
// "golang"), and, when nothing matches, suggests the names spelled most alike ("Pyhton" → Python).
type Resolver struct {
	terms []jobscope.Term
	byKey map[string][]int // key of a term's name → its indexes in terms
	// aliasOf maps the key of a taxonomy alias to the canonical names it stands for, with the kind.
	aliasOf map[string][]aliasTarget
}

type aliasTarget struct {
	kind jobscope.TermKind
	name string
}

// NewResolver indexes terms (the engine's) and the aliases of tax (nil: none).
func NewResolver(terms []jobscope.Term, tax *taxonomy.Taxonomy) *Resolver {
	r := &Resolver{terms: terms, byKey: map[string][]int{}, aliasOf: map[string][]aliasTarget{}}
	for i, t := range terms {
		k := Key(t.Name)
		r.byKey[k] = append(r.byKey[k], i)
	}
	if tax != nil {
		for _, s := range tax.Skills {
			for _, a := range s.Aliases {
				r.addAlias(a.Text, jobscope.KindSkill, s.Name)
			}
		}
		for _, t := range tax.Titles {
			for _, a := range t.Aliases {
				r.addAlias(a, jobscope.KindTitle, t.Name)
			}
		}
	}
	return r
}

func (r *Resolver) addAlias(alias string, kind jobscope.TermKind, name string) {
	k := Key(alias)
	if k == "" {
		return
	}
	t := aliasTarget{kind, name}
	if !slices.Contains(r.aliasOf[k], t) {
		r.aliasOf[k] = append(r.aliasOf[k], t)
	}
}

// Key is what two spellings of one name share: lower case, letters and digits only, with '+' and
// '#' kept ("C++", "C#") — "Back-end developer", "back end  developer" and "BackEnd Developer" alike.
func Key(name string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(name) {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c) || c == '+' || c == '#':
			b.WriteRune(c)
		}
	}
	return b.String()
}

// kindOrder ranks the kinds when one name is several: a skill, then a title, then a location.
var kindOrder = map[jobscope.TermKind]int{jobscope.KindSkill: 0, jobscope.KindTitle: 1, jobscope.KindLocation: 2}

// Resolve returns the term name means, of kind when kind is set. In order: the exact name, the
// name in another case or punctuation, the canonical name of a taxonomy alias. A name no ad cites is
// a NotFound Error whose Suggestions are the names spelled most alike; an unknown kind is Invalid.
func (r *Resolver) Resolve(name string, kind jobscope.TermKind) (jobscope.Term, error) {
	if kind != "" && kind != jobscope.KindSkill && kind != jobscope.KindTitle && kind != jobscope.KindLocation {
		return jobscope.Term{}, invalidf(fmt.Sprintf("unknown kind %q: want skill, title or location", kind))
	}
	if strings.TrimSpace(name) == "" {
		return jobscope.Term{}, invalidf("name a term")
	}
	pick := func(idx []int, exact bool) (jobscope.Term, bool) {
		best := -1
		for _, i := range idx {
			t := r.terms[i]
			if kind != "" && t.Kind != kind || exact && t.Name != name {
				continue
			}
			if best < 0 || kindOrder[t.Kind] < kindOrder[r.terms[best].Kind] {
				best = i
			}
		}
		if best < 0 {
			return jobscope.Term{}, false
		}
		return r.terms[best], true
	}
	k := Key(name)
	if t, ok := pick(r.byKey[k], true); ok {
		return t, nil
	}
	if t, ok := pick(r.byKey[k], false); ok {
		return t, nil
	}
	var known []string // canonical names the alias stands for, whether or not ads cite them
	for _, a := range r.aliasOf[k] {
		if kind != "" && a.kind != kind {
			continue
		}
		known = append(known, a.name)
		var idx []int
		for _, i := range r.byKey[Key(a.name)] {
			if r.terms[i].Kind == a.kind {
				idx = append(idx, i)
			}
		}
		if t, ok := pick(idx, false); ok {
			return t, nil
		}
	}
	msg := fmt.Sprintf("no ads cite %q", name)
	if len(known) > 0 {
		msg = fmt.Sprintf("no ads cite %q (%s)", name, strings.Join(known, ", "))
	}
	return jobscope.Term{}, &Error{Code: NotFound, Message: msg, Suggestions: r.Suggest(name, kind, 5)}
}

// Suggest returns up to n names of terms (of kind, when set) spelled most like name, most alike
// first: see Suggest.
func (r *Resolver) Suggest(name string, kind jobscope.TermKind, n int) []string {
	var cands []Candidate
	for _, t := range r.terms {
		if kind == "" || t.Kind == kind {
			cands = append(cands, Candidate{Name: t.Name, Weight: t.Ads})
		}
	}
	for k, ts := range r.aliasOf {
		for _, a := range ts {
			if kind != "" && a.kind != kind {
				continue
			}
			if _, cited := r.byKey[Key(a.name)]; cited {
				cands = append(cands, Candidate{Name: a.name, Key: k})
			}
		}
	}
	return Suggest(name, cands, n)
}

// Candidate is a name Suggest may offer: Key, when set, is the spelling compared (an alias), Name
// what is offered for it; Weight (ads citing it) breaks ties.
type Candidate struct {
	Name   string
	Key    string
	Weight int
}

// Suggest ranks the candidates by how alike their spelling is to name's: the edit distance between
// keys (a swap of two letters counting as one edit, so "Pyhton" is one from "Python"), a name
// that starts with what was typed coming next, then the weight. Only candidates within a third of
// the name's length (at least 1, at most 3 edits) are offered, each name once.
func Suggest(name string, cands []Candidate, n int) []string {
	q := Key(name)
	if q == "" {
		return nil
	}
	limit := min(max(1, len([]rune(q))/3), 3)
	type scored struct {
		name   string
		dist   int
		prefix bool
		weight int
	}
	best := map[string]scored{}
	for _, c := range cands {
		k := c.Key
		if k == "" {
			k = Key(c.Name)
		}
		d := editDistance(q, k)
		prefix := len(q) >= 3 && strings.HasPrefix(k, q)
		if d > limit && !prefix {
			continue
		}
		s := scored{c.Name, d, prefix, c.Weight}
		if prefix {
			s.dist = min(d, limit)
		}
		if old, ok := best[c.Name]; !ok || s.dist < old.dist || s.dist == old.dist && s.weight > old.weight {
			if ok && old.weight > s.weight {
				s.weight = old.weight
			}
			best[c.Name] = s
		}
	}
	list := make([]scored, 0, len(best))
	for _, s := range best {
		list = append(list, s)
	}
	slices.SortFunc(list, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.dist, b.dist), boolFirst(a.prefix, b.prefix), cmp.Compare(b.weight, a.weight),
			strings.Compare(a.name, b.name))
	})
	var out []string
	for i := 0; i < len(list) && i < n; i++ {
		out = append(out, list[i].name)
	}
	return out
}

func boolFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// editDistance is the optimal string alignment distance between a and b: insertions, deletions,
// substitutions and swaps of two neighbouring letters each count one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 || len(rb) == 0 {
		return max(len(ra), len(rb))
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
