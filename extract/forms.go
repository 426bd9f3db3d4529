package extract

import (
	"strings"

	"jobscope/taxonomy"
)

// Word forms of the general skills and practices: an ad writes "working in teams", "works in a
// team" and "work in teams" for one skill, and "analysing data", "analyzed data" and "analyse data"
// for another. An alias of such a skill written with one form is also indexed with the other forms
// of its family in its place (see aliasForms), so that the taxonomy lists one writing and a mention in
// another form still counts.
//
// Verbs are varied only where an alias begins with one ("work in a team", "analysing data"): a verb
// further on is part of a noun ("team working" is no "team works", "problem solving" no "problem
// solves"). Nouns are varied only as an alias's last word, its head, and from the singular to the
// plural ("integration test", "integration tests"): before the head, a plural reads as a sentence
// ("teams working on"), and a singular made of a plural is often the start of a compound ("write
// tests", "write test plans"). Spellings are varied anywhere.
// Only forms that read as the same skill are listed: no past participle that is also an adjective or
// a passive ("supervised learning", "a team led by", "a system designed to"), no noun that is a role
// ("team lead").
var (
	verbForms = [][]string{
		{"work", "works", "working"},
		{"lead", "leads", "leading"},
		{"manage", "manages", "managing"},
		{"analyse", "analyses", "analysing", "analysed", "analyze", "analyzes", "analyzing", "analyzed"},
		{"organise", "organises", "organising", "organize", "organizes", "organizing"},
		{"prioritise", "prioritises", "prioritising", "prioritize", "prioritizes", "prioritizing"},
		{"collaborate", "collaborates", "collaborating"},
		{"communicate", "communicates", "communicating"},
		{"supervise", "supervises", "supervising"},
		{"motivate", "motivates", "motivating"},
		{"mentor", "mentors", "mentoring"},
		{"coach", "coaches", "coaching"},
		{"solve", "solves", "solving"},
		{"deliver", "delivers", "delivering"},
		{"present", "presents", "presenting"},
		{"prepare", "prepares", "preparing"},
		{"create", "creates", "creating"},
		{"write", "writes", "writing"},
		{"interpret", "interprets", "interpreting"},
		{"engage", "engages", "engaging"},
		{"meet", "meets", "meeting"},
		{"give", "gives", "giving"},
		{"think", "thinks", "thinking"},
		{"build", "builds", "building"},
		{"develop", "develops", "developing"},
		{"maintain", "maintains", "maintaining"},
		{"design", "designs", "designing"},
		{"conduct", "conducts", "conducting"},
		{"perform", "performs", "performing"},
		{"plan", "plans", "planning"},
	}
	nounForms = [][]string{
		{"team", "teams"}, // the singular first
		{"skill", "skills"},
		{"ability", "abilities"},
		{"deadline", "deadlines"},
		{"stakeholder", "stakeholders"},
		{"dataset", "datasets"},
		{"presentation", "presentations"},
		{"colleague", "colleagues"},
		{"environment", "environments"},
		{"test", "tests"},
		{"project", "projects"},
		{"report", "reports"},
		{"model", "models"},
		{"algorithm", "algorithms"},
		{"pipeline", "pipelines"},
	}
	spellingForms = [][]string{
		{"organisational", "organizational"},
		{"organisation", "organization"},
		{"modelling", "modeling"},
		{"visualisation", "visualization"},
		{"optimisation", "optimization"},
		{"prioritisation", "prioritization"},
		{"analysing", "analyzing"},
		{"analyse", "analyze"},
		{"analysed", "analyzed"},
	}
)

// formKind says where in an alias a word's family is varied.
type formKind uint8

const (
	formVerb     formKind = iota // the first word
	formNoun                     // the last word
	formSpelling                 // any word
)

// formFamilies maps every word of the form lists to its family and kind; a word in two lists (a verb
// that is also a spelling) is looked up by kind.
var formFamilies = func() [3]map[string][]string {
	var m [3]map[string][]string
	for k, list := range [][][]string{verbForms, nounForms, spellingForms} {
		m[k] = map[string][]string{}
		for _, f := range list {
			for _, w := range f {
				m[k][w] = f
			}
		}
	}
	return m
}()

// maxForms bounds the writings aliasForms makes of one alias.
const maxForms = 48

// aliasForms returns the other writings of alias, a phrase of lower-case words separated by single
// spaces, made by putting the other forms of its words' families in their place (see verbForms): the
// first word's verb forms, the last word's noun forms and any word's spellings. "work in a team"
// gives "works in a team", "working in a team", "work in a teams", and so on. It returns nil for an
// alias of one word or one with no word varied, and at most maxForms writings.
func aliasForms(alias string) []string {
	words := strings.Split(alias, " ")
	if len(words) < 2 {
		return nil
	}
	out := []string{alias}
	for k, w := range words {
		var fams [][]string
		if k == 0 {
			fams = append(fams, formFamilies[formVerb][w])
		}
		if fam := formFamilies[formNoun][w]; k == len(words)-1 && fam != nil && fam[0] == w {
			fams = append(fams, fam) // a singular only: "write test" is the start of "write test plans"
		}
		fams = append(fams, formFamilies[formSpelling][w])
		n := len(out)
		for _, base := range out[:n] {
			bw := strings.Split(base, " ")
			for _, fam := range fams {
				for _, f := range fam {
					if f == w || contains(out, bw, k, f) || afterArticle(bw, k) && formFamilies[formNoun][f] != nil && f != fam[0] {
						continue
					}
					if len(out) > maxForms {
						return out[1:]
					}
					bw[k] = f
					out = append(out, strings.Join(bw, " "))
					bw[k] = w
				}
			}
		}
	}
	return out[1:]
}

// afterArticle reports whether words[k] follows "a" or "an", where a noun stays singular.
func afterArticle(words []string, k int) bool {
	return k > 0 && (words[k-1] == "a" || words[k-1] == "an")
}

// replaced returns words joined with words[k] replaced by f.
func replaced(words []string, k int, f string) string {
	w := words[k]
	words[k] = f
	s := strings.Join(words, " ")
	words[k] = w
	return s
}

// contains reports whether out holds words with words[k] replaced by f.
func contains(out []string, words []string, k int, f string) bool {
	s := replaced(words, k, f)
	for _, o := range out {
		if o == s {
			return true
		}
	}
	return false
}

// formsOf reports whether the aliases of s are written in other forms too (see wordForms): those of
// the general skills and the practices, which ads write in their own words; not product names.
func formsOf(s taxonomy.Skill) bool {
	return s.Category == taxonomy.CatGeneral || s.Category == taxonomy.CatProcesses
}

// plainPhrase reports whether a is a phrase of two or more lower-case words of letters, separated by
// single spaces: the aliases aliasForms varies.
func plainPhrase(a string) bool {
	if !strings.Contains(a, " ") {
		return false
	}
	prev := byte(' ')
	for i := 0; i < len(a); i++ {
		c := a[i]
		switch {
		case c >= 'a' && c <= 'z' || c == '-':
		case c == ' ' && prev != ' ':
		default:
			return false
		}
		prev = c
	}
	return prev != ' '
}

// Verb phrases of the practices named for what they act on: an ad writes "manage projects", "test
// software", "assess risk" or "administration of medication" where a reader names Project Management,
// Software Testing, Risk Assessment or Medication Administration, and the taxonomy lists the noun
// phrase. A skill whose name is a noun and one of these words (see inverseForms) is also indexed as
// the verb's forms before that noun, and some as the word, "of" and the noun.
var (
	nominalVerbs = map[string][]string{
		"gathering":      {"gather", "gathers", "gathering"},
		"testing":        {"test", "tests", "testing"},
		"review":         {"review", "reviews", "reviewing"},
		"management":     {"manage", "manages", "managing"},
		"analysis":       {"analyse", "analyses", "analysing", "analyze", "analyzes", "analyzing"},
		"planning":       {"plan", "plans", "planning"},
		"writing":        {"write", "writes", "writing"},
		"collection":     {"collect", "collects", "collecting"},
		"migration":      {"migrate", "migrates", "migrating"},
		"cleansing":      {"cleanse", "cleanses", "cleansing", "clean", "cleans", "cleaning"},
		"modelling":      {"model", "models", "modelling", "modeling"},
		"profiling":      {"profile", "profiles", "profiling"},
		"integration":    {"integrate", "integrates", "integrating"},
		"visualisation":  {"visualise", "visualises", "visualising", "visualize", "visualizes", "visualizing"},
		"preparation":    {"prepare", "prepares", "preparing"},
		"administration": {"administer", "administers", "administering"},
		"development":    {"develop", "develops", "developing"},
		"design":         {"design", "designs", "designing"},
		"assessment":     {"assess", "assesses", "assessing"},
		"mining":         {"mine", "mines", "mining"},
		"automation":     {"automate", "automates", "automating"},
		"deployment":     {"deploy", "deploys", "deploying"},
		"optimisation":   {"optimise", "optimises", "optimising", "optimize", "optimizes", "optimizing"},
		"processing":     {"process", "processes", "processing"},
	}
	// ofNominals are the words that also name their practice before "of" and the noun: "management
	// of change", "administration of medicines". Not "design" or "development", whose "of" phrases
	// name other things ("design of experiments", "development of processes and procedures").
	ofNominals = map[string]bool{"management": true, "analysis": true, "collection": true, "migration": true,
		"administration": true, "assessment": true, "visualisation": true, "preparation": true}
	// massNouns are the nouns acted on in the singular ("test software", "assess risk"). Any other noun
	// is acted on in the plural only ("manage projects", "design APIs"): a singular count noun after the
	// verb is mostly the start of a compound ("manage project budgets", "managing stakeholder
	// expectations", "testing unit conversions").
	massNouns = map[string]bool{"data": true, "software": true, "code": true, "risk": true, "change": true,
		"inventory": true, "medication": true, "stock": true, "performance": true,
		"equipment": true, "information": true, "security": true, "infrastructure": true, "traffic": true,
		"food": true, "research": true}
	// nounVerbs are verb forms that are also nouns or adjectives before a noun in the singular: "profile
	// data", "model data pipelines", "publish clean data", "test data" name no practice. Before a mass
	// noun only the other forms count ("profiling data", "cleaning data").
	nounVerbs = map[string]bool{"profile": true, "profiles": true, "model": true, "models": true, "modelling": true,
		"modeling": true, "clean": true, "process": true, "processes": true, "processing": true, "mine": true,
		"mines": true, "test": true, "tests": true, "plan": true, "plans": true, "review": true,
		"reviews": true, "design": true, "designs": true}
	// notActedOn are plurals whose verb phrase names no practice of the taxonomy's sense: "developing
	// processes and procedures" is no Process Development, "manages operations" no Operations Management
	// of a plant.
	notActedOn = map[string]bool{"processes": true, "operations": true, "services": true, "solutions": true,
		"systems": true, "products": true, "tools": true, "things": true, "people": true, "others": true}
)

// inverseForms returns the verb phrases that name the practice name, a noun and one of nominalVerbs'
// words ("Project Management", "Software Testing", "Requirements Gathering"): the verb's forms before
// the noun acted on ("manage projects", "managing projects", "test software", "gather requirements")
// and, for ofNominals, the word, "of" and the noun ("management of projects"). It returns nil for any
// other name.
func inverseForms(name string) []string {
	words := strings.Fields(strings.ToLower(name))
	if len(words) != 2 || !allLetters(words[0]) || len(words[0]) < 3 {
		return nil
	}
	verbs := nominalVerbs[words[1]]
	if verbs == nil {
		return nil
	}
	obj := words[0]
	switch {
	case massNouns[obj]:
	case strings.HasSuffix(obj, "s") && !strings.HasSuffix(obj, "ss"):
		// already a plural: "Requirements Gathering"
	case strings.HasSuffix(obj, "y") && len(obj) > 3 && !strings.ContainsRune("aeiou", rune(obj[len(obj)-2])):
		obj = obj[:len(obj)-1] + "ies"
	case strings.HasSuffix(obj, "x") || strings.HasSuffix(obj, "ch") || strings.HasSuffix(obj, "sh") || strings.HasSuffix(obj, "ss"):
		obj += "es"
	case strings.HasSuffix(obj, "al") || strings.HasSuffix(obj, "ic") || strings.HasSuffix(obj, "ive") || strings.HasSuffix(obj, "ary"):
		return nil // an adjective: "Clinical Development", "Predictive Modelling"
	default:
		obj += "s"
	}
	if notActedOn[obj] {
		return nil
	}
	out := make([]string, 0, len(verbs)+1)
	for _, v := range verbs {
		if obj != words[0] || !massNouns[obj] || !nounVerbs[v] {
			out = append(out, v+" "+obj)
		}
	}
	if ofNominals[words[1]] && obj != "data" { // "management of data warehouse operations"
		out = append(out, words[1]+" of "+obj)
	}
	return out
}
