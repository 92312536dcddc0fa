package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// containedRoll is a roll whose sidecar's foreign key names a file beside its folder, as a
// metadata file someone else wrote could, to learn whether the file holds a key.
func containedRoll(t *testing.T) (manifest, data, secret string) {
	t.Helper()
	top := t.TempDir()
	secret = filepath.Join(top, "outside", "secret.csv")
	files := map[string]string{
		"outside/secret.csv": "id\nA001\nA002\nA003\n",
		"audit/roll.csv":     "id,name\nA001,x\nA002,y\n",
		"audit/roll.meta.yaml": "schema: dgcheck/metadata/v1\ntitle: {zh: 名册}\nforeign_keys:\n" +
			"  - fields: [id]\n    reference: {path: ../outside/secret.csv, fields: [id]}\n",
		"audit/manifest.yaml": "datasets:\n  - path: roll.csv\n",
	}
	for name, text := range files {
		p := filepath.Join(top, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(top, "audit", "manifest.yaml"), filepath.Join(top, "audit", "roll.csv"), secret
}

// The file is not read, in an audit or a check: the report names the key and line that named
// it, and nothing measured of it (its path as read, its rows, its keys).
func TestMetadataCannotMakeTheCheckerReadOutside(t *testing.T) {
	manifest, data, secret := containedRoll(t)
	out := filepath.Join(t.TempDir(), "audit")
	if _, stderr, code := runCLI(t, "audit", "-q", "-o", out, manifest); code != exitNonConformant {
		t.Fatalf("audit: exit %d, %s", code, stderr)
	}
	report, err := os.ReadFile(filepath.Join(out, "datasets", "roll.csv", "report.json"))
	if err != nil {
		t.Fatal(err)
	}
	checked, code := checkReport(t, data)
	if code != exitNonConformant {
		t.Fatalf("check: exit %d", code)
	}
	refused := false
	for _, f := range checked.Findings {
		refused = refused || f.ID == "QUAL-002" && strings.Contains(f.Message, "foreign_keys[0].reference.path (line 5) names ../outside/secret.csv")
	}
	if !refused {
		t.Errorf("check: no QUAL-002 finding naming the refused key and its line")
	}
	for name, text := range map[string]string{"audit report": string(report)} {
		if !strings.Contains(text, `foreign_keys[0].reference.path (line 5) names ../outside/secret.csv`) {
			t.Errorf("%s: the refusal is not a finding naming the key and line", name)
		}
		if strings.Contains(text, secret) || strings.Contains(text, `"referenced"`) {
			t.Errorf("%s: it records the outside file as read", name)
		}
	}
	if strings.Contains(checked.Dataset.Path, "outside") || len(checked.Dataset.Refused) != 1 {
		t.Errorf("check: refused %+v", checked.Dataset.Refused)
	}

	// Asked for, it is read: the key is measured against the outside file.
	r, _ := checkReport(t, "--allow-outside", data)
	if len(r.Dataset.Refused) != 0 {
		t.Errorf("--allow-outside: refused %+v", r.Dataset.Refused)
	}
	r, _ = checkReport(t, "--read-within", filepath.Dir(filepath.Dir(data)), data)
	if len(r.Dataset.Refused) != 0 {
		t.Errorf("--read-within the parent: refused %+v", r.Dataset.Refused)
	}
}
