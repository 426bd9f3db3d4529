package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Salary texts. The styles imitate the shapes seen in the shared data, with our own figures:
//
//	reed_uk it (679):  "£N - £N per annum" 78%, "... per annum, inc benefits" 5%, ", negotiable" 2.5%,
//	                   "£N per annum" 8%, ", OTE" / ", pro-rata" endings, euro ranges
//	reed_ds (370):     "Competitive salary" 17%, "Salary negotiable" 12%, "£N - £N per day" 4%,
//	                   "£N.00 - £N.00 per day", "USD$N - USD$N per annum, negotiable"
//	adzuna (1,210):    "N to N per year" 40%, "N - N/annum NK-NK", "From N,N to N,N per annum",
//	                   "Up to N,N per year + ...", "N - N, Negotiable", "N,N - N,N + excellent benefits"
//	glassdoor (473):   "$NK-$NK (Glassdoor est.)", "Employer Provided Salary:$NK-$NK", "$N-$N Per Hour"
//	hn:                "$80k-$120k", "$70K – $120K", "$100k - $150k", "$120K - 135K"
//
// Each style is one case below; its weight is its share among ads that quote that kind of pay.
var (
	ukYearStyles = newPicker([]float64{25, 3, 2, 8, 5, 4, 3, 4, 5, 2, 2, 1.5, 4, 3, 2, 2, 1.5, 1})
	ukDayStyles  = newPicker([]float64{5, 3, 4, 3, 3, 1.5, 1, 1, 1, 1, 1})
	usYearStyles = newPicker([]float64{6, 4, 2, 3, 1, 1, 1, 2, 2, 0.5})
	hourStyles   = newPicker([]float64{3, 3, 1, 1, 1})
)

// formatPay writes p the way one of the common styles would.
func formatPay(r *rand.Rand, p payment, ir35 int) string {
	lo, hi := int(p.lo), int(p.hi)
	mid := int(roundTo((p.lo+p.hi)/2, pick2(p.period == "year", 1000.0, 5.0)))
	rng := func(pre string, a, b int, sep string) string {
		if p.single {
			return pre + comma(mid)
		}
		return pre + comma(a) + sep + pre + comma(b)
	}
	switch {
	case p.currency == "GBP" && p.period == "year":
		k := func(n int) string { return strconv.Itoa(n / 1000) }
		switch ukYearStyles.pick(r) {
		case 0:
			return rng("£", lo, hi, " - ") + " per annum"
		case 1:
			return rng("£", lo, hi, " - ") + " per annum, inc benefits"
		case 2:
			return rng("£", lo, hi, " - ") + " per annum, negotiable"
		case 3:
			if p.single {
				return "£" + k(mid) + "k"
			}
			return "£" + k(lo) + "k - £" + k(hi) + "k"
		case 4:
			if p.single {
				return "£" + k(mid) + "K DOE"
			}
			return "£" + k(lo) + "K-£" + k(hi) + "K DOE"
		case 5:
			return "Up to £" + k(hi) + "k + bonus"
		case 6:
			return "Up to £" + comma(hi)
		case 7:
			return "circa £" + comma(mid) + " + benefits"
		case 8:
			return rng("£", lo, hi, " - ") + " + Bonus + Benefits"
		case 9:
			if p.single {
				return "£" + strconv.Itoa(mid) + " per annum"
			}
			return "£" + strconv.Itoa(lo) + " - £" + strconv.Itoa(hi) + " per annum"
		case 10:
			if p.single {
				return "From £" + comma(mid) + " per annum"
			}
			return "From £" + comma(lo) + " to £" + comma(hi) + " per annum"
		case 11:
			if p.single {
				return strconv.Itoa(mid) + "/annum"
			}
			return strconv.Itoa(lo) + " - " + strconv.Itoa(hi) + "/annum " + k(lo) + "-" + k(hi) + "K"
		case 12:
			if p.single {
				return "£" + comma(mid) + " per year"
			}
			return "£" + comma(lo) + " to £" + comma(hi) + " per year"
		case 13:
			if p.single {
				return "£" + k(mid) + "k"
			}
			return "£" + k(lo) + "-" + k(hi) + "k"
		case 14:
			if p.single {
				return "£" + comma(mid) + ".00 per annum"
			}
			return "£" + comma(lo) + ".00 - £" + comma(hi) + ".00 per annum"
		case 15:
			return rng("£", lo, hi, " - ") + " pa"
		case 16:
			return "£" + k(lo) + "k - £" + k(hi) + "k + " + strconv.Itoa(5+5*r.IntN(3)) + "% bonus"
		default:
			return rng("£", lo, hi, "-") + " p.a. + pension"
		}
	case p.currency == "GBP" && p.period == "day":
		irs := ""
		switch ir35 {
		case 1:
			irs = [...]string{" Inside IR35", " (Inside IR35)", " inside IR35"}[r.IntN(3)]
		case 2:
			irs = [...]string{" Outside IR35", " (Outside IR35)", " - Outside IR35"}[r.IntN(3)]
		}
		switch ukDayStyles.pick(r) {
		case 0:
			return rng("£", lo, hi, "-") + " per day" + irs
		case 1:
			return "£" + strconv.Itoa(pick2(p.single, mid, hi)) + "/day" + irs
		case 2:
			return rng("£", lo, hi, " - ") + " per day"
		case 3:
			if p.single {
				return "£" + comma(mid) + ".00 per day"
			}
			return "£" + comma(lo) + ".00 - £" + comma(hi) + ".00 per day"
		case 4:
			return "Up to £" + strconv.Itoa(hi) + " per day" + irs
		case 5:
			return "£" + strconv.Itoa(mid) + "pd" + irs
		case 6:
			return "£" + strconv.Itoa(mid) + " p/d"
		case 7:
			return rng("£", lo, hi, " - ") + " Daily rate"
		case 8:
			if p.single {
				return "£" + strconv.Itoa(mid) + " per day"
			}
			return "£" + strconv.Itoa(lo) + "-" + strconv.Itoa(hi) + " per day" + irs
		case 9:
			if ir35 == 1 {
				return "Up to £" + strconv.Itoa(hi) + "/day Inside IR35 (Umbrella)"
			}
			return "£" + strconv.Itoa(mid) + " per day" + irs
		default:
			return rng("£", lo, hi, " - ") + " a day" + irs
		}
	case p.period == "hour":
		cur := pick2(p.currency == "GBP", "£", "$")
		switch hourStyles.pick(r) {
		case 0:
			return cur + strconv.Itoa(mid) + "/hr"
		case 1:
			return rng(cur, lo, hi, " - ") + " per hour"
		case 2:
			return cur + strconv.Itoa(mid) + " an hour"
		case 3:
			return rng(cur, lo, hi, "-") + "/hour (W2)"
		default:
			return rng(cur, lo, hi, " - ") + " hourly"
		}
	default: // USD a year
		k := func(n int) string { return strconv.Itoa(n / 1000) }
		switch usYearStyles.pick(r) {
		case 0:
			return rng("$", lo, hi, " - ")
		case 1:
			if p.single {
				return "$" + k(mid) + "K"
			}
			return "$" + k(lo) + "K-$" + k(hi) + "K"
		case 2:
			return "$" + k(lo) + "k - $" + k(hi) + "k a year"
		case 3:
			return rng("$", lo, hi, " - ") + " per year"
		case 4:
			return "USD " + comma(lo) + "–" + comma(hi)
		case 5:
			return "$" + comma(mid) + "/yr"
		case 6:
			return "Up to $" + k(hi) + "k"
		case 7:
			return "$" + k(lo) + "K-$" + k(hi) + "K + equity"
		case 8:
			return rng("$", lo, hi, " - ") + " a year"
		default:
			return "Employer provided: $" + k(lo) + "K-$" + k(hi) + "K"
		}
	}
}

// comma writes n with thousands separators.
func comma(n int) string {
	s := strconv.Itoa(n)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

var (
	ukNoFigureTexts       = parseWeighted("Competitive*4; Competitive salary*3; Negotiable*2; Salary negotiable*2; DOE*1; Attractive package*1; Competitive + benefits*1; *3", ";")
	ukNoFigureContract    = parseWeighted("Market rate*2; Negotiable*1.5; Competitive day rate*1; Competitive*1; *2", ";")
	usNoFigureTexts       = parseWeighted("Competitive*2; DOE*1; Competitive salary + equity*1; *5", ";")
	ukPermanentLabels     = parseWeighted("Permanent, full-time*8; Permanent*5; Full time*2; FULL_TIME*1.5; permanent*2; Permanent - Full Time*1; Full-time, Permanent*1; Permanent, full-time or part-time*0.5; *4", ";")
	ukContractLabels      = parseWeighted("Contract, full-time*6; Contract*6; contract*2; CONTRACTOR*1; Freelance*0.5; Contract - Full Time*1; *3", ";")
	ukTemporaryLabels     = parseWeighted("Temporary, full-time*3; Fixed Term Contract*2; Temporary*2; TEMPORARY*1; Fixed term - 12 months*1", ";")
	ukInternshipLabels    = parseWeighted("Internship*3; INTERN*1; Placement*1; Internship, full-time*1", ";")
	usPermanentLabels     = parseWeighted("Full-time*6; FULL_TIME*3; Full Time*2; *5; Permanent*0.5", ";")
	usContractLabels      = parseWeighted("Contract*4; CONTRACTOR*2; Contract-to-hire*1.5; Contract, W2*1; 1099 Contract*0.5; *1", ";")
	usTemporaryLabels     = parseWeighted("Temporary*2; TEMPORARY*1; Temp*0.5", ";")
	usInternshipLabels    = parseWeighted("Internship*3; INTERN*2; Intern (Summer)*1", ";")
	labelsByMarketAndKind = [2][4]*wstrs{
		{&usPermanentLabels, &usContractLabels, &usTemporaryLabels, &usInternshipLabels},
		{&ukPermanentLabels, &ukContractLabels, &ukTemporaryLabels, &ukInternshipLabels},
	}
)

// employmentLabel is the employment_type field as the board labels it.
func employmentLabel(r *rand.Rand, s *adState) string {
	mk := 0
	if s.uk {
		mk = 1
	}
	l := labelsByMarketAndKind[mk][s.emp].pick(r)
	if s.emp == empContract && s.uk && s.ir35 != 0 && r.Float64() < 0.15 {
		l = pick2(s.ir35 == 1, "Contract (Inside IR35)", "Contract (Outside IR35)")
	}
	return l
}

// salaryField writes the salary field; when the field gives no figure the description sometimes
// does, and inDesc is the text it uses ("" when the description quotes no pay).
func (g *generator) salaryField(r *rand.Rand, s *adState) (field, inDesc string) {
	noFig := ukNoFigure
	if !s.uk {
		noFig = usNoFigure(s.year)
	}
	if r.Float64() < noFig {
		switch {
		case !s.uk:
			field = usNoFigureTexts.pick(r)
		case s.emp == empContract:
			field = ukNoFigureContract.pick(r)
		default:
			field = ukNoFigureTexts.pick(r)
		}
		if r.Float64() < descInsteadShare {
			inDesc = formatPay(r, s.pay, s.ir35)
		}
		return field, inDesc
	}
	field = formatPay(r, s.pay, s.ir35)
	if r.Float64() < 0.25 {
		inDesc = formatPay(r, s.pay, s.ir35)
	}
	return field, inDesc
}
