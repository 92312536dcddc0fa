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
# description: The GB/T 36344 indicator scores of the rules judged (score).
scores := score(measures)

# METADATA
# description: >-
#   The GB/T 36344 indicator scores of a set of measures: per indicator measured, A of B
#   evaluated items conform over all its rules' measures, scored 100 × A/B (one decimal); the
#   overall score is the mean of the indicator scores, graded by
#   data.dgcheck.config.quality_grades. {} when nothing was measured. A function of the
#   measures, so that the engine can score the measures of rules it judged apart.
# entrypoint: true
default score(_) := {}

score(ms) := {"indicators": indicators, "overall": overall, "grade": _grade(overall)} if {
	indicators := _indicators(ms)
	count(indicators) > 0
	overall := round((sum([s.score | some s in indicators]) / count(indicators)) * 10) / 10
}

_indicators(ms) := {indicator: {
	"score": round(((100 * a) / b) * 10) / 10,
	"a": a,
	"b": b,
	"rules": sort({m.id | some m in of}),
} |
	some indicator in {m.indicator | some m in ms}
	of := [m | some m in ms; m.indicator == indicator]
	a := sum([m.a | some m in of])
	b := sum([m.b | some m in of])
	b > 0
}

_grade(score) := grades[0].grade if {
	grades := [g | some g in data.dgcheck.config.quality_grades; score >= g.min]
}
