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

// A Format is one report format: what the commands, the audit and the golden tests know of
// it, in one row of formatTable. A new format is its writer's file and a row.
type Format struct {
	Name string
	// Extensions are the file extensions -o infers the format from, its own first (the
	// extension of its goldens). JUnit XML has none of its own: CI systems look for *.xml.
	Extensions []string
	// File names a dataset's report in this format within the dataset's folder of an audit.
	File string
	// writer makes the format's writer under the writer options.
	writer func(writerConfig) Writer
}

var formatTable = []Format{
	{Name: "text", Extensions: []string{"txt", "text"}, File: "report.txt",
		writer: func(c writerConfig) Writer { return TextWriter{Colour: c.colour, Lang: c.lang} }},
	{Name: "json", Extensions: []string{"json"}, File: "report.json",
		writer: func(writerConfig) Writer { return JSONWriter{} }},
	{Name: "markdown", Extensions: []string{"md"}, File: "report.md",
		writer: func(c writerConfig) Writer { return MarkdownWriter{Lang: c.lang} }},
	{Name: "html", Extensions: []string{"html", "htm"}, File: "report.html",
		writer: func(c writerConfig) Writer { return HTMLWriter{Lang: c.lang} }},
	{Name: "sarif", Extensions: []string{"sarif"}, File: "report.sarif",
		writer: func(writerConfig) Writer { return SARIFWriter{} }},
	{Name: "junit", Extensions: []string{"xml"}, File: "report.junit.xml",
		writer: func(writerConfig) Writer { return JUnitWriter{} }},
}

// Formats lists the output formats' names, in the table's order: --help, flag validation and
// the audit's outputs read them here.
var Formats = func() []string {
	names := make([]string, len(formatTable))
	for i, f := range formatTable {
		names[i] = f.Name
	}
	return names
}()

// FormatNamed is the format of a name, and whether there is one.
func FormatNamed(name string) (Format, bool) {
	i := slices.IndexFunc(formatTable, func(f Format) bool { return f.Name == name })
	if i < 0 {
		return Format{}, false
	}
	return formatTable[i], true
}

// OutputExtensions lists the extensions that imply a format, as --help shows them
// (".txt .text .json ...").
func OutputExtensions() string {
	var exts []string
	for _, f := range formatTable {
		for _, e := range f.Extensions {
			exts = append(exts, "."+e)
		}
	}
	return strings.Join(exts, " ")
}

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
	f, ok := FormatNamed(format)
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	return f.writer(c), nil
}

// FormatForPath tells the format an output file name implies (report.sarif → sarif,
// junit.xml → junit), or "".
func FormatForPath(path string) string {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	for _, f := range formatTable {
		if slices.Contains(f.Extensions, ext) {
			return f.Name
		}
	}
	return ""
}

// ParseSeverity reads a --fail-on value.
func ParseSeverity(s string) (Severity, error) {
	switch sev := Severity(strings.ToLower(s)); sev {
	case Error, Warning, Info:
		return sev, nil
	}
	return "", fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}
