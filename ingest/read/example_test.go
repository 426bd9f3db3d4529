package read_test

import (
	"fmt"
	"io"
	"log"
	"strings"

	"jobscope/ingest/read"
)

func Example() {
	in := `{"id":"1","title":"Go Developer","company":"Acme","posted_at":"2024-03-01"}
{"id":"2"}
{"@type":"JobPosting","identifier":"3","title":"Nurse","baseSalary":{"currency":"GBP","value":{"minValue":28000,"maxValue":33000,"unitText":"YEAR"}}}
`
	r, err := read.New("reed.jsonl", strings.NewReader(in), int64(len(in)))
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err) // the input itself failed
		}
		if rec.Reject != nil {
			fmt.Printf("set aside %s:%d: %s\n", rec.Reject.File, rec.Reject.Line, rec.Reject.Reason)
			continue
		}
		fmt.Printf("%s %q %v\n", rec.Ad.Key(), rec.Ad.Title, rec.Ad.BaseSalary != nil)
	}
	done, total := r.Progress()
	fmt.Println(done == total)
	// Output:
	// reed/1 "Go Developer" false
	// set aside reed.jsonl:2: missing "title"
	// reed/3 "Nurse" true
	// true
}
