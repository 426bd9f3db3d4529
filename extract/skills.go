package extract

import (
	"jobscope"
	"jobscope/taxonomy"
)

// skillCues are words that make a guarded skill name ("Go", "Swift") count when they are near it.
var skillCues = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"programming", "language", "languages", "developer", "developers", "development",
		"engineer", "engineers", "engineering", "code", "coding", "stack", "framework", "frameworks", "library",
		"libraries", "scripting", "software", "backend", "frontend", "tech", "technologies", "technology",
		"tools", "tooling", "database", "databases", "devops", "cloud", "platform", "api", "apis", "web"} {
		m[w] = true
	}
	return m
}()

// skillBlockers are words before a one-letter name ("Grade C", "Vitamin C") that show it is no language.
var skillBlockers = map[string]bool{"grade": true, "band": true, "class": true, "type": true, "vitamin": true,
	"level": true, "section": true, "plan": true, "part": true, "category": true, "tier": true, "option": true,
	"schedule": true, "phase": true, "lot": true, "block": true, "unit": true, "zone": true, "room": true,
	"ward": true, "floor": true, "team": true, "group": true, "division": true, "step": true, "stage": true,
	"size": true, "appendix": true, "annex": true, "exhibit": true, "figure": true, "table": true, "area": true}

type skillMatch struct {
	pos, n int
	skill  int32
	guard  uint8
}

// findSkills returns the skills mentioned in text (tokens toks), each once, in order of first mention.
func (e *Extractor) findSkills(text string, toks []token, out []jobscope.Skill) []jobscope.Skill {
	var buf [64]skillMatch
	matches := buf[:0]
	for i := 0; i < len(toks); {
		p := e.skills.longest(toks, i)
		if p == nil {
			i++
			continue
		}
		n := len(p.words)
		if p.guard == uint8(taxonomy.GuardCase) {
			ok := true
			for k := 0; k < n; k++ {
				t := toks[i+k]
				if text[t.start:t.end] != p.written[k] {
					ok = false
					break
				}
			}
			if !ok {
				i++
				continue
			}
		}
		matches = append(matches, skillMatch{pos: i, n: n, skill: p.id, guard: p.guard})
		i += n
	}
	var idBuf [32]int32
	ids := idBuf[:0]
	for mi, m := range matches {
		if m.guard != uint8(taxonomy.GuardNone) && !e.skillContext(text, toks, matches, mi) {
			continue
		}
		if containsID(ids, m.skill) {
			continue
		}
		ids = append(ids, m.skill)
		s := e.skillList[m.skill]
		out = append(out, jobscope.Skill{Name: s.Name, Category: s.Category})
	}
	return out
}

// skillContext reports whether a guarded match is in a technical context: an unguarded skill or a cue
// word nearby, and nothing around it that shows an ordinary word ("go to", "R&D", "grade C").
func (e *Extractor) skillContext(text string, toks []token, matches []skillMatch, mi int) bool {
	m := matches[mi]
	end := m.pos + m.n
	if end < len(toks) && toks[end].lower == "to" && m.n == 1 {
		return false
	}
	first, last := toks[m.pos], toks[end-1]
	if m.n == 1 && last.end-first.start == 1 {
		if last.end < len(text) {
			if c := text[last.end]; c == '&' || c == '\'' || c == '-' || c == '*' {
				return false
			}
		}
		if first.start > 0 {
			if c := text[first.start-1]; c == '&' || c == '-' || c == '\'' {
				return false
			}
		}
		if m.pos > 0 && skillBlockers[toks[m.pos-1].lower] {
			return false
		}
	}
	for j := mi - 1; j >= 0 && matches[j].pos >= m.pos-8; j-- {
		if matches[j].guard == uint8(taxonomy.GuardNone) {
			return true
		}
	}
	for j := mi + 1; j < len(matches) && matches[j].pos <= end+8; j++ {
		if matches[j].guard == uint8(taxonomy.GuardNone) {
			return true
		}
	}
	lo, hi := m.pos-4, end+4
	if lo < 0 {
		lo = 0
	}
	if hi > len(toks) {
		hi = len(toks)
	}
	for k := lo; k < hi; k++ {
		if (k < m.pos || k >= end) && skillCues[toks[k].lower] {
			return true
		}
	}
	return false
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
