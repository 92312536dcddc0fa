package reports

import (
	"encoding/json"
	"io"
)

// JSONWriter writes the report as indented JSON; its shape is docs/report.schema.json,
// versioned by SchemaVersion.
type JSONWriter struct{}

func (JSONWriter) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
