package serve

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"jobscope"
	"jobscope/market"
	"jobscope/stats"
)

// searchInputOf reads a job search from the query parameters.
func searchInputOf(r *http.Request) (market.SearchInput, error) {
	p := paramsOf(r)
	in := market.SearchInput{Q: p.str("q"), Title: p.str("title"), Skill: p.str("skill"), Location: p.str("location"),
		Market: p.str("market"), WorkMode: p.str("work_mode"), Seniority: p.str("seniority"),
		MinPay: p.str("min_pay"), MaxPay: p.str("max_pay"), Pay: p.str("pay"), Since: p.str("since"),
		Cursor: p.str("cursor"), Limit: p.integer("limit", 0, 1)}
	return in, p.err
}

// apiSearch answers GET /api/v1/search: the ads matching the words and filters, newest first, a
// page at a time (next is the cursor of the following page); with CSV, the page's hits.
func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) error {
	csv, err := wantsCSV(r)
	if err != nil {
		return err
	}
	in, err := searchInputOf(r)
	if err != nil {
		return err
	}
	res, err := s.svc.Search(r.Context(), in)
	if err != nil {
		return err
	}
	if csv {
		return writeCSV(w, "search", searchTable(res))
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// searchTable is a page of hits as rows.
func searchTable(res *market.SearchResult) [][]string {
	rows := [][]string{{"source", "id", "posted", "title", "normalized_title", "company", "location", "place",
		"market", "work_mode", "seniority", "pay_min", "pay_max", "currency", "period"}}
	for _, h := range res.Hits {
		row := []string{h.Source, h.ID, h.Posted, h.Title, h.JobTitle, h.Company, h.Location, h.Place, h.Market,
			h.WorkMode, h.Seniority, "", "", "", ""}
		if sal := h.Salary; sal != nil {
			row[11], row[12] = strconv.FormatFloat(sal.Min, 'f', -1, 64), strconv.FormatFloat(sal.Max, 'f', -1, 64)
			row[13], row[14] = sal.Currency, sal.Period
		}
		rows = append(rows, row)
	}
	return rows
}

// adKeyOf reads an ad's key from the path's {source} and {id}.
func adKeyOf(r *http.Request) (jobscope.AdKey, error) {
	k := jobscope.AdKey{Source: r.PathValue("source"), ID: r.PathValue("id")}
	if strings.TrimSpace(k.Source) == "" || strings.TrimSpace(k.ID) == "" {
		return k, &market.Error{Code: market.Invalid, Message: "an ad is named by its source and id: /ads/SOURCE/ID"}
	}
	return k, nil
}

// apiAd answers GET /api/v1/ads/{source}/{id}: the ad as read, what was extracted from it, and
// where in its text the salary and skills were found.
func (s *Server) apiAd(w http.ResponseWriter, r *http.Request) error {
	k, err := adKeyOf(r)
	if err != nil {
		return err
	}
	v, err := s.svc.Ad(r.Context(), k)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

// apiLocations answers GET /api/v1/locations: every location the ads name, on the ladder, most
// ads first; with CSV, as a table.
func (s *Server) apiLocations(w http.ResponseWriter, r *http.Request) error {
	csv, err := wantsCSV(r)
	if err != nil {
		return err
	}
	locs := s.svc.Locations()
	if kind := paramsOf(r).str("kind"); kind != "" {
		kept := locs[:0]
		for _, l := range locs {
			if strings.EqualFold(l.Kind, kind) {
				kept = append(kept, l)
			}
		}
		locs = kept
	}
	if csv {
		rows := [][]string{{"name", "kind", "country", "nation", "region", "county", "ads"}}
		for _, l := range locs {
			rows = append(rows, []string{l.Name, l.Kind, l.Country, l.Nation, l.Region, l.County, strconv.Itoa(l.Ads)})
		}
		return writeCSV(w, "locations", rows)
	}
	writeJSON(w, http.StatusOK, struct {
		Locations []market.LocationEntry `json:"locations"`
	}{locs})
	return nil
}

// apiTaxonomy answers GET /api/v1/taxonomy: the skills and job titles extraction knows, with their
// aliases and how many ads cite each; kind and category narrow it.
func (s *Server) apiTaxonomy(w http.ResponseWriter, r *http.Request) error {
	csv, err := wantsCSV(r)
	if err != nil {
		return err
	}
	p := paramsOf(r)
	entries, err := s.svc.Taxonomy(jobscope.TermKind(p.str("kind")), p.str("category"))
	if err != nil {
		return err
	}
	if csv {
		rows := [][]string{{"name", "kind", "category", "aliases", "ads"}}
		for _, e := range entries {
			rows = append(rows, []string{e.Name, e.Kind, e.Category, strings.Join(e.Aliases, "|"), strconv.Itoa(e.Ads)})
		}
		return writeCSV(w, "taxonomy", rows)
	}
	writeJSON(w, http.StatusOK, struct {
		Entries []market.TaxonomyEntry `json:"entries"`
	}{entries})
	return nil
}

// searchPage is job search: the form, a page of hits and the links to the next.
type searchPage struct {
	Query    url.Values
	Result   *market.SearchResult
	Next     string // the next page's address, "" on the last
	First    string // the first page's address, when this is a later one
	Markets  []string
	Modes    []string
	Levels   []string
	Searched bool // the form was filled in
}

func (searchPage) title() string { return "Job search" }

func (pg *pages) search(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	in, err := searchInputOf(r)
	if err != nil {
		return "", nil, err
	}
	res, err := s.svc.Search(r.Context(), in)
	if err != nil {
		return "", nil, err
	}
	q := r.URL.Query()
	sp := searchPage{Query: q, Result: res, Markets: []string{"permanent", "contract", "temporary", "internship", "apprenticeship"},
		Modes: stats.WorkModes, Levels: stats.Seniorities, Searched: !res.Query.IsZero()}
	if res.Next != "" {
		next := cloneValues(q)
		next.Set("cursor", res.Next)
		sp.Next = "/search?" + next.Encode()
	}
	if in.Cursor != "" {
		first := cloneValues(q)
		first.Del("cursor")
		sp.First = "/search?" + first.Encode()
	}
	return "search", sp, nil
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = slices.Clone(vs)
	}
	return out
}

// adPage is one ad: its text with what extraction read marked, and the extraction beside it.
type adPage struct {
	Ad       *market.AdView
	Segments []segment
	// SalaryField is the record's own salary field, the figure extraction read from it marked.
	SalaryField []segment
	Skills      []jobscope.Skill
	Salary      *jobscope.Salary
}

func (a adPage) title() string { return a.Ad.Title }

// segment is a run of an ad's text: plain, or a mark (Kind "salary" or "skill").
type segment struct {
	Text, Kind, Skill string
}

// segments cuts text at its marks, which are in order and never overlap.
func segments(text string, marks []market.Mark) []segment {
	var out []segment
	at := 0
	for _, m := range marks {
		if m.Start < at || m.End > len(text) {
			continue
		}
		if m.Start > at {
			out = append(out, segment{Text: text[at:m.Start]})
		}
		out = append(out, segment{Text: text[m.Start:m.End], Kind: m.Kind, Skill: m.Skill})
		at = m.End
	}
	if at < len(text) {
		out = append(out, segment{Text: text[at:]})
	}
	return out
}

func (pg *pages) ad(_ http.ResponseWriter, r *http.Request, s *Server) (string, any, error) {
	k, err := adKeyOf(r)
	if err != nil {
		return "", nil, err
	}
	v, err := s.svc.Ad(r.Context(), k)
	if err != nil {
		return "", nil, err
	}
	ap := adPage{Ad: v, Segments: segments(v.Text, v.Marks), Skills: v.Extraction.Skills, Salary: v.Extraction.Salary}
	if v.SalaryText != "" {
		var marks []market.Mark
		if sal := v.Extraction.Salary; sal != nil && sal.Text != "" {
			if i := strings.Index(v.SalaryText, sal.Text); i >= 0 {
				marks = append(marks, market.Mark{Start: i, End: i + len(sal.Text), Kind: "salary"})
			}
		}
		ap.SalaryField = segments(v.SalaryText, marks)
	}
	return "ad", ap, nil
}

// adURL is the address of an ad's page.
func adURL(source, id string) string {
	return "/ads/" + url.PathEscape(source) + "/" + url.PathEscape(id)
}

// payText writes a quoted pay: "£50,000–£60,000 a year".
func payText(s *jobscope.Salary) string {
	if s == nil {
		return ""
	}
	lo, hi := s.Min, s.Max
	out := market.Money(s.Currency, &lo)
	if hi != lo {
		out += "–" + market.Money(s.Currency, &hi)
	}
	per := map[string]string{jobscope.PeriodYear: "a year", jobscope.PeriodMonth: "a month", jobscope.PeriodWeek: "a week",
		jobscope.PeriodDay: "a day", jobscope.PeriodHour: "an hour"}[s.Period]
	if per != "" {
		out += " " + per
	}
	return out
}
