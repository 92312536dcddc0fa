package dgcheck_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dgcheck/dgcheck"
)

// Peers are test oracles (DESIGN.md): what `dgcheck init --format datapackage` writes must be a
// data package to Frictionless itself, by its published profiles and by its own reader.

const exampleRoll = "examples/dibao/hongshan_dibao_2025.csv"

// draftExamplePackage drafts the example roll's datapackage.json beside a copy of the roll, as
// init writes it, and returns its path.
func draftExamplePackage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	raw, err := os.ReadFile(exampleRoll)
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, filepath.Base(exampleRoll))
	if err := os.WriteFile(data, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := dgcheck.Draft(context.Background(), dgcheck.DraftRequest{Path: data})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := d.WriteDataPackage(&out); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "datapackage.json")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// frictionlessProfile compiles one of the official profiles kept in datasets/profiles
// (README.md there says where each comes from).
func frictionlessProfile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("datasets", "profiles", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// profileErrors validates a data package against the Data Package profile, and the Tabular
// Data Package profile when it declares that one, and each resource's schema against Table
// Schema's; "" when it is valid.
func profileErrors(t *testing.T, pkg []byte) string {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(pkg))
	if err != nil {
		t.Fatal(err)
	}
	profiles := []string{"data-package.json"}
	if doc.(map[string]any)["profile"] == "tabular-data-package" {
		profiles = append(profiles, "tabular-data-package.json")
	}
	var problems []string
	for _, name := range profiles {
		if err := frictionlessProfile(t, name).Validate(doc); err != nil {
			problems = append(problems, name+": "+err.Error())
		}
	}
	tableSchema := frictionlessProfile(t, "table-schema.json")
	resources, _ := doc.(map[string]any)["resources"].([]any)
	for _, r := range resources {
		if err := tableSchema.Validate(r.(map[string]any)["schema"]); err != nil {
			problems = append(problems, "table-schema.json: "+err.Error())
		}
	}
	return strings.Join(problems, "\n")
}

// Trust II, reproduction 2: the draft's empty keywords and licenses broke the Data Package
// profile. It now validates against the official profiles, fresh and merged into a package of
// several resources.
func TestDraftDataPackageValidatesAgainstFrictionlessProfiles(t *testing.T) {
	path := draftExamplePackage(t)
	pkg, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if problems := profileErrors(t, pkg); problems != "" {
		t.Errorf("the draft is not a valid data package:\n%s\n%s", problems, pkg)
	}
	if !strings.Contains(string(pkg), `"profile": "tabular-data-package"`) {
		t.Error("the draft of a CSV does not declare itself a Tabular Data Package")
	}

	// The validator is live: an empty keywords list, as init used to write, fails it.
	var doc map[string]any
	if err := json.Unmarshal(pkg, &doc); err != nil {
		t.Fatal(err)
	}
	doc["keywords"] = []string{}
	empty, _ := json.Marshal(doc)
	if profileErrors(t, empty) == "" {
		t.Error("the Data Package profile accepted keywords: []")
	}

	merged := mergeIntoTwoResourcePackage(t, filepath.Dir(path))
	if problems := profileErrors(t, merged); problems != "" {
		t.Errorf("the merged package is not a valid data package:\n%s\n%s", problems, merged)
	}
}

// twoResources is a package a person wrote: the roll's resource (to be redrafted) and another.
const twoResources = `{
  "name": "hongshan-dibao",
  "title": "洪山区低保",
  "keywords": ["低保"],
  "licenses": [{"name": "CC-BY-4.0"}],
  "resources": [
    {"name": "streets", "path": "streets.csv", "profile": "tabular-data-resource",
     "schema": {"fields": [{"name": "street", "type": "string"}]}},
    {"name": "roll", "path": "hongshan_dibao_2025.csv", "title": "old draft",
     "schema": {"fields": [{"name": "x", "type": "string"}]}}
  ]
}`

func mergeIntoTwoResourcePackage(t *testing.T, dir string) []byte {
	t.Helper()
	d, err := dgcheck.Draft(context.Background(), dgcheck.DraftRequest{Path: filepath.Join(dir, filepath.Base(exampleRoll))})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := d.MergeDataPackage(&out, []byte(twoResources)); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// Trust II, reproduction 3: init --force replaced a package of two resources by one of one.
// Merged, the roll's resource is the new draft, in its place; the other resource and the
// package's properties are as the person wrote them. (The merge on its own, and its refusal of
// a file that is no data package, are datasets' TestMergeDataPackage.)
func TestDraftMergeKeepsOtherResourcesAndPackageProperties(t *testing.T) {
	merged := mergeIntoTwoResourcePackage(t, filepath.Dir(draftExamplePackage(t)))
	var doc struct {
		Name      string
		Title     string
		Keywords  []string
		Licenses  []map[string]string
		PI        map[string]any `json:"pi"`
		Resources []struct {
			Name, Path, Title string
			Schema            struct{ Fields []struct{ Name string } }
		}
	}
	if err := json.Unmarshal(merged, &doc); err != nil {
		t.Fatalf("%v\n%s", err, merged)
	}
	if doc.Name != "hongshan-dibao" || doc.Title != "洪山区低保" || len(doc.Keywords) != 1 || doc.Licenses[0]["name"] != "CC-BY-4.0" {
		t.Errorf("package properties changed: %+v", doc)
	}
	if doc.PI["contains_pi"] != true {
		t.Errorf("pi = %v: a property the package lacked is added from the draft", doc.PI)
	}
	if len(doc.Resources) != 2 || doc.Resources[0].Path != "streets.csv" || doc.Resources[0].Schema.Fields[0].Name != "street" {
		t.Fatalf("resources = %+v: the other resource must stay, first", doc.Resources)
	}
	if r := doc.Resources[1]; r.Path != "hongshan_dibao_2025.csv" || r.Title == "old draft" || len(r.Schema.Fields) != 13 {
		t.Errorf("the roll's resource = %+v: want the new draft in place of the old", r)
	}
	if strings.Index(string(merged), `"name": "hongshan-dibao"`) > strings.Index(string(merged), `"resources"`) {
		t.Errorf("the package's properties are not kept in their order:\n%s", merged)
	}
}

// oracleResult is what testdata/frictionless-js/oracle.js prints.
type oracleResult struct {
	Valid     bool
	Errors    []string
	Resources []struct {
		Name    string
		Tabular bool
		Rows    int
		Errors  []string
	}
}

// runOracle loads a data package with Frictionless' JavaScript library (datapackage 1.1.10,
// installed by .ci/run) and reads every row of it. Without node or the library the test is
// skipped locally, and fails in CI, where .ci/run has installed them.
func runOracle(t *testing.T, pkg string) oracleResult {
	t.Helper()
	dir := filepath.Join("testdata", "frictionless-js")
	missing := ""
	node, err := exec.LookPath("node")
	if err != nil {
		missing = "node is not installed"
	} else if _, err := os.Stat(filepath.Join(dir, "node_modules", "datapackage", "package.json")); err != nil {
		missing = "Frictionless' datapackage library is not installed (cd testdata/frictionless-js && npm ci)"
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the Frictionless oracle cannot run in CI: %s; .ci/run installs it", missing)
		}
		t.Skipf("the Frictionless oracle cannot run: %s; .ci/run installs it", missing)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(node, filepath.Join(dir, "oracle.js"), pkg)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("oracle: %v\n%s", err, stderr.String())
	}
	var r oracleResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("oracle: %v\n%s", err, out)
	}
	return r
}

// Trust II, reproduction 2 by Frictionless' own reader: it loads the example's draft strictly
// and reads all 2,000 rows, cast to the schema with every constraint checked, without an error.
// With the masked bounds init used to write it rejects every row, which shows the oracle reads
// the constraints.
func TestDraftDataPackageFrictionlessOracle(t *testing.T) {
	path := draftExamplePackage(t)
	r := runOracle(t, path)
	if !r.Valid || len(r.Errors) > 0 || len(r.Resources) != 1 {
		t.Fatalf("Frictionless: valid %v, errors %q, resources %d", r.Valid, r.Errors, len(r.Resources))
	}
	if res := r.Resources[0]; !res.Tabular || res.Rows != 2000 || len(res.Errors) > 0 {
		t.Errorf("Frictionless read %s: tabular %v, %d rows, %d errors, first %q", res.Name, res.Tabular, res.Rows, len(res.Errors), first(res.Errors))
	}

	pkg, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	masked := strings.Replace(string(pkg), `"minimum": 100,`, `"minimum": "1**",`, 1)
	if masked == string(pkg) {
		t.Fatalf("the draft has no monthly_allowance minimum of 100:\n%s", pkg)
	}
	if err := os.WriteFile(path, []byte(masked), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runOracle(t, path); len(r.Resources) != 1 || r.Resources[0].Rows != 0 || len(r.Resources[0].Errors) == 0 {
		t.Errorf("Frictionless read a package with a masked minimum without error: %+v", r)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
