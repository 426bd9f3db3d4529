package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
	_ "modernc.org/sqlite"

	"jobscope"
)

// TestRawCompressed: a record is stored compressed and read back as it was; one stored before
// compression (plain JSON) reads back too.
func TestRawCompressed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "raw.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	long := []byte(`{"id":"1","title":"Go Developer","description":"` + strings.Repeat("<p>We build services in Go and SQL.</p>", 40) + `"}`)
	short := []byte(`{"id":"2","title":"Tiny"}`)
	b := jobscope.Batch{Ads: []jobscope.Ad{
		{Raw: jobscope.RawAd{Source: "a", ID: "1", Title: "Go Developer", Raw: long}, ContentHash: 1},
		{Raw: jobscope.RawAd{Source: "a", ID: "2", Title: "Tiny", Raw: short}, ContentHash: 2},
	}}
	if err := s.Apply(ctx, &b); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id   string
		want []byte
	}{{"1", long}, {"2", short}} {
		ad, err := s.Ad(ctx, jobscope.AdKey{Source: "a", ID: tt.id})
		if err != nil || !bytes.Equal(ad.Raw, tt.want) {
			t.Errorf("ad %s: %d bytes back (%v), want %d", tt.id, len(ad.Raw), err, len(tt.want))
		}
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT length(d.raw) FROM ad_docs d JOIN ads a ON a.id = d.ad_id WHERE a.ext_id = '1'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n >= len(long)/4 {
		t.Errorf("the long record takes %d bytes of %d: not compressed", n, len(long))
	}
	// A record written before compression was stored as read.
	if _, err := db.Exec(`UPDATE ad_docs SET raw = ? WHERE ad_id = (SELECT id FROM ads WHERE ext_id = '1')`, long); err != nil {
		t.Fatal(err)
	}
	if ad, err := s.Ad(ctx, jobscope.AdKey{Source: "a", ID: "1"}); err != nil || !bytes.Equal(ad.Raw, long) {
		t.Errorf("a plain record read back %d bytes (%v)", len(ad.Raw), err)
	}
}

// TestRawDictionary: the store's first batch of enough records makes a dictionary, and records
// packed with it take fewer bytes than packed alone; they read back as they were, through this
// store and through one opened before the dictionary was made (another process, say), which loads
// it when a record names it. A store whose batches are too small to learn from packs without one.
func TestRawDictionary(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "dict.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(ctx, path) // opened before any dictionary exists
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	record := func(i int) []byte {
		return fmt.Appendf(nil, `{"id":"%d","title":"Senior Go Developer %d","company":"Acme %d Ltd",`+
			`"description":"<p>We are hiring a developer to build payment services in Go and PostgreSQL for team %d.</p>`+
			`<ul><li>Experience with Kubernetes and Terraform</li><li>Salary £%d,000 per annum</li>`+
			`<li>Hybrid working from our office in town %d, two days a week</li></ul>"}`, i, i%7, i%13, i, 50+i%40, i%29)
	}
	extraction := func(i int) jobscope.Extraction {
		e := jobscope.Extraction{ID: strconv.Itoa(i), Source: "a"}
		for _, s := range []string{"Go", "PostgreSQL", "Kubernetes", "Terraform", "Payments", "Hybrid Working"}[:1+i%6] {
			e.Skills = append(e.Skills, jobscope.Skill{Name: s, Category: "Category of " + s})
		}
		return e
	}
	batch := func(n, from int) *jobscope.Batch {
		b := &jobscope.Batch{}
		for i := from; i < from+n; i++ {
			b.Ads = append(b.Ads, jobscope.Ad{Raw: jobscope.RawAd{Source: "a", ID: strconv.Itoa(i),
				Title: "Go Developer", Raw: record(i)}, Extraction: extraction(i), ContentHash: uint64(i + 1)})
		}
		return b
	}
	if err := s.Apply(ctx, batch(dictSamples+50, 0)); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(ctx, batch(10, 1000)); err != nil { // a later batch packs with it too
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var dicts int
	if err := db.QueryRow(`SELECT count(*) FROM doc_dicts`).Scan(&dicts); err != nil || dicts != 2 {
		t.Fatalf("%d dictionaries (%v), want 2: one for records, one for extractions", dicts, err)
	}
	alone, _ := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest))
	for _, id := range []int{7, 1003} {
		var n int
		if err := db.QueryRow(`SELECT length(d.raw) FROM ad_docs d JOIN ads a ON a.id = d.ad_id WHERE a.ext_id = ?`,
			strconv.Itoa(id)).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if plain := len(alone.EncodeAll(record(id), nil)); n >= plain*2/3 {
			t.Errorf("ad %d takes %d bytes, packed alone %d: the dictionary did not help", id, n, plain)
		}
		for name, st := range map[string]*Store{"writer": s, "other": other} {
			ad, err := st.Ad(ctx, jobscope.AdKey{Source: "a", ID: strconv.Itoa(id)})
			if err != nil || !bytes.Equal(ad.Raw, record(id)) {
				t.Errorf("%s store, ad %d: %q (%v), want %q", name, id, ad.Raw, err, record(id))
			}
			if want := extraction(id); !reflect.DeepEqual(ad.Extraction.Skills, want.Skills) {
				t.Errorf("%s store, ad %d: extraction %+v, want %+v", name, id, ad.Extraction, want)
			}
		}
	}

	// An ad stored before extractions were compressed has its JSON in the extraction column.
	if _, err := db.Exec(`UPDATE ad_docs SET extraction = '{"id":"7","skills":[{"name":"COBOL","category":"Old"}]}',
		extraction_z = NULL WHERE ad_id = (SELECT id FROM ads WHERE ext_id = '7')`); err != nil {
		t.Fatal(err)
	}
	if ad, err := s.Ad(ctx, jobscope.AdKey{Source: "a", ID: "7"}); err != nil || len(ad.Extraction.Skills) != 1 ||
		ad.Extraction.Skills[0].Name != "COBOL" {
		t.Errorf("an extraction stored as JSON read back as %+v (%v)", ad.Extraction, err)
	}

	small, err := Open(ctx, filepath.Join(dir, "small.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer small.Close()
	if err := small.Apply(ctx, batch(dictSamples-1, 0)); err != nil {
		t.Fatal(err)
	}
	if err := small.r.QueryRow(`SELECT count(*) FROM doc_dicts`).Scan(&dicts); err != nil || dicts != 0 {
		t.Errorf("a batch of %d records made %d dictionaries (%v), want none", dictSamples-1, dicts, err)
	}
	if ad, err := small.Ad(ctx, jobscope.AdKey{Source: "a", ID: "5"}); err != nil || !bytes.Equal(ad.Raw, record(5)) {
		t.Errorf("small store: %q (%v), want %q", ad.Raw, err, record(5))
	}
}

// TestBandsBinary: an ad's bands are kept as 8 bytes each, not JSON, and replacing the ad removes
// its band rows, whether they were kept so or, by an ad stored before, as JSON.
func TestBandsBinary(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bands.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ad := func(id string, hash uint64, bands ...int64) jobscope.Ad {
		return jobscope.Ad{Raw: jobscope.RawAd{Source: "a", ID: id, Title: "Go Developer"}, ContentHash: hash, Bands: bands}
	}
	b := jobscope.Batch{Ads: []jobscope.Ad{ad("1", 1, 5, -9223372036854775808, 9223372036854775807), ad("2", 1, 6), ad("3", 1)}}
	if err := s.Apply(ctx, &b); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var js string
	var n int
	if err := db.QueryRow(`SELECT d.bands, length(d.bands_b) FROM ad_docs d JOIN ads a ON a.id = d.ad_id WHERE a.ext_id = '1'`).Scan(&js, &n); err != nil {
		t.Fatal(err)
	}
	if js != "" || n != 24 {
		t.Errorf("three bands kept as %q and %d bytes, want '' and 24", js, n)
	}
	// Ad 2 as stored before bands_b: its bands in JSON.
	if _, err := db.Exec(`UPDATE ad_docs SET bands = '[6]', bands_b = NULL WHERE ad_id = (SELECT id FROM ads WHERE ext_id = '2')`); err != nil {
		t.Fatal(err)
	}
	b = jobscope.Batch{Ads: []jobscope.Ad{ad("1", 2, 7), ad("2", 2, 8), ad("3", 2, 9)}}
	if err := s.Apply(ctx, &b); err != nil {
		t.Fatal(err)
	}
	for band, want := range map[int64]string{5: "", -9223372036854775808: "", 6: "", 7: "1", 8: "2", 9: "3"} {
		cs, err := s.Candidates(ctx, []int64{band})
		if err != nil {
			t.Fatal(err)
		}
		var got string
		for _, c := range cs {
			got += c.Key.ID
		}
		if got != want {
			t.Errorf("band %d: candidates %q, want %q", band, got, want)
		}
	}
}
