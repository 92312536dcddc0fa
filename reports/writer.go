package reports

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Writer renders a report in one format.
type Writer interface {
	Write(w io.Writer, r *Report) error
}

// Formats lists the output formats, defined once so that --help, flag validation, WriterFor
// and FormatForPath agree.
var Formats = []string{"text", "json", "markdown", "html", "sarif", "junit"}

// Langs are the languages of the reports: rule titles, remediations and finding messages come
// from the rules in each, the HTML page's own words from a catalogue in html_words.go.
var Langs = []string{"en", "zh"}

// WriterOption adjusts how a writer renders; formats an option means nothing to ignore it.
type WriterOption func(*writerConfig)

type writerConfig struct {
	lang   string
	colour bool
}

// WithLang sets the report's language (one of Langs; "" or no option is en): the HTML
// report's words, titles and remediations, and the findings' messages in the HTML, text and
// Markdown reports.
func WithLang(lang string) WriterOption { return func(c *writerConfig) { c.lang = lang } }

// WithColour colours the text report with ANSI escapes, for a terminal.
func WithColour(on bool) WriterOption { return func(c *writerConfig) { c.colour = on } }

// WriterFor returns the writer for a format name.
func WriterFor(format string, opts ...WriterOption) (Writer, error) {
	var c writerConfig
	for _, o := range opts {
		o(&c)
	}
	c.lang = cmp.Or(c.lang, "en")
	if !slices.Contains(Langs, c.lang) {
		return nil, fmt.Errorf("unknown language %q (want one of %s)", c.lang, strings.Join(Langs, ", "))
	}
	switch format {
	case "text":
		return TextWriter{Colour: c.colour, Lang: c.lang}, nil
	case "json":
		return JSONWriter{}, nil
	case "markdown":
		return MarkdownWriter{Lang: c.lang}, nil
	case "html":
		return HTMLWriter{Lang: c.lang}, nil
	case "sarif":
		return SARIFWriter{}, nil
	case "junit":
		return JUnitWriter{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// formatOfExt maps the extensions -o understands to formats. JUnit XML has no extension of
// its own: CI systems look for *.xml.
var formatOfExt = map[string]string{
	"txt": "text", "text": "text",
	"json":  "json",
	"md":    "markdown",
	"html":  "html",
	"htm":   "html",
	"sarif": "sarif",
	"xml":   "junit",
}

// FormatForPath tells the format an output file name implies (report.sarif → sarif,
// junit.xml → junit), or "".
func FormatForPath(path string) string {
	return formatOfExt[strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")]
}

// ParseSeverity reads a --fail-on value.
func ParseSeverity(s string) (Severity, error) {
	switch sev := Severity(strings.ToLower(s)); sev {
	case Error, Warning, Info:
		return sev, nil
	}
	return "", fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}
