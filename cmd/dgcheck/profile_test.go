package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/reports"
)

const exampleMeta = "../../examples/dibao/hongshan_dibao_2025.meta.yaml"

// rollDir lays the example's Parquet twin out as a partitioned dataset of three files (three
// row groups) and returns its folder.
func rollDir(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("../../examples/dibao/hongshan_dibao_2025.parquet")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "roll")
	for _, year := range []string{"2023", "2024", "2025"} {
		p := filepath.Join(dir, "year="+year, "a.parquet")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// measureParts runs profile --part i/n for every part of target into dir, returning the glob
// that matches the files.
func measureParts(t *testing.T, dir, target string, n int, args ...string) string {
	t.Helper()
	for i := 1; i <= n; i++ {
		out := filepath.Join(dir, fmt.Sprintf("part-%d.profile.json", i))
		argv := append([]string{"profile", "-q", "--part", fmt.Sprintf("%d/%d", i, n), "-o", out}, args...)
		if _, stderr, code := runCLI(t, append(argv, target)...); code != 0 {
			t.Fatalf("profile --part %d/%d: exit %d, %s", i, n, code, stderr)
		}
		if st, err := os.Stat(out); err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("part %d: %v, mode %v; want a file only its owner reads (it holds values in clear)", i, err, st.Mode())
		}
	}
	return filepath.Join(dir, "part-*.profile.json")
}

// sameJudgement compares two reports' dataset, profile, findings, scores and verdict as JSON.
func sameJudgement(t *testing.T, what string, got, want reports.Report) {
	t.Helper()
	for _, part := range []struct {
		name string
		g, w any
	}{{"dataset", got.Dataset, want.Dataset}, {"profile", got.Profile, want.Profile},
		{"findings", got.Findings, want.Findings}, {"scores", got.Scores, want.Scores}, {"verdict", got.Verdict, want.Verdict}} {
		g, _ := json.Marshal(part.g)
		w, _ := json.Marshal(part.w)
		if string(g) != string(w) {
			t.Errorf("%s: the %s differs from one check's:\n got %.400s\nwant %.400s", what, part.name, g, w)
		}
	}
}

// Measured in 1, 2 or 3 parts and merged by check --profiles, a dataset is judged exactly as
// one check of the whole judges it: the same dataset, profile, findings, scores and verdict.
func TestPartsMergeIntoOneCheck(t *testing.T) {
	dir := rollDir(t)
	whole, code := checkReport(t, "-m", exampleMeta, dir)
	if code != exitNonConformant {
		t.Fatalf("one check: exit %d", code)
	}
	for n := 1; n <= 3; n++ {
		t.Run(fmt.Sprintf("%d parts", n), func(t *testing.T) {
			glob := measureParts(t, t.TempDir(), dir, n, "-m", exampleMeta)
			merged, code := checkReport(t, "--profiles", glob, "-m", exampleMeta, dir)
			if code != exitNonConformant {
				t.Fatalf("check --profiles: exit %d", code)
			}
			sameJudgement(t, fmt.Sprintf("%d parts", n), merged, whole)
		})
	}
}

// Parts are refused, with the reason, when they are not all the parts of this dataset as this
// dgcheck measures it: written by another version or for other rules, measured with other
// metadata, of another dataset, a part missing or given twice, a state damaged; and only a
// Parquet dataset is split.
func TestPartialProfilesAreRefusedWithTheReason(t *testing.T) {
	dir := rollDir(t)
	parts := t.TempDir()
	glob := measureParts(t, parts, dir, 3, "-m", exampleMeta)
	first := filepath.Join(parts, "part-1.profile.json")
	// rewritten writes a copy of the parts in which part 1's bytes are changed by change.
	rewritten := func(change func([]byte) []byte) string {
		t.Helper()
		out := t.TempDir()
		for i := 1; i <= 3; i++ {
			raw, err := os.ReadFile(filepath.Join(parts, fmt.Sprintf("part-%d.profile.json", i)))
			if err != nil {
				t.Fatal(err)
			}
			if i == 1 {
				raw = change(raw)
			}
			if err := os.WriteFile(filepath.Join(out, fmt.Sprintf("part-%d.profile.json", i)), raw, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return filepath.Join(out, "part-*.profile.json")
	}
	// edited rewrites part 1 as JSON changed by edit, its keys sorted: the state is no longer
	// last, as a tool that sorts keys leaves it.
	edited := func(edit func(map[string]any)) string {
		t.Helper()
		return rewritten(func(raw []byte) []byte {
			var p map[string]any
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatal(err)
			}
			edit(p)
			raw, _ = json.Marshal(p)
			return raw
		})
	}
	sorted := edited(func(map[string]any) {})
	other := filepath.Join(t.TempDir(), "other")
	if err := os.MkdirAll(filepath.Join(other, "year=2023"), 0o755); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "year=2023", "a.parquet"))
	os.WriteFile(filepath.Join(other, "year=2023", "a.parquet"), raw, 0o644)
	withoutMeta := measureParts(t, t.TempDir(), dir, 3)

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"another version", []string{"--profiles", edited(func(p map[string]any) { p["tool"].(map[string]any)["version"] = "0.0.1" }), "-m", exampleMeta, dir}, "written by dgcheck 0.0.1"},
		{"other rules", []string{"--profiles", edited(func(p map[string]any) { p["rules_digest"] = "0000" }), "-m", exampleMeta, dir}, "measured for other rules"},
		{"another format", []string{"--profiles", edited(func(p map[string]any) { p["format"] = "dgcheck/partial-profile/v9" }), "-m", exampleMeta, dir}, `of format "dgcheck/partial-profile/v9"`},
		{"a damaged state", []string{"--profiles", edited(func(p map[string]any) { s := p["state"].(string); p["state"] = s[:len(s)/2] }), "-m", exampleMeta, dir}, "partial profile"},
		{"other metadata", []string{"--profiles", withoutMeta, "-m", exampleMeta, dir}, "measured with other metadata (none"},
		{"another dataset", []string{"--profiles", glob, "-m", exampleMeta, other}, "refused: a part of"},
		{"slashes escaped", []string{"--profiles", rewritten(func(raw []byte) []byte { return bytes.ReplaceAll(raw, []byte("/"), []byte(`\/`)) }), "-m", exampleMeta, dir},
			"the state is not a JSON string of base64 without escapes"},
		{"a part missing", []string{"--profiles", first, "-m", exampleMeta, dir}, "part 2, 3 of 3 missing"},
		{"a part twice", []string{"--profiles", first, "--profiles", first, "-m", exampleMeta, dir}, "part 1 of 3 again"},
		{"no file", []string{"--profiles", filepath.Join(parts, "none-*.json"), dir}, "no file matches"},
	} {
		_, stderr, code := runCLI(t, append([]string{"check", "-q"}, tc.args...)...)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d, %q; want 2 saying %q", tc.name, code, stderr, tc.want)
		}
	}
	// Part 1 with its keys sorted, the state amid them, is read as it was written.
	whole, _ := checkReport(t, "--profiles", glob, "-m", exampleMeta, dir)
	resorted, _ := checkReport(t, "--profiles", sorted, "-m", exampleMeta, dir)
	sameJudgement(t, "part 1's keys sorted", resorted, whole)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--part", "2/2", "../../examples/dibao/hongshan_dibao_2025.csv"}, "a CSV is measured whole"},
		{[]string{"--part", "4/3", dir}, `"4/3": want I/N`},
		{[]string{"--part", "x", dir}, `"x": want I/N`},
	} {
		_, stderr, code := runCLI(t, append([]string{"profile", "-q", "-o", filepath.Join(t.TempDir(), "p.json")}, tc.args...)...)
		if code != exitUsageOrInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("profile %q: exit %d, %q; want 2 saying %q", tc.args, code, stderr, tc.want)
		}
	}
}

// What profile writes is what docs/partial-profile.schema.json describes, and the schema
// rejects a partial profile without its state or of another format.
func TestPartialProfileMatchesItsSchema(t *testing.T) {
	schema := readJSONFile(t, "../../docs/partial-profile.schema.json")
	dir := t.TempDir()
	measureParts(t, dir, rollDir(t), 2, "-m", exampleMeta)
	part := readJSONFile(t, filepath.Join(dir, "part-2.profile.json"))
	if errs := schemaErrors(t, schema, part); len(errs) > 0 {
		t.Errorf("a partial profile does not match docs/partial-profile.schema.json:\n%s", strings.Join(errs, "\n"))
	}
	delete(part, "state")
	part["format"] = "dgcheck/partial-profile/v2"
	if errs := schemaErrors(t, schema, part); len(errs) < 2 {
		t.Errorf("the schema let a partial profile without state, of format v2, through: %q", errs)
	}
}
