package adrow

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"jobscope"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    time.Time
		wantErr bool
	}{
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), false},
		{"1999-12-31", time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), false},
		{"2023-02-29", time.Time{}, true},
		{"2024-13-01", time.Time{}, true},
		{"2024-1-01", time.Time{}, true},
		{"", time.Time{}, true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDate(tc.in)
			if (err != nil) != tc.wantErr || !got.Equal(tc.want) {
				t.Errorf("ParseDate(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestDate(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	for _, tc := range []struct {
		name string
		in   time.Time
		want time.Time
	}{
		{"zero", time.Time{}, time.Time{}},
		{"late evening keeps its own date", time.Date(2024, 3, 5, 23, 30, 0, 0, est), time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
		{"UTC", time.Date(2024, 3, 5, 1, 0, 0, 0, time.UTC), time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Date(tc.in); !got.Equal(tc.want) || (!got.IsZero() && got.Location() != time.UTC) {
				t.Errorf("Date(%v) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"nul\x00byte", "nulbyte"},
		{"bad\xffbyte", "bad\uFFFDbyte"},
	} {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTerms(t *testing.T) {
	ad := jobscope.Ad{
		Raw: jobscope.RawAd{Source: "s", ID: "1"},
		Extraction: jobscope.Extraction{
			Title:    jobscope.Title{Normalized: "DBA"},
			Location: jobscope.Location{Country: "GB", Nation: "Wales", Region: "Wales", County: "Gwynedd", Place: "Bangor"},
			Skills:   []jobscope.Skill{{Name: "SQL", Category: "DB"}, {Name: "SQL", Category: "Other"}, {Name: ""}},
		},
		Bands: []int64{3, 1, 3},
	}
	r, err := Flatten(&ad)
	if err != nil {
		t.Fatal(err)
	}
	want := []TermKey{
		{jobscope.KindSkill, "SQL", "DB"},
		{jobscope.KindTitle, "DBA", TitleCategory},
		{jobscope.KindLocation, "GB", LocationCategory},
		{jobscope.KindLocation, "Wales", LocationCategory},
		{jobscope.KindLocation, "Bangor", LocationCategory},
		{KindCounty, "Gwynedd", ""},
	}
	if !reflect.DeepEqual(r.Terms, want) {
		t.Errorf("terms = %v, want %v", r.Terms, want)
	}
	if !reflect.DeepEqual(r.Bands, []int64{3, 1}) {
		t.Errorf("bands = %v, want [3 1]", r.Bands)
	}
	ad.Extraction.Location.Place = "Gwynedd"
	if r, _ = Flatten(&ad); r.Terms[len(r.Terms)-1] != (TermKey{jobscope.KindLocation, "Gwynedd", LocationCategory}) {
		t.Errorf("a county that is also the place: terms = %v, want it once, as a location", r.Terms)
	}
}

func TestPrepare(t *testing.T) {
	ad := func(id string, dup *jobscope.AdKey) jobscope.Ad {
		return jobscope.Ad{Raw: jobscope.RawAd{Source: "s", ID: id}, DupOf: dup}
	}
	self := jobscope.AdKey{Source: "s", ID: "1"}
	for _, tc := range []struct {
		name string
		b    jobscope.Batch
		ok   bool
	}{
		{"good", jobscope.Batch{Ads: []jobscope.Ad{ad("1", nil), ad("2", &self)}}, true},
		{"twice", jobscope.Batch{Ads: []jobscope.Ad{ad("1", nil), ad("1", nil)}}, false},
		{"self", jobscope.Batch{Ads: []jobscope.Ad{ad("1", &self)}}, false},
		{"empty id", jobscope.Batch{Ads: []jobscope.Ad{ad("", nil)}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Prepare(&tc.b)
			if (err == nil) != tc.ok || (err != nil && !errors.Is(err, ErrInvalidBatch)) {
				t.Errorf("Prepare: %v, want ok=%v", err, tc.ok)
			}
		})
	}
	t.Run("rejects: last of a line wins", func(t *testing.T) {
		p, err := Prepare(&jobscope.Batch{Rejects: []jobscope.Reject{
			{File: "f", Line: 1, Reason: "a"}, {File: "f", Line: 2, Reason: "b"}, {File: "f", Line: 1, Reason: "c"}}})
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Rejects) != 2 || p.Rejects[0].Reason != "c" || p.Rejects[1].Reason != "b" {
			t.Errorf("rejects = %+v", p.Rejects)
		}
	})
}
