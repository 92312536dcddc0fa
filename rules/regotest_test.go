package rules

import (
	"context"
	"strings"
	"testing"
)

// TestRegoTests runs every Rego test of the embedded bundle through OPA's tester.
func TestRegoTests(t *testing.T) {
	results, err := RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Fatal("no Rego tests found in the embedded bundle")
	}
	for _, r := range results {
		if !r.Passed {
			t.Errorf("%s:%d: %s.%s failed (error: %v)\n%s", r.File, r.Row, r.Package, r.Name, r.Err, r.Output)
		}
	}
}

// TestEveryRuleHasFailAndSuccessTests holds each rule to at least one test that makes it
// report and one that keeps it quiet: a rule tested only one way can be always-on or dead.
func TestEveryRuleHasFailAndSuccessTests(t *testing.T) {
	engine, err := Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	results, err := RunTests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	type kinds struct{ fail, success int }
	tests := map[string]*kinds{}
	for _, r := range results {
		rule, isRuleTest := strings.CutSuffix(r.Package, "_test")
		if !isRuleTest {
			continue
		}
		k := tests[rule]
		if k == nil {
			k = &kinds{}
			tests[rule] = k
		}
		switch {
		case strings.HasPrefix(r.Name, "test_fail_"):
			k.fail++
		case strings.HasPrefix(r.Name, "test_success_"):
			k.success++
		}
	}
	for _, rule := range engine.Rules() {
		k := tests[rule.Package]
		if k == nil || k.fail == 0 || k.success == 0 {
			t.Errorf("%s (%s) needs at least one test_fail_* and one test_success_* test in %s_test, has %+v",
				rule.ID, rule.Package, rule.Package, k)
		}
	}
}

func TestRunTestsIncludesUserPackTests(t *testing.T) {
	results, err := RunTests(context.Background(), writePack(t, noNotesPack))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range results {
		if r.Package == "data.dgcheck.rules.custom.no_notes_test" {
			names = append(names, r.Name)
			if !r.Passed {
				t.Errorf("%s failed: %v", r.Name, r.Err)
			}
		}
	}
	if want := "test_fail_notes_column test_success_no_notes_column"; strings.Join(names, " ") != want {
		t.Errorf("user pack tests run = %v, want %s", names, want)
	}
}
