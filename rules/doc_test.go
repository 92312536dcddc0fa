package rules

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteDocCoversEveryRule(t *testing.T) {
	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := Profiles()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteDoc(&out, engine.Rules(), profiles); err != nil {
		t.Fatal(err)
	}
	doc := out.String()
	for _, r := range engine.Rules() {
		row := "| " + cell(r.Standard) + " | " + cell(r.Clause) + " | "
		i := strings.Index(doc, row)
		if i < 0 || !strings.Contains(doc[i:i+len(row)+200], r.ID) {
			t.Errorf("the coverage table has no row %q naming %s", row, r.ID)
		}
		if !strings.Contains(doc, "\n## "+r.ID+" "+r.Title+"\n") {
			t.Errorf("no section for %s", r.ID)
		}
		if !strings.Contains(doc, "| Clause | "+cell(r.Clause)+" |\n| Basis | "+cell(r.Basis)+" |\n") {
			t.Errorf("%s's section does not give its basis after its clause", r.ID)
		}
	}
	if !strings.Contains(doc, "| Profiles | cn-gov-catalogue, internal-sharing, pipeline, public-release |") {
		t.Error("a rule's section does not name the profiles that run it")
	}
}

func TestWriteDocPages(t *testing.T) {
	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteDocPages(dir, engine.Rules(), nil); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range engine.Rules() {
		page, err := os.ReadFile(filepath.Join(dir, r.ID+".md"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(page), "# "+r.ID+" ") || !strings.Contains(string(page), "| Clause | "+cell(r.Clause)+" |") {
			t.Errorf("%s.md:\n%s", r.ID, page)
		}
		if !strings.Contains(string(index), "["+r.ID+"]("+r.ID+".md)") {
			t.Errorf("the index does not link %s", r.ID)
		}
	}
}
