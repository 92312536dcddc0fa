package main

import (
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium finds a headless Chromium (Debian's package chromium) or skips the test: the
// rendering tests need a browser, which .ci/run installs where it can.
func chromium(t *testing.T) string {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("no Chromium on PATH (Debian: apt-get install chromium): the HTML report is not rendered")
	}
	return path
}

// chromiumPath is the first Chromium on PATH, "" for none.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	return ""
}

// headless runs Chromium on a local file with the flags that keep it off the network, and
// returns what it printed on standard output.
func headless(t *testing.T, browser, page string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--hide-scrollbars", "--user-data-dir=" + t.TempDir(),
	}, append(args, "file://"+page)...)...)
	var out strings.Builder
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v", browser, err)
	}
	return out.String()
}

// htmlReport writes the HTML report of a dataset and returns its absolute path.
func htmlReport(t *testing.T, dataset string, args ...string) string {
	t.Helper()
	out, err := filepath.Abs(filepath.Join(t.TempDir(), "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLI(t, append(append([]string{"check", "-q", "-o", out}, args...), dataset)...); code == exitUsageOrInput {
		t.Fatalf("check: %s", stderr)
	}
	return out
}

// screenshotPath is where the rendering test leaves its screenshot for a person to look at:
// $DGCHECK_SCREENSHOTS (a CI artefact folder) or the system's temporary folder.
func screenshotPath(name string) string {
	dir := os.Getenv("DGCHECK_SCREENSHOTS")
	if dir == "" {
		dir = os.TempDir()
	}
	return filepath.Join(dir, name)
}

// Acceptance 2: the example's HTML report, opened in headless Chromium, shows the verdict
// and the charts.
func TestHTMLReportRendersInChromium(t *testing.T) {
	browser := chromium(t)
	page := htmlReport(t, example, "--lang", "zh")

	dom := headless(t, browser, page, "--dump-dom")
	for _, want := range []string{`id="verdict"`, "不符合", `id="indicator-chart"`, `id="area-chart"`, "按标准条款列示的发现"} {
		if !strings.Contains(dom, want) {
			t.Errorf("the rendered page lacks %s", want)
		}
	}

	shot := screenshotPath("dgcheck-example-report.png")
	if err := os.MkdirAll(filepath.Dir(shot), 0o755); err != nil {
		t.Fatal(err)
	}
	headless(t, browser, page, "--window-size=1200,1800", "--screenshot="+shot)
	t.Logf("screenshot: %s", shot)
	img := decodePNG(t, shot)
	// The verdict banner is the failing red (#c62828); the area chart stacks a warning
	// (#b26a00) for QUAL-011. Counting their pixels shows both were drawn.
	red, orange := countColour(img, 0xc6, 0x28, 0x28), countColour(img, 0xb2, 0x6a, 0x00)
	t.Logf("%d failing-red and %d warning-orange pixels", red, orange)
	if red < 20000 {
		t.Errorf("%d pixels of the failing red: no verdict banner?", red)
	}
	if orange < 500 {
		t.Errorf("%d pixels of the warning orange: no area chart?", orange)
	}

	clean := htmlReport(t, exampleClean)
	shot = screenshotPath("dgcheck-example-clean-report.png")
	headless(t, browser, clean, "--window-size=1200,800", "--screenshot="+shot)
	if n := countColour(decodePNG(t, shot), 0x2e, 0x7d, 0x32); n < 20000 {
		t.Errorf("%d pixels of the conformant green in %s: no verdict banner?", n, shot)
	}
}

// Acceptance 2: markup in the data renders as text and never runs.
func TestHTMLReportDoesNotRunScriptsFromTheData(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	const script = `<script>document.body.setAttribute("data-pwned","1")</script>`
	csv := filepath.Join(dir, "roll.csv")
	if err := os.WriteFile(csv, []byte("id,\""+strings.ReplaceAll(script, `"`, `""`)+"\"\n1,"+
		strings.ReplaceAll(script, `"`, `'`)+"\n2,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	meta := "schema: dgcheck/metadata/v1\ntitle:\n  en: '" + script + "'\nfields:\n  - name: id\n    description: '<img src=x onerror=\"document.title=1\">'\n"
	if err := os.WriteFile(filepath.Join(dir, "roll.meta.yaml"), []byte(meta), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, browser, htmlReport(t, csv), "--dump-dom")
	// Had the script run, the body would carry its attribute.
	if regexp.MustCompile(`<body[^>]*data-pwned`).MatchString(dom) || strings.Contains(dom, "<script") || strings.Contains(dom, "<img") {
		t.Errorf("markup from the data became part of the page:\n%s", dom)
	}
	if !strings.Contains(dom, `&lt;script&gt;document.body.setAttribute("data-pwned","1")&lt;/script&gt;`) {
		t.Errorf("the script cell is not shown as text:\n%s", dom)
	}
}

func decodePNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// countColour counts pixels within a small distance of an sRGB colour.
func countColour(img image.Image, r, g, b uint8) int {
	near := func(a uint32, want uint8) bool { d := int(a>>8) - int(want); return d*d <= 36 }
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			if near(pr, r) && near(pg, g) && near(pb, b) {
				n++
			}
		}
	}
	return n
}
