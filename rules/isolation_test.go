package rules

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dgcheck/dgcheck/reports"
)

// packRule is a user rule (ACME-<id>) whose warning set is body: each case below breaks it
// in one way, and the engine must report that rule, and only it, as not judged.
func packRule(id, name, body string) string {
	return `# METADATA
# title: Pack rule ` + id + `
# custom:
#   id: ACME-` + id + `
#   standard: ACME data policy 2026
#   clause: "4.2"
#   severity: warning
#   remediation: Mend it.
package dgcheck.rules.custom.` + name + `

import data.dgcheck.lib.result

` + body + "\n"
}

// fine is a pack rule that always finds one thing.
var fine = packRule("100", "fine", `warning contains result.finding(rego.metadata.chain(), {"message": "always"})`)

func judgeWithPack(t *testing.T, limits Limits, files map[string]string) *Judgement {
	t.Helper()
	ctx := context.Background()
	engine, err := Load(ctx, WithUserRules(writePack(t, files)), WithPackLimits(limits))
	if err != nil {
		t.Fatal(err)
	}
	in := decodeInput(t, household)
	j, err := engine.Judge(ctx, in)
	if err != nil {
		t.Fatalf("Judge failed as a whole: %v", err)
	}
	return j
}

func ids(findings []reports.Finding) []string {
	var out []string
	for _, f := range findings {
		if !slices.Contains(out, f.ID) {
			out = append(out, f.ID)
		}
	}
	return out
}

// One rule that fails to evaluate, or returns what is not a finding of its own, is that
// rule's tool error: the built-in rules and the pack's other rule are still judged.
func TestARuleThatFailsIsAToolErrorAndTheOthersStillJudge(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string // fragments of the tool error
		cause      string
	}{{
		name: "conflict",
		body: "x := 1\n\nx := 2\n\nwarning contains result.finding(rego.metadata.chain(), {\"message\": sprintf(\"%d\", [x])})",
		want: []string{"eval_conflict_error"},
	}, {
		// The input schema types every pack (dgcheck.rego), so a type error it can see fails the
		// load; one it cannot, through a value of no static type, is the rule's tool error.
		name: "type error on metadata",
		body: `warning contains result.finding(rego.metadata.chain(), {"message": "m"}) if {
	object.get(object.get(json.unmarshal(json.marshal(input.metadata.cn)), "open_type", {}), "k", 0) == 1
}`,
		want:  []string{"eval_type_error", "object.get: operand 1 must be object"},
		cause: "metadata.cn",
	}, {
		name: "conflict on one column",
		body: `warning contains result.finding(rego.metadata.chain(), {"column": col.name, "message": _kind(col)}) if {
	some col in input.profile.columns
}

_kind(col) := "a" if col.name == "sfzh"

_kind(col) := "b" if startswith(col.name, "sf")

default _kind(_) := "c"`,
		want:  []string{"eval_conflict_error"},
		cause: "column sfzh",
	}, {
		name: "unknown field",
		body: `warning contains result.finding(rego.metadata.chain(), {"colum": "bz", "message": "m"})`,
		want: []string{`a finding is not of the report's form: json: unknown field "colum"`},
	}, {
		name: "built by hand",
		body: `warning contains {"message": "m"}`,
		want: []string{"a finding has no id or no message"},
	}, {
		name: "a built-in rule's id",
		body: `warning contains object.union(result.finding(rego.metadata.chain(), {"message": "m"}), {"id": "CLASS-006"})`,
		want: []string{"a finding has the id CLASS-006, not the rule's own"},
	}, {
		name: "severity out of the enum",
		body: `warning contains object.union(result.finding(rego.metadata.chain(), {"message": "m"}), {"severity": "ERROR"})`,
		want: []string{`a finding has the severity "ERROR", not error, warning or info`},
	}, {
		name: "a measure of no indicator",
		body: `measures contains {"id": "ACME-101", "indicator": "beauty", "element": "", "a": 1, "b": 1}`,
		want: []string{"is not the rule's own measure of a GB/T 36344 indicator"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			j := judgeWithPack(t, DefaultPackLimits, map[string]string{
				"fine.rego":   fine,
				"broken.rego": packRule("101", "broken", tc.body),
			})
			if len(j.ToolErrors) != 1 {
				t.Fatalf("tool errors %+v, want one, of ACME-101", j.ToolErrors)
			}
			te := j.ToolErrors[0]
			if te.Rule != "ACME-101" || te.Pack == "" {
				t.Errorf("tool error %+v, want ACME-101's, naming its pack", te)
			}
			for _, w := range tc.want {
				if !strings.Contains(te.Error, w) {
					t.Errorf("tool error %q does not say %q", te.Error, w)
				}
			}
			if te.Cause != tc.cause {
				t.Errorf("cause %q, want %q", te.Cause, tc.cause)
			}
			got := ids(j.Findings)
			if !slices.Contains(got, "ACME-100") || !slices.Contains(got, "QUAL-007") || slices.Contains(got, "ACME-101") {
				t.Errorf("findings of %v, want the built-in rules' (QUAL-007) and ACME-100's, none of ACME-101's", got)
			}
			if j.Scores == nil || j.Scores.Indicators["completeness"].B == 0 {
				t.Errorf("scores %+v, want the built-in rules' still", j.Scores)
			}
		})
	}
}

// A pack past its time or memory limit is a tool error for each of its rules, and only
// theirs; the evaluation stops well before the machine does.
func TestAPackPastItsLimitsIsAToolErrorForItsRulesOnly(t *testing.T) {
	for _, tc := range []struct {
		name   string
		limits Limits
		body   string
		want   string
	}{{
		name:   "memory",
		limits: Limits{Time: time.Minute, Memory: 64 << 20},
		body:   `warning contains result.finding(rego.metadata.chain(), {"message": "m"}) if count([x | some x in numbers.range(1, 1e9)]) > 0`,
		want:   "grew the heap past its memory limit of 64 MiB",
	}, {
		name:   "time",
		limits: Limits{Time: 300 * time.Millisecond, Memory: 1 << 30},
		body: `warning contains result.finding(rego.metadata.chain(), {"message": "m"}) if {
	xs := numbers.range(1, 100000)
	count({x | some x in xs; some y in xs; x == y + 1}) > 0
}`,
		want: "ran past its time limit of 300ms",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			started := time.Now()
			j := judgeWithPack(t, tc.limits, map[string]string{
				"fine.rego":   fine,
				"broken.rego": packRule("101", "broken", tc.body),
			})
			if took := time.Since(started); took > 30*time.Second {
				t.Errorf("judging took %s: the limit did not stop the pack", took)
			}
			var failed []string
			for _, te := range j.ToolErrors {
				failed = append(failed, te.Rule)
				if !strings.Contains(te.Error, tc.want) {
					t.Errorf("tool error %q does not say %q", te.Error, tc.want)
				}
			}
			if !slices.Equal(failed, []string{"ACME-100", "ACME-101"}) {
				t.Errorf("tool errors for %v, want both rules of the pack", failed)
			}
			if got := ids(j.Findings); !slices.Contains(got, "QUAL-007") || slices.Contains(got, "ACME-100") {
				t.Errorf("findings of %v, want the built-in rules' and none of the pack's", got)
			}
		})
	}
}

// rules test refuses a pack that calls a withheld built-in, saying which and why.
func TestRuleTestsSayWhichBuiltInIsWithheld(t *testing.T) {
	dir := writePack(t, map[string]string{"dice.rego": strings.Replace(noNotesRule,
		"c in data.dgcheck.rules.custom.no_notes.names", `rand.intn(c, 2) == 0`, 1)})
	_, err := RunTests(context.Background(), dir)
	if err == nil || !strings.Contains(err.Error(), "dice.rego:16") || !strings.Contains(err.Error(), "rand.intn is not allowed: it draws random numbers") {
		t.Errorf("RunTests error = %v, want rand.intn refused at its line", err)
	}
}

// Thresholds a library caller passes in the options are held to the ranges dgcheck.yaml is.
func TestJudgeRefusesAThresholdOutOfRange(t *testing.T) {
	ctx := context.Background()
	engine, err := Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := decodeInput(t, household)
	in.Options = map[string]any{"now": "2026-11-25T00:00:00Z", "thresholds": map[string]any{"completeness_min": 2}}
	if _, err := engine.Judge(ctx, in); err == nil || !strings.Contains(err.Error(), "thresholds.completeness_min: 2 is out of range") {
		t.Errorf("Judge error = %v, want completeness_min 2 refused", err)
	}
}
