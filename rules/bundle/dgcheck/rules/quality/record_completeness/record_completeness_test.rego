package dgcheck.rules.quality.record_completeness_test

import data.dgcheck.rules.quality.record_completeness

_check := {
	"kind": "record_completeness",
	"name": "required fields",
	"columns": ["household_id", "name"],
	"evaluated": 2000,
	"failed": 6,
	"samples": [{"row": 3}, {"row": 90}],
}

test_fail_incomplete_records if {
	findings := record_completeness.violation with input as {"profile": {"table": {"row_checks": [_check]}}}
	[f] := [f | some f in findings]
	f.id == "QUAL-008"
	f.message == "6 of 2000 rows lack a required field (household_id, name) (X = 0.9970)"
	not f.column
}

test_success_complete_records if {
	check := object.union(_check, {"failed": 0, "samples": []})
	count(record_completeness.violation) == 0 with input as {"profile": {"table": {"row_checks": [check]}}}
	record_completeness.measures == {{"id": "QUAL-008", "indicator": "completeness", "element": "required fields", "a": 2000, "b": 2000}} with input as {"profile": {"table": {"row_checks": [check]}}}
}
