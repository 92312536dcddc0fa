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
	return enc.Encode(withEmptyCollections(*r))
}

// withEmptyCollections returns r with nil lists and counts made empty: the schema promises
// arrays and objects, so a consumer never has to tell null from none, whoever built r.
func withEmptyCollections(r Report) Report {
	if r.Notices == nil {
		r.Notices = []string{}
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Dataset.Columns == nil {
		r.Dataset.Columns = []string{}
	}
	if r.Summary.ByArea == nil {
		r.Summary.ByArea = map[string]int{}
	}
	if r.Summary.BySeverity == nil {
		r.Summary.BySeverity = map[string]int{}
	}
	return r
}
