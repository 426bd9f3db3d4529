package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"jobscope/taxonomy"
)

// rulesRevision names the revision of extraction's own rules (the code, not the taxonomy). Change
// it whenever a change of this package can change what is extracted from an ad, so that ads stored
// by an earlier build are extracted again when they are next ingested (see Version).
const rulesRevision = "2026-12-08.48"

// Version identifies what this Extractor makes of an ad: the rules' revision and a digest of the
// taxonomy it was built from (skills, titles and their sectors, places). Ingest mixes it into each
// ad's content hash, so that reading the same records with another taxonomy or another build
// extracts and updates them instead of leaving the old extraction in the store as "unchanged".
func (e *Extractor) Version() string { return e.version }

// versionOf digests t with the rules' revision.
func versionOf(t *taxonomy.Taxonomy) string {
	h := sha256.New()
	put := func(ss ...string) {
		for _, s := range ss {
			fmt.Fprintf(h, "%d:%s", len(s), s)
		}
	}
	put(rulesRevision)
	for _, s := range t.Skills {
		put("s", s.Name, s.Category)
		for _, a := range s.Aliases {
			put(a.Text, strconv.Itoa(int(a.Guard)))
		}
	}
	for _, ti := range t.Titles {
		put("t", ti.Name, string(ti.Sector))
		put(ti.Aliases...)
	}
	for _, p := range t.Places {
		put("p", p.Kind, p.Name, p.Country, p.Nation, p.Region, p.County, strconv.Itoa(p.Rank))
		put(p.Aliases...)
	}
	return rulesRevision + "+" + hex.EncodeToString(h.Sum(nil)[:8])
}
