# METADATA
# description: >-
#   The entry point: collects the findings of every rule. Rules are found by walking
#   data.dgcheck.rules.<area>.<name>, so a rule added to the embedded bundle or to a user pack
#   runs without being listed anywhere.
package dgcheck.main

import data.dgcheck.lib.gate

# METADATA
# description: >-
#   Every finding of every rule the configuration runs. A rule reports through a violation
#   set or, when it only advises, a warning set; either way the finding's severity is the one
#   its annotations give unless the configuration overrides it (data.dgcheck.lib.gate).
# entrypoint: true
findings contains gate.judged(finding) if {
	some area, name
	not gate.disabled(area, name)
	some finding in data.dgcheck.rules[area][name].violation
}

findings contains gate.judged(finding) if {
	some area, name
	not gate.disabled(area, name)
	some finding in data.dgcheck.rules[area][name].warning
}

# METADATA
# description: >-
#   Every element the quality rules the configuration runs measured, passing or not: what the
#   GB/T 36344 indicator scores are computed from (data.dgcheck.lib.result.measurement).
measures contains m if {
	some area, name
	not gate.disabled(area, name)
	some m in data.dgcheck.rules[area][name].measures
}

# METADATA
# description: >-
#   The GB/T 36344 indicator scores: per indicator measured, A of B evaluated items conform
#   over all its rules' measures, scored 100 × A/B (one decimal); the overall score is the
#   mean of the indicator scores, graded by data.dgcheck.config.quality_grades. {} when no
#   quality rule measured anything.
# entrypoint: true
default scores := {}

scores := {"indicators": indicators, "overall": overall, "grade": _grade(overall)} if {
	count(indicators) > 0
	overall := round((sum([s.score | some s in indicators]) / count(indicators)) * 10) / 10
}

indicators[indicator] := {
	"score": round(((100 * a) / b) * 10) / 10,
	"a": a,
	"b": b,
	"rules": sort({m.id | some m in ms}),
} if {
	some indicator in {m.indicator | some m in measures}
	ms := [m | some m in measures; m.indicator == indicator]
	a := sum([m.a | some m in ms])
	b := sum([m.b | some m in ms])
	b > 0
}

_grade(score) := grades[0].grade if {
	grades := [g | some g in data.dgcheck.config.quality_grades; score >= g.min]
}
