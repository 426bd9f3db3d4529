package read

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"jobscope"
)

// readAll reads every record of content, read as the file name.
func readAll(t *testing.T, name, content string) ([]*jobscope.RawAd, []*jobscope.Reject) {
	t.Helper()
	r, err := New(name, strings.NewReader(content), int64(len(content)))
	if err != nil {
		t.Fatalf("New(%q): %v", name, err)
	}
	defer r.Close()
	return drain(t, r)
}

func drain(t *testing.T, r *Reader) ([]*jobscope.RawAd, []*jobscope.Reject) {
	t.Helper()
	var ads []*jobscope.RawAd
	var rejects []*jobscope.Reject
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return ads, rejects
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		switch {
		case rec.Ad != nil && rec.Reject == nil:
			ads = append(ads, rec.Ad)
		case rec.Reject != nil && rec.Ad == nil:
			rejects = append(rejects, rec.Reject)
		default:
			t.Fatalf("record with ad %v and reject %v", rec.Ad, rec.Reject)
		}
	}
}

// wantReject is a reject expected at a line with a reason starting with prefix.
type wantReject struct {
	line   int
	prefix string
}

func checkRejects(t *testing.T, file string, got []*jobscope.Reject, want []wantReject) {
	t.Helper()
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("reject: line %d: %s (%q)", g.Line, g.Reason, g.Record)
		}
		t.Fatalf("got %d rejects, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Line != w.line || !strings.HasPrefix(g.Reason, w.prefix) {
			t.Errorf("reject %d: line %d %q, want line %d %q…", i, g.Line, g.Reason, w.line, w.prefix)
		}
		if g.File != file {
			t.Errorf("reject %d: file %q, want %q", i, g.File, file)
		}
		if g.At.IsZero() {
			t.Errorf("reject %d: no time", i)
		}
	}
}

func ids(ads []*jobscope.RawAd) string {
	var s []string
	for _, a := range ads {
		s = append(s, a.Source+"/"+a.ID)
	}
	return strings.Join(s, " ")
}

func TestJSONL(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		in      string
		ids     string
		rejects []wantReject
	}{
		{
			name: "plain records, blank lines skipped",
			file: "reed.jsonl",
			in:   "{\"id\":\"1\",\"title\":\"Dev\"}\n\n   \n{\"id\":2,\"title\":\"Ops\",\"source\":\"adzuna\"}\r\n{\"id\":\"3\",\"title\":\"QA\"}",
			ids:  "reed/1 adzuna/2 reed/3",
		},
		{
			name: "numeric ids as written",
			file: "x.jsonl",
			in:   `{"id":12345678901234567890,"title":"A"}` + "\n" + `{"id":1.5,"title":"B"}`,
			ids:  "x/12345678901234567890 x/1.5",
		},
		{
			name: "every reject reason",
			file: "bad.ndjson",
			in: strings.Join([]string{
				`{"id":"1","title":"ok"}`,
				`{"id":"2","title":`,
				`{"title":"no id"}`,
				`{"id":"4"}`,
				`{"id":"5","title":"  "}`,
				`{"id":"6","title":"t","posted_at":"2021-02-30"}`,
				`{"id":"7","title":"t","closed_at":"soon"}`,
				`{"id":"8","title":{"x":1}}`,
				`[1,2]`,
				`"just a string"`,
				`{"id":"11","title":"t"} trailing`,
				`{"@type":"Organization","name":"Acme"}`,
				`{"id":"","title":"t"}`,
				`{"id":null,"title":"t"}`,
				`{"id":true,"title":"t"}`,
				`{"@context":"https://schema.org","@graph":[{"@type":"WebPage"}]}`,
				`{"id":"17","title":"ok"}`,
			}, "\n"),
			// An unreadable date keeps the ad, its date unknown (TestDateNotes).
			ids: "bad/1 bad/6 bad/7 bad/17",
			rejects: []wantReject{
				{2, "invalid JSON: unexpected end of JSON input"},
				{3, `missing "id"`},
				{4, `missing "title"`},
				{5, `missing "title"`},
				{8, `invalid "title": want a string, got an object`},
				{9, "not a JSON object"},
				{9, "not a JSON object"},
				{10, "not a JSON object"},
				{11, "invalid JSON: invalid character 't' after top-level value"},
				{12, `not a JobPosting (@type Organization)`},
				{13, `missing "id"`},
				{14, `missing "id"`},
				{15, `invalid "id": want a string, got true`},
				{16, "no JobPosting in @graph"},
			},
		},
		{
			name: "array of records on a line",
			file: "a.jsonl",
			in:   `[{"id":"1","title":"A"},{"id":"2","title":"B"}]`,
			ids:  "a/1 a/2",
		},
		{
			name: "JobPosting per line",
			file: "ld.jsonl",
			in: `{"@type":"JobPosting","identifier":{"@type":"PropertyValue","value":"A1"},"title":"Nurse"}` + "\n" +
				`{"@type":["Thing","http://schema.org/JobPosting"],"url":"https://x/2","title":"Doctor"}` + "\n" +
				`{"@type":"JobPosting","title":"No id"}`,
			ids:     "ld/A1 ld/https://x/2",
			rejects: []wantReject{{3, `missing "id"`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ads, rejects := readAll(t, tt.file, tt.in)
			if got := ids(ads); got != tt.ids {
				t.Errorf("ads %q, want %q", got, tt.ids)
			}
			checkRejects(t, tt.file, rejects, tt.rejects)
		})
	}
}

// TestDateNotes: a date that cannot be read, or lies outside the plausible window, leaves the ad with
// no date and a note saying why; the rest of the record is read.
func TestDateNotes(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"1","title":"t","posted_at":"2021-02-30"}`,
		`{"id":"2","title":"t","posted_at":"9999-12-31","closed_at":"soon"}`,
		`{"id":"3","title":"t","posted_at":"31/01/2020"}`,
	}, "\n")
	ads, rejects := readAll(t, "d.jsonl", in)
	if len(rejects) != 0 || len(ads) != 3 {
		t.Fatalf("%d ads, %d rejects", len(ads), len(rejects))
	}
	want := []string{`invalid posted_at "2021-02-30": day out of range`,
		`invalid posted_at "9999-12-31": outside 1990 to a year from today; invalid closed_at "soon": not a date`, ""}
	for i, a := range ads {
		if !strings.HasPrefix(a.DateNote, want[i]) || want[i] == "" && a.DateNote != "" {
			t.Errorf("%s: note %q, want %q", a.ID, a.DateNote, want[i])
		}
		if i < 2 && !a.PostedAt.IsZero() {
			t.Errorf("%s: posted %v, want none", a.ID, a.PostedAt)
		}
	}
	if got := ads[2].PostedAt.Format("2006-01-02"); got != "2020-01-31" {
		t.Errorf("day-first date read as %s", got)
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, or "" for a reject
	}{
		{"2019-08-08", "2019-08-08T00:00:00Z"},
		{"2019-08-08T11:13:33+01:00", "2019-08-08T11:13:33+01:00"},
		{"2019-08-08T11:13:33Z", "2019-08-08T11:13:33Z"},
		{"2019-08-08T11:13:33.250Z", "2019-08-08T11:13:33.25Z"},
		{"2019-08-08T11:13:33+0100", "2019-08-08T11:13:33+01:00"},
		{"2019-08-08 11:13:33", "2019-08-08T11:13:33Z"},
		{"2019-08-08T11:13:33", "2019-08-08T11:13:33Z"},
		{"2021-02-30", ""},
		{"2021-13-01", ""},
		{"2019-08-08T25:00:00Z", ""},
		{"08/08/2019", "2019-08-08T00:00:00Z"},
		{"31/01/2026", "2026-01-31T00:00:00Z"},
		{"6/11/2020", "2020-11-06T00:00:00Z"},
		{"11/26/2020", "2020-11-26T00:00:00Z"},
		{"2020/11/06", "2020-11-06T00:00:00Z"},
		{"6 November 2020", "2020-11-06T00:00:00Z"},
		{"Nov 6, 2020", "2020-11-06T00:00:00Z"},
		{"Fri, 06 Nov 2020 10:00:00 GMT", "2020-11-06T10:00:00Z"},
		{"1604656800", "2020-11-06T10:00:00Z"},
		{"31/02/2026", ""},
		{"0001-01-01", ""},
		{"0000-01-01", ""},
		{"9999-12-31", ""},
		{"1989-12-31", ""},
		{"garbage", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseTime("posted_at", tt.in)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("parsed as %v, want an error", got)
				}
				if !strings.HasPrefix(err.Error(), `invalid posted_at "`+tt.in+`": `) {
					t.Errorf("error %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := got.Format(time.RFC3339Nano); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
	t.Run("empty is absent", func(t *testing.T) {
		got, err := parseTime("posted_at", " ")
		if err != nil || !got.IsZero() {
			t.Errorf("got %v, %v", got, err)
		}
	})
}

func TestFields(t *testing.T) {
	in := `{"id":" 42 ","source":"reed","title":"Go Developer","description":"<p>Write Go</p>","company":"Acme Ltd",` +
		`"location":"London","salary":"£60k","employment_type":"Permanent","posted_at":"2024-03-01",` +
		`"closed_at":"2024-04-01T00:00:00Z","url":"https://e/42","extra":{"kept":true}}`
	ads, rejects := readAll(t, "-", in)
	if len(rejects) != 0 || len(ads) != 1 {
		t.Fatalf("got %d ads, %d rejects", len(ads), len(rejects))
	}
	a := ads[0]
	want := jobscope.RawAd{
		Source: "reed", ID: "42", Title: "Go Developer", Description: "<p>Write Go</p>", Company: "Acme Ltd",
		Location: "London", Salary: "£60k", EmploymentType: "Permanent",
		PostedAt: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), ClosedAt: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC),
		URL: "https://e/42",
	}
	got := *a
	got.Raw = nil
	if !got.PostedAt.Equal(want.PostedAt) || !got.ClosedAt.Equal(want.ClosedAt) {
		t.Errorf("dates %v %v", got.PostedAt, got.ClosedAt)
	}
	got.PostedAt, got.ClosedAt, want.PostedAt, want.ClosedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if string(a.Raw) != in {
		t.Errorf("raw %s", a.Raw)
	}
}

func TestJobPosting(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want jobscope.RawAd
	}{
		{
			name: "nhs style",
			in: `{"@context":"http://schema.org","@type":"JobPosting","baseSalary":{"@type":"MonetaryAmount","currency":"GBP",` +
				`"value":{"@type":"QuantitativeValue","maxValue":"110683","minValue":"82096","unitText":"YEAR","value":"£82,096 to £110,683 pa"}},` +
				`"datePosted":"2019-10-09T13:34:51+0100","description":"&lt;p&gt;Hi","employmentType":"FULL_TIME",` +
				`"hiringOrganization":{"@type":"Organization","name":"Humber NHS"},"jobLocation":{"@type":"Place","address":` +
				`{"@type":"PostalAddress","addressCountry":"GB","addressLocality":"Hull","postalCode":"HU3 2RT"}},` +
				`"title":"Consultant","url":"https://www.jobs.nhs.uk/xi/vacancy/915787193","validThrough":"2020-11-30T23:59:59+0000"}`,
			want: jobscope.RawAd{
				Source: "nhs", ID: "https://www.jobs.nhs.uk/xi/vacancy/915787193", Title: "Consultant", Description: "&lt;p&gt;Hi",
				Company: "Humber NHS", Location: "Hull, HU3 2RT, GB", Salary: "£82,096 to £110,683 pa", EmploymentType: "FULL_TIME",
				PostedAt: time.Date(2019, 10, 9, 12, 34, 51, 0, time.UTC), ClosedAt: time.Date(2020, 11, 30, 23, 59, 59, 0, time.UTC),
				URL:        "https://www.jobs.nhs.uk/xi/vacancy/915787193",
				BaseSalary: &jobscope.StructuredSalary{Min: 82096, Max: 110683, Currency: "GBP", Unit: "YEAR", Text: "£82,096 to £110,683 pa"},
			},
		},
		{
			name: "identifier, locations array, country object, remote, employment types, plain salary",
			in: `{"@type":"JobPosting","identifier":{"@type":"PropertyValue","name":"Acme","value":981},"title":"SRE",` +
				`"hiringOrganization":"Acme","jobLocation":[{"address":{"addressLocality":"Leeds","addressRegion":"West Yorkshire",` +
				`"addressCountry":{"@type":"Country","name":"United Kingdom"}}},{"address":"Remote, UK"}],` +
				`"jobLocationType":["TELECOMMUTE"],"employmentType":["FULL_TIME","CONTRACTOR"],` +
				`"baseSalary":{"@type":"MonetaryAmount","currency":"gbp","value":550,"unitText":"day"},"datePosted":"2024-01-02"}`,
			want: jobscope.RawAd{
				Source: "nhs", ID: "981", Title: "SRE", Company: "Acme",
				Location: "Leeds, West Yorkshire, United Kingdom; Remote, UK", EmploymentType: "FULL_TIME, CONTRACTOR",
				PostedAt: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), Remote: true,
				BaseSalary: &jobscope.StructuredSalary{Min: 550, Max: 550, Currency: "GBP", Unit: "DAY"},
			},
		},
		{
			name: "string identifier, min only, text-only salary value",
			in: `{"@type":"JobPosting","identifier":"X-1","url":"https://u","title":"T","baseSalary":{"currency":"USD",` +
				`"value":{"minValue":90000.5,"unitText":"YEAR"}}}`,
			want: jobscope.RawAd{
				Source: "nhs", ID: "X-1", Title: "T", URL: "https://u",
				BaseSalary: &jobscope.StructuredSalary{Min: 90000.5, Max: 90000.5, Currency: "USD", Unit: "YEAR"},
			},
		},
		{
			name: "salary text without figures",
			in:   `{"@type":"JobPosting","identifier":"X-2","title":"T","baseSalary":{"currency":"GBP","value":{"value":"Competitive"}}}`,
			want: jobscope.RawAd{Source: "nhs", ID: "X-2", Title: "T", Salary: "Competitive"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ads, rejects := readAll(t, "nhs.jsonl", tt.in)
			if len(rejects) != 0 || len(ads) != 1 {
				for _, r := range rejects {
					t.Log(r.Reason)
				}
				t.Fatalf("got %d ads, %d rejects", len(ads), len(rejects))
			}
			got := *ads[0]
			if string(got.Raw) != tt.in {
				t.Errorf("raw %s", got.Raw)
			}
			if !got.PostedAt.Equal(tt.want.PostedAt) || !got.ClosedAt.Equal(tt.want.ClosedAt) {
				t.Errorf("dates %v %v, want %v %v", got.PostedAt, got.ClosedAt, tt.want.PostedAt, tt.want.ClosedAt)
			}
			if (got.BaseSalary == nil) != (tt.want.BaseSalary == nil) ||
				got.BaseSalary != nil && *got.BaseSalary != *tt.want.BaseSalary {
				t.Errorf("salary %+v, want %+v", got.BaseSalary, tt.want.BaseSalary)
			}
			got.Raw, got.BaseSalary, tt.want.BaseSalary = nil, nil, nil
			got.PostedAt, got.ClosedAt, tt.want.PostedAt, tt.want.ClosedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
	t.Run("rejects", func(t *testing.T) {
		in := strings.Join([]string{
			`{"@type":"JobPosting","identifier":"1","title":"T","datePosted":"2020-02-31"}`,
			`{"@type":"JobPosting","identifier":"2","title":"T","baseSalary":{"currency":"GBP","value":{"minValue":true}}}`,
			`{"@type":"JobPosting","identifier":"3","title":"T","validThrough":"tomorrow"}`,
			`{"@type":"JobPosting","identifier":"4","title":"T","hiringOrganization":{"name":["a"]}}`,
		}, "\n")
		ads, rejects := readAll(t, "x.jsonl", in)
		if got := ids(ads); got != "x/1 x/3" {
			t.Errorf("got ads %s, want x/1 x/3 (unreadable dates keep the ad)", got)
		}
		for i, want := range []string{`invalid datePosted "2020-02-31": day out of range`, `invalid validThrough "tomorrow"`} {
			if i < len(ads) && !strings.HasPrefix(ads[i].DateNote, want) {
				t.Errorf("%s: date note %q, want %q", ads[i].ID, ads[i].DateNote, want)
			}
		}
		checkRejects(t, "x.jsonl", rejects, []wantReject{
			{2, `invalid "baseSalary.value.minValue": want a number`},
			{4, `invalid "hiringOrganization.name": want a string, got an array`},
		})
	})
}

func TestJSONDocument(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		in      string
		ids     string
		rejects []wantReject
	}{
		{
			name: "pretty array",
			file: "ads.json",
			in:   "[\n  {\"id\": \"1\", \"title\": \"A\"},\n  {\n    \"id\": \"2\"\n  },\n  {\"id\": \"3\", \"title\": \"C\"}\n]\n",
			ids:  "ads/1 ads/3",
			rejects: []wantReject{
				{3, `missing "title"`},
			},
		},
		{
			name: "one pretty object",
			file: "one.json",
			in:   "{\n  \"id\": \"1\",\n  \"title\": \"A\"\n}\n",
			ids:  "one/1",
		},
		{
			name: "graph streamed",
			file: "g.json",
			in: "{\"@context\": \"https://schema.org\",\n \"@graph\": [\n  {\"@type\": \"WebPage\"},\n" +
				"  {\"@type\": \"JobPosting\", \"identifier\": \"j1\", \"title\": \"A\"},\n" +
				"  {\"@type\": \"JobPosting\", \"identifier\": \"j2\"}\n ]}",
			ids:     "g/j1",
			rejects: []wantReject{{5, `missing "title"`}},
		},
		{
			name:    "broken array stops with a reject",
			file:    "b.json",
			in:      "[\n{\"id\":\"1\",\"title\":\"A\"},\n{\"id\":\"2\",\"title\":\n",
			ids:     "b/1",
			rejects: []wantReject{{3, "invalid JSON: unexpected end of JSON input"}},
		},
		{
			name: "a broken element is stepped past",
			file: "k.json",
			in: "[\n{\"id\":\"1\",\"title\":\"A\"},\n{\"id\":\"2\",\"title\": tru},\n{\"id\":\"3\",\"title\":\"C\"}\n" +
				"{\"id\":\"4\",\"title\":\"D\"},, {\"id\":\"5\",\"title\":\"E\", ]}, {\"id\":\"6\",\"title\":\"F\"}]\n",
			ids: "k/1 k/3 k/4 k/6",
			rejects: []wantReject{
				{3, "invalid JSON: invalid character '}' in literal true"},
				{5, "invalid JSON: invalid character ']' looking for beginning of object key string"},
			},
		},
		{
			name: "a broken top-level object is one reject",
			file: "o.json",
			in:   "{\n\"id\":\"1\"\n\"title\":{\"x\":[1,\"}\"]}}\n{\"id\":\"2\",\n\"title\":\"B\"}\n",
			ids:  "o/2",
			rejects: []wantReject{
				{1, `invalid JSON: want ',' or '}' after field "id", got '"'`},
			},
		},
		{
			name: "an element over the limit keeps the lines after it right",
			file: "n.json",
			in: "[{\"id\":\"1\",\"title\":\"A\"},\n{\"id\":\"2\",\"description\":[" + strings.Repeat("\"x\",\n", 3<<20) + "\"y\"]},\n" +
				"{\"id\":\"3\",\"title\":\"C\"}]",
			ids: "n/1 n/3",
			rejects: []wantReject{
				{2, "element over the 8 MiB limit (15728670 bytes)"},
			},
		},
		{
			name:    "array of scalars",
			file:    "s.json",
			in:      `[1, {"id":"2","title":"B"}]`,
			ids:     "s/2",
			rejects: []wantReject{{1, "not a JSON object"}},
		},
		{
			name: "JSON lines in a .json file",
			file: "l.json",
			in:   "{\"id\":\"1\",\"title\":\"A\"}\n{\"id\":\"2\",\"title\":\"B\"}\n",
			ids:  "l/1 l/2",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ads, rejects := readAll(t, tt.file, tt.in)
			if got := ids(ads); got != tt.ids {
				t.Errorf("ads %q, want %q", got, tt.ids)
			}
			checkRejects(t, tt.file, rejects, tt.rejects)
		})
	}
}

func TestHTML(t *testing.T) {
	page := `<!DOCTYPE html>
<html><head>
<script>var s = "<script type='application/ld+json'>{}</script>";</script>
<!-- <script type="application/ld+json">{"@type":"JobPosting","identifier":"commented","title":"No"}</script> -->
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"Organization","name":"Acme"}
</script>
<SCRIPT TYPE="application/ld+json; charset=utf-8">
{"@context":"https://schema.org","@type":"JobPosting","identifier":"p1","title":"Go Developer",
 "hiringOrganization":{"name":"Acme"}}
</SCRIPT>
</head><body>
<script type="application/ld+json">[{"@type":"JobPosting","identifier":"p2","title":"A &amp; B"},{"@type":"JobPosting","identifier":"p3"}]</script>
<script type='application/ld+json'>{"@graph":[{"@type":"WebPage","mainEntity":{"@type":"JobPosting","url":"https://e/p4","title":"Nested"}}]}</script>
<script type="application/ld+json">{"@type":"JobPosting",</script>
<script type="application/ld+json"><!--
{"@type":"JobPosting","identifier":"p5","title":"Wrapped"}
--></script>
</body></html>`
	ads, rejects := readAll(t, "page.html", page)
	if got, want := ids(ads), "page/p1 page/p2 page/https://e/p4 page/p5"; got != want {
		t.Errorf("ads %q, want %q", got, want)
	}
	checkRejects(t, "page.html", rejects, []wantReject{
		{13, `missing "title"`},
		{15, "invalid JSON-LD: unexpected end of JSON input"},
	})
	if ads[0].Company != "Acme" || ads[1].Title != "A &amp; B" {
		t.Errorf("fields: %+v %+v", ads[0], ads[1])
	}
	t.Run("sniffed", func(t *testing.T) {
		ads, _ := readAll(t, "-", page)
		if len(ads) != 4 {
			t.Errorf("got %d ads", len(ads))
		}
	})
}

func TestCSV(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		in      string
		ids     string
		rejects []wantReject
		check   func(t *testing.T, ads []*jobscope.RawAd)
	}{
		{
			name: "header in any case, quoting, multi-line fields, CRLF",
			file: "jobs.csv",
			in: "ID,Title,Description,Company,Employment Type,Posted_At,Extra\r\n" +
				"1,Dev,\"Line one\r\nline \"\"two\"\", with comma\",Acme,Permanent,2024-01-02,x\r\n" +
				"\r\n" +
				"2,\"Ops\",,,contract,,\"y\"\r\n",
			ids: "jobs/1 jobs/2",
			check: func(t *testing.T, ads []*jobscope.RawAd) {
				if d := ads[0].Description; d != "Line one\nline \"two\", with comma" {
					t.Errorf("description %q", d)
				}
				if ads[0].EmploymentType != "Permanent" || ads[0].Company != "Acme" || ads[1].EmploymentType != "contract" {
					t.Errorf("fields %+v %+v", ads[0], ads[1])
				}
				if got, want := string(ads[1].Raw), `{"ID":"2","Title":"Ops","Description":"","Company":"","Employment Type":"contract","Posted_At":"","Extra":"y"}`; got != want {
					t.Errorf("raw %s\nwant %s", got, want)
				}
			},
		},
		{
			name: "every reject reason",
			file: "bad.csv",
			in: "id,title,posted_at\n" +
				"1,ok,\n" +
				"2,too,many,fields\n" +
				",no id,\n" +
				"4,,\n" +
				"5,\"multi\nline\",2021-02-30\n" +
				"6,\"bad\"quote,\n" +
				"7,ok,2024-05-06\n" +
				"8,\"never closed,\nstill going\n",
			ids: "bad/1 bad/5 bad/7",
			rejects: []wantReject{
				{3, "row has 4 fields, the header has 3"},
				{4, `missing "id"`},
				{5, `missing "title"`},
				{8, "bad quoting in field 2"},
				{10, "bad quoting in field 2: quoted field not closed"},
			},
		},
		{
			name: "no final newline, BOM",
			file: "x.csv",
			in:   "\ufeffid,title\n1,A",
			ids:  "x/1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ads, rejects := readAll(t, tt.file, tt.in)
			if got := ids(ads); got != tt.ids {
				t.Errorf("ads %q, want %q", got, tt.ids)
			}
			checkRejects(t, tt.file, rejects, tt.rejects)
			if tt.check != nil && len(ads) > 0 {
				tt.check(t, ads)
			}
		})
	}
	t.Run("reject keeps the row text", func(t *testing.T) {
		_, rejects := readAll(t, "r.csv", "id,title\n\"1\",\"a\nb\",c\n")
		if len(rejects) != 1 || rejects[0].Record != "\"1\",\"a\nb\",c" || rejects[0].Line != 2 {
			t.Fatalf("rejects %+v", rejects)
		}
	})
}

func TestSizeLimit(t *testing.T) {
	big := `{"id":"2","title":"` + strings.Repeat("x", 5000) + `"}`
	tests := []struct {
		name, file, in string
		ids            string
		rejects        []wantReject
	}{
		{"jsonl", "a.jsonl", `{"id":"1","title":"A"}` + "\n" + big + "\n" + `{"id":"3","title":"C"}`, "a/1 a/3",
			[]wantReject{{2, "line over the 1 KiB limit (5021 bytes)"}}},
		{"jsonl last line", "a.jsonl", `{"id":"1","title":"A"}` + "\n" + big, "a/1",
			[]wantReject{{2, "line over the 1 KiB limit (5021 bytes)"}}},
		{"csv", "a.csv", "id,title\n1,A\n2,\"" + strings.Repeat("y\n", 3000) + "\"\n3,C\n", "a/1 a/3",
			[]wantReject{{3, "row over the 1 KiB limit (6005 bytes)"}}},
		{"html", "a.html", `<script type="application/ld+json">` + big + `</script><script type="application/ld+json">` +
			`{"@type":"JobPosting","identifier":"3","title":"C"}</script>`, "a/3",
			[]wantReject{{1, "JSON-LD block over the 1 KiB limit (5021 bytes)"}}},
		{"json array", "a.json", "[\n" + `{"id":"1","title":"A"},` + "\n" + big + ",\n" + `{"id":"3","title":"C"}]`, "a/1 a/3",
			[]wantReject{{3, "element over the 1 KiB limit (5021 bytes)"}}},
		{"csv header", "a.csv", "id,title," + strings.Repeat("x", 2000) + "\n1,A,\n2,B,\n", "",
			[]wantReject{{1, "header row over the 1 KiB limit"}, {2, "no usable header row"}, {3, "no usable header row"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New(tt.file, strings.NewReader(tt.in), -1)
			if err != nil {
				t.Fatal(err)
			}
			r.maxRecord = 1 << 10
			ads, rejects := drain(t, r)
			if got := ids(ads); got != tt.ids {
				t.Errorf("ads %q, want %q", got, tt.ids)
			}
			checkRejects(t, tt.file, rejects, tt.rejects)
			for _, rj := range rejects {
				if len(rj.Record) > maxRejectText+len("…") {
					t.Errorf("record text %d bytes", len(rj.Record))
				}
			}
		})
	}
	t.Run("real limit", func(t *testing.T) {
		// A 64 MiB line is skipped without being held: what is allocated stays near the limit.
		huge := io.MultiReader(strings.NewReader(`{"id":"1","title":"`), &repeatReader{c: 'z', n: 64 << 20},
			strings.NewReader("\"}\n"+`{"id":"2","title":"B"}`))
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		r, err := New("big.jsonl", huge, -1)
		if err != nil {
			t.Fatal(err)
		}
		ads, rejects := drain(t, r)
		runtime.ReadMemStats(&after)
		if ids(ads) != "big/2" || len(rejects) != 1 || !strings.HasPrefix(rejects[0].Reason, "line over the 8 MiB limit") {
			t.Fatalf("ads %q rejects %+v", ids(ads), rejects)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4*MaxRecordBytes {
			t.Errorf("allocated %d bytes to skip a 64 MiB line", alloc)
		}
	})
}

// repeatReader yields n copies of c.
type repeatReader struct {
	c byte
	n int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range p[:n] {
		p[i] = r.c
	}
	r.n -= n
	return n, nil
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	content := "{\"id\":\"1\",\"title\":\"A\"}\n{\"id\":\"2\",\"title\":\"B\"}\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(content))
	zw.Close()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	csvGz := func() []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte("id,title\n1,A\n2,B\n"))
		w.Close()
		return b.Bytes()
	}()
	tests := []struct {
		name   string
		path   string
		format Format
		ids    string
	}{
		{"jsonl.gz", write("reed.jsonl.gz", gz.Bytes()), JSONL, "reed/1 reed/2"},
		{"gz sniffed by magic", write("feed", gz.Bytes()), JSONL, "feed/1 feed/2"},
		{"csv.gz", write("adzuna.csv.gz", csvGz), CSV, "adzuna/1 adzuna/2"},
		{"no extension, csv sniffed", write("plain", []byte("id,title\n1,A\n")), CSV, "plain/1"},
		{"empty", write("empty.jsonl", nil), JSONL, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			if r.Format() != tt.format {
				t.Errorf("format %s, want %s", r.Format(), tt.format)
			}
			ads, rejects := drain(t, r)
			if got := ids(ads); got != tt.ids || len(rejects) != 0 {
				t.Errorf("ads %q rejects %d, want %q", got, len(rejects), tt.ids)
			}
			done, total := r.Progress()
			st, _ := os.Stat(tt.path)
			if done != st.Size() || total != st.Size() {
				t.Errorf("progress %d/%d, want %d/%d", done, total, st.Size(), st.Size())
			}
		})
	}

	t.Run("fatal errors", func(t *testing.T) {
		if _, err := Open(filepath.Join(dir, "missing.jsonl")); err == nil || !errors.Is(err, os.ErrNotExist) {
			t.Errorf("missing file: %v", err)
		}
		if _, err := Open(dir); err == nil {
			t.Error("directory opened")
		}
		if _, err := Open(write("fake.jsonl.gz", []byte(content))); err == nil || !strings.Contains(err.Error(), "not a gzip file") {
			t.Errorf("fake gzip: %v", err)
		}
		// A gzip stream cut short fails with an error, not a reject.
		b := gz.Bytes()
		r, err := Open(write("cut.jsonl.gz", b[:len(b)-6]))
		if err != nil {
			t.Fatal(err)
		}
		var last error
		for last == nil {
			_, last = r.Next()
		}
		if last == io.EOF || !strings.Contains(last.Error(), "cut.jsonl.gz") {
			t.Errorf("truncated gzip: %v", last)
		}
		if _, again := r.Next(); again != last {
			t.Errorf("error not sticky: %v", again)
		}
		// A corrupt checksum too.
		bad := bytes.Clone(b)
		bad[len(bad)-8] ^= 0xff
		r, err = Open(write("crc.jsonl.gz", bad))
		if err != nil {
			t.Fatal(err)
		}
		for last = nil; last == nil; {
			_, last = r.Next()
		}
		if !errors.Is(last, gzip.ErrChecksum) {
			t.Errorf("bad checksum: %v", last)
		}
	})
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Format
	}{
		{"jsonl", "{\"id\":\"1\",\"title\":\"A\"}\n{\"id\":\"2\"}\n", JSONL},
		{"jsonl single line", `{"id":"1","title":"A"}`, JSONL},
		{"broken first line is still jsonl when one line", `{"id":`, JSONL},
		{"pretty object", "{\n \"id\": \"1\"\n}", JSON},
		{"broken first line, good lines after", "{\"id\":\n{\"id\":\"2\",\"title\":\"B\"}\n{\"id\":\"3\",\"title\":\"C\"}\n", JSONL},
		{"first line longer than the window", "{\"id\":\"1\",\"title\":\"" + strings.Repeat("x", 70<<10) + "\"}\n{\"id\":\"2\",\"title\":\"B\"}\n", JSONL},
		{"graph one element a line", "{\"@graph\": [\n{\"@type\": \"JobPosting\"},\n{\"@type\": \"JobPosting\"}\n]}\n", JSON},
		{"array", "  \n[{}]", JSON},
		{"html", "<!doctype html><html>", HTML},
		{"csv", "id,title\n1,A\n", CSV},
		{"bom jsonl", "\ufeff{\"id\":\"1\",\"title\":\"A\"}\n", JSONL},
		{"empty", "", JSONL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := New("-", strings.NewReader(tt.in), -1)
			if err != nil {
				t.Fatal(err)
			}
			if r.Format() != tt.want {
				t.Errorf("format %s, want %s", r.Format(), tt.want)
			}
			drain(t, r)
			if done, total := r.Progress(); done != int64(len(tt.in)) || total != -1 {
				t.Errorf("progress %d/%d", done, total)
			}
		})
	}
}

func TestDefaultSource(t *testing.T) {
	for in, want := range map[string]string{
		"reed.jsonl.gz":         "reed",
		"/data/adzuna.csv":      "adzuna",
		"-":                     "stdin",
		"":                      "stdin",
		"dir/jobs.nhs.uk.jsonl": "jobs.nhs.uk",
		"feed":                  "feed",
		"x/.hidden":             ".hidden",
	} {
		t.Run(in, func(t *testing.T) {
			if got := DefaultSource(in); got != want {
				t.Errorf("DefaultSource(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestRejectTextTruncated(t *testing.T) {
	line := `{"id":"1","desc":"` + strings.Repeat("é", 3000) + `"}`
	_, rejects := readAll(t, "t.jsonl", line)
	if len(rejects) != 1 {
		t.Fatalf("%d rejects", len(rejects))
	}
	rec := rejects[0].Record
	if len(rec) > maxRejectText+len("…") || !strings.HasSuffix(rec, "…") || !strings.HasPrefix(rec, `{"id":"1"`) {
		t.Errorf("record %d bytes: %.40q…", len(rec), rec)
	}
	for _, r := range rec {
		if r == '\uFFFD' {
			t.Fatal("record cut inside a rune")
		}
	}
}

func TestClock(t *testing.T) {
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r, err := New("c.jsonl", strings.NewReader(`{"title":"x"}`), -1)
	if err != nil {
		t.Fatal(err)
	}
	r.Now = func() time.Time { return at }
	_, rejects := drain(t, r)
	if len(rejects) != 1 || !rejects[0].At.Equal(at) {
		t.Errorf("rejects %+v", rejects)
	}
}

// TestDeepJSONLD: JSON-LD nested past the depth read is set aside with its reason, not ignored.
func TestDeepJSONLD(t *testing.T) {
	deep := strings.Repeat(`{"@type":"WebPage","x":`, maxLDDepth+2) + `{"@type":"JobPosting","identifier":"1","title":"A"}` +
		strings.Repeat("}", maxLDDepth+2)
	in := `<script type="application/ld+json">` + deep + `</script><script type="application/ld+json">` +
		`{"@type":"JobPosting","identifier":"2","title":"B"}</script>`
	ads, rejects := readAll(t, "d.html", in)
	if got := ids(ads); got != "d/2" {
		t.Errorf("ads %q, want d/2", got)
	}
	checkRejects(t, "d.html", rejects, []wantReject{{1, "JSON-LD nested deeper than 32 levels"}})
}
