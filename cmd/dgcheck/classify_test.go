package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck"
	"github.com/dgcheck/dgcheck/datasets"
)

func classifyJSON(t *testing.T, args ...string) dgcheck.Classification {
	t.Helper()
	stdout, stderr, code := runCLI(t, append([]string{"classify", "--format", "json"}, args...)...)
	if code != exitConformant {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var cl dgcheck.Classification
	if err := json.Unmarshal([]byte(stdout), &cl); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	return cl
}

// Acceptance: classify finds each personal-information column of the example, the sensitive
// one among them, and suggests a level above the general-2 its sidecar declares.
func TestClassifyTheExample(t *testing.T) {
	cl := classifyJSON(t, example)
	types := map[string]string{}
	for _, c := range cl.Columns {
		if c.Detected != nil {
			types[c.Name] = c.Detected.Type
		}
	}
	want := map[string]string{"name": "person_name", "sfzh": "cn_resident_id", "mobile": "mobile"}
	if len(types) != len(want) {
		t.Errorf("detected %v, want %v", types, want)
	}
	for col, typ := range want {
		if types[col] != typ {
			t.Errorf("column %s detected as %q, want %q", col, types[col], typ)
		}
	}
	g := cl.Grading
	if g.Level != "general-4" || g.DeclaredLevel != "general-2" || !g.ContainsSensitivePI || g.Columns["sfzh"].Sensitive != true {
		t.Errorf("grading %+v: want general-4 suggested over the declared general-2, sfzh sensitive", g)
	}
	if g.Columns["birth_date"].Source != "name" {
		t.Errorf("birth_date graded %+v, want from its name", g.Columns["birth_date"])
	}
	// The clean twin's masked columns grade lower: its declared general-2 holds.
	clean := classifyJSON(t, exampleClean)
	if clean.Grading.Level != "general-2" || clean.Grading.ContainsSensitivePI {
		t.Errorf("clean twin graded %+v", clean.Grading)
	}
	text, _, _ := runCLI(t, "classify", example)
	for _, s := range []string{"cn_resident_id", "suggested dataset level: general-4", "declared dataset level:  general-2"} {
		if !strings.Contains(text, s) {
			t.Errorf("text output lacks %q:\n%s", s, text)
		}
	}
}

func TestClassifyModelFlag(t *testing.T) {
	cl := classifyJSON(t, "--model", "jrt0197", example)
	if cl.Grading.Model != "jrt0197" || cl.Grading.Columns["sfzh"].Level != "3" {
		t.Errorf("JR/T 0197 grading %+v", cl.Grading)
	}
	if _, stderr, code := runCLI(t, "classify", "--model", "nosuch", example); code != exitUsageOrInput || !strings.Contains(stderr, "grading") {
		t.Errorf("unknown model: exit %d, %s", code, stderr)
	}
	if _, _, code := runCLI(t, "classify", "--format", "xml", example); code != exitUsageOrInput {
		t.Errorf("--format xml: exit %d", code)
	}
}

// --write-metadata fills suggestions into the sidecar and keeps every declared value.
func TestClassifyWriteMetadata(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	csvPath := filepath.Join(dir, "roll.csv")
	if err := os.WriteFile(csvPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// A sidecar declaring a little, some of it at odds with the data.
	sidecar := `schema: dgcheck/metadata/v1
title: {zh: 名册}
# a person's comment
classification:
  level: general
pi:
  contains_pi: false
fields:
  - name: sfzh
    sensitive: false
`
	metaPath := filepath.Join(dir, "roll.meta.yaml")
	if err := os.WriteFile(metaPath, []byte(sidecar), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := runCLI(t, "classify", "--write-metadata", csvPath); code != exitConformant {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	out, err := os.ReadFile(metaPath)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "# a person's comment") {
		t.Errorf("comment lost:\n%s", out)
	}
	var md datasets.Metadata
	dec := yaml.NewDecoder(strings.NewReader(string(out)))
	dec.KnownFields(true)
	if err := dec.Decode(&md); err != nil {
		t.Fatalf("draft does not read as a sidecar: %v\n%s", err, out)
	}
	// Declared values stay, even where the data disagrees.
	if md.Classification.Level != "general" || *md.PI.ContainsPI != false || md.Title["zh"] != "名册" {
		t.Errorf("declared values changed:\n%s", out)
	}
	if md.Classification.GeneralSublevel != nil {
		t.Errorf("a sub-level was added to a level a person declared:\n%s", out)
	}
	fields := map[string]datasets.Field{}
	for _, f := range md.Fields {
		fields[f.Name] = f
	}
	if f := fields["sfzh"]; *f.Sensitive != false || f.PICategory != "个人身份信息" || f.Level != "general-4" || f.IdentifierRole != "direct" {
		t.Errorf("sfzh field %+v: the declared sensitive kept, the rest suggested", f)
	}
	if f := fields["mobile"]; f.PICategory != "个人基本资料" || f.Sensitive == nil || *f.Sensitive {
		t.Errorf("mobile field %+v", f)
	}
	if md.PI.ContainsSensitivePI == nil || !*md.PI.ContainsSensitivePI {
		t.Errorf("contains_sensitive_pi not suggested:\n%s", out)
	}
	// Running it again changes nothing: every suggestion is now a declaration.
	if _, _, code := runCLI(t, "classify", "--write-metadata", csvPath); code != exitConformant {
		t.Fatal("second run failed")
	}
	again, _ := os.ReadFile(metaPath)
	if string(again) != string(out) {
		t.Errorf("second --write-metadata changed the draft:\n%s\nthen\n%s", out, again)
	}
}
