package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/dgcheck/dgcheck/internal/jsonobj"
	"github.com/dgcheck/dgcheck/rules"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the generated documents: docs/*.schema.json, the rule catalogue docs/rules*, README's table of rule areas")

const (
	profileSchemaPath = "../../docs/profile.schema.json"
	reportSchemaPath  = "../../docs/report.schema.json"
	// profileSchemaRef is how report.schema.json names the profile schema: relative to its
	// own $id, so validators that load both resolve it without a network.
	profileSchemaRef = "profile.schema.json"
)

// The profile's documented schema is generated, not written twice: the input schema rules are
// type-checked against is the one source.
func TestProfileSchemaIsGenerated(t *testing.T) {
	got, err := profileSchema(rules.InputSchema())
	if err != nil {
		t.Fatal(err)
	}
	if *updateDocs {
		if err := os.WriteFile(profileSchemaPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(profileSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("docs/profile.schema.json is not what rules/schemas/dgcheck/input.json generates (edit the input schema, not the doc)\nrun go test ./cmd/dgcheck -update-docs and review the diff")
	}
}

// profileSchema makes a standalone schema of the input schema's profile definition: the
// definition becomes the root, and the definitions it reaches come along unchanged, so their
// "#/definitions/..." references still resolve. Keys keep the input schema's order, so the
// file changes only where the input schema does.
func profileSchema(input []byte) ([]byte, error) {
	var in struct {
		Definitions json.RawMessage `json:"definitions"`
	}
	if err := json.Unmarshal(input, &in); err != nil {
		return nil, fmt.Errorf("input schema: %w", err)
	}
	defs, err := jsonobj.Members(in.Definitions)
	if err != nil {
		return nil, fmt.Errorf("input schema: definitions: %w", err)
	}
	byName := map[string]json.RawMessage{}
	for _, d := range defs {
		byName[d.Key] = d.Value
	}
	reached := map[string]bool{}
	pending := []string{"profile"}
	for len(pending) > 0 {
		name := pending[0]
		pending = pending[1:]
		if reached[name] {
			continue
		}
		def, ok := byName[name]
		if !ok {
			return nil, fmt.Errorf("input schema: no definitions.%s", name)
		}
		reached[name] = true
		var node any
		if err := json.Unmarshal(def, &node); err != nil {
			return nil, fmt.Errorf("input schema: definitions.%s: %w", name, err)
		}
		for _, ref := range refsIn(node) {
			target, local := strings.CutPrefix(ref, "#/definitions/")
			if !local || strings.Contains(target, "/") {
				return nil, fmt.Errorf("input schema: definitions.%s refers to %s; only #/definitions/<name> can be carried over", name, ref)
			}
			pending = append(pending, target)
		}
	}

	profile, err := jsonobj.Members(byName["profile"])
	if err != nil {
		return nil, fmt.Errorf("input schema: definitions.profile: %w", err)
	}
	var description string
	var keywords []jsonobj.Member
	for _, m := range profile {
		if m.Key != "description" {
			keywords = append(keywords, m)
		} else if err := json.Unmarshal(m.Value, &description); err != nil {
			return nil, fmt.Errorf("input schema: definitions.profile.description: %w", err)
		}
	}
	described, err := json.Marshal(description + " Removing or renaming a field bumps schema_version.")
	if err != nil {
		return nil, err
	}
	root := append([]jsonobj.Member{
		{Key: "$schema", Value: json.RawMessage(`"http://json-schema.org/draft-07/schema#"`)},
		{Key: "$id", Value: json.RawMessage(`"https://github.com/dgcheck/dgcheck/docs/profile.schema.json"`)},
		{Key: "$comment", Value: json.RawMessage(`"Generated from rules/schemas/dgcheck/input.json (definitions.profile) by go test ./cmd/dgcheck -update-docs: edit that file, not this one."`)},
		{Key: "title", Value: json.RawMessage(`"dgcheck profile, schema_version 1"`)},
		{Key: "description", Value: described},
	}, keywords...)
	var carried []jsonobj.Member
	for _, d := range defs {
		if reached[d.Key] && d.Key != "profile" {
			carried = append(carried, d)
		}
	}
	root = append(root, jsonobj.Member{Key: "definitions", Value: jsonobj.Object(carried)})

	var out bytes.Buffer
	if err := json.Indent(&out, jsonobj.Object(root), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// refsIn lists the "$ref" values anywhere in a decoded schema.
func refsIn(node any) []string {
	var refs []string
	switch n := node.(type) {
	case map[string]any:
		if ref, ok := n["$ref"].(string); ok {
			refs = append(refs, ref)
		}
		for _, v := range n {
			refs = append(refs, refsIn(v)...)
		}
	case []any:
		for _, v := range n {
			refs = append(refs, refsIn(v)...)
		}
	}
	return refs
}

// TestReportsMatchSchema checks what dgcheck check --format json writes, for a failing and a
// conformant dataset, a damaged CSV and CSVs read in the wrong encoding (brokenEncodings), and
// the reports package's JSON goldens, against docs/report.schema.json.
func TestReportsMatchSchema(t *testing.T) {
	schema := reportSchema(t)
	ragged := filepath.Join(t.TempDir(), "ragged.csv")
	if err := os.WriteFile(ragged, []byte("id,name,mobile\n1,a,13800138000\n2,b\n3,c,13900139000,extra\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	checks := [][]string{
		{"../../examples/dibao/hongshan_dibao_2025.csv"},
		{"../../examples/dibao/hongshan_dibao_2025_clean.parquet"},
		{ragged},
	}
	for _, b := range brokenEncodings(t) {
		checks = append(checks, b.args)
	}
	for _, args := range checks {
		path := args[len(args)-1]
		t.Run(strings.Join(append(args[:len(args)-1:len(args)-1], filepath.Base(path)), " "), func(t *testing.T) {
			report := checkJSON(t, args...)
			if errs := schemaErrors(t, schema, report); len(errs) > 0 {
				t.Errorf("the report does not match docs/report.schema.json:\n%s", strings.Join(errs, "\n"))
			}
			// The ragged file is there for the profile's located row issues: make sure it has them.
			if path == ragged {
				issues := report["profile"].(map[string]any)["table"].(map[string]any)["ragged_rows"].(map[string]any)
				if len(issues["samples"].([]any)) != 2 {
					t.Errorf("the profile locates ragged rows %v, want 2", issues["samples"])
				}
			}
		})
	}

	goldens, err := filepath.Glob("../../reports/testdata/golden/*.json")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no report goldens found (%v)", err)
	}
	for _, path := range goldens {
		t.Run("golden/"+filepath.Base(path), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var report any
			if err := json.Unmarshal(raw, &report); err != nil {
				t.Fatal(err)
			}
			if errs := schemaErrors(t, schema, report); len(errs) > 0 {
				t.Errorf("%s does not match docs/report.schema.json:\n%s", path, strings.Join(errs, "\n"))
			}
		})
	}
}

// TestSchemaRejectsBadReports proves the validation above can fail, in the report's own
// definitions and in the profile inlined from profile.schema.json.
func TestSchemaRejectsBadReports(t *testing.T) {
	schema := reportSchema(t)
	ragged := filepath.Join(t.TempDir(), "ragged.csv")
	if err := os.WriteFile(ragged, []byte("id,mobile\n1,13800138000\n2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(checkJSON(t, ragged))
	if err != nil {
		t.Fatal(err)
	}
	// fresh decodes raw anew, so each case breaks its own copy.
	fresh := func() map[string]any {
		var report map[string]any
		if err := json.Unmarshal(raw, &report); err != nil {
			t.Fatal(err)
		}
		return report
	}
	if errs := schemaErrors(t, schema, fresh()); len(errs) > 0 {
		t.Fatalf("the unbroken report does not match:\n%s", strings.Join(errs, "\n"))
	}
	for _, tc := range []struct {
		name  string
		spoil func(t *testing.T, report map[string]any)
		// field is where the validator must say the report is wrong.
		field string
	}{
		{"severity fatal", func(t *testing.T, r map[string]any) {
			findingWith(t, r, "severity")["severity"] = "fatal"
		}, "severity"},
		{"measure without b", func(t *testing.T, r map[string]any) {
			delete(findingWith(t, r, "measure")["measure"].(map[string]any), "b")
		}, "measure"},
		{"profile column without nulls", func(t *testing.T, r map[string]any) {
			delete(r["profile"].(map[string]any)["columns"].([]any)[0].(map[string]any), "nulls")
		}, "nulls"},
		{"profile columns null", func(t *testing.T, r map[string]any) {
			r["profile"].(map[string]any)["columns"] = nil
		}, "profile.columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			report := fresh()
			tc.spoil(t, report)
			errs := schemaErrors(t, schema, report)
			if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tc.field) }) {
				t.Errorf("want an error about %s, got %q", tc.field, errs)
			}
		})
	}
}

// findingWith returns the first finding that has key, failing when none has.
func findingWith(t *testing.T, report map[string]any, key string) map[string]any {
	t.Helper()
	for _, f := range report["findings"].([]any) {
		if f := f.(map[string]any); f[key] != nil {
			return f
		}
	}
	t.Fatalf("no finding has %s", key)
	return nil
}

// checkJSON runs dgcheck check --format json on path, in process, and decodes the report.
// A non-conformant dataset is a report like any other; only a failure to check fails.
// checkJSON is the JSON report of dgcheck check args... (flags, then the path), which must be
// complete: conformant or not, never an error or incomplete.
func checkJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := newApp(&stdout, &stderr).Run(t.Context(), append([]string{"dgcheck", "check", "--format", "json"}, args...))
	if err != nil && !errors.Is(err, errNonConformant) {
		t.Fatalf("dgcheck check %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	var report map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("dgcheck check %s wrote no JSON report: %v", strings.Join(args, " "), err)
	}
	return report
}

// reportSchema reads docs/report.schema.json with docs/profile.schema.json inlined as
// definitions.profile, so that one document validates without fetching anything. The profile
// schema's own "#/definitions/x" references are moved under it.
func reportSchema(t *testing.T) map[string]any {
	t.Helper()
	var report, profile map[string]any
	for path, into := range map[string]*map[string]any{reportSchemaPath: &report, profileSchemaPath: &profile} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, into); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	// A nested $id would start a new base for the moved references.
	delete(profile, "$id")
	delete(profile, "$schema")
	if err := rewriteRefs(profile, func(ref string) (string, error) {
		if !strings.HasPrefix(ref, "#/") {
			return "", fmt.Errorf("profile.schema.json refers outside itself: %s", ref)
		}
		return "#/definitions/profile/" + strings.TrimPrefix(ref, "#/"), nil
	}); err != nil {
		t.Fatal(err)
	}
	inlined := 0
	if err := rewriteRefs(report, func(ref string) (string, error) {
		switch {
		case ref == profileSchemaRef:
			inlined++
			return "#/definitions/profile", nil
		case strings.HasPrefix(ref, "#/"):
			return ref, nil
		}
		return "", fmt.Errorf("report.schema.json refers to %s; only %s can be inlined", ref, profileSchemaRef)
	}); err != nil {
		t.Fatal(err)
	}
	if inlined == 0 {
		t.Fatalf("report.schema.json does not refer to %s", profileSchemaRef)
	}
	report["definitions"].(map[string]any)["profile"] = profile
	return report
}

// rewriteRefs replaces every "$ref" in a decoded schema by what rewrite makes of it.
func rewriteRefs(node any, rewrite func(string) (string, error)) error {
	switch n := node.(type) {
	case map[string]any:
		for k, v := range n {
			if ref, ok := v.(string); ok && k == "$ref" {
				to, err := rewrite(ref)
				if err != nil {
					return err
				}
				n[k] = to
				continue
			}
			if err := rewriteRefs(v, rewrite); err != nil {
				return err
			}
		}
	case []any:
		for _, v := range n {
			if err := rewriteRefs(v, rewrite); err != nil {
				return err
			}
		}
	}
	return nil
}

// schemaErrors validates doc with OPA's json.match_schema, the validator dgcheck already
// links, and returns its messages; none when doc matches.
func schemaErrors(t *testing.T, schema, doc any) []string {
	t.Helper()
	rs, err := rego.New(
		rego.Query("result := json.match_schema(input.document, input.schema)"),
		rego.Input(map[string]any{"document": doc, "schema": schema}),
		rego.StrictBuiltinErrors(true),
	).Eval(t.Context())
	if err != nil {
		t.Fatalf("json.match_schema: %v", err)
	}
	if len(rs) != 1 {
		t.Fatalf("json.match_schema gave %d results", len(rs))
	}
	result := rs[0].Bindings["result"].([]any)
	if result[0].(bool) {
		return nil
	}
	var errs []string
	for _, e := range result[1].([]any) {
		errs = append(errs, e.(map[string]any)["error"].(string))
	}
	return errs
}
