package reports_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dgcheck/dgcheck/reports"
)

// sarifSchemaPath is the OASIS SARIF 2.1.0 schema (errata01, draft-04), as go-sarif v3.3.1
// embeds it, vendored so the test needs no network.
const sarifSchemaPath = "testdata/sarif-schema-2.1.0.json"

// sarifSchemaErrors validates doc against the SARIF schema with OPA's json.match_schema, a
// validator other than the one go-sarif carries.
func sarifSchemaErrors(t *testing.T, doc []byte) []string {
	t.Helper()
	raw, err := os.ReadFile(sarifSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var schema, document any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(doc, &document); err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	rs, err := rego.New(rego.Query("result := json.match_schema(input.doc, input.schema)"),
		rego.Input(map[string]any{"doc": document, "schema": schema})).Eval(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	result := rs[0].Bindings["result"].([]any)
	if result[0].(bool) {
		return nil
	}
	var errs []string
	for _, e := range result[1].([]any) {
		errs = append(errs, fmt.Sprint(e))
	}
	if len(errs) == 0 {
		errs = []string{"no match, and no error given"}
	}
	return errs
}

func writeSARIF(t *testing.T, r *reports.Report) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := (reports.SARIFWriter{}).Write(&out, r); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestSARIFMatchesTheSchema(t *testing.T) {
	oddPath := failingReport()
	oddPath.Dataset.Path, oddPath.Dataset.MetadataPath = "/srv/开放数据/低保 名册.csv", "/srv/开放数据/低保 名册.meta.yaml"
	for name, r := range map[string]*reports.Report{
		"empty": emptyReport(), "clean": cleanReport(), "failing": failingReport(), "absolute Chinese path": oddPath,
	} {
		t.Run(name, func(t *testing.T) {
			if errs := sarifSchemaErrors(t, writeSARIF(t, r)); len(errs) > 0 {
				t.Errorf("SARIF does not match the 2.1.0 schema:\n%s", strings.Join(errs, "\n"))
			}
		})
	}
}

// The validation above can fail: a spoiled log is rejected.
func TestSARIFSchemaRejectsASpoiledLog(t *testing.T) {
	for name, spoil := range map[string]func(log map[string]any){
		"level fatal": func(log map[string]any) {
			run := log["runs"].([]any)[0].(map[string]any)
			run["results"].([]any)[0].(map[string]any)["level"] = "fatal"
		},
		"no version": func(log map[string]any) { delete(log, "version") },
		"start line 0": func(log map[string]any) {
			run := log["runs"].([]any)[0].(map[string]any)
			res := run["results"].([]any)[2].(map[string]any)
			loc := res["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
			loc["region"].(map[string]any)["startLine"] = 0
		},
	} {
		t.Run(name, func(t *testing.T) {
			var log map[string]any
			if err := json.Unmarshal(writeSARIF(t, failingReport()), &log); err != nil {
				t.Fatal(err)
			}
			spoil(log)
			raw, err := json.Marshal(log)
			if err != nil {
				t.Fatal(err)
			}
			if errs := sarifSchemaErrors(t, raw); len(errs) == 0 {
				t.Error("the schema accepted a spoiled log")
			}
		})
	}
}

// sarifLog is the part of a SARIF log the tests read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name    string `json:"name"`
				Version string `json:"version"`
				Rules   []struct {
					ID               string `json:"id"`
					ShortDescription struct{ Text string }
					Help             struct{ Text string }
					Properties       map[string]any `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
				LogicalLocations []struct{ Name string } `json:"logicalLocations"`
			} `json:"locations"`
			RelatedLocations []any `json:"relatedLocations"`
			Suppressions     []struct {
				Status        string `json:"status"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
			Properties map[string]any `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFNamesRulesAndLocatesResults(t *testing.T) {
	r := failingReport()
	var log sarifLog
	if err := json.Unmarshal(writeSARIF(t, r), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "dgcheck" || run.Tool.Driver.Version != "1.2.3" {
		t.Errorf("driver %q %q", run.Tool.Driver.Name, run.Tool.Driver.Version)
	}
	// One SARIF rule per dgcheck rule: the rules that judged the dataset (QUAL-012 found
	// nothing) and the user pack's rule known only from its finding.
	var ruleIDs []string
	for _, rule := range run.Tool.Driver.Rules {
		ruleIDs = append(ruleIDs, rule.ID)
	}
	want := []string{"CLASS-006", "ID-002", "META-001", "PRIVACY-001", "PUB-003", "QUAL-007", "QUAL-011", "QUAL-012"}
	if !slices.Equal(ruleIDs, want) {
		t.Errorf("rules %q, want %q", ruleIDs, want)
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(r.Findings))
	}
	for i, res := range run.Results {
		f := r.Findings[i]
		rule := run.Tool.Driver.Rules[res.RuleIndex]
		if res.RuleID != f.ID || rule.ID != f.ID {
			t.Errorf("result %d: ruleId %s, ruleIndex names %s, want %s", i, res.RuleID, rule.ID, f.ID)
		}
		if rule.Properties["standard"] != f.Standard || rule.Properties["clause"] != f.Clause {
			t.Errorf("%s: rule properties %v lack its standard and clause", f.ID, rule.Properties)
		}
		if rule.ShortDescription.Text != f.Title || !strings.Contains(rule.Help.Text, f.Remediation) {
			t.Errorf("%s: description %q, help %q; want the title and the remediation", f.ID, rule.ShortDescription.Text, rule.Help.Text)
		}
		wantLevel := map[reports.Severity]string{reports.Error: "error", reports.Warning: "warning", reports.Info: "note"}[f.Severity]
		if res.Level != wantLevel {
			t.Errorf("%s: level %s, want %s", f.ID, res.Level, wantLevel)
		}
		loc := res.Locations[0].PhysicalLocation
		wantURI := "data/dibao.csv"
		if f.Area == "metadata" {
			wantURI = "data/datapackage.json"
		}
		if loc.ArtifactLocation.URI != wantURI || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("%s: located at %+v, want %s", f.ID, loc.ArtifactLocation, wantURI)
		}
		switch {
		case len(f.Samples) == 0 && loc.Region != nil:
			t.Errorf("%s: a region without a sample row", f.ID)
		case len(f.Samples) > 0 && (loc.Region == nil || loc.Region.StartLine != int(f.Samples[0].Row)+1):
			t.Errorf("%s: region %+v, want line %d (row %d after the header)", f.ID, loc.Region, f.Samples[0].Row+1, f.Samples[0].Row)
		}
		if len(res.RelatedLocations) != max(len(f.Samples)-1, 0) {
			t.Errorf("%s: %d related locations for %d samples", f.ID, len(res.RelatedLocations), len(f.Samples))
		}
		if f.Column != "" && (len(res.Locations[0].LogicalLocations) != 1 || res.Locations[0].LogicalLocations[0].Name != f.Column) {
			t.Errorf("%s: logical locations %+v, want column %s", f.ID, res.Locations[0].LogicalLocations, f.Column)
		}
		if waived := f.Waived != nil; waived != (len(res.Suppressions) == 1 && res.Suppressions[0].Status == "accepted") {
			t.Errorf("%s: waived %v, suppressions %+v", f.ID, waived, res.Suppressions)
		}
	}

	// Parquet has no lines: results name the file and the column, and keep the rows as properties.
	pq := failingReport()
	pq.Dataset.Format, pq.Dataset.Path = "parquet", "data/dibao.parquet"
	log = sarifLog{}
	if err := json.Unmarshal(writeSARIF(t, pq), &log); err != nil {
		t.Fatal(err)
	}
	for _, res := range log.Runs[0].Results {
		if res.Locations[0].PhysicalLocation.Region != nil || len(res.RelatedLocations) > 0 {
			t.Errorf("%s: a Parquet result has a line", res.RuleID)
		}
	}
}
