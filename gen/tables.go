package gen

// The numbers in this file were derived from the real ads in /work/shared/data/ads (the counts are
// quoted next to each table) and, where that data is silent, from stated assumptions. No text from
// those ads is copied here: every template, title form and name below was written for this package.
//
// Sources, abbreviated in the comments:
//   reed_uk      14,983 Reed ads, 679 in "it jobs" (salary texts, job types, city/county)
//   reed_ds      370 Reed data-science ads, 2021 (day rates, "Contract, full-time", is_remote)
//   adzuna       1,210 Adzuna UK ads, 2013 (messy salary texts)
//   hn           14,147 HN "Who is hiring?" posts, 2013-2018 (US tech style, remote flag, skill trends)
//   glassdoor    473 Glassdoor US data-science ads, 2020 (US salaries by title and state)

// Market shares. The brief asks for ~85% UK and ~15% US.
const ukShare = 0.85

// refYear is the year the salary bases below are stated in; salaries grow by salaryGrowth a year
// either side of it.
const refYear = 2024.0

// salaryGrowth is the yearly growth of advertised salaries. ONS AWE regular pay grew 5-7% a year in
// 2022-2024 and ~3% before; tech ad salaries in reed_uk (c. 2019, developer median £45k) against
// reed_ds 2021 (median £55k, London-heavy) suggest the same order. We use 4%.
const salaryGrowth = 0.04

// Employment-type shares.
//
//	             reed_ds 2021   reed_uk it   brief / IT Jobs Watch     used (UK)   used (US)
//	contract        13.5%          1.2%*        25-35% of UK IT         30%          8%
//	temporary        1.1%          0.4%             -                    2%          1%
//	internship        -              -          hn intern flag 5.5%      1%          4%
//
// * reed_uk keeps only ads with an annual salary, which filters contracts out. US contract share:
// glassdoor quotes hourly pay in 3% of ads; hn rarely offers contracts; 8% is an assumption.
const (
	ukContract   = 0.30
	ukTemporary  = 0.02
	ukInternship = 0.01
	usContract   = 0.08
	usTemporary  = 0.01
	usInternship = 0.04
)

// IR35 status of UK contracts. No shared data labels it; since the April 2021 private-sector reform
// most public commentary puts inside-IR35 roles at roughly half of those stating a status. Assumption:
// 35% say nothing, 35% inside, 30% outside.
const (
	ir35Unstated = 0.35
	ir35Inside   = 0.35
)

// Agency share: in reed_ds the top advertisers are recruiters (the first 10 company names are all
// agencies); UK IT boards are agency-dominated. US boards (glassdoor) are mostly direct employers.
const (
	ukAgency = 0.40
	usAgency = 0.10
)

// Salary disclosure.
//
//	UK: reed_ds 2021: 109 of 370 ads (29%) say "Competitive salary" or "Salary negotiable".
//	US: glassdoor 2020: 102 of 473 (22%) carry no salary; hn: ~10% of posts quote one at all. US
//	    pay-transparency laws (CO 2021, NY 2022, CA/WA 2023) raised disclosure since, so the US share
//	    with no figure falls from 55% (2019) to 25% (2026).
//
// Of ads whose salary field gives no figure, descInsteadShare state the figure in the description.
const (
	ukNoFigure       = 0.27
	descInsteadShare = 0.30
)

// usNoFigure returns the share of US ads whose salary field gives no figure in year y.
func usNoFigure(y float64) float64 {
	return clamp(0.55-0.043*(y-2019), 0.25, 0.55)
}

// Work mode shares by year: [year, remote, hybrid]. hn (US startups, remote-friendly) flags remote in
// 13.5% of 2013 posts rising to 23.7% in 2018; reed_ds 2021 flags 12.7% of UK data-science ads as
// remote. Hybrid barely existed as a label before 2020 and is now the most common mode for UK IT
// (assumption: ~50% by 2026). Between rows the shares are interpolated.
var workModeByYear = [...][3]float64{
	{2013, 0.05, 0.02},
	{2019, 0.07, 0.04},
	{2020, 0.12, 0.10},
	{2021, 0.14, 0.22},
	{2022, 0.15, 0.32},
	{2023, 0.16, 0.40},
	{2024, 0.17, 0.45},
	{2025, 0.18, 0.48},
	{2026, 0.19, 0.50},
}

// Posting volume. Yearly growth of tech ad volume (assumption: 8% a year) and a monthly season:
// January and September peaks, an August lull and a December trough, as commonly reported for UK job
// boards (hn's monthly counts are too distorted by missing threads to measure this). Weekends carry
// few postings.
const volumeGrowth = 0.08

var monthSeason = [12]float64{1.18, 1.10, 1.06, 0.98, 1.00, 0.99, 0.95, 0.88, 1.08, 1.04, 0.98, 0.76}

var weekdayVolume = [7]float64{0.12, 1.10, 1.08, 1.04, 1.00, 0.92, 0.10} // Sunday first

// Seniority shares. reed_uk it titles: graduate/trainee 3%, junior 5%, senior 11%, lead 5%,
// head/director/CTO 1.3%, most say nothing. Tech boards carry more senior roles than Reed's general
// IT category (reed_ds: "Senior"/"Lead"/"Principal" in 25% of titles), so we lean towards that.
//
// Salary multipliers from reed_uk it medians against the developer median (£45k): graduate £25k
// (0.56), junior £26k (0.58), senior £52.5k, lead £52.5k, head £60k; glassdoor US: junior/associate
// $62.5k, senior $118k against data scientist $110k. Used (mid = 1):
type seniority int

const (
	senNone seniority = iota // mid level, unmarked
	senIntern
	senGraduate
	senJunior
	senMid // explicitly marked "Mid-level"
	senSenior
	senLead
	senPrincipal
	senHead
)

var seniorityShare = [...]float64{
	senNone: 0.52, senIntern: 0.01, senGraduate: 0.04, senJunior: 0.07, senMid: 0.04,
	senSenior: 0.20, senLead: 0.07, senPrincipal: 0.03, senHead: 0.02,
}

var seniorityPay = [...]float64{
	senNone: 1.0, senIntern: 0.42, senGraduate: 0.52, senJunior: 0.68, senMid: 1.0,
	senSenior: 1.27, senLead: 1.40, senPrincipal: 1.55, senHead: 1.75,
}

// Title groups choose responsibilities and the kind of prose an ad is written in.
type group int

const (
	grpDev group = iota
	grpFrontend
	grpMobile
	grpData
	grpML
	grpInfra
	grpQA
	grpSecurity
	grpArch
	grpMgmt
	grpDelivery
	grpAnalysis
	grpSupport
	grpDesign
	grpConsult
	nGroups
)

// family is a job title family: the canonical title, how ads write it, and what it pays.
//
// base is the UK annual salary in GBP of an unmarked (mid-level) ad in refYear in a region with pay
// factor 1.0. Derived from reed_uk it medians (c. 2019: developer £45k, devops £57.5k, architect
// £62.5k, analyst £30k, test £35k, support £26k, project manager £48.5k, business analyst £41k,
// front end £45k, full stack £50k, Java £47.5k, Python £52.5k, .NET £41.5k, PHP £37.5k), their
// London/regional mix removed (London is 29% of them at 1.29x), grown to 2024 and cross-checked with
// reed_ds 2021 (data scientist median £55k). US pay is base * usPayRatio (see below).
type family struct {
	name   string
	grp    group
	base   float64 // GBP, thousands
	weight float64 // relative share of ads
	trend  float64 // yearly growth of the family's share of ads
	forms  []string
	langs  string // choices for the {L} slot in forms: "Go*3 Python*2 ..."
	skills string // skill pool: "Name*weight, ..."
	head   string // the title a head-of-function ad uses; "" if the family has no head level
	noSen  bool   // the title itself carries the level (Engineering Manager, CTO): no seniority word
}

// usPayRatio converts a UK base to US dollars. glassdoor 2020: data scientist median $110k, data
// engineer $102k, analyst $61k; grown 4%/yr to 2024 that is $125k/$116k/$70k against UK bases of
// £56k/£58k/£36k: about 2.1x. hn 2013-2018 salary mentions: deciles $85k-$155k, median $115k.
const usPayRatio = 2.1

// Day and hourly rates. reed_ds 2021 day rates: deciles £375 (10%) to £625 (90%), median £500 for a
// London-heavy mix; IT Jobs Watch-style contract rates sit near 1.8-2x the permanent salary / 220
// working days. With the bases below a mid-level regional developer gets ~£375/day and a senior London one ~£700.
// We use rate = annual * dayRateRatio, clamped to [dayRateMin, dayRateMax].
const (
	dayRateRatio = 0.0075
	dayRateMin   = 250
	dayRateMax   = 1000
	// US contractors: hourly = annual / 2080 * 1.3 (glassdoor hourly rows: $17-$34 for analysts).
	hourlyRatio = 1.3 / 2080
)

var families = []family{
	// Software development.
	{name: "Software Engineer", grp: grpDev, base: 54, weight: 10, forms: []string{"{S}Software Engineer*6", "{S}Software Engineer ({L})*3", "{S}Software Engineer - {L}*2", "{S}{L} Software Engineer*2", "{S}Software Development Engineer", "{S}Engineer, Software"}, langs: "Python*3, Java*3, Go*2, C#*2, TypeScript*2, Rust, Kotlin, Scala, C++", skills: "Python*3, Java*3, Go*2, C#*2, TypeScript*2, AWS*3, Docker*2, Kubernetes*2, Git*2, CI/CD*2, Agile*2, Microservices*2, REST*2, SQL*2, PostgreSQL, Linux, TDD, Azure, GCP, Terraform, Kafka, Rust, React", head: "Head of Software Engineering"},
	{name: "Software Developer", grp: grpDev, base: 49, weight: 8, forms: []string{"{S}Software Developer*6", "{S}{L} Software Developer*3", "{S}Software Developer - {L}*2", "{S}Developer*2", "{S}Software Developer ({L})*2", "{S}Applications Developer"}, langs: "C#*3, Java*3, Python*2, PHP, C++, JavaScript", skills: "C#*3, .NET*3, Java*3, Python*2, SQL*3, SQL Server*2, JavaScript*2, Git*2, Agile*2, Azure*2, AWS, REST*2, Entity Framework, ASP.NET, TDD, Jira, Scrum, Docker, Angular, React", head: "Head of Development"},
	{name: "Backend Developer", grp: grpDev, base: 55, weight: 6, forms: []string{"{S}Backend Developer*3", "{S}Backend Engineer ({L})*3", "{S}Back-End Developer - {L}*2", "{S}Back End Developer*2", "{S}{L} Backend Engineer*2", "{S}Backend Engineer*3", "{S}Server-side Developer ({L})"}, langs: "Go*3, Python*3, Java*3, Node.js*2, C#*2, Ruby, Kotlin, Scala, PHP, Rust", skills: "Go*2, Python*2, Java*2, Node.js*2, Kotlin, Scala, Ruby, PHP, Rust, PostgreSQL*3, MySQL, Redis*2, Kafka*2, RabbitMQ, gRPC, REST*3, GraphQL, Microservices*3, Docker*3, Kubernetes*2, AWS*3, GCP, Azure, Terraform, CI/CD*2, DynamoDB, MongoDB, Elasticsearch, TDD, Spring Boot, Django, FastAPI"},
	{name: "Frontend Developer", grp: grpFrontend, base: 49, weight: 5, forms: []string{"{S}Frontend Developer*3", "{S}Front End Developer*3", "{S}Front-End Engineer ({L})*2", "{S}{L} Developer*2", "{S}Frontend Engineer - {L}*2", "{S}UI Developer", "{S}Front-end Developer"}, langs: "React*5, Angular*2, Vue.js*2, TypeScript*2", skills: "React*4, TypeScript*4, JavaScript*4, HTML*3, CSS*3, Angular*2, Vue.js*2, Next.js*2, Redux, Jest*2, Cypress, Webpack, Sass, Tailwind CSS, GraphQL, Node.js, Storybook, Figma, jQuery, AngularJS, Accessibility"},
	{name: "Full Stack Developer", grp: grpDev, base: 51, weight: 6, forms: []string{"{S}Full Stack Developer*4", "{S}Full-Stack Engineer ({L})*2", "{S}Fullstack Developer*2", "{S}Full Stack Developer - {L}*3", "{S}{L} Full Stack Developer*2", "{S}Full Stack Software Engineer*2"}, langs: "React*3, Node.js*3, TypeScript*2, C#*2, Python*2, PHP, Ruby", skills: "JavaScript*3, TypeScript*3, React*3, Node.js*3, Python*2, C#*2, .NET, PHP, Laravel, Ruby on Rails, Django, PostgreSQL*2, MySQL*2, MongoDB, AWS*2, Azure, Docker*2, REST*2, GraphQL, HTML*2, CSS*2, Git, Agile, jQuery, Vue.js, Angular"},
	{name: "Java Developer", grp: grpDev, base: 54, weight: 4, forms: []string{"{S}Java Developer*5", "{S}Java Software Engineer*2", "{S}Java Engineer*2", "{S}Java Developer - Spring Boot", "{S}Java/Spring Developer", "{S}Core Java Developer"}, langs: "Java", skills: "Java*5, Spring*3, Spring Boot*3, Microservices*3, Hibernate, Maven*2, Gradle, SQL*2, Oracle, PostgreSQL, Kafka*2, AWS*2, Docker*2, Kubernetes*2, REST*2, JUnit*2, Git, Jenkins*2, Agile, Kotlin, Angular"},
	{name: "Python Developer", grp: grpDev, base: 54, weight: 3, forms: []string{"{S}Python Developer*5", "{S}Python Engineer*3", "{S}Python Software Engineer*2", "{S}Python Developer (Django)", "{S}Python Developer - Data"}, langs: "Python", skills: "Python*5, Django*3, Flask*2, FastAPI*2, PostgreSQL*2, SQL*2, AWS*3, Docker*2, Celery, Redis, REST*2, pytest*2, Pandas, Git, Linux, Kubernetes, GraphQL, CI/CD"},
	{name: ".NET Developer", grp: grpDev, base: 49, weight: 4, forms: []string{"{S}.NET Developer*4", "{S}C# Developer*3", "{S}C#/.NET Developer*2", "{S}.NET Software Engineer*2", "{S}ASP.NET Developer", "{S}.Net Core Developer"}, langs: "C#", skills: "C#*5, .NET*5, ASP.NET*3, .NET Core*3, SQL Server*3, Entity Framework*2, Azure*3, Azure DevOps*2, Angular, React, JavaScript*2, REST*2, Microservices, Git, Agile, TDD, Blazor, T-SQL"},
	{name: "PHP Developer", grp: grpDev, base: 41, weight: 2, forms: []string{"{S}PHP Developer*5", "{S}PHP Developer - Laravel*2", "{S}PHP/Laravel Developer*2", "{S}Web Developer (PHP)", "{S}PHP Engineer"}, langs: "PHP", skills: "PHP*5, Laravel*3, Symfony*2, MySQL*3, JavaScript*2, Vue.js, jQuery*2, WordPress, Git*2, Docker, AWS, REST, HTML, CSS, Linux, Magento"},
	{name: "Go Developer", grp: grpDev, base: 60, weight: 1.2, trend: 0.10, forms: []string{"{S}Go Developer*3", "{S}Golang Developer*3", "{S}Golang Engineer*2", "{S}Go Engineer*2", "{S}Software Engineer (Golang)*2", "{S}Backend Engineer - Go"}, langs: "Go", skills: "Go*6, Kubernetes*3, Docker*3, gRPC*2, Microservices*3, PostgreSQL*2, Kafka*2, AWS*2, GCP*2, Terraform, Prometheus, Redis, Linux, CI/CD, REST"},
	{name: "JavaScript Developer", grp: grpFrontend, base: 48, weight: 1.5, forms: []string{"{S}JavaScript Developer*4", "{S}JavaScript Engineer*2", "{S}Node.js Developer*3", "{S}Node Developer", "{S}TypeScript Developer*2"}, langs: "Node.js", skills: "JavaScript*5, TypeScript*4, Node.js*4, React*3, Express*2, MongoDB*2, PostgreSQL, AWS*2, Docker, REST*2, GraphQL*2, Jest*2, Git, jQuery, Vue.js"},
	{name: "Ruby Developer", grp: grpDev, base: 54, weight: 0.8, trend: -0.05, forms: []string{"{S}Ruby Developer*3", "{S}Ruby on Rails Developer*3", "{S}Rails Engineer*2", "{S}Ruby Engineer"}, langs: "Ruby", skills: "Ruby*5, Ruby on Rails*5, PostgreSQL*3, Redis*2, Sidekiq, RSpec*2, JavaScript*2, React, AWS*2, Heroku*2, Docker, Git, TDD*2"},
	{name: "C++ Developer", grp: grpDev, base: 60, weight: 1, forms: []string{"{S}C++ Developer*4", "{S}C++ Software Engineer*3", "{S}C++ Engineer (Low Latency)", "{S}Software Engineer - C++*2", "{S}Quant Developer (C++)"}, langs: "C++", skills: "C++*6, C*2, Linux*3, Python*2, STL, Boost, Multithreading*2, CMake, Git, Qt, Low Latency, TCP/IP, Embedded"},
	{name: "Rust Developer", grp: grpDev, base: 66, weight: 0.35, trend: 0.30, forms: []string{"{S}Rust Developer*3", "{S}Rust Engineer*3", "{S}Software Engineer (Rust)*2", "{S}Systems Engineer - Rust"}, langs: "Rust", skills: "Rust*6, C++*2, Go, Linux*2, Tokio, WebAssembly, Kubernetes, AWS, Docker, Distributed Systems, Blockchain"},
	{name: "Mobile Developer", grp: grpMobile, base: 53, weight: 1.5, forms: []string{"{S}Mobile Developer*3", "{S}Mobile Engineer ({L})*2", "{S}{L} Developer*2", "{S}Mobile App Developer*2", "{S}Mobile Software Engineer"}, langs: "React Native*3, Flutter*2, Swift, Kotlin", skills: "React Native*3, Flutter*2, Dart, Swift*2, Kotlin*2, iOS*3, Android*3, TypeScript*2, JavaScript, Firebase*2, REST, Git, CI/CD, Xcode"},
	{name: "iOS Developer", grp: grpMobile, base: 55, weight: 1, forms: []string{"{S}iOS Developer*5", "{S}iOS Engineer*3", "{S}iOS Developer (Swift)*2", "{S}Swift Developer"}, langs: "Swift", skills: "Swift*5, iOS*5, SwiftUI*3, UIKit*2, Objective-C, Xcode*2, Combine, Core Data, REST*2, Git, CI/CD, Firebase, TDD"},
	{name: "Android Developer", grp: grpMobile, base: 54, weight: 1, forms: []string{"{S}Android Developer*5", "{S}Android Engineer*3", "{S}Android Developer (Kotlin)*2", "{S}Kotlin Developer"}, langs: "Kotlin", skills: "Kotlin*5, Android*5, Java*2, Jetpack Compose*3, Coroutines, Gradle*2, REST*2, Firebase, Git, MVVM*2, CI/CD, TDD"},
	{name: "Web Developer", grp: grpFrontend, base: 37, weight: 2, trend: -0.04, forms: []string{"{S}Web Developer*6", "{S}Website Developer", "{S}Web Developer - {L}*2", "{S}Digital Developer"}, langs: "PHP*2, WordPress*2, JavaScript", skills: "HTML*4, CSS*4, JavaScript*4, PHP*3, WordPress*3, jQuery*2, MySQL*2, Sass, Shopify, Magento, Git, SEO, React, Bootstrap*2, Perl"},
	{name: "Embedded Software Engineer", grp: grpDev, base: 52, weight: 1.5, forms: []string{"{S}Embedded Software Engineer*5", "{S}Embedded Developer*2", "{S}Embedded C Engineer*2", "{S}Firmware Engineer*3", "{S}Embedded Software Developer (C/C++)"}, langs: "C", skills: "C*5, C++*4, Embedded*4, RTOS*3, ARM*2, Linux*2, Python, Yocto, SPI, I2C, CAN, Git, MISRA, Microcontrollers*2"},
	{name: "Salesforce Developer", grp: grpConsult, base: 56, weight: 1, forms: []string{"{S}Salesforce Developer*5", "{S}Salesforce Engineer*2", "{S}Salesforce Developer (Apex)*2", "{S}SFDC Developer"}, langs: "Apex", skills: "Salesforce*6, Apex*4, Lightning*3, SOQL*2, JavaScript*2, Salesforce Marketing Cloud, MuleSoft, Git, Agile, REST"},
	{name: "Games Developer", grp: grpDev, base: 44, weight: 0.6, forms: []string{"{S}Games Developer*3", "{S}Game Programmer*3", "{S}Gameplay Programmer*2", "{S}Unity Developer*2", "{S}Unreal Engine Developer"}, langs: "C++*2, C#", skills: "C++*4, C#*3, Unity*3, Unreal Engine*3, Game Development, 3D Maths, Git, Perforce*2, Multithreading, Lua"},

	// Quality assurance.
	{name: "QA Engineer", grp: grpQA, base: 46, weight: 3, forms: []string{"{S}QA Engineer*4", "{S}Quality Assurance Engineer*2", "{S}QA Automation Engineer*3", "{S}Software Engineer in Test*2", "{S}SDET*1", "{S}Test Automation Engineer*2"}, langs: "Python, Java", skills: "Selenium*4, Cypress*3, Playwright*2, Java*2, Python*2, JavaScript*2, TypeScript, Test Automation*4, API Testing*2, Postman*2, Cucumber*2, BDD*2, JUnit, pytest, CI/CD*2, Jenkins, Jira*2, Agile*2, Appium, JMeter"},
	{name: "Test Analyst", grp: grpQA, base: 37, weight: 2.5, forms: []string{"{S}Test Analyst*5", "{S}Software Tester*3", "{S}Manual Tester*2", "{S}QA Analyst*3", "{S}Software Test Analyst*2", "{S}Test Engineer*2"}, langs: "SQL", skills: "Manual Testing*4, Test Automation*2, Jira*4, SQL*3, Agile*3, Selenium*2, ISTQB*2, API Testing, Postman*2, Regression Testing*2, UAT*2, Azure DevOps, Confluence, Scrum"},

	// Infrastructure and operations.
	{name: "DevOps Engineer", grp: grpInfra, base: 60, weight: 5, forms: []string{"{S}DevOps Engineer*6", "{S}DevOps Engineer ({L})*2", "{S}{L} DevOps Engineer*2", "{S}DevOps Engineer - {L}*2", "{S}Dev Ops Engineer", "{S}DevSecOps Engineer"}, langs: "AWS*3, Azure*2, GCP, Kubernetes", skills: "AWS*4, Azure*3, GCP, Kubernetes*4, Docker*4, Terraform*4, Ansible*2, Jenkins*2, GitHub Actions*2, GitLab CI*2, Azure DevOps*2, CI/CD*4, Linux*3, Python*2, Bash*2, Helm*2, Prometheus*2, Grafana*2, ArgoCD, Go, CloudFormation, Puppet, Chef, SVN, PowerShell"},
	{name: "Site Reliability Engineer", grp: grpInfra, base: 67, weight: 1.5, trend: 0.05, forms: []string{"{S}Site Reliability Engineer*4", "{S}SRE*2", "{S}Site Reliability Engineer (SRE)*2", "{S}SRE - {L}*2", "{S}Reliability Engineer"}, langs: "Kubernetes*2, AWS*2, GCP, Go", skills: "Kubernetes*4, Go*3, Python*3, AWS*3, GCP*2, Terraform*3, Prometheus*3, Grafana*2, Linux*3, Docker*2, Observability*2, Datadog*2, Incident Management*2, SLOs, OpenTelemetry, Helm, Kafka, PostgreSQL"},
	{name: "Platform Engineer", grp: grpInfra, base: 64, weight: 2, trend: 0.08, forms: []string{"{S}Platform Engineer*5", "{S}Platform Engineer ({L})*2", "{S}Cloud Platform Engineer*2", "{S}Platform Engineer - {L}*2", "{S}Internal Developer Platform Engineer"}, langs: "Kubernetes*3, AWS*2, Azure, GCP", skills: "Kubernetes*4, Terraform*4, AWS*3, Azure*2, GCP*2, Docker*3, Helm*2, ArgoCD*2, Go*2, Python*2, CI/CD*3, GitHub Actions*2, Backstage, Crossplane, Linux*2, Istio, Prometheus"},
	{name: "Cloud Engineer", grp: grpInfra, base: 57, weight: 2.5, trend: 0.04, forms: []string{"{S}Cloud Engineer*4", "{S}{L} Cloud Engineer*3", "{S}Cloud Engineer ({L})*2", "{S}Cloud Infrastructure Engineer*2", "{S}Cloud Ops Engineer"}, langs: "AWS*3, Azure*3, GCP", skills: "AWS*4, Azure*4, GCP*2, Terraform*3, Bicep, CloudFormation*2, Kubernetes*2, Docker*2, Python*2, PowerShell*2, Linux*2, Networking*2, IAM*2, CI/CD*2, Ansible"},
	{name: "Cloud Architect", grp: grpArch, base: 82, weight: 0.8, forms: []string{"{S}Cloud Architect*4", "{S}{L} Cloud Architect*2", "{S}Cloud Solutions Architect*2", "{S}Cloud Architect - {L}"}, langs: "AWS*3, Azure*3, GCP", skills: "AWS*4, Azure*4, GCP*2, Terraform*3, Kubernetes*2, Cloud Architecture*3, Networking*2, IAM*2, Security*2, Landing Zones, TOGAF, Serverless*2"},
	{name: "Infrastructure Engineer", grp: grpInfra, base: 51, weight: 1.5, forms: []string{"{S}Infrastructure Engineer*5", "{S}IT Infrastructure Engineer*2", "{S}Infrastructure Engineer ({L})*2", "{S}Windows Infrastructure Engineer"}, langs: "Azure*2, VMware, Linux", skills: "Windows Server*3, VMware*3, Azure*3, Active Directory*3, PowerShell*2, Linux*2, Networking*3, Microsoft 365*2, Intune, Citrix, Terraform, AWS, Backup"},
	{name: "Network Engineer", grp: grpInfra, base: 46, weight: 2, forms: []string{"{S}Network Engineer*6", "{S}Network Engineer (Cisco)*2", "{S}Network Infrastructure Engineer", "{S}Network Security Engineer*2"}, langs: "Cisco", skills: "Cisco*4, Networking*4, CCNA*3, CCNP*2, Firewalls*3, Palo Alto*2, Fortinet*2, BGP*2, OSPF, SD-WAN*2, VPN*2, Juniper, Meraki, TCP/IP*2, Python"},
	{name: "Systems Administrator", grp: grpInfra, base: 39, weight: 1.5, trend: -0.03, forms: []string{"{S}Systems Administrator*4", "{S}System Administrator*2", "{S}Linux Systems Administrator*2", "{S}Windows Systems Administrator*2", "{S}SysAdmin"}, langs: "Linux, Windows", skills: "Linux*3, Windows Server*3, Active Directory*2, Bash*2, PowerShell*2, VMware*2, Networking*2, Ansible, Puppet, Nagios, Perl, SVN, Microsoft 365, Backup"},
	{name: "Database Administrator", grp: grpInfra, base: 50, weight: 1, forms: []string{"{S}Database Administrator*4", "{S}DBA*2", "{S}SQL Server DBA*2", "{S}Oracle DBA*2", "{S}PostgreSQL DBA"}, langs: "SQL Server, Oracle, PostgreSQL", skills: "SQL Server*4, Oracle*3, PostgreSQL*3, MySQL*2, T-SQL*2, PL/SQL*2, SQL*3, Performance Tuning*2, High Availability*2, Azure, AWS, PowerShell, Linux"},

	// Security.
	{name: "Security Engineer", grp: grpSecurity, base: 64, weight: 1.5, trend: 0.05, forms: []string{"{S}Security Engineer*4", "{S}Cyber Security Engineer*3", "{S}Cloud Security Engineer*2", "{S}Application Security Engineer*2", "{S}Information Security Engineer"}, langs: "AWS, Azure", skills: "Security*4, AWS*2, Azure*2, SIEM*3, Splunk*2, Python*2, IAM*2, Vulnerability Management*3, Penetration Testing, ISO 27001*2, Firewalls*2, OWASP*2, Zero Trust, Terraform, Kubernetes, CISSP"},
	{name: "Cyber Security Analyst", grp: grpSecurity, base: 47, weight: 1.5, trend: 0.04, forms: []string{"{S}Cyber Security Analyst*4", "{S}SOC Analyst*3", "{S}Security Analyst*3", "{S}Information Security Analyst*2", "{S}Security Operations Analyst"}, langs: "SIEM", skills: "SIEM*4, Splunk*3, Microsoft Sentinel*2, Incident Response*3, Threat Intelligence*2, Vulnerability Management*2, ISO 27001*2, NIST*2, CompTIA Security+*2, Firewalls, Windows*2, Linux, Python"},
	{name: "Penetration Tester", grp: grpSecurity, base: 56, weight: 0.5, forms: []string{"{S}Penetration Tester*5", "{S}Pen Tester*2", "{S}Ethical Hacker", "{S}Offensive Security Consultant"}, langs: "Python", skills: "Penetration Testing*5, Burp Suite*3, Kali Linux*2, OWASP*3, OSCP*2, CREST*2, Python*2, Metasploit*2, Networking, Active Directory"},
	{name: "Security Architect", grp: grpArch, base: 82, weight: 0.5, forms: []string{"{S}Security Architect*4", "{S}Cyber Security Architect*3", "{S}Cloud Security Architect*2"}, langs: "AWS, Azure", skills: "Security*4, Security Architecture*3, Zero Trust*2, AWS*2, Azure*2, IAM*2, ISO 27001*2, NIST*2, TOGAF, CISSP*2, Cloud Architecture"},

	// Data and machine learning.
	{name: "Data Engineer", grp: grpData, base: 59, weight: 4, trend: 0.05, forms: []string{"{S}Data Engineer*6", "{S}Data Engineer ({L})*2", "{S}{L} Data Engineer*2", "{S}Data Engineer - {L}*2", "{S}Big Data Engineer", "{S}Data Platform Engineer"}, langs: "Python*3, Azure*2, AWS*2, Spark, Databricks, Snowflake", skills: "Python*4, SQL*4, Spark*3, PySpark*2, Databricks*3, Snowflake*2, Airflow*3, dbt*2, Kafka*2, AWS*3, Azure*2, Azure Data Factory*2, GCP, BigQuery*2, Scala, Hadoop, ETL*3, Data Modelling*2, Terraform, Docker, Delta Lake, Redshift"},
	{name: "Data Scientist", grp: grpML, base: 57, weight: 3, forms: []string{"{S}Data Scientist*7", "{S}Data Scientist ({L})*2", "{S}Data Scientist - {L}*2", "{S}Applied Data Scientist", "{S}Data Scientist, Machine Learning"}, langs: "Python*3, NLP, Machine Learning, Computer Vision", skills: "Python*5, SQL*4, R*2, Machine Learning*4, Statistics*3, Pandas*2, scikit-learn*2, TensorFlow, PyTorch*2, NLP*2, Deep Learning, Spark, AWS, Azure, GCP, Tableau, A/B Testing*2, Time Series, Databricks, LLM, Generative AI"},
	{name: "Data Analyst", grp: grpAnalysis, base: 38, weight: 3.5, forms: []string{"{S}Data Analyst*6", "{S}Data Analyst ({L})*2", "{S}Insight Analyst*2", "{S}Reporting Analyst*2", "{S}Data & Insight Analyst", "{S}Commercial Data Analyst"}, langs: "SQL*3, Power BI*2, Tableau, Python, Excel", skills: "SQL*5, Excel*3, Power BI*4, Tableau*3, Python*2, R, Looker, Google Analytics*2, Statistics*2, Data Visualisation*2, Alteryx, DAX, Snowflake, BigQuery, VBA"},
	{name: "Machine Learning Engineer", grp: grpML, base: 70, weight: 1.5, trend: 0.15, forms: []string{"{S}Machine Learning Engineer*5", "{S}ML Engineer*3", "{S}Machine Learning Engineer ({L})*2", "{S}Applied ML Engineer", "{S}MLOps Engineer*2"}, langs: "Python*2, PyTorch, NLP, Computer Vision, LLM", skills: "Python*5, PyTorch*3, TensorFlow*2, Machine Learning*4, MLOps*3, Kubernetes*2, Docker*2, AWS*2, SageMaker, GCP, Vertex AI, Kubeflow, MLflow*2, Spark, SQL*2, Deep Learning*2, LLM*2, Generative AI, Hugging Face, Computer Vision, NLP"},
	{name: "AI Engineer", grp: grpML, base: 72, weight: 0.5, trend: 0.60, forms: []string{"{S}AI Engineer*5", "{S}Generative AI Engineer*2", "{S}GenAI Engineer*2", "{S}LLM Engineer*2", "{S}AI Engineer ({L})*2", "{S}Applied AI Engineer"}, langs: "Python*2, LLM, GenAI", skills: "Python*5, LLM*4, Generative AI*4, RAG*3, LangChain*2, OpenAI API*2, Azure OpenAI*2, Vector Databases*2, Prompt Engineering*2, PyTorch, Hugging Face*2, AWS, Azure, FastAPI*2, Docker, Kubernetes, MLOps"},
	{name: "BI Developer", grp: grpData, base: 46, weight: 1.5, forms: []string{"{S}BI Developer*4", "{S}Business Intelligence Developer*3", "{S}Power BI Developer*3", "{S}BI Developer ({L})*2", "{S}MI Developer"}, langs: "Power BI*3, SQL Server*2, Tableau", skills: "Power BI*4, SQL*4, SQL Server*3, SSIS*2, SSRS*2, DAX*3, Tableau*2, Azure*2, Azure Data Factory*2, Data Warehousing*2, T-SQL*2, Excel, Qlik, Snowflake"},
	{name: "Analytics Engineer", grp: grpData, base: 56, weight: 0.8, trend: 0.15, forms: []string{"{S}Analytics Engineer*5", "{S}Analytics Engineer (dbt)*2", "{S}Analytics Engineer - {L}"}, langs: "dbt*2, Snowflake, BigQuery", skills: "dbt*5, SQL*5, Snowflake*3, BigQuery*2, Looker*2, Python*2, Airflow*2, Data Modelling*3, Git*2, Tableau, Fivetran, Redshift"},
	{name: "Data Architect", grp: grpArch, base: 80, weight: 0.6, forms: []string{"{S}Data Architect*5", "{S}Enterprise Data Architect", "{S}Data Architect ({L})*2", "{S}Cloud Data Architect*2"}, langs: "Azure, AWS, Snowflake, Databricks", skills: "Data Modelling*4, Data Architecture*3, Azure*3, AWS*2, Snowflake*2, Databricks*2, SQL*3, Data Governance*3, ETL*2, Kafka, Data Warehousing*2, TOGAF"},

	// Architecture.
	{name: "Solutions Architect", grp: grpArch, base: 76, weight: 1.5, forms: []string{"{S}Solutions Architect*5", "{S}Solution Architect*3", "{S}Technical Solutions Architect*2", "{S}{L} Solutions Architect*2", "{S}Solutions Architect - {L}"}, langs: "AWS*2, Azure*2, Dynamics 365, Salesforce", skills: "Solution Architecture*4, AWS*3, Azure*3, Microservices*2, TOGAF*2, Integration*2, API Design*2, Cloud Architecture*2, Kubernetes, Security, Agile, Dynamics 365, Salesforce, ArchiMate"},
	{name: "Software Architect", grp: grpArch, base: 80, weight: 0.8, forms: []string{"{S}Software Architect*4", "{S}Technical Architect*3", "{S}Application Architect*2", "{S}Software Architect ({L})*2"}, langs: "Java*2, .NET*2, Cloud", skills: "Software Architecture*4, Microservices*3, Java*2, C#*2, .NET*2, AWS*2, Azure*2, Domain-Driven Design*2, Event-Driven Architecture*2, Kafka, Kubernetes, API Design*2, TOGAF"},
	{name: "Enterprise Architect", grp: grpArch, base: 92, weight: 0.5, forms: []string{"{S}Enterprise Architect*5", "{S}Enterprise Solutions Architect*2", "{S}Business Architect"}, langs: "TOGAF", skills: "Enterprise Architecture*4, TOGAF*4, ArchiMate*2, Cloud Architecture*2, Azure*2, AWS*2, Integration*2, Data Governance, Stakeholder Management*3, Sparx EA"},

	// Management and leadership.
	{name: "Engineering Manager", grp: grpMgmt, base: 88, weight: 1.5, noSen: true, forms: []string{"Engineering Manager*5", "Software Engineering Manager*3", "Senior Engineering Manager*2", "Engineering Manager - {L}*2", "Development Manager*2", "Engineering Manager ({L})"}, langs: "Platform, Payments, Data, Backend, Mobile", skills: "Leadership*4, Agile*3, Scrum*2, Kanban, AWS*2, Microservices*2, Java, Go, Python, TypeScript, Kubernetes, CI/CD*2, OKRs*2, Hiring*2, Stakeholder Management*2, Jira"},
	{name: "Head of Engineering", grp: grpMgmt, base: 115, weight: 0.4, noSen: true, forms: []string{"Head of Engineering*5", "Head of Software Engineering*2", "VP of Engineering*2", "Director of Engineering*2", "Head of Technology*2"}, langs: "", skills: "Leadership*5, Strategy*3, Agile*3, AWS*2, Azure, Cloud Architecture*2, Stakeholder Management*3, Budget Management*2, Hiring*2, OKRs*2, DevOps"},
	{name: "CTO", grp: grpMgmt, base: 125, weight: 0.2, noSen: true, forms: []string{"CTO*4", "Chief Technology Officer*3", "CTO / Co-Founder", "Chief Technical Officer", "Fractional CTO"}, langs: "", skills: "Leadership*5, Strategy*4, Cloud Architecture*2, AWS*2, Hiring*2, Stakeholder Management*2, Budget Management*2, Agile, Security"},
	{name: "Technical Lead", grp: grpMgmt, base: 74, weight: 1.5, noSen: true, forms: []string{"Technical Lead*4", "Tech Lead*4", "Tech Lead ({L})*2", "Technical Lead - {L}*2", "Lead Developer*3", "Team Lead - {L}", "Development Team Lead"}, langs: "Java*2, .NET*2, Python, Go, React, Node.js", skills: "Java*2, C#*2, .NET, Python*2, Go, TypeScript*2, React, Node.js, AWS*3, Azure*2, Microservices*3, Kubernetes, Docker*2, CI/CD*2, Agile*3, Leadership*3, Code Review*2, TDD"},
	{name: "Scrum Master", grp: grpDelivery, base: 56, weight: 1.5, forms: []string{"{S}Scrum Master*6", "{S}Agile Scrum Master*2", "{S}Scrum Master / Delivery Lead", "{S}Scrum Master (SAFe)"}, langs: "", skills: "Scrum*5, Agile*5, Kanban*3, Jira*3, Confluence*2, SAFe*2, PSM*2, CSM*2, Stakeholder Management*2, Coaching"},
	{name: "Agile Coach", grp: grpDelivery, base: 72, weight: 0.4, trend: -0.05, forms: []string{"{S}Agile Coach*5", "{S}Enterprise Agile Coach*2", "{S}Agile Delivery Coach"}, langs: "", skills: "Agile*5, Scrum*3, Kanban*3, SAFe*3, Coaching*3, Lean*2, OKRs, Jira, Stakeholder Management*2"},
	{name: "Delivery Manager", grp: grpDelivery, base: 62, weight: 1, forms: []string{"{S}Delivery Manager*5", "{S}Technical Delivery Manager*3", "{S}Digital Delivery Manager*2", "{S}Software Delivery Manager"}, langs: "", skills: "Agile*4, Scrum*3, Kanban*2, Jira*3, Stakeholder Management*3, Risk Management*2, GDS*2, Budget Management, Confluence, Prince2"},
	{name: "Product Manager", grp: grpDelivery, base: 63, weight: 2, forms: []string{"{S}Product Manager*6", "{S}Technical Product Manager*3", "{S}Digital Product Manager*2", "{S}Product Manager - {L}*2", "{S}Product Lead"}, langs: "Payments, Platform, Data, Mobile, Growth", skills: "Product Management*4, Agile*3, Roadmapping*3, Jira*2, Stakeholder Management*3, A/B Testing*2, SQL*2, Analytics*2, User Research*2, OKRs, Figma, Amplitude"},
	{name: "Product Owner", grp: grpDelivery, base: 58, weight: 1.5, forms: []string{"{S}Product Owner*6", "{S}Technical Product Owner*3", "{S}Digital Product Owner*2", "{S}Product Owner - {L}"}, langs: "Payments, Data, Platform, CRM", skills: "Agile*4, Scrum*4, Jira*3, Backlog Management*3, User Stories*3, Stakeholder Management*3, Confluence*2, CSPO, SAFe, SQL"},
	{name: "Project Manager", grp: grpDelivery, base: 53, weight: 3, forms: []string{"{S}IT Project Manager*4", "{S}Project Manager*5", "{S}Technical Project Manager*3", "{S}Digital Project Manager*2", "{S}Project Manager - {L}*2", "{S}Infrastructure Project Manager"}, langs: "Infrastructure, Cloud, Migration, ERP, Software", skills: "Project Management*4, Prince2*3, Agile*3, Waterfall*2, MS Project*2, Jira*2, Stakeholder Management*3, Risk Management*2, Budget Management*2, APM*2, PMP*2, Scrum, Smartsheet"},
	{name: "Programme Manager", grp: grpDelivery, base: 72, weight: 0.8, forms: []string{"{S}Programme Manager*5", "{S}IT Programme Manager*2", "{S}Technology Programme Manager*2", "{S}Programme Manager - {L}"}, langs: "Transformation, Cloud, ERP", skills: "Programme Management*4, MSP*2, Prince2*2, Agile*2, Stakeholder Management*4, Risk Management*3, Budget Management*3, Governance*2, Transformation*2"},
	{name: "IT Manager", grp: grpMgmt, base: 52, weight: 1, noSen: true, forms: []string{"IT Manager*5", "IT Operations Manager*2", "Head of IT*2", "IT Services Manager", "IT Infrastructure Manager*2"}, langs: "", skills: "ITIL*3, Microsoft 365*3, Azure*2, Networking*2, Windows Server*2, Leadership*3, Budget Management*2, Vendor Management*2, Cyber Security, Active Directory*2"},

	// Analysis.
	{name: "Business Analyst", grp: grpAnalysis, base: 49, weight: 3, forms: []string{"{S}Business Analyst*6", "{S}IT Business Analyst*3", "{S}Technical Business Analyst*3", "{S}Business Analyst - {L}*2", "{S}Digital Business Analyst", "{S}Business Systems Analyst*2"}, langs: "Payments, Data, CRM, ERP, Agile", skills: "Business Analysis*4, Requirements Gathering*3, Stakeholder Management*3, Agile*3, SQL*2, Jira*2, Confluence*2, BPMN*2, Process Mapping*2, UML, Visio*2, BCS, User Stories*2, Excel, Power BI"},
	{name: "Systems Analyst", grp: grpAnalysis, base: 43, weight: 0.8, forms: []string{"{S}Systems Analyst*5", "{S}IT Systems Analyst*2", "{S}Applications Analyst*3", "{S}Application Support Analyst*2"}, langs: "SQL", skills: "SQL*4, Requirements Gathering*2, ITIL*2, SQL Server*2, Oracle, Business Analysis*2, Jira, ServiceNow*2, Excel, Integration"},

	// Support.
	{name: "IT Support Engineer", grp: grpSupport, base: 29, weight: 3, forms: []string{"{S}IT Support Engineer*4", "{S}IT Support Technician*3", "{S}IT Support Analyst*3", "{S}1st/2nd Line Support Engineer*2", "{S}2nd Line Support Engineer*2", "{S}Desktop Support Engineer*2", "{S}3rd Line Support Engineer"}, langs: "", skills: "Windows*4, Microsoft 365*4, Active Directory*3, ITIL*2, Networking*2, Hardware*2, Azure*2, Intune*2, ServiceNow, Exchange*2, Mac OS, Customer Service*2, CompTIA A+"},
	{name: "Service Desk Analyst", grp: grpSupport, base: 26, weight: 1.5, forms: []string{"{S}Service Desk Analyst*5", "{S}Helpdesk Analyst*3", "{S}IT Service Desk Analyst*2", "{S}1st Line Support Analyst*2", "{S}Help Desk Technician"}, langs: "", skills: "ITIL*3, Windows*3, Microsoft 365*3, Active Directory*2, ServiceNow*2, Customer Service*3, Troubleshooting*2, Zendesk, Jira"},
	{name: "Technical Support Engineer", grp: grpSupport, base: 34, weight: 1, forms: []string{"{S}Technical Support Engineer*5", "{S}Application Support Engineer*3", "{S}Production Support Engineer*2", "{S}Customer Support Engineer"}, langs: "SQL, Linux", skills: "SQL*3, Linux*3, Troubleshooting*3, Bash*2, Python, Jira*2, ITIL*2, APIs*2, Windows*2, Splunk, Customer Service*2"},

	// Design.
	{name: "UX Designer", grp: grpDesign, base: 50, weight: 1, forms: []string{"{S}UX Designer*5", "{S}UX/UI Designer*3", "{S}User Experience Designer*2", "{S}UX Designer - {L}"}, langs: "Digital, Mobile, Service", skills: "Figma*4, UX Design*4, User Research*3, Prototyping*3, Wireframing*2, Sketch, Adobe XD, Accessibility*2, Design Systems*2, Usability Testing*2, GDS"},
	{name: "Product Designer", grp: grpDesign, base: 56, weight: 0.8, forms: []string{"{S}Product Designer*5", "{S}Digital Product Designer*2", "{S}UI Designer*2"}, langs: "", skills: "Figma*5, Product Design*3, Prototyping*3, Design Systems*3, User Research*2, UI Design*3, Accessibility, HTML, CSS"},

	// ERP and platform consultants.
	{name: "SAP Consultant", grp: grpConsult, base: 64, weight: 0.7, forms: []string{"{S}SAP Consultant*3", "{S}SAP {L} Consultant*3", "{S}SAP Functional Consultant*2", "{S}SAP S/4HANA Consultant*2"}, langs: "FICO, SD, MM, HCM, BW", skills: "SAP*5, S/4HANA*3, SAP FICO*2, SAP SD, SAP MM, ABAP*2, ERP*3, Integration, Stakeholder Management*2"},
	{name: "Dynamics 365 Consultant", grp: grpConsult, base: 57, weight: 0.7, forms: []string{"{S}Dynamics 365 Consultant*4", "{S}D365 Functional Consultant*2", "{S}Dynamics CRM Developer*2", "{S}Dynamics 365 Developer*2", "{S}Power Platform Developer*2"}, langs: "CE, F&O", skills: "Dynamics 365*5, Power Platform*3, Power Apps*2, Power Automate*2, C#*2, Dataverse*2, Azure*2, CRM*2, ERP, JavaScript"},
	{name: "ServiceNow Developer", grp: grpConsult, base: 60, weight: 0.5, forms: []string{"{S}ServiceNow Developer*5", "{S}ServiceNow Engineer*2", "{S}ServiceNow Consultant*2", "{S}ServiceNow Architect"}, langs: "ITSM", skills: "ServiceNow*5, JavaScript*3, ITSM*3, ITIL*2, REST*2, Glide, Integration*2, ITOM, CMDB"},
	{name: "Technical Writer", grp: grpAnalysis, base: 42, weight: 0.3, forms: []string{"{S}Technical Writer*5", "{S}Technical Author*3", "{S}Documentation Engineer"}, langs: "", skills: "Technical Writing*5, Markdown*3, Git*2, APIs*2, Confluence*2, DITA, MadCap Flare, Docs as Code"},
}

// skillDef is a skill as ads cite it: its canonical name, the other ways ads write it, its kind (which
// sentence templates can name it), its yearly trend, and skills that tend to be asked for with it.
//
// Trends come from hn 2013-2018, share of posts naming each (first year -> last year): Go 2.6% ->
// 8.8%, Kubernetes 0.0% -> 5.0%, Terraform 0.0% -> 2.1%, Rust 0.7% -> 3.3%, React 0.6% -> 29.5%,
// TypeScript 0.1% -> 4.5%, Kafka 0.8% -> 4.2%, GraphQL 0 -> 2.8%, AWS 7.2% -> 19.7%, Docker 1.2% ->
// 9.4%, ML 6.4% -> 12.5%; falling: jQuery 8.3% -> 1.5%, Angular(JS) 11% -> 7.1%, Perl 1.5% -> 1.0%,
// Ruby 18% -> 12%, PHP 8.7% -> 6.3%, SVN 0.7% -> 0. Those were early-adoption growth rates (often
// 30-100%/yr); the yearly trends here are damped for the 2020s, when most of them are mature.
// GenAI/LLM skills appear from late 2022 (ChatGPT) and grow fastest.
type skillDef struct {
	name     string
	kind     skillKind
	trend    float64 // yearly growth of its weight
	since    float64 // no ad names it before this (fractional) year; 0 = always
	aliases  string  // other spellings, "|"-separated
	partners string  // "Name*probability" pulled in with it
}

type skillKind int

const (
	kLang skillKind = iota
	kFrontend
	kBackend // frameworks and libraries
	kCloud
	kInfra // containers, IaC, CI/CD, observability
	kDB
	kData
	kML
	kPractice // practices and techniques
	kMethod   // ways of working: Agile, Scrum, TDD
	kTool
	kOS
	kTest
	kSecurity
	kDesign
	kBiz // analysis, management
	kPlatform
	kNet
	kCert
	nKinds
)

var skills = []skillDef{
	// Languages.
	{name: "Python", kind: kLang, trend: 0.03, partners: "Django*0.15, Pandas*0.12, FastAPI*0.1, pytest*0.1"},
	{name: "Java", kind: kLang, trend: -0.02, partners: "Spring Boot*0.4, Maven*0.15, JUnit*0.1"},
	{name: "Go", kind: kLang, trend: 0.10, aliases: "Golang|Go (Golang)", partners: "Kubernetes*0.5, Docker*0.5, gRPC*0.35, Microservices*0.3"},
	{name: "Rust", kind: kLang, trend: 0.25, partners: "Tokio*0.2, WebAssembly*0.1"},
	{name: "C#", kind: kLang, trend: 0, aliases: "C Sharp", partners: ".NET*0.7, SQL Server*0.3, Azure*0.3"},
	{name: "C++", kind: kLang, trend: -0.01, aliases: "CPP", partners: "Linux*0.3, Multithreading*0.2"},
	{name: "C", kind: kLang, trend: -0.02},
	{name: "JavaScript", kind: kLang, trend: -0.02, aliases: "JS|Javascript", partners: "HTML*0.3, CSS*0.3"},
	{name: "TypeScript", kind: kLang, trend: 0.10, aliases: "Typescript|TS", partners: "React*0.3, Node.js*0.3"},
	{name: "Kotlin", kind: kLang, trend: 0.06},
	{name: "Scala", kind: kLang, trend: -0.06, partners: "Spark*0.4, Akka*0.2"},
	{name: "Ruby", kind: kLang, trend: -0.06, partners: "Ruby on Rails*0.7"},
	{name: "PHP", kind: kLang, trend: -0.05, partners: "Laravel*0.4, MySQL*0.4"},
	{name: "Perl", kind: kLang, trend: -0.12},
	{name: "Swift", kind: kLang, trend: 0.02, partners: "iOS*0.6, SwiftUI*0.3"},
	{name: "Objective-C", kind: kLang, trend: -0.15},
	{name: "Dart", kind: kLang, trend: 0.06, partners: "Flutter*0.8"},
	{name: "R", kind: kLang, trend: -0.04},
	{name: "Bash", kind: kLang, trend: 0, aliases: "shell scripting|Bash scripting"},
	{name: "PowerShell", kind: kLang, trend: 0, aliases: "Powershell"},
	{name: "SQL", kind: kLang, trend: 0},
	{name: "T-SQL", kind: kLang, trend: -0.02, aliases: "TSQL"},
	{name: "PL/SQL", kind: kLang, trend: -0.05},
	{name: "Apex", kind: kLang, trend: 0},
	{name: "ABAP", kind: kLang, trend: -0.04},
	{name: "VBA", kind: kLang, trend: -0.06},
	{name: "Lua", kind: kLang, trend: 0},
	{name: "HTML", kind: kFrontend, trend: -0.02, aliases: "HTML5"},
	{name: "CSS", kind: kFrontend, trend: -0.02, aliases: "CSS3"},

	// Frontend.
	{name: "React", kind: kFrontend, trend: 0.04, aliases: "React.js|ReactJS", partners: "TypeScript*0.6, Redux*0.2, Next.js*0.2, Jest*0.2"},
	{name: "Angular", kind: kFrontend, trend: -0.03, partners: "TypeScript*0.6, RxJS*0.3"},
	{name: "AngularJS", kind: kFrontend, trend: -0.30, aliases: "Angular.js"},
	{name: "Vue.js", kind: kFrontend, trend: 0.02, aliases: "Vue|VueJS"},
	{name: "Next.js", kind: kFrontend, trend: 0.12, aliases: "NextJS"},
	{name: "Redux", kind: kFrontend, trend: -0.05},
	{name: "RxJS", kind: kFrontend, trend: -0.02},
	{name: "jQuery", kind: kFrontend, trend: -0.20, aliases: "JQuery"},
	{name: "Sass", kind: kFrontend, trend: -0.03, aliases: "SCSS"},
	{name: "Tailwind CSS", kind: kFrontend, trend: 0.15, aliases: "Tailwind"},
	{name: "Bootstrap", kind: kFrontend, trend: -0.08},
	{name: "Webpack", kind: kFrontend, trend: -0.08},
	{name: "Storybook", kind: kFrontend, trend: 0.05},
	{name: "Accessibility", kind: kFrontend, trend: 0.05, aliases: "WCAG accessibility|a11y"},
	{name: "WordPress", kind: kPlatform, trend: -0.04},
	{name: "Shopify", kind: kPlatform, trend: 0.04},
	{name: "Magento", kind: kPlatform, trend: -0.10},
	{name: "WebAssembly", kind: kFrontend, trend: 0.15, aliases: "WASM"},
	{name: "SEO", kind: kBiz, trend: 0},
	{name: "iOS", kind: kOS, trend: 0},
	{name: "Android", kind: kOS, trend: 0},
	{name: "React Native", kind: kFrontend, trend: 0.03, partners: "TypeScript*0.4"},
	{name: "Flutter", kind: kFrontend, trend: 0.08, partners: "Dart*0.6"},
	{name: "SwiftUI", kind: kFrontend, trend: 0.10},
	{name: "UIKit", kind: kFrontend, trend: -0.05},
	{name: "Jetpack Compose", kind: kFrontend, trend: 0.12},
	{name: "Xcode", kind: kTool, trend: 0},
	{name: "Combine", kind: kBackend, trend: 0},
	{name: "Core Data", kind: kBackend, trend: -0.03},
	{name: "Coroutines", kind: kBackend, trend: 0.03, aliases: "Kotlin Coroutines"},
	{name: "MVVM", kind: kPractice, trend: 0},
	{name: "Firebase", kind: kCloud, trend: 0.02},

	// Backend frameworks and libraries.
	{name: ".NET", kind: kBackend, trend: 0.01, aliases: ".Net|dotnet"},
	{name: ".NET Core", kind: kBackend, trend: 0.03, aliases: ".Net Core"},
	{name: "ASP.NET", kind: kBackend, trend: -0.03, aliases: "ASP.NET MVC"},
	{name: "Entity Framework", kind: kBackend, trend: 0, aliases: "EF Core"},
	{name: "Blazor", kind: kFrontend, trend: 0.10},
	{name: "Spring", kind: kBackend, trend: -0.02},
	{name: "Spring Boot", kind: kBackend, trend: 0.02, aliases: "SpringBoot"},
	{name: "Hibernate", kind: kBackend, trend: -0.05},
	{name: "Django", kind: kBackend, trend: 0.01},
	{name: "Flask", kind: kBackend, trend: -0.03},
	{name: "FastAPI", kind: kBackend, trend: 0.15},
	{name: "Celery", kind: kBackend, trend: 0},
	{name: "Node.js", kind: kBackend, trend: 0.02, aliases: "NodeJS|Node", partners: "Express*0.25, TypeScript*0.4"},
	{name: "Express", kind: kBackend, trend: -0.02, aliases: "Express.js"},
	{name: "Laravel", kind: kBackend, trend: 0.01},
	{name: "Symfony", kind: kBackend, trend: -0.03},
	{name: "Ruby on Rails", kind: kBackend, trend: -0.06, aliases: "Rails|RoR"},
	{name: "Sidekiq", kind: kBackend, trend: 0},
	{name: "Akka", kind: kBackend, trend: -0.08},
	{name: "Tokio", kind: kBackend, trend: 0.15},
	{name: "gRPC", kind: kBackend, trend: 0.08, aliases: "GRPC"},
	{name: "REST", kind: kBackend, trend: 0, aliases: "RESTful APIs|REST APIs"},
	{name: "GraphQL", kind: kBackend, trend: 0.05},
	{name: "Microservices", kind: kPractice, trend: 0.02, aliases: "microservices|micro-services"},
	{name: "Multithreading", kind: kPractice, trend: 0, aliases: "multi-threading|concurrency"},
	{name: "STL", kind: kBackend, trend: -0.02},
	{name: "Boost", kind: kBackend, trend: -0.03},
	{name: "Qt", kind: kBackend, trend: -0.02},
	{name: "Low Latency", kind: kPractice, trend: 0, aliases: "low-latency systems"},
	{name: "Distributed Systems", kind: kPractice, trend: 0.04, aliases: "distributed systems"},
	{name: "Blockchain", kind: kPractice, trend: -0.05},
	{name: "Unity", kind: kPlatform, trend: 0},
	{name: "Unreal Engine", kind: kPlatform, trend: 0.03, aliases: "Unreal|UE5"},
	{name: "Game Development", kind: kPractice, trend: 0},
	{name: "3D Maths", kind: kPractice, trend: 0, aliases: "3D mathematics"},

	// Cloud.
	{name: "AWS", kind: kCloud, trend: 0.03, aliases: "Amazon Web Services", partners: "Terraform*0.25, Lambda*0.15"},
	{name: "Azure", kind: kCloud, trend: 0.05, aliases: "Microsoft Azure", partners: "Azure DevOps*0.15"},
	{name: "GCP", kind: kCloud, trend: 0.04, aliases: "Google Cloud|Google Cloud Platform", partners: "BigQuery*0.3"},
	{name: "Lambda", kind: kCloud, trend: 0.03, aliases: "AWS Lambda"},
	{name: "SageMaker", kind: kML, trend: 0.05},
	{name: "Vertex AI", kind: kML, trend: 0.15, since: 2021.5},
	{name: "Heroku", kind: kCloud, trend: -0.12},
	{name: "Serverless", kind: kCloud, trend: 0.04},
	{name: "Cloud Architecture", kind: kBiz, trend: 0.04},
	{name: "Landing Zones", kind: kCloud, trend: 0.08},
	{name: "IAM", kind: kSecurity, trend: 0.03},

	// Infrastructure, CI/CD, observability.
	{name: "Docker", kind: kInfra, trend: 0.02},
	{name: "Kubernetes", kind: kInfra, trend: 0.10, aliases: "K8s|k8s", partners: "Docker*0.5, Helm*0.3"},
	{name: "Terraform", kind: kInfra, trend: 0.10, partners: "AWS*0.3"},
	{name: "Ansible", kind: kInfra, trend: -0.02},
	{name: "Puppet", kind: kInfra, trend: -0.15},
	{name: "Chef", kind: kInfra, trend: -0.15},
	{name: "Helm", kind: kInfra, trend: 0.08},
	{name: "ArgoCD", kind: kInfra, trend: 0.15, aliases: "Argo CD"},
	{name: "Istio", kind: kInfra, trend: 0.03},
	{name: "Crossplane", kind: kInfra, trend: 0.15},
	{name: "Backstage", kind: kInfra, trend: 0.20},
	{name: "CloudFormation", kind: kInfra, trend: -0.04},
	{name: "Bicep", kind: kInfra, trend: 0.15},
	{name: "Jenkins", kind: kInfra, trend: -0.06},
	{name: "GitHub Actions", kind: kInfra, trend: 0.15},
	{name: "GitLab CI", kind: kInfra, trend: 0.05, aliases: "GitLab CI/CD"},
	{name: "Azure DevOps", kind: kInfra, trend: 0.03},
	{name: "CI/CD", kind: kInfra, trend: 0.04, aliases: "CI/CD pipelines|continuous integration"},
	{name: "DevOps", kind: kMethod, trend: 0.02},
	{name: "Prometheus", kind: kInfra, trend: 0.06},
	{name: "Grafana", kind: kInfra, trend: 0.06},
	{name: "Datadog", kind: kInfra, trend: 0.08},
	{name: "OpenTelemetry", kind: kInfra, trend: 0.25, since: 2019.5},
	{name: "Observability", kind: kPractice, trend: 0.08},
	{name: "SLOs", kind: kPractice, trend: 0.05, aliases: "SLIs/SLOs"},
	{name: "Incident Management", kind: kPractice, trend: 0},
	{name: "Splunk", kind: kInfra, trend: -0.02},
	{name: "Nagios", kind: kInfra, trend: -0.15},
	{name: "Maven", kind: kTool, trend: -0.04},
	{name: "Gradle", kind: kTool, trend: 0.02},
	{name: "CMake", kind: kTool, trend: 0},
	{name: "Git", kind: kTool, trend: 0, aliases: "GitHub|Git/GitHub"},
	{name: "SVN", kind: kTool, trend: -0.25, aliases: "Subversion"},
	{name: "Perforce", kind: kTool, trend: -0.03},
	{name: "Jira", kind: kTool, trend: 0, aliases: "JIRA"},
	{name: "Confluence", kind: kTool, trend: 0},
	{name: "Linux", kind: kOS, trend: 0},
	{name: "Windows", kind: kOS, trend: -0.02},
	{name: "Windows Server", kind: kOS, trend: -0.03},
	{name: "Mac OS", kind: kOS, trend: 0, aliases: "macOS"},
	{name: "Kali Linux", kind: kOS, trend: 0},
	{name: "VMware", kind: kInfra, trend: -0.05, aliases: "vSphere"},
	{name: "Citrix", kind: kInfra, trend: -0.08},
	{name: "Active Directory", kind: kInfra, trend: -0.02, aliases: "AD|Entra ID"},
	{name: "Microsoft 365", kind: kPlatform, trend: 0.03, aliases: "Office 365|M365|O365"},
	{name: "Intune", kind: kPlatform, trend: 0.08},
	{name: "Exchange", kind: kPlatform, trend: -0.06},
	{name: "Backup", kind: kInfra, trend: 0, aliases: "backup and recovery"},
	{name: "Embedded", kind: kPractice, trend: 0, aliases: "embedded systems"},
	{name: "RTOS", kind: kOS, trend: 0, aliases: "FreeRTOS"},
	{name: "ARM", kind: kOS, trend: 0, aliases: "ARM Cortex-M"},
	{name: "Yocto", kind: kOS, trend: 0.03},
	{name: "Microcontrollers", kind: kPractice, trend: 0, aliases: "microcontrollers"},
	{name: "SPI", kind: kNet, trend: 0},
	{name: "I2C", kind: kNet, trend: 0},
	{name: "CAN", kind: kNet, trend: 0, aliases: "CAN bus"},
	{name: "MISRA", kind: kPractice, trend: 0, aliases: "MISRA C"},

	// Networking.
	{name: "Networking", kind: kNet, trend: 0, aliases: "networking|network fundamentals"},
	{name: "Cisco", kind: kNet, trend: -0.03},
	{name: "Juniper", kind: kNet, trend: -0.03},
	{name: "Meraki", kind: kNet, trend: 0.02},
	{name: "Fortinet", kind: kNet, trend: 0.04, aliases: "FortiGate"},
	{name: "Palo Alto", kind: kNet, trend: 0.03, aliases: "Palo Alto firewalls"},
	{name: "Firewalls", kind: kNet, trend: 0, aliases: "firewalls"},
	{name: "BGP", kind: kNet, trend: 0},
	{name: "OSPF", kind: kNet, trend: -0.02},
	{name: "SD-WAN", kind: kNet, trend: 0.08, aliases: "SDWAN"},
	{name: "VPN", kind: kNet, trend: -0.02, aliases: "VPNs"},
	{name: "TCP/IP", kind: kNet, trend: -0.02},
	{name: "CCNA", kind: kCert, trend: -0.02},
	{name: "CCNP", kind: kCert, trend: -0.02},

	// Databases.
	{name: "PostgreSQL", kind: kDB, trend: 0.05, aliases: "Postgres|Postgresql"},
	{name: "MySQL", kind: kDB, trend: -0.03},
	{name: "SQL Server", kind: kDB, trend: -0.02, aliases: "MS SQL|MSSQL|Microsoft SQL Server"},
	{name: "Oracle", kind: kDB, trend: -0.05},
	{name: "MongoDB", kind: kDB, trend: -0.02, aliases: "Mongo"},
	{name: "Redis", kind: kDB, trend: 0.02},
	{name: "DynamoDB", kind: kDB, trend: 0.03},
	{name: "Elasticsearch", kind: kDB, trend: 0, aliases: "ElasticSearch|Elastic"},
	{name: "Kafka", kind: kData, trend: 0.05, aliases: "Apache Kafka"},
	{name: "RabbitMQ", kind: kData, trend: -0.03},
	{name: "Vector Databases", kind: kDB, trend: 0.50, since: 2023.0, aliases: "vector stores|pgvector|Pinecone"},
	{name: "Performance Tuning", kind: kPractice, trend: 0, aliases: "performance tuning"},
	{name: "High Availability", kind: kPractice, trend: 0, aliases: "high availability"},

	// Data and BI.
	{name: "Spark", kind: kData, trend: 0.01, aliases: "Apache Spark"},
	{name: "PySpark", kind: kData, trend: 0.05},
	{name: "Databricks", kind: kData, trend: 0.12},
	{name: "Snowflake", kind: kData, trend: 0.10},
	{name: "BigQuery", kind: kData, trend: 0.05},
	{name: "Redshift", kind: kData, trend: -0.03},
	{name: "Airflow", kind: kData, trend: 0.06, aliases: "Apache Airflow"},
	{name: "dbt", kind: kData, trend: 0.18},
	{name: "Fivetran", kind: kData, trend: 0.10},
	{name: "Delta Lake", kind: kData, trend: 0.10},
	{name: "Hadoop", kind: kData, trend: -0.15},
	{name: "ETL", kind: kData, trend: 0, aliases: "ETL/ELT|ELT"},
	{name: "Data Modelling", kind: kData, trend: 0.02, aliases: "data modelling|data modeling"},
	{name: "Data Warehousing", kind: kData, trend: -0.02, aliases: "data warehousing"},
	{name: "Data Governance", kind: kBiz, trend: 0.04},
	{name: "Data Architecture", kind: kBiz, trend: 0.02},
	{name: "Azure Data Factory", kind: kData, trend: 0.04, aliases: "ADF"},
	{name: "SSIS", kind: kData, trend: -0.06},
	{name: "SSRS", kind: kData, trend: -0.08},
	{name: "Power BI", kind: kData, trend: 0.06, aliases: "PowerBI"},
	{name: "DAX", kind: kData, trend: 0.05},
	{name: "Tableau", kind: kData, trend: -0.02},
	{name: "Looker", kind: kData, trend: 0.04},
	{name: "Qlik", kind: kData, trend: -0.06, aliases: "QlikView|Qlik Sense"},
	{name: "Alteryx", kind: kData, trend: -0.02},
	{name: "Excel", kind: kTool, trend: -0.02, aliases: "Microsoft Excel|advanced Excel"},
	{name: "Google Analytics", kind: kData, trend: -0.02, aliases: "GA4"},
	{name: "Data Visualisation", kind: kData, trend: 0, aliases: "data visualisation|data visualization"},
	{name: "Statistics", kind: kML, trend: 0, aliases: "statistics|statistical modelling"},
	{name: "Pandas", kind: kML, trend: 0.02},
	{name: "scikit-learn", kind: kML, trend: 0, aliases: "sklearn|Scikit-learn"},
	{name: "A/B Testing", kind: kML, trend: 0.02, aliases: "A/B testing|experimentation"},
	{name: "Time Series", kind: kML, trend: 0, aliases: "time-series forecasting"},
	{name: "Analytics", kind: kBiz, trend: 0},
	{name: "Amplitude", kind: kData, trend: 0.05},

	// Machine learning and AI.
	{name: "Machine Learning", kind: kML, trend: 0.04, aliases: "ML|machine learning"},
	{name: "Deep Learning", kind: kML, trend: 0.02, aliases: "deep learning"},
	{name: "NLP", kind: kML, trend: 0.03, aliases: "Natural Language Processing"},
	{name: "Computer Vision", kind: kML, trend: 0.02},
	{name: "TensorFlow", kind: kML, trend: -0.05, aliases: "Tensorflow"},
	{name: "PyTorch", kind: kML, trend: 0.08, aliases: "Pytorch"},
	{name: "MLOps", kind: kML, trend: 0.12},
	{name: "MLflow", kind: kML, trend: 0.08},
	{name: "Kubeflow", kind: kML, trend: 0},
	{name: "Hugging Face", kind: kML, trend: 0.25, since: 2020.0, aliases: "HuggingFace|Hugging Face Transformers"},
	{name: "LLM", kind: kML, trend: 0.60, since: 2022.9, aliases: "LLMs|large language models"},
	{name: "Generative AI", kind: kML, trend: 0.60, since: 2022.9, aliases: "GenAI|Gen AI"},
	{name: "RAG", kind: kML, trend: 0.70, since: 2023.3, aliases: "retrieval-augmented generation"},
	{name: "LangChain", kind: kML, trend: 0.40, since: 2023.2},
	{name: "OpenAI API", kind: kML, trend: 0.50, since: 2023.0, aliases: "OpenAI"},
	{name: "Azure OpenAI", kind: kML, trend: 0.50, since: 2023.2},
	{name: "Prompt Engineering", kind: kML, trend: 0.40, since: 2023.0, aliases: "prompt engineering"},

	// Testing.
	{name: "Selenium", kind: kTest, trend: -0.05},
	{name: "Cypress", kind: kTest, trend: 0.03},
	{name: "Playwright", kind: kTest, trend: 0.25},
	{name: "Jest", kind: kTest, trend: 0.02},
	{name: "JUnit", kind: kTest, trend: -0.02},
	{name: "pytest", kind: kTest, trend: 0.04, aliases: "PyTest"},
	{name: "RSpec", kind: kTest, trend: -0.05},
	{name: "Cucumber", kind: kTest, trend: -0.05},
	{name: "Appium", kind: kTest, trend: 0},
	{name: "JMeter", kind: kTest, trend: -0.03},
	{name: "Postman", kind: kTest, trend: 0.03},
	{name: "Test Automation", kind: kTest, trend: 0.03, aliases: "test automation|automated testing"},
	{name: "Manual Testing", kind: kTest, trend: -0.04, aliases: "manual testing"},
	{name: "API Testing", kind: kTest, trend: 0.03, aliases: "API testing"},
	{name: "Regression Testing", kind: kTest, trend: 0, aliases: "regression testing"},
	{name: "UAT", kind: kTest, trend: 0, aliases: "user acceptance testing"},
	{name: "BDD", kind: kMethod, trend: -0.03},
	{name: "TDD", kind: kMethod, trend: 0, aliases: "test-driven development"},
	{name: "ISTQB", kind: kCert, trend: -0.02},

	// Security.
	{name: "Security", kind: kSecurity, trend: 0.03, aliases: "cyber security|information security"},
	{name: "Cyber Security", kind: kSecurity, trend: 0.04},
	{name: "SIEM", kind: kSecurity, trend: 0.02},
	{name: "Microsoft Sentinel", kind: kSecurity, trend: 0.10, aliases: "Azure Sentinel"},
	{name: "Incident Response", kind: kSecurity, trend: 0.02},
	{name: "Threat Intelligence", kind: kSecurity, trend: 0.03},
	{name: "Vulnerability Management", kind: kSecurity, trend: 0.02},
	{name: "Penetration Testing", kind: kSecurity, trend: 0, aliases: "pen testing"},
	{name: "Burp Suite", kind: kSecurity, trend: 0},
	{name: "Metasploit", kind: kSecurity, trend: -0.02},
	{name: "OWASP", kind: kSecurity, trend: 0, aliases: "OWASP Top 10"},
	{name: "Zero Trust", kind: kSecurity, trend: 0.10},
	{name: "Security Architecture", kind: kSecurity, trend: 0.02},
	{name: "ISO 27001", kind: kCert, trend: 0.02},
	{name: "NIST", kind: kCert, trend: 0.02},
	{name: "CISSP", kind: kCert, trend: 0},
	{name: "OSCP", kind: kCert, trend: 0.02},
	{name: "CREST", kind: kCert, trend: 0},
	{name: "CompTIA Security+", kind: kCert, trend: 0, aliases: "Security+"},
	{name: "CompTIA A+", kind: kCert, trend: -0.03},

	// Ways of working, management, analysis.
	{name: "Agile", kind: kMethod, trend: -0.01, aliases: "agile"},
	{name: "Scrum", kind: kMethod, trend: -0.02},
	{name: "Kanban", kind: kMethod, trend: 0},
	{name: "SAFe", kind: kMethod, trend: 0.02},
	{name: "Lean", kind: kMethod, trend: 0},
	{name: "Waterfall", kind: kMethod, trend: -0.05},
	{name: "Domain-Driven Design", kind: kPractice, trend: 0.04, aliases: "DDD"},
	{name: "Event-Driven Architecture", kind: kPractice, trend: 0.06, aliases: "event-driven architecture"},
	{name: "Code Review", kind: kPractice, trend: 0, aliases: "code reviews"},
	{name: "Software Architecture", kind: kBiz, trend: 0},
	{name: "Solution Architecture", kind: kBiz, trend: 0},
	{name: "Enterprise Architecture", kind: kBiz, trend: 0},
	{name: "API Design", kind: kBiz, trend: 0.03},
	{name: "Integration", kind: kBiz, trend: 0, aliases: "systems integration"},
	{name: "TOGAF", kind: kCert, trend: -0.02},
	{name: "ArchiMate", kind: kCert, trend: 0},
	{name: "Sparx EA", kind: kTool, trend: -0.03},
	{name: "Leadership", kind: kBiz, trend: 0, aliases: "people leadership|line management"},
	{name: "Strategy", kind: kBiz, trend: 0, aliases: "technology strategy"},
	{name: "Hiring", kind: kBiz, trend: 0, aliases: "recruitment|hiring"},
	{name: "OKRs", kind: kBiz, trend: 0.03},
	{name: "Coaching", kind: kBiz, trend: 0},
	{name: "Stakeholder Management", kind: kBiz, trend: 0, aliases: "stakeholder management|stakeholder engagement"},
	{name: "Budget Management", kind: kBiz, trend: 0, aliases: "budget management|budgets"},
	{name: "Risk Management", kind: kBiz, trend: 0, aliases: "risk management|RAID management"},
	{name: "Vendor Management", kind: kBiz, trend: 0, aliases: "supplier management"},
	{name: "Governance", kind: kBiz, trend: 0},
	{name: "Transformation", kind: kBiz, trend: 0, aliases: "digital transformation"},
	{name: "Project Management", kind: kBiz, trend: 0},
	{name: "Programme Management", kind: kBiz, trend: 0},
	{name: "Product Management", kind: kBiz, trend: 0.02},
	{name: "Roadmapping", kind: kBiz, trend: 0, aliases: "roadmaps|product roadmaps"},
	{name: "Backlog Management", kind: kBiz, trend: 0, aliases: "backlog management|backlog refinement"},
	{name: "User Stories", kind: kBiz, trend: 0, aliases: "user stories"},
	{name: "User Research", kind: kDesign, trend: 0.02, aliases: "user research"},
	{name: "Business Analysis", kind: kBiz, trend: 0},
	{name: "Requirements Gathering", kind: kBiz, trend: 0, aliases: "requirements gathering|requirements elicitation"},
	{name: "BPMN", kind: kBiz, trend: 0},
	{name: "Process Mapping", kind: kBiz, trend: 0, aliases: "process mapping"},
	{name: "UML", kind: kBiz, trend: -0.05},
	{name: "Visio", kind: kTool, trend: -0.05},
	{name: "MS Project", kind: kTool, trend: -0.04},
	{name: "Smartsheet", kind: kTool, trend: 0.05},
	{name: "Prince2", kind: kCert, trend: -0.03, aliases: "PRINCE2"},
	{name: "MSP", kind: kCert, trend: -0.03},
	{name: "APM", kind: kCert, trend: 0},
	{name: "PMP", kind: kCert, trend: 0},
	{name: "PSM", kind: kCert, trend: 0, aliases: "PSM I"},
	{name: "CSM", kind: kCert, trend: -0.02},
	{name: "CSPO", kind: kCert, trend: 0},
	{name: "BCS", kind: kCert, trend: 0, aliases: "BCS Business Analysis certificate"},
	{name: "ITIL", kind: kCert, trend: -0.02, aliases: "ITIL v4"},
	{name: "GDS", kind: kPractice, trend: 0, aliases: "GDS Service Standard"},
	{name: "Customer Service", kind: kBiz, trend: 0, aliases: "customer service"},
	{name: "Troubleshooting", kind: kBiz, trend: 0, aliases: "troubleshooting"},
	{name: "Hardware", kind: kBiz, trend: -0.03, aliases: "hardware support"},
	{name: "ServiceNow", kind: kPlatform, trend: 0.04},
	{name: "Zendesk", kind: kTool, trend: 0},
	{name: "APIs", kind: kBackend, trend: 0, aliases: "APIs"},
	{name: "Technical Writing", kind: kBiz, trend: 0},
	{name: "Markdown", kind: kTool, trend: 0},
	{name: "DITA", kind: kTool, trend: -0.03},
	{name: "MadCap Flare", kind: kTool, trend: -0.02},
	{name: "Docs as Code", kind: kPractice, trend: 0.05},

	// Design.
	{name: "Figma", kind: kDesign, trend: 0.08},
	{name: "Sketch", kind: kDesign, trend: -0.12},
	{name: "Adobe XD", kind: kDesign, trend: -0.15},
	{name: "UX Design", kind: kDesign, trend: 0, aliases: "UX"},
	{name: "UI Design", kind: kDesign, trend: 0, aliases: "UI"},
	{name: "Product Design", kind: kDesign, trend: 0.02},
	{name: "Prototyping", kind: kDesign, trend: 0, aliases: "prototyping"},
	{name: "Wireframing", kind: kDesign, trend: -0.02, aliases: "wireframes"},
	{name: "Design Systems", kind: kDesign, trend: 0.06, aliases: "design systems"},
	{name: "Usability Testing", kind: kDesign, trend: 0, aliases: "usability testing"},

	// Enterprise platforms.
	{name: "Salesforce", kind: kPlatform, trend: 0.02, aliases: "SFDC"},
	{name: "Lightning", kind: kPlatform, trend: 0, aliases: "Lightning Web Components|LWC"},
	{name: "SOQL", kind: kLang, trend: 0},
	{name: "Salesforce Marketing Cloud", kind: kPlatform, trend: 0.02},
	{name: "MuleSoft", kind: kPlatform, trend: 0.02},
	{name: "SAP", kind: kPlatform, trend: 0},
	{name: "S/4HANA", kind: kPlatform, trend: 0.10, aliases: "S4 HANA|S/4 HANA"},
	{name: "SAP FICO", kind: kPlatform, trend: 0},
	{name: "SAP SD", kind: kPlatform, trend: 0},
	{name: "SAP MM", kind: kPlatform, trend: 0},
	{name: "ERP", kind: kPlatform, trend: 0},
	{name: "CRM", kind: kPlatform, trend: 0},
	{name: "Dynamics 365", kind: kPlatform, trend: 0.05, aliases: "D365|Microsoft Dynamics 365"},
	{name: "Power Platform", kind: kPlatform, trend: 0.10},
	{name: "Power Apps", kind: kPlatform, trend: 0.08, aliases: "PowerApps"},
	{name: "Power Automate", kind: kPlatform, trend: 0.08},
	{name: "Dataverse", kind: kPlatform, trend: 0.08},
	{name: "ITSM", kind: kPractice, trend: 0},
	{name: "ITOM", kind: kPractice, trend: 0.03},
	{name: "CMDB", kind: kPractice, trend: 0},
	{name: "Glide", kind: kPlatform, trend: 0, aliases: "GlideScript"},
}

// region is a UK ONS region (or a US state) with its share of ads, its pay factor and its places.
//
// UK shares: reed_uk it ads by region (from city + county): London 29.2%, South East 23.3%, North West
// 8.8%, East 8.2%, Yorkshire and The Humber 6.8%, South West 5.4%, West Midlands 5.0%, East Midlands
// 4.1%, North East 1.9%, Scotland 1.6%, Wales 1.2%, Northern Ireland 0.7%. Reed under-covers the
// devolved nations (its all-category Scotland share is 2.9%); Edinburgh, Glasgow, Cardiff and Belfast
// are real tech hubs, so we raise Scotland to 5%, Wales to 2%, NI to 2% and take it from the South
// East and London. Used: London 27%, South East 20.5%, North West 9.5%, East 8%, Yorkshire 7%,
// South West 6%, West Midlands 5.5%, East Midlands 5%, Scotland 5%, North East 2.5%, Wales 2%, NI 2%.
//
// Pay factors: reed_uk developer/engineer/devops/data salary medians against the overall median
// (£40k): London 1.29, South East 0.94, East 1.12 (Cambridge), North West 0.91, Yorkshire 0.88, South
// West 0.87, East Midlands 0.94, West Midlands 0.81, Scotland 0.94, North East 0.65 (4 ads),
// Northern Ireland 1.29 (3 ads), Wales 0.82 (1 ad). Small samples are shrunk towards 0.9.
// Place weights within a region follow reed_uk it and adzuna counts (Manchester 25, Leeds 21, Oxford
// 16, Reading 14, Bristol 13, Newcastle 11, Birmingham 11, Basingstoke 10, Cambridge 9, ...).
type region struct {
	name   string // ONS region, or the US state's full name
	abbr   string // US state abbreviation
	nation string
	share  float64
	pay    float64
	places []place
}

// place is a town or city and the ways ads write it. forms use "{P}" for the place name, "{C}" for the
// county (UK) and "{A}" for the state abbreviation (US).
type place struct {
	name    string
	county  string
	weight  float64
	special []string // extra written forms specific to this place
}

// ukForms are the general ways a UK place is written, weighted. Seen in the data: "Leeds, West
// Yorkshire" (reed_uk city, county), "London, South East England, England" (reed_ds), "Manchester,
// Greater Manchester" and "City Of London, London" (adzuna), bare "London".
const ukForms = "{P}*10; {P}, {C}*6; {P}, {C}, England*1; {P}, UK*1; {P} - {C}*0.5; {P}, {R}*0.6"

var ukRegions = []region{
	{name: "London", nation: "England", share: 0.27, pay: 1.25, places: []place{
		{name: "London", county: "London", weight: 70, special: []string{"London*8", "Central London*2", "City of London*2", "City Of London, London", "London, South East England", "Greater London", "EC2A*0.7", "EC1V*0.5", "EC3M*0.4", "EC4M*0.3", "WC2H*0.4", "W1T*0.4", "SE1*0.4", "E14*0.4", "N1*0.3", "Canary Wharf*1.2", "Shoreditch, London*0.8", "Farringdon, London*0.5", "King's Cross, London*0.5", "Camden, London*0.4", "Southwark, London*0.4", "Holborn, London*0.3", "West London*0.6", "East London*0.4"}},
		{name: "Croydon", county: "London", weight: 2},
		{name: "Wimbledon", county: "London", weight: 1.5},
		{name: "Stratford", county: "London", weight: 1.5},
		{name: "Uxbridge", county: "Middlesex", weight: 1.5},
		{name: "Hammersmith", county: "London", weight: 2},
		{name: "Richmond", county: "London", weight: 1},
		{name: "Twickenham", county: "Middlesex", weight: 1},
	}},
	{name: "South East", nation: "England", share: 0.205, pay: 1.0, places: []place{
		{name: "Reading", county: "Berkshire", weight: 14, special: []string{"Thames Valley*0.5"}},
		{name: "Oxford", county: "Oxfordshire", weight: 14},
		{name: "Basingstoke", county: "Hampshire", weight: 9},
		{name: "Guildford", county: "Surrey", weight: 7},
		{name: "Southampton", county: "Hampshire", weight: 7},
		{name: "Milton Keynes", county: "Buckinghamshire", weight: 7},
		{name: "Brighton", county: "East Sussex", weight: 6, special: []string{"Brighton & Hove*0.5"}},
		{name: "Bracknell", county: "Berkshire", weight: 4},
		{name: "Maidenhead", county: "Berkshire", weight: 4},
		{name: "Farnborough", county: "Hampshire", weight: 4},
		{name: "Slough", county: "Berkshire", weight: 4},
		{name: "Crawley", county: "West Sussex", weight: 3},
		{name: "Portsmouth", county: "Hampshire", weight: 3},
		{name: "Woking", county: "Surrey", weight: 3},
		{name: "Maidstone", county: "Kent", weight: 2.5},
		{name: "High Wycombe", county: "Buckinghamshire", weight: 2.5},
		{name: "Marlow", county: "Buckinghamshire", weight: 2},
		{name: "Newbury", county: "Berkshire", weight: 2},
		{name: "Canterbury", county: "Kent", weight: 1.5},
		{name: "Tunbridge Wells", county: "Kent", weight: 1.5},
		{name: "Burgess Hill", county: "West Sussex", weight: 1},
		{name: "Godalming", county: "Surrey", weight: 1},
		{name: "Abingdon", county: "Oxfordshire", weight: 1.5},
		{name: "Winchester", county: "Hampshire", weight: 1.5},
	}},
	{name: "East of England", nation: "England", share: 0.08, pay: 1.05, places: []place{
		{name: "Cambridge", county: "Cambridgeshire", weight: 14},
		{name: "Norwich", county: "Norfolk", weight: 5},
		{name: "Peterborough", county: "Cambridgeshire", weight: 5},
		{name: "Ipswich", county: "Suffolk", weight: 5},
		{name: "St Albans", county: "Hertfordshire", weight: 5, special: []string{"St. Albans, Hertfordshire"}},
		{name: "Hemel Hempstead", county: "Hertfordshire", weight: 4},
		{name: "Watford", county: "Hertfordshire", weight: 4},
		{name: "Chelmsford", county: "Essex", weight: 4},
		{name: "Luton", county: "Bedfordshire", weight: 3},
		{name: "Stevenage", county: "Hertfordshire", weight: 3},
		{name: "Colchester", county: "Essex", weight: 2},
		{name: "Bar Hill", county: "Cambridgeshire", weight: 1},
	}},
	{name: "North West", nation: "England", share: 0.095, pay: 0.92, places: []place{
		{name: "Manchester", county: "Greater Manchester", weight: 30, special: []string{"Manchester City Centre*1", "Manchester, Lancashire*1.5", "Salford Quays*1", "MediaCityUK, Salford*0.5"}},
		{name: "Liverpool", county: "Merseyside", weight: 8},
		{name: "Warrington", county: "Cheshire", weight: 5},
		{name: "Preston", county: "Lancashire", weight: 3},
		{name: "Chester", county: "Cheshire", weight: 3},
		{name: "Stockport", county: "Greater Manchester", weight: 3},
		{name: "Wilmslow", county: "Cheshire", weight: 2},
		{name: "Macclesfield", county: "Cheshire", weight: 2},
		{name: "Bolton", county: "Greater Manchester", weight: 2},
		{name: "Crewe", county: "Cheshire", weight: 1.5},
		{name: "Lancaster", county: "Lancashire", weight: 1},
		{name: "Knutsford", county: "Cheshire", weight: 1},
	}},
	{name: "Yorkshire and The Humber", nation: "England", share: 0.07, pay: 0.89, places: []place{
		{name: "Leeds", county: "West Yorkshire", weight: 25},
		{name: "Sheffield", county: "South Yorkshire", weight: 8},
		{name: "York", county: "North Yorkshire", weight: 5},
		{name: "Bradford", county: "West Yorkshire", weight: 3},
		{name: "Hull", county: "East Riding of Yorkshire", weight: 3, special: []string{"Kingston upon Hull*0.5"}},
		{name: "Halifax", county: "West Yorkshire", weight: 3},
		{name: "Harrogate", county: "North Yorkshire", weight: 2},
		{name: "Huddersfield", county: "West Yorkshire", weight: 2},
		{name: "Wakefield", county: "West Yorkshire", weight: 2},
		{name: "Doncaster", county: "South Yorkshire", weight: 1.5},
	}},
	{name: "South West", nation: "England", share: 0.06, pay: 0.92, places: []place{
		{name: "Bristol", county: "Bristol", weight: 18, special: []string{"Bristol, Avon*1.5", "Bristol City Centre*0.5"}},
		{name: "Bath", county: "Somerset", weight: 4},
		{name: "Exeter", county: "Devon", weight: 4},
		{name: "Swindon", county: "Wiltshire", weight: 4},
		{name: "Gloucester", county: "Gloucestershire", weight: 3},
		{name: "Cheltenham", county: "Gloucestershire", weight: 5},
		{name: "Plymouth", county: "Devon", weight: 3},
		{name: "Bournemouth", county: "Dorset", weight: 3},
		{name: "Poole", county: "Dorset", weight: 2.5},
		{name: "Taunton", county: "Somerset", weight: 1},
		{name: "Truro", county: "Cornwall", weight: 0.8},
	}},
	{name: "West Midlands", nation: "England", share: 0.055, pay: 0.86, places: []place{
		{name: "Birmingham", county: "West Midlands", weight: 22, special: []string{"Birmingham City Centre*0.5"}},
		{name: "Coventry", county: "West Midlands", weight: 5},
		{name: "Solihull", county: "West Midlands", weight: 3},
		{name: "Wolverhampton", county: "West Midlands", weight: 3},
		{name: "Worcester", county: "Worcestershire", weight: 2},
		{name: "Stoke-on-Trent", county: "Staffordshire", weight: 2, special: []string{"Stoke On Trent, Staffordshire"}},
		{name: "Warwick", county: "Warwickshire", weight: 2},
		{name: "Leamington Spa", county: "Warwickshire", weight: 2, special: []string{"Royal Leamington Spa*0.5"}},
		{name: "Telford", county: "Shropshire", weight: 1.5},
		{name: "Shrewsbury", county: "Shropshire", weight: 1},
		{name: "Hereford", county: "Herefordshire", weight: 0.7},
	}},
	{name: "East Midlands", nation: "England", share: 0.05, pay: 0.9, places: []place{
		{name: "Nottingham", county: "Nottinghamshire", weight: 9},
		{name: "Leicester", county: "Leicestershire", weight: 6},
		{name: "Derby", county: "Derbyshire", weight: 5},
		{name: "Northampton", county: "Northamptonshire", weight: 6},
		{name: "Loughborough", county: "Leicestershire", weight: 2},
		{name: "Lincoln", county: "Lincolnshire", weight: 2},
		{name: "Melton Mowbray", county: "Leicestershire", weight: 0.5},
		{name: "Chesterfield", county: "Derbyshire", weight: 1},
	}},
	{name: "North East", nation: "England", share: 0.025, pay: 0.84, places: []place{
		{name: "Newcastle upon Tyne", county: "Tyne and Wear", weight: 12, special: []string{"Newcastle*3", "Newcastle Upon Tyne, Tyne And Wear", "Newcastle, Tyne and Wear*1.5"}},
		{name: "Sunderland", county: "Tyne and Wear", weight: 3},
		{name: "Durham", county: "County Durham", weight: 2},
		{name: "Middlesbrough", county: "North Yorkshire", weight: 2},
		{name: "Gateshead", county: "Tyne and Wear", weight: 1.5},
		{name: "Stockton-on-Tees", county: "County Durham", weight: 1},
	}},
	{name: "Scotland", nation: "Scotland", share: 0.05, pay: 0.92, places: []place{
		{name: "Edinburgh", county: "City of Edinburgh", weight: 14, special: []string{"Edinburgh, Midlothian*1.5", "Edinburgh, Scotland*2"}},
		{name: "Glasgow", county: "Glasgow City", weight: 12, special: []string{"Glasgow, Lanarkshire*1", "Glasgow, Scotland*2"}},
		{name: "Aberdeen", county: "Aberdeen City", weight: 4, special: []string{"Aberdeen, Aberdeenshire*1"}},
		{name: "Dundee", county: "Dundee City", weight: 2},
		{name: "Livingston", county: "West Lothian", weight: 1.5},
		{name: "Stirling", county: "Stirling", weight: 1},
		{name: "Inverness", county: "Highland", weight: 0.8},
	}},
	{name: "Wales", nation: "Wales", share: 0.02, pay: 0.85, places: []place{
		{name: "Cardiff", county: "Cardiff", weight: 12, special: []string{"Cardiff, South Glamorgan*1", "Cardiff, Wales*2"}},
		{name: "Swansea", county: "Swansea", weight: 4},
		{name: "Newport", county: "Newport", weight: 3, special: []string{"Newport, Gwent*0.5"}},
		{name: "Wrexham", county: "Wrexham", weight: 1.5},
		{name: "Bridgend", county: "Bridgend", weight: 1},
		{name: "Penarth", county: "Vale of Glamorgan", weight: 0.5},
	}},
	{name: "Northern Ireland", nation: "Northern Ireland", share: 0.02, pay: 0.86, places: []place{
		{name: "Belfast", county: "County Antrim", weight: 14, special: []string{"Belfast, Northern Ireland*2", "Belfast City Centre*0.5"}},
		{name: "Derry", county: "County Londonderry", weight: 1.5, special: []string{"Londonderry*0.5"}},
		{name: "Lisburn", county: "County Antrim", weight: 1},
		{name: "Newry", county: "County Down", weight: 0.6},
	}},
}

// ukRemoteForms are how UK ads write a fully remote location.
const ukRemoteForms = "Remote, UK*4; UK Wide*2; Remote (UK)*2; Home Based*1.5; Fully Remote - UK*1; United Kingdom*1.5; Work from Home*1; Remote*1.5; UK (Remote)*1; Homeworking, UK*0.5"

// usForms: glassdoor writes "Boston, MA"; hn writes "New York", "San Francisco", "Boston, MA".
const usForms = "{P}, {A}*10; {P}*3; {P}, {S}*1.5"

// US state shares: hn US posts by place (San Francisco 3,408 of 8,519, New York 1,612, Palo Alto 284,
// Boston 263, Mountain View 174, Seattle 139, Chicago 122, Austin 122, Los Angeles 115, ...) are very
// Bay-Area heavy; glassdoor 2020 is broader (New York 42, San Francisco 32, Cambridge MA 28, Chicago
// 19, Boston 12, ...). We blend the two. Pay factors from glassdoor state medians against $100k (CA
// 1.14, MA 1.03, WA 0.98, IL 0.96, TX 0.93, NY 0.88, PA 0.74) blended with hn (NYC pays near the Bay
// Area there).
var usRegions = []region{
	{name: "California", abbr: "CA", share: 0.30, pay: 1.18, places: []place{
		{name: "San Francisco", weight: 40, special: []string{"SF*1", "San Francisco Bay Area*1.5", "SF Bay Area*0.7"}},
		{name: "Palo Alto", weight: 5}, {name: "Mountain View", weight: 4}, {name: "San Jose", weight: 4},
		{name: "Los Angeles", weight: 8, special: []string{"LA*0.5"}}, {name: "San Diego", weight: 4},
		{name: "Redwood City", weight: 2}, {name: "Oakland", weight: 2}, {name: "Santa Monica", weight: 2},
		{name: "Sunnyvale", weight: 2}, {name: "Irvine", weight: 2},
	}},
	{name: "New York", abbr: "NY", share: 0.18, pay: 1.10, places: []place{
		{name: "New York", weight: 30, special: []string{"NYC*3", "New York City*2", "Manhattan, NY*1", "Brooklyn, NY*1"}},
		{name: "Rochester", weight: 1}, {name: "Albany", weight: 0.6},
	}},
	{name: "Washington", abbr: "WA", share: 0.07, pay: 1.08, places: []place{
		{name: "Seattle", weight: 12}, {name: "Bellevue", weight: 3}, {name: "Redmond", weight: 2},
	}},
	{name: "Massachusetts", abbr: "MA", share: 0.07, pay: 1.05, places: []place{
		{name: "Boston", weight: 12}, {name: "Cambridge", weight: 6}, {name: "Waltham", weight: 1},
	}},
	{name: "Texas", abbr: "TX", share: 0.09, pay: 0.95, places: []place{
		{name: "Austin", weight: 10}, {name: "Dallas", weight: 5}, {name: "Houston", weight: 4},
		{name: "Plano", weight: 1.5}, {name: "San Antonio", weight: 1.5},
	}},
	{name: "Illinois", abbr: "IL", share: 0.05, pay: 0.97, places: []place{{name: "Chicago", weight: 10}}},
	{name: "Colorado", abbr: "CO", share: 0.035, pay: 0.98, places: []place{{name: "Denver", weight: 6}, {name: "Boulder", weight: 3}}},
	{name: "District of Columbia", abbr: "DC", share: 0.03, pay: 1.0, places: []place{{name: "Washington", weight: 1, special: []string{"Washington, D.C.*1", "Washington DC*1"}}}},
	{name: "Virginia", abbr: "VA", share: 0.03, pay: 0.95, places: []place{{name: "Arlington", weight: 3}, {name: "Herndon", weight: 1.5}, {name: "Reston", weight: 1.5}, {name: "McLean", weight: 1}}},
	{name: "Georgia", abbr: "GA", share: 0.025, pay: 0.90, places: []place{{name: "Atlanta", weight: 1}}},
	{name: "Oregon", abbr: "OR", share: 0.015, pay: 0.93, places: []place{{name: "Portland", weight: 1}}},
	{name: "Pennsylvania", abbr: "PA", share: 0.02, pay: 0.85, places: []place{{name: "Philadelphia", weight: 3}, {name: "Pittsburgh", weight: 2}}},
	{name: "North Carolina", abbr: "NC", share: 0.02, pay: 0.90, places: []place{{name: "Raleigh", weight: 2}, {name: "Charlotte", weight: 2}, {name: "Durham", weight: 1}}},
	{name: "Maryland", abbr: "MD", share: 0.015, pay: 0.93, places: []place{{name: "Baltimore", weight: 2}, {name: "Rockville", weight: 1}}},
	{name: "Minnesota", abbr: "MN", share: 0.01, pay: 0.90, places: []place{{name: "Minneapolis", weight: 1}}},
	{name: "Florida", abbr: "FL", share: 0.02, pay: 0.88, places: []place{{name: "Miami", weight: 2}, {name: "Tampa", weight: 1}, {name: "Orlando", weight: 1}}},
	{name: "Utah", abbr: "UT", share: 0.01, pay: 0.88, places: []place{{name: "Salt Lake City", weight: 2}, {name: "Lehi", weight: 1}}},
	{name: "Arizona", abbr: "AZ", share: 0.01, pay: 0.87, places: []place{{name: "Phoenix", weight: 2}, {name: "Scottsdale", weight: 1}}},
	{name: "Michigan", abbr: "MI", share: 0.01, pay: 0.86, places: []place{{name: "Detroit", weight: 2}, {name: "Ann Arbor", weight: 1}, {name: "Grand Rapids", weight: 1}}},
}

// usRemoteForms are how US ads write a fully remote location (hn: "Remote", "REMOTE (US only)").
const usRemoteForms = "Remote - US*3; Remote (US)*2; US Remote*1.5; Remote*2; Anywhere in the US*1; United States (Remote)*1.5; Remote, USA*1"

// Company names are built from these parts. They are invented; any likeness to a real firm is chance.
var (
	coFirst      = []string{"Northwind", "Bluefin", "Kestrel", "Copperleaf", "Brightwater", "Ashgrove", "Meridian", "Halcyon", "Ironbridge", "Larkspur", "Quayside", "Redshank", "Silverbirch", "Tidewell", "Oakhurst", "Peregrine", "Foxglove", "Harbourline", "Juniper Lane", "Lumen", "Marlow & Finch", "Novara", "Orbitale", "Pennant", "Quillon", "Ravensworth", "Saltmarsh", "Thistle", "Umbra", "Vantage Point", "Wrenfield", "Yarrow", "Zephyr", "Alderly", "Beacon Hill", "Cobalt Reach", "Driftwood", "Emberly", "Fenwick", "Glasshouse", "Heron", "Inkwell", "Keystone", "Lodestar", "Moorgate", "Nettlebed", "Outpost", "Pinnacle Way", "Riverstone", "Stonechat", "Tarn", "Upland", "Verdant", "Westerly", "Amberline", "Blackthorn", "Cirrus", "Dovetail", "Elmstead", "Flintlock", "Granite", "Hollybank", "Ivybridge", "Kingfisher", "Longshore", "Mistral", "Northgate", "Overton", "Palisade", "Quarry Bank", "Rookery", "Sandpiper", "Trellis", "Vireo"}
	coSecond     = []string{"Systems", "Analytics", "Digital", "Technologies", "Labs", "Software", "Health", "Payments", "Energy", "Insurance", "Logistics", "Media", "Data", "Cloud", "Security", "Robotics", "Learning", "Bank", "Capital", "Mobility", "Retail", "Games", "Networks", "Bio", "Solutions", "Commerce", "Connect", "Works", "Group", "AI"}
	coSuffixUK   = []string{"", "", "", "Ltd", "Ltd", "Limited", "plc", "Group", "UK"}
	coSuffixUS   = []string{"", "", "", "Inc.", "Inc", "LLC", "Corp.", "Co."}
	agencyFirst  = []string{"Harbour", "Stirling", "Albion", "Cardinal", "Fenmore", "Greyfield", "Hexton", "Kinross", "Lyndale", "Marchmont", "Pemberton", "Ridgeway", "Sterling Cross", "Tavistock", "Waverley", "Ashcombe", "Broadgate", "Castlegate", "Dunmore", "Eastbrook"}
	agencySecond = []string{"Recruitment", "Resourcing", "Talent", "Search", "Technology Recruitment", "IT Recruitment", "Associates", "Partners", "Consulting", "People"}
)

// industries describe employers. Each has a sector noun, products and customers used in prose.
type industry struct {
	name      string // "fintech"
	sector    string // "financial services"
	products  []string
	customers []string
}

var industries = []industry{
	{"fintech", "financial services", []string{"payments platform", "open banking API", "mobile banking app", "lending engine", "fraud detection service", "card issuing platform"}, []string{"banks", "merchants", "small businesses", "consumers"}},
	{"insurtech", "insurance", []string{"claims platform", "pricing engine", "policy administration system", "underwriting tool"}, []string{"insurers", "brokers", "policyholders"}},
	{"healthtech", "healthcare", []string{"patient records platform", "remote monitoring app", "clinical decision support tool", "appointment booking service"}, []string{"NHS trusts", "clinics", "patients", "GP practices"}},
	{"e-commerce", "retail", []string{"online marketplace", "checkout service", "recommendation engine", "order management system"}, []string{"shoppers", "retailers", "sellers"}},
	{"logistics", "transport and logistics", []string{"route optimisation engine", "fleet tracking platform", "warehouse management system", "delivery app"}, []string{"carriers", "shippers", "drivers"}},
	{"energy", "energy", []string{"smart metering platform", "grid balancing system", "EV charging network", "trading platform"}, []string{"households", "utilities", "fleet operators"}},
	{"edtech", "education", []string{"learning platform", "assessment engine", "virtual classroom", "student records system"}, []string{"schools", "universities", "learners", "teachers"}},
	{"SaaS", "software", []string{"B2B analytics product", "workflow automation platform", "CRM product", "collaboration suite", "developer platform"}, []string{"enterprise customers", "SMEs", "developers"}},
	{"media", "media and publishing", []string{"streaming service", "content management platform", "ad-tech stack", "news app"}, []string{"readers", "viewers", "advertisers"}},
	{"public sector", "government", []string{"citizen-facing digital services", "case management system", "data platform", "benefits service"}, []string{"citizens", "government departments", "local councils"}},
	{"gaming", "games", []string{"multiplayer game backend", "live-ops platform", "mobile game", "matchmaking service"}, []string{"players", "studios"}},
	{"telecoms", "telecommunications", []string{"network management platform", "billing system", "5G core services", "customer self-service app"}, []string{"subscribers", "network operators"}},
	{"proptech", "property", []string{"property search platform", "lettings management tool", "mortgage comparison service"}, []string{"landlords", "tenants", "estate agents"}},
	{"cyber security", "security", []string{"threat detection platform", "identity product", "managed SOC service"}, []string{"enterprises", "security teams"}},
	{"manufacturing", "manufacturing", []string{"factory automation software", "IoT sensor platform", "digital twin", "supply chain system"}, []string{"plants", "engineers", "suppliers"}},
	{"travel", "travel and hospitality", []string{"booking engine", "pricing platform", "loyalty app", "itinerary service"}, []string{"travellers", "hotels", "airlines"}},
	{"consultancy", "professional services", []string{"client delivery programmes", "cloud migration practice", "data and AI practice"}, []string{"FTSE 100 clients", "public sector clients", "global brands"}},
	{"automotive", "automotive", []string{"connected car platform", "vehicle telematics service", "in-car software", "dealer management system"}, []string{"drivers", "dealers", "manufacturers"}},
	{"climate tech", "sustainability", []string{"carbon accounting platform", "emissions data service", "renewables forecasting model"}, []string{"corporates", "investors", "energy producers"}},
	{"banking", "banking", []string{"core banking platform", "trading systems", "risk engine", "customer onboarding journey"}, []string{"retail customers", "corporate clients", "traders"}},
}
