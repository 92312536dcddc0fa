package datasets_test

import (
	"strings"
	"testing"

	"github.com/dgcheck/dgcheck/datasets"
)

func TestSidecarPath(t *testing.T) {
	for in, want := range map[string]string{"a/roll.csv": "a/roll.meta.yaml", "roll.parquet": "roll.meta.yaml", "名册.2025.csv": "名册.2025.meta.yaml"} {
		if got := datasets.SidecarPath(in); got != want {
			t.Errorf("SidecarPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// Amending a sidecar fills in only what is absent or null, keeps what a person wrote and
// their comments, and says where each added value came from.
func TestAmendSidecarKeepsWhatIsDeclared(t *testing.T) {
	src := []byte(`# reviewed by the data office
schema: dgcheck/metadata/v1
classification:
  level: important # decided by the committee
pi: ~
fields:
  - name: sfzh
    sensitive: false
`)
	out, err := datasets.AmendSidecar("roll.meta.yaml", src, func(e datasets.SidecarEditor) {
		if e.SetIfAbsent([]string{"classification", "level"}, "general", "suggested") {
			t.Error("a declared level was replaced")
		}
		if !e.SetIfAbsent([]string{"pi", "contains_pi"}, "true", "suggested") {
			t.Error("a null mapping's property was not set")
		}
		e.SetFieldIfAbsent("sfzh", "sensitive", "true", "suggested")
		e.SetFieldIfAbsent("sfzh", "level", "general-4", "suggested")
		e.SetFieldIfAbsent("xm", "pi_category", "个人基本资料", "suggested")
	})
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"# reviewed by the data office", "level: important # decided by the committee",
		"contains_pi: true # suggested", "sensitive: false\n", "level: general-4 # suggested",
		"- name: xm\n    pi_category: 个人基本资料 # suggested",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("amended sidecar lacks %q:\n%s", want, text)
		}
	}
	fresh, err := datasets.AmendSidecar("new.meta.yaml", nil, func(datasets.SidecarEditor) {})
	if err != nil || string(fresh) != "schema: dgcheck/metadata/v1\n" {
		t.Errorf("a new sidecar = %q, %v", fresh, err)
	}
	if _, err := datasets.AmendSidecar("list.meta.yaml", []byte("- a\n"), func(datasets.SidecarEditor) {}); err == nil || !strings.Contains(err.Error(), "list.meta.yaml: the sidecar is not a mapping") {
		t.Errorf("a sidecar that is a list: %v", err)
	}
}
