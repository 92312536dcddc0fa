package reports

import (
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

// Formats lists the output formats, defined once so that --help, flag validation and
// WriterFor agree.
var Formats = []string{"text", "json"}

// WriterFor returns the writer for a format name.
func WriterFor(format string) (Writer, error) {
	switch format {
	case "text":
		return TextWriter{}, nil
	case "json":
		return JSONWriter{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

// FormatForPath tells the format an output file name implies (report.json → json), or "".
func FormatForPath(path string) string {
	f := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if f == "txt" {
		f = "text"
	}
	if slices.Contains(Formats, f) {
		return f
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
