package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/audits"
	"github.com/dgcheck/dgcheck/internal/synth"
)

// browserResult is what testdata/browser/portfolio.mjs prints.
type browserResult struct {
	ConsoleErrors []string `json:"consoleErrors"`
	Requests      []string `json:"requests"`
	Sort          struct {
		Before, Ascending, Descending []int
	} `json:"sort"`
	Filter struct {
		Before, After, Expected int
		Query                   string
	} `json:"filter"`
	Layout map[string]struct {
		Viewport    int      `json:"viewport"`
		ScrollWidth int      `json:"scrollWidth"`
		Wide        []string `json:"wide"`
	} `json:"layout"`
}

// The portfolio of a 50-dataset catalogue, eight owners and three datasets that cannot be
// read, audited a second time into the same history (so it draws trends), opened in Debian's
// Chromium (headless, driven by puppeteer-core from npm): no console
// error and no request, its requirement table sorts, its dataset table filters, and nothing
// is wider than the viewport at 1280 or 390 px. Screenshots are left in $DGCHECK_SCREENSHOTS
// (else the temporary folder). Without Chromium, Node or puppeteer-core it is skipped, except
// under CI=true, where .ci/run installs them.
func TestPortfolioPageInABrowser(t *testing.T) {
	missing := func(what string) {
		t.Helper()
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s, which .ci/run installs", what)
		}
		t.Skipf("%s: the portfolio page is not tested in a browser", what)
	}
	browser := chromiumPath()
	if browser == "" {
		missing("no Chromium on PATH (Debian: apt-get install chromium)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("no node on PATH")
	}
	driver, err := filepath.Abs(filepath.Join("..", "..", "testdata", "browser"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(driver, "node_modules", "puppeteer-core")); err != nil {
		missing("no puppeteer-core (npm ci in testdata/browser)")
	}

	cat := t.TempDir()
	c := synth.CatalogueConfig{Datasets: 50, Seed: 22}
	if err := c.ReadSidecars(filepath.Join("..", "..", "examples", "dibao")); err != nil {
		t.Fatal(err)
	}
	sets, err := synth.WriteCatalogue(cat, c)
	if err != nil {
		t.Fatal(err)
	}
	unreadable := 0
	for _, d := range sets {
		if d.Unreadable() {
			unreadable++
		}
	}
	var manifest strings.Builder
	manifest.WriteString("datasets:\n")
	for b := 1; b <= 8; b++ {
		for _, ext := range []string{"csv", "parquet"} {
			fmt.Fprintf(&manifest, "  - {path: bureau-%02d/*.%s, owner: 第%d区数据局, optional: true}\n", b, ext, b)
		}
	}
	path := filepath.Join(cat, "manifest.yaml")
	if err := os.WriteFile(path, []byte(manifest.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// An earlier audit in the same history, so that the page draws the trends.
	history := filepath.Join(t.TempDir(), "history.db")
	out := filepath.Join(t.TempDir(), "audit")
	for _, dir := range []string{filepath.Join(t.TempDir(), "earlier"), out} {
		if _, stderr, code := runCLI(t, "audit", "-q", "--history", history, "-o", dir, path); code != exitNonConformant {
			t.Fatalf("audit: exit %d: %s", code, stderr)
		}
	}
	p, err := audits.ReadPortfolio(filepath.Join(out, "portfolio.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Datasets) != 50 || len(p.Views.Owners) != 8 || len(p.Views.Unchecked) != unreadable || len(p.Views.Requirements) == 0 ||
		p.Views.Trend == nil || len(p.Views.Trend.Audits) != 2 {
		t.Fatalf("portfolio: %d datasets, %d owners, %d unchecked (want %d), %d requirements failing, trend %+v",
			len(p.Datasets), len(p.Views.Owners), len(p.Views.Unchecked), unreadable, len(p.Views.Requirements), p.Views.Trend)
	}

	shots := filepath.Dir(screenshotPath("x"))
	cmd := exec.Command(node, "portfolio.mjs", browser, filepath.Join(out, "index.html"), shots)
	cmd.Dir = driver
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("portfolio.mjs: %v\n%s", err, stderr.String())
	}
	var r browserResult
	if err := json.Unmarshal(stdout, &r); err != nil {
		t.Fatalf("portfolio.mjs printed %q: %v", stdout, err)
	}
	if len(r.ConsoleErrors) > 0 {
		t.Errorf("console errors: %q", r.ConsoleErrors)
	}
	if len(r.Requests) > 0 {
		t.Errorf("the page made requests: %q", r.Requests)
	}
	if !slices.IsSorted(r.Sort.Ascending) || !slices.IsSortedFunc(r.Sort.Descending, func(a, b int) int { return b - a }) ||
		len(r.Sort.Ascending) != len(p.Views.Requirements) || slices.Equal(r.Sort.Ascending, r.Sort.Descending) {
		t.Errorf("sorting the requirements by datasets: %v, then %v, then %v", r.Sort.Before, r.Sort.Ascending, r.Sort.Descending)
	}
	if r.Filter.Before != 50 || r.Filter.After != r.Filter.Expected || r.Filter.After == 0 || r.Filter.After >= 50 {
		t.Errorf("filtering the datasets by %q: %d rows, then %d (want the %d that hold it)", r.Filter.Query, r.Filter.Before, r.Filter.After, r.Filter.Expected)
	}
	for _, width := range []string{"1280", "390"} {
		l, ok := r.Layout[width]
		if !ok {
			t.Errorf("no layout at %s px", width)
			continue
		}
		if l.ScrollWidth > l.Viewport || len(l.Wide) > 0 {
			t.Errorf("at %s px the page is %d px wide in a %d px viewport; wider than it: %q", width, l.ScrollWidth, l.Viewport, l.Wide)
		}
	}
	t.Logf("screenshots: %s", filepath.Join(shots, "portfolio-{1280,390}.png"))
}
