package extract

import (
	"testing"
)

// TestAmbiguousSkills checks each skill name that is also an ordinary word, or a prefix of another
// skill, in both directions: counted where the text is about technology, not counted where it is not.
func TestAmbiguousSkills(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		name, skill, in string
		want            bool
	}{
		{"Go/language", "Go", "Backend services in Go and PostgreSQL.", true},
		{"Go/developers", "Go", "Go developers wanted for our platform team.", true},
		{"Go/verb", "Go", "Go to our careers page and apply with Python examples.", false},
		{"Go/sentence", "Go", "Go ahead and send us your CV, we use Python.", false},
		{"R/language", "R", "Statistical modelling in R, Python and SQL.", true},
		{"R/and D", "R", "Join our R&D team writing Python.", false},
		{"C/language", "C", "Embedded firmware in C on ARM microcontrollers, with Python tooling.", true},
		{"C/grade", "C", "GCSE grade C in Maths; Python desirable.", false},
		{"C#/language", "C#", "C# and ASP.NET MVC developer.", true},
		{"C#/music", "C#", "Piano tuition from C to G, all welcome.", false},
		{"C++/language", "C++", "Low latency C++ on Linux.", true},
		{"C++/grade", "C++", "Credit rating C+ or better required.", false},
		{".NET/framework", ".NET", "Web APIs on .NET with SQL Server.", true},
		{".NET/domain", ".NET", "Visit example.net for details about the role.", false},
		{"Swift/language", "Swift", "Native iOS apps in Swift and Objective-C.", true},
		{"Swift/adjective", "Swift", "A swift response to every customer query is expected.", false},
		{"Rust/language", "Rust", "Systems programming in Rust and C++.", true},
		{"Rust/corrosion", "Rust", "Treat rust on the steel frames before painting.", false},
		{"Spring/framework", "Spring", "Java services with Spring and Hibernate.", true},
		{"Spring/season", "Spring", "Starting in Spring 2024, our office moves.", false},
		{"Express/framework", "Express", "REST APIs with Node.js and Express.", true},
		{"Express/verb", "Express", "Express interest by sending your CV to our team.", false},
		{"Express/adjective", "Express", "Use the express lane at the depot.", false},
		{"Chef/tool", "Chef", "Configuration with Ansible, Chef or Puppet.", true},
		{"Chef/job", "Chef", "Head Chef wanted for a busy kitchen.", false},
		{"Puppet/tool", "Puppet", "Puppet and Terraform for infrastructure as code.", true},
		{"Puppet/theatre", "Puppet", "Puppet shows for children every Saturday.", false},
		{"Ruby/language", "Ruby", "Ruby and JavaScript developer.", true},
		{"Ruby/gem", "Ruby", "Our Ruby Wedding anniversary party.", false},
		{"Shell/scripting", "Shell Scripting", "Linux administration with Bash, Shell, Python.", true},
		{"Shell/company", "Shell Scripting", "Shell Energy is hiring a graduate engineer.", false},
		{"Make/tool", "Make", "Builds with Make, CMake and GCC on Linux.", true},
		{"Make/verb", "Make", "Make sure your Python code is tested.", false},
		{"Access/database", "Microsoft Access", "Reporting in Access and SQL Server.", true},
		{"Access/noun", "Microsoft Access", "Access to free parking. Python developer.", false},
		{"Access/sentence", "Microsoft Access", "Access the portal with your Python login.", false},
		{"Access/control", "Microsoft Access", "Identity and Access Management, access control lists and SQL.", false},
		{"Access/product", "Microsoft Access", "A global champion in Mobile Access Technology, hiring Java developers.", false},
		{"Access/list", "Microsoft Access", "Excel, Access and SQL Server reporting.", true},
		{"Kubernetes/tag line", "Kubernetes", "Technologies\ngoogle-cloud-platform terraform kubernetes scripting\nAbout us", true},
		{"Android/tag line", "Android", "Technologies\nios android mobile\n", true},
		{"Go/lower-case prose", "Go", "then we go to the shop, make sure java works", false},
		{"Agile/tag line with dots", "Agile", "node.js agile css\n", true},
		{"Agile/sentence", "Agile", "we are agile and use css. node.js too\n", false},
		{"LinkedIn/channel", "LinkedIn", "Feel free to contact any of us via LinkedIn; we use Python.", false},
		{"YouTube/channel", "YouTube", "Watch our YouTube channel. Python developers wanted.", false},
		{"YouTube/follow", "YouTube", "Follow us on YouTube! Python and Django.", false},
		{"LinkedIn/skill", "LinkedIn", "Sourcing on LinkedIn Recruiter and Boolean search.", true},
		{"Degree/qualification", "Degree", "A degree in Computer Science or a related field; Python.", true},
		{"Degree/measure", "Degree", "A high degree of personal responsibility; Python and SQL.", false},
		{"Excel/spreadsheet", "Excel", "Advanced Excel and SQL skills.", true},
		{"Excel/verb", "Excel", "You will excel in a fast-paced team.", false},
		{"Excel/sentence", "Excel", "Excel at what you do with our Python team.", false},
		{"Java/not JavaScript", "Java", "Frontend work in JavaScript and TypeScript.", false},
		{"Java/language", "Java", "Java and Kotlin on the JVM.", true},
		{"JavaScript/not Java", "JavaScript", "Core Java 17 and Spring Boot.", false},
		{"JavaScript/language", "JavaScript", "JavaScript, HTML and CSS.", true},
		{"React/library", "React", "Single page apps in React and TypeScript.", true},
		{"React/reactive", "React", "Reactive programming with RxJava.", false},
		{"React/verb", "React", "React to incidents quickly; Python scripting.", false},
		{"Rails/framework", "Ruby on Rails", "Web apps in Rails and PostgreSQL.", true},
		{"Rails/railway", "Ruby on Rails", "Maintenance of rails and sleepers on the network.", false},
		{"Go/tag list", "Go", "Technologies: typescript javascript node.js react go", true},
		{"Go/lower prose", "Go", "We go the extra mile with python and docker.", false},
		{"Spring/tag list", "Spring", "java spring docker", true},
		{"Spring/lower prose", "Spring", "Offices reopen this spring; we use Python.", false},
		{"Kubernetes/tag list", "Kubernetes", "python, amazon-web-services, kubernetes", true},
		{"React/tag list", "React", "reactjs typescript node.js", true},
		{"React/lower list", "React", "docker, react and node.js", true},
		{"React/lower verb", "React", "Engineers react quickly to incidents in Python services.", false},
		{"Jenkins/tag list", "Jenkins", "docker agile selenium circleci jenkins", true},
		{"Agile/tag list", "Agile", "docker agile selenium", true},
		{"Agile/lower prose", "Agile", "An agile mind and Python skills.", false},
		{"Rust/tag list", "Rust", "go, rust, c++", true},
		{"Excel/lower list", "Excel", "sql, excel, tableau", true},
		{"Access/lower prose", "Microsoft Access", "It aligns the cybersecurity access management controls.", false},
		{"Basic/capitalised", "BASIC", "• Basic UNIX scripting.", false},
		{"Excel/lower verb", "Excel", "You will excel with sql and tableau.", false},
		{"R/lower letter", "R", "python, r, sql", false},
		{"SOLID/principles", "SOLID", "Clean code and SOLID principles in C#.", true},
		{"SOLID/adjective", "SOLID", "Solid understanding of Java and Spring.", false},
		{"FIT/acronym word", "FIT", "Sounds like a good fit? Apply with your Java experience.", false},
		{"CASE/acronym word", "CASE", "In case of relocation we help; Java and Docker.", false},
		{"Mental Health/care", "Mental Health", "Support workers for our mental health service.", true},
		{"Mental Health/equal opportunity", "Mental Health", "We make reasonable accommodations for applicants' religious practices as well as any mental health or physical disability needs.", false},
		{"Git/capitals", "Git", "GIT or SVN for version control.", true},
		{"iOS/capitals", "iOS", "Native IOS apps in Objective-C.", true},
		{"SOLID/compound", "SOLID", "Rock-solid JavaScript fundamentals.", false},
		{"Hack/language", "Hack", "PHP and Hack on HHVM.", true},
		{"Hack/event", "Hack", "A two-day hack for cross-functional teams using Python.", false},
		{"QA/practice", "Quality Assurance", "QA and test automation with Selenium.", true},
		{"QA/role", "Quality Assurance", "Work with our QA engineer on Java services.", false},
		// A role named after a part of the stack still asks for it (readers name it): see areaPractices.
		{"Full Stack/role", "Full Stack", "We hire a Full Stack Developer for Python work.", true},
		{"Scrum/role", "Scrum", "Our Scrum Master runs the Python team's stand-ups.", false},
		{"Scheme/pension", "Scheme", "Contributory Pension Scheme. We write Python and Java.", false},
		{"Scheme/language", "Scheme", "We write Python, Clojure and Scheme.", true},
		{"Yarn/Hadoop", "Hadoop YARN", "Experience with Hadoop, HDFS and Yarn clusters.", true},
		{"Yarn/npm", "npm", "Build tooling: webpack, Babel and Yarn.", true},
		{"CSS/social work", "CSS", "A qualified Social Worker: DipSW, CQSW, CSS or equivalent.", false},
		{"CSS/style sheets", "CSS", "HTML, CSS and JavaScript for our web pages.", true},
		{"Rehabilitation/ward", "Rehabilitation", "Staff Nurse for our Rehabilitation Ward, caring for patients.", false},
		{"Cardiology/department", "Cardiology", "Join the Cardiology Department at our hospital as a nurse.", false},
		{"Full Stack/practice", "Full Stack", "Full stack experience across Python and React.", true},
		{"Spark/beside acronyms", "Apache Spark", "Experience using SOAP, S3, and Spark.", true},
		{"Go/beside weak names", "Go", "Make sure you Go and Swift past the others.", false},
		{"Spark/any case", "Apache Spark", "Big data tools such as spark, kafka and HDFS.", true},
		{"Spark/company", "Apache Spark", "Backed by Google Ventures and Spark Capital, we are growing fast.", false},
		{"HTTP/protocol", "HTTP", "REST APIs over HTTP and gRPC.", true},
		{"HTTP/scheme in code", "HTTP", "ac.src = ('https:' == document.location.protocol ? 'https://' : 'http://');", false},
		{"JavaScript/media type", "JavaScript", "ac.type = 'text/javascript'; var s = 1;", false},
		{"GPS/acronym", "GPS", "Vehicle tracking with GPS and GSM modems.", true},
		{"GPS/plural of GP", "GPS", "Our team is made up of GPs and Advanced Nurse Practitioners.", false},
		{"PPM/unit", "PPM", "They will also pay ****ppm mileage allowance.", false},
		{"OpenAI/customers", "OpenAI", "Our customers include OpenAI, Zoox, Lyft and Pinterest.", false},
		{"OpenAI/tool", "OpenAI", "You will build agents on OpenAI and Anthropic models.", true},
		{"AWS/former employer", "AWS", "Founded by a team of ex-AWS engineers.", false},
		{"AWS/used by", "AWS", "Our platform is used by Amazon, AWS and Netflix.", false},
		{"Marketing/department", "Marketing", "You will work with the Marketing team on campaigns.", false},
		{"Marketing/skill", "Marketing", "Experience in digital marketing for B2B software.", true},
		{"Product Management/department", "Product Management", "Dashboards that empower our Product Management team.", false},
		{"Agile/way of working", "Agile", "Experience of working in an agile team environment.", true},
		{"jQuery/negated", "jQuery", "Javascript (not jQuery, vanilla javascript).", false},
		{"jQuery/named", "jQuery", "Javascript and jQuery for the front end.", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := false
			var names []string
			for _, s := range e.Skills(tc.in) {
				names = append(names, s.Name)
				if s.Name == tc.skill {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("Skills(%q) = %v: %s found = %v, want %v", tc.in, names, tc.skill, got, tc.want)
			}
		})
	}
}
