package extract

import (
	"fmt"
	"strings"
	"testing"

	"jobscope"
)

// benchAds builds realistic ads of about 2 KB: a UK contract ad with HTML, a permanent ad in prose and
// a US post in the style of "Who is hiring?".
func benchAds() []jobscope.RawAd {
	para := "You will join a friendly team building data products for our clients across the UK. " +
		"We value clean code, code review, pair programming and continuous delivery. "
	uk := "<p><strong>Senior Python Developer</strong> – Outside IR35 – Hybrid (2 days London)</p>" +
		"<p>Our client, a fast-growing fintech, needs an experienced Python developer for a 6 month contract.</p>" +
		"<ul><li>5+ years of commercial experience with Python, Django and PostgreSQL</li>" +
		"<li>AWS (Lambda, S3, ECS), Docker, Kubernetes and Terraform</li><li>CI/CD with GitHub Actions</li>" +
		"<li>Experience with Kafka and Redis is a plus</li></ul><p>Day rate: £550 - £650 per day.</p>" +
		"<p>" + strings.Repeat(para, 6) + "</p>"
	perm := "We are looking for a Data Analyst to join our insight team in Leeds. You will use SQL, " +
		"Power BI and Excel to turn data into decisions, working with stakeholders across the business. " +
		"Salary £32,000 - £38,000 per annum plus bonus, 25 days holiday and a generous pension. " +
		strings.Repeat(para, 9) + " Knowledge of R or Python would be useful. Agile, Scrum and Jira."
	hn := "Acme Robotics | Austin, TX | Full-time | ONSITE<p>We build warehouse robots in Go, Rust and C++. " +
		"Our stack: Kubernetes on GCP, gRPC, PostgreSQL, React and TypeScript on the front end.</p><p>" +
		strings.Repeat("We care about testing, observability and a calm on-call rotation. ", 16) +
		"</p><p>Salary $140k - $180k + equity. Email jobs@example.com</p>"
	return []jobscope.RawAd{
		{ID: "1", Source: "reed", Title: "Senior Python Developer - Contract", Location: "London", Salary: "", EmploymentType: "Contract, full-time", Description: uk},
		{ID: "2", Source: "adzuna", Title: "Data Analyst", Location: "Leeds, West Yorkshire", Salary: "£32,000 - £38,000 per annum", EmploymentType: "permanent", Description: perm},
		{ID: "3", Source: "hn", Title: "Acme Robotics | Austin, TX | Full-time | ONSITE", Description: hn},
	}
}

func BenchmarkExtract(b *testing.B) {
	e := newTestExtractor(b)
	ads := benchAds()
	var size int64
	for _, a := range ads {
		size += int64(len(a.Title) + len(a.Description) + len(a.Location) + len(a.Salary))
	}
	b.SetBytes(size / int64(len(ads)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x := e.Extract(&ads[i%len(ads)])
		if x.ID == "" {
			b.Fatal("no id")
		}
	}
	b.StopTimer()
	if b.N > 0 {
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ads/s")
	}
}

func ExampleParseSalary() {
	s := ParseSalary("£450-£550/day Outside IR35")
	fmt.Println(s.Min, s.Max, s.Currency, s.Period, s.Annual == nil)
	// Output: 450 550 GBP day true
}
