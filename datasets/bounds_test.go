package datasets_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

// Trust II, reproduction 1, the check side: a minimum or maximum that is no value of its field's
// type ("1**" on a number field, a masked extreme an old init drafted) checks nothing, so it is
// refused at its line and column, in a sidecar (by the schema) and in a data package.
func TestBoundsOfTheFieldsType(t *testing.T) {
	for _, tc := range []struct {
		name, file, text string
		want             string // "" when the metadata is valid; else the error's location and text
	}{
		{"number", "m.meta.yaml", "fields:\n  - name: amount\n    datatype: number\n    constraints: {minimum: 100, maximum: 680000.5}\n", ""},
		{"masked number", "m.meta.yaml", "fields:\n  - name: amount\n    datatype: number\n    constraints: {minimum: 1**, maximum: 9****}\n",
			"m.meta.yaml:4:28: fields.0.constraints.minimum"},
		{"quoted number", "m.meta.yaml", "fields:\n  - {name: n, datatype: integer, constraints: {maximum: \"6\"}}\n",
			"m.meta.yaml:2:57: fields.0.constraints.maximum"},
		{"fractional integer", "m.meta.yaml", "fields:\n  - {name: n, datatype: integer, constraints: {minimum: 1.5}}\n",
			"fields.0.constraints.minimum"},
		{"date", "m.meta.yaml", "fields:\n  - {name: d, datatype: date, constraints: {minimum: 2015-01-01, maximum: 2025-06-30}}\n", ""},
		{"masked date", "m.meta.yaml", "fields:\n  - {name: d, datatype: date, constraints: {minimum: 19**-01-01}}\n",
			"fields.0.constraints.minimum"},
		{"string", "m.meta.yaml", "fields:\n  - {name: s, datatype: string, constraints: {minimum: a**}}\n", ""},
		{"package number", "datapackage.json", `{"resources": [{"path": "d.csv", "schema": {"fields": [
  {"name": "amount", "type": "number", "constraints": {"minimum": 100, "maximum": "680000"}}]}}]}`, ""},
		{"package masked number", "datapackage.json", `{"resources": [{"path": "d.csv", "schema": {"fields": [
  {"name": "id", "type": "string"},
  {"name": "amount", "type": "number", "constraints": {"minimum": "1**", "maximum": 9}}]}}]}`,
			`datapackage.json:3:67: field amount: constraints.minimum "1**" is not a value of its type number`},
		{"package masked date", "datapackage.json", `{"resources": [{"path": "d.csv", "schema": {"fields": [
  {"name": "day", "type": "date", "constraints": {"maximum": "2025-**-30"}}]}}]}`,
			`constraints.maximum "2025-**-30"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := datasets.ReadMetadata(path, filepath.Join(dir, "d.csv"))
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.want != "" && err == nil:
				t.Errorf("accepted; want %q", tc.want)
			case tc.want != "" && !strings.Contains(strings.ReplaceAll(err.Error(), dir+"/", ""), tc.want):
				t.Errorf("error %q; want %q", err, tc.want)
			}
		})
	}
}
