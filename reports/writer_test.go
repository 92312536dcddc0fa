package reports_test

import (
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

func TestWriterForEveryFormat(t *testing.T) {
	for _, format := range reports.Formats {
		if w, err := reports.WriterFor(format); err != nil || w == nil {
			t.Errorf("WriterFor(%q) = %v, %v; every listed format needs a writer", format, w, err)
		}
	}
}

func TestWriterForUnknownFormatListsFormats(t *testing.T) {
	_, err := reports.WriterFor("sarif2")
	if err == nil {
		t.Fatal("WriterFor(sarif2) succeeded")
	}
	for _, format := range append([]string{`"sarif2"`}, reports.Formats...) {
		if !strings.Contains(err.Error(), format) {
			t.Errorf("error %q does not name %s", err, format)
		}
	}
}

func TestFormatForPath(t *testing.T) {
	for path, want := range map[string]string{
		"report.json":      "json",
		"out/REPORT.JSON":  "json",
		"report.txt":       "text",
		"report.text":      "text",
		"report.sarif":     "sarif",
		"junit.xml":        "junit",
		"summary.md":       "markdown",
		"report.HTML":      "html",
		"report.htm":       "html",
		"report.pdf":       "",
		"report":           "",
		"json.d/report":    "",
		"":                 "",
		"report.json.bak":  "",
		"./dir.txt/r.json": "json",
	} {
		if got := reports.FormatForPath(path); got != want {
			t.Errorf("FormatForPath(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]reports.Severity{
		"error": reports.Error, "Warning": reports.Warning, "INFO": reports.Info,
	} {
		if got, err := reports.ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"fatal", "", "errors"} {
		_, err := reports.ParseSeverity(in)
		if err == nil || !strings.Contains(err.Error(), "want error, warning or info") {
			t.Errorf("ParseSeverity(%q) error = %v, want one listing error, warning and info", in, err)
		}
	}
}
