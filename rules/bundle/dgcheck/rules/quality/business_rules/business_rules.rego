# METADATA
# title: Declared business rules hold
# description: >-
#   Each comparison the metadata declares every row must pass (business_rules: a column
#   against another column or a constant, e.g. end_date >= start_date, amount > 0) holds: A of
#   B rows where both sides have a value pass it, X = A/B, and the rule fails below
#   thresholds.business_rule_min (1.0).
# custom:
#   id: QUAL-004
#   title_zh: '声明的业务规则成立'
#   remediation_zh: '在源头更正违反规则的行；如规则不符合业务实际，则更正规则。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 规范性/业务规则
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: normativity
#   remediation: >-
#     Correct the rows that break the rule at the source, or correct the rule if it does not
#     describe the business.
package dgcheck.rules.quality.business_rules

import data.dgcheck.lib.config
import data.dgcheck.lib.meta
import data.dgcheck.lib.result

measures contains result.measurement(rego.metadata.chain(), c.name, c.evaluated - c.failed, c.evaluated) if {
	some c in meta.row_checks("business_rule")
}

warning contains finding if {
	some i, c in _checks
	measure := result.measure(c.evaluated - c.failed, c.evaluated)
	measure.x < config.thresholds.business_rule_min
	finding := result.finding(rego.metadata.chain(), {
		"column": concat(",", c.columns),
		"message": sprintf("business rule %s (%s): %d of %d rows break it (X = %s)", [c.name, _rule(i), c.failed, c.evaluated, result.ratio(measure.x)]),
		"message_zh": sprintf("业务规则 %s（%s）：%d 行中有 %d 行不满足该规则（X = %s）", [c.name, _rule(i), c.evaluated, c.failed, result.ratio(measure.x)]),
		"measure": measure,
		"evidence": {"name": c.name, "columns": c.columns, "evaluated": c.evaluated, "failed": c.failed},
		"samples": c.samples,
	})
}

# The business-rule checks the scan made, in its order: one per declared rule whose columns
# the data has, in declaration order.
_checks := [c | some c in input.profile.table.row_checks; c.kind == "business_rule"]

# The declared comparison of the i-th check in words: column op other-column, or column op
# value. Names need not be unique, so a check is paired with its declaration by name and
# columns and, among declarations alike in both, by rank: the k-th such check is the k-th
# such declaration. Where none pairs (the metadata changed since the scan), the columns.
_rule(i) := sprintf("%v %v %v", [r.column, r.op, object.get(r, "other", object.get(r, "value", ""))]) if {
	c := _checks[i]
	rank := count([j | some j, other in _checks; j < i; other.name == c.name; other.columns == c.columns])
	alike := [r | some r in input.metadata.business_rules; is_object(r); _declared_as(r) == [c.name, c.columns]]
	r := alike[rank]
} else := concat(", ", _checks[i].columns)

# A declaration's name and the columns its check reads: column, then other if it names one.
_declared_as(r) := [r.name, [r.column, r.other]] if {
	is_string(r.other)
	r.other != ""
} else := [r.name, [r.column]]
