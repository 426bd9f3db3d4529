package extract

import (
	"strconv"
	"strings"
)

// Seniority levels, lowest first.
var seniorityRank = map[string]int{"intern": 1, "graduate": 2, "junior": 3, "mid": 4, "senior": 5, "lead": 6,
	"principal": 7, "head": 8}

// seniorityWords maps title words to a seniority level.
var seniorityWords = map[string]string{
	"intern": "intern", "interns": "intern", "internship": "intern", "placement": "intern", "co-op": "intern",
	"graduate": "graduate", "grad": "graduate", "graduates": "graduate",
	"junior": "junior", "jr": "junior", "jnr": "junior", "trainee": "junior", "apprentice": "junior",
	"entry": "junior", "assistant": "",
	"mid": "mid", "intermediate": "mid", "midweight": "mid", "mid-level": "mid",
	"senior": "senior", "sr": "senior", "snr": "senior", "experienced": "",
	"lead": "lead", "leader": "lead",
	"principal": "principal", "staff": "lead",
	"head": "head", "director": "head", "vp": "head", "chief": "head", "cto": "head", "cio": "head", "ceo": "head", "cfo": "head",
}

// Seniority returns the seniority a job title states ("Senior", "Lead", "Head of", "Graduate"), or ""
// when it states none. "Staff" counts only before an engineering word ("Staff Engineer", not "Staff Nurse").
func Seniority(title string) string {
	var buf [32]token
	return seniorityOf(tokenize(buf[:0], title, lowerASCII(title)))
}

// seniorityOf is Seniority of a title's tokens.
func seniorityOf(toks []token) string {
	best := ""
	for i, t := range toks {
		w := t.lower
		level, ok := seniorityWords[w]
		switch {
		case w == "staff":
			if i+1 >= len(toks) || !engineeringWord(toks[i+1].lower) {
				ok = false
			}
		case w == "head":
			if i+1 >= len(toks) || (toks[i+1].lower != "of") {
				// "Head Chef", "Head Teacher": head of a team.
				ok = i+1 < len(toks)
			}
		case w == "lead" || w == "leader":
			// "Team Lead", "Lead Developer", "Tech Lead"; not "Lead Generation".
			if i+1 < len(toks) && (toks[i+1].lower == "generation" || toks[i+1].lower == "gen") {
				ok = false
			}
		case w == "entry":
			ok = i+1 < len(toks) && toks[i+1].lower == "level"
		case w == "mid":
			ok = i+1 < len(toks) && (toks[i+1].lower == "level" || toks[i+1].lower == "weight" || toks[i+1].lower == "senior") || i+1 == len(toks)
		case w == "director" && i > 0 && (toks[i-1].lower == "funeral" || toks[i-1].lower == "creative"):
			ok = false
		case w == "ii":
			level, ok = "mid", true
		case w == "iii" || w == "iv":
			level, ok = "senior", true
		}
		if !ok || level == "" {
			continue
		}
		if seniorityRank[level] > seniorityRank[best] {
			best = level
		}
	}
	return best
}

func engineeringWord(w string) bool {
	switch w {
	case "engineer", "software", "developer", "data", "scientist", "machine", "ml", "backend", "frontend",
		"platform", "security", "product", "designer", "site", "infrastructure", "full", "systems", "cloud":
		return true
	}
	return false
}

// seniorityFromText infers seniority from the experience an ad asks for when its title states none:
// five or more years is senior, three or four mid. It never infers junior, which the years asked for
// rarely show.
func seniorityFromText(lower string) string {
	years := 0
	for i := 0; i < len(lower); {
		j := strings.Index(lower[i:], "year")
		if j < 0 {
			break
		}
		j += i
		i = j + 4
		// Look back for "N+ years", "N years", "N-M years", "minimum of N years".
		k := j - 1
		for k >= 0 && (lower[k] == ' ' || lower[k] == '+') {
			k--
		}
		e := k + 1
		for k >= 0 && lower[k] >= '0' && lower[k] <= '9' {
			k--
		}
		if e-k-1 < 1 || e-k-1 > 2 {
			continue
		}
		n, _ := strconv.Atoi(lower[k+1 : e])
		if k >= 0 && lower[k] == '-' {
			// a range "3-5 years": take the lower figure.
			m := k - 1
			for m >= 0 && lower[m] >= '0' && lower[m] <= '9' {
				m--
			}
			if v, err := strconv.Atoi(lower[m+1 : k]); err == nil {
				n = v
			}
		}
		after := lower[i:min(len(lower), i+40)]
		if !strings.Contains(after, "experience") && !strings.Contains(after, "commercial") && !strings.Contains(after, "industry") && !strings.Contains(after, "professional") {
			continue
		}
		if n > years && n < 25 {
			years = n
		}
	}
	switch {
	case years >= 5:
		return "senior"
	case years >= 3:
		return "mid"
	}
	return ""
}

// NormalizeTitle returns the canonical job title a title matches, or "" when none does: the longest
// alias found anywhere in the title wins, the earliest on a tie.
func (e *Extractor) NormalizeTitle(title string) string {
	var buf [32]token
	return e.normalizeTitle(tokenize(buf[:0], title, lowerASCII(title)))
}

// normalizeTitle is NormalizeTitle of a title's tokens.
func (e *Extractor) normalizeTitle(toks []token) string {
	bestLen, best := 0, int32(-1)
	for i := range toks {
		p := e.titles.longest(toks, i)
		if p != nil && len(p.words) > bestLen {
			bestLen, best = len(p.words), p.id
		}
	}
	if best < 0 {
		return ""
	}
	return e.titleNames[best]
}
