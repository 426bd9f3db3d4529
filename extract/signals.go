package extract

import "jobscope"

// signals are what a description's words say about employment and work mode, gathered in one pass
// over its tokens rather than one search of the text per phrase.
type signals struct {
	permanent, contract    int
	temporary, internship  int
	fullTime, partTime     int
	hybrid, remote, onsite int
	notRemote              int
}

func (s *signals) typeScores() [4]int {
	return [4]int{s.permanent, s.contract, s.temporary, s.internship}
}

// signalWords are the words scanSignals acts on, the cases of its switch (TestPrefilters keeps the
// two the same); signalFilter has the bit of each one's hash set, so that one bit test passes over
// any other word.
var signalWords = []string{"permanent", "perm", "contract", "contractor", "freelance", "interim",
	"ir35", "w2", "1099", "c2c", "employed", "rate", "temporary", "temp", "locum", "seasonal", "term", "cover", "internship",
	"internships", "intern", "interns", "time", "fulltime", "parttime", "hybrid", "office", "remote", "remotely",
	"wfh", "home"}

const signalFilterBits = 4096

var signalFilter = func() (f [signalFilterBits / 64]uint64) {
	for _, w := range signalWords {
		for _, t := range tokenizeString(w) {
			b := t.hash % signalFilterBits
			f[b/64] |= 1 << (b % 64)
		}
	}
	return f
}()

// Neighbours that decide what an employment word means. contractNext, after "contract", and
// durationWords and contractBefore, before it, make it the kind of job; notPermanentNext and
// notTemporaryNext, after "permanent" and "temporary", make those words something else ("Permanent
// Residency", "temporary accommodation").
var (
	contractNext = toSet("role", "roles", "position", "positions", "opportunity", "basis", "assignment", "length",
		"duration", "job", "jobs", "post", "posts", "rate", "rates", "work", "contractor", "developer", "engineer",
		"consultant", "extension", "hire", "to", "initially", "until", "ir35", "inside", "outside", "day", "daily",
		"hourly", "w2", "c2c", "term")
	durationWords = toSet("month", "months", "week", "weeks", "year", "years", "mth", "mths", "long", "short",
		"term", "initial", "rolling", "fixed", "day", "daily", "hourly", "freelance", "interim", "ongoing", "on")
	contractBefore   = toSet("type", "temporary", "temp", "perm", "w2", "c2c", "1099", "freelance", "independent")
	notPermanentNext = toSet("resident", "residents", "residency", "residence", "record", "records", "address",
		"establishment", "collection", "exhibition", "exhibitions", "makeup", "marker", "magnet", "magnets", "damage")
	notTemporaryNext = toSet("accommodation", "housing", "files", "file", "tables", "table")
)

func toSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// scanSignals reads toks (lowercased words of a description).
func scanSignals(toks []token) signals {
	var s signals
	at := func(i int) string {
		if i >= 0 && i < len(toks) {
			return toks[i].lower
		}
		return ""
	}
	for i := range toks {
		if b := toks[i].hash % signalFilterBits; signalFilter[b/64]&(1<<(b%64)) == 0 {
			continue // not one of signalWords: most words of a text
		}
		w := toks[i].lower
		switch w {
		case "permanent", "perm":
			if !notPermanentNext[at(i+1)] {
				s.permanent++
			}
			if at(i+1) == "contract" {
				s.contract -= 2
			}
		case "contract":
			// "a 12 month contract", "contract role", "Job Type: Contract"; not "contract research",
			// "a government contract", "a contract for employment".
			if contractNext[at(i+1)] || durationWords[at(i-1)] || contractBefore[at(i-1)] {
				s.contract++
			}
		case "contractor":
			if at(i-1) == "a" || at(i-1) == "as" || at(i-1) == "independent" || at(i-1) == "freelance" || contractNext[at(i+1)] {
				s.contract++
			}
		case "freelance", "interim", "ir35":
			s.contract++
		case "employed":
			if at(i-1) == "self" {
				s.contract++
			}
		case "w2", "1099", "c2c":
			if w != "1099" || at(i+1) == "contract" || at(i+1) == "contractor" || at(i-1) == "w2" {
				s.contract++
			}
		case "rate":
			if at(i-1) == "day" || at(i-1) == "daily" {
				s.contract++
			}
		case "temporary", "temp", "locum", "seasonal":
			if !notTemporaryNext[at(i+1)] {
				s.temporary++
			}
		case "term":
			if at(i-1) == "fixed" {
				s.temporary++
			}
		case "cover":
			if at(i-1) == "maternity" {
				s.temporary++
			}
		case "internship", "internships":
			s.internship++
		case "intern", "interns":
			if at(i-1) == "an" || at(i-1) == "as" {
				s.internship++
			}
		case "time":
			switch at(i - 1) {
			case "full":
				s.fullTime++
			case "part":
				s.partTime++
			}
		case "fulltime":
			s.fullTime++
		case "parttime":
			s.partTime++
		case "hybrid":
			s.hybrid++
		case "office":
			switch {
			case at(i-1) == "in" && at(i-2) == "days" && fewDays(at(i-3)) ||
				at(i-1) == "the" && at(i-2) == "in" && at(i-3) == "days" && fewDays(at(i-4)):
				s.hybrid++ // "2 days in the office"
			case fewDays(at(i+1)) && (at(i+2) == "days" || at(i+2) == "day"):
				s.hybrid++ // "in our Leeds office 2 days a week"
			case (at(i-1) == "the" || at(i-1) == "our") && at(i-2) == "in" && at(i-3) == "week" &&
				(at(i-5) == "days" || at(i-5) == "day") && fewDays(at(i-6)):
				s.hybrid++ // "3 days a week in the office"
			case at(i-1) == "in" && at(i-2) == "week" && (at(i-4) == "days" || at(i-4) == "day") && fewDays(at(i-5)):
				s.hybrid++ // "2 days per week in office"
			}
			if at(i+1) == "based" {
				s.onsite++
			}
		case "remote":
			switch {
			case at(i-1) == "no" || at(i-1) == "not":
				s.notRemote++
			case at(i-1) == "fully" || at(i-1) == "100" || at(i-1) == "partially" || at(i-1) == "partly":
				if at(i-1) == "partially" || at(i-1) == "partly" {
					s.hybrid++
				} else {
					s.remote++
				}
			default:
				switch at(i + 1) {
				case "working", "first", "role", "position", "friendly", "ok", "job", "team", "company":
					s.remote++
				}
			}
		case "remotely":
			s.remote++
		case "wfh":
			s.remote++
		case "home":
			if (at(i-1) == "from" && (at(i-2) == "work" || at(i-2) == "working")) || at(i+1) == "based" {
				s.remote++
			}
		}
	}
	return s
}

// fewDays reports whether a word counts the days of a week some of which are at home: one to four,
// or "a few".
func fewDays(w string) bool {
	switch w {
	case "1", "2", "3", "4", "one", "two", "three", "four", "few":
		return true
	}
	return false
}

// typeFromSignals picks the employment type a description states clearly, or "".
func (s *signals) employmentType(titleScores [4]int) string {
	names := [4]string{jobscope.Permanent, jobscope.Contract, jobscope.Temporary, jobscope.Internship}
	sc := s.typeScores()
	best, bestScore, second := -1, 0, 0
	for i := range sc {
		v := sc[i] + 5*titleScores[i]
		if v > bestScore {
			second = bestScore
			best, bestScore = i, v
		} else if v > second {
			second = v
		}
	}
	if best >= 0 && bestScore >= 1 && bestScore > 2*second {
		return names[best]
	}
	return ""
}

func (s *signals) hours(title string) string {
	ft, pt := s.fullTime, s.partTime
	ft += countAny(title, "full time", "full-time", "fulltime")
	pt += countAny(title, "part time", "part-time", "parttime")
	switch {
	case ft > 0 && pt == 0:
		return "full_time"
	case pt > 0 && ft == 0:
		return "part_time"
	}
	return ""
}

func (s *signals) workMode() string {
	switch {
	case s.hybrid > 0:
		return "hybrid"
	case s.notRemote > 0:
		return "onsite"
	case s.remote > 0 && s.onsite > 0:
		return ""
	case s.remote > 0:
		return "remote"
	case s.onsite > 0:
		return "onsite"
	}
	return ""
}
