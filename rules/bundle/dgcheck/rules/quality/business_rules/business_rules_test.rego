package dgcheck.rules.quality.business_rules_test

import data.dgcheck.rules.quality.business_rules

_check := {
	"kind": "business_rule",
	"name": "纳入不早于出生",
	"columns": ["start_date", "birth_date"],
	"evaluated": 2000,
	"failed": 2,
	"samples": [{"row": 40}, {"row": 41}],
}

_rules := [{"name": "纳入不早于出生", "column": "start_date", "op": ">=", "other": "birth_date"}]

test_fail_rows_break_the_rule if {
	findings := business_rules.warning with input as {"metadata": {"business_rules": _rules}, "profile": {"table": {"row_checks": [_check]}}}
	[f] := [f | some f in findings]
	f.id == "QUAL-004"
	f.column == "start_date,birth_date"
	f.message == "business rule 纳入不早于出生 (start_date >= birth_date): 2 of 2000 rows break it (X = 0.9990)"
	f.samples == [{"row": 40}, {"row": 41}]
}

test_success_rule_holds if {
	check := object.union(_check, {"failed": 0, "samples": []})
	count(business_rules.warning) == 0 with input as {"metadata": {"business_rules": _rules}, "profile": {"table": {"row_checks": [check]}}}
}
