package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestMarketQuestions asks what users ask, as they write it: terms by alias and in any case, a page
// cut several ways, and the inputs that must be refused with what is valid.
func TestMarketQuestions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	cli(t, "--db", db, "ingest", genFile(t, 4000, 11))

	for _, q := range []struct{ name, want string }{
		{"k8s", "Kubernetes"}, {"golang", "Go"}, {"back end developer", "Backend Developer"}, {"PYTHON", "Python"},
	} {
		out := cli(t, "--db", db, "stats", q.name, "--format", "json")
		var p struct{ Term string }
		if err := json.Unmarshal([]byte(out), &p); err != nil || p.Term != q.want {
			t.Errorf("stats %q: term %q (%v), want %q", q.name, p.Term, err, q.want)
		}
	}

	out := cli(t, "--db", db, "stats", "Python", "--title", "backend developer", "--seniority", "Senior",
		"--location", "london", "--format", "json")
	var p struct {
		Cut     map[string]string
		Periods []struct{ Jobs int }
		All     []struct{ Jobs int }
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"title": "Backend Developer", "seniority": "senior", "location": "London"}
	for k, v := range want {
		if p.Cut[k] != v {
			t.Errorf("cut %v, want %v", p.Cut, want)
		}
	}
	uncut := cli(t, "--db", db, "stats", "Python", "--format", "json")
	var u struct{ All []struct{ Jobs int } }
	if err := json.Unmarshal([]byte(uncut), &u); err != nil {
		t.Fatal(err)
	}
	if p.All[0].Jobs == 0 || p.All[0].Jobs >= u.All[0].Jobs || p.Periods[0].Jobs > p.All[0].Jobs {
		t.Errorf("cut baseline %d jobs (term %d), uncut %d: the cut must narrow the baseline", p.All[0].Jobs, p.Periods[0].Jobs, u.All[0].Jobs)
	}

	// The salary table by level: each row is the page cut to that level.
	var by struct {
		Rows []struct {
			Value     string
			Permanent struct {
				Jobs int
				P50  *float64
			}
		}
	}
	if err := json.Unmarshal([]byte(cli(t, "--db", db, "stats", "Backend Developer", "--by", "seniority", "--format", "json")), &by); err != nil {
		t.Fatal(err)
	}
	if len(by.Rows) < 3 {
		t.Fatalf("by seniority: %d rows", len(by.Rows))
	}
	for _, r := range by.Rows {
		var page struct {
			Periods []struct {
				Jobs int
				P50  *float64
			}
		}
		if err := json.Unmarshal([]byte(cli(t, "--db", db, "stats", "Backend Developer", "--seniority", r.Value, "--format", "json")), &page); err != nil {
			t.Fatal(err)
		}
		if page.Periods[0].Jobs != r.Permanent.Jobs || (page.Periods[0].P50 == nil) != (r.Permanent.P50 == nil) ||
			r.Permanent.P50 != nil && *r.Permanent.P50 != *page.Periods[0].P50 {
			t.Errorf("by seniority %s: %+v, the page cut to it %+v", r.Value, r.Permanent, page.Periods[0])
		}
	}

	// The index of a place that is not a location group: a cut by it, whose ranks are within it.
	var ix struct {
		Jobs  int
		Cut   map[string]string
		Terms []struct{ Jobs int }
	}
	if err := json.Unmarshal([]byte(cli(t, "--db", db, "index", "--location", "manchester", "--seniority", "senior", "--format", "json")), &ix); err != nil {
		t.Fatal(err)
	}
	if ix.Cut["location"] != "Manchester" || ix.Cut["seniority"] != "senior" || ix.Jobs == 0 || len(ix.Terms) == 0 || ix.Terms[0].Jobs > ix.Jobs {
		t.Errorf("index of senior jobs in Manchester: %+v", ix)
	}
	// The tech baseline is the default; --baseline all is every job, and holds more.
	var tech, all struct {
		Baseline string
		All      []struct{ Jobs int }
	}
	for _, b := range []struct {
		flag string
		into any
	}{{"", &tech}, {"ALL", &all}} {
		if err := json.Unmarshal([]byte(cli(t, "--db", db, "stats", "Python", "--baseline", b.flag, "--format", "json")), b.into); err != nil {
			t.Fatal(err)
		}
	}
	if tech.Baseline != "tech" || all.Baseline != "all" || tech.All[0].Jobs >= all.All[0].Jobs {
		t.Errorf("baselines: tech %+v, all %+v", tech, all)
	}

	for _, bad := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"stats", "Pyhton"}, 1, `did you mean "Python"`},
		{[]string{"stats", "Python", "--country", "XX"}, 2, "want GB, US or all"},
		{[]string{"stats", "Python", "--seniority", "wizard"}, 2, "want one of intern, graduate"},
		{[]string{"stats", "Python", "--work-mode", "beach"}, 2, "want one of remote, hybrid, onsite"},
		{[]string{"stats", "Python", "--location", "Atlantis"}, 1, `no ads cite "Atlantis"`},
		{[]string{"index", "--category", "cloud"}, 2, `did you mean "Cloud Services"`},
		{[]string{"stats", "Python", "--min-salaries", "-1"}, 2, "want 0 or more"},
		{[]string{"stats", "Python", "--by", "seniority", "--seniority", "senior"}, 2, "choose one"},
		{[]string{"stats", "Python", "--by", "colour"}, 2, "want one of seniority, work-mode, location"},
		{[]string{"stats", "Python", "--baseline", "it"}, 2, "want one of tech, all"},
		{[]string{"stats", "Python", "--company", "Nobody At All Inc"}, 1, "no ads name the company"},
		{[]string{"index", "--location", "Manchster"}, 2, `or a place or county the ads name`},
	} {
		_, errOut, code := jobscopeCode(t, append([]string{"--db", db}, bad.args...)...)
		if code != bad.code || !strings.Contains(errOut, bad.says) {
			t.Errorf("jobscope %s: exit %d, %q; want exit %d saying %q", strings.Join(bad.args, " "), code, errOut, bad.code, bad.says)
		}
	}
}

// TestKeysCommand: keys create prints a token once, list shows the key, revoke refuses it from then
// on; an unknown id is not found.
func TestKeysCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	cli(t, "--db", db, "ingest", genFile(t, 50, 3))
	out := cli(t, "--db", db, "keys", "create", "acme", "crawler")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	token := lines[len(lines)-1]
	if !strings.HasPrefix(token, "jsk_") || !strings.Contains(out, "for acme crawler") {
		t.Fatalf("keys create printed:\n%s", out)
	}
	id := strings.Split(token, "_")[1]
	if list := cli(t, "--db", db, "keys", "list"); !strings.Contains(list, id) || !strings.Contains(list, "acme crawler") || strings.Contains(list, token) {
		t.Errorf("keys list:\n%s", list)
	}
	cli(t, "--db", db, "keys", "revoke", id)
	revoked := false
	for _, l := range strings.Split(cli(t, "--db", db, "keys", "list"), "\n") {
		if strings.HasPrefix(l, id) {
			revoked = !strings.HasSuffix(strings.TrimSpace(l), " -") // the revoked column has a time
		}
	}
	if !revoked {
		t.Errorf("keys list after revoke does not show the key revoked")
	}
	if _, errOut, code := jobscopeCode(t, "--db", db, "keys", "revoke", "ffffffffffff"); code != 1 || !strings.Contains(errOut, "no key") {
		t.Errorf("revoke of an unknown key: exit %d, %q", code, errOut)
	}
	if _, _, code := jobscopeCode(t, "--db", db, "keys", "frobnicate"); code != 2 {
		t.Errorf("keys frobnicate: exit %d, want 2", code)
	}
}
