package gen

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// expand appends tpl to dst with its slots filled and alternatives chosen. It reports false when the
// template names a slot this ad has no value for; dst is then to be discarded.
func (c *ctx) expand(dst []byte, tpl string) ([]byte, bool) {
	ok := true
	for i := 0; i < len(tpl); {
		switch tpl[i] {
		case '{':
			j := strings.IndexByte(tpl[i:], '}')
			if j < 0 {
				return append(dst, tpl[i:]...), true
			}
			dst, ok = c.slot(dst, tpl[i+1:i+j])
			if !ok {
				return dst, false
			}
			i += j + 1
		case '[':
			j, alts := i+1, 1
			for j < len(tpl) && tpl[j] != ']' {
				if tpl[j] == '|' {
					alts++
				}
				j++
			}
			if j == len(tpl) {
				return append(dst, tpl[i:]...), true
			}
			j -= i
			dst, ok = c.expand(dst, chooseAlt(tpl[i+1:i+j], c.r.IntN(alts)))
			if !ok {
				return dst, false
			}
			i += j + 1
		default:
			j := i + 1
			for j < len(tpl) && tpl[j] != '{' && tpl[j] != '[' {
				j++
			}
			dst = append(dst, tpl[i:j]...)
			i = j
		}
	}
	return dst, true
}

// chooseAlt returns the k-th "|"-separated alternative of s.
func chooseAlt(s string, k int) string {
	for ; k > 0; k-- {
		s = s[strings.IndexByte(s, '|')+1:]
	}
	if j := strings.IndexByte(s, '|'); j >= 0 {
		return s[:j]
	}
	return s
}

var (
	customerCounts = []string{"2 million", "40,000", "over 500", "thousands of", "1,200", "more than 300", "half a million", "tens of thousands of", "900", "around 15,000", "3.5 million", "hundreds of"}
	bigNumbers     = []string{"3 million", "250,000", "1.2 billion", "40 million", "600,000", "12 million", "2 billion", "80,000", "5 million", "150 million"}
	yearsBySen     = [...][]string{
		senNone: {"3+", "2-4", "3-5", "4+"}, senIntern: {"0-1"}, senGraduate: {"0-1", "up to 1"},
		senJunior: {"1-2", "1+", "up to 2"}, senMid: {"2-4", "3+"}, senSenior: {"5+", "4+", "5-8", "6+"},
		senLead: {"7+", "6+", "8+"}, senPrincipal: {"8+", "10+"}, senHead: {"10+", "12+"},
	}
	cloudServices = map[string][]string{
		"AWS":   {"Lambda", "S3", "ECS", "EKS", "DynamoDB", "RDS", "SQS", "API Gateway", "Step Functions"},
		"Azure": {"Functions", "AKS", "Cosmos DB", "App Service", "Service Bus", "Key Vault", "Azure SQL"},
		"GCP":   {"BigQuery", "GKE", "Pub/Sub", "Cloud Run", "Cloud Functions", "Spanner"},
	}
)

// slot appends the value of slot name for this ad.
func (c *ctx) slot(dst []byte, name string) ([]byte, bool) {
	s, r := c.s, c.r
	switch name {
	case "co":
		if s.agency != "" {
			return append(dst, "our client"...), true
		}
		return append(dst, s.company.name...), true
	case "agency":
		if s.agency == "" {
			return dst, false
		}
		return append(dst, s.agency...), true
	case "ind":
		return append(dst, s.company.ind.name...), true
	case "sector":
		return append(dst, s.company.ind.sector...), true
	case "prod":
		p := s.company.ind.products
		return append(dst, p[r.IntN(len(p))]...), true
	case "cust":
		p := s.company.ind.customers
		return append(dst, p[r.IntN(len(p))]...), true
	case "place", "hq":
		return append(dst, s.placeTxt...), true
	case "country":
		return append(dst, pick2(s.uk, "UK", "US")...), true
	case "role":
		return append(dst, s.role...), true
	case "a_role":
		return append(appendArticle(dst, s.role), s.role...), true
	case "a_sector":
		return append(appendArticle(dst, s.company.ind.sector), s.company.ind.sector...), true
	case "a_prod":
		p := s.company.ind.products[r.IntN(len(s.company.ind.products))]
		return append(appendArticle(dst, p), p...), true
	case "a_fam":
		return append(appendArticle(dst, s.fam.name), s.fam.name...), true
	case "team":
		return append(dst, s.team...), true
	case "proj":
		return c.expand(dst, projects[r.IntN(len(projects))])
	case "old":
		return append(dst, oldTech[r.IntN(len(oldTech))]...), true
	case "infra0":
		// Services run on a container platform, not on any infrastructure tool.
		for _, i := range s.skills {
			switch skills[i].name {
			case "Kubernetes", "Docker", "Helm", "Istio", "ArgoCD":
				return append(dst, c.g.m.writtenSkill(r, i)...), true
			}
		}
		return dst, false
	case "data0":
		// A tool, not a concept: "our data stack is dbt", never "is ETL".
		for _, i := range s.skills {
			if skills[i].kind == kData {
				switch skills[i].name {
				case "ETL", "Data Modelling", "Data Warehousing", "Data Visualisation":
					continue
				}
				return append(dst, c.g.m.writtenSkill(r, i)...), true
			}
		}
		return dst, false
	case "eng":
		// Engineers are a fraction of the company's staff.
		n := max(3, s.company.staff/(3+r.IntN(5)))
		return strconv.AppendInt(dst, int64(min(n, 400+r.IntN(200))), 10), true
	case "lang0", "fe0", "cloud0", "db0", "ml0":
		i := c.first[firstKind(name)]
		if i < 0 {
			return dst, false
		}
		return append(dst, c.g.m.writtenSkill(r, i)...), true
	case "founded":
		return strconv.AppendInt(dst, int64(s.company.founded), 10), true
	case "lastYear":
		return strconv.AppendInt(dst, int64(s.day.Year()-1), 10), true
	case "staff":
		return append(dst, comma(s.company.staff)...), true
	case "ncust":
		return append(dst, customerCounts[r.IntN(len(customerCounts))]...), true
	case "bigNum":
		return append(dst, bigNumbers[r.IntN(len(bigNumbers))]...), true
	case "yrs":
		sen := s.sen
		if s.fam.noSen || s.fam.grp == grpArch {
			sen = senLead
		}
		ys := yearsBySen[sen]
		return append(dst, ys[r.IntN(len(ys))]...), true
	case "n0":
		return strconv.AppendInt(dst, int64(r.IntN(10)), 10), true
	case "list", "cloudList":
		return c.appendList(dst, name == "cloudList"), len(c.listSkills) > 0
	case "a_list":
		if len(c.listSkills) == 0 {
			return dst, false
		}
		start := len(dst)
		dst = c.appendList(dst, false)
		list := string(dst[start:])
		return append(appendArticle(dst[:start], list), list...), true
	case "sal":
		if c.sal == "" {
			return dst, false
		}
		return append(dst, c.sal...), true
	case "empWord":
		return append(dst, [...]string{"permanent", "contract", "fixed-term", "internship"}[s.emp]...), true
	case "a_empWord":
		w := [...]string{"a permanent", "a contract", "a fixed-term", "an internship"}[s.emp]
		return append(dst, w...), true
	case "modeWord":
		return append(dst, [...]string{"On-site", "Hybrid", "Remote"}[s.mode]...), true
	case "locWord":
		if s.mode == remote {
			return append(dst, pick2(s.uk, "Remote (UK)", "Remote (US)")...), true
		}
		return append(dst, s.placeTxt...), true
	case "startMonth":
		return append(dst, s.day.AddDate(0, 1, 0).Month().String()...), true
	case "ir35Sentence":
		switch s.ir35 {
		case 1:
			return c.expand(dst, "[This role sits|The role falls|This engagement is] inside IR35[, so you'll be paid through an umbrella company|; umbrella or PAYE|].")
		case 2:
			return c.expand(dst, "[This role|The engagement|This contract] [is|has been assessed as|sits] outside IR35.")
		}
		return dst, false
	}
	if rest, ok := strings.CutPrefix(name, "n:"); ok {
		a, b, _ := strings.Cut(rest, "-")
		lo, _ := strconv.Atoi(a)
		hi, _ := strconv.Atoi(b)
		if hi < lo {
			hi = lo
		}
		return strconv.AppendInt(dst, int64(lo+r.IntN(hi-lo+1)), 10), true
	}
	return dst, false
}

// appendList names the skills of c.listSkills: "A, B and C", "A, B or C", "A/B".
func (c *ctx) appendList(dst []byte, cloud bool) []byte {
	r := c.r
	sk := c.listSkills
	sep := r.IntN(4)
	for i, idx := range sk {
		if i > 0 {
			switch {
			case sep == 2 && len(sk) <= 3:
				dst = append(dst, '/')
			case i == len(sk)-1 && sep == 1:
				dst = append(dst, " or "...)
			case i == len(sk)-1 && sep != 3:
				dst = append(dst, " and "...)
			default:
				dst = append(dst, ", "...)
			}
		}
		name := c.g.m.writtenSkill(r, idx)
		dst = append(dst, name...)
		if svc := cloudServices[skills[idx].name]; cloud && len(sk) == 1 && len(svc) > 0 && r.Float64() < 0.6 {
			a := r.IntN(len(svc))
			b := (a + 1 + r.IntN(len(svc)-1)) % len(svc)
			dst = append(dst, " ("...)
			dst = append(dst, svc[a]...)
			dst = append(dst, ", "...)
			dst = append(dst, svc[b]...)
			dst = append(dst, ')')
		}
	}
	return dst
}

// firstKind is the skill kind a {kind0} slot names.
func firstKind(slot string) skillKind {
	switch slot {
	case "lang0":
		return kLang
	case "fe0":
		return kFrontend
	case "cloud0":
		return kCloud
	case "db0":
		return kDB
	}
	return kML
}

func pickStr(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// appendArticle appends "a " or "an " as fits the sound of phrase: "an IT Manager", "an SRE", "a UX
// Designer", "a .NET Developer".
func appendArticle(dst []byte, phrase string) []byte {
	word, _, _ := strings.Cut(phrase, " ")
	if word == "" {
		return append(dst, "a "...)
	}
	c := word[0]
	allCaps := len(word) > 1 && strings.ToUpper(word) == word
	an := false
	switch {
	case allCaps:
		an = strings.IndexByte("AEFHILMNORSX", c) >= 0
	case c == 'U' || c == 'u':
		an = !strings.HasPrefix(strings.ToLower(word), "uni") && !strings.HasPrefix(strings.ToLower(word), "us")
	default:
		an = strings.IndexByte("AEIOaeio", c) >= 0
	}
	if an {
		return append(dst, "an "...)
	}
	return append(dst, "a "...)
}
