package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

// exampleSidecarWith writes the example's sidecar with old replaced by new into a new folder,
// beside a copy of the example's data, and returns the data's path.
func exampleSidecarWith(t *testing.T, replacements ...string) string {
	t.Helper()
	src, err := os.ReadFile(exampleSidecar)
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for i := 0; i+1 < len(replacements); i += 2 {
		if !strings.Contains(text, replacements[i]) {
			t.Fatalf("the example sidecar has no %q", replacements[i])
		}
		text = strings.Replace(text, replacements[i], replacements[i+1], 1)
	}
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	csv := filepath.Join(dir, filepath.Base(example))
	if err := os.WriteFile(csv, data, 0o644); err != nil {
		t.Fatal(err)
	}
	meta := strings.TrimSuffix(csv, ".csv") + ".meta.yaml"
	if err := os.WriteFile(meta, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return csv
}

// A value of the wrong type in a block the rules read is an input error at its line and
// column, not a rule crashing on it.
func TestMistypedMetadataBlockExitsTwoAtItsLine(t *testing.T) {
	csv := exampleSidecarWith(t, "  k: 5\n", "  k: 5\n  process: approved by the board\n  suppressed_records: \"12\"\n")
	meta := strings.TrimSuffix(csv, ".csv") + ".meta.yaml"
	_, stderr, code := runCLI(t, "check", csv)
	if code != exitUsageOrInput {
		t.Fatalf("exit %d, want 2; stderr: %s", code, stderr)
	}
	for _, want := range []string{meta + ":71:12: deidentification.process:", meta + ":72:23: deidentification.suppressed_records:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	if strings.Contains(stderr, ".rego") {
		t.Errorf("stderr %q points into a rule", stderr)
	}
}

// A threshold out of its range in dgcheck.yaml is an input error at its line and column.
func TestThresholdOutOfRangeExitsTwoAtItsLine(t *testing.T) {
	config := filepath.Join(t.TempDir(), "dgcheck.yaml")
	if err := os.WriteFile(config, []byte("thresholds:\n  completeness_min: 2\n  k_min: 1e308\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "check", "--config", config, example)
	if code != exitUsageOrInput {
		t.Fatalf("exit %d, want 2; stderr: %s", code, stderr)
	}
	for _, want := range []string{
		config + ":2:21: thresholds.completeness_min: 2 is out of range: want a number from 0 to 1",
		config + ":3:10: thresholds.k_min: 1e+308 is out of range: want an integer from 1 to 1000000000",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
}

// A quasi-identifier the file lacks is a finding naming it, and k-anonymity is still judged
// over the quasi-identifiers that exist; a field entry given twice is a finding too.
func TestMetadataNamingMissingColumnsOrRepeatingFieldsIsAFinding(t *testing.T) {
	csv := exampleSidecarWith(t,
		"qi_columns: [sex, birth_date, street, community]", "qi_columns: [sex, birth_date, street, communty]",
		"fields:\n", "fields:\n  - name: household_id\n    datatype: integer\n")
	r, code := checkReport(t, csv)
	if code != exitNonConformant {
		t.Fatalf("exit %d, want 1", code)
	}
	find := func(id, column string) *reports.Finding {
		for i, f := range r.Findings {
			if f.ID == id && f.Column == column {
				return &r.Findings[i]
			}
		}
		return nil
	}
	missing := find("QUAL-002", "communty")
	if missing == nil || !strings.HasPrefix(missing.Message, "deidentification.qi_columns names communty, which the file does not have; "+
		"k-anonymity and uniqueness are measured over sex, birth_date, street only") {
		t.Errorf("QUAL-002 communty = %+v\nfindings %q", missing, ids(r.Findings))
	}
	if k := find("DESENS-012", ""); k == nil || !strings.Contains(k.Message, "sex, birth_date, street (declared)") {
		t.Errorf("DESENS-012 = %+v, want k judged over the three quasi-identifiers that exist", k)
	}
	repeated := find("META-016", "household_id")
	if repeated == nil || !strings.Contains(repeated.Message, "2 entries for the column (fields[0], fields[1]); the first, fields[0], is read") {
		t.Errorf("META-016 household_id = %+v, want the repeated entry reported", repeated)
	}
}
