package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// O*NET technology skills. Every technology example of O*NET's Technology Skills file is considered,
// not only the Hot Technologies; what is kept is decided in steps:
//
//  1. The commodity class of an example gives its category (after IT Jobs Watch) and a tier: core IT
//     classes (development, databases, operating systems, networks), business applications, and
//     classes far from IT (medical, music, tax).
//  2. Generic names ("Word processing software", "Inventory tracking software") describe a kind of
//     software rather than a product and are dropped.
//  3. Names are cleaned: " software" removed, "Structured query language SQL" becomes "SQL" with the
//     spelled-out form as an alias, and "Microsoft SharePoint" gets the alias "SharePoint".
//  4. An example is kept when its tier allows: core IT always, business applications when used by two
//     or more occupations, flagged Hot or In Demand, or popular on Stack Overflow, the rest only when
//     both used and popular.
//  5. Names that are also ordinary words are guarded so that they count only written as the product
//     is, near other skills; names that are only ordinary words are left out. A one-word name is an
//     ordinary word when O*NET's or ESCO's occupation descriptions write it in lower case ("FIT",
//     "CASE", "REDUCE"), or when commonWords lists it.
//
// Stack Overflow tag counts (CC BY-SA) are read only here, as evidence of popularity; no text of
// theirs is written to the output.

// commodityClass is what a UNSPSC commodity of O*NET says about its examples.
type commodityClass struct {
	category string
	tier     int // 0 core IT, 1 business application, 2 far from IT
}

// classify maps an O*NET commodity title to a category and tier.
func classify(commodity string) commodityClass {
	c := strings.ToLower(commodity)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(c, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("operating system", "filesystem", "device drivers", "network operating"):
		return commodityClass{"Operating Systems", 0}
	case has("data base management", "object oriented data base", "data mining", "metadata"):
		return commodityClass{"Database & Business Intelligence", 0}
	case has("data base user interface", "data base reporting", "business intelligence"):
		// Broad classes in O*NET: they hold research databases and reporting tools of every trade.
		return commodityClass{"Database & Business Intelligence", 1}
	case has("development environment", "program testing", "file versioning", "graphical user interface",
		"compiler", "requirements analysis"):
		return commodityClass{"Development Applications", 0}
	case has("object or component", "web platform", "enterprise application integration", "platform interconnectivity"):
		return commodityClass{"Libraries, Frameworks & Software Standards", 0}
	case has("cloud-based data access"):
		return commodityClass{"Cloud Services", 0}
	case has("configuration management", "system management", "cloud-based management", "network monitoring",
		"administration", "backup", "storage networking", "clustering", "transaction security", "license management",
		"cloud-based protection", "authentication server", "access software"):
		return commodityClass{"Systems Management", 0}
	case has("router", "switching", "network security", "network connectivity", "internet protocol", "lan software",
		"wireless", "gateway", "communications server", "internet directory", "software defined networking",
		"optical network", "bridge software"):
		return commodityClass{"Communications & Networking", 0}
	case has("application server", "transaction server", "portal server"):
		return commodityClass{"Application Platforms", 0}
	case has("analytical or scientific", "expert system", "categorization", "charting", "risk management data"):
		return commodityClass{"Database & Business Intelligence", 1}
	case has("conferencing", "electronic mail", "instant messaging", "desktop communications", "mobile messaging",
		"interactive voice", "contact center", "helpdesk"):
		return commodityClass{"Communications & Networking", 1}
	case has("medical", "music", "computer based training", "multi-media educational", "point of sale", "tax preparation",
		"industrial control", "computer aided manufacturing", "compliance", "facilities management", "library software",
		"time accounting", "foreign language", "route navigation", "label making", "pattern design", "games",
		"legal management", "aviation", "flight control", "voice recognition", "voice synthesizer", "spell checker",
		"dictionary", "mailing and shipping", "bar coding", "fax", "printer driver", "graphics card", "audit",
		"procedure management", "mobile location", "mobile operator", "storage media", "data compression"):
		return commodityClass{"Application Platforms", 2}
	}
	return commodityClass{"Application Platforms", 1}
}

// onetVendors are vendor names O*NET writes before a product; the product is also found without them.
var onetVendors = []string{"Amazon Web Services AWS", "Amazon Web Services", "Microsoft", "Oracle", "Apache", "Amazon",
	"Atlassian", "IBM", "Adobe Systems", "Adobe", "Google", "Autodesk", "The MathWorks", "Dassault Systemes", "Intuit",
	"Trimble", "ESRI", "Red Hat", "Apple", "Bentley", "Cisco", "Eclipse", "SAP", "Corel", "Symantec", "Siemens",
	"Cadence", "Synopsys", "Thomson Reuters", "Hewlett Packard Enterprise", "Hewlett-Packard", "HP", "VMware",
	"Salesforce", "Citrix", "Infor", "Epicor", "PTC", "Mentor Graphics", "National Instruments", "Xilinx", "Intel",
	"Facebook", "Meta", "JetBrains", "Informatica", "Teradata", "Qlik Tech", "Qlik", "Tableau", "Splunk", "Dell",
	"EMC", "NetApp", "Juniper Networks", "Palo Alto Networks", "Fortinet", "Check Point", "McAfee", "SolarWinds",
	"Quest", "CA", "BMC", "Micro Focus", "Progress", "Sybase", "Software AG", "TIBCO", "MicroStrategy", "Alteryx",
	"StataCorp", "SAS", "Minitab", "Wolfram Research", "Bentley Systems", "Altair", "ANSYS", "MSC Software",
	"Unity Technologies", "Epic Games", "Zoho", "Sage", "Workday", "ServiceNow", "Docker", "HashiCorp", "Elastic",
	"MongoDB", "Redis Labs", "Cloudera", "Hortonworks", "Databricks", "Snowflake", "GitHub", "GitLab", "Jenkins",
	"JetBrains", "Jira", "Slack", "Zoom", "Dropbox", "Box", "Twilio", "Stripe", "PayPal", "Shopify", "Magento",
	"Acquia", "WordPress", "Blackboard", "Instructure", "McKesson", "Cerner", "Allscripts", "Epic Systems",
	"Kronos", "ADP", "Ceridian", "Ultimate Software", "SuccessFactors", "NetSuite", "Deltek", "Unit4", "Xero",
	"QuickBooks", "Bloomberg", "FactSet", "Refinitiv", "Moody's", "Experian", "Equifax", "LexisNexis",
	"Hyland", "OpenText", "Laserfiche", "Nuance", "Avid", "Apple Inc", "Wind River", "Green Hills", "ARM",
	"Texas Instruments", "Rockwell Automation", "Rockwell", "Schneider Electric", "ABB", "Honeywell", "GE",
	"Emerson", "Yokogawa", "Wonderware", "AVEVA", "Aspen Technology", "AspenTech", "OSIsoft", "Keysight",
	"Agilent", "Tektronix", "Rational", "Borland", "Embarcadero", "Sun Microsystems", "Sun", "Novell", "Unisys",
	"Computer Associates", "Compuware", "Hitachi", "Fujitsu", "NEC", "Huawei", "Ericsson", "Nokia", "Avaya",
	"Mitel", "Polycom", "RingCentral", "Genesys", "Five9", "Zendesk", "Freshworks", "HubSpot", "Marketo",
	"Mailchimp", "Hootsuite", "Sprout Social", "Kaltura", "Vimeo", "Wistia", "Smartsheet", "Asana", "Monday.com",
	"Trello", "Basecamp", "Wrike", "Airtable", "Notion", "Evernote", "Canva", "Figma", "Sketch", "InVision",
	"Balsamiq", "Axure", "Lucid", "Visio", "Bluebeam", "Procore", "Trimble Navigation", "Hexagon", "Intergraph",
	"Leica", "Topcon", "Carlson", "Vectorworks", "Nemetschek", "Graphisoft", "Chief Architect", "SketchUp"}

// adAcronyms are O*NET acronyms that job ads use for something else: DOE is "depending on experience",
// SMS a text message, OTE "on-target earnings", MAX and SAM mostly words or names, TRAC the NHS
// recruitment site ("check your Trac account"), COMPARE the verb ("compare predictive
// models").
var adAcronyms = toSet(`doe sms ote max sam pms mom trac compare`)

// wordAcronyms are O*NET acronyms that are also English words or names, found in ads in their other
// sense ("SAN FRANCISCO", "dot com", "an ace team"); O*NET's occupation descriptions, where the other
// words of the kind are found, do not use these.
var wordAcronyms = toSet(`san com ace air calm case doors fit gems icon jet magic mars pads paws sand spice trace
grass cubic dos birt blat splat slam`)

// commonWords are ordinary English words that O*NET names, or what is left of them without the vendor,
// may be: "Project" (Microsoft Project), "Scheduling software". Such a word is never a skill alone.
var commonWords = toSet(`a about access account accounting act action active ad adaptive address addressing advanced
agenda agent aid air alert algae algorithmic alliance analysis analytical analyze analyzer anchor animation answer
antivirus apex appraisal archive arrow art assessment assistant atlas audit auditing author autopilot avenue backup
balance bank banner barcode base basic beacon bee billing bing blink blackboard block blogging blue board book
bookkeeping boost bootstrap box bridge brightness broker brokerage budgeting builder bundle business cadence
calculator calendar calibration campus canvas capture card cardinal cartography cascade case cataloging catalyst
central chat chatbot charting check choice choreography circuit citation clarity classic clear click client clip
clipper clock cloud clustering coach code collaborate collect colony command commerce compass compiler compilers
compliance composer compounder compose concept connect connections connectivity console contact content control
converge copper core counseling courier cover craft create crest cube current cursor cyclone dash dashboard data
database dayforce debuggers debugging decide decision decompilers delta dental deployment design designer desk
desktop diagnostic diagramming diameter dictation dig digital digitizing direct director directory discover
discovery docs document domino dossier draft drafting drawing drive drop dynamics eagle echo edge edit editing
editor educational element elite emulators encoder encompass encryption enigma enterprise envision equinox estimating
evolve excavator excel exchange expert explorer express fabric falcon ferret file filing finance find firewall flash
flex flow flowcharting focus forge form forms forth fortress forum frame freedom fusion galaxy gateway gauge genealogy
genesis genotyping glance global globe go grade graph graphics graphing gravitation grid guardian guide harbor harmony
harvest helix hive horizon host hotspot hub hunter icon ideal image imaging impact impression impromptu indicator
infinity inform insight inspect inspire instructional integrate integrity interact interpreter interviewer invoice
inventory journal journey key keystone kinetic labeling label lab lattice launch ledger legacy legal lens level
library lifecycle lighthouse link listen logger logic logplot lookout loom lotus lumen magnet maintenance manager map
mapping marker market matrix maven maximizer medical meet mentor merlin mesh message meteor metric migration millennium
mirror mission mobile modeling modular momentum monitor mosaic motion multitask music navigation navigator neon
nexus note notes nova nucleus oasis object office omega omni open optimization optimizer oracle orbit orchestra
ordering outlook pace packet page palette panorama paragon patternmaking payroll peak pegasus penta penultimate
photogrammetric pilot pinnacle pioneer pipeline pivot planner planning platform plus podcasting point portal post
posting power premier presentation pricing prime prism pro procurement productivity profilers profile project prompt
prospect pulse purchasing quest quick radar radius rally range rapid reach recipe record recordkeeping recovery
reflect relay reporting reservation resolve resource response revolution ridge ripple route router routing sage
sales sapphire scanning scheduling scholar scope scribe scripting search sentinel sequel server service shape shell
shield shipping signal simulation sketch smart snap solution sonar sortation spark spectroscopy spectrum sphere
spotlight spreadsheet square stack standard star statistical statistics steady storm stream studio summit survey
switch symphony sync synergy system systems table tandem target task tax teams telemetry telephony teleconferencing
tempo terminal testing text thinking thunder tide timekeeping timeline titan topaz total touch tower trace traceability
tracker trading training transcription traverse trend trident trinity triton troubleshooting trust turbo twin
underwriting unify unity universe update vantage vector velocity velvet venture verification vertex vertical vision
vista visual voice vortex voyager wave web webinar wiki window windows wizard word work workflow works workspace
xpress zenith zone email automation clinical classroom derivatives detect mathematical middleware money
professional projects reports specification video world paint painter presenter publisher sheets sites slides trim
jersey ant arena audition continuum inventor keynote opus pig rational darwin chrome safari calibre maxima distiller
paradox cocoa shiny squeegee seesaw tadpoles cufflinks kismet bowtie calm`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// properWord reports whether a word of a name marks it as a product: a capital after the first
// letter, a digit or a symbol ("QuickBooks", "G-code", "Node.js", "C++"), or any capital when it is not
// the first word.
func properWord(w string, first bool) bool {
	for i, r := range w {
		switch {
		case unicode.IsDigit(r), strings.ContainsRune(".+#&!/@", r):
			return true
		case unicode.IsUpper(r) && (i > 0 || !first):
			return true
		}
	}
	return false
}

// distinctive reports whether a one-word name is unlike any English word: mixed case, digits or
// symbols ("MySQL", "iOS", "Node.js", "S3"), or all capitals of three letters or more ("SQL", "UNIX").
func distinctive(w string) bool {
	if properWord(w, true) {
		return true
	}
	if len(w) >= 3 && w == strings.ToUpper(w) && strings.ToLower(w) != w {
		return true
	}
	return false
}

// soPopularity reads Stack Overflow's tag counts and synonyms (build time only) and returns a lookup
// from a name to the count of the tag it would be.
func soPopularity(dir string) (func(name string) int, error) {
	counts := map[string]int{}
	rows, err := readCSV(filepath.Join(dir, "Tags.csv"))
	if err != nil {
		return nil, err
	}
	for _, r := range rows[1:] {
		if len(r) > 2 {
			n, _ := strconv.Atoi(r[2])
			counts[r[1]] = n
		}
	}
	rows, err = readCSV(filepath.Join(dir, "TagSynonyms.csv"))
	if err != nil {
		return nil, err
	}
	for _, r := range rows[1:] {
		if len(r) > 2 && counts[r[1]] == 0 {
			counts[r[1]] = counts[r[2]]
		}
	}
	return func(name string) int {
		k := strings.ToLower(strings.Join(strings.Fields(name), "-"))
		best := counts[k]
		for _, alt := range []string{strings.ReplaceAll(k, ".", ""), strings.TrimSuffix(k, ".js"), k + ".js",
			strings.ReplaceAll(k, "-", "")} {
			if counts[alt] > best {
				best = counts[alt]
			}
		}
		return best
	}, nil
}

type onetTech struct {
	name        string
	count       int
	hot         bool
	commodities map[string]int
}

func (t *onetTech) commodity() string {
	best, n := "", -1
	for c, k := range t.commodities {
		if k > n || k == n && c < best {
			best, n = c, k
		}
	}
	return best
}

func readONET(path string) (map[string]*onetTech, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	techs := map[string]*onetTech{}
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("technology skills: %w", err)
		}
		if first || len(rec) < 6 {
			continue
		}
		t := techs[rec[1]]
		if t == nil {
			t = &onetTech{name: rec[1], commodities: map[string]int{}}
			techs[rec[1]] = t
		}
		t.count++
		t.commodities[rec[3]]++
		t.hot = t.hot || rec[4] == "Y" || rec[5] == "Y"
	}
	return techs, nil
}

// cleanName removes what a name cannot be matched with: the word "software", symbols the skills file
// uses for guards, and a trailing "!" ("Kahoot!").
func cleanName(s string) string {
	s = strings.NewReplacer("\t", " ", "|", " ", "?", "", "!", "").Replace(s)
	f := strings.Fields(s)
	for len(f) > 1 && (f[len(f)-1] == "software" || f[len(f)-1] == "Software") {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// onetSkill is a kept O*NET example, ready to write.
type onetSkill struct {
	name, category string
	aliases        []string // with guard suffixes
}

// planONET decides what becomes of one O*NET example; it returns nil for one left out and a reason.
func planONET(t *onetTech, pop func(string) int, core map[string]bool, ordinary map[string]bool) (*onetSkill, string) {
	cls := classify(t.commodity())
	name := cleanName(t.name)
	words := strings.Fields(name)
	if len(words) == 0 {
		return nil, "empty"
	}
	// Generic: no word marks a product.
	proper := false
	for i, w := range words {
		if properWord(w, i == 0) {
			proper = true
		}
	}
	if len(words) > 1 && !proper {
		return nil, "generic"
	}
	if len(words) == 1 && commonWords[strings.ToLower(words[0])] {
		return nil, "common word"
	}
	if len(words) == 1 && !proper && strings.HasSuffix(strings.ToLower(t.name), " software") && pop(name) < 500 {
		return nil, "generic"
	}

	canonical := name
	var aliases []string
	// "Structured query language SQL": the acronym is the name, the words an alias.
	if len(words) > 1 {
		last := words[len(words)-1]
		if len(last) >= 2 && last == strings.ToUpper(last) && strings.IndexFunc(last, unicode.IsLetter) >= 0 &&
			!strings.ContainsAny(last, "0123456789") && !properAny(words[:len(words)-1]) {
			canonical = last
			if len(words) > 2 {
				aliases = append(aliases, strings.Join(words[:len(words)-1], " "))
			}
		} else if len(last) >= 3 && last == strings.ToUpper(last) && strings.IndexFunc(last, unicode.IsLetter) >= 0 &&
			len(words) > 2 && properAny(words[:len(words)-1]) && initialsOf(last, words[:len(words)-1]) {
			// "Internet Protocol Security IPSEC", "Apache Subversion SVN": the words are the name, the
			// acronym an alias written in capitals.
			canonical = strings.Join(words[:len(words)-1], " ")
			name = canonical
			aliases = append(aliases, last+"!")
		}
	}
	// "Microsoft SharePoint": also "SharePoint".
	if canonical == name {
		for _, v := range onetVendors {
			if strings.HasPrefix(name, v+" ") {
				short := strings.TrimSpace(name[len(v):])
				sw := strings.Fields(short)
				if len(short) < 2 || len(sw) == 1 && commonWords[strings.ToLower(short)] || len(sw) > 1 && !properAny(sw) {
					break
				}
				if len(sw) == 1 && !distinctive(short) && (pop(short) < 200 || len(short) < 4) {
					// "Zoho Projects", "Oracle Reports": the product is not known by the word alone.
					break
				}
				canonical = short
				aliases = append(aliases, name)
				break
			}
		}
	}
	if t.name != name && !contains(aliases, t.name) && t.name != canonical {
		aliases = append(aliases, cleanName(t.name))
	}
	if core[norm(canonical)] || core[norm(name)] || core[norm(t.name)] {
		return nil, "known"
	}
	for _, a := range aliases {
		if core[norm(a)] {
			return nil, "known"
		}
	}

	// An acronym that ads use for something else ("DOE": depending on experience, "SMS": text messages)
	// is known by its spelled-out name only, and left out when it has none.
	if adAcronyms[strings.ToLower(canonical)] {
		if len(aliases) == 0 || strings.ToUpper(aliases[0]) == aliases[0] {
			return nil, "acronym of ads"
		}
		canonical, aliases = aliases[0], aliases[1:]
	}

	// Keep what the tier allows.
	p := pop(canonical)
	if q := pop(name); q > p {
		p = q
	}
	if cw := strings.Fields(canonical); len(cw) == 1 && !distinctive(canonical) && !t.hot && p < 200 {
		return nil, "plain word"
	}
	if len(canonical) <= 2 && !t.hot {
		return nil, "too short"
	}
	switch cls.tier {
	case 1:
		if t.count < 2 && !t.hot && p < 50 {
			return nil, "rare"
		}
	case 2:
		if !t.hot && (t.count < 3 || p < 50) {
			return nil, "far from IT"
		}
	}

	cat := cls.category
	// One word that is not plainly a product name counts only as written, near other skills; so does an
	// acronym that is also an ordinary word ("FIT", "CASE", "REDUCE"), which would otherwise match "fit".
	guard := ""
	if lc := strings.ToLower(canonical); len(strings.Fields(canonical)) == 1 && (!distinctive(canonical) || ordinary[lc] || commonWords[lc]) {
		guard = "!"
	}
	if len(canonical) <= 2 {
		guard = "!"
	}
	// An acronym that is also a word ("MAX", "SAN", "COM"): only in capitals, near other skills, so
	// that "100ms max", "dot com" and "Max Levchin" are not it.
	if lc := strings.ToLower(canonical); canonical == strings.ToUpper(canonical) && len(strings.Fields(canonical)) == 1 &&
		(ordinary[lc] || commonWords[lc] || wordAcronyms[lc]) {
		guard = "!"
	}
	// Several words, none of them a vendor or plainly a product name ("After the Deadline", "Time
	// Matters"): only as written.
	if cw := strings.Fields(canonical); len(cw) > 1 && !hasVendor(canonical) {
		plain := true
		for _, w := range cw {
			if distinctive(w) {
				plain = false
			}
		}
		if plain {
			guard = "!"
		}
	}
	out := &onetSkill{name: canonical, category: cat}
	if guard != "" {
		out.aliases = append(out.aliases, canonical+guard)
	}
	seen := map[string]bool{strings.ToLower(canonical): true}
	for _, a := range aliases {
		if a = strings.TrimSpace(a); a != "" && !seen[strings.ToLower(a)] && len(strings.Fields(a)) <= 6 {
			seen[strings.ToLower(a)] = true
			out.aliases = append(out.aliases, a)
		}
	}
	return out, ""
}

// hasVendor reports whether a name begins with a vendor's name.
func hasVendor(name string) bool {
	for _, v := range onetVendors {
		if strings.HasPrefix(name, v+" ") {
			return true
		}
	}
	return false
}

// initialsOf reports whether the letters of acronym begin words in order ("SVN" for "Apache Subversion"
// is false, "IPSEC" for "Internet Protocol Security" true): at least its first letter must begin the
// first word it stands for.
func initialsOf(acronym string, words []string) bool {
	a := strings.ToLower(acronym)
	for _, w := range words {
		if a != "" && strings.HasPrefix(strings.ToLower(w), a[:1]) {
			return true
		}
	}
	return false
}

func properAny(words []string) bool {
	for i, w := range words {
		if properWord(w, i == 0) {
			return true
		}
	}
	return false
}

func buildONET(data, out string, core map[string]bool) error {
	techs, err := readONET(filepath.Join(data, "skills", "onet_29_2", "Technology Skills.txt"))
	if err != nil {
		return err
	}
	pop, err := soPopularity(filepath.Join(data, "skills", "stackoverflow_tags"))
	if err != nil {
		return fmt.Errorf("stack overflow tags: %w", err)
	}
	ordinary, err := ordinaryWords(filepath.Join(data, "skills", "onet_29_2", "Occupation Data.txt"), '\t', 2)
	if err != nil {
		return fmt.Errorf("occupation data: %w", err)
	}
	esco, err := ordinaryWords(filepath.Join(data, "skills", "esco_v1_subset", "occupations_en.csv"), ',', 12)
	if err != nil {
		return fmt.Errorf("esco occupations: %w", err)
	}
	for w := range esco {
		ordinary[w] = true
	}
	var names []string
	for k := range techs {
		names = append(names, k)
	}
	sort.Strings(names)
	taken := map[string]bool{}
	for k := range core {
		taken[k] = true
	}
	var kept []*onetSkill
	reasons := map[string]int{}
	for _, n := range names {
		s, why := planONET(techs[n], pop, core, ordinary)
		if s == nil {
			reasons[why]++
			continue
		}
		if taken[norm(s.name)] {
			reasons["duplicate"]++
			continue
		}
		taken[norm(s.name)] = true
		var al []string
		for _, a := range s.aliases {
			k := norm(strings.TrimRight(a, "!?"))
			if k == norm(s.name) || !taken[k] {
				taken[k] = true
				al = append(al, a)
			}
		}
		s.aliases = al
		kept = append(kept, s)
	}
	sort.Slice(kept, func(i, j int) bool { return strings.ToLower(kept[i].name) < strings.ToLower(kept[j].name) })
	f, err := os.Create(filepath.Join(out, "skills_onet.tsv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Technology skills: generated by taxonomy/internal/build from O*NET 29.2 Technology Skills (all technology")
	fmt.Fprintln(w, "# examples; names shortened, categories mapped from commodity classes, generic and rare rows filtered out).")
	fmt.Fprintln(w, "# O*NET 29.2 Database by USDOL/ETA, used under CC BY 4.0. USDOL/ETA has not approved these modifications.")
	fmt.Fprintln(w, "# name\tcategory\taliases")
	for _, s := range kept {
		fmt.Fprintf(w, "%s\t%s\t%s\n", s.name, s.category, strings.Join(s.aliases, "|"))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	log.Printf("skills_onet.tsv: %d skills of %d examples (left out: %v)", len(kept), len(techs), reasons)
	return f.Close()
}

// ordinaryWords returns the words that column col of a delimited file of occupation descriptions (O*NET's,
// ESCO's) writes in lower case: plain English about work ("fit", "case", "calm"), against which a
// product name that is also a word is told apart. Only read at build time; nothing of it is written.
func ordinaryWords(path string, comma rune, col int) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = comma
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	out := map[string]bool{}
	for first := true; ; first = false {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if first || len(rec) <= col {
			continue
		}
		for _, w := range strings.FieldsFunc(rec[col], func(r rune) bool { return !unicode.IsLetter(r) }) {
			if w == strings.ToLower(w) {
				out[w] = true
			}
		}
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
