package datasets

import (
	"fmt"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// Containment: the files a dataset's metadata names (a foreign key's referenced dataset, a
// DCAT record's data dictionary) are read on the dataset's behalf, so a metadata file could
// otherwise make dgcheck read any file its user can, and report its rows and key counts: an
// oracle of what the file holds. A reader given WithinRoot reads only files that lie, once
// their links are followed, inside the root; one outside is a RefusedPath, for a rule to
// report with the key and line that named it, and is not read.

// RefusedPath is a file the metadata names that was not read because it lies outside Root.
type RefusedPath struct {
	Key  string `json:"key"` // where the metadata names it: foreign_keys[0].reference.path, describedBy
	Line int    `json:"line,omitempty"`
	Path string `json:"path"` // as the metadata writes it
	Root string `json:"root"`
}

// ReadOption adjusts how metadata is read.
type ReadOption func(*readConfig)

type readConfig struct {
	root string // "" reads any file the metadata names
}

// WithinRoot confines the files the metadata names to dir (Contained).
func WithinRoot(dir string) ReadOption { return func(c *readConfig) { c.root = dir } }

// Contained reports whether path lies inside root once both have their links followed. A
// path that does not exist is judged by its text, made absolute and clean: reading it fails
// anyway, and says so. This is the one containment test of the project: audits use it for the
// paths a manifest names.
func Contained(root, path string) (inside bool, real string, err error) {
	rootReal, err := RealPath(root)
	if err != nil {
		return false, "", err
	}
	real, err = RealPath(path)
	if os.IsNotExist(err) {
		real, err = filepath.Abs(path)
	}
	if err != nil {
		return false, "", err
	}
	rel, err := filepath.Rel(rootReal, real)
	return err == nil && filepath.IsLocal(rel), real, nil
}

// RealPath is path with its links followed, absolute. A link that cannot be followed (a loop,
// a link to nothing) is an error naming the path: filepath.EvalSymlinks's own ("EvalSymlinks:
// too many links") names no file.
func RealPath(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		if _, statErr := os.Stat(path); statErr != nil {
			return "", statErr
		}
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return filepath.Abs(real)
}

// confine checks a file the metadata names at key, resolved to resolved, against the root:
// it reports whether the file may be read, and records it in mf.Refused when it may not.
// written is the path as the metadata writes it, whose line in doc locates the refusal.
func (c readConfig) confine(mf *MetadataFile, doc *yaml.Node, key, written, resolved string) bool {
	if c.root == "" {
		return true
	}
	inside, _, err := Contained(c.root, resolved)
	if err == nil && inside {
		return true
	}
	mf.Refused = append(mf.Refused, RefusedPath{Key: key, Line: lineOf(doc, written), Path: written, Root: c.root})
	return false
}

// lineOf is the line of the first scalar in n whose value is s, 0 when there is none.
func lineOf(n *yaml.Node, s string) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.ScalarNode && n.Value == s {
		return n.Line
	}
	for _, c := range n.Content {
		if l := lineOf(c, s); l > 0 {
			return l
		}
	}
	return 0
}
