package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"jobscope"
	"jobscope/gen"
	"jobscope/internal/cputime"
	"jobscope/taxonomy"
)

// benchAds builds realistic ads of about 2 KB each (title, location, salary and description): a UK contract ad with HTML, a permanent ad in prose and
// a US post in the style of "Who is hiring?".
func benchAds() []jobscope.RawAd {
	para := "You will join a friendly team building data products for our clients across the UK. " +
		"We value clean code, code review, pair programming and continuous delivery. "
	uk := "<p><strong>Senior Python Developer</strong> – Outside IR35 – Hybrid (2 days London)</p>" +
		"<p>Our client, a fast-growing fintech, needs an experienced Python developer for a 6 month contract.</p>" +
		"<ul><li>5+ years of commercial experience with Python, Django and PostgreSQL</li>" +
		"<li>AWS (Lambda, S3, ECS), Docker, Kubernetes and Terraform</li><li>CI/CD with GitHub Actions</li>" +
		"<li>Experience with Kafka and Redis is a plus</li></ul><p>Day rate: £550 - £650 per day.</p>" +
		"<p>" + strings.Repeat(para, 9) + "</p>"
	perm := "We are looking for a Data Analyst to join our insight team in Leeds. You will use SQL, " +
		"Power BI and Excel to turn data into decisions, working with stakeholders across the business. " +
		"Salary £32,000 - £38,000 per annum plus bonus, 25 days holiday and a generous pension. " +
		strings.Repeat(para, 11) + " Knowledge of R or Python would be useful. Agile, Scrum and Jira."
	hn := "Acme Robotics | Austin, TX | Full-time | ONSITE<p>We build warehouse robots in Go, Rust and C++. " +
		"Our stack: Kubernetes on GCP, gRPC, PostgreSQL, React and TypeScript on the front end.</p><p>" +
		strings.Repeat("We care about testing, observability and a calm on-call rotation. ", 26) +
		"</p><p>Salary $140k - $180k + equity. Email jobs@example.com</p>"
	return []jobscope.RawAd{
		{ID: "1", Source: "reed", Title: "Senior Python Developer - Contract", Location: "London", Salary: "", EmploymentType: "Contract, full-time", Description: uk},
		{ID: "2", Source: "adzuna", Title: "Data Analyst", Location: "Leeds, West Yorkshire", Salary: "£32,000 - £38,000 per annum", EmploymentType: "permanent", Description: perm},
		{ID: "3", Source: "hn", Title: "Acme Robotics | Austin, TX | Full-time | ONSITE", Description: hn},
	}
}

func BenchmarkExtract(b *testing.B) { benchExtract(b, benchAds()) }

// BenchmarkExtractGenerated extracts 1,000 generated ads (about 2 KB each), in turn.
func BenchmarkExtractGenerated(b *testing.B) {
	seq, err := gen.Ads(gen.Config{Ads: 1000, Seed: 2026})
	if err != nil {
		b.Fatal(err)
	}
	var ads []jobscope.RawAd
	for a := range seq {
		ads = append(ads, a)
	}
	benchExtract(b, ads)
}

// benchExtract extracts one ad of ads per iteration, in turn. Beside time, bytes (title,
// description, location and salary) and allocations per ad, it reports ads per second and the
// process's CPU time per ad (cpu-ns/op), which other work on the machine disturbs less.
func benchExtract(b *testing.B, ads []jobscope.RawAd) {
	e := newTestExtractor(b)
	var size int64
	for _, a := range ads {
		size += int64(len(a.Title) + len(a.Description) + len(a.Location) + len(a.Salary))
	}
	b.SetBytes(size / int64(len(ads)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cputime.Process()
	for i := 0; i < b.N; i++ {
		x := e.Extract(&ads[i%len(ads)])
		if x.ID == "" {
			b.Fatal("no id")
		}
	}
	cpu := cputime.Process() - cpu0
	b.StopTimer()
	if b.N > 0 {
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ads/s")
		if cpu > 0 {
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

// yardstickAds are the descriptions of the shared HN and Glassdoor ads, about 15 MB: the text that
// both BenchmarkExtractShared and the GNU grep yardstick (TestWriteGrepYardstick) read.
func yardstickAds(t testing.TB) []jobscope.RawAd {
	var ads []jobscope.RawAd
	for _, set := range []string{"hn_whoishiring_2013_2018", "glassdoor_us_2020"} {
		for _, a := range readShared(t, set) {
			ads = append(ads, jobscope.RawAd{ID: a.ad.ID, Source: a.ad.Source, Description: a.ad.Description})
		}
	}
	return ads
}

// BenchmarkExtractShared extracts every yardstick ad once per iteration; compare its MB/s with
//
//	grep -o -w -F -f aliases.txt corpus.txt
//
// over the files TestWriteGrepYardstick writes.
func BenchmarkExtractShared(b *testing.B) {
	e := newTestExtractor(b)
	ads := yardstickAds(b)
	var size int64
	for _, a := range ads {
		size += int64(len(a.Description))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range ads {
			e.Extract(&ads[k])
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N*len(ads))/b.Elapsed().Seconds(), "ads/s")
}

// TestWriteGrepYardstick writes, to the directory named by $JOBSCOPE_YARDSTICK, aliases.txt (every
// alias of the taxonomy that begins and ends with a letter or digit, lowercased, one a line) and
// corpus.txt (the yardstick ads' descriptions, lowercased), for timing GNU grep against extraction.
func TestWriteGrepYardstick(t *testing.T) {
	dir := os.Getenv("JOBSCOPE_YARDSTICK")
	if dir == "" {
		t.Skip("JOBSCOPE_YARDSTICK is not set")
	}
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, s := range tx.Skills {
		for _, a := range s.Aliases {
			w := strings.ToLower(a.Text)
			if w != "" && isWordByte(w[0]) && isWordByte(w[len(w)-1]) {
				seen[w] = true
			}
		}
	}
	var aliases []string
	for w := range seen {
		aliases = append(aliases, w)
	}
	sort.Strings(aliases)
	if err := os.WriteFile(filepath.Join(dir, "aliases.txt"), []byte(strings.Join(aliases, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, a := range yardstickAds(t) {
		b.WriteString(lowerASCII(a.Description))
		b.WriteByte('\n')
	}
	if err := os.WriteFile(filepath.Join(dir, "corpus.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d aliases, %d bytes of text", len(aliases), b.Len())
}

func ExampleParseSalary() {
	s := ParseSalary("£450-£550/day Outside IR35")
	fmt.Println(s.Min, s.Max, s.Currency, s.Period, s.Annual == nil)
	// Output: 450 550 GBP day true
}
