package datasets

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// A blank header field whose made-up name another field already has is one field with one
// problem: QUAL-002 measures A of B header fields, so two issues for it would count more
// problems than fields ("column_2," has two fields, one of them wrong).
func TestBlankHeaderWhoseNameIsTakenIsOneIssue(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.csv")
	if err := os.WriteFile(path, []byte("column_2,\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	src := r.Source()
	issues := src.HeaderIssues
	if len(issues) != 1 || issues[0].Kind != BlankHeader || issues[0].Column != "column_2 (column 2)" {
		t.Errorf("header issues %+v, want one: field 2 blank, read as column_2 (column 2)", issues)
	}
	if len(src.Columns) != 2 || src.Columns[1] != "column_2 (column 2)" {
		t.Errorf("columns %q", src.Columns)
	}
}
