package gen

import (
	"hash/fnv"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"jobscope"
)

// Repost returns ad as another job board would post it: a new source, ID and URL; the same company,
// title and place (the location perhaps written differently); the employment label in the board's
// own words; the description lightly edited (a few words changed, a board's line added); posted 0
// to 10 days later. The copy stays a near-duplicate of ad (word 3-shingle Jaccard about 0.9; see TestNearDuplicates), which
// is what duplicate detection must catch. rnd drives the edits, so the same rnd state gives the
// same copy.
func Repost(ad jobscope.RawAd, source string, rnd *rand.Rand) jobscope.RawAd {
	cp := ad
	cp.Source = source
	cp.ID = repostID(ad, source)
	cp.URL = adURL(source, cp.ID)
	cp.Raw = nil
	if rnd.Float64() < 0.5 {
		cp.Location = rewriteLocation(rnd, ad.Location)
	}
	if rnd.Float64() < 0.4 {
		cp.EmploymentType = relabel(rnd, ad.EmploymentType)
	}
	cp.Description = editDescription(rnd, ad.Description, source)
	delay := time.Duration(rnd.IntN(11)) * 24 * time.Hour
	if !ad.PostedAt.IsZero() {
		cp.PostedAt = ad.PostedAt.Add(delay)
		if rnd.Float64() < 0.5 {
			// Boards differ in whether they give a time of day.
			d := cp.PostedAt.UTC()
			cp.PostedAt = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	if !ad.ClosedAt.IsZero() {
		cp.ClosedAt = ad.ClosedAt.Add(delay)
	}
	return cp
}

// repostID is a 12-digit board ID derived from the original's key and the board, so that copies of
// different ads never share an ID.
func repostID(ad jobscope.RawAd, source string) string {
	h := fnv.New64a()
	h.Write([]byte(ad.Source))
	h.Write([]byte{0})
	h.Write([]byte(ad.ID))
	h.Write([]byte{0})
	h.Write([]byte(source))
	return strconv.FormatUint(100000000000+h.Sum64()%900000000000, 10)
}

// rewriteLocation writes the same place another way ("Leeds" -> "Leeds, West Yorkshire").
// A rewrite keeps whatever told the place apart: a US place keeps its state, a London area says London,
// so that "Cambridge, MA" never becomes a Cambridge that reads as the English one.
func rewriteLocation(r *rand.Rand, loc string) string {
	order := [2][]region{ukRegions, usRegions}
	if looksUS(loc) {
		order = [2][]region{usRegions, ukRegions}
	}
	for _, regs := range order {
		uk := &regs[0] == &ukRegions[0]
		for ri := range regs {
			reg := &regs[ri]
			for pi := range reg.places {
				p := &reg.places[pi]
				if !strings.HasPrefix(loc, p.name) || (len(loc) > len(p.name) && isWordByte(loc[len(p.name)])) {
					continue
				}
				var forms []string
				if uk {
					forms = []string{p.name, p.name + ", " + p.county, p.name + ", " + regionAlt(reg.name), p.name + ", UK"}
					if p.county == p.name {
						forms = []string{p.name, p.name + ", UK", p.name + ", England"}
					}
					if p.county == "London" && p.name != "London" {
						forms = []string{p.name + ", London", p.name + ", Greater London", p.name + " (London)"}
					}
				} else {
					forms = []string{p.name + ", " + reg.abbr, p.name + ", " + reg.name}
				}
				// Keep a work-mode marker if the original had one.
				suffix := ""
				for _, m := range []string{"(Hybrid)", "Hybrid", "(Remote)", "Remote"} {
					if strings.Contains(loc, m) {
						suffix = " (" + strings.Trim(m, "()") + ")"
						break
					}
				}
				for range 4 {
					if f := forms[r.IntN(len(forms))] + suffix; f != loc {
						return f
					}
				}
				return loc
			}
		}
	}
	return loc
}

// looksUS reports whether a location names a US state, by code (", TX") or name.
func looksUS(loc string) bool {
	for ri := range usRegions {
		reg := &usRegions[ri]
		if strings.Contains(loc, ", "+reg.abbr) || strings.Contains(loc, reg.name) {
			return true
		}
	}
	return strings.Contains(loc, "US")
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// relabel writes an employment label in another board's words, keeping its meaning.
func relabel(r *rand.Rand, label string) string {
	l := strings.ToLower(label)
	var opts []string
	switch {
	case l == "":
		return label
	case strings.Contains(l, "intern") || strings.Contains(l, "placement"):
		opts = []string{"Internship", "INTERN", "Internship, full-time"}
	case strings.Contains(l, "contract") || strings.Contains(l, "freelance") || strings.Contains(l, "1099"):
		opts = []string{"Contract", "contract", "Contract, full-time", "CONTRACTOR"}
		if strings.Contains(l, "hire") {
			opts = []string{"Contract-to-hire", "Contract to hire"}
		}
	case strings.Contains(l, "temp") || strings.Contains(l, "fixed"):
		opts = []string{"Temporary", "Temporary, full-time", "TEMPORARY", "Fixed Term Contract"}
	case strings.Contains(l, "perm"):
		opts = []string{"Permanent", "Permanent, full-time", "permanent", "Full-time, Permanent"}
	case strings.Contains(l, "full"):
		opts = []string{"Full-time", "FULL_TIME", "Full Time", "full-time"}
	default:
		return label
	}
	return opts[r.IntN(len(opts))]
}

// wordSwaps are light edits a board (or the advertiser re-posting) makes.
var wordSwaps = [][2]string{
	{"looking for", "seeking"}, {"role", "position"}, {"great", "strong"}, {"help", "support"},
	{"build", "develop"}, {"Strong", "Solid"}, {"company", "business"}, {"You'll", "You will"},
	{"We're", "We are"}, {"experience", "background"}, {"team", "squad"}, {"work", "collaborate"},
	{"join", "become part of"}, {"Excellent", "Outstanding"}, {"people", "staff"}, {"every day", "daily"},
}

var boardLines = []string{
	"Apply now",
	"Apply now via {board}.",
	"Click apply to be considered for this role.",
	"Posted on {board}. Reference: {ref}",
	"Job reference: {ref}",
	"{board} — apply in one click with your saved CV.",
	"This vacancy was advertised on {board}; please mention it when you apply.",
}

// editDescription changes a few words and adds a board's line.
func editDescription(r *rand.Rand, desc, board string) string {
	if desc == "" {
		return desc
	}
	html := strings.Contains(desc, "<p>") || strings.Contains(desc, "<li>")
	if html && r.Float64() < 0.15 {
		desc = htmlToText(desc)
		html = false
	}
	for n, tries := 2+r.IntN(4), 0; n > 0 && tries < 20; tries++ {
		sw := wordSwaps[r.IntN(len(wordSwaps))]
		if i := indexWord(desc, sw[0], r.IntN(len(desc))); i >= 0 {
			desc = desc[:i] + sw[1] + desc[i+len(sw[0]):]
			n--
		}
	}
	line := boardLines[r.IntN(len(boardLines))]
	line = strings.ReplaceAll(line, "{board}", board)
	line = strings.ReplaceAll(line, "{ref}", "JS"+strconv.Itoa(100000+r.IntN(900000)))
	switch {
	case html && r.Float64() < 0.7:
		return desc + "<p>" + line + "</p>"
	case html:
		return "<p>" + line + "</p>" + desc
	case r.Float64() < 0.7:
		return desc + "\n\n" + line
	default:
		return line + "\n\n" + desc
	}
}

// indexWord finds w as a whole word in s at or after from, else before it; -1 if absent.
func indexWord(s, w string, from int) int {
	for _, start := range [2]int{from, 0} {
		for i := start; i < len(s); {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			k := i + j
			if (k == 0 || !isWordByte(s[k-1])) && (k+len(w) == len(s) || !isWordByte(s[k+len(w)])) {
				return k
			}
			i = k + 1
		}
	}
	return -1
}

// htmlToText turns the generator's HTML into plain text, as a board that strips markup would.
var htmlReplacer = strings.NewReplacer(
	"<p><strong>", "", "</strong></p>", "\n", "<h3>", "", "</h3>", "\n", "<p><b>", "", "</b></p>", "\n",
	"<p>", "", "</p>", "\n\n", "<ul>", "", "</ul>", "\n", "<li>", "- ", "</li>", "\n",
	"&amp;", "&", "&lt;", "<", "&gt;", ">",
)

func htmlToText(s string) string { return strings.TrimSpace(htmlReplacer.Replace(s)) }
