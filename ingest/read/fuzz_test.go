package read

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
)

// fuzzRead reads data as the named file and checks that every record is a whole ad or a reject with a
// line and a reason, and that reading ends. The seeds are in testdata/fuzz, so they run in every
// `go test`; `go test -fuzz FuzzJSONL` explores further.
func fuzzRead(t *testing.T, name string, data []byte) {
	r, err := New(name, bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if isGzip(data) || strings.HasSuffix(name, ".gz") {
			return // a bad gzip stream is a fatal error, as it should be
		}
		t.Fatalf("New: %v", err)
	}
	defer r.Close()
	r.maxRecord = 4 << 10 // small, so that the size limit is reached too
	for n := 0; ; n++ {
		if n > len(data)+8 {
			t.Fatalf("%d records from %d bytes: not ending", n, len(data))
		}
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if isGzip(data) {
				return
			}
			t.Fatalf("Next: %v", err)
		}
		switch {
		case rec.Ad != nil && rec.Reject != nil, rec.Ad == nil && rec.Reject == nil:
			t.Fatalf("record %d: ad %v, reject %v", n, rec.Ad, rec.Reject)
		case rec.Ad != nil:
			if strings.TrimSpace(rec.Ad.ID) == "" || strings.TrimSpace(rec.Ad.Title) == "" || rec.Ad.Source == "" {
				t.Fatalf("record %d: ad without id, title or source: %+v", n, rec.Ad)
			}
		default:
			rj := rec.Reject
			if rj.Line < 1 || rj.Reason == "" || rj.File != name || len(rj.Record) > maxRejectText+len("…") {
				t.Fatalf("record %d: bad reject %+v", n, rj)
			}
		}
	}
	if done, total := r.Progress(); done > total {
		t.Fatalf("progress %d/%d", done, total)
	}
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"1","title":"x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.jsonl", data)
		fuzzRead(t, "f.json", data)
		fuzzRead(t, "-", data)
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("id,title\n1,x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.csv", data)
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<script type="application/ld+json">{"@type":"JobPosting","identifier":"1","title":"x"}</script>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.html", data)
	})
}

// FuzzJSONDocument checks the JSON document reader against encoding/json: a valid array yields one
// record (an ad or a reject) for each of its elements, however they are nested, quoted or spaced.
func FuzzJSONDocument(f *testing.F) {
	f.Add([]byte(`[{"id":"1","title":"x"},{"id":"2","title":"y]\"}"}, 3, [{"a":[]}]]`))
	f.Add([]byte("[\n  {\"id\": \"1\",\n   \"title\": \"x\"}\n]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, "f.json", data)
		var elems []json.RawMessage
		if json.Unmarshal(data, &elems) != nil || bytes.Contains(data, []byte("@graph")) {
			return
		}
		r, err := New("f.json", bytes.NewReader(data), int64(len(data)))
		if err != nil || r.Format() != JSON {
			return
		}
		n := 0
		for {
			if _, err := r.Next(); err != nil {
				break
			}
			n++
		}
		if n != len(elems) {
			t.Fatalf("%d records from an array of %d elements", n, len(elems))
		}
	})
}
