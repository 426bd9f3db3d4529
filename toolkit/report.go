package toolkit

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"jobscope"
	"jobscope/market"
	"jobscope/stats"
)

// ReportInput is a weekly report question.
type ReportInput struct {
	// Week is an ISO week, YYYY-Www ("2026-W08"); "" is the latest full week of the ads.
	Week string
	// Country is GB or US; "" is GB.
	Country string
	// MinJobs is the fewest ads a term needs in both 4-week spans to be a riser or faller; 0 is 5.
	// Risers and fallers are also among the first 100 skills by ads in one of the spans.
	MinJobs int
}

// Report is the weekly market report: what moved in the 4 weeks to the week's end against the 4
// weeks before, what is new this week, who hired most, and the main titles' headline figures, each
// figure with its n.
type Report struct {
	Week     string `json:"week"`
	From     string `json:"from"` // the week's Monday
	To       string `json:"to"`   // its Sunday
	Country  string `json:"country"`
	Currency string `json:"currency"`
	// Moves are measured between two 4-week spans: the 4 weeks from RecentFrom to To (ending with
	// the week), and the 4 weeks from BeforeFrom to BeforeTo.
	RecentFrom string `json:"recent_from"`
	BeforeFrom string `json:"before_from"`
	BeforeTo   string `json:"before_to"`
	// Jobs counts the permanent and contract ads of the week, JobsRecent of the 4 weeks, and
	// JobsBefore of the 4 before.
	Jobs         int             `json:"jobs"`
	JobsRecent   int             `json:"jobs_recent"`
	JobsBefore   int             `json:"jobs_before"`
	Risers       []Mover         `json:"risers"`
	Fallers      []Mover         `json:"fallers"`
	SalaryMovers []SalaryMover   `json:"salary_movers"`
	NewSkills    []NewTerm       `json:"new_skills"`
	Companies    []jobscope.Term `json:"companies"`
	Titles       []TitleLine     `json:"titles"`
}

// Mover is a skill whose rank among skills by ads moved between the two 4-week spans.
type Mover struct {
	Skill      string `json:"skill"`
	Category   string `json:"category"`
	Rank       int    `json:"rank"`
	RankBefore int    `json:"rank_before"`
	Jobs       int    `json:"jobs"`
	JobsBefore int    `json:"jobs_before"`
}

// SalaryMover is a skill whose permanent median salary moved between the two spans, beyond the
// earlier median's 95% interval.
type SalaryMover struct {
	Skill   string  `json:"skill"`
	Median  float64 `json:"median"`
	Before  float64 `json:"median_before"`
	Change  float64 `json:"change"`
	N       int     `json:"n"`
	NBefore int     `json:"n_before"`
}

// NewTerm is a skill first cited in the week: no ad of the store before it names it.
type NewTerm struct {
	Skill    string `json:"skill"`
	Category string `json:"category"`
	Jobs     int    `json:"jobs"`
}

// TitleLine is one of the main titles' headline figures.
type TitleLine struct {
	Title      string   `json:"title"`
	Jobs       int      `json:"jobs"`        // the week's
	JobsRecent int      `json:"jobs_recent"` // the 4 weeks'
	Median     *float64 `json:"median"`      // permanent, the 4 weeks'
	N          int      `json:"n"`
	Change     *float64 `json:"median_change"` // on the 4 weeks before
}

// moverRanks bounds the ranks risers and fallers are drawn from: a skill must be among the first
// moverRanks in one of the two spans.
const moverRanks = 100

var weekRE = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)

// WeekStart returns the Monday of an ISO week written YYYY-Www.
func WeekStart(week string) (time.Time, error) {
	m := weekRE.FindStringSubmatch(week)
	if m == nil {
		return time.Time{}, fmt.Errorf("week %q: write it YYYY-Www, as 2026-W08", week)
	}
	y, _ := strconv.Atoi(m[1])
	w, _ := strconv.Atoi(m[2])
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
	mon := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	start := mon.AddDate(0, 0, 7*(w-1))
	if yy, ww := start.ISOWeek(); w < 1 || yy != y || ww != w {
		return time.Time{}, fmt.Errorf("week %q: %d has no week %d", week, y, w)
	}
	return start, nil
}

// WeekOf names the ISO week of a date.
func WeekOf(d time.Time) string {
	y, w := d.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// LatestWeek is the last full week up to the newest ad: the week of the newest posting date when it
// is a Sunday, else the week before.
func LatestWeek(newest time.Time) string {
	d := stats.Day(newest)
	if d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -((int(d.Weekday())+6)%7)-1) // the Sunday before
	}
	return WeekOf(d)
}

// Weeks lists the full weeks of the ads, newest first, up to n.
func Weeks(svc *market.Service, n int) []string {
	last := svc.Engine().LastPosted()
	if last.IsZero() {
		return nil
	}
	start, _ := WeekStart(LatestWeek(last))
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, WeekOf(start.AddDate(0, 0, -7*i)))
	}
	return out
}

// MakeReport answers the weekly report from the market service.
func MakeReport(svc *market.Service, in ReportInput) (*Report, error) {
	country := cmp.Or(in.Country, "GB")
	perm, _, err := svc.Scope(market.ScopeInput{Market: "permanent", Country: country, Baseline: "all"})
	if err != nil {
		return nil, err
	}
	contract := perm
	contract.Market = stats.MarketContract
	week := in.Week
	if week == "" {
		last := svc.Engine().LastPosted()
		if last.IsZero() {
			return nil, &market.Error{Code: market.NotFound, Message: "no dated ad is stored: a report needs posting dates"}
		}
		week = LatestWeek(last)
	}
	mon, err := WeekStart(week)
	if err != nil {
		return nil, &market.Error{Code: market.Invalid, Message: err.Error()}
	}
	sun := mon.AddDate(0, 0, 6)
	rs := [3]stats.WindowRange{{From: mon, To: sun}, {From: sun.AddDate(0, 0, -27), To: sun}, {From: sun.AddDate(0, 0, -55), To: sun.AddDate(0, 0, -28)}}
	minJobs := in.MinJobs
	if minJobs <= 0 {
		minJobs = 5
	}
	r := &Report{Week: week, From: mon.Format(time.DateOnly), To: sun.Format(time.DateOnly), Country: perm.Country,
		Currency: perm.Currency, RecentFrom: rs[1].From.Format(time.DateOnly), BeforeFrom: rs[2].From.Format(time.DateOnly),
		BeforeTo: rs[2].To.Format(time.DateOnly), Risers: []Mover{}, Fallers: []Mover{}, SalaryMovers: []SalaryMover{},
		NewSkills: []NewTerm{}, Titles: []TitleLine{}}

	var skillsP, skillsC, titlesP, titlesC *stats.Windows
	for _, q := range []struct {
		scope stats.Scope
		kind  jobscope.TermKind
		out   **stats.Windows
	}{{perm, jobscope.KindSkill, &skillsP}, {contract, jobscope.KindSkill, &skillsC},
		{perm, jobscope.KindTitle, &titlesP}, {contract, jobscope.KindTitle, &titlesC}} {
		if *q.out, err = svc.Engine().Windows(q.scope, q.kind, rs, market.DefaultMinSalaries); err != nil {
			return nil, &market.Error{Code: market.Invalid, Message: err.Error()}
		}
	}
	r.Jobs = skillsP.All[0].Jobs + skillsC.All[0].Jobs
	r.JobsRecent = skillsP.All[1].Jobs + skillsC.All[1].Jobs
	r.JobsBefore = skillsP.All[2].Jobs + skillsC.All[2].Jobs

	// Demand: both markets' ads, ranked in each span.
	type demand struct {
		term, cat string
		first     string
		jobs      [3]int
	}
	merge := func(ws ...*stats.Windows) []*demand {
		by := map[string]*demand{}
		var out []*demand
		for _, w := range ws {
			for _, t := range w.Terms {
				d := by[t.Term]
				if d == nil {
					d = &demand{term: t.Term, cat: t.Category, first: t.First}
					by[t.Term] = d
					out = append(out, d)
				}
				if t.First != "" && (d.first == "" || t.First < d.first) {
					d.first = t.First
				}
				for i := range d.jobs {
					d.jobs[i] += t.Figures[i].Jobs
				}
			}
		}
		return out
	}
	skills := merge(skillsP, skillsC)
	rank := func(i int) map[string]int {
		counts := make([]int, len(skills))
		for k, d := range skills {
			counts[k] = d.jobs[i]
		}
		out := map[string]int{}
		for _, d := range skills {
			if d.jobs[i] == 0 {
				continue
			}
			n := 1
			for _, c := range counts {
				if c > d.jobs[i] {
					n++
				}
			}
			out[d.term] = n
		}
		return out
	}
	now, before := rank(1), rank(2)
	var moves []Mover
	for _, d := range skills {
		// Among the skills of the top ranks: far down the table, a handful of ads moves a rank by
		// a hundred.
		if d.jobs[1] >= minJobs && d.jobs[2] >= minJobs && (now[d.term] <= moverRanks || before[d.term] <= moverRanks) {
			moves = append(moves, Mover{Skill: d.term, Category: d.cat, Rank: now[d.term], RankBefore: before[d.term],
				Jobs: d.jobs[1], JobsBefore: d.jobs[2]})
		}
	}
	slices.SortFunc(moves, func(a, b Mover) int {
		return cmp.Or(cmp.Compare(b.RankBefore-b.Rank, a.RankBefore-a.Rank), cmp.Compare(a.Rank, b.Rank))
	})
	for _, m := range moves {
		if m.RankBefore > m.Rank && len(r.Risers) < 10 {
			r.Risers = append(r.Risers, m)
		}
	}
	for i := len(moves) - 1; i >= 0; i-- {
		if m := moves[i]; m.RankBefore < m.Rank && len(r.Fallers) < 10 {
			r.Fallers = append(r.Fallers, m)
		}
	}
	for _, d := range skills {
		if d.jobs[0] > 0 && d.first >= r.From && d.first <= r.To {
			r.NewSkills = append(r.NewSkills, NewTerm{Skill: d.term, Category: d.cat, Jobs: d.jobs[0]})
		}
	}
	slices.SortFunc(r.NewSkills, func(a, b NewTerm) int { return cmp.Or(cmp.Compare(b.Jobs, a.Jobs), strings.Compare(a.Skill, b.Skill)) })

	// Pay: permanent medians over the two spans, each over enough salaries.
	for _, t := range skillsP.Terms {
		now, was := t.Figures[1], t.Figures[2]
		if now.P50 == nil || was.P50 == nil || *was.P50 == 0 || was.MedianCI95 == nil {
			continue
		}
		// A move counts when the new median lies outside the old one's 95% interval: small
		// samples swing by chance.
		if ci := was.MedianCI95; *now.P50 >= ci[0] && *now.P50 <= ci[1] {
			continue
		}
		r.SalaryMovers = append(r.SalaryMovers, SalaryMover{Skill: t.Term, Median: *now.P50, Before: *was.P50,
			Change: *now.P50 / *was.P50 - 1, N: now.SalariesQuoted, NBefore: was.SalariesQuoted})
	}
	slices.SortFunc(r.SalaryMovers, func(a, b SalaryMover) int {
		return cmp.Or(cmp.Compare(abs(b.Change), abs(a.Change)), strings.Compare(a.Skill, b.Skill))
	})
	r.SalaryMovers = r.SalaryMovers[:min(10, len(r.SalaryMovers))]

	// Who hired: the week's advertisers, both markets.
	comps := map[string]int{}
	for _, w := range []*stats.Windows{skillsP, skillsC} {
		for _, c := range w.Companies[0] {
			comps[c.Name] += c.Ads
		}
	}
	for name, n := range comps {
		r.Companies = append(r.Companies, jobscope.Term{Name: name, Ads: n})
	}
	slices.SortFunc(r.Companies, func(a, b jobscope.Term) int {
		return cmp.Or(cmp.Compare(b.Ads, a.Ads), strings.Compare(a.Name, b.Name))
	})
	r.Companies = r.Companies[:min(10, len(r.Companies))]

	// The main titles: most ads in the 4 weeks.
	titles := merge(titlesP, titlesC)
	slices.SortFunc(titles, func(a, b *demand) int {
		return cmp.Or(cmp.Compare(b.jobs[1], a.jobs[1]), strings.Compare(a.term, b.term))
	})
	pay := map[string]stats.Figures{}
	for _, t := range titlesP.Terms {
		pay[t.Term] = t.Figures[1]
	}
	for _, d := range titles[:min(10, len(titles))] {
		f := pay[d.term]
		r.Titles = append(r.Titles, TitleLine{Title: d.term, Jobs: d.jobs[0], JobsRecent: d.jobs[1], Median: f.P50,
			N: f.SalariesQuoted, Change: f.MedianChange})
	}
	return r, nil
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// WriteMarkdown writes the report as Markdown.
func (r *Report) WriteMarkdown(w io.Writer) error {
	fmt.Fprintf(w, "# The job market, week %s (%s to %s)\n\n", r.Week, r.From, r.To)
	fmt.Fprintf(w, "%s: %d permanent and contract ads posted this week; %d in the 4 weeks to %s, against %d in the 4 weeks before.\n",
		r.Country, r.Jobs, r.JobsRecent, r.To, r.JobsBefore)
	fmt.Fprintf(w, "\nMoves compare the 4 weeks from %s to %s with the 4 weeks from %s to %s.\n", r.RecentFrom, r.To, r.BeforeFrom, r.BeforeTo)
	movers := func(title string, ms []Mover) {
		fmt.Fprintf(w, "\n## %s\n\n", title)
		if len(ms) == 0 {
			fmt.Fprintln(w, "None with enough ads in both spans.")
			return
		}
		fmt.Fprintln(w, "| Skill | Rank | Was | Ads | Were |\n|---|---|---|---|---|")
		for _, m := range ms {
			fmt.Fprintf(w, "| %s | %d | %d | %d | %d |\n", m.Skill, m.Rank, m.RankBefore, m.Jobs, m.JobsBefore)
		}
	}
	movers("Risers", r.Risers)
	movers("Fallers", r.Fallers)
	fmt.Fprintf(w, "\n## Salary movers (permanent medians)\n\n")
	if len(r.SalaryMovers) == 0 {
		fmt.Fprintln(w, "No median of enough salaries moved beyond the earlier median's 95% interval.")
	} else {
		fmt.Fprintln(w, "| Skill | Median | Was | Change | n | n before |\n|---|---|---|---|---|---|")
		for _, m := range r.SalaryMovers {
			fmt.Fprintf(w, "| %s | %s | %s | %+.1f%% | %d | %d |\n", m.Skill, money(r.Currency, m.Median), money(r.Currency, m.Before), m.Change*100, m.N, m.NBefore)
		}
	}
	fmt.Fprintf(w, "\n## New skills\n\n")
	if len(r.NewSkills) == 0 {
		fmt.Fprintln(w, "No skill was cited for the first time this week.")
	} else {
		for _, s := range r.NewSkills {
			fmt.Fprintf(w, "- %s (%s): %d ads, the first in the store\n", s.Skill, s.Category, s.Jobs)
		}
	}
	fmt.Fprintf(w, "\n## Who hired most this week\n\n")
	if len(r.Companies) == 0 {
		fmt.Fprintln(w, "No ad of the week names its advertiser.")
	} else {
		for _, c := range r.Companies {
			fmt.Fprintf(w, "- %s: %d ads\n", c.Name, c.Ads)
		}
	}
	fmt.Fprintf(w, "\n## The main titles\n\n| Title | Ads this week | Ads, 4 weeks | Median salary | n | Change |\n|---|---|---|---|---|---|\n")
	for _, t := range r.Titles {
		med, ch := "–", "–"
		if t.Median != nil {
			med = money(r.Currency, *t.Median)
		}
		if t.Change != nil {
			ch = fmt.Sprintf("%+.1f%%", *t.Change*100)
		}
		fmt.Fprintf(w, "| %s | %d | %d | %s | %d | %s |\n", t.Title, t.Jobs, t.JobsRecent, med, t.N, ch)
	}
	return nil
}

// emailHTML is the report as an e-mail: one table-based page, every style inline, as mail readers
// want.
var emailHTML = template.Must(template.New("email").Funcs(template.FuncMap{
	"money": money,
	"pct":   func(v float64) string { return fmt.Sprintf("%+.1f%%", v*100) },
	"opt": func(cur string, v *float64) string {
		if v == nil {
			return "–"
		}
		return money(cur, *v)
	},
	"optPct": func(v *float64) string {
		if v == nil {
			return "–"
		}
		return fmt.Sprintf("%+.1f%%", *v*100)
	},
}).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The job market, week {{.Week}}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center" style="padding:16px">
<table role="presentation" width="640" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;border:1px solid #d9dee3">
<tr><td style="padding:20px 24px;border-bottom:3px solid #1d4ed8">
<h1 style="margin:0;font-size:22px">The job market, week {{.Week}}</h1>
<p style="margin:6px 0 0;color:#52606d;font-size:14px">{{.From}} to {{.To}}, {{.Country}}: {{.Jobs}} ads this week; {{.JobsRecent}} in the 4 weeks to {{.To}} against {{.JobsBefore}} in the 4 before.</p>
</td></tr>
{{define "movers"}}<table role="presentation" width="100%" cellpadding="4" cellspacing="0" style="font-size:14px;border-collapse:collapse">
<tr style="color:#52606d;text-align:left"><th align="left">Skill</th><th align="right">Rank</th><th align="right">Was</th><th align="right">Ads</th><th align="right">Were</th></tr>
{{range .}}<tr style="border-top:1px solid #e4e7eb"><td>{{.Skill}}</td><td align="right">{{.Rank}}</td><td align="right">{{.RankBefore}}</td><td align="right">{{.Jobs}}</td><td align="right">{{.JobsBefore}}</td></tr>{{end}}
</table>{{end}}
<tr><td style="padding:16px 24px"><h2 style="font-size:17px;margin:0 0 8px">Risers</h2>{{if .Risers}}{{template "movers" .Risers}}{{else}}<p style="font-size:14px">None with enough ads in both spans.</p>{{end}}</td></tr>
<tr><td style="padding:16px 24px"><h2 style="font-size:17px;margin:0 0 8px">Fallers</h2>{{if .Fallers}}{{template "movers" .Fallers}}{{else}}<p style="font-size:14px">None with enough ads in both spans.</p>{{end}}</td></tr>
<tr><td style="padding:16px 24px"><h2 style="font-size:17px;margin:0 0 8px">Salary movers</h2>
{{if .SalaryMovers}}<table role="presentation" width="100%" cellpadding="4" cellspacing="0" style="font-size:14px;border-collapse:collapse">
<tr style="color:#52606d"><th align="left">Skill</th><th align="right">Median</th><th align="right">Was</th><th align="right">Change</th><th align="right">n</th></tr>
{{range .SalaryMovers}}<tr style="border-top:1px solid #e4e7eb"><td>{{.Skill}}</td><td align="right">{{money $.Currency .Median}}</td><td align="right">{{money $.Currency .Before}}</td><td align="right">{{pct .Change}}</td><td align="right">{{.N}} / {{.NBefore}}</td></tr>{{end}}
</table>{{else}}<p style="font-size:14px">No median of enough salaries moved beyond the earlier median's 95% interval.</p>{{end}}</td></tr>
<tr><td style="padding:16px 24px"><h2 style="font-size:17px;margin:0 0 8px">New skills</h2>
<p style="font-size:14px;margin:0">{{range $i, $s := .NewSkills}}{{if $i}}, {{end}}{{$s.Skill}} ({{$s.Jobs}}){{else}}No skill was cited for the first time this week.{{end}}</p></td></tr>
<tr><td style="padding:16px 24px"><h2 style="font-size:17px;margin:0 0 8px">Who hired most</h2>
<p style="font-size:14px;margin:0">{{range $i, $c := .Companies}}{{if $i}} · {{end}}{{$c.Name}} ({{$c.Ads}}){{else}}No ad of the week names its advertiser.{{end}}</p></td></tr>
<tr><td style="padding:16px 24px"><h2 style="font-size:17px;margin:0 0 8px">The main titles</h2>
<table role="presentation" width="100%" cellpadding="4" cellspacing="0" style="font-size:14px;border-collapse:collapse">
<tr style="color:#52606d"><th align="left">Title</th><th align="right">This week</th><th align="right">4 weeks</th><th align="right">Median</th><th align="right">n</th><th align="right">Change</th></tr>
{{range .Titles}}<tr style="border-top:1px solid #e4e7eb"><td>{{.Title}}</td><td align="right">{{.Jobs}}</td><td align="right">{{.JobsRecent}}</td><td align="right">{{opt $.Currency .Median}}</td><td align="right">{{.N}}</td><td align="right">{{optPct .Change}}</td></tr>{{end}}
</table></td></tr>
<tr><td style="padding:12px 24px;color:#7b8794;font-size:12px;border-top:1px solid #e4e7eb">From the job ads themselves. Moves compare {{.RecentFrom}}–{{.To}} with {{.BeforeFrom}}–{{.BeforeTo}}; medians over fewer than 10 salaries are “–”.</td></tr>
</table></td></tr></table>
</body></html>
`))

// WriteHTML writes the report as an e-mail: HTML with every style inline.
func (r *Report) WriteHTML(w io.Writer) error { return emailHTML.Execute(w, r) }
