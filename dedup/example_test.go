package dedup_test

import (
	"fmt"
	"time"

	"jobscope"
	"jobscope/dedup"
)

func Example() {
	text := "Our client, a leading bank, is looking for a Java developer to join its payments team in Leeds. " +
		"You will design and build services, mentor juniors and own releases. Spring Boot, Kafka and AWS wanted."
	posted := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	first := dedup.Doc{Company: "Acme Ltd", Title: "Java Developer", Place: "Leeds", Posted: posted,
		Sig: dedup.Sign("Java Developer", text)}
	// The same ad on another board a week later, with a line added.
	repost := dedup.Doc{Company: "ACME Limited", Title: "Java developer", Place: "Leeds", Posted: posted.AddDate(0, 0, 7),
		Sig: dedup.Sign("Java Developer", text+" Apply now quoting JD-1142.")}

	var batch dedup.Index
	batch.Add(jobscope.AdKey{Source: "reed", ID: "1"}, first)
	key, ok := batch.Find(repost)
	fmt.Println(key, ok, len(repost.Sig.Bands()), len(repost.Sig.Bytes()))
	// Output: reed/1 true 12 192
}
