package extract

import (
	"math"
	"strings"

	"jobscope"
)

// figure is an amount of money found in a text.
type figure struct {
	start, end int // span in the text, currency sign included
	val        float64
	cur        string // ISO code when the text marks it
	k          bool   // written with a thousands suffix ("45k")
	pence      bool   // written with two decimals ("8.20"), as pay is
	big        bool   // written with a millions or billions suffix ("$14M", "$749B", "£2bn"): never pay
	neg        bool   // written with a minus sign ("-£30,000", "£-30,000"): never pay
}

// minusBefore reports whether the figure whose text starts at i (its currency sign, or its first digit
// when the sign stands before the minus, as in "£-30,000") is written negative: a '-' right before it
// that does not join it to a figure before ("25-30k", "£25,000 -£30,000").
func minusBefore(text string, i int) bool {
	if i == 0 || text[i-1] != '-' {
		return false
	}
	j := i - 1
	if j > 0 && strings.HasSuffix(text[:j], poundSign) || j > 0 && (text[j-1] == '$') {
		return true // "£-30,000"
	}
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	if j == 0 {
		return true
	}
	c := text[j-1]
	return !(c >= '0' && c <= '9' || c == 'k' || c == 'K' || c == '*')
}

// bigSuffix reports whether s, the text right after a figure, starts with a millions or billions
// suffix that ends a word: "M", "MM", "B", "bn", "mn".
func bigSuffix(s string) bool {
	n := 0
	for n < len(s) && n < 3 && (s[n]|0x20 == 'm' || s[n]|0x20 == 'b' || s[n]|0x20 == 'n') {
		n++
	}
	if n == 0 || s[0]|0x20 == 'n' || n < len(s) && isWordByte(s[n]) {
		return false
	}
	switch strings.ToLower(s[:n]) {
	case "m", "mm", "b", "bn", "mn":
		return true
	}
	return false
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// ParseSalary reads a salary text as written ("£50,000 - £60,000 per annum", "£450-£550/day Outside
// IR35", "$17-$24 Per Hour", "Up to £60k", "20000 - 30000/annum 20-30K") into a Salary, or nil when it
// quotes no pay figure ("Competitive", "Negotiable", "£****K"). Bonus, OTE, benefit and allowance
// figures are not salary. Currency is GBP when the text does not say.
func ParseSalary(text string) *jobscope.Salary { return parseSalary(text, "GBP", false, false) }

// SalaryFromAd finds an ad's salary: a structured schema.org baseSalary wins, then the salary field,
// then the first salary figure in the description (which must be marked as money). defaultCurrency
// applies to figures without a currency sign; contract says whether the ad is a contract, which makes
// an unlabelled figure of a few hundred a day rate.
func SalaryFromAd(ad *jobscope.RawAd, description, defaultCurrency string, contract bool) *jobscope.Salary {
	return salaryFromAd(ad, description, lowerASCII(description), defaultCurrency, contract)
}

// salaryFromAd is SalaryFromAd with the description already lowercased (lowerASCII).
func salaryFromAd(ad *jobscope.RawAd, description, lowerDesc, defaultCurrency string, contract bool) *jobscope.Salary {
	if ad.BaseSalary != nil {
		if s := structuredSalary(ad.BaseSalary, defaultCurrency, contract); s != nil {
			return s
		}
	}
	if ad.Salary != "" {
		if s := parseSalary(ad.Salary, defaultCurrency, false, contract); s != nil {
			return s
		}
	}
	if description != "" {
		return parseSalaryLower(description, lowerDesc, defaultCurrency, true, contract)
	}
	return nil
}

func structuredSalary(b *jobscope.StructuredSalary, defaultCurrency string, contract bool) *jobscope.Salary {
	lo, hi := b.Min, b.Max
	if math.IsNaN(lo) || math.IsInf(lo, 0) {
		lo = 0
	}
	if math.IsNaN(hi) || math.IsInf(hi, 0) {
		hi = 0
	}
	if lo <= 0 && hi <= 0 {
		return nil
	}
	if lo <= 0 {
		lo = hi
	}
	if hi <= 0 {
		hi = lo
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	cur := strings.ToUpper(strings.TrimSpace(b.Currency))
	if !isCurrencyCode(cur) {
		cur = defaultCurrency
	}
	if cur == "" {
		return nil
	}
	period := ""
	switch strings.ToUpper(b.Unit) {
	case "HOUR":
		period = jobscope.PeriodHour
	case "DAY":
		period = jobscope.PeriodDay
	case "WEEK":
		period = jobscope.PeriodWeek
	case "MONTH":
		period = jobscope.PeriodMonth
	case "YEAR":
		period = jobscope.PeriodYear
	}
	// NHS Jobs labels hourly rates YEAR: trust the magnitude over an implausible unit.
	if inferred := inferPeriod(hi, false, contract); period == "" || (period == jobscope.PeriodYear && inferred != jobscope.PeriodYear) {
		if inferred == "" {
			return nil
		}
		period = inferred
	}
	if !plausible(lo, hi, period) {
		return nil
	}
	return newSalary(lo, hi, cur, period, b.Text)
}

// isCurrencyCode reports whether s has the form of an ISO 4217 code: three capital letters.
func isCurrencyCode(s string) bool {
	return len(s) == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2])
}

func newSalary(lo, hi float64, cur, period, text string) *jobscope.Salary {
	lo, hi = math.Round(lo*100)/100, math.Round(hi*100)/100
	s := &jobscope.Salary{Min: lo, Max: hi, Currency: cur, Period: period, Text: strings.TrimSpace(text)}
	mid := (lo + hi) / 2
	var a float64
	switch period {
	case jobscope.PeriodYear:
		a = mid
	case jobscope.PeriodMonth:
		a = mid * 12
	case jobscope.PeriodWeek:
		a = mid * 52
	default:
		return s
	}
	s.Annual = &a
	return s
}

// inferPeriod guesses the period of an unlabelled figure from its size.
func inferPeriod(v float64, k, contract bool) string {
	switch {
	case k || v >= 10000:
		if v < 5000 && !k {
			return ""
		}
		return jobscope.PeriodYear
	case v >= 1000:
		return ""
	case v >= 100:
		return jobscope.PeriodDay
	case v >= 4:
		if contract && v >= 40 {
			return ""
		}
		return jobscope.PeriodHour
	}
	return ""
}

var (
	poundSign = "£"
	euroSign  = "€"
)

// scanFigures finds the money-like numbers of text, in order.
func scanFigures(text, lower string, dst []figure) []figure {
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		if c < '0' || c > '9' {
			continue
		}
		if i > 0 && (isWordByte(text[i-1]) && text[i-1] < 0x80 || text[i-1] == '*' || text[i-1] == '.') {
			// inside a word or a code ("PR4", "SW1A"), after a mask, or a decimal tail.
			for i < n && text[i] >= '0' && text[i] <= '9' {
				i++
			}
			continue
		}
		start := i
		var v float64
		digits := 0
		for i < n {
			c := text[i]
			if c >= '0' && c <= '9' {
				v = v*10 + float64(c-'0')
				digits++
				i++
				continue
			}
			if c == ',' && i+3 < n+1 && i+3 <= n-0 && allDigits(text, i+1, 3) && (i+4 >= n || text[i+4] < '0' || text[i+4] > '9') {
				i++
				continue
			}
			break
		}
		end := i
		decimals := 0
		if i+1 < n && text[i] == '.' && text[i+1] >= '0' && text[i+1] <= '9' {
			j := i + 1
			scale := 0.1
			for j < n && text[j] >= '0' && text[j] <= '9' {
				v += float64(text[j]-'0') * scale
				scale /= 10
				j++
			}
			decimals = j - i - 1
			end, i = j, j
			if decimals == 3 && digits <= 3 && !strings.Contains(text[start:end], ",") {
				// "€55.000", "£43.213": a point between thousands, as money is never quoted to a
				// tenth of a penny.
				v = math.Round(v * 1000)
				decimals = 0
			}
		} else if i+2 < n && text[i] == ',' && allDigits(text, i+1, 2) && (i+3 == n || !isDigitByte(text[i+3])) &&
			digits <= 3 && (i+3 == n || text[i+3] != ',') {
			// "£13,79 per hour": a decimal comma.
			v += float64(text[i+1]-'0')/10 + float64(text[i+2]-'0')/100
			decimals = 2
			end, i = i+3, i+3
		}
		if digits > 9 {
			continue
		}
		if i < n && text[i] == '*' {
			continue // masked: "£3****"
		}
		f := figure{start: start, end: end, val: v, pence: decimals == 2, big: bigSuffix(text[i:])}
		// thousands suffix
		j := i
		for j < n && text[j] == ' ' {
			j++
		}
		if j < n && (text[j] == 'k' || text[j] == 'K') && (j+1 >= n || !isWordByte(text[j+1])) && j-i <= 1 {
			f.k = true
			f.end = j + 1
		}
		// currency before
		b := start
		for b > 0 && text[b-1] == ' ' {
			b--
		}
		switch {
		case b >= len(poundSign) && text[b-len(poundSign):b] == poundSign:
			f.cur, f.start = "GBP", b-len(poundSign)
		case b >= len(euroSign) && text[b-len(euroSign):b] == euroSign:
			f.cur, f.start = "EUR", b-len(euroSign)
		case b >= 1 && text[b-1] == '$':
			f.cur, f.start = "USD", b-1
			if b >= 2 && (text[b-2] == 'C' || text[b-2] == 'A') {
				f.cur = "" // C$, A$: not one we quote
			}
		case b >= 3 && (lower[b-3:b] == "gbp" || lower[b-3:b] == "usd" || lower[b-3:b] == "eur"):
			f.cur, f.start = strings.ToUpper(lower[b-3:b]), b-3
		}
		f.neg = minusBefore(text, start) || f.start != start && minusBefore(text, f.start)
		// currency after
		if f.cur == "" {
			a := lower[f.end:min(n, f.end+9)]
			a = strings.TrimLeft(a, " ")
			switch {
			case strings.HasPrefix(a, "gbp"), strings.HasPrefix(a, "pounds"), strings.HasPrefix(a, "pound"):
				f.cur = "GBP"
			case strings.HasPrefix(a, "usd"), strings.HasPrefix(a, "dollars"):
				f.cur = "USD"
			case strings.HasPrefix(a, "eur"), strings.HasPrefix(a, "euro"):
				f.cur = "EUR"
			}
		}
		dst = append(dst, f)
	}
	return dst
}

func allDigits(s string, i, n int) bool {
	if i+n > len(s) {
		return false
	}
	for k := i; k < i+n; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}

// periodAfter reads a period phrase at the start of s (lowercased text after a figure); it returns the
// period and the bytes consumed.
func periodAfter(s string) (string, int) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '/' || s[i] == '(' || s[i] == ',') {
		i++
	}
	r := s[i:]
	if r == "" {
		return "", 0
	}
	for _, p := range periodPhrasesByFirst[r[0]] {
		if strings.HasPrefix(r, p.text) {
			e := i + len(p.text)
			if p.word && e < len(s) && isWordByte(s[e]) {
				continue
			}
			return p.period, e
		}
	}
	return "", 0
}

type periodPhrase struct {
	text   string
	period string
	word   bool // must end at a word boundary
}

var periodPhrases = func() []periodPhrase {
	var l []periodPhrase
	add := func(period string, word bool, texts ...string) {
		for _, t := range texts {
			l = append(l, periodPhrase{t, period, word})
		}
	}
	add(jobscope.PeriodYear, true, "per annum", "per year", "per anum", "p.a.", "p.a", "pa", "p/a", "annum", "year", "yr", "a year",
		"annual", "annually", "yearly", "per yr", "pro rata per annum", "pro-rata per annum", "each year", "a yr", "k")
	add(jobscope.PeriodMonth, true, "per month", "pcm", "p.c.m", "month", "mth", "a month", "monthly", "per calendar month", "per mth", "pm")
	add(jobscope.PeriodWeek, true, "per week", "pw", "p.w.", "week", "wk", "a week", "weekly", "per wk")
	add(jobscope.PeriodDay, true, "per day", "p/d", "pd", "p.d.", "day", "a day", "daily", "per diem", "day rate", "d", "per shift", "shift")
	add(jobscope.PeriodHour, true, "per hour", "p/h", "ph", "p.h.", "hour", "hr", "an hour", "hourly", "per hr", "h", "phr", "p/hr", "per/hour")
	return l
}()

// periodPhrasesByFirst holds periodPhrases by their first byte, in the same order, so that
// periodAfter tries only the phrases that can match.
var periodPhrasesByFirst = func() (t [256][]periodPhrase) {
	for _, p := range periodPhrases {
		t[p.text[0]] = append(t[p.text[0]], p)
	}
	return t
}()

// periodBefore looks for a rate named before a figure ("day rate of £450", "hourly rate: £12").
func periodBefore(s string) string {
	switch {
	case strings.Contains(s, "day rate"), strings.Contains(s, "daily rate"), strings.Contains(s, "per day"):
		return jobscope.PeriodDay
	case strings.Contains(s, "hourly"), strings.Contains(s, "per hour"), strings.Contains(s, "rate of pay"):
		return jobscope.PeriodHour
	case strings.Contains(s, "per annum"), strings.Contains(s, "annual salary"), strings.Contains(s, "salary per annum"):
		return jobscope.PeriodYear
	case strings.Contains(s, "monthly"), strings.Contains(s, "per month"):
		return jobscope.PeriodMonth
	case strings.Contains(s, "weekly"), strings.Contains(s, "per week"):
		return jobscope.PeriodWeek
	}
	return ""
}

// notPayWords, right after a figure, show the figure is not pay: a bonus, an allowance, a count.
var notPayWords = []string{"bonus", "ote", "o.t.e", "welcome", "benefit", "pension", "allowance", "car ", "relocation",
	"commission", "sign on", "sign-on", "signing", "golden hello", "retention", "referral", "joining", "shift allowance",
	"uplift", "overtime", "enhancement", "weighting", "london weighting", "per cent", "percent", "%", "hours", "hrs",
	"employees", "staff", "people", "users", "customers", "members", "million", "mn", "m ", "bn", "billion", "years",
	"year old", "months", "weeks", "days", "beds", "sites", "patients", "miles", "mins", "minutes", "sq", "plus years",
	"+ years", "+years", "towards", "training budget", "learning budget", "budget", "equity", "stock", "shares",
	"rsu", "options", "share", "holiday", "voucher", "gift", "funding", "raised", "series", "revenue", "turnover",
	"investment", "in funding", "of funding", "valuation", "rrsp", "401k", "401(k)", "match"}

// perkAfterPeriod, right after "£3,500 yearly", name a perk rather than the pay around it.
var perkAfterPeriod = []string{"learning", "training", "development budget", "budget", "allowance", "stipend",
	"wellbeing", "wellness", "home office", "home-office", "equipment", "conference"}

// notPayBefore, just before a figure, show it is not pay.
var notPayBefore = []string{"bonus", "ote", "o.t.e", "allowance", "commission", "pension", "relocation", "welcome",
	"benefits worth", "worth up to", "raised", "funding", "revenue", "turnover", "valuation", "budget", "invested",
	"series a", "series b", "series c", "seed", "equity", "over ", "more than", "employ", "preceptor", "preceptors",
	"training", "sign-on", "signing", "referral", "voucher", "stipend of", "nights", "weekend", "band ", "level ", "grade ",
	"annex ", "agenda for change"}

// payWords, before a figure in prose whose period is not written, show that it is pay.
var payWords = []string{"salary", "rate", "pay", "paid", "paying", "compensation", "wage", "earn", "earning",
	"remuneration", "package", "fee", "fees"}

// parseSalary finds the first pay figure or range of text. inProse says the text is a description,
// where a figure must carry a currency sign.
func parseSalary(text, defaultCurrency string, inProse, contract bool) *jobscope.Salary {
	return parseSalaryLower(text, "", defaultCurrency, inProse, contract)
}

// parseSalaryLower is parseSalary given lowerASCII(text) too, or "" to compute it.
func parseSalaryLower(text, lower, defaultCurrency string, inProse, contract bool) *jobscope.Salary {
	if !strings.ContainsAny(text, "0123456789") {
		return nil
	}
	orig := text
	var offsets []int // offsets[i] is where byte i of text was in orig, when entities were decoded
	if strings.IndexByte(text, '&') >= 0 {
		text, offsets = decodeMoneyEntities(text)
		if offsets != nil {
			lower = ""
		}
	}
	if lower == "" {
		lower = lowerASCII(text)
	}
	var buf [32]figure
	figs := scanFigures(text, lower, buf[:0])
	for i := 0; i < len(figs); i++ {
		lo := figs[i]
		hi := lo
		used := 1
		if i+1 < len(figs) && isRangeGap(lower[lo.end:figs[i+1].start]) {
			hi = figs[i+1]
			used = 2
		} else if i+1 < len(figs) && lo.end == figs[i+1].start {
			continue
		}
		// thousands suffix shared by a range ("25-30K", "£25k-30").
		if hi.k && !lo.k && lo.val < 1000 && used == 2 {
			lo.k = true
		}
		if lo.k && !hi.k && hi.val < 1000 && used == 2 {
			hi.k = true
		}
		if lo.k {
			lo.val *= 1000
		}
		// "£19 - 22,000": the first figure's thousands left unwritten.
		if used == 2 && !lo.k && lo.val < 1000 && hi.val >= 10000 && lo.val*1000 <= hi.val && lo.val >= 5 {
			lo.val *= 1000
		}
		if hi.k && used == 2 {
			hi.val *= 1000
		} else if used == 1 {
			hi = lo
		}
		// "£24907 - £30 615", "£21,892 - £24, 157": a space in the thousands of the second figure.
		if used == 2 && hi.val < lo.val && !hi.k && hi.val < 1000 {
			sep := 0
			switch {
			case strings.HasPrefix(text[hi.end:], " "):
				sep = 1
			case strings.HasPrefix(text[hi.end:], ", "):
				sep = 2
			}
			if e := hi.end + sep; sep > 0 && e+3 <= len(text) && allDigits(text, e, 3) && (e+3 == len(text) || !isWordByte(text[e+3])) {
				if v := hi.val*1000 + float64(atoi3(text[e:])); v >= lo.val {
					hi.val, hi.end = v, e+3
				}
			}
		}
		if lo.big || hi.big || lo.neg {
			i += used - 1
			continue
		}
		cur := lo.cur
		if cur == "" {
			cur = hi.cur
		}
		end := hi.end
		after := lower[end:min(len(lower), end+60)]
		period, n := periodAfter(after)
		if period == "k" {
			period = jobscope.PeriodYear
		}
		if inProse && cur == "" && period == "" {
			// In prose a figure with neither a currency nor a period after it is never pay (see
			// below): most figures of a description ("5+ years", "25 days") end here, before the
			// costlier checks of the words around them.
			i += used - 1
			continue
		}
		tail := after[n:]
		// "per annum pro rata", "p.a. + benefits": look past the period for what the figure is.
		if isNotPay(tail, period != "") {
			i += used - 1
			continue
		}
		from := max(0, lo.start-40)
		if i > 0 && figs[i-1].end > from && figs[i-1].end <= lo.start {
			from = figs[i-1].end
		}
		before := lower[from:lo.start]
		if cut := lastClause(before); cut >= 0 {
			before = before[cut:]
		}
		if containsWordAny(before, notPayBefore) {
			i += used - 1
			continue
		}
		if inProse && cur == "" {
			if !(strings.Contains(before, "salary") || strings.Contains(before, "rate")) || period == "" {
				i += used - 1
				continue
			}
		}
		if period == "" {
			period = periodBefore(before)
		}
		if period == "" && cur == "" && hi.val < 1000 && !lo.k && (inProse || !lo.pence || !hi.pence) {
			// a bare small number ("Band 5", "8a") is no salary; a salary field's "8.20" is pay.
			i += used - 1
			continue
		}
		if period == "" && inProse && !lo.k && hi.val < 10000 && !containsWordAny(before, payWords) {
			// "a $749 market", "as little as £500 to invest": in prose a small figure whose period is
			// not written is pay only where the words before it say so.
			i += used - 1
			continue
		}
		if period == "" {
			period = inferPeriod(hi.val, lo.k, contract)
			if period == "" {
				i += used - 1
				continue
			}
		}
		if !plausible(lo.val, hi.val, period) {
			i += used - 1
			continue
		}
		if cur == "" {
			cur = defaultCurrency
		}
		if cur == "" {
			i += used - 1
			continue
		}
		a, b := lo.val, hi.val
		if a > b {
			a, b = b, a
		}
		span := text[lo.start : end+n]
		if used == 1 && !inProse && offsets == nil {
			// "37000/annum 37K to 47K": a salary field that goes on to give a range starting at its
			// figure means the range ("Up to 40,000 + 30000-40000" means the figure it states).
			if r := parseSalary(text[end+n:], defaultCurrency, false, contract); r != nil && r.Min < r.Max &&
				r.Period == period && r.Currency == cur && within1(r.Min, a) {
				return r
			}
		}
		if offsets != nil {
			// The text quoted is the input as written, entities and all.
			span = orig[offsets[lo.start]:offsets[end+n]]
		}
		return newSalary(a, b, cur, period, span)
	}
	return nil
}

// moneyEntities are the character references salary texts use, decoded before figures are read.
var moneyEntities = []struct{ ref, text string }{{"&pound;", "£"}, {"&#163;", "£"}, {"&amp;", "&"},
	{"&euro;", "€"}, {"&#8364;", "€"}, {"&#8211;", "–"}, {"&ndash;", "–"}, {"&#36;", "$"}, {"&nbsp;", " "}}

// decodeMoneyEntities decodes moneyEntities in s. It returns the decoded text and, for each of its
// bytes and one past the end, the offset in s it came from, so that a span found in the decoded text
// can be quoted as written; offsets is nil when s has none of the entities.
func decodeMoneyEntities(s string) (string, []int) {
	var b []byte
	var offsets []int
	for i := 0; i < len(s); {
		if s[i] == '&' {
			found := false
			for _, e := range moneyEntities {
				if strings.HasPrefix(s[i:], e.ref) {
					if b == nil {
						b = make([]byte, 0, len(s))
						offsets = make([]int, 0, len(s)+1)
						b = append(b, s[:i]...)
						for k := 0; k < i; k++ {
							offsets = append(offsets, k)
						}
					}
					for k := 0; k < len(e.text); k++ {
						// Every byte of a decoded entity maps to the entity's start, and the byte
						// after it to the entity's end, so spans keep whole entities.
						offsets = append(offsets, i)
					}
					b = append(b, e.text...)
					i += len(e.ref)
					found = true
					break
				}
			}
			if found {
				continue
			}
		}
		if b != nil {
			b = append(b, s[i])
			offsets = append(offsets, i)
		}
		i++
	}
	if b == nil {
		return s, nil
	}
	offsets = append(offsets, len(s))
	return string(b), offsets
}

// isRangeGap reports whether the text between two figures joins them into a range.
func isRangeGap(g string) bool {
	g = strings.TrimSpace(g)
	g = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(g, "£"), "$"), "€")
	g = strings.TrimSpace(g)
	if _, n := periodAfter(g); n > 0 {
		g = strings.TrimSpace(g[n:])
		// "23 per hour LTD to 29 per hour LTD"
		for _, w := range []string{"ltd", "limited", "umbrella", "paye"} {
			g = strings.TrimSpace(strings.TrimPrefix(g, w))
		}
	}
	switch g {
	case "-", "–", "—", "to", "and", "/", "- to", "up to", "--", "~", "->":
		return true
	}
	return false
}

func isNotPay(tail string, hadPeriod bool) bool {
	t := strings.TrimLeft(tail, " ")
	comma := false
	for len(t) > 0 && (t[0] == ',' || t[0] == ' ' || t[0] == '(' || t[0] == ':' || t[0] == '-') {
		if t[0] == ',' || t[0] == '-' {
			comma = true
		}
		t = t[1:]
	}
	if strings.HasPrefix(t, "ote") || strings.HasPrefix(t, "o.t.e") {
		// "£25,000, OTE £40,000": the OTE names the next figure, not this one.
		r := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(t, "o.t.e"), "ote"), " :.-")
		return !(comma && (strings.HasPrefix(r, "£") || strings.HasPrefix(r, "$") || strings.HasPrefix(r, "€") ||
			r != "" && isDigitByte(r[0]) || strings.HasPrefix(r, "of ") || strings.HasPrefix(r, "up to")))
	}
	if hadPeriod || comma {
		// "£3,500 yearly learning budget": a named perk right after the period is what the figure is.
		for _, w := range perkAfterPeriod {
			if strings.HasPrefix(t, w) {
				return true
			}
		}
		// "per annum bonus, car allowance": what follows the period is the package around the salary.
		return false
	}
	for _, w := range []string{"pro rata", "pro-rata", "basic", "base", "gross", "depending", "doe", "plus", "+", "inc", "neg"} {
		if strings.HasPrefix(t, w) {
			return false
		}
	}
	if t == "" {
		return false
	}
	for _, w := range notPayWordsByFirst[t[0]] {
		if strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// notPayWordsByFirst holds notPayWords by their first byte.
var notPayWordsByFirst = func() (t [256][]string) {
	for _, w := range notPayWords {
		t[w[0]] = append(t[w[0]], w)
	}
	return t
}()

// lastClause returns where the last clause of s begins, or -1.
func lastClause(s string) int {
	cut := -1
	for _, sep := range []string{". ", ";", "\n", "+", " plus ", "salary", "basic", "rate", "(", "|"} {
		if k := strings.LastIndex(s, sep); k >= 0 && k+len(sep) > cut {
			cut = k + len(sep)
		}
	}
	return cut
}

// containsWordAny reports whether one of words occurs in s at the start of a word ("ote" in "ote of",
// not in "potential").
func containsWordAny(s string, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			j += i
			if j == 0 || !isWordByte(s[j-1]) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// within1 reports whether a and b differ by at most 0.5%.
func within1(a, b float64) bool { return math.Abs(a-b) <= 0.005*math.Max(a, b) }

func atoi3(s string) int { return int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0') }

// plausible rejects figures that cannot be pay for their period, and ranges whose ends are too far
// apart to be one rate ("£26100 - £31").
func plausible(lo, hi float64, period string) bool {
	if lo > hi {
		lo, hi = hi, lo
	}
	if !(lo > 0) || math.IsInf(hi, 0) || hi > 10*lo {
		return false
	}
	if !plausible1(lo, period) {
		return false
	}
	return plausible1(hi, period)
}

func plausible1(v float64, period string) bool {
	switch period {
	case jobscope.PeriodYear:
		return v >= 3000 && v <= 5_000_000
	case jobscope.PeriodMonth:
		return v >= 300 && v <= 200_000
	case jobscope.PeriodWeek:
		return v >= 50 && v <= 50_000
	case jobscope.PeriodDay:
		return v >= 20 && v <= 10_000
	case jobscope.PeriodHour:
		return v >= 3 && v <= 2_000
	}
	return false
}
