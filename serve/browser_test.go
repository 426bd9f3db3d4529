package serve_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// chromium returns the headless browser's path; the test is skipped when the machine has none
// (CI installs Debian's chromium, so there it always runs).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no chromium on PATH")
	return ""
}

// TestPagesInChromium loads the pages in a real headless Chromium: each renders its figures and
// charts from what the server sent, the content security policy refuses nothing (the pages need
// nothing from outside and run no script), and a screenshot of each is drawn.
func TestPagesInChromium(t *testing.T) {
	bin := chromium(t)
	f := newFixture(t)
	for _, tc := range []struct {
		path string
		says []string
	}{
		{"/", []string{"<table", "Skills: the permanent market"}},
		{"/terms/Python?seniority=senior", []string{"<h1>Python", "<svg", "Cited with Python"}},
		{"/terms/Pyhton", []string{"Did you mean"}},
		{"/compare?term=Go&term=Python", []string{"Go · Python", "<svg"}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			dir := t.TempDir()
			run := func(args ...string) (string, string) {
				ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
				defer cancel()
				base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--user-data-dir=" + filepath.Join(dir, "profile"), "--enable-logging=stderr", "--v=0"}
				cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
				var out, errb strings.Builder
				cmd.Stdout, cmd.Stderr = &out, &errb
				if err := cmd.Run(); err != nil {
					t.Fatalf("chromium %v: %v\n%s", args, err, errb.String())
				}
				return out.String(), errb.String()
			}
			dom, log := run("--dump-dom", f.ts.URL+tc.path)
			for _, s := range tc.says {
				if !strings.Contains(dom, s) {
					t.Errorf("the page as Chromium built it lacks %q", s)
				}
			}
			if strings.Contains(log, "Content Security Policy") || strings.Contains(log, "Refused to") {
				t.Errorf("Chromium refused something under the page's policy:\n%s", log)
			}
			shot := filepath.Join(dir, "page.png")
			run("--hide-scrollbars", "--window-size=1100,1600", "--screenshot="+shot, f.ts.URL+tc.path)
			if fi, err := os.Stat(shot); err != nil || fi.Size() < 10_000 {
				t.Errorf("no screenshot drawn: %v", err)
			}
		})
	}
}
