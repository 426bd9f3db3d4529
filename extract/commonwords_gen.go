//go:build ignore

// Commonwords_gen writes commonwords.txt: the words the shared ads mostly write in small letters,
// the ordinary words of ads' English that a list's unknown item is not (see inferredItem). A word
// is kept when it is written all in small letters in at least 3 ads and at least twice as often
// as capitalised within a sentence, or in 25 ads or more. Ads listed in the -exclude file (set<TAB>id) are not read.
//
//	go run commonwords_gen.go -shared /work/shared -exclude reserved.tsv > commonwords.txt
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var files = []struct{ set, path string }{
	{"hn_whoishiring_2013_2018", "hn_whoishiring_2013_2018/ads.jsonl"},
	{"glassdoor_us_2020", "glassdoor_us_2020/ads.jsonl"},
	{"adzuna_uk_2013", "adzuna_uk_2013/ads.jsonl"},
	{"nhs_jobs_2020/jobposting", "nhs_jobs_2020/jobposting.jsonl"},
}

var tags = regexp.MustCompile(`<[^>]*>`)
var words = regexp.MustCompile(`[A-Za-z][a-z]*[A-Za-z0-9]*`)

func main() {
	shared := flag.String("shared", os.Getenv("JOBSCOPE_SHARED"), "shared data directory")
	exclude := flag.String("exclude", "", "file of set<TAB>id lines of ads not to read")
	flag.Parse()
	skip := map[string]bool{}
	if *exclude != "" {
		b, err := os.ReadFile(*exclude)
		if err != nil {
			panic(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			skip[strings.TrimSpace(l)] = true
		}
	}
	lowerAds := map[string]int{}
	lower, capital := map[string]int{}, map[string]int{}
	for _, f := range files {
		fh, err := os.Open(filepath.Join(*shared, "data", "ads", f.path))
		if err != nil {
			panic(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var ad struct {
				ID          string `json:"id"`
				Description string `json:"description"`
			}
			if json.Unmarshal(sc.Bytes(), &ad) != nil || skip[f.set+"\t"+ad.ID] {
				continue
			}
			text := html.UnescapeString(tags.ReplaceAllString(ad.Description, " \n "))
			seen := map[string]bool{}
			for _, loc := range words.FindAllStringIndex(text, -1) {
				w := text[loc[0]:loc[1]]
				lw := strings.ToLower(w)
				if w == lw {
					lower[lw]++
					if !seen[lw] {
						seen[lw] = true
						lowerAds[lw]++
					}
					continue
				}
				// Capitalised within a sentence: the word before ends with no stop.
				before := strings.TrimRight(text[:loc[0]], " \t")
				if before != "" && strings.IndexByte(".!?:\n*-•(\"", before[len(before)-1]) < 0 {
					capital[lw]++
				}
			}
		}
		fh.Close()
	}
	var out []string
	for w, n := range lower {
		if len(w) > 1 && lowerAds[w] >= 3 && (n >= 2*capital[w] || lowerAds[w] >= 25) {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	for _, w := range out {
		fmt.Println(w)
	}
}
