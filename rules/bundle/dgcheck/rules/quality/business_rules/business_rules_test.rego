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

# Two rules may share a name: each check is described by its own declaration, in order.
test_fail_rules_of_one_name_keep_their_own_words if {
	rules := [
		{"name": "positive", "column": "amount", "op": ">", "value": 0},
		{"name": "positive", "column": "size", "op": ">", "value": 0},
		{"name": "positive", "column": "amount", "op": ">=", "value": 1},
	]
	checks := [
		object.union(_check, {"name": "positive", "columns": ["amount"], "failed": 3}),
		object.union(_check, {"name": "positive", "columns": ["size"], "failed": 4}),
		object.union(_check, {"name": "positive", "columns": ["amount"], "failed": 5}),
	]
	findings := business_rules.warning with input as {"metadata": {"business_rules": rules}, "profile": {"table": {"row_checks": checks}}}
	{f.message | some f in findings} == {
		"business rule positive (amount > 0): 3 of 2000 rows break it (X = 0.9985)",
		"business rule positive (size > 0): 4 of 2000 rows break it (X = 0.9980)",
		"business rule positive (amount >= 1): 5 of 2000 rows break it (X = 0.9975)",
	}
}

# A check no declaration matches (the metadata changed since the scan) names its columns.
test_fail_check_without_its_declaration_names_its_columns if {
	findings := business_rules.warning with input as {"metadata": {"business_rules": "none"}, "profile": {"table": {"row_checks": [_check]}}}
	[f.message | some f in findings] == ["business rule 纳入不早于出生 (start_date, birth_date): 2 of 2000 rows break it (X = 0.9990)"]
}

test_success_duplicate_names_that_hold if {
	rules := [
		{"name": "positive", "column": "amount", "op": ">", "value": 0},
		{"name": "positive", "column": "amount", "op": ">", "value": 0},
	]
	check := object.union(_check, {"name": "positive", "columns": ["amount"], "failed": 0, "samples": []})
	count(business_rules.warning) == 0 with input as {"metadata": {"business_rules": rules}, "profile": {"table": {"row_checks": [check, check]}}}
}
