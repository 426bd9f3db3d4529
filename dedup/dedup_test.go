package dedup

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"jobscope"
)

func TestSignatureBytes(t *testing.T) {
	s := Sign("Go Developer", "Build services in Go and PostgreSQL for a fintech in Leeds.")
	b := s.Bytes()
	if len(b) != SignatureSize {
		t.Fatalf("%d bytes", len(b))
	}
	got, err := FromBytes(b)
	if err != nil || got != s {
		t.Fatalf("round trip: %v, %v", got == s, err)
	}
	for _, n := range []int{0, 1, SignatureSize - 1, SignatureSize + 1} {
		t.Run(fmt.Sprintf("%d bytes", n), func(t *testing.T) {
			if _, err := FromBytes(make([]byte, n)); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestBands(t *testing.T) {
	a := Sign("Data Engineer", "Spark, Kafka and Python pipelines for a retailer.")
	b := Sign("Nurse", "Band 5 staff nurse on a surgical ward.")
	ba, bb := a.Bands(), b.Bands()
	if len(ba) != NumBands || !slices.Equal(ba, a.Bands()) {
		t.Fatalf("bands %v", ba)
	}
	for _, k := range ba {
		if slices.Contains(bb, k) {
			t.Errorf("unrelated texts share band %d", k)
		}
	}
	// Equal rows in different bands give different keys.
	var s Signature
	keys := s.Bands()
	slices.Sort(keys)
	if len(slices.Compact(keys)) != NumBands {
		t.Error("band keys collide across bands")
	}
	// One slot changed changes exactly one band.
	c := a
	c[5]++
	diff := 0
	for i, k := range c.Bands() {
		if k != ba[i] {
			diff++
		}
	}
	if diff != 1 {
		t.Errorf("%d bands changed, want 1", diff)
	}
}

func TestSignNormalises(t *testing.T) {
	plain := Sign("Senior Go Developer", "We're hiring: a developer to build APIs & services. Salary £60,000 – £70,000.")
	tests := []struct {
		name, title, desc string
	}{
		{"case and punctuation", "SENIOR GO-DEVELOPER!", "WE'RE HIRING -- A DEVELOPER, TO BUILD APIS (&) SERVICES; SALARY: £60.000 — £70.000!!"},
		{"html", "Senior Go Developer", "<p>We’re <b>hiring</b>:</p><ul><li>a developer to build APIs &amp; services.</li></ul> Salary &pound;60,000 &ndash; &#163;70,000."},
		{"escaped html", "Senior Go Developer", "&lt;p&gt;We're hiring&lt;/p&gt; a developer to build APIs &amp;amp; services. Salary £60,000 - £70,000"},
		{"whitespace", "  Senior\tGo \n Developer ", "We're   hiring\n\n a developer to build APIs & services.\r\n Salary £60,000 – £70,000."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sign(tt.title, tt.desc)
			if sim := Similarity(plain, got); sim < 0.9 {
				t.Errorf("similarity %.2f", sim)
			}
		})
	}
	t.Run("short texts", func(t *testing.T) {
		for _, title := range []string{"Nurse", "Staff Nurse", "Staff Nurse Band5"} {
			if Sign(title, "") != Sign(strings.ToUpper(title), "") || Sign(title, "") == Sign("Doctor", "") {
				t.Errorf("%q", title)
			}
		}
	})
}

func TestSame(t *testing.T) {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	text := "Our client, a leading bank, is looking for a Java developer to join its payments team in Leeds. " +
		"You will design and build services, mentor juniors and own releases. Spring Boot, Kafka and AWS wanted."
	sig := Sign("Java Developer", text)
	base := Doc{Company: "Acme Ltd", Title: "Java Developer", TitleNorm: "java developer", Region: "Yorkshire and The Humber", Place: "Leeds", Posted: day, Sig: sig}
	other := Sign("Java Developer", "A start-up selling garden furniture needs a Java developer. Remote work, equity, a dog-friendly office.")
	tests := []struct {
		name string
		edit func(d *Doc)
		want bool
	}{
		{"identical", func(d *Doc) {}, true},
		{"company spelled differently", func(d *Doc) { d.Company = "ACME Limited." }, true},
		{"company plc/inc", func(d *Doc) { d.Company = "acme, inc" }, true},
		{"other company", func(d *Doc) { d.Company = "Initech" }, false},
		{"no company", func(d *Doc) { d.Company = "" }, false},
		{"title punctuation", func(d *Doc) { d.Title = "JAVA - developer" }, true},
		{"other title, same canonical title", func(d *Doc) { d.Title = "Java Engineer" }, true},
		{"other title", func(d *Doc) { d.Title = "Java Engineer"; d.TitleNorm = "java engineer" }, false},
		{"other place in another region", func(d *Doc) { d.Place, d.Region = "Manchester", "North West" }, false},
		{"other place, same region", func(d *Doc) { d.Place, d.Region = "York", "Yorkshire and The Humber" }, true},
		{"same town read in another region", func(d *Doc) { d.Region = "North West" }, true},
		{"region only, the same", func(d *Doc) { d.Place, d.Region = "", "Yorkshire and The Humber" }, true},
		{"place case", func(d *Doc) { d.Place = "LEEDS " }, true},
		{"one place unknown", func(d *Doc) { d.Place = "" }, true},
		{"41 days apart", func(d *Doc) { d.Posted = day.AddDate(0, 0, 41) }, true},
		{"43 days before", func(d *Doc) { d.Posted = day.AddDate(0, 0, -43) }, false},
		{"posted unknown", func(d *Doc) { d.Posted = time.Time{} }, true},
		{"different text", func(d *Doc) { d.Sig = other }, false},
		{"a sentence added", func(d *Doc) { d.Sig = Sign("Java Developer", text+" Apply today, quoting ref JD-1142.") }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base
			tt.edit(&d)
			if got := Same(base, d); got != tt.want {
				t.Errorf("Same = %v, want %v (similarity %.2f)", got, tt.want, Similarity(base.Sig, d.Sig))
			}
			if got := Same(d, base); got != tt.want {
				t.Errorf("Same reversed = %v", got)
			}
			// The prefilter passes what Same would compare the texts of: every pair but those
			// with another text, which it cannot see.
			pre := NewPrefilter([]Doc{{Company: "Globex", Title: "Line Cook"}, base})
			if got, want := pre.May(d), tt.want || tt.name == "different text"; got != want {
				t.Errorf("Prefilter.May = %v, want %v", got, want)
			}
			if got := (&Prefilter{}).May(d); got {
				t.Error("an empty prefilter passes it")
			}
		})
	}
	t.Run("both places unknown", func(t *testing.T) {
		a, b := base, base
		a.Place, b.Place = "", ""
		if !Same(a, b) {
			t.Error("not the same")
		}
	})
}

func TestCompanyKey(t *testing.T) {
	for in, want := range map[string]string{
		"Acme Ltd":               "acme",
		"ACME LIMITED":           "acme",
		"Barclays PLC":           "barclays",
		"Apple, Inc.":            "apple",
		"Marks & Spencer plc":    "marks spencer",
		"O'Reilly Media":         "oreilly media",
		"  ":                     "",
		"Ltd":                    "",
		"Limited Edition Brands": "edition brands",
	} {
		t.Run(in, func(t *testing.T) {
			if got := CompanyKey(in); got != want {
				t.Errorf("CompanyKey(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestIndex(t *testing.T) {
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	doc := func(company, title, text string) Doc {
		return Doc{Company: company, Title: title, Place: "London", Posted: day, Sig: Sign(title, text)}
	}
	text := strings.Repeat("Deliver our cloud platform migration with Terraform and Kubernetes across three squads. ", 3) +
		"Hybrid working from our London office two days a week."
	var x Index
	if _, ok := x.Find(doc("Acme", "DevOps Engineer", text)); ok {
		t.Fatal("found in an empty index")
	}
	k1 := jobscope.AdKey{Source: "reed", ID: "1"}
	k2 := jobscope.AdKey{Source: "reed", ID: "2"}
	x.Add(k1, doc("Acme", "DevOps Engineer", text))
	x.Add(k2, doc("Acme", "DevOps Engineer", text+" Apply now."))
	tests := []struct {
		name string
		doc  Doc
		want jobscope.AdKey
		ok   bool
	}{
		{"copy finds the earliest", doc("ACME Ltd", "Devops engineer", text+" Great benefits."), k1, true},
		{"other company", doc("Initech", "DevOps Engineer", text), jobscope.AdKey{}, false},
		{"other text", doc("Acme", "DevOps Engineer", "Sell insurance over the phone in our Cardiff contact centre."), jobscope.AdKey{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := x.Find(tt.doc)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Find = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
	if x.Len() != 2 {
		t.Errorf("Len %d", x.Len())
	}
	x.Reset()
	if _, ok := x.Find(doc("Acme", "DevOps Engineer", text)); ok || x.Len() != 0 {
		t.Error("found after Reset")
	}
}

// edit makes a light edit of a text, the kind job boards make when they repost an ad.
func edit(rng *rand.Rand, kind int, text string, vocab []string) string {
	sentences := splitSentences(text)
	word := func() string { return vocab[rng.IntN(len(vocab))] }
	switch kind {
	case 0: // a line added at the end
		return text + "\nApply now through our website quoting reference " + fmt.Sprint(rng.IntN(100000)) + " " + word() + "."
	case 1: // a few words changed
		words := strings.Fields(text)
		for range 3 {
			words[rng.IntN(len(words))] = word()
		}
		return strings.Join(words, " ")
	case 2: // one sentence (of at most 40 words) dropped
		var short []int
		for i, s := range sentences {
			if len(strings.Fields(s)) <= 40 {
				short = append(short, i)
			}
		}
		if len(sentences) > 3 && len(short) > 0 {
			i := short[rng.IntN(len(short))]
			sentences = slices.Delete(sentences, i, i+1)
		}
		return strings.Join(sentences, "")
	default: // a sentence inserted and two words changed
		i := rng.IntN(len(sentences) + 1)
		sentences = slices.Insert(sentences, i, " This role offers "+word()+" "+word()+" and "+word()+". ")
		words := strings.Fields(strings.Join(sentences, ""))
		for range 2 {
			words[rng.IntN(len(words))] = word()
		}
		return strings.Join(words, " ")
	}
}

const editKinds = 4

// splitSentences splits text after sentence ends and line breaks, keeping the separators.
func splitSentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' || (c == '.' || c == '!' || c == '?') && i+1 < len(text) && text[i+1] == ' ' {
			if s := text[start : i+1]; strings.TrimSpace(s) != "" {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := text[start:]; strings.TrimSpace(s) != "" {
		out = append(out, s)
	}
	return out
}

// syntheticVocab makes a vocabulary of common words and many rarer made-up ones.
func syntheticVocab(rng *rand.Rand) (common, rare []string) {
	common = strings.Fields("the and to of a in you will with for our we are is be on as team work role " +
		"experience skills an this have your at or all that it by from can working looking join")
	cons := strings.Split("b c d f g h j k l m n p r s t v w z br st tr pl ch", " ")
	vow := strings.Split("a e i o u ai ea oo", " ")
	seen := map[string]bool{}
	for len(rare) < 4000 {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(cons[rng.IntN(len(cons))])
			b.WriteString(vow[rng.IntN(len(vow))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			rare = append(rare, w)
		}
	}
	return common, rare
}

// syntheticAd writes an ad of 12-30 sentences; half of them end with one of a few boilerplate
// paragraphs, as agencies' ads do.
func syntheticAd(rng *rand.Rand, common, rare []string, boilerplate []string) string {
	var b strings.Builder
	for range 12 + rng.IntN(19) {
		n := 8 + rng.IntN(13)
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			if rng.Float64() < 0.4 {
				b.WriteString(common[rng.IntN(len(common))])
			} else {
				b.WriteString(rare[rng.IntN(len(rare))])
			}
		}
		b.WriteString(". ")
	}
	if rng.IntN(2) == 0 {
		b.WriteString(boilerplate[rng.IntN(len(boilerplate))])
	}
	return b.String()
}

// measurement gathers recall and false-match figures for one corpus.
type measurement struct {
	pairs, found                       int       // edited copies, copies found through the index
	sims                               []float64 // similarity of each copy to its original
	candSims                           []float64 // similarity of candidate pairs of different ads
	distinctPairs, candidates, matches int       // pairs of different ads, sharing a band, Same
}

// measure indexes the texts, then looks up a light edit of each (all docs share advertiser, title and
// place, so that only the text decides), and counts how many pairs of different texts become LSH
// candidates and how many would be taken for the same ad. isDup reports pairs of the corpus that are
// truly copies of each other (left out of the false-match count).
func measure(t *testing.T, rng *rand.Rand, texts []string, vocab []string, isDup func(i, j int) bool) measurement {
	t.Helper()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	doc := func(text string) Doc {
		return Doc{Company: "Acme", Title: "Engineer", Place: "Leeds", Posted: day, Sig: Sign("Engineer", text)}
	}
	var m measurement
	var x Index
	docs := make([]Doc, len(texts))
	for i, text := range texts {
		docs[i] = doc(text)
		x.Add(jobscope.AdKey{Source: "t", ID: fmt.Sprint(i)}, docs[i])
	}
	for i, text := range texts {
		for kind := range editKinds {
			d := doc(edit(rng, kind, text, vocab))
			m.pairs++
			m.sims = append(m.sims, Similarity(docs[i].Sig, d.Sig))
			if key, ok := x.Find(d); ok && (key.ID == fmt.Sprint(i) || isDup(i, atoi(key.ID))) {
				m.found++
			}
		}
	}
	bands := make([][]int64, len(docs))
	for i := range docs {
		bands[i] = docs[i].Sig.Bands()
	}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			shared := false
			for b := range NumBands {
				if bands[i][b] == bands[j][b] {
					shared = true
					break
				}
			}
			if !shared {
				m.distinctPairs++ // true copies that share no band would be misses, counted in recall
				continue
			}
			if isDup(i, j) {
				continue
			}
			m.distinctPairs++
			m.candidates++
			m.candSims = append(m.candSims, Similarity(docs[i].Sig, docs[j].Sig))
			if Same(docs[i], docs[j]) {
				m.matches++
			}
		}
	}
	return m
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

func (m measurement) check(t *testing.T, name string) {
	t.Helper()
	slices.Sort(m.sims)
	recall := float64(m.found) / float64(m.pairs)
	candRate := float64(m.candidates) / float64(max(1, m.distinctPairs))
	falseRate := float64(m.matches) / float64(max(1, m.distinctPairs))
	t.Logf("%s: recall %.4f (%d/%d light edits found); edit similarity min %.2f p5 %.2f median %.2f",
		name, recall, m.found, m.pairs, m.sims[0], m.sims[len(m.sims)/20], m.sims[len(m.sims)/2])
	t.Logf("%s: %d pairs of different ads: LSH candidates %.5f (%d), false matches %.6f (%d)",
		name, m.distinctPairs, candRate, m.candidates, falseRate, m.matches)
	if len(m.candSims) > 0 {
		slices.Sort(m.candSims)
		t.Logf("%s: similarity of candidate pairs of different ads: median %.2f p95 %.2f max %.2f (threshold %.2f)",
			name, m.candSims[len(m.candSims)/2], m.candSims[len(m.candSims)*95/100], m.candSims[len(m.candSims)-1], Threshold)
	}
	if recall < 0.95 {
		t.Errorf("recall %.4f < 0.95", recall)
	}
	if falseRate >= 0.01 {
		t.Errorf("false-match rate %.4f >= 1%%", falseRate)
	}
	if candRate >= 0.05 {
		t.Errorf("candidate rate %.4f: LSH is not pruning", candRate)
	}
}

func TestSynthetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	common, rare := syntheticVocab(rng)
	var boilerplate []string
	for range 5 {
		boilerplate = append(boilerplate, syntheticAd(rng, common, rare, []string{""})[:300])
	}
	texts := make([]string, 400)
	for i := range texts {
		texts[i] = syntheticAd(rng, common, rare, boilerplate)
	}
	m := measure(t, rng, texts, rare, func(i, j int) bool { return false })
	m.check(t, "synthetic")
}
