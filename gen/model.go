package gen

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// picker draws an index with probability proportional to its weight.
type picker struct{ cum []float64 }

func newPicker(weights []float64) picker {
	cum := make([]float64, len(weights))
	t := 0.0
	for i, w := range weights {
		t += w
		cum[i] = t
	}
	return picker{cum: cum}
}

func (p picker) pick(r *rand.Rand) int {
	return searchCum(p.cum, r.Float64()*p.cum[len(p.cum)-1])
}

// wstrs is a weighted list of strings.
type wstrs struct {
	items []string
	p     picker
}

func (w wstrs) len() int { return len(w.items) }

func (w wstrs) pick(r *rand.Rand) string { return w.items[w.p.pick(r)] }

// parseWeighted reads "a*3<sep>b<sep>c*0.5" (weight 1 when none is given).
func parseWeighted(s, sep string) wstrs {
	var w wstrs
	if strings.TrimSpace(s) == "" {
		return w
	}
	var ws []float64
	for _, part := range strings.Split(s, sep) {
		item, weight := splitWeight(strings.TrimSpace(part))
		w.items = append(w.items, item)
		ws = append(ws, weight)
	}
	w.p = newPicker(ws)
	return w
}

func weightedList(items []string) wstrs {
	var w wstrs
	var ws []float64
	for _, it := range items {
		item, weight := splitWeight(it)
		w.items = append(w.items, item)
		ws = append(ws, weight)
	}
	w.p = newPicker(ws)
	return w
}

// splitWeight splits "text*2.5" into its text and weight.
func splitWeight(s string) (string, float64) {
	if i := strings.LastIndexByte(s, '*'); i >= 0 {
		if f, err := strconv.ParseFloat(s[i+1:], 64); err == nil {
			return strings.TrimSpace(s[:i]), f
		}
	}
	return s, 1
}

type skillWeight struct {
	idx int
	w   float64
}

type partner struct {
	idx int
	p   float64
}

// model is the tables prepared for drawing: parsed, resolved and cumulated once per generator.
type model struct {
	famW, famTrend []float64
	famScratch     []float64
	seniority      picker
	langs          []wstrs
	forms          []wstrs
	famSkills      [][]skillWeight
	skillIdx       map[string]int
	skillTrend     []float64 // log(1 + trend)
	partners       [][]partner
	aliases        [][]string
	ukRegions      picker
	usRegions      picker
	ukPlaces       []picker
	usPlaces       []picker
	special        map[*place]wstrs
	ukForms        wstrs
	usForms        wstrs
	ukRemote       wstrs
	usRemote       wstrs
	scratch        []float64
	senWords       [len(seniorityWords)]wstrs
}

// newModel prepares the tables. It panics if they are inconsistent (a skill name that does not
// resolve), which the package tests catch.
func newModel() *model {
	m := &model{skillIdx: make(map[string]int, len(skills)), special: map[*place]wstrs{}}
	for i, sk := range skills {
		if _, dup := m.skillIdx[sk.name]; dup {
			panic("gen: duplicate skill " + sk.name)
		}
		m.skillIdx[sk.name] = i
		m.skillTrend = append(m.skillTrend, math.Log1p(sk.trend))
		var al []string
		if sk.aliases != "" {
			al = strings.Split(sk.aliases, "|")
		}
		m.aliases = append(m.aliases, al)
	}
	for _, sk := range skills {
		var ps []partner
		if sk.partners != "" {
			w := parseWeighted(sk.partners, ",")
			for i, name := range w.items {
				p := w.p.cum[i]
				if i > 0 {
					p -= w.p.cum[i-1]
				}
				ps = append(ps, partner{idx: m.mustSkill(name), p: p})
			}
		}
		m.partners = append(m.partners, ps)
	}
	for _, f := range families {
		m.famW = append(m.famW, f.weight)
		m.famTrend = append(m.famTrend, math.Log1p(f.trend))
		m.langs = append(m.langs, parseWeighted(f.langs, ","))
		m.forms = append(m.forms, weightedList(f.forms))
		w := parseWeighted(f.skills, ",")
		var sw []skillWeight
		for i, name := range w.items {
			wt := w.p.cum[i]
			if i > 0 {
				wt -= w.p.cum[i-1]
			}
			sw = append(sw, skillWeight{idx: m.mustSkill(name), w: wt})
		}
		m.famSkills = append(m.famSkills, sw)
	}
	m.famScratch = make([]float64, len(families))
	for i, w := range seniorityWords {
		m.senWords[i] = parseWeighted(w, ";")
	}
	m.seniority = newPicker(seniorityShare[:])
	var ws []float64
	for _, r := range ukRegions {
		ws = append(ws, r.share)
		m.ukPlaces = append(m.ukPlaces, m.placePicker(r.places))
	}
	m.ukRegions = newPicker(ws)
	ws = ws[:0]
	for _, r := range usRegions {
		ws = append(ws, r.share)
		m.usPlaces = append(m.usPlaces, m.placePicker(r.places))
	}
	m.usRegions = newPicker(ws)
	m.ukForms = parseWeighted(ukForms, ";")
	m.usForms = parseWeighted(usForms, ";")
	m.ukRemote = parseWeighted(ukRemoteForms, ";")
	m.usRemote = parseWeighted(usRemoteForms, ";")
	return m
}

func (m *model) placePicker(ps []place) picker {
	ws := make([]float64, len(ps))
	for i := range ps {
		ws[i] = ps[i].weight
		if len(ps[i].special) > 0 {
			m.special[&ps[i]] = weightedList(ps[i].special)
		}
	}
	return newPicker(ws)
}

func (m *model) mustSkill(name string) int {
	i, ok := m.skillIdx[name]
	if !ok {
		panic(fmt.Sprintf("gen: unknown skill %q in tables", name))
	}
	return i
}

// pickFamily draws a title family, each weighted by its share trended to year y.
func (m *model) pickFamily(r *rand.Rand, y float64) int {
	t := 0.0
	for i, w := range m.famW {
		if m.famTrend[i] != 0 {
			w *= math.Exp(m.famTrend[i] * (y - refYear))
		}
		t += w
		m.famScratch[i] = t
	}
	return searchCum(m.famScratch, r.Float64()*t)
}

// company is an employer. Its attributes are fixed by its number so that all its ads agree.
type company struct {
	k       int
	name    string
	ind     *industry
	founded int
	staff   int
}

// Company counts: a few employers post many ads (a power law, as in reed_ds where the top 5
// advertisers post a quarter of the ads).
const (
	ukCompanies = 1300
	usCompanies = 900
	agencies    = 150
)

func (m *model) pickCompany(r *rand.Rand, uk bool) company {
	u := r.Float64()
	if uk {
		return companyNo(int(ukCompanies*math.Pow(u, 2.2)), true)
	}
	return companyNo(ukCompanies+int(usCompanies*math.Pow(u, 2.2)), false)
}

// companyNo builds company k. Names are unique for k below len(coFirst)*len(coSecond).
func companyNo(k int, uk bool) company {
	a := k % len(coFirst)
	b := (k/len(coFirst) + a*7) % len(coSecond)
	h := mix(uint64(k))
	name := coFirst[a] + " " + coSecond[b]
	suffixes := coSuffixUS
	if uk {
		suffixes = coSuffixUK
	}
	if suf := suffixes[h%uint64(len(suffixes))]; suf != "" && !strings.HasSuffix(name, suf) {
		name += " " + suf
	}
	staffs := [...]int{12, 25, 40, 60, 85, 120, 200, 350, 500, 800, 1200, 2500, 5000, 12000}
	return company{
		k:       k,
		name:    name,
		ind:     &industries[(h>>8)%uint64(len(industries))],
		founded: 1985 + int((h>>16)%38),
		staff:   staffs[(h>>24)%uint64(len(staffs))],
	}
}

func (m *model) pickAgency(r *rand.Rand) string {
	k := int(agencies * math.Pow(r.Float64(), 1.8))
	a := k % len(agencyFirst)
	b := (k/len(agencyFirst) + a*3) % len(agencySecond)
	return agencyFirst[a] + " " + agencySecond[b]
}

// mix is splitmix64's finaliser: a fixed hash of a company number.
func mix(x uint64) uint64 {
	x += 0x9E3779B97F4A7C15
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9
	x = (x ^ (x >> 27)) * 0x94D049BB133111EB
	return x ^ (x >> 31)
}

// payment is what an ad pays, before it is written down.
type payment struct {
	period   string // year, day, hour
	currency string // GBP, USD
	lo, hi   float64
	single   bool
}

// payFor draws the ad's pay from its family base, seniority, region, year and employment.
func (m *model) payFor(r *rand.Rand, s *adState) payment {
	mid := s.fam.base * 1000 * seniorityPay[s.sen] * s.reg.pay * math.Pow(1+salaryGrowth, s.year-refYear)
	mid *= math.Exp(r.NormFloat64() * 0.12)
	if s.mode == remote {
		mid *= 0.97
	}
	p := payment{period: "year", currency: "GBP"}
	if !s.uk {
		p.currency = "USD"
		mid *= usPayRatio
	}
	// No full-time job pays below the minimum wage: UK £11.44/h (2024) is about £22k a year.
	mid = math.Max(mid, pick2(s.uk, 22000.0, 40000.0)*math.Pow(1+salaryGrowth, s.year-refYear))
	p.single = r.Float64() < 0.1
	switch {
	case s.emp == empContract && s.uk:
		p.period = "day"
		rate := clamp(mid*dayRateRatio, dayRateMin, dayRateMax)
		ratio := 1.05 + r.Float64()*0.2
		step := pick2(r.Float64() < 0.6, 25.0, 50.0)
		p.lo = max(roundTo(rate*2/(1+ratio), step), dayRateMin)
		p.hi = min(roundTo(p.lo*ratio, step), dayRateMax)
	case (s.emp == empContract && r.Float64() < 0.75) || (s.emp == empInternship && !s.uk && r.Float64() < 0.7):
		p.period = "hour"
		rate := mid * hourlyRatio
		ratio := 1.08 + r.Float64()*0.2
		step := pick2(rate > 40, 5.0, 1.0)
		p.lo = roundTo(rate*2/(1+ratio), step)
		p.hi = roundTo(p.lo*ratio, step)
	default:
		// reed_uk it ranges: max/min quartiles 1.17, 1.25, 1.375; 8.5% quote one figure.
		ratio := 1.1 + r.Float64()*0.35
		step := 1000.0
		switch x := r.Float64(); {
		case x < 0.2:
			step = 5000
		case x < 0.3:
			step = 2500
		case x < 0.35:
			step = 500
		}
		p.lo = roundTo(mid*2/(1+ratio), step)
		p.hi = roundTo(p.lo*ratio, step)
	}
	if p.hi <= p.lo {
		p.hi = p.lo
		p.single = true
	}
	if p.single {
		p.lo = roundTo((p.lo+p.hi)/2, pick2(p.period == "year", 1000.0, 5.0))
		p.hi = p.lo
	}
	return p
}

func roundTo(x, step float64) float64 { return math.Max(step, math.Round(x/step)*step) }

// pickSkills draws the ad's skills from its family's pool, weighted by trend at the ad's date, then
// pulls in skills that go with those drawn (Go brings Kubernetes, Docker and gRPC along).
func (m *model) pickSkills(r *rand.Rand, s *adState, out []int) []int {
	pool := m.famSkills[s.famIdx]
	if cap(m.scratch) < len(pool) {
		m.scratch = make([]float64, len(pool))
	}
	ws := m.scratch[:len(pool)]
	dt := s.year - refYear
	total := 0.0
	for i, sw := range pool {
		w := sw.w
		if sk := &skills[sw.idx]; sk.since != 0 && s.year < sk.since {
			w = 0
		} else if m.skillTrend[sw.idx] != 0 {
			w *= math.Exp(m.skillTrend[sw.idx] * dt)
		}
		ws[i] = w
		total += w
	}
	has := func(idx int) bool {
		for _, x := range out {
			if x == idx {
				return true
			}
		}
		return false
	}
	if s.lang != "" {
		if i, ok := m.skillIdx[s.lang]; ok {
			out = append(out, i)
		}
	}
	want := 4 + r.IntN(5)
	if s.fam.grp == grpMgmt || s.fam.grp == grpSupport || s.fam.grp == grpDelivery {
		want = 3 + r.IntN(4)
	}
	drawn := len(out)
	for tries := 0; len(out) < want && tries < 40 && total > 0; tries++ {
		x := r.Float64() * total
		i := 0
		for ; i < len(ws)-1; i++ {
			x -= ws[i]
			if x < 0 {
				break
			}
		}
		if ws[i] == 0 || has(pool[i].idx) {
			continue
		}
		out = append(out, pool[i].idx)
	}
	// Ads ask for the family's core skills first; the rarer ones (and the partners added below) end
	// the list, where nice-to-haves are taken from.
	weightOf := func(idx int) float64 {
		for _, sw := range pool {
			if sw.idx == idx {
				return sw.w
			}
		}
		return 0
	}
	slices.SortStableFunc(out[drawn:], func(a, b int) int { return cmp.Compare(weightOf(b), weightOf(a)) })
	for j := 0; j < len(out) && len(out) < 12; j++ {
		for _, p := range m.partners[out[j]] {
			sk := &skills[p.idx]
			if sk.since != 0 && s.year < sk.since {
				continue
			}
			if r.Float64() < p.p*math.Exp(m.skillTrend[p.idx]*dt) && !has(p.idx) {
				out = append(out, p.idx)
			}
		}
	}
	return out
}

// writtenSkill is how this ad writes skill i: usually its canonical name, sometimes an alias.
func (m *model) writtenSkill(r *rand.Rand, i int) string {
	if al := m.aliases[i]; len(al) > 0 && r.Float64() < 0.15 {
		return al[r.IntN(len(al))]
	}
	return skills[i].name
}

// Seniority words as ads write them.
var seniorityWords = [...]string{
	senGraduate:  "Graduate *6; Graduate/Junior *1; Trainee *1; Grad *0.4",
	senJunior:    "Junior *8; Jnr *1; Associate *1.2; Entry Level *0.6",
	senMid:       "Mid-level *3; Mid Level *2; Intermediate *2; Mid *1",
	senSenior:    "Senior *16; Snr *1; Sr. *1.5; Sr *1",
	senLead:      "Lead *10; Team Lead - *1",
	senPrincipal: "Principal *6; Staff *3",
}

// headOf is the head-of-function title for each group.
var headOf = [nGroups]string{
	grpDev: "Head of Software Development", grpFrontend: "Head of Frontend Engineering",
	grpMobile: "Head of Mobile", grpData: "Head of Data Engineering", grpML: "Head of Data Science",
	grpInfra: "Head of Platform Engineering", grpQA: "Head of QA", grpSecurity: "Head of Cyber Security",
	grpArch: "Head of Architecture", grpMgmt: "Head of Engineering", grpDelivery: "Head of Delivery",
	grpAnalysis: "Head of Business Analysis", grpSupport: "IT Support Manager", grpDesign: "Head of Design",
	grpConsult: "Head of CRM",
}

// titleText writes the ad's title: the role (a written form of the family with seniority and
// technology), sometimes decorated with place, work mode, contract terms or pay as real ads are.
func (m *model) titleText(r *rand.Rand, s *adState) (title, role string) {
	f := s.fam
	var form string
	for range 6 {
		form = m.forms[s.famIdx].pick(r)
		if s.lang != "" || !strings.Contains(form, "{L}") {
			break
		}
	}
	if s.lang == "" && strings.Contains(form, "{L}") {
		form = m.forms[s.famIdx].items[0]
		if strings.Contains(form, "{L}") {
			s.lang = m.langs[s.famIdx].pick(r)
		}
	}
	prefix := ""
	if s.sen < senHead && int(s.sen) < len(seniorityWords) && seniorityWords[s.sen] != "" {
		prefix = m.senWords[s.sen].pick(r) + " "
		prefix = strings.Replace(prefix, "  ", " ", 1)
		if s.uk && (prefix == "Entry Level " || prefix == "Staff ") {
			prefix = pick2(s.sen == senJunior, "Junior ", "Principal ")
		}
	}
	role = strings.Replace(form, "{S}", prefix, 1)
	role = strings.Replace(role, "{L}", s.lang, 1)
	switch s.sen {
	case senIntern:
		switch x := r.IntN(4); x {
		case 0:
			role += " Intern"
		case 1:
			role = "Intern - " + role
		case 2:
			role += " Internship"
		default:
			role = pick2(s.uk, "Summer Placement - ", "Summer Intern, ") + role
		}
	case senHead:
		role = f.head
		if role == "" {
			role = headOf[f.grp]
		}
		if r.Float64() < 0.2 {
			role = strings.Replace(role, "Head of", "Director of", 1)
		}
	}
	title = role
	if !s.uk && s.agency == "" && r.Float64() < 0.08 {
		// hn style: the first line of the post.
		title = s.company.name + " | " + role + " | " + s.plc.name + " | " + [...]string{"Onsite", "Hybrid", "Remote"}[s.mode]
		if r.Float64() < 0.5 {
			title += " | Full-time"
		}
		return title, role
	}
	if r.Float64() < pick2(s.uk, 0.2, 0.08) {
		title += m.decoration(r, s)
	}
	switch x := r.Float64(); {
	case x < 0.01:
		title = strings.ToUpper(title)
	case x < 0.03:
		title += " "
	}
	return title, role
}

// decoration is a suffix real titles carry: place, work mode, contract terms, pay or sector.
func (m *model) decoration(r *rand.Rand, s *adState) string {
	for range 8 {
		switch r.IntN(11) {
		case 0, 1:
			return " - " + s.plc.name
		case 2:
			if s.mode == remote {
				return [...]string{" | Remote", " (Remote)", " - Fully Remote", " - Remote First"}[r.IntN(4)]
			}
		case 3:
			if s.mode == hybrid {
				return [...]string{" - Hybrid", " (Hybrid)", " - Hybrid Working", " | Hybrid, " + s.plc.name}[r.IntN(4)]
			}
		case 4:
			if s.ir35 == 2 {
				return [...]string{" - Outside IR35", " (Outside IR35)", " - OUTSIDE IR35"}[r.IntN(3)]
			}
			if s.ir35 == 1 {
				return [...]string{" - Inside IR35", " (Inside IR35)"}[r.IntN(2)]
			}
		case 5:
			if s.emp == empContract {
				return [...]string{" - Contract", " - 6 Month Contract", " - 3 month contract", " (Contract)"}[r.IntN(4)]
			}
			if s.emp == empTemporary {
				return [...]string{" - 12 Month FTC", " (Fixed Term)", " - Maternity Cover"}[r.IntN(3)]
			}
		case 6:
			if s.pay.period == "year" && s.pay.currency == "GBP" {
				return " - Up to £" + strconv.Itoa(int(s.pay.hi/1000)) + "k"
			}
		case 7:
			if s.pay.period == "year" && s.pay.currency == "GBP" && !s.pay.single {
				return fmt.Sprintf(" - £%dk - £%dk - %s", int(s.pay.lo/1000), int(s.pay.hi/1000), s.plc.name)
			}
		case 8:
			return " - " + titleCase(s.company.ind.name)
		case 9:
			return " x" + strconv.Itoa(2+r.IntN(3))
		case 10:
			if s.lang != "" && !strings.Contains(s.role, s.lang) {
				return " - " + s.lang
			}
		}
	}
	return " - " + s.plc.name
}

func titleCase(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// regionAlt is how Reed-style location fields name a UK region.
func regionAlt(name string) string {
	switch name {
	case "South East":
		return "South East England"
	case "North West":
		return "North West England"
	case "North East":
		return "North East England"
	case "South West":
		return "South West England"
	case "East of England":
		return "East Anglia"
	case "Yorkshire and The Humber":
		return "Yorkshire"
	}
	return name
}

// locationText writes where the job is, as the location field would, and the place name prose uses.
func (m *model) locationText(r *rand.Rand, s *adState) (loc, placeName string) {
	placeName = s.plc.name
	if s.mode == remote && r.Float64() < 0.7 {
		return pick2(s.uk, m.ukRemote, m.usRemote).pick(r), placeName
	}
	if sp, ok := m.special[s.plc]; ok && r.Float64() < 0.4 {
		loc = sp.pick(r)
	} else {
		form := pick2(s.uk, m.ukForms, m.usForms).pick(r)
		if s.uk && s.plc.county == s.plc.name || s.uk && s.plc.county == "London" && strings.Contains(form, "{C}") && r.Float64() < 0.5 {
			form = "{P}"
		}
		loc = fillPlace(form, s)
	}
	switch {
	case s.mode == hybrid && r.Float64() < 0.3:
		loc += [...]string{" (Hybrid)", ", Hybrid", " / Hybrid", " - Hybrid"}[r.IntN(4)]
	case s.mode == remote:
		loc += [...]string{" (Remote)", " / Remote", ", Remote"}[r.IntN(3)]
	}
	return loc, placeName
}

// fillPlace replaces the {P}, {C}, {R}, {A} and {S} slots of a location form.
func fillPlace(form string, s *adState) string {
	var b strings.Builder
	b.Grow(len(form) + 24)
	for i := 0; i < len(form); i++ {
		if form[i] == '{' && i+2 < len(form) && form[i+2] == '}' {
			switch form[i+1] {
			case 'P':
				b.WriteString(s.plc.name)
			case 'C':
				b.WriteString(s.plc.county)
			case 'R':
				b.WriteString(regionAlt(s.reg.name))
			case 'A':
				b.WriteString(s.reg.abbr)
			case 'S':
				b.WriteString(s.reg.name)
			}
			i += 2
			continue
		}
		b.WriteByte(form[i])
	}
	return b.String()
}
