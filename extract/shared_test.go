package extract

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jobscope"
	"jobscope/taxonomy"
)

// sharedAd is an ad of $JOBSCOPE_SHARED/data/ads/*/ads.jsonl with the source's labels beside it.
type sharedAd struct {
	ad     jobscope.RawAd
	labels map[string]any
}

func readShared(t testing.TB, set string) []sharedAd {
	t.Helper()
	root := os.Getenv("JOBSCOPE_SHARED")
	if root == "" {
		t.Skip("JOBSCOPE_SHARED is not set")
	}
	dir := filepath.Join(root, "data", "ads", set)
	labels := map[string]map[string]any{}
	readJSONL(t, filepath.Join(dir, "labels.jsonl"), func(b []byte) {
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("labels: %v", err)
		}
		labels[str(m["id"])] = m
	})
	var out []sharedAd
	readJSONL(t, filepath.Join(dir, "ads.jsonl"), func(b []byte) {
		var r struct {
			ID, Source, Title, Description, Company, Location, Salary string
			EmploymentType                                            string `json:"employment_type"`
		}
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("ads: %v", err)
		}
		out = append(out, sharedAd{ad: jobscope.RawAd{ID: r.ID, Source: r.Source, Title: r.Title, Description: r.Description,
			Company: r.Company, Location: r.Location, Salary: r.Salary, EmploymentType: r.EmploymentType}, labels: labels[r.ID]})
	})
	return out
}

func readJSONL(t testing.TB, path string, fn func([]byte)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		if len(sc.Bytes()) > 0 {
			fn(sc.Bytes())
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case nil:
		return ""
	}
	return ""
}

func num(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	return New(tx)
}

// adzunaAnnual annualises a salary with Adzuna's own conversions.
func adzunaAnnual(s *jobscope.Salary) float64 {
	m := s.Mid()
	switch s.Period {
	case jobscope.PeriodHour:
		return m * 1920
	case jobscope.PeriodDay:
		return m * 240
	case jobscope.PeriodWeek:
		return m * 48
	case jobscope.PeriodMonth:
		return m * 12
	}
	return m
}

func within(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Abs(b) }

type tally struct{ ok, n int }

func (c *tally) add(ok bool) {
	c.n++
	if ok {
		c.ok++
	}
}
func (c tally) rate() float64 {
	if c.n == 0 {
		return 1
	}
	return float64(c.ok) / float64(c.n)
}

// TestSharedAgreement measures extraction against the labels sources published with their ads and
// fails only below floors measured when this test was written.
func TestSharedAgreement(t *testing.T) {
	e := newTestExtractor(t)
	verbose := os.Getenv("JOBSCOPE_VERBOSE") != ""

	t.Run("adzuna", func(t *testing.T) {
		var sal, reg, typ, hrs tally
		for _, a := range readShared(t, "adzuna_uk_2013") {
			x := e.Extract(&a.ad)
			if want, ok := num(a.labels["salary_annual_adzuna"]); ok {
				good := x.Salary != nil && within(adzunaAnnual(x.Salary), want, 0.01)
				sal.add(good)
				if !good && verbose {
					t.Logf("salary %q: got %+v want %v", a.ad.Salary, x.Salary, want)
				}
			}
			if want := str(a.labels["region"]); want != "" {
				good := string(x.Location.Region) == want
				reg.add(good)
				if !good && verbose {
					t.Logf("region %q: got %q want %q", a.ad.Location, x.Location.Region, want)
				}
			}
			if want := str(a.labels["employment_type"]); want != "" {
				typ.add(string(x.Employment.Type) == want)
			}
			if want := str(a.labels["hours"]); want != "" {
				hrs.add(string(x.Employment.Hours) == want)
			}
		}
		t.Logf("adzuna: salary %.1f%% of %d, region %.1f%% of %d, type %.1f%% of %d, hours %.1f%% of %d",
			100*sal.rate(), sal.n, 100*reg.rate(), reg.n, 100*typ.rate(), typ.n, 100*hrs.rate(), hrs.n)
		floor(t, "salary", sal, 0.97)
		floor(t, "region", reg, 0.93)
		floor(t, "type", typ, 0.95)
	})

	t.Run("nhs", func(t *testing.T) {
		var sal, reg tally
		lookup := postcodeRegions(t)
		for _, a := range readShared(t, "nhs_jobs_2020") {
			x := e.Extract(&a.ad)
			lo, ok1 := num(a.labels["salary_min"])
			hi, ok2 := num(a.labels["salary_max"])
			if ok1 && ok2 && lo >= 1000 {
				good := x.Salary != nil && within(x.Salary.Min, lo, 0.01) && within(x.Salary.Max, hi, 0.01)
				if x.Salary != nil && x.Salary.Period == jobscope.PeriodHour {
					// NHS Jobs labels hourly rates as annual figures, at 1,681 hours a year.
					good = within(x.Salary.Min*1681, lo, 0.01) && within(x.Salary.Max*1681, hi, 0.01)
				}
				sal.add(good)
				if !good && verbose {
					t.Logf("salary %q: got %+v want %v-%v", a.ad.Salary, x.Salary, lo, hi)
				}
			}
			pc := str(a.labels["postcode"])
			if i := strings.IndexByte(pc, ' '); i > 0 {
				if want := lookup[pc[:i]]; want != "" {
					good := string(x.Location.Region) == want
					reg.add(good)
					if !good && verbose {
						t.Logf("region %q: got %q want %q", a.ad.Location, x.Location.Region, want)
					}
				}
			}
		}
		t.Logf("nhs: salary %.1f%% of %d, region %.1f%% of %d", 100*sal.rate(), sal.n, 100*reg.rate(), reg.n)
		floor(t, "salary", sal, 0.94)
		floor(t, "region", reg, 0.95)
	})

	t.Run("reed", func(t *testing.T) {
		var typ, parsed, reg tally
		for _, a := range readShared(t, "reed_uk") {
			x := e.Extract(&a.ad)
			want, _ := EmploymentFromLabel(str(a.labels["job_type"]))
			typ.add(string(x.Employment.Type) == want)
			s := strings.ToLower(a.ad.Salary)
			if strings.Contains(s, "£") && !strings.Contains(s, "ote") {
				parsed.add(x.Salary != nil && x.Salary.Period == jobscope.PeriodYear)
			}
			reg.add(x.Location.Region != "")
		}
		t.Logf("reed: type %.1f%% of %d, annual salary parsed %.1f%% of %d, region found %.1f%% of %d",
			100*typ.rate(), typ.n, 100*parsed.rate(), parsed.n, 100*reg.rate(), reg.n)
		floor(t, "type", typ, 0.99)
		floor(t, "salary", parsed, 0.97)
		floor(t, "region found", reg, 0.9)
	})

	t.Run("glassdoor", func(t *testing.T) {
		var sal, state tally
		for _, a := range readShared(t, "glassdoor_us_2020") {
			x := e.Extract(&a.ad)
			lo, ok1 := num(a.labels["min_salary"])
			hi, ok2 := num(a.labels["max_salary"])
			if ok1 && ok2 {
				if str(a.labels["hourly"]) != "1" {
					lo, hi = lo*1000, hi*1000
				}
				good := x.Salary != nil && within(x.Salary.Min, lo, 0.01) && within(x.Salary.Max, hi, 0.01) && x.Salary.Currency == "USD"
				sal.add(good)
				if !good && verbose {
					t.Logf("salary %q: got %+v want %v-%v", a.ad.Salary, x.Salary, lo, hi)
				}
			}
			if code := strings.TrimSpace(str(a.labels["job_state"])); code != "" {
				good := x.Location.Country == "US" && x.Location.Region != ""
				state.add(good)
				if !good && verbose {
					t.Logf("state %q: got %+v want %v", a.ad.Location, x.Location, code)
				}
			}
		}
		t.Logf("glassdoor: salary %.1f%% of %d, state %.1f%% of %d", 100*sal.rate(), sal.n, 100*state.rate(), state.n)
		floor(t, "salary", sal, 0.97)
		floor(t, "state", state, 0.95)
	})

	t.Run("hn", func(t *testing.T) {
		var country, remote tally
		for _, a := range readShared(t, "hn_whoishiring_2013_2018") {
			x := e.Extract(&a.ad)
			if want := str(a.labels["country"]); want != "" && x.Location.Country != "" {
				good := string(x.Location.Country) == want
				country.add(good)
				if !good && verbose && country.n < 400 {
					t.Logf("country %q: got %q want %q", a.ad.Title, x.Location.Country, want)
				}
			}
			if r, ok := a.labels["remote"].(bool); ok {
				remote.add(x.Location.Remote == r)
			}
		}
		t.Logf("hn: country agreement %.1f%% of %d found, remote flag %.1f%% of %d",
			100*country.rate(), country.n, 100*remote.rate(), remote.n)
		floor(t, "country", country, 0.94)
	})
}

func floor(t *testing.T, what string, c tally, min float64) {
	t.Helper()
	if c.n > 0 && c.rate() < min {
		t.Errorf("%s agreement %.1f%% is below the floor of %.0f%%", what, 100*c.rate(), 100*min)
	}
}

// postcodeRegions reads the shared postcode-district table (test data only, never shipped).
func postcodeRegions(t testing.TB) map[string]string {
	t.Helper()
	path := filepath.Join(os.Getenv("JOBSCOPE_SHARED"), "data", "geo", "postcode_districts", "Postcode districts.csv")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no postcode table: %v", err)
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rec := splitCSV(sc.Text())
		if len(rec) >= 14 {
			m[rec[0]] = rec[13]
		}
	}
	return m
}

// splitCSV splits one CSV line, honouring double quotes.
func splitCSV(line string) []string {
	var out []string
	var b strings.Builder
	q := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '"':
			q = !q
		case c == ',' && !q:
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(out, b.String())
}
