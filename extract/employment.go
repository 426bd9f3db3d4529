package extract

import (
	"strings"

	"jobscope"
)

// labelSeparators are the word separators of employment labels, read as spaces.
var labelSeparators = strings.NewReplacer("_", " ", "-", " ")

// EmploymentFromLabel reads a source's own employment label ("Permanent, full-time", "FULL_TIME",
// "contract", "TEMPORARY", "permanent full_time"). Fields the label does not settle are empty;
// "full-time or part-time" settles no hours.
func EmploymentFromLabel(label string) (typ, hours string) {
	l := labelSeparators.Replace(strings.ToLower(label))
	switch {
	case strings.Contains(l, "permanent"):
		typ = jobscope.Permanent
	case strings.Contains(l, "contract"), strings.Contains(l, "freelance"):
		typ = jobscope.Contract
	case strings.Contains(l, "temporary"), strings.Contains(l, "temp "), l == "temp", strings.Contains(l, "fixed term"),
		strings.Contains(l, "seasonal"), strings.Contains(l, "per diem"), strings.Contains(l, "locum"):
		typ = jobscope.Temporary
	case strings.Contains(l, "intern"), strings.Contains(l, "apprentice"):
		typ = jobscope.Internship
	}
	ft := strings.Contains(l, "full time") || strings.Contains(l, "fulltime")
	pt := strings.Contains(l, "part time") || strings.Contains(l, "parttime")
	switch {
	case ft && !pt:
		hours = "full_time"
	case pt && !ft:
		hours = "part_time"
	}
	return typ, hours
}

// employmentFromText infers the employment type and hours from an ad's title and text (both
// lowercased). Title words count five times as much as description words; the answer is left empty
// when the text is mixed.
func employmentFromText(title, text string) (typ, hours string) {
	sig := scanSignals(tokenizeString(text))
	return sig.employmentType(titleTypeScores(title)), sig.hours(title)
}

// typeFromPay is the employment type a pay period says by itself, for an ad that states none: an annual,
// monthly or weekly salary is an employee's (permanent), a day rate a contractor's. An hour rate below
// hourlyWageCeiling is a wage (care, retail, hospitality and factory work, most of it permanent in the
// labelled real ads); a higher one is as often a contractor's rate, and says neither.
func typeFromPay(period string, mid float64) string {
	switch period {
	case jobscope.PeriodYear, jobscope.PeriodMonth, jobscope.PeriodWeek:
		return jobscope.Permanent
	case jobscope.PeriodDay:
		return jobscope.Contract
	case jobscope.PeriodHour:
		if mid > 0 && mid < hourlyWageCeiling {
			return jobscope.Permanent
		}
	}
	return ""
}

// hourlyWageCeiling is the hour rate (in pounds, dollars or euros) below which a rate is read as a wage.
const hourlyWageCeiling = 25

// periodNamed returns the pay period a (lowercased) salary text names in words, whether or not it
// quotes a usable figure: "year" for "per annum", "p.a." or "salary", "day" for "per day" or "day
// rate", or "".
func periodNamed(lower string) string {
	switch {
	case lower == "":
		return ""
	case strings.Contains(lower, "per day"), strings.Contains(lower, "/day"), strings.Contains(lower, "day rate"),
		strings.Contains(lower, "daily rate"), strings.Contains(lower, "p/d"):
		return jobscope.PeriodDay
	case strings.Contains(lower, "per annum"), strings.Contains(lower, "/annum"), strings.Contains(lower, "p.a."),
		strings.Contains(lower, "per year"), strings.Contains(lower, "annual"), hasWord(lower, "salary"), hasWord(lower, "pa"):
		return jobscope.PeriodYear
	}
	return ""
}

// basisOf says what decided typ: the title, the salary text (its words, "day rate", "contract"
// rate: the pay) or the description, given the scores (titleTypeScores) of the title with the
// salary text and of the title alone.
func basisOf(typ string, scores, title [4]int) string {
	for i, name := range [4]string{jobscope.Permanent, jobscope.Contract, jobscope.Temporary, jobscope.Internship} {
		if typ == name {
			switch {
			case title[i] > 0:
				return jobscope.BasisTitle
			case scores[i] > 0:
				return jobscope.BasisPay
			}
			return jobscope.BasisText
		}
	}
	return ""
}

// bankWork are the words of a title that make "bank" the NHS's and care providers' pool of staff who
// take shifts as needed ("Bank Staff Nurse", "Healthcare Assistant - Bank"): temporary work.
var bankWork = []string{"nurse", "nursing", "care", "carer", "healthcare", "hca", "support worker", "midwife",
	"assistant", "practitioner", "therapist", "physiotherapist", "radiographer", "doctor", "worker", "staff",
	"porter", "domestic", "housekeeper", "paramedic", "pharmacist", "technician", "administrator", "receptionist"}

// bankTitle reports whether a lowercased title offers bank (as-needed) shifts.
func bankTitle(title string) bool {
	if !hasWord(title, "bank") {
		return false
	}
	if strings.Contains(title, "bank staff") || strings.Contains(title, "(bank)") || strings.Contains(title, "bank only") ||
		strings.Contains(title, "- bank") || strings.Contains(title, "nhs bank") || strings.Contains(title, "bank shifts") {
		return true
	}
	return strings.HasPrefix(title, "bank ") && containsWordAny(title, bankWork)
}

// titleTypeScores counts employment words in a (lowercased) title.
func titleTypeScores(title string) [4]int {
	return [4]int{
		countAny(title, "permanent", "perm "),
		countAny(title, "contract", "freelance", "interim", "ir35", "day rate"),
		countAny(title, "temporary", "temp ", "fixed term", "fixed-term", "locum", "maternity cover", "seasonal"),
		countAny(title, "internship", "intern ", "interns", "placement year"),
	}
}

func countAny(s string, words ...string) int {
	n := 0
	for _, w := range words {
		n += strings.Count(s, w)
	}
	return n
}

// IR35 returns "inside" or "outside" when a text (lowercased) states a contract's IR35 status.
func IR35(lower string) string {
	if !strings.Contains(lower, "35") {
		return "" // most texts: one fast scan for a rarer pair than "ir"
	}
	i := strings.Index(lower, "ir35")
	if i < 0 {
		i = strings.Index(lower, "ir 35")
		if i < 0 {
			return ""
		}
	}
	in, out := 0, 0
	for j := i; j >= 0 && j < len(lower); {
		lo, hi := max(0, j-25), min(len(lower), j+30)
		w := lower[lo:hi]
		switch {
		case strings.Contains(w, "outside") || strings.Contains(w, "out of scope") || strings.Contains(w, "not caught"):
			out++
		case strings.Contains(w, "inside") || strings.Contains(w, "within") || strings.Contains(w, "caught by") || strings.Contains(w, "umbrella") || strings.Contains(w, "paye"):
			in++
		}
		k := strings.Index(lower[j+4:], "ir35")
		if k < 0 {
			break
		}
		j += 4 + k
	}
	switch {
	case out > 0 && in == 0:
		return "outside"
	case in > 0 && out == 0:
		return "inside"
	}
	return ""
}

// WorkMode returns "remote", "hybrid" or "onsite" when a short text (lowercased title, location or
// label) says how the job is worked, or "".
func WorkMode(lower string) string { return workMode(lower, false) }

// workMode is WorkMode; strict, for long descriptions, ignores a bare "remote" or "on site", which
// prose uses for other things ("remote monitoring", "on site parking").
func workMode(lower string, strict bool) string {
	if !mayStateWorkMode(lower) {
		return ""
	}
	hybrid := strings.Contains(lower, "hybrid") || strings.Contains(lower, "days in the office") ||
		strings.Contains(lower, "days in office") || strings.Contains(lower, "days per week in") ||
		strings.Contains(lower, "days a week in") || strings.Contains(lower, "flexible working from home") ||
		strings.Contains(lower, "partially remote") || strings.Contains(lower, "partly remote") ||
		strings.Contains(lower, "split between home") || strings.Contains(lower, "mix of home")
	if hybrid {
		return "hybrid"
	}
	remote := strings.Contains(lower, "fully remote") || strings.Contains(lower, "100% remote") ||
		strings.Contains(lower, "remote working") || strings.Contains(lower, "work from home") ||
		strings.Contains(lower, "working from home") || strings.Contains(lower, "home based") ||
		strings.Contains(lower, "home-based") || strings.Contains(lower, "remote-first") ||
		strings.Contains(lower, "remote first") || strings.Contains(lower, "remote role") ||
		strings.Contains(lower, "remote position") || strings.Contains(lower, "remote ok") ||
		strings.Contains(lower, "remote friendly") || strings.Contains(lower, "remote-friendly") ||
		strings.Contains(lower, "wfh") || (!strict && hasWord(lower, "remote")) ||
		strings.Contains(lower, "remote (") || strings.Contains(lower, "| remote") || strings.Contains(lower, "remote |") ||
		strings.Contains(lower, "remotely")
	onsite := (!strict && (strings.Contains(lower, "onsite") || strings.Contains(lower, "on-site") || strings.Contains(lower, "on site"))) ||
		strings.Contains(lower, "| onsite") || strings.Contains(lower, "onsite |") || strings.Contains(lower, "on-site only") ||
		strings.Contains(lower, "office based") || strings.Contains(lower, "office-based") || strings.Contains(lower, "in-office") ||
		strings.Contains(lower, "no remote")
	switch {
	case remote && onsite:
		if strings.Contains(lower, "no remote") || strings.Contains(lower, "not remote") {
			return "onsite"
		}
		if strings.Contains(lower, "remote ok") || strings.Contains(lower, "remote possible") || strings.Contains(lower, "or remote") ||
			strings.Contains(lower, "remote or") || strings.Contains(lower, "onsite or") || strings.Contains(lower, "on-site or") {
			return "hybrid"
		}
		return ""
	case remote:
		if strings.Contains(lower, "not remote") || strings.Contains(lower, "no remote") {
			return "onsite"
		}
		return "remote"
	case onsite:
		return "onsite"
	}
	return ""
}

// mayStateWorkMode reports whether lower holds one of the words that every phrase workMode looks
// for contains, so that most texts are ruled out by a few scans instead of forty.
func mayStateWorkMode(lower string) bool {
	for _, w := range [...]string{"remote", "home", "hybrid", "days", "site", "office", "wfh"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// hasWord reports whether w occurs in s as a whole word.
func hasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isWordByte(s[j-1])
		after := j+len(w) == len(s) || !isWordByte(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + len(w)
	}
}
