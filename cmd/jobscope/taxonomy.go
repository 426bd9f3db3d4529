package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"jobscope/market"
	"jobscope/taxonomy"
)

const taxonomyHelp = `
List and search the skills and job titles extraction knows. With QUERY, only the entries whose
name or an alias contains it (any case) are listed: "jobscope taxonomy kube".

--taxonomy FILE adds a user's own skills and titles to the built-in ones, as ingest and extract do.
FILE is tab-separated text, one entry a line, '#' lines are comments:

  skill <TAB> name <TAB> category <TAB> aliases
  title <TAB> name <TAB> aliases

category is one of the skill categories (jobscope taxonomy --categories lists them). Aliases are
separated by '|'; a skill alias ending in '?' counts only in a technical context, one ending in '!'
only in a technical context and written in that case ("Go!"). A title alias may give alternatives in
braces: "{analytics,dbt} {engineer,developer}". The user's entries win over built-in ones of the
same name or alias. For example:

  skill	Kedro	Libraries, Frameworks & Software Standards	kedro
  title	Analytics Engineer	{analytics,dbt} {engineer,developer}
`

// taxonomyEntry is one line of jobscope taxonomy's output.
type taxonomyEntry struct {
	Kind     string   `json:"kind"`
	Name     string   `json:"name"`
	Category string   `json:"category,omitempty"`
	Aliases  []string `json:"aliases"`
}

// runTaxonomy lists and searches the skills and titles of the taxonomy.
func runTaxonomy(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "taxonomy", "[QUERY]", taxonomyHelp)
	file := fs.String("taxonomy", "", "a user taxonomy `FILE` to add to the built-in one")
	category := fs.String("category", "", "only skills of this category (as listed by --categories)")
	kind := fs.String("kind", "", "only `skill` or `title` entries")
	format := fs.String("format", "text", "output format: text or json")
	cats := fs.Bool("categories", false, "list the skill categories with their number of skills")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("%w: one QUERY at most (quote a phrase)", errUsage)
	}
	switch *kind {
	case "", "skill", "title":
	default:
		return fmt.Errorf("%w: --kind must be skill or title, not %q", errUsage, *kind)
	}
	switch *format {
	case "text", "json":
	default:
		return fmt.Errorf("%w: --format must be text or json, not %q", errUsage, *format)
	}
	if *category != "" {
		if c, ok := matchCategory(*category); ok {
			*category = c
		} else {
			return fmt.Errorf("%w: unknown category %q (one of: %s)", errUsage, *category,
				strings.Join(taxonomy.Categories(), "; "))
		}
		if *kind == "title" {
			return fmt.Errorf("%w: --category applies to skills, not titles", errUsage)
		}
	}
	tx, err := loadTaxonomy(*file)
	if err != nil {
		return err
	}
	if *cats {
		return printCategories(e, tx, *format)
	}
	query := strings.ToLower(strings.TrimSpace(fs.Arg(0)))
	var out []taxonomyEntry
	if *kind != "title" {
		for _, s := range tx.Skills {
			if *category != "" && s.Category != *category {
				continue
			}
			ent := taxonomyEntry{Kind: "skill", Name: s.Name, Category: s.Category, Aliases: []string{}}
			for _, a := range s.Aliases {
				if a.Text != s.Name || a.Guard != taxonomy.GuardNone {
					ent.Aliases = append(ent.Aliases, aliasString(a))
				}
			}
			if matchesQuery(query, s.Name, ent.Aliases) {
				out = append(out, ent)
			}
		}
	}
	if *kind != "skill" && *category == "" {
		for _, t := range tx.Titles {
			ent := taxonomyEntry{Kind: "title", Name: t.Name, Aliases: []string{}}
			for _, a := range t.Aliases {
				if a != t.Name {
					ent.Aliases = append(ent.Aliases, a)
				}
			}
			if matchesQuery(query, t.Name, ent.Aliases) {
				out = append(out, ent)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name)
	})
	if *format == "json" {
		enc := json.NewEncoder(e.stdout)
		for _, ent := range out {
			if err := enc.Encode(ent); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tNAME\tCATEGORY\tALIASES")
	for _, ent := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ent.Kind, ent.Name, ent.Category, strings.Join(ent.Aliases, " | "))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if len(out) == 0 {
		fmt.Fprintln(e.stderr, "no entry matches")
		if sug := market.Suggest(query, taxonomyCandidates(tx, *kind), 5); len(sug) > 0 {
			fmt.Fprintf(e.stderr, "did you mean %s?\n", quoteAll(sug))
		}
	}
	return nil
}

// taxonomyCandidates are the names and aliases of the taxonomy's skills and titles (of kind, unless
// it is empty), for suggesting what a query that matched nothing meant.
func taxonomyCandidates(tx *taxonomy.Taxonomy, kind string) []market.Candidate {
	var cs []market.Candidate
	if kind != "title" {
		for _, s := range tx.Skills {
			for _, a := range s.Aliases {
				cs = append(cs, market.Candidate{Name: s.Name, Key: market.Key(a.Text)})
			}
		}
	}
	if kind != "skill" {
		for _, t := range tx.Titles {
			for _, a := range t.Aliases {
				cs = append(cs, market.Candidate{Name: t.Name, Key: market.Key(a)})
			}
		}
	}
	return cs
}

// quoteAll writes names quoted, comma-separated.
func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// loadTaxonomy returns the built-in taxonomy, with the skills and titles of the user file at path
// added when path is not empty (see taxonomy.LoadUser for the format).
func loadTaxonomy(path string) (*taxonomy.Taxonomy, error) {
	tx, err := taxonomy.Default()
	if err != nil {
		return nil, fmt.Errorf("built-in taxonomy: %w", err)
	}
	if path == "" {
		return tx, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("taxonomy file: %w", err)
	}
	defer f.Close()
	skills, titles, err := taxonomy.LoadUser(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return tx.WithUser(skills, titles), nil
}

func aliasString(a taxonomy.Alias) string {
	switch a.Guard {
	case taxonomy.GuardContext:
		return a.Text + "?"
	case taxonomy.GuardCase:
		return a.Text + "!"
	}
	return a.Text
}

func matchesQuery(q, name string, aliases []string) bool {
	if q == "" || strings.Contains(strings.ToLower(name), q) {
		return true
	}
	for _, a := range aliases {
		if strings.Contains(strings.ToLower(strings.TrimRight(a, "?!")), q) {
			return true
		}
	}
	return false
}

// matchCategory finds a category by its name in any case, or by the start of it ("cloud").
func matchCategory(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	var found []string
	for _, c := range taxonomy.Categories() {
		if strings.ToLower(c) == s {
			return c, true
		}
		if strings.HasPrefix(strings.ToLower(c), s) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return "", false
}

func printCategories(e *env, tx *taxonomy.Taxonomy, format string) error {
	n := map[string]int{}
	for _, s := range tx.Skills {
		n[s.Category]++
	}
	if format == "json" {
		type cat struct {
			Category string `json:"category"`
			Skills   int    `json:"skills"`
		}
		enc := json.NewEncoder(e.stdout)
		for _, c := range taxonomy.Categories() {
			if err := enc.Encode(cat{c, n[c]}); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		return nil
	}
	for _, c := range taxonomy.Categories() {
		fmt.Fprintf(e.stdout, "%5d  %s\n", n[c], c)
	}
	return nil
}
