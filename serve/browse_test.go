package serve_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestBrowseInChromium walks the site as a person does, in a real headless Chromium driven over
// the DevTools protocol: the home page, sorted by a column and filtered by its form; a term opened
// from the index, its charts drawn, a cut applied from its form; a comparison; a job search typed
// into the search form; an ad opened from the hits, its skills marked. Nothing is refused by the
// pages' content security policy, and a screenshot of each step is kept: in $JOBSCOPE_SCREENSHOTS
// when set (CI keeps them as artefacts), else in the test's temporary directory.
func TestBrowseInChromium(t *testing.T) {
	bin := chromium(t)
	f := newFixture(t)
	shots := os.Getenv("JOBSCOPE_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(t.TempDir(), "profile")), chromedp.WindowSize(1100, 1400),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	// Whatever the browser logs about the content security policy, or any script error, fails.
	var mu sync.Mutex
	var refused []string
	if err := chromedp.Listen(ctx, func(ev any) {
		var text string
		switch e := ev.(type) {
		case *log.EventEntryAdded:
			text = e.Entry.Text
		case *runtime.EventExceptionThrown:
			text = "script error: " + e.ExceptionDetails.Text
		default:
			return
		}
		if strings.Contains(text, "Content Security Policy") || strings.Contains(text, "Refused") ||
			strings.HasPrefix(text, "script error") {
			mu.Lock()
			refused = append(refused, text)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name+".png"), png, 0o644)
		})
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("read %s: %v", sel, err)
		}
		return s
	}
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+quoteJS(sel)+`).length`))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, append(actions, shot(name))...); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	location := func() string {
		t.Helper()
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}

	// Home: the index, then sorted by its Term column (a heading is a link), then filtered.
	step("1-home", chromedp.Navigate(f.ts.URL+"/"), chromedp.WaitVisible(chromedp.CSS("table.index tbody tr")))
	if n := count("table.index tbody tr"); n < 10 {
		t.Errorf("home: %d rows in the index", n)
	}
	step("2-home-sorted", chromedp.Click(chromedp.Search(`//table[contains(@class,"index")]//thead//a[text()="Term"]`)),
		chromedp.WaitVisible(chromedp.CSS(`th[aria-sort="ascending"]`)))
	if loc, first := location(), text("table.index tbody tr th a"); !strings.Contains(loc, "sort=term") || first == "" {
		t.Errorf("sorted by term: at %s the first row is %q", loc, first)
	}
	step("3-home-filtered",
		chromedp.SetValue(chromedp.CSS(`select[name="kind"]`), "title"),
		chromedp.Submit(chromedp.CSS(`form.filters`)),
		chromedp.WaitVisible(chromedp.Search(`//h1[starts-with(., "Job titles")]`)))

	// A term from the index, its charts, then a cut from the term's own form.
	term := text("table.index tbody tr th a")
	step("4-term", chromedp.Click(chromedp.CSS("table.index tbody tr th a")), chromedp.WaitVisible(chromedp.CSS("svg.chart")))
	if h := text("h1"); !strings.HasPrefix(h, term) {
		t.Errorf("opened %q from the index, the page says %q", term, h)
	}
	if n := count("svg.chart"); n < 3 {
		t.Errorf("term page: %d charts, want the share, salary and histogram charts", n)
	}
	step("5-term-cut",
		chromedp.SetValue(chromedp.CSS(`form.filters select[name="seniority"]`), "senior"),
		chromedp.Submit(chromedp.CSS(`form.filters`)),
		chromedp.WaitVisible(chromedp.Search(`//p[contains(., "only the ads that are")]`)))
	if loc := location(); !strings.Contains(loc, "seniority=senior") {
		t.Errorf("the cut's address %s does not carry it (it must be shareable)", loc)
	}

	step("6-compare", chromedp.Navigate(f.ts.URL+"/compare?term=Go&term=Python&term=Java"),
		chromedp.WaitVisible(chromedp.CSS("svg.chart")))
	if h := text("h1"); h != "Go · Python · Java" {
		t.Errorf("compare: %q", h)
	}

	// Job search, typed into the form, then an ad opened from the hits.
	step("7-search", chromedp.Navigate(f.ts.URL+"/search"),
		chromedp.SendKeys(chromedp.CSS(`input[name="q"]`), "python"),
		chromedp.Submit(chromedp.CSS(`form.filters`)),
		chromedp.WaitVisible(chromedp.Search(`//p[@role="status"][contains(., "match")]`)),
		chromedp.WaitVisible(chromedp.CSS("ol.hits li")))
	if n := count("ol.hits li"); n != 20 {
		t.Errorf("search: %d hits on the first page, want 20", n)
	}
	hit := text("ol.hits li h2 a")
	step("8-ad", chromedp.Click(chromedp.CSS("ol.hits li h2 a")), chromedp.WaitVisible(chromedp.CSS(".adtext")))
	if h := text("h1"); h != hit {
		t.Errorf("opened %q, the ad page says %q", hit, h)
	}
	if n := count(".adtext mark.skill"); n == 0 {
		t.Error("the ad's text marks no skill")
	}
	if !strings.Contains(text("table.read"), "Market") {
		t.Error("the ad page does not show what was read")
	}

	// The toolkit: a benchmark and a brief asked from their forms, a cost, a weekly report.
	step("9-benchmark", chromedp.Navigate(f.ts.URL+"/toolkit/benchmark"),
		chromedp.SendKeys(chromedp.CSS(`input[name="title"]`), "Backend Developer"),
		chromedp.Submit(chromedp.CSS(`form.filters`)),
		chromedp.WaitVisible(chromedp.Search(`//th[text()="Permanent salary"]`)))
	step("10-brief", chromedp.Navigate(f.ts.URL+"/toolkit/brief"),
		chromedp.SendKeys(chromedp.CSS(`input[name="title"]`), "Data Engineer"),
		chromedp.Submit(chromedp.CSS(`form.filters`)),
		chromedp.WaitVisible(chromedp.Search(`//h3[starts-with(., "Must have")]`)))
	step("11-cost", chromedp.Navigate(f.ts.URL+"/toolkit/cost?salary=110000&currency=USD&day_rate=700"),
		chromedp.WaitVisible(chromedp.CSS("table.cost")))
	if got := text("table.cost"); !strings.Contains(got, "$186,896") {
		t.Errorf("the cost page lacks the first-year total $186,896:\n%s", got)
	}
	step("12-report", chromedp.Navigate(f.ts.URL+"/reports"), chromedp.Click(chromedp.CSS(`main ul li a`)),
		chromedp.WaitVisible(chromedp.Search(`//h3[text()="Risers"]`)))

	// Usable by keyboard and screen reader: the first Tab reaches the skip link, every form control
	// has a label, every chart a role and a title, every table a caption, on each page walked.
	for _, path := range []string{"/", "/terms/Python", "/search?q=python", "/toolkit/benchmark?title=Backend%20Developer",
		"/toolkit/cost?salary=60000", "/reports"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(f.ts.URL+path), chromedp.WaitReady(chromedp.CSS("main")),
			chromedp.KeyEvent("\t")); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.className`))
		if err != nil || focused != "skip" {
			t.Errorf("%s: the first Tab focuses %q, want the skip link (%v)", path, focused, err)
		}
		for what, js := range map[string]string{
			"form controls without a label":   `[...document.querySelectorAll('input:not([type=hidden]),select')].filter(e => !e.labels || e.labels.length === 0).length`,
			"charts without a role and title": `[...document.querySelectorAll('svg')].filter(e => e.getAttribute('role') !== 'img' || !e.querySelector('title')).length`,
			"tables without a caption":        `[...document.querySelectorAll('table')].filter(e => !e.caption).length`,
			"images without alt text":         `document.querySelectorAll('img:not([alt])').length`,
		} {
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](js))
			if err != nil || n != 0 {
				t.Errorf("%s: %d %s (%v)", path, n, what, err)
			}
		}
	}

	mu.Lock()
	defer mu.Unlock()
	if len(refused) > 0 {
		t.Errorf("Chromium refused or failed: %q", refused)
	}
	t.Logf("screenshots in %s", shots)
}

// quoteJS writes s as a JavaScript string literal.
func quoteJS(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
