package dgcheck_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/dgcheck/dgcheck/checkers/detect"
	"github.com/dgcheck/dgcheck/reports"
)

var updateIdentifiers = flag.Bool("update-identifiers", false, "rewrite rules/bundle/dgcheck/identifiers/data.yaml from checkers/detect's registry")

const identifiersData = "rules/bundle/dgcheck/identifiers/data.yaml"

// identifiersYAML renders the registry as the rules' data: data.dgcheck.identifiers.<detector>.
func identifiersYAML(t *testing.T) []byte {
	t.Helper()
	names := make([]string, 0, len(detect.Registry))
	for name := range detect.Registry {
		names = append(names, name)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteString(`# What the rules know of each identifier, generated from checkers/detect/registry.go (the one
# table of identifiers): do not edit; change the registry and run
#   go test . -run TestIdentifierRegistry -update-identifiers
# label and noun: the words reports and messages use; validator: the fields[].validator that
# declares a column of it; personal and sensitive: a direct identifier of a person (GB/T 37964),
# sensitive personal information (PIPL art. 28); check_chance: the share of right check
# characters among strings of its shape by chance (0: no check character); weak and heuristic:
# its values alone do not type a column (detect.Detector). plausible_min and chance: the
# column decisions of detect.PlausibleMin, ChanceZ and ChanceFactor.
`)
	top, err := yaml.Marshal(map[string]any{
		"plausible_min": detect.PlausibleMin,
		"chance":        map[string]any{"z": detect.ChanceZ, "factor": detect.ChanceFactor},
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Write(top)
	b.WriteString("detectors:\n")
	for _, name := range names {
		r, d := detect.Registry[name], detect.All[detect.Index(name)]
		entry := map[string]any{
			name: map[string]any{
				"label": r.Label, "noun": r.Noun, "validator": r.Validator,
				"personal": r.Personal, "sensitive": r.Sensitive, "check_chance": r.CheckChance,
				"weak": d.Weak, "heuristic": d.Heuristic,
			},
		}
		var out bytes.Buffer
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		if err := enc.Encode(entry); err != nil {
			t.Fatal(err)
		}
		for _, line := range bytes.SplitAfter(out.Bytes(), []byte("\n")) {
			if len(line) > 0 {
				b.WriteString("  ")
				b.Write(line)
			}
		}
	}
	return b.Bytes()
}

// The rules' identifier data is the registry's: regenerated, it is unchanged.
func TestIdentifierRegistryIsCurrent(t *testing.T) {
	want := identifiersYAML(t)
	if *updateIdentifiers {
		if err := os.WriteFile(identifiersData, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(identifiersData)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is not the registry's; run go test . -run TestIdentifierRegistry -update-identifiers", identifiersData)
	}
}

// Every detector is registered whole: both labels and nouns, a grading type in every grading
// model, roles and sensitivity that agree with the default model, and a masking pattern for
// every personal identifier.
func TestIdentifierRegistryCoversEveryDetector(t *testing.T) {
	var grading struct {
		Default string `yaml:"default_model"`
		Models  map[string]struct {
			Types map[string]struct {
				Role      string `yaml:"role"`
				Sensitive bool   `yaml:"sensitive"`
			} `yaml:"types"`
		} `yaml:"models"`
	}
	readYAML(t, "rules/bundle/dgcheck/grading/data.yaml", &grading)
	var masking struct {
		Patterns map[string]struct {
			Data string `yaml:"data"`
		} `yaml:"patterns"`
	}
	readYAML(t, "checkers/maskpatterns.yaml", &masking)
	masked := map[string]bool{}
	for _, p := range masking.Patterns {
		masked[p.Data] = true
	}
	for _, d := range detect.All {
		r, ok := detect.Registry[d.Name]
		if !ok {
			t.Errorf("%s: no registry entry", d.Name)
			continue
		}
		if r.Label.En == "" || r.Label.Zh == "" || r.Noun.En == "" || r.Noun.Zh == "" {
			t.Errorf("%s: labels %+v, nouns %+v: both languages are needed", d.Name, r.Label, r.Noun)
		}
		if d.Name != "coordinate" { // typed precise_location or location, labelled apart
			if en, zh := reports.TypeLabel("en", d.Name), reports.TypeLabel("zh", d.Name); en != r.Label.En || zh != r.Label.Zh {
				t.Errorf("%s: the HTML report labels it %q / %q, the registry %q / %q", d.Name, en, zh, r.Label.En, r.Label.Zh)
			}
		}
		sensitive := false
		for _, typ := range gradingTypes(d.Name) {
			for model, m := range grading.Models {
				g, ok := m.Types[typ]
				if !ok {
					t.Errorf("%s: grading model %s has no type %s", d.Name, model, typ)
					continue
				}
				if model != grading.Default {
					continue
				}
				sensitive = sensitive || g.Sensitive
				if (g.Role == "direct") != r.Personal {
					t.Errorf("%s: registry says personal %v; grading model %s gives %s the role %s", d.Name, r.Personal, model, typ, g.Role)
				}
			}
		}
		if sensitive != r.Sensitive {
			t.Errorf("%s: registry says sensitive %v; the default grading model %v", d.Name, r.Sensitive, sensitive)
		}
		if r.Personal && !masked[d.Name] {
			t.Errorf("%s: a personal identifier without a masking pattern in checkers/maskpatterns.yaml", d.Name)
		}
		for _, trait := range r.Implausible {
			if !slices.Contains(d.Traits, trait) {
				t.Errorf("%s: implausible trait %s is not one of its traits %v", d.Name, trait, d.Traits)
			}
		}
		if len(r.Implausible) > 0 && r.CheckChance == 0 {
			t.Errorf("%s: implausible traits without a check character", d.Name)
		}
	}
	for name := range detect.Registry {
		if detect.Index(name) < 0 {
			t.Errorf("registry entry %s names no detector", name)
		}
	}
}

// gradingTypes are the classifier's types of a detector (checkers.Types).
func gradingTypes(detector string) []string {
	if detector == "coordinate" {
		return []string{"precise_location", "location"}
	}
	return []string{detector}
}

func readYAML(t *testing.T, path string, v any) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(raw, v); err != nil {
		t.Fatal(fmt.Errorf("%s: %w", path, err))
	}
}
