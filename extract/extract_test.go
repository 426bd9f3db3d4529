package extract

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"jobscope"
)

func TestParseSalary(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "min-max CUR period annual", or "nil"
	}{
		{"annual range", "£50,000 - £60,000 per annum", "50000-60000 GBP year 55000"},
		{"day rate outside IR35", "£450-£550/day Outside IR35", "450-550 GBP day -"},
		{"day rate decimals", "£450.00 - £550.00 per day", "450-550 GBP day -"},
		{"k suffix shared", "20000 - 30000/annum 20-30K", "20000-30000 GBP year 25000"},
		{"k on second only", "25-30K PLUS BONUS", "25000-30000 GBP year 27500"},
		{"k on first only", "£25k-30", "25000-30000 GBP year 27500"},
		{"up to", "Up to £60k", "60000-60000 GBP year 60000"},
		{"from", "From £30,000", "30000-30000 GBP year 30000"},
		{"negative is no pay", "-£30,000 per annum", "nil"},
		{"minus after the sign", "£-450 per day", "nil"},
		{"a dash joining a range is no minus", "£25,000 -£30,000", "25000-30000 GBP year 27500"},
		{"circa", "circa £45k DOE", "45000-45000 GBP year 45000"},
		{"to word", "35000 to 40000 per year", "35000-40000 GBP year 37500"},
		{"en dash", "£30.90 – £37.08 per hour", "30.9-37.08 GBP hour -"},
		{"hourly p/h", "£12.44 - £13.62 p/h (DOE)plus enhancements", "12.44-13.62 GBP hour -"},
		{"per hour with period on both", "£15.66 p/h - £20.35 p/h", "15.66-20.35 GBP hour -"},
		{"monthly", "£2,500 pcm", "2500-2500 GBP month 30000"},
		{"weekly", "£400 per week", "400-400 GBP week 20800"},
		{"dollars", "$53K-$91K (Glassdoor est.)", "53000-91000 USD year 72000"},
		{"employer provided", "Employer Provided Salary:$150K-$160K", "150000-160000 USD year 155000"},
		{"us hourly", "$17-$24 Per Hour(Glassdoor est.)", "17-24 USD hour -"},
		{"euro", "€60,000 - €70,000", "60000-70000 EUR year 65000"},
		{"welcome bonus is not salary", "£23,247.92 - £ 35,077.19 + £3000 Welcome Bonus", "23247.92-35077.19 GBP year 29162.555"},
		{"entity", "£28,071 - £33,411 &amp; £3000 Welcome Bonus", "28071-33411 GBP year 30741"},
		{"OTE only", "£12,000 - £40,000 per annum, OTE", "nil"},
		{"basic and OTE", "£25k basic, £45k OTE", "25000-25000 GBP year 25000"},
		{"OTE first", "OTE £45,000, basic £28,000", "28000-28000 GBP year 28000"},
		{"pro rata", "£24,907 - £30,615 per annum pro rata", "24907-30615 GBP year 27761"},
		{"inc benefits", "£18,000 - £22,000 per annum, inc benefits", "18000-22000 GBP year 20000"},
		{"competitive", "Competitive salary", "nil"},
		{"negotiable", "Salary negotiable", "nil"},
		{"masked", "****K****K negotiable", "nil"},
		{"masked pounds", "£****", "nil"},
		{"band only", "Band 5 / 6 dependent on experience", "nil"},
		{"band then figures", "AfC Band 8c; £63,751 - £73,664 pa", "63751-73664 GBP year 68707.5"},
		{"unlabelled day rate", "£450-550", "450-550 GBP day -"},
		{"unlabelled annual", "25000-30000", "25000-30000 GBP year 27500"},
		{"thousands left out", "£19 - 22,000 WTE", "19000-22000 GBP year 20500"},
		{"hours are not pay", "37.5 hours per week", "nil"},
		{"bonus figure", "£5,000 bonus", "nil"},
		{"per annum bonus package", "From 33,000 to 39,000 per annum bonus,car allowance", "33000-39000 GBP year 36000"},
		{"range after its first figure", "37000/annum 37K to 47K + benefits", "37000-47000 GBP year 42000"},
		{"up to then range", "Up to 40,000 per year + 30000.00-40000.00", "40000-40000 GBP year 40000"},
		{"ltd between period and to", "23 per hour LTD to 29 per hour LTD per hour", "23-29 GBP hour -"},
		{"comma space thousands", "£21,892 - £24, 157 per annum", "21892-24157 GBP year 23024.5"},
		{"space thousands", "£24907 -£30 615", "24907-30615 GBP year 27761"},
		{"point thousands", "£44,606 - £50.819 per annum, pro rata", "44606-50819 GBP year 47712.5"},
		{"euro point thousands", "€55.000 - €65.000", "55000-65000 EUR year 60000"},
		{"potential is not OTE", "Potential to earn £43,213", "43213-43213 GBP year 43213"},
		{"decimal comma", "Starting from £13,79 per hour", "13.79-13.79 GBP hour -"},
		{"bare pence figure", "29.72", "29.72-29.72 GBP hour -"},
		{"bare whole figure", "16", "nil"},
		{"basic then OTE figure", "£25,000 per annum, OTE £40,000", "25000-25000 GBP year 25000"},
		{"range ends too far apart", "£26100 -£31", "nil"},
		{"typo range", "£60,000 - £650,000 per annum", "nil"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := salaryString(ParseSalary(tc.in))
			if got != tc.want {
				t.Errorf("ParseSalary(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func salaryString(s *jobscope.Salary) string {
	if s == nil {
		return "nil"
	}
	a := "-"
	if s.Annual != nil {
		a = fmt.Sprint(*s.Annual)
	}
	return fmt.Sprintf("%v-%v %s %s %s", s.Min, s.Max, s.Currency, s.Period, a)
}

func TestSalaryFromAd(t *testing.T) {
	tests := []struct {
		name string
		ad   jobscope.RawAd
		want string
	}{
		{"structured wins", jobscope.RawAd{Salary: "£10 per hour", BaseSalary: &jobscope.StructuredSalary{Min: 24214, Max: 26220, Currency: "GBP", Unit: "YEAR"}}, "24214-26220 GBP year 25217"},
		{"structured hourly labelled YEAR", jobscope.RawAd{BaseSalary: &jobscope.StructuredSalary{Min: 9.5, Max: 9.5, Currency: "GBP", Unit: "YEAR"}}, "9.5-9.5 GBP hour -"},
		{"field before description", jobscope.RawAd{Salary: "£40,000", Description: "Salary £50,000"}, "40000-40000 GBP year 40000"},
		{"description when field is competitive", jobscope.RawAd{Salary: "Competitive", Description: "We pay £55,000 - £65,000 plus bonus."}, "55000-65000 GBP year 60000"},
		{"description number without currency is ignored", jobscope.RawAd{Description: "We have 25000 customers and 400 staff."}, "nil"},
		{"description funding is not salary", jobscope.RawAd{Description: "We raised $20M and pay $120k - $150k."}, "120000-150000 USD year 135000"},
		{"a yearly learning budget is not salary", jobscope.RawAd{Salary: "Competitive", Description: "Perks: £3,500 yearly learning budget, gym."}, "nil"},
		{"salary before a yearly training budget", jobscope.RawAd{Description: "Salary: £50,000 annual, plus a £2,000 yearly training budget"}, "50000-50000 GBP year 50000"},
		{"a period then the package", jobscope.RawAd{Description: "Salary £45,000 per annum bonus, car allowance"}, "45000-45000 GBP year 45000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := salaryString(SalaryFromAd(&tc.ad, PlainText(tc.ad.Description), "GBP", false))
			if got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestParseLocation(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		in   string
		want string // country/nation/region/county/place/remote
	}{
		{"Dorking, Surrey", "GB/England/South East/Surrey/Dorking/false"},
		{"Bartle, Preston, PR4 0HB", "GB/England/North West/Lancashire/Preston/false"},
		{"London, South East England, England", "GB/England/London/Greater London/London/false"},
		{"Remote, UK", "GB/////true"},
		{"Hybrid (2 days London)", "GB/England/London/Greater London/London/false"},
		{"Austin, TX", "US//Texas//Austin/false"},
		{"NYC", "US//New York//New York/false"},
		{"Remote - US", "US/////true"},
		{"Cambridge, MA", "US//Massachusetts//Cambridge/false"},
		{"Cambridge", "GB/England/East of England/Cambridgeshire/Cambridge/false"},
		{"Grand Rapids, Michigan", "US//Michigan//Grand Rapids/false"},
		{"Surrey, South East, South East", "GB/England/South East/Surrey//false"},
		{"Manchester, Lancashire", "GB/England/North West/Greater Manchester/Manchester/false"},
		{"Willenhall, West Midlands", "GB/England/West Midlands/West Midlands/Willenhall/false"},
		{"Glasgow, Scotland", "GB/Scotland/Scotland/Glasgow City/Glasgow/false"},
		{"Belfast", "GB/Northern Ireland/Northern Ireland/Belfast/Belfast/false"},
		{"Wales, Wales", "GB/Wales/Wales///false"},
		{"Gillingham, ME7 5NY", "GB/England/South East/Medway/Gillingham/false"},
		{"London Road Community Hospital, Derby, DE1 2QY", "GB/England/East Midlands/Derby/Derby/false"},
		{"Highland, CA", "US//California//Highland/false"},
		{"Rochester, NY", "US//New York//Rochester/false"},
		{"Portland, ME", "US//Maine//Portland/false"},
		{"Portland, OR", "US//Oregon//Portland/false"},
		{"Linthicum, MD", "US//Maryland//Linthicum/false"},
		{"Rochester", "GB/England/South East/Medway/Rochester/false"},
		{"Berlin, Germany", "DE////Berlin/false"},
		{"Work from Home", "////false"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			l, _ := e.ParseLocation(tc.in)
			got := fmt.Sprintf("%s/%s/%s/%s/%s/%v", l.Country, l.Nation, l.Region, l.County, l.Place, l.Remote)
			if tc.in == "Work from Home" {
				if !l.Remote {
					t.Errorf("%q: remote not set", tc.in)
				}
				return
			}
			if got != tc.want {
				t.Errorf("ParseLocation(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestLocationFromText(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, title, desc, want string
	}{
		{"hn pipes", "Stripe | San Francisco | Full-time", "", "US/California/San Francisco"},
		{"hn dash", "Adzerk - Durham, NC - Full-time, permanent", "", "US/North Carolina/Durham"},
		{"first line", "Senior Engineer", "Acme Ltd | London, UK | Onsite\nWe build things.", "GB/London/London"},
		{"location label", "Engineer", "About us.\nLocation: Leeds\nMore.", "GB/Yorkshire and The Humber/Leeds"},
		{"nothing", "Engineer wanted", "We go to great lengths to hire people.", "//"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, _ := e.locationFromText(tc.title, tc.desc, lowerASCII(tc.desc))
			got := fmt.Sprintf("%s/%s/%s", l.Country, l.Region, l.Place)
			if got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestTitle(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct{ in, norm, seniority string }{
		{"Senior Backend Engineer (Go)", "Backend Developer", "senior"},
		{"Back-End Developer", "Backend Developer", ""},
		{"Golang Developer", "Go Developer", ""},
		{"Lead Full Stack Engineer", "Full Stack Developer", "lead"},
		{"Jr. Data Analyst", "Data Analyst", "junior"},
		{"Graduate Software Engineer", "Software Developer", "graduate"},
		{"Head of Engineering", "Engineering Manager", "head"},
		{"Principal SRE", "Site Reliability Engineer", "principal"},
		{"Staff Software Engineer", "Software Developer", "lead"},
		{"Staff Nurse RMN/RNLD", "Staff Nurse", ""},
		{"Registered Mental Nurse (RMN)", "Staff Nurse", ""},
		{"Mid-level .NET Developer", ".NET Developer", "mid"},
		{"Software Engineer II", "Software Developer", "mid"},
		{"Summer Intern - Data Science", "Data Scientist", "intern"},
		{"Head Chef", "Chef", "head"},
		{"Lead Generation Executive", "", ""},
		{"Sales Executive (Automotive Main Dealer)", "Sales Executive", ""},
		{"Legal Secretary / Admin Assistant", "Legal Secretary", ""},
		{"Engineering Systems Analyst", "Systems Analyst", ""},
		{"Zookeeper", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := e.NormalizeTitle(tc.in); got != tc.norm {
				t.Errorf("NormalizeTitle(%q) = %q, want %q", tc.in, got, tc.norm)
			}
			if got := Seniority(tc.in); got != tc.seniority {
				t.Errorf("Seniority(%q) = %q, want %q", tc.in, got, tc.seniority)
			}
		})
	}
}

func TestSeniorityFromText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"you have 5+ years of experience with python", "senior"},
		{"3-5 years commercial experience", "mid"},
		{"at least 2 years experience", ""},
		{"founded 10 years ago", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := seniorityFromText(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestEmployment(t *testing.T) {
	tests := []struct{ label, typ, hours string }{
		{"Permanent, full-time", "permanent", "full_time"},
		{"Permanent, full-time or part-time", "permanent", ""},
		{"FULL_TIME", "", "full_time"},
		{"PART_TIME", "", "part_time"},
		{"contract", "contract", ""},
		{"Contract, full-time", "contract", "full_time"},
		{"TEMPORARY", "temporary", ""},
		{"Temporary, part-time", "temporary", "part_time"},
		{"INTERN", "internship", ""},
		{"permanent full_time", "permanent", "full_time"},
		{"OTHER", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.label, func(t *testing.T) {
			typ, hours := EmploymentFromLabel(tc.label)
			if typ != tc.typ || hours != tc.hours {
				t.Errorf("EmploymentFromLabel(%q) = %q, %q; want %q, %q", tc.label, typ, hours, tc.typ, tc.hours)
			}
		})
	}
	text := []struct{ title, text, typ string }{
		{"contract java developer", "6 month contract, day rate", "contract"},
		{"java developer", "a permanent role with a great team", "permanent"},
		{"locum gp", "", "temporary"},
		{"java developer", "permanent contract of employment", "permanent"},
		{"java developer", "", ""},
	}
	for _, tc := range text {
		t.Run(tc.title+"/"+tc.text, func(t *testing.T) {
			if typ, _ := employmentFromText(tc.title, tc.text); typ != tc.typ {
				t.Errorf("got %q, want %q", typ, tc.typ)
			}
		})
	}
}

// TestEmploymentBasis: the basis names what decided the type: the board's field, the title, the
// salary text's words (the pay), the description, or the pay period alone.
func TestEmploymentBasis(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name                     string
		title, salary, desc, typ string
		want                     string
	}{
		{"title", "Contract Java Developer", "", "Join our team.", "", jobscope.BasisTitle},
		{"title's last word", "Acme | Java Developer | London | Perm", "", "Join our team.", "", jobscope.BasisTitle},
		{"salary text", "Python Engineer", "Competitive day rate", "Join our team.", "", jobscope.BasisPay},
		{"description", "Java Developer", "", "This is a 6 month contract.", "", jobscope.BasisText},
		{"pay period", "Java Developer", "£50,000 per annum", "Join our team.", "", jobscope.BasisPay},
		{"field", "Java Developer", "", "This is a 6 month contract.", "Permanent", jobscope.BasisField},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := e.Extract(&jobscope.RawAd{Source: "t", ID: "1", Title: tc.title, Salary: tc.salary, Description: tc.desc,
				EmploymentType: tc.typ})
			if got := string(x.Employment.Basis); got != tc.want {
				t.Errorf("basis = %q (type %q), want %q", got, x.Employment.Type, tc.want)
			}
		})
	}
}

// TestWorkModeFromText: the work mode a description states in words.
func TestWorkModeFromText(t *testing.T) {
	tests := []struct{ text, want string }{
		{"You'll be asked in our Milton Keynes office 2 days a week.", "hybrid"},
		{"We work 3 days a week in the office and the rest from home.", "hybrid"},
		{"Expect 2 days per week in office.", "hybrid"},
		{"2 days in the office, 3 at home", "hybrid"},
		{"in the office 5 days a week", ""},
		{"5 days in the office", ""},
		{"a few days in the office", "hybrid"},
		{"our office 2 miles from the station", ""},
		{"fully remote team", "remote"},
		{"No remote working.", "onsite"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := scanSignals(tokenizeString(strings.ToLower(tc.text)))
			if got := s.workMode(); got != tc.want {
				t.Errorf("work mode = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestIR35AndWorkMode(t *testing.T) {
	ir := []struct{ in, want string }{
		{"£500 per day outside ir35", "outside"},
		{"this role is inside ir35", "inside"},
		{"ir35 status: outside", "outside"},
		{"ir35 determination pending", ""},
		{"no mention", ""},
	}
	for _, tc := range ir {
		t.Run("ir35/"+tc.in, func(t *testing.T) {
			if got := IR35(tc.in); got != tc.want {
				t.Errorf("IR35(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	wm := []struct{ in, want string }{
		{"remote, uk", "remote"},
		{"hybrid (2 days london)", "hybrid"},
		{"london (hybrid)", "hybrid"},
		{"fully remote", "remote"},
		{"onsite in austin", "onsite"},
		{"london", ""},
	}
	for _, tc := range wm {
		t.Run("mode/"+tc.in, func(t *testing.T) {
			if got := WorkMode(tc.in); got != tc.want {
				t.Errorf("WorkMode(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	if got := workMode("we offer remote monitoring of patients and on site parking", true); got != "" {
		t.Errorf("strict work mode of prose = %q, want none", got)
	}
}

func TestSkills(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, in string
		want     string
	}{
		{"go in context", "We write Go and Python on Kubernetes.", "Go,Python,Kubernetes"},
		{"go to", "Go to our website. Experience with Python.", "Python"},
		{"golang", "golang, postgres", "Go,PostgreSQL"},
		{"c family", "C, C++ and C# with .NET Core", "C,C++,C#,.NET"},
		{"r and r&d", "R&D team. Skills: R, SQL, Python", "R,SQL,Python"},
		{"grade c is no language; GCSE is a qualification, Maths its subject", "Grade C in GCSE Maths. Python.", "GCSE,Mathematics,Python"},
		{"java vs javascript", "Java and JavaScript, TypeScript", "Java,JavaScript,TypeScript"},
		// Unicode spaces and punctuation separate words as ASCII ones do.
		{"curly apostrophe", "A Master\u2019s degree in Statistics", "Masters Degree,Statistics"},
		{"no-break space", "using\u202fETL and\u00a0SQL", "ETL,SQL"},
		{"em dash", "Python\u2014and Django", "Python,Django"},
		// No alias runs over a comma, a line break or a sentence's end.
		{"no phrase over a comma", "Machine, learning and Python", "Python"},
		{"no phrase over a line", "Machine\nLearning", ""},
		{"no phrase over a full stop", "We use a machine. Learning is fun. Python.", "Python"},
		{"a phrase within a line", "Machine Learning and Python", "Machine Learning,Python"},
		{"react vs reactive", "reactive programming in Java; React and Redux", "Java,React,Redux"},
		{"rails", "Ruby on Rails and PostgreSQL", "Ruby on Rails,PostgreSQL"},
		{"swift the word", "a swift response to customers", ""},
		{"swift the language", "iOS apps in Swift and Objective-C", "iOS,Swift,Objective-C"},
		{"chef the job", "Head Chef wanted for busy kitchen", ""},
		{"chef the tool", "Ansible, Chef or Puppet for configuration", "Ansible,Chef,Puppet"},
		{"excel", "excel in a team. Advanced Microsoft Excel", "Excel"},
		{"access", "access to parking. MS Access and SQL", "Microsoft Access,SQL"},
		{"once each in order", "AWS, aws, Amazon Web Services, Docker", "AWS,Docker"},
		{"shell", "Bash and shell scripting on Linux", "Bash,Shell Scripting,Linux"},
		{"node", "Node.js and Express APIs", "Node.js,Express,API"},
		{"spring", "Java with Spring Boot and Spring", "Java,Spring Boot,Spring"},
		{"spring the season", "Starting in Spring 2024", ""},
		{"specialities listed", "We offer major surgical specialities such as Orthopaedics and General Surgery. You will need experience in Orthopaedics.", "Orthopaedics"},
		{"services listed after a colon", "Our services include: physiotherapy, occupational therapy and podiatry", ""},
		{"teams listed by name", "You will work with teams including Engineering, QA, Design and Sales. Python and Go.", "Python,Go"},
		{"teams' work listed", "Work with other teams including implementation of build scripts, continuous integration and deployment tools. Python and Go.", "CI/CD,Python,Go"},
		{"no part's list over a line", "Supported learning including\nphysiotherapy and rehabilitation", "Physiotherapy,Rehabilitation"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var names []string
			for _, s := range e.Skills(tc.in) {
				names = append(names, s.Name)
			}
			if got := strings.Join(names, ","); got != tc.want {
				t.Errorf("Skills(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Python & SQL", "Python & SQL"},
		{"entities", "Python &amp; SQL", "Python & SQL"},
		{"tags", "<p>Python</p><ul><li>SQL</li></ul>", "\nPython\n\n\nSQL\n\n"},
		{"escaped html", "&lt;p&gt;Python &amp;amp; SQL&lt;/p&gt;", "\nPython & SQL\n"},
		{"not a tag", "salary < 50k", "salary < 50k"},
		{"script dropped", "<p>a</p><SCRIPT>var x = '<b>'</SCRIPT><p>b</p>", "\na\n  \nb\n"},
		{"unclosed script kept", "<script>x<script>y", " x y"},
		{"many lone brackets", "a<1<2<3>b", "a<1<2<3>b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := PlainText(tc.in); got != tc.want {
				t.Errorf("PlainText(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	e := newTestExtractor(t)
	ad := &jobscope.RawAd{ID: "42818603", Source: "reed", Title: "Senior Data Scientist - Contract",
		Location: "London (Hybrid)", Salary: "£450.00 - £550.00 per day", EmploymentType: "Contract, full-time",
		Description: "<p>Outside IR35. We use SQL and Tableau daily.</p>"}
	got := e.Extract(ad)
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"42818603","source":"reed","title":{"normalized":"Data Scientist","seniority":"senior"},` +
		`"employment":{"type":"contract","hours":"full_time","ir35":"outside","basis":"field"},"work_mode":"hybrid",` +
		`"salary":{"min":450,"max":550,"currency":"GBP","period":"day","annual":null,"text":"£450.00 - £550.00 per day"},` +
		`"location":{"country":"GB","nation":"England","region":"London","county":"Greater London","place":"London","remote":false},` +
		`"skills":[{"name":"SQL","category":"Programming Languages"},` +
		`{"name":"Tableau","category":"Database \u0026 Business Intelligence"}]}`
	if string(b) != want {
		t.Errorf("Extract:\n got %s\nwant %s", b, want)
	}
}

// TestExtractConcurrent runs one Extractor from many goroutines; with -race it checks that Extract
// shares no mutable state.
func TestExtractConcurrent(t *testing.T) {
	e := newTestExtractor(t)
	ads := benchAds()
	want := make([]string, len(ads))
	for i := range ads {
		b, _ := json.Marshal(e.Extract(&ads[i]))
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ads {
				b, _ := json.Marshal(e.Extract(&ads[i]))
				if string(b) != want[i] {
					t.Errorf("ad %d: concurrent result differs", i)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestConjoinedSkills: a phrase that joins two skills ("organisational and interpersonal skills",
// an alias of the first) leaves the second to be found too.
func TestConjoinedSkills(t *testing.T) {
	ex := newTestExtractor(t)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Good communication, organisational and interpersonal skills.", []string{"Communication Skills", "Organisational Skills", "Interpersonal Skills"}},
		{"Excellent communication and interpersonal skills.", []string{"Communication Skills", "Interpersonal Skills"}},
	} {
		var got []string
		for _, s := range ex.Skills(tt.text) {
			got = append(got, s.Name)
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Skills(%q) = %v, lacks %s", tt.text, got, w)
			}
		}
	}
}

func TestInferredSpelling(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"canvas", "Canvas"}, {"Canvas", "Canvas"}, {"socket.io", "Socket.io"}, {"iOS", "iOS"},
		{"ZeroMQ", "ZeroMQ"}, {"event store", "Event Store"}, {"Lagan Configuration Studio", "Lagan Configuration Studio"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := inferredSpelling(tc.in); got != tc.want {
				t.Errorf("inferredSpelling(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
