package rules

import (
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// Every threshold has its range beside its default in data.yaml, every range names a
// threshold, and every default lies in its range.
func TestEveryThresholdHasARange(t *testing.T) {
	src, err := fs.ReadFile(embedded, dataFile)
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Thresholds map[string]float64        `yaml:"thresholds"`
		Ranges     map[string]map[string]any `yaml:"threshold_ranges"`
	}
	if err := yaml.Unmarshal(src, &data); err != nil {
		t.Fatal(err)
	}
	ranges, err := ThresholdRanges()
	if err != nil {
		t.Fatal(err)
	}
	if len(data.Thresholds) == 0 {
		t.Fatal("data.yaml has no thresholds")
	}
	for _, name := range slices.Sorted(maps.Keys(data.Thresholds)) {
		r, ok := ranges[name]
		if !ok {
			t.Errorf("threshold %s has no range in threshold_ranges", name)
			continue
		}
		if r.Min == nil && r.Max == nil && len(r.OneOf) == 0 {
			t.Errorf("threshold %s: its range bounds nothing", name)
		}
		if p := r.problem(data.Thresholds[name]); p != "" {
			t.Errorf("threshold %s: its default %s", name, p)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(data.Ranges)) {
		if _, ok := data.Thresholds[name]; !ok {
			t.Errorf("threshold_ranges.%s names no threshold", name)
		}
		for key := range data.Ranges[name] {
			if !slices.Contains([]string{"min", "max", "integer", "one_of"}, key) {
				t.Errorf("threshold_ranges.%s: unknown key %q (want min, max, integer, one_of)", name, key)
			}
		}
	}
}

// A threshold outside its range is an error at its value's line and column, as any other
// mistake in dgcheck.yaml.
func TestThresholdsOutOfRangeAreLocated(t *testing.T) {
	_, err := ParseConfig("dgcheck.yaml", []byte(`thresholds:
  completeness_min: 2
  k_min: 1e308
  l_min: 2.5
  outlier_k: 2
  sample_uniqueness_max: -0.1
  xb_contract_subjects: 0
  dp_epsilon_max: 0.5
`))
	if err == nil {
		t.Fatal("thresholds out of range were accepted")
	}
	want := []string{
		"dgcheck.yaml:2:21: thresholds.completeness_min: 2 is out of range: want a number from 0 to 1",
		"dgcheck.yaml:3:10: thresholds.k_min: 1e+308 is out of range: want an integer from 1 to 1000000000",
		"dgcheck.yaml:4:10: thresholds.l_min: 2.5 is out of range: want an integer from 1 to 1000000000",
		"dgcheck.yaml:5:14: thresholds.outlier_k: 2 is not a value it can take: want one of 0, 1.5, 3",
		"dgcheck.yaml:6:26: thresholds.sample_uniqueness_max: -0.1 is out of range: want a number from 0 to 1",
		"dgcheck.yaml:7:25: thresholds.xb_contract_subjects: 0 is out of range: want an integer from 1 to 1000000000000",
	}
	if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A configuration built in code, not read from a file, is held to the same ranges.
func TestThresholdsBuiltInCodeAreChecked(t *testing.T) {
	c := &Config{Thresholds: map[string]float64{"k_min": 0, "completeness_min": 0.98}}
	err := c.check(nil, nil, map[string]any{"k_min": 5.0, "completeness_min": 1.0})
	if err == nil || err.Error() != "configuration: thresholds.k_min: 0 is out of range: want an integer from 1 to 1000000000" {
		t.Errorf("err = %v, want k_min out of range and nothing about completeness_min", err)
	}
	if err := CheckThreshold("completeness_min", 1.5); err == nil || !strings.Contains(err.Error(), "want a number from 0 to 1") {
		t.Errorf("CheckThreshold(completeness_min, 1.5) = %v", err)
	}
	if err := CheckThreshold("completeness_min", 0.5); err != nil {
		t.Errorf("CheckThreshold(completeness_min, 0.5) = %v, want nil", err)
	}
}
