package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The scheduler examples (examples/parts) are well-formed YAML documents, and every dgcheck
// command in them names a command and flags that exist: an example copied into a cluster or
// a workflow does not fail on a flag renamed since it was written.
func TestSchedulerExamplesUseRealFlags(t *testing.T) {
	files, err := filepath.Glob("../../examples/parts/*.y*ml")
	if err != nil || len(files) < 2 {
		t.Fatalf("examples/parts: %q, %v", files, err)
	}
	app := newApp(io.Discard, io.Discard)
	shellStep := regexp.MustCompile(`;|\|\||&&`)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The commands are in the documents' strings, folded scalars joined as the shell gets them.
		var commands []string
		dec := yaml.NewDecoder(strings.NewReader(string(raw)))
		for {
			var doc any
			if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Fatalf("%s: not YAML: %v", f, err)
			}
			for _, s := range yamlStrings(doc) {
				for _, step := range shellStep.Split(s, -1) {
					if _, rest, ok := strings.Cut(step, "dgcheck "); ok && !strings.Contains(step, "go install") {
						commands = append(commands, rest)
					}
				}
			}
		}
		if len(commands) < 2 {
			t.Errorf("%s runs %d dgcheck commands, want a profile and a check", f, len(commands))
		}
		for _, c := range commands {
			words := strings.Fields(c)
			cmd := app.Command(words[0])
			if cmd == nil {
				t.Errorf("%s: dgcheck %s is no command", f, words[0])
				continue
			}
			var names []string
			for _, fl := range cmd.Flags {
				names = append(names, fl.Names()...)
			}
			for _, w := range words[1:] {
				if name, ok := strings.CutPrefix(w, "-"); ok && !slices.Contains(names, strings.TrimPrefix(name, "-")) {
					t.Errorf("%s: dgcheck %s has no flag %s", f, words[0], w)
				}
			}
		}
	}
}

// yamlStrings are every string in a decoded YAML document.
func yamlStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, yamlStrings(e)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, e := range v {
			out = append(out, yamlStrings(e)...)
		}
		return out
	}
	return nil
}
