package read

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchInput writes n ads with descriptions of about 1.5 KB in the given format.
func benchInput(format Format, n int) []byte {
	desc := strings.Repeat("Join our platform team to build reliable services in Go, with PostgreSQL and Kafka. ", 18)
	var b bytes.Buffer
	switch format {
	case CSV:
		b.WriteString("id,title,description,company,location,salary,posted_at\n")
		for i := range n {
			fmt.Fprintf(&b, "%d,Go Developer,\"%s \"\"quoted\"\"\",Acme Ltd,\"Leeds, West Yorkshire\",\"£60,000\",2024-03-01\n", i, desc)
		}
	case HTML:
		for i := range n {
			fmt.Fprintf(&b, "<html><head><title>Job %d</title><script>var x = 1;</script>\n<script type=\"application/ld+json\">", i)
			json.NewEncoder(&b).Encode(map[string]any{"@context": "https://schema.org", "@type": "JobPosting",
				"identifier": i, "title": "Go Developer", "description": desc, "datePosted": "2024-03-01",
				"hiringOrganization": map[string]any{"name": "Acme"},
				"baseSalary":         map[string]any{"currency": "GBP", "value": map[string]any{"minValue": 50000, "maxValue": 60000, "unitText": "YEAR"}}})
			b.WriteString("</script></head><body><p>" + desc + "</p></body></html>\n")
		}
	default:
		if format == JSON {
			b.WriteString("[\n")
		}
		for i := range n {
			if format == JSON && i > 0 {
				b.WriteString(",\n")
			}
			line, _ := json.Marshal(map[string]any{"id": fmt.Sprint(i), "source": "bench", "title": "Go Developer",
				"description": desc, "company": "Acme Ltd", "location": "Leeds, West Yorkshire", "salary": "£60,000",
				"employment_type": "Permanent", "posted_at": "2024-03-01T10:00:00+0100", "url": "https://example.com/" + fmt.Sprint(i)})
			b.Write(line)
			if format == JSONL {
				b.WriteByte('\n')
			}
		}
		if format == JSON {
			b.WriteString("\n]\n")
		}
	}
	return b.Bytes()
}

func benchRead(b *testing.B, name string, data []byte) {
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, err := New(name, bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		for {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			if rec.Reject != nil {
				b.Fatal(rec.Reject.Reason)
			}
		}
	}
}

// BenchmarkRead measures reading speed per format: go test -bench Read ./ingest/read
func BenchmarkRead(b *testing.B) {
	for _, f := range []Format{JSONL, JSON, CSV, HTML} {
		data := benchInput(f, 2000)
		b.Run(string(f), func(b *testing.B) { benchRead(b, "bench."+string(f), data) })
	}
	if dir := os.Getenv("JOBSCOPE_SHARED"); dir != "" {
		for _, name := range []string{"hn_whoishiring_2013_2018/ads.jsonl", "nhs_jobs_2020/jobposting.jsonl"} {
			data, err := os.ReadFile(filepath.Join(dir, "data", "ads", name))
			if err != nil {
				b.Fatal(err)
			}
			b.Run(filepath.Dir(name), func(b *testing.B) { benchRead(b, "x.jsonl", data) })
		}
	}
}
