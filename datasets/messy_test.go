package datasets_test

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/datasets"
)

var updateMessy = flag.Bool("update-messy", false, "rewrite testdata/messy/expect.yaml from what the reader reads (keeping each file's why)")

// messyCase is one file of the messy corpus and what reading it must give.
type messyCase struct {
	File      string `yaml:"file"`
	Why       string `yaml:"why"`
	Encoding  string `yaml:"encoding"`
	Delimiter string `yaml:"delimiter"`
	Columns   int    `yaml:"columns"`
	Rows      int    `yaml:"rows"`
	// Issues are the located findings by kind, each "line" or "line:column" (the name the
	// column was read under), in the order they were found: the header's, the rows', then
	// those after the last row.
	Issues map[datasets.IssueKind]locations `yaml:"issues,omitempty"`
}

// locations are written on one line each in expect.yaml.
type locations []string

func (l locations) MarshalYAML() (any, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, at := range l {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: at})
	}
	return n, nil
}

const messyDir = "../testdata/messy"

// TestMessyCorpus reads every file of testdata/messy, files written for one behaviour each and
// files collected from DuckDB's CSV test suite (testdata/messy/README.md), and holds each to
// the behaviour expect.yaml gives it: read, never refused, with its encoding, delimiter,
// width and rows, and every repair located. Every file must have an entry saying why it is
// there. The same files are the DuckDB oracle's corpus in CI (TestDuckDBOracle).
func TestMessyCorpus(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(messyDir, "expect.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var want []messyCase
	if err := yaml.Unmarshal(raw, &want); err != nil {
		t.Fatalf("expect.yaml: %v", err)
	}
	why := map[string]string{}
	for _, c := range want {
		why[c.File] = c.Why
	}

	var got []messyCase
	err = filepath.WalkDir(messyDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !slices.Contains([]string{".csv", ".tsv", ".txt"}, filepath.Ext(path)) {
			return err
		}
		rel, _ := filepath.Rel(messyDir, path)
		got = append(got, readMessy(t, path, filepath.ToSlash(rel), why))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	if *updateMessy {
		var b bytes.Buffer
		b.WriteString("# What reading each file of testdata/messy must give (TestMessyCorpus; README.md).\n")
		b.WriteString("# Rewritten by: go test ./datasets -run TestMessyCorpus -update-messy (review the diff).\n")
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(messyDir, "expect.yaml"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	listed := map[string]messyCase{}
	for _, c := range want {
		listed[c.File] = c
	}
	for _, g := range got {
		w, ok := listed[g.File]
		switch {
		case !ok:
			t.Errorf("%s has no entry in expect.yaml: run with -update-messy, then say why it is there", g.File)
		case strings.TrimSpace(w.Why) == "":
			t.Errorf("%s: expect.yaml does not say why the file is there", g.File)
		case fmt.Sprint(g) != fmt.Sprint(w):
			t.Errorf("%s:\n read %+v\n want %+v", g.File, g, w)
		}
		delete(listed, g.File)
	}
	for f := range listed {
		t.Errorf("expect.yaml lists %s, which is not in %s", f, messyDir)
	}
}

// readMessy reads one file of the corpus into its case; a refusal fails the test.
func readMessy(t *testing.T, path, rel string, why map[string]string) messyCase {
	t.Helper()
	rows, issues, src, err := readAll(t, path)
	if err != nil {
		t.Errorf("%s: refused: %v", rel, err)
		return messyCase{File: rel, Why: why[rel]}
	}
	c := messyCase{File: rel, Why: why[rel], Encoding: src.Encoding, Delimiter: src.Delimiter,
		Columns: len(src.Columns), Rows: len(rows)}
	for _, is := range slices.Concat(src.HeaderIssues, issues, src.EndIssues) {
		if c.Issues == nil {
			c.Issues = map[datasets.IssueKind]locations{}
		}
		at := fmt.Sprint(is.Line)
		if is.Column != "" {
			at += ":" + is.Column
		}
		c.Issues[is.Kind] = append(c.Issues[is.Kind], at)
	}
	return c
}
