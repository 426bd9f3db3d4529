package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

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
