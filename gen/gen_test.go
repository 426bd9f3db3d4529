package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"jobscope"
)

func generate(t *testing.T, cfg Config) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, cfg); err != nil {
		t.Fatalf("Write(%+v): %v", cfg, err)
	}
	return b.Bytes()
}

func TestDeterminism(t *testing.T) {
	t.Parallel()
	t.Run("same seed gives the same bytes", func(t *testing.T) {
		a := generate(t, Config{Ads: 400, Seed: 7, Reposts: 0.2})
		b := generate(t, Config{Ads: 400, Seed: 7, Reposts: 0.2})
		if !bytes.Equal(a, b) {
			t.Fatal("two runs with the same config differ")
		}
	})
	t.Run("different seeds give different ads", func(t *testing.T) {
		a := strings.Split(string(generate(t, Config{Ads: 200, Seed: 1})), "\n")
		b := strings.Split(string(generate(t, Config{Ads: 200, Seed: 2})), "\n")
		same := 0
		for i := range min(len(a), len(b)) {
			var x, y map[string]any
			if a[i] == "" || b[i] == "" {
				continue
			}
			if err := json.Unmarshal([]byte(a[i]), &x); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(b[i]), &y); err != nil {
				t.Fatal(err)
			}
			if x["description"] == y["description"] {
				same++
			}
		}
		if same > 0 {
			t.Fatalf("%d ads have the same description under seeds 1 and 2", same)
		}
	})
	t.Run("the sequence repeats when iterated again", func(t *testing.T) {
		seq, err := Ads(Config{Ads: 50, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		var first, second []jobscope.RawAd
		for ad := range seq {
			first = append(first, ad)
		}
		for ad := range seq {
			second = append(second, ad)
		}
		if len(first) != 50 || !slices.EqualFunc(first, second, func(a, b jobscope.RawAd) bool {
			return a.ID == b.ID && a.Description == b.Description && a.PostedAt.Equal(b.PostedAt)
		}) {
			t.Fatal("second iteration differs from the first")
		}
	})
	t.Run("Write matches Ads", func(t *testing.T) {
		cfg := Config{Ads: 100, Seed: 11}
		seq, _ := Ads(cfg)
		var b []byte
		for ad := range seq {
			b = AppendJSON(b, &ad)
			b = append(b, '\n')
		}
		if !bytes.Equal(b, generate(t, cfg)) {
			t.Fatal("Write and Ads+AppendJSON disagree")
		}
	})
}

func TestConfig(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		cfg  Config
		ok   bool
	}{
		{"defaults", Config{Ads: 1}, true},
		{"zero ads", Config{}, true},
		{"negative ads", Config{Ads: -1}, false},
		{"negative years", Config{Ads: 1, Years: -2}, false},
		{"too many years", Config{Ads: 1, Years: 40}, false},
		{"reposts above one", Config{Ads: 1, Reposts: 1.5}, false},
		{"reposts NaN", Config{Ads: 1, Reposts: math.NaN()}, false},
		{"end before the tables", Config{Ads: 1, Years: 3, End: time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Write(io.Discard, tc.cfg)
			if (err == nil) != tc.ok {
				t.Fatalf("Write(%+v) error = %v, want ok = %v", tc.cfg, err, tc.ok)
			}
		})
	}
}

// record is a generated line as docs/input.md reads it.
type record struct {
	ID             string `json:"id"`
	Source         string `json:"source"`
	Title          string `json:"title"`
	Description    string `json:"description"`
	Company        string `json:"company"`
	Location       string `json:"location"`
	Salary         string `json:"salary"`
	EmploymentType string `json:"employment_type"`
	PostedAt       string `json:"posted_at"`
	ClosedAt       string `json:"closed_at"`
	URL            string `json:"url"`
}

func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}

func TestJSONLines(t *testing.T) {
	t.Parallel()
	const ads = 3000
	cfg := Config{Ads: ads, Seed: 42, Years: 3, Reposts: 0.1}
	out := generate(t, cfg)
	end := DefaultEnd()
	start := end.AddDate(-3, 0, 0)
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	keys := map[string]bool{}
	var prev time.Time
	n, html, closed, reposts, outOfOrder := 0, 0, 0, 0, 0
	var sizes []int
	for sc.Scan() {
		n++
		var rec record
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&rec); err != nil {
			t.Fatalf("line %d is not a valid ad: %v\n%s", n, err, sc.Text())
		}
		if rec.ID == "" || rec.Title == "" || rec.Source == "" || rec.URL == "" || rec.Description == "" || rec.Company == "" || rec.Location == "" {
			t.Fatalf("line %d misses a field: %+v", n, rec)
		}
		key := rec.Source + "/" + rec.ID
		if keys[key] {
			t.Fatalf("line %d repeats key %s", n, key)
		}
		keys[key] = true
		posted, err := parseDate(rec.PostedAt)
		if err != nil {
			t.Fatalf("line %d: posted_at %q: %v", n, rec.PostedAt, err)
		}
		if rec.Source == DefaultSource {
			if !posted.After(start) || posted.After(end.Add(24*time.Hour)) {
				t.Fatalf("line %d posted %v, outside (%v, %v]", n, posted, start, end)
			}
			if posted.Before(prev.Truncate(24 * time.Hour)) {
				outOfOrder++
			}
			prev = posted
			sizes = append(sizes, len(rec.Description))
			if !strings.HasPrefix(rec.ID, "gen-42-") {
				t.Fatalf("line %d: id %q", n, rec.ID)
			}
		} else {
			reposts++
		}
		if rec.ClosedAt != "" {
			closed++
			c, err := parseDate(rec.ClosedAt)
			if err != nil || !c.After(posted) {
				t.Fatalf("line %d: closed_at %q not after posted_at %q (%v)", n, rec.ClosedAt, rec.PostedAt, err)
			}
		}
		if strings.Contains(rec.Description, "<p>") || strings.Contains(rec.Description, "<li>") {
			html++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n-reposts != ads {
		t.Fatalf("got %d original ads, want %d", n-reposts, ads)
	}
	if outOfOrder > 0 {
		t.Errorf("%d ads posted before the ad preceding them", outOfOrder)
	}
	slices.Sort(sizes)
	if med := sizes[len(sizes)/2]; med < 1400 || med > 2600 {
		t.Errorf("median description is %d bytes, want ~1.5-2.5 KB", med)
	}
	checkShare(t, "reposts", float64(reposts)/ads, 0.07, 0.13)
	checkShare(t, "HTML descriptions", float64(html)/float64(n), 0.2, 0.4)
	checkShare(t, "closed ads", float64(closed)/float64(n), 0.2, 0.45)
}

func checkShare(t *testing.T, what string, got, lo, hi float64) {
	t.Helper()
	if got < lo || got > hi {
		t.Errorf("%s: share %.3f, want between %.2f and %.2f", what, got, lo, hi)
	} else {
		t.Logf("%s: %.3f", what, got)
	}
}

func TestAppendJSON(t *testing.T) {
	t.Parallel()
	ad := jobscope.RawAd{
		ID: "x\"1", Source: "s\\b", Title: "Dev\t<Senior> & \"Lead\"\n", Description: "line1\nline2\r\x01 £50k – €5 😀 \xff",
		PostedAt: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		ClosedAt: time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC),
	}
	var got record
	b := AppendJSON(nil, &ad)
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("invalid JSON %s: %v", b, err)
	}
	want := record{ID: ad.ID, Source: ad.Source, Title: ad.Title, Description: strings.Replace(ad.Description, "\xff", "\ufffd", 1), PostedAt: "2025-01-02", ClosedAt: "2025-02-03T04:05:06Z"}
	if got != want {
		t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestTables(t *testing.T) {
	t.Parallel()
	m := newModel() // panics on a skill name that does not resolve
	if len(families) < 60 {
		t.Errorf("%d title families, want ~60", len(families))
	}
	if len(skills) < 150 {
		t.Errorf("%d skills, want ~150", len(skills))
	}
	for i, f := range families {
		if m.forms[i].len() == 0 || f.base <= 0 || f.weight <= 0 || f.skills == "" {
			t.Errorf("family %q is incomplete", f.name)
		}
	}
	sum := 0.0
	for _, r := range ukRegions {
		sum += r.share
	}
	if math.Abs(sum-1) > 0.02 {
		t.Errorf("UK region shares sum to %.3f", sum)
	}
	if got := companyNo(5, true).name; got == companyNo(5+len(coFirst), true).name {
		t.Errorf("companies 5 and %d share the name %q", 5+len(coFirst), got)
	}
}
