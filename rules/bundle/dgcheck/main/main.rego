# METADATA
# description: >-
#   The entry point: judges the rules the engine names and collects what each found. Rules
#   live at data.dgcheck.rules.<area>.<name>; the engine finds them by walking the package
#   tree of the loaded bundle (a rule added to the embedded bundle or to a user pack runs
#   without being listed anywhere) and names the ones the configuration selects in
#   input.options.rules. Naming them, rather than enumerating data.dgcheck.rules here, means a
#   rule switched off is never evaluated at all, and lets the engine judge any subset: all the
#   built-in rules at once, one user pack, or one rule on its own when another failed.
package dgcheck.main

import data.dgcheck.lib.gate

# METADATA
# description: >-
#   Per rule judged ("<area>.<name>" of input.options.rules): its findings, with the severity
#   its annotations give unless the configuration overrides it and marked waived where a
#   waiver covers them (data.dgcheck.lib.gate), and the elements it measured for the GB/T
#   36344 indicator scores. A rule reports through a violation set or, when it only advises,
#   a warning set, and measures through a measures set; any of the three may be absent.
# entrypoint: true
outcomes[key] := {"findings": findings, "measures": measures} if {
	some key in input.options.rules
	[area, name] := split(key, ".")
	findings := {gate.judged(f) | some f in data.dgcheck.rules[area][name].violation} | {gate.judged(f) |
		some f in data.dgcheck.rules[area][name].warning
	}
	measures := {m | some m in data.dgcheck.rules[area][name].measures}
}

# METADATA
# description: Every finding of every rule judged.
findings contains f if {
	some outcome in outcomes
	some f in outcome.findings
}

# METADATA
# description: >-
#   Every element the quality rules judged measured, passing or not: what the GB/T 36344
#   indicator scores are computed from (data.dgcheck.lib.result.measurement).
measures contains m if {
	some outcome in outcomes
	some m in outcome.measures
}

# METADATA
# description: >-
#   The GB/T 36344 indicator scores of the rules judged (score), against the findings judged
#   and the fail_on of input.options (error when absent).
scores := score(measures, {"findings": findings, "fail_on": object.get(input.options, "fail_on", "error"), "incomplete": false})

# METADATA
# description: >-
#   The GB/T 36344 indicator scores of a set of measures (docs/scoring.md). Per rule, A of B
#   elements conform over all its measures, X = A/B; an indicator's score is 100 × the mean X
#   of the rules that measured it, each rule (one requirement of the standard) weighing the
#   same whether it counts rows (B in the thousands) or one fact of the dataset (B = 1). Scores
#   are rounded down to one decimal and never 100 unless every element conforms. An indicator
#   one of whose rules has an unwaived error-level finding scores at most
#   data.dgcheck.config.quality_error_cap (capped_by names those rules). The overall score is
#   the mean of the indicator scores, graded by data.dgcheck.config.quality_grades, and a
#   dataset that does not conform (an unwaived finding at or above verdict.fail_on, or
#   verdict.incomplete) is graded no better than data.dgcheck.config.quality_nonconformant_grade
#   (score_grade then says what the score alone earns). verdict is {findings, fail_on,
#   incomplete}: the judged findings of every rule, quality or not. {} when nothing was
#   measured. A function, so that the engine can score the measures of rules it judged apart.
# entrypoint: true
default score(_, _) := {}

score(ms, verdict) := object.union(
	{"indicators": indicators, "overall": overall, "grade": _capped_grade(earned, verdict)},
	_score_grade(earned, verdict),
) if {
	indicators := _indicators(ms, verdict)
	count(indicators) > 0
	overall := _tenths(sum([s.score | some s in indicators]) / count(indicators), _perfect(indicators))
	earned := _grade(overall)
}

_indicators(ms, verdict) := {indicator: entry |
	some indicator in {m.indicator | some m in ms}
	of := [m | some m in ms; m.indicator == indicator]
	by_rule := {id: {"a": a, "b": b} |
		some id in {m.id | some m in of}
		a := sum([m.a | some m in of; m.id == id])
		b := sum([m.b | some m in of; m.id == id])
		b > 0
	}
	count(by_rule) > 0
	a := sum([r.a | some r in by_rule])
	b := sum([r.b | some r in by_rule])
	mean := sum([x | some r in by_rule; x := r.a / r.b]) / count(by_rule)
	capped_by := sort({f.id | some f in verdict.findings; _unwaived_error(f); by_rule[f.id]})
	entry := object.union(
		{
			"score": _capped(_tenths(100 * mean, a == b), capped_by),
			"a": a,
			"b": b,
			"rules": sort(object.keys(by_rule)),
			"by_rule": by_rule,
		},
		_capped_by(capped_by),
	)
}

# points (0-100) rounded down to one decimal, so that 99.98 is 99.9, never 100; and below 100
# whenever an element fails (perfect is false), however close. The epsilon absorbs binary
# fractions' error (0.95 × 1000 may be 949.999...), far below a tenth of a point.
_tenths(_, true) := 100

_tenths(points, false) := min([floor((points * 10) + 0.000001) / 10, 99.9])

default _perfect(_) := false

_perfect(indicators) if every s in indicators { s.score == 100 }

_unwaived_error(f) if {
	f.severity == "error"
	not f.waived
}

_capped(s, []) := s

_capped(s, rules) := min([s, data.dgcheck.config.quality_error_cap]) if count(rules) > 0

_capped_by([]) := {}

_capped_by(rules) := {"capped_by": rules} if count(rules) > 0

_grade(score) := grades[0].grade if {
	grades := [g | some g in data.dgcheck.config.quality_grades; score >= g.min]
}

_rank := {"info": 1, "warning": 2, "error": 3}

_fail_on(verdict) := verdict.fail_on if _rank[verdict.fail_on]

default _fail_on(_) := "error"

_conforms(verdict) if {
	not verdict.incomplete
	not _fails(verdict)
}

_fails(verdict) if {
	some f in verdict.findings
	not f.waived
	_rank[f.severity] >= _rank[_fail_on(verdict)]
}

# The worse (later in quality_grades) of the grade the score earns and the cap.
_capped_grade(earned, verdict) := earned if _conforms(verdict)

_capped_grade(earned, verdict) := grades[max([_grade_index(earned), _grade_index(cap)])] if {
	not _conforms(verdict)
	cap := data.dgcheck.config.quality_nonconformant_grade
	grades := [g.grade | some g in data.dgcheck.config.quality_grades]
}

_grade_index(grade) := i if {
	some i, g in data.dgcheck.config.quality_grades
	g.grade == grade
}

_score_grade(earned, verdict) := {"score_grade": earned} if _capped_grade(earned, verdict) != earned

default _score_grade(_, _) := {}
