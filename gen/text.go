package gen

import (
	"math/rand/v2"
	"strings"
)

// Descriptions are assembled from sections (about the employer, the role, responsibilities,
// requirements, nice-to-haves, package, practicalities, how to apply), each drawing a few sentences
// from many templates with ad-specific details, in a varied order and layout, so that two ads are
// different texts even when their company, title and city agree. Templates are our own writing.
//
// Template syntax: {slot} is a value of this ad (see slot), {n:a-b} a number from a to b,
// [x|y|z] one of the alternatives. A template naming a slot the ad has no value for is skipped.

var teams = []string{"Payments", "Platform", "Checkout", "Identity", "Core Banking", "Data Platform", "Growth", "Onboarding", "Search", "Pricing", "Risk", "Customer Experience", "Integrations", "Reporting", "Mobile", "Infrastructure", "Developer Experience", "Fulfilment", "Claims", "Trading", "Notifications", "Billing", "Partner API", "Marketplace", "Personalisation", "Fraud", "Supply Chain", "Analytics", "Content", "Messaging", "Ledger", "Scheduling", "Accounts", "Lending", "Compliance", "Customer Data", "Routing", "Bookings", "Inventory", "Insights"}

var projects = []string{
	"moving our monolith to [microservices|a set of well-bounded services]",
	"re-platforming the {prod} onto {cloud0}",
	"building a new real-time [pricing|matching|recommendation|scoring] engine",
	"launching the {prod} in [Germany|the US|the Nordics|Australia|Ireland|Canada]",
	"rebuilding the [customer onboarding|checkout|sign-up|claims] journey",
	"moving the data estate to [the cloud|a lakehouse|{data0}]",
	"replacing a [ten|fifteen|twenty]-year-old [billing|booking|stock|case management] system",
	"scaling the {prod} from {n:2-9} to {n:20-60} million [requests|events|transactions] a day",
	"[halving|cutting] the time it takes to ship a change to production",
	"introducing [observability|SLOs|feature flags|trunk-based development] across the estate",
	"a greenfield {prod} for {cust}",
	"[consolidating|untangling] {n:3-9} legacy databases into one [platform|source of truth]",
	"an API programme that opens the {prod} to partners",
	"the migration from {old} to [a modern stack|{lang0}|{fe0}]",
	"[building|shaping] our first [machine learning|GenAI|self-service analytics] features",
	"[hardening|securing] the platform ahead of [ISO 27001 certification|a major audit|Cyber Essentials Plus]",
	"bringing [{n:3-8}|several] acquired products onto a shared platform",
	"rolling out a new design system across [web and mobile|{n:4-12} products]",
	"automating the [release|provisioning|testing|reconciliation] process end to end",
	"[a complete rewrite|the next generation] of the {prod}",
}

var oldTech = []string{"a legacy .NET Framework estate", "on-premise servers", "a PHP monolith", "Oracle Forms", "an ageing Java EE platform", "spreadsheets and manual processes", "a mainframe back end", "VB6 applications"}

// About the employer, written by the employer.
var introDirect = []string{
	"{co} is [a fast-growing|a profitable|a venture-backed|a well-established|an award-winning] {ind} [company|business|scale-up] [based in|headquartered in|with offices in] {hq}.",
	"At {co} we build the {prod} that {ncust} {cust} rely on every day.",
	"Founded in {founded}, {co} [has grown to|now employs|is now] [around |over |]{staff} people[ across the UK| in {n:2-6} countries|].",
	"We're {co}: [a team of|around] {staff} people [on a mission|working] to make {sector} [simpler|fairer|faster|greener|more transparent].",
	"{co} [helps|serves] {cust} [across|throughout] [the UK|Europe|the world|North America] with [its|our] {prod}.",
	"[Our|The] {prod} [processes|handles|supports] [over |more than |]{bigNum} [transactions|bookings|requests|customers|users] [a day|a month|a year].",
	"[Last year|In {lastYear}] we [raised|closed] a [Series A|Series B|Series C|£{n:10-90}m funding round|growth round] and we're [investing heavily in|doubling the size of] our technology team.",
	"{co} [is|has been] [recognised as|named] one of the [best places to work in tech|fastest-growing companies in {sector}|top employers in {hq}][ in {lastYear}| {n:2-4} years running|].",
	"We are {a_sector} [organisation|business|provider] [with a strong engineering culture|that puts technology at the heart of everything it does|that has been quietly modernising for {n:3-8} years].",
	"Since {founded} {co} has [grown steadily|grown from a small start-up into a market leader|built a loyal customer base] in {sector}.",
	"[Technology is at the core of|Software is central to] how {co} [works|serves {cust}|competes].",
	"{co} [operates|runs|owns] [a leading|a fast-growing|a well-known|an established] {prod} for {cust}.",
	"We [believe|think] {sector} [deserves|needs] better software, and that's what our {staff}-strong team [builds|is building].",
	"[Our customers include|We work with|We partner with] {ncust} {cust}, from [start-ups|independents|small firms] to [household names|FTSE 100 companies|global enterprises].",
	"{co} is [part of|owned by|backed by] [a larger group|a listed group|a private equity firm|a family-owned group] but [runs|operates] like a start-up, with [small autonomous teams|its own technology roadmap].",
	"As a B Corp, {co} [measures its impact|balances profit and purpose] [as carefully as its revenue|in everything it does].",
}

// About the client, written by a recruiter.
var introAgency = []string{
	"[My|Our] client, a [leading|growing|well-funded|well-known] {ind} [business|company|organisation|scale-up] [based in|in|near] {hq}, [is looking for|are looking for|needs|is seeking] {a_role} to join [their|its] {team} team.",
	"{agency} [are|is] [delighted|pleased|excited] to be [partnering with|working with|recruiting for] {a_sector} [client|business|organisation] [that is|who are] [growing fast|expanding their technology function|investing heavily in their platform].",
	"[We're|We are] [working with|partnering with|supporting] [a market-leading|a profitable|an award-winning|a high-growth] {ind} [company|firm|brand] [to find|to hire|on the search for] {a_role}.",
	"This is [an exciting|an excellent|a rare|a fantastic] opportunity to join {a_sector} [business|organisation] that [has grown|has grown by {n:20-80}%] [over the last {n:2-5} years|since {founded}].",
	"[My|Our] client [builds|runs|owns] {a_prod} used by {ncust} {cust} and is [now|currently] [expanding|scaling|restructuring] the engineering team.",
	"[Established|Founded] in {founded}, [the business|the company|my client] [employs|has] around {staff} [people|staff] and [is entering|has entered] [a new phase of growth|an ambitious period of investment].",
	"[An exciting|An established|An innovative|A growing] {ind} [organisation|business] [in|near|close to] {hq} [is|are] [hiring|looking for] [{a_role}|an experienced {role}] [on {a_empWord} basis|to strengthen the team|to start ASAP].",
	"[Are you|Do you consider yourself] {a_role} [looking for|ready for|after] [your next challenge|a role with real ownership|a business that values engineering]? [Read on.|Then this could be for you.|We'd love to hear from you.]",
	"[One of|Among] the [best-known|fastest-growing|most respected] names in {sector} [is looking to|wants to|needs to] [add|hire|bring on board] {a_role} [as they|while they] [modernise|rebuild|scale] their {prod}.",
	"[Please note:|Note:] this [role|position] is [with|for] a client of {agency}, [not|rather than] {agency} itself.",
}

// The role in general.
var roleSentences = []string{
	"[As|In your role as] {a_role}, you'll join the {team} team [and work on|working on|focused on] {proj}.",
	"You'll be [one of {n:3-12}|part of a team of {n:4-14}|joining {n:2-6} other] engineers [in|within] the {team} [squad|team|group|tribe].",
	"The {team} team [owns|is responsible for|looks after] [the part of the {prod} that|everything that] [handles|powers|drives] [payments|bookings|onboarding|reporting|search|pricing|notifications|customer data].",
	"[Over the next {n:6-18} months|This year|In your first year] the team's [main|biggest] [focus|priority|goal] is {proj}.",
	"[This is a|It's a] [hands-on|varied|broad|high-impact] role: [you'll spend most of your time|expect to spend around {n:60-80}% of your time] [building|shipping|designing and building] [features|services|solutions] [that go to production|our customers use|that matter].",
	"Reporting to the [Head of Engineering|Engineering Manager|CTO|Head of Data|Head of Technology|Delivery Lead|Principal Engineer], you'll [have real influence over|help shape|own] [technical decisions|the roadmap|how we build things].",
	"We [work|ship|deploy] in [small|cross-functional|autonomous] teams[ of {n:4-9}|] [and release|releasing] [several times a day|every week|continuously|every sprint].",
	"[The role|This position] [was created|has opened up|is new] [because|as] [we're growing|the team is doubling|of new investment|we've won a major contract].",
	"You'll [pair with|work closely alongside|collaborate daily with] [product managers|designers|data scientists|other engineers|stakeholders across the business] to [turn ideas into|deliver|ship] [working software|features {cust} love|measurable outcomes].",
	"[There's|You'll find] a [strong|healthy|real] culture of [code review|pairing|knowledge sharing|blameless post-mortems|learning], and [we|the team] [value|prize|care about] [simple solutions|clean code|quality|pragmatism] over [heroics|complexity|process].",
	"[Day to day|Day-to-day] you'll be [writing|building|maintaining] {lang0} services [on|running on|deployed to] {infra0}.",
	"[Our|The] stack is [mostly|largely|primarily] {lang0} [on|with|running on] {cloud0}, [with|backed by|plus] {db0}.",
	"You'll [build|ship|own] {fe0} [front ends|interfaces|components] [for|used by] {ncust} {cust}.",
	"[The team uses|We use|Our data stack is] {data0} [heavily|every day|for everything from ingestion to reporting].",
	"You'll [get to|be able to] [work with|apply|experiment with] {ml0} [on real problems|in production|with a large, clean data set].",
	"[Everything|Most of what we build] runs on {cloud0}, [managed as code|deployed through pipelines|with infrastructure defined in code].",
	"The {prod} [currently|today] [serves|handles] {bigNum} [users|requests|events] [a day|a month] and [is growing|grows] [fast|by {n:20-90}% a year].",
	"[There are|You'll find] {eng} engineers [across|in] [the business|{n:3-12} teams], [so|and] [you'll have plenty to learn from|there's room to grow].",
}

// Responsibilities by group, then for everyone.
var respByGroup = [nGroups][]string{
	grpDev: {
		"Design, build and [maintain|run] [services|APIs|features] [used by|that serve] {cust}",
		"Write [clean|well-tested|maintainable|readable] code and [review|help review] your colleagues' pull requests",
		"[Break down|Refine] [problems|epics|requirements] into [small|incremental|shippable] pieces of work",
		"Improve the [performance|reliability|scalability|observability] of the {prod}",
		"[Take part in|Join] an on-call rota [roughly once every {n:4-8} weeks|shared across the team|with a generous allowance]",
		"[Contribute to|Help shape] [architectural decisions|technical design documents|the engineering roadmap]",
		"[Pay down|Tackle] technical debt [in the legacy codebase|as part of normal work|in a planned way]",
		"[Build|Maintain] integrations with [third-party|partner|internal] [APIs|systems|providers]",
	},
	grpFrontend: {
		"Build [responsive|accessible|fast] [interfaces|pages|components] for the {prod}",
		"[Turn|Translate] [designs|Figma prototypes|wireframes] into [production-ready|pixel-perfect|working] [front-end code|components]",
		"[Contribute to|Grow] our [component library|design system]",
		"Make sure [every page|our interfaces] [meet|meets] [WCAG 2.2 AA|accessibility standards|performance budgets]",
		"[Work with|Pair with] designers on [user journeys|interaction details|prototypes]",
		"Improve [Core Web Vitals|page load times|front-end test coverage]",
	},
	grpMobile: {
		"Build and ship [features|releases] for our [iOS and Android apps|mobile apps] [used by|loved by] {ncust} {cust}",
		"[Own|Improve] the [release process|app store releases|crash-free rate]",
		"[Work with|Pair with] designers and [back-end|API] engineers on [new journeys|features]",
		"Keep the app [fast|stable|accessible] on [older devices|poor connections|every screen size]",
		"[Write|Maintain] [unit and UI tests|automated tests] for [new|existing] features",
	},
	grpData: {
		"Design, build and [maintain|operate] [data pipelines|ETL/ELT pipelines|batch and streaming pipelines]",
		"Model data for [analytics|reporting|machine learning] [use cases|teams]",
		"[Improve|Monitor] data [quality|freshness|lineage] across the [platform|warehouse|lakehouse]",
		"[Work with|Support] analysts and data scientists [to make data easy to use|with well-documented data sets]",
		"[Migrate|Move] [legacy|on-premise] [reports|ETL jobs|warehouses] to the [new|cloud] platform",
		"[Build|Own] [the semantic layer|core data models|data products] [for the business|for {team}]",
		"[Automate|Orchestrate] [ingestion|transformation|testing] [of {n:20-200} sources|end to end]",
	},
	grpML: {
		"[Build|Develop|Train] [models|machine learning models] that [predict|detect|recommend|forecast] [churn|fraud|demand|prices|next best actions]",
		"Take models from [notebook|prototype] to [production|a monitored service]",
		"[Design and analyse|Run] [experiments|A/B tests] [with product teams|to measure impact]",
		"[Explain|Present] [findings|results|model behaviour] to [non-technical|senior] stakeholders",
		"[Evaluate|Build on] [large language models|GenAI tooling|foundation models] for [internal|customer-facing] [use cases|products]",
		"[Work with|Partner with] data engineers on [features|training data|pipelines]",
		"[Monitor|Retrain] models in production and [track|guard against] [drift|bias]",
	},
	grpInfra: {
		"[Build|Maintain|Evolve] [our cloud infrastructure|the platform] [as code|through code]",
		"[Own|Improve] [CI/CD pipelines|build and release pipelines|deployment tooling]",
		"[Improve|Raise] [reliability|availability|security] across [production|all environments]",
		"[Run|Support] [Kubernetes clusters|container platforms|our hosting estate] [in production|at scale]",
		"[Automate|Remove] [toil|manual work|repetitive tasks] [wherever you find it|across the estate]",
		"[Set up|Improve] [monitoring, alerting and logging|observability|dashboards and alerts]",
		"[Join|Take part in] [incident response|the on-call rota|post-incident reviews]",
		"[Keep|Bring] [costs|cloud spend] [under control|down by {n:10-30}%]",
	},
	grpQA: {
		"[Design|Write|Plan] [test plans|test cases|test strategies] for [new features|releases]",
		"[Build|Extend|Maintain] [automated test suites|the test framework] [for web and APIs|in the pipeline]",
		"[Carry out|Run] [functional|regression|exploratory|integration] testing",
		"[Report|Track|Triage] defects and [work with|support] developers [to fix them|on root causes]",
		"[Champion|Promote] quality [across the team|from the start of every story]",
		"[Contribute to|Shape] the [test strategy|definition of done|release process]",
	},
	grpSecurity: {
		"[Monitor|Investigate] [security alerts|events|incidents] [and respond|across the estate]",
		"[Run|Support] [vulnerability management|penetration tests|security assessments]",
		"[Harden|Secure] [cloud environments|endpoints|applications] [against common threats|to agreed standards]",
		"[Maintain|Improve] [policies|controls|procedures] [in line with|for] [ISO 27001|NIST|Cyber Essentials]",
		"[Advise|Support] [engineering teams|the business] on [secure design|threat modelling|risk]",
		"[Write|Tune] [detection rules|playbooks|SIEM use cases]",
	},
	grpArch: {
		"[Define|Own|Shape] the [target architecture|technical vision|solution design] for [major programmes|the platform|new products]",
		"[Produce|Write] [solution designs|architecture decision records|high-level designs]",
		"[Work with|Guide] [delivery teams|engineers] [to deliver|as they build] [to the design|safely]",
		"[Assess|Evaluate] [new technologies|vendors|build-versus-buy options]",
		"[Present|Explain] [designs|trade-offs] to [architecture boards|senior stakeholders|the CTO]",
		"[Make sure|Ensure] solutions are [secure|scalable|cost-effective] and [follow|meet] [standards|principles]",
	},
	grpMgmt: {
		"[Lead|Manage|Grow] a team of {n:4-12} [engineers|developers|people]",
		"[Run|Own] [hiring|recruitment] and [onboarding|career development] for the team",
		"[Set|Own] [technical direction|engineering standards|the team's roadmap] with product [leadership|partners]",
		"[Hold|Run] [regular|weekly] one-to-ones and [support|coach] [each engineer's growth|people to progress]",
		"Balance [delivery|roadmap work] with [technical debt|reliability|quality]",
		"[Report|Communicate] [progress|risks|outcomes] to [senior leadership|the board|stakeholders]",
		"[Manage|Own] [budgets|vendors|third-party suppliers]",
	},
	grpDelivery: {
		"[Plan|Run|Track] [delivery|projects|releases] [from start to finish|end to end]",
		"[Facilitate|Run] [stand-ups|sprint planning|retrospectives|PI planning]",
		"[Manage|Track] [risks|issues|dependencies|RAID logs] and [escalate|act] [early|when needed]",
		"[Keep|Make sure] stakeholders [informed|aligned] [on progress|on scope and budget]",
		"[Own|Prioritise] the [backlog|roadmap] [with|alongside] [the team|stakeholders]",
		"[Report|Present] [status|progress|budgets] to [steering groups|senior leadership]",
		"[Remove|Clear] [blockers|impediments] for the team",
	},
	grpAnalysis: {
		"[Gather|Elicit|Capture] [requirements|business needs] [from stakeholders|across the business]",
		"[Map|Document] [current and future|as-is and to-be] [processes|states]",
		"[Write|Refine] [user stories|acceptance criteria|specifications]",
		"[Analyse|Interpret] data to [find|surface] [trends|insights|opportunities]",
		"[Build|Maintain] [dashboards|reports] [for|used by] [the board|operations|finance]",
		"[Support|Run] [UAT|testing|sign-off] [with|alongside] the business",
		"[Act as|Be] the [link|bridge] between [the business|users] and [technology|delivery teams]",
	},
	grpSupport: {
		"[Provide|Deliver] [1st and 2nd line|first-class|friendly] support to [users|staff] [in person, by phone and remotely|across {n:2-8} sites]",
		"[Log|Track|Resolve] [tickets|incidents|requests] [within SLA|in the service desk tool]",
		"[Set up|Build|Configure] [laptops|devices|accounts] for [new starters|staff]",
		"[Troubleshoot|Fix] [hardware|software|network|printer] [issues|problems]",
		"[Manage|Administer] [user accounts|permissions|licences]",
		"[Write|Update] [knowledge base articles|documentation|guides]",
		"[Escalate|Hand over] [complex issues|problems] to [3rd line|specialist teams|suppliers]",
	},
	grpDesign: {
		"[Design|Craft] [journeys|interfaces|flows] for [web and mobile|the {prod}]",
		"[Run|Plan] [user research|usability tests|interviews] and [share|turn] [findings|insights] [with the team|into designs]",
		"[Build|Test] [prototypes|wireframes] [quickly|at every fidelity]",
		"[Contribute to|Grow] our [design system|component library]",
		"[Work with|Pair with] engineers [through delivery|to ship what you design]",
	},
	grpConsult: {
		"[Configure|Customise|Extend] the [platform|system] to [meet|fit] [business needs|client requirements]",
		"[Run|Lead] [workshops|discovery sessions] with [clients|users|stakeholders]",
		"[Build|Develop] [integrations|workflows|customisations] [with|on] the platform",
		"[Support|Guide] clients through [implementation|go-live|upgrades]",
		"[Write|Produce] [functional|technical] [specifications|designs]",
	},
}

var respGeneric = []string{
	"[Mentor|Support|Coach] [junior|less experienced] [colleagues|team members]",
	"[Share|Spread] knowledge [through|via] [documentation|demos|lunch-and-learns|pairing]",
	"[Work|Collaborate] [closely|openly] with [product|design|operations|customer success] [colleagues|teams]",
	"[Keep|Stay] [up to date|current] with [new tools|industry trends|best practice]",
	"Take [responsibility|ownership] for [your work|what you ship] [from idea to production|end to end]",
	"[Help improve|Contribute to improving] [how the team works|our processes|our ways of working]",
}

// Requirements naming skills, by skill kind; {list} is the ad's skills of that kind.
var reqByKind = [nKinds][]string{
	kLang: {
		"[Strong|Solid|Proven] commercial experience with {list}",
		"You'll be writing {list} [every day|most days], so [fluency|real depth] matters",
		"[Several|A few|{n:2-6}+] years of [professional|production] {list} [development|experience]",
		"[Proficiency|Confidence] in {list}",
		"[Hands-on|Practical] experience [building|shipping] [production|back-end|real-world] [services|systems|code] in {list}",
	},
	kFrontend: {
		"[Strong|Excellent|Solid] {list} [skills|experience]",
		"[Experience building|You've built] [modern|complex|production] front ends with {list}",
		"[A good eye for|Deep knowledge of] {list}",
	},
	kBackend: {
		"[Experience with|Knowledge of] {list}",
		"[You've built|Experience building] [services|APIs] with {list}",
		"[Good|Solid] understanding of {list}",
	},
	kCloud: {
		"Experience with {cloudList}",
		"[Exposure to|Hands-on experience of] [public cloud|cloud platforms] such as {list}",
		"[Comfortable|Confident] [deploying to|working in] {cloudList}",
	},
	kInfra: {
		"[Experience with|Knowledge of] [tooling|tools] [({list})|such as {list}]",
		"[Hands-on experience with|Working knowledge of] {list}",
		"[Comfortable|Experienced] [running|operating] {list} in production",
		"[Familiarity with|Experience of] {list}",
	},
	kDB: {
		"[Good|Solid] knowledge of [relational and NoSQL|SQL and NoSQL] databases, e.g. {list}",
		"Experience [designing schemas in|tuning queries on|working with] {list}",
	},
	kData: {
		"[Experience with|You've worked with] [modern data tooling|the modern data stack] ({list})",
		"[Hands-on|Practical] experience of {list}",
		"[Strong|Good] {list} [skills|knowledge]",
	},
	kML: {
		"[Strong|Solid|Practical] [grounding|experience] in {list}",
		"[Experience applying|You've applied] {list} to [real business problems|production systems]",
		"[Knowledge of|Familiarity with] {list}",
	},
	kPractice: {
		"[Understanding of|Experience with|Good grasp of] {list}",
		"[Practical|Hands-on] experience of {list}",
	},
	kMethod: {
		"[Experience working in|Comfortable in|Used to] {a_list} [environment|team|way of working]",
		"[Understanding of|Experience with] {list}",
	},
	kTool: {
		"[Familiar with|Comfortable using] {list}",
		"[Working knowledge|Experience] of {list}",
	},
	kOS: {
		"[Good|Strong] {list} [skills|administration experience|knowledge]",
		"[Experience|Comfortable] [with|on] {list}",
	},
	kTest: {
		"[Experience with|Hands-on] {list}",
		"[Strong|Proven] {list} [experience|skills]",
	},
	kSecurity: {
		"[Experience in|Knowledge of] {list}",
		"[A background in|Practical experience of] {list}",
	},
	kDesign: {
		"[Expert|Confident] [in|with] {list}",
		"[A portfolio showing|Evidence of] {list} [work|skills]",
	},
	kBiz: {
		"[Strong|Proven|Excellent] {list} [skills|experience]",
		"[Experience of|A track record in] {list}",
	},
	kPlatform: {
		"[Experience with|Strong knowledge of] {list}",
		"[Hands-on|Proven] {list} [experience|delivery experience]",
	},
	kNet: {
		"[Strong|Good] [knowledge|understanding] of {list}",
		"[Experience with|Hands-on] {list}",
	},
	kCert: {
		"{list} [certification|qualification] [is essential|is desirable|preferred|or working towards it]",
		"[Holding|Ideally holding] {list}",
	},
}

var reqGeneric = []string{
	"Experience with {list}",
	"Knowledge of {list}",
	"Familiarity with {list}",
	"{list} experience is [essential|a must|important]",
}

var experience = []string{
	"{yrs} years of [commercial|professional|relevant|industry] experience[ as {a_fam}| in a similar role|]",
	"[Ideally|Typically] {yrs} years in [software engineering|a technical role|a similar position]",
	"[You'll have|You have] {yrs} years' experience [in|of] [a similar role|{sector}|product companies]",
	"[A degree in|Background in] [Computer Science|a STEM subject|a numerate discipline] [or equivalent experience|is useful but not essential|or similar]",
}

var softSkills = []string{
	"[Clear|Excellent|Strong] [communication|written and verbal communication] skills",
	"[A pragmatic|An analytical|A curious] [approach to problem solving|mindset]",
	"[Comfortable|Happy] [working with|talking to] [non-technical|business] stakeholders",
	"[The ability|Able] to [prioritise|manage your own time|work independently] [well|in a busy environment]",
	"[A genuine interest in|Curiosity about] [how things work|new technology|our customers]",
	"[Enjoys|Likes] [mentoring|helping|teaching] others",
	"[Ownership|A sense of ownership] and [a bias to action|attention to detail]",
	"[A collaborative|A team-first] [attitude|approach]",
}

var niceWrappers = []string{
	"Exposure to {list}",
	"Any experience with {list}",
	"{list} would be [a bonus|great|useful|nice]",
	"[Interest in|Curiosity about] {list}",
}

var benefitsUK = []string{
	"{n:25-30} days' holiday plus bank holidays[| and your birthday off]",
	"[Pension|Company pension] with [up to |]{n:4-10}% employer contribution",
	"[Private medical insurance|Private healthcare|Bupa cover][| for you and your family]",
	"[Annual bonus|Performance bonus] of [up to |]{n:5-20}%",
	"£{n:1-3},{n0}00 [annual |yearly |]learning [budget|allowance]",
	"[Cycle to work scheme|Electric car salary sacrifice|Season ticket loan]",
	"Enhanced [parental|maternity and paternity] leave",
	"Life assurance at {n:3-4}x salary",
	"[Share options|Equity|EMI share options] [in a growing company|for everyone|]",
	"[Flexible hours|Flexible working|Core hours of 10-4]",
	"Home office [allowance|set-up budget] of £{n:3-9}00",
	"[Employee assistance programme|Mental health support via an app|Wellbeing allowance]",
	"[Free breakfast|Lunch provided|Free snacks] on office days",
	"{n:2-4} volunteering days a year",
	"[Private dental cover|Dental and optical cover]",
	"[Regular socials|Team socials] and an annual [company retreat|summer party]",
	"[A 9-day fortnight|Summer Fridays|A four-day week pilot]",
	"[Work from anywhere for up to {n:2-6} weeks a year|Up to {n:2-6} weeks working abroad]",
	"[Latest|High-spec] [MacBook|laptop] and kit of your choice",
	"[Gym membership|Discounted gym membership] and [wellness|wellbeing] perks",
	"[Conference tickets|Paid certifications] and time to [learn|study]",
}

var benefitsUS = []string{
	"[Medical, dental and vision insurance|Comprehensive health coverage][| with {n:80-100}% of premiums covered|]",
	"401(k) with {n:3-6}% [match|company match]",
	"[Unlimited PTO|Flexible PTO|{n:15-25} days PTO] plus [company holidays|{n:9-12} paid holidays]",
	"[Equity|Stock options|RSUs] [in a fast-growing company|for every employee|]",
	"[Annual bonus|Performance bonus][| of up to {n:10-20}%|]",
	"Home office stipend of ${n:5-15}00",
	"Paid parental leave ({n:12-20} weeks)",
	"[Commuter benefits|Transit stipend]",
	"Learning stipend of ${n:1-3},{n0}00 a year",
	"[Wellness stipend|Gym reimbursement]",
	"Life and disability insurance",
	"[FSA/HSA|Health savings account] [options|with company contribution]",
	"[Catered lunches|Free lunch] [in the office|on office days]",
	"[Latest|Top-spec] [MacBook Pro|laptop] and [gear|equipment] budget",
	"[Company offsites|Twice-yearly offsites] [in fun places|with the whole team]",
}

var modeSentences = [3][]string{
	onsite: {
		"[This role is|The role is] [based|office-based] in {place}[, five days a week| full time|].",
		"[You'll work from|You'll be based at] our {place} [office|site|studio|HQ][, which is close to the station| in the city centre|].",
		"[This is an|It's an] on-site role in {place}[; we're a small team and work best together|].",
	},
	hybrid: {
		"[We work|This is] hybrid: {n:1-3} days a week in [our|the] {place} office, the rest from home.",
		"[Hybrid working|Flexible hybrid working] with [around|about] {n:1-3} days a [week|fortnight] in {place}.",
		"You'll be [expected|asked] in [the|our] {place} office {n:1-3} days a week[, usually Tuesdays and Thursdays| for team days|].",
		"[Based|Located] in {place} [with|and] [hybrid|flexible] working[ (typically {n:1-3} days on site)|].",
	},
	remote: {
		"[This role is|The role is|It's] fully remote[ within the {country}| anywhere in the {country}|], with [occasional|quarterly|monthly] [meet-ups|team days] in {place}.",
		"[Work from anywhere in the {country}|Remote-first]: [we have|there's] an office in {place} [if you want it|for those who like one].",
		"[Fully remote|100% remote]; [you'll need to|we ask you to] [visit|travel to] {place} [once a quarter|a few times a year].",
	},
}

var contractSentences = []string{
	"[Initial|An initial] {n:3-12}-month contract[ with a strong chance of extension| with view to extend|].",
	"[Start|Start date]: [ASAP|within {n:2-4} weeks|{startMonth}].",
	"{ir35Sentence}",
	"[Day rate|Rate] [is|will be] [dependent on experience|DOE|negotiable for the right person].",
	"[Ongoing|Long-term] [programme|project] with [plenty of|lots of] [work|runway] [ahead|planned].",
}

var contractSentencesUS = []string{
	"{n:6-12}-month contract[, W2 only|; C2C accepted|, with possible conversion to full-time].",
	"[Start|Start date]: [ASAP|within {n:2-4} weeks].",
	"[Contract-to-hire|Potential to convert] after {n:3-6} months.",
}

var salarySentences = []string{
	"[The salary|Salary] for this [role|position] is {sal}[ depending on experience| DOE|].",
	"[We're offering|We can offer] {sal}[ plus benefits| plus a great package|].",
	"[Salary|Pay|Compensation]: {sal}",
	"[The|This] [role|position] pays {sal}[, depending on experience|].",
	"[Package|Remuneration]: {sal} [plus benefits|+ benefits|and the perks below].",
}

var closingDirect = []string{
	"[Sound like you?|Interested?|Like the sound of this?] [Apply|Hit apply|Send us your CV] [and we'll be in touch|today|below].",
	"[Our process|The interview process] is [short|simple|quick]: [a {n:20-45}-minute call|an intro call], [a technical conversation|a pairing session|a take-home task of no more than {n:2-4} hours] and [a final chat|meeting the team].",
	"[We don't expect you to tick every box|Don't worry if you don't meet every requirement] — if [this sounds like you|you're excited by the role], [please apply|we'd love to hear from you].",
	"[We're|{co} is] an equal opportunities employer and [welcome|encourage] applications from [everyone|all backgrounds|people of all backgrounds].",
	"[If you need any adjustments during the process|If you need reasonable adjustments to apply], [just tell us|let us know and we'll make them].",
	"[We're|We are] [committed to|serious about] building [a diverse|an inclusive] team[ and a place where everyone can do their best work|].",
	"[Visa sponsorship|Sponsorship] [is|isn't] available for this role.",
}

var closingAgency = []string{
	"{agency} [is|are] acting as an [employment agency|employment business] [in relation to|for] this vacancy.",
	"[Interested?|Keen to hear more?] [Apply now|Send your CV] [for a confidential chat|and a consultant will be in touch|today].",
	"[Due to|Because of] [the volume of applications|high demand], [only shortlisted candidates will be contacted|we may not reply to every application].",
	"[By applying|When you apply] you [agree|consent] to {agency} [holding|processing] your details [in line with its privacy notice|for recruitment purposes].",
	"[Know someone|Not for you but know someone] [who'd be a fit|suitable]? [Ask us about our referral scheme|We offer a referral bonus].",
}

var headings = [...][]string{
	{"About us", "Who we are", "About {co}", "The company", "Our story"},
	{"About the client", "The client", "The company", "Who they are"},
	{"The role", "About the role", "The opportunity", "What you'll be doing", "The position", "Role overview"},
	{"Responsibilities", "What you'll do", "Key responsibilities", "Your day to day", "In this role you will", "Duties"},
	{"Requirements", "What you'll need", "About you", "Skills and experience", "What we're looking for", "Essential skills", "You'll bring"},
	{"Nice to have", "Desirable", "Bonus points", "It would be great if you had", "Desirable skills"},
	{"Benefits", "What's in it for you", "The package", "Perks", "What we offer", "Why join us"},
	{"Working pattern", "Location", "Where you'll work", "Practicalities", "The details"},
}

const (
	hAbout = iota
	hClient
	hRole
	hResp
	hReq
	hNice
	hBenefits
	hPractical
)

// doc writes paragraphs, headings and bullet lists as plain text or HTML.
type doc struct {
	b      []byte
	html   bool
	style  int    // heading style
	bullet string // plain-text bullet
	br     string // paragraph break in plain text
}

func (d *doc) text(s []byte) {
	if !d.html {
		d.b = append(d.b, s...)
		return
	}
	for _, c := range s {
		switch c {
		case '&':
			d.b = append(d.b, "&amp;"...)
		case '<':
			d.b = append(d.b, "&lt;"...)
		case '>':
			d.b = append(d.b, "&gt;"...)
		default:
			d.b = append(d.b, c)
		}
	}
}

func (d *doc) heading(h []byte) {
	switch {
	case d.html && d.style == 0:
		d.b = append(d.b, "<p><strong>"...)
		d.text(h)
		d.b = append(d.b, "</strong></p>"...)
	case d.html && d.style == 1:
		d.b = append(d.b, "<h3>"...)
		d.text(h)
		d.b = append(d.b, "</h3>"...)
	case d.html:
		d.b = append(d.b, "<p><b>"...)
		d.text(h)
		d.b = append(d.b, ":</b></p>"...)
	case d.style == 0:
		d.text(h)
		d.b = append(d.b, '\n')
	case d.style == 1:
		d.text(h)
		d.b = append(d.b, ":\n"...)
	default:
		d.b = append(d.b, strings.ToUpper(string(h))...)
		d.b = append(d.b, '\n')
	}
}

func (d *doc) paraStart() {
	if d.html {
		d.b = append(d.b, "<p>"...)
	}
}

func (d *doc) paraEnd() {
	if d.html {
		d.b = append(d.b, "</p>"...)
	} else {
		d.b = append(d.b, d.br...)
	}
}

func (d *doc) listStart() {
	if d.html {
		d.b = append(d.b, "<ul>"...)
	}
}

func (d *doc) item(s []byte) {
	if d.html {
		d.b = append(d.b, "<li>"...)
		d.text(s)
		d.b = append(d.b, "</li>"...)
		return
	}
	d.b = append(d.b, d.bullet...)
	d.text(s)
	d.b = append(d.b, '\n')
}

func (d *doc) listEnd() {
	if d.html {
		d.b = append(d.b, "</ul>"...)
	} else if d.br == "\n\n" {
		d.b = append(d.b, '\n')
	}
}

// description writes the ad's description into dst. inDesc is the pay to quote in it, if any.
func (g *generator) description(dst []byte, r *rand.Rand, s *adState, inDesc string) []byte {
	d := &doc{b: dst, html: s.html, style: r.IntN(3)}
	d.bullet = [...]string{"- ", "• ", "* ", "· "}[r.IntN(4)]
	d.br = pick2(r.Float64() < 0.6, "\n\n", "\n")
	c := &ctx{g: g, r: r, s: s, sal: inDesc}
	c.prepare()

	// Optional opening line.
	if r.Float64() < 0.3 {
		d.paraStart()
		c.sentences(d, []string{
			"{role} | {locWord} | [{empWord}|{modeWord}]",
			"[We're hiring|Now hiring|Hiring now]: {role} ({locWord})",
			"{role} — {locWord} — {modeWord}",
			"[Job title|Role]: {role}",
		}, 1)
		d.paraEnd()
	}
	about := func() {
		if s.agency != "" {
			if r.Float64() < 0.5 {
				c.heading(d, hClient)
			}
			d.paraStart()
			c.sentences(d, introAgency, 2+r.IntN(3))
			d.paraEnd()
			return
		}
		if r.Float64() < 0.6 {
			c.heading(d, hAbout)
		}
		d.paraStart()
		c.sentences(d, introDirect, 3+r.IntN(3))
		d.paraEnd()
	}
	role := func() {
		if r.Float64() < 0.6 {
			c.heading(d, hRole)
		}
		d.paraStart()
		c.sentences(d, roleSentences, 3+r.IntN(3))
		d.paraEnd()
	}
	if r.Float64() < 0.7 {
		about()
		role()
	} else {
		role()
		about()
	}

	// Responsibilities.
	c.heading(d, hResp)
	resp := append(c.pool[:0], respByGroup[s.fam.grp]...)
	nGen := r.IntN(3)
	for range nGen {
		resp = append(resp, respGeneric[r.IntN(len(respGeneric))])
	}
	c.pool = resp
	c.list(d, resp, 5+r.IntN(3))

	// Requirements: the skills in prose, experience and soft skills.
	c.heading(d, hReq)
	d.listStart()
	c.requirements(d)
	d.listEnd()

	if len(c.nice) > 0 {
		c.heading(d, hNice)
		d.listStart()
		c.skillItems(d, c.nice, niceWrappers)
		d.listEnd()
	}

	practical := func() {
		if s.mode == onsite && s.emp != empContract && c.sal == "" && r.Float64() < 0.5 {
			return
		}
		if r.Float64() < 0.5 {
			c.heading(d, hPractical)
		}
		d.paraStart()
		c.sentences(d, modeSentences[s.mode], 1)
		if s.emp == empContract {
			d.b = append(d.b, ' ')
			c.sentences(d, pick2(s.uk, contractSentences, contractSentencesUS), 1+r.IntN(2))
		}
		if c.sal != "" {
			d.b = append(d.b, ' ')
			c.sentences(d, salarySentences, 1)
		}
		d.paraEnd()
	}
	benefits := func() {
		if s.emp == empContract && r.Float64() < 0.7 {
			return
		}
		c.heading(d, hBenefits)
		c.list(d, pick2(s.uk, benefitsUK, benefitsUS), 4+r.IntN(4))
	}
	if r.Float64() < 0.5 {
		practical()
		benefits()
	} else {
		benefits()
		practical()
	}

	d.paraStart()
	if s.agency != "" {
		c.sentences(d, closingAgency, 1+r.IntN(2))
	} else {
		c.sentences(d, closingDirect, 1+r.IntN(2))
	}
	d.paraEnd()
	return trimRight(d.b)
}

// tidy removes the doubled spaces and spaces before punctuation that empty alternatives leave, in
// place.
func tidy(b []byte) []byte {
	if !needsTidy(b) {
		return b
	}
	out := b[:0]
	for _, ch := range b {
		switch {
		case ch == ' ' && (len(out) == 0 || out[len(out)-1] == ' '):
			continue
		case (ch == '.' || ch == ',' || ch == ')' || ch == ';' || ch == ':') && len(out) > 0 && out[len(out)-1] == ' ':
			out = out[:len(out)-1]
		}
		out = append(out, ch)
	}
	return trimRight(out)
}

func needsTidy(b []byte) bool {
	if len(b) > 0 && (b[0] == ' ' || b[len(b)-1] == ' ') {
		return true
	}
	for i := 0; i+1 < len(b); i++ {
		if b[i] == ' ' {
			if c := b[i+1]; c == ' ' || c == '.' || c == ',' || c == ')' || c == ';' || c == ':' {
				return true
			}
		}
	}
	return false
}

func trimRight(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == ' ') {
		b = b[:len(b)-1]
	}
	return b
}

// ctx is the state of writing one description.
type ctx struct {
	g     *generator
	r     *rand.Rand
	s     *adState
	sal   string
	first [nKinds]int // first skill of each kind, -1 if none
	req   []int       // skills asked for
	nice  []int       // skills listed as nice to have
	used  [64]bool    // templates already used in the current list
	pool  []string
	tmp   []byte
	// listSkills are the skills {list} names.
	listSkills []int
}

func (c *ctx) prepare() {
	for k := range c.first {
		c.first[k] = -1
	}
	sk := c.s.skills
	// The last skills drawn (and their partners) are more often nice-to-haves.
	nNice := 0
	if len(sk) > 4 && c.r.Float64() < 0.7 {
		nNice = 1 + c.r.IntN(min(3, len(sk)-3))
	}
	c.req = sk[:len(sk)-nNice]
	c.nice = sk[len(sk)-nNice:]
	for _, i := range sk {
		k := skills[i].kind
		if c.first[k] < 0 {
			c.first[k] = i
		}
	}
}

func (c *ctx) heading(d *doc, h int) {
	c.tmp = c.tmp[:0]
	opts := headings[h]
	c.tmp, _ = c.expand(c.tmp, opts[c.r.IntN(len(opts))])
	d.heading(c.tmp)
}

// sentences writes n different sentences from tpls, separated by spaces.
func (c *ctx) sentences(d *doc, tpls []string, n int) {
	clear(c.used[:])
	wrote := 0
	for tries := 0; wrote < n && tries < n*6; tries++ {
		i := c.r.IntN(len(tpls))
		if i < len(c.used) && c.used[i] {
			continue
		}
		var ok bool
		c.tmp, ok = c.expand(c.tmp[:0], tpls[i])
		if !ok {
			continue
		}
		c.tmp = tidy(c.tmp)
		if i < len(c.used) {
			c.used[i] = true
		}
		if wrote > 0 {
			d.b = append(d.b, ' ')
		}
		d.text(c.tmp)
		wrote++
	}
}

// list writes n different items from tpls as a bullet list (or, in a quarter of plain-text ads, as
// sentences in one paragraph).
func (c *ctx) list(d *doc, tpls []string, n int) {
	n = min(n, len(tpls))
	clear(c.used[:])
	inline := !d.html && c.r.Float64() < 0.25
	if inline {
		d.paraStart()
	} else {
		d.listStart()
	}
	wrote := 0
	for tries := 0; wrote < n && tries < n*6; tries++ {
		i := c.r.IntN(len(tpls))
		if i < len(c.used) && c.used[i] {
			continue
		}
		var ok bool
		c.tmp, ok = c.expand(c.tmp[:0], tpls[i])
		if !ok {
			continue
		}
		c.tmp = tidy(c.tmp)
		if i < len(c.used) {
			c.used[i] = true
		}
		if inline {
			if wrote > 0 {
				d.b = append(d.b, ' ')
			}
			d.text(c.tmp)
			d.b = append(d.b, '.')
		} else {
			d.item(c.tmp)
		}
		wrote++
	}
	if inline {
		d.paraEnd()
	} else {
		d.listEnd()
	}
}

// requirements writes the requirement items: each skill named once, grouped by kind, with
// experience and soft skills mixed in.
func (c *ctx) requirements(d *doc) {
	r := c.r
	c.skillItems(d, c.req, nil)
	c.tmp, _ = c.expand(c.tmp[:0], experience[r.IntN(len(experience))])
	d.item(tidy(c.tmp))
	clear(c.used[:])
	for range 1 + r.IntN(3) {
		i := r.IntN(len(softSkills))
		if c.used[i] {
			continue
		}
		c.used[i] = true
		c.tmp, _ = c.expand(c.tmp[:0], softSkills[i])
		d.item(tidy(c.tmp))
	}
}

// skillItems writes one item per group of skills of the same kind (at most three a group), using
// wrappers when given, else the kind's templates.
func (c *ctx) skillItems(d *doc, sk []int, wrappers []string) {
	r := c.r
	done := make([]bool, len(sk))
	for i := range sk {
		if done[i] {
			continue
		}
		kind := skills[sk[i]].kind
		group := []int{sk[i]}
		done[i] = true
		for j := i + 1; j < len(sk) && len(group) < 3; j++ {
			if !done[j] && skills[sk[j]].kind == kind && r.Float64() < 0.7 {
				group = append(group, sk[j])
				done[j] = true
			}
		}
		tpls := wrappers
		if tpls == nil {
			tpls = reqByKind[kind]
			if len(tpls) == 0 || r.Float64() < 0.15 {
				tpls = reqGeneric
			}
		}
		c.listSkills = group
		c.tmp, _ = c.expand(c.tmp[:0], tpls[r.IntN(len(tpls))])
		d.item(tidy(c.tmp))
	}
	c.listSkills = nil
}
