package rules

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

// TestRegoIsFormatted holds the embedded Rego to `opa fmt`, so diffs show changes, not layout.
func TestRegoIsFormatted(t *testing.T) {
	err := fs.WalkDir(embedded, "bundle", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".rego") {
			return err
		}
		src, err := fs.ReadFile(embedded, path)
		if err != nil {
			return err
		}
		formatted, err := format.SourceWithOpts(path, src, format.Opts{RegoVersion: ast.RegoV1})
		if err != nil {
			return err
		}
		if !bytes.Equal(src, formatted) {
			t.Errorf("rules/%s is not formatted as opa fmt would:\n%s", path, formatted)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
