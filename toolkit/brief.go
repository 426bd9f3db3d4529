package toolkit

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"jobscope"
	"jobscope/market"
	"jobscope/stats"
)

// Shares of a title's ads that sort its skills in a brief: cited by MustShare or more is a must
// have, by NiceShare or more nice to have, below RareShare rarely asked.
const (
	MustShare = 0.40
	NiceShare = 0.15
	RareShare = 0.10
	// OtherRoleShare is the share of a skill's ads another title must carry for the skill to be a
	// sign of that role rather than of this one.
	OtherRoleShare = 0.30
	// maxNice bounds the nice-to-haves: a spec lists a few.
	maxNice = 10
)

// BriefInput is a brief question: a title, and optionally its level and place.
type BriefInput struct {
	Title, Seniority, Location string
	Country, AsOf              string
	MinN                       int // the fewest ads or salaries a figure is given over; 0 is the default
}

// BriefSkill is a skill of the brief: how many of the title's ads cite it, and, for one to leave
// off, why.
type BriefSkill struct {
	Skill    string  `json:"skill"`
	Category string  `json:"category"`
	Jobs     int     `json:"jobs"`
	Share    float64 `json:"share"`
	Why      string  `json:"why,omitempty"`
}

// ModeShare is one work mode's share of the ads that state one.
type ModeShare struct {
	Mode  string  `json:"mode"`
	Jobs  int     `json:"jobs"`
	Share float64 `json:"share"`
}

// Brief is the short honest job spec a hiring manager can paste: the skills sorted by how many of
// the title's ads ask for them, the pay bands, the work-mode mix, the competition and the time ads
// stay open.
type Brief struct {
	Title     string `json:"title"`
	Seniority string `json:"seniority,omitempty"`
	Location  string `json:"location,omitempty"` // the place the figures are over, after any widening
	Country   string `json:"country"`
	Currency  string `json:"currency"`
	From      string `json:"from"`
	To        string `json:"to"`
	// Jobs counts the title's permanent and contract ads of the period the skills are read from;
	// WithSkills those of them that cite any skill, over which each skill's share is taken (an ad
	// with no text but its title asks for nothing, and would make every skill look rare).
	Jobs       int `json:"jobs"`
	WithSkills int `json:"with_skills"`
	// SkillsFrom is the first day of the 6 months (to To) the skills, work modes and competition
	// are read from; the bands are over From to To, which a widening may have made longer.
	SkillsFrom string       `json:"skills_from"`
	MustHave   []BriefSkill `json:"must_have"`
	NiceToHave []BriefSkill `json:"nice_to_have"`
	LeaveOff   []BriefSkill `json:"leave_off"`
	Permanent  Band         `json:"permanent"`
	Contract   Band         `json:"contract"`
	Widened    []string     `json:"widened"`
	WorkModes  []ModeShare  `json:"work_modes"`
	// ModeStated counts the ads that state a work mode, of Jobs.
	ModeStated int `json:"mode_stated"`
	// LiveAds counts the ads of the same title, level and place open on the period's last day:
	// the ones competing for the same people.
	LiveAds int `json:"live_ads"`
	// TimeToFill is the median days from posting to closing of the permanent ads with a closing
	// date, with their count: the nearest the ads come to a time to hire.
	TimeToFill stats.Lifetimes `json:"time_to_fill"`
}

// MakeBrief answers a brief from the market service.
func MakeBrief(svc *market.Service, in BriefInput) (*Brief, error) {
	minN := in.MinN
	if minN <= 0 {
		minN = market.DefaultMinSalaries
	}
	// The bands (and the place, widened where it must be) come from the benchmark.
	b, err := Bench(svc, BenchmarkInput{Title: in.Title, Seniority: in.Seniority, Location: in.Location,
		Country: in.Country, AsOf: in.AsOf, MinN: minN})
	if err != nil {
		return nil, err
	}
	br := &Brief{Title: b.Title, Seniority: b.Seniority, Location: b.Permanent.Location, Country: b.Country,
		Currency: b.Currency, From: b.From, To: b.To, Permanent: b.Permanent, Contract: b.Contract, Widened: b.Widened,
		MustHave: []BriefSkill{}, NiceToHave: []BriefSkill{}, LeaveOff: []BriefSkill{}, WorkModes: []ModeShare{}}
	term, err := svc.Resolve(b.Title, jobscope.KindTitle)
	if err != nil {
		return nil, err
	}
	perm, asOf, err := svc.Scope(market.ScopeInput{Market: "permanent", Country: b.Country, AsOf: in.AsOf, Baseline: "all"})
	if err != nil {
		return nil, err
	}
	contract := perm
	contract.Market = stats.MarketContract
	cut := stats.Cut{Seniority: b.Seniority, Location: br.Location}

	// Both markets' ads of the title: their skills counted together.
	jobs := map[string]int{}
	cats := map[string]string{}
	for _, sc := range []stats.Scope{perm, contract} {
		p, err := svc.CutPage(term, sc, asOf, minN, cut)
		if err != nil {
			return nil, err
		}
		br.Jobs += p.Periods[0].Jobs
		br.LiveAds += p.Periods[0].LiveJobs
		br.SkillsFrom = p.Periods[0].From
		_, n, err := svc.WithSkills(term, sc, asOf, cut)
		if err != nil {
			return nil, err
		}
		br.WithSkills += n
		for cat, terms := range p.Cooccurring.ByCategory {
			if cat == stats.TitleCategory {
				continue
			}
			for _, t := range terms {
				jobs[t.Term] += t.Jobs
				cats[t.Term] = cat
			}
		}
	}
	var skills []BriefSkill
	for s, n := range jobs {
		sk := BriefSkill{Skill: s, Category: cats[s], Jobs: n}
		if br.WithSkills > 0 {
			sk.Share = float64(n) / float64(br.WithSkills)
		}
		skills = append(skills, sk)
	}
	slices.SortFunc(skills, func(a, b BriefSkill) int {
		return cmp.Or(cmp.Compare(b.Jobs, a.Jobs), strings.Compare(a.Skill, b.Skill))
	})
	if br.WithSkills >= minN {
		for _, s := range skills {
			switch {
			case s.Share >= MustShare:
				br.MustHave = append(br.MustHave, s)
			case s.Share >= NiceShare && len(br.NiceToHave) < maxNice:
				br.NiceToHave = append(br.NiceToHave, s)
			}
		}
		br.LeaveOff = leaveOff(svc, term, perm, asOf, skills, br.WithSkills)
	}

	// The work modes the ads state.
	modes, err := svc.By(term, perm, asOf, minN, stats.Cut{Seniority: b.Seniority, Location: br.Location}, "work-mode")
	if err != nil {
		return nil, err
	}
	for _, r := range modes.Rows {
		n := r.Permanent.Jobs + r.Contract.Jobs
		br.ModeStated += n
		br.WorkModes = append(br.WorkModes, ModeShare{Mode: r.Value, Jobs: n})
	}
	for i := range br.WorkModes {
		if br.ModeStated > 0 {
			br.WorkModes[i].Share = float64(br.WorkModes[i].Jobs) / float64(br.ModeStated)
		}
	}
	if br.TimeToFill, err = svc.Lifetimes(term, perm, asOf, minN, cut); err != nil {
		return nil, err
	}
	return br, nil
}

// leaveOff picks the skills to leave off the spec: those few of the title's ads cite (below
// RareShare, yet cited), and of those, the ones mostly asked of another title, which suggest a
// different role.
func leaveOff(svc *market.Service, title jobscope.Term, scope stats.Scope, asOf time.Time, skills []BriefSkill, jobs int) []BriefSkill {
	out := []BriefSkill{}
	for _, s := range skills {
		if s.Share >= RareShare || s.Jobs < 2 {
			continue
		}
		s.Why = fmt.Sprintf("rarely asked: %d of the %d ads", s.Jobs, jobs)
		if other, share := mainTitle(svc, s.Skill, scope, asOf); other != "" && other != title.Name && share >= OtherRoleShare {
			s.Why = fmt.Sprintf("a sign of another role: %d of the %d ads, and most asked of %s ads (%.0f%% of the ads citing %s)",
				s.Jobs, jobs, other, share*100, s.Skill)
		}
		out = append(out, s)
		if len(out) == 6 {
			break
		}
	}
	return out
}

// mainTitle is the title that most of a skill's ads carry, and its share of them.
func mainTitle(svc *market.Service, skill string, scope stats.Scope, asOf time.Time) (string, float64) {
	t, err := svc.Resolve(skill, jobscope.KindSkill)
	if err != nil {
		return "", 0
	}
	p, err := svc.CutPage(t, scope, asOf, 0, stats.Cut{})
	if err != nil {
		return "", 0
	}
	for _, c := range p.Cooccurring.ByCategory[stats.TitleCategory] {
		return c.Term, c.Share
	}
	return "", 0
}

// WriteMarkdown writes the brief as Markdown a hiring manager can paste into a job spec.
func (br *Brief) WriteMarkdown(w io.Writer) error {
	head := br.Title
	if br.Seniority != "" {
		head += " (" + br.Seniority + ")"
	}
	where := br.Location
	if where == "" {
		where = br.Country
	}
	fmt.Fprintf(w, "# %s, %s: hiring brief\n\n", head, where)
	fmt.Fprintf(w, "From %d permanent and contract ads for the role, %s to %s (%s); skills are shares of the %d of them that cite any.",
		br.Jobs, br.SkillsFrom, br.To, br.Country, br.WithSkills)
	if len(br.Widened) > 0 {
		fmt.Fprintf(w, " Widened for enough ads: %s.", strings.Join(br.Widened, "; "))
	}
	fmt.Fprintln(w)
	list := func(title string, skills []BriefSkill, empty string) {
		fmt.Fprintf(w, "\n## %s\n\n", title)
		if len(skills) == 0 {
			fmt.Fprintln(w, empty)
			return
		}
		for _, s := range skills {
			if s.Why != "" {
				fmt.Fprintf(w, "- %s: %s\n", s.Skill, s.Why)
			} else {
				fmt.Fprintf(w, "- %s: %.0f%% of the ads (%d)\n", s.Skill, s.Share*100, s.Jobs)
			}
		}
	}
	few := fmt.Sprintf("Too few ads cite skills to say (%d of %d).", br.WithSkills, br.Jobs)
	enough := len(br.MustHave)+len(br.NiceToHave)+len(br.LeaveOff) > 0 || br.WithSkills >= market.DefaultMinSalaries
	list(fmt.Sprintf("Must have (cited by %.0f%% or more)", MustShare*100), br.MustHave, cond(enough, "No skill is cited that often.", few))
	list(fmt.Sprintf("Nice to have (%.0f%% to %.0f%%)", NiceShare*100, MustShare*100), br.NiceToHave, cond(enough, "None.", few))
	list("Leave off", br.LeaveOff, "Nothing stands out.")
	fmt.Fprintf(w, "\n## Pay\n\n")
	if br.From != br.SkillsFrom {
		fmt.Fprintf(w, "Over %s to %s, widened for enough salaries.\n\n", br.From, br.To)
	}
	for _, r := range []struct {
		name string
		b    Band
	}{{"Permanent salary", br.Permanent}, {"Contract day rate", br.Contract}} {
		if r.b.P50 == nil {
			fmt.Fprintf(w, "- %s: too few quoted to say (%d)\n", r.name, r.b.N)
			continue
		}
		fmt.Fprintf(w, "- %s: %s to %s (middle half), median %s, from %d quoted\n", r.name, money(br.Currency, *r.b.P25),
			money(br.Currency, *r.b.P75), money(br.Currency, *r.b.P50), r.b.N)
	}
	fmt.Fprintf(w, "\n## Work mode\n\n")
	if br.ModeStated == 0 {
		fmt.Fprintln(w, "No ad states one.")
	} else {
		var parts []string
		for _, m := range br.WorkModes {
			parts = append(parts, fmt.Sprintf("%s %.0f%%", m.Mode, m.Share*100))
		}
		fmt.Fprintf(w, "%s, of the %d permanent and contract ads that state one.\n", strings.Join(parts, ", "), br.ModeStated)
	}
	fmt.Fprintf(w, "\n## Competition and time to fill\n\n")
	fmt.Fprintf(w, "- %d ads for the same role were open on %s.\n", br.LiveAds, br.To)
	if br.TimeToFill.MedianDays != nil {
		fmt.Fprintf(w, "- Ads stayed open a median of %.0f days (posted to closed, over the %d of %d permanent ads with a closing date).\n",
			*br.TimeToFill.MedianDays, br.TimeToFill.N, br.TimeToFill.Jobs)
	} else {
		fmt.Fprintf(w, "- Too few ads give a closing date to say how long they stay open (%d of %d).\n", br.TimeToFill.N, br.TimeToFill.Jobs)
	}
	return nil
}

func cond(c bool, a, b string) string {
	if c {
		return a
	}
	return b
}
