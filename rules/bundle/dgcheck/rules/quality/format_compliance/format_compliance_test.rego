package dgcheck.rules.quality.format_compliance_test

import data.dgcheck.rules.quality.format_compliance

_age := {"name": "age", "constraints": {"type": {
	"reference": "integer",
	"evaluated": 3,
	"failed": 1,
	"samples": [{"row": 2, "value": "t**"}],
}}}

test_fail_type_error_with_its_row if {
	findings := format_compliance.violation with input as {"profile": {"columns": [_age]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-010"
	f.column == "age"
	f.message == "age: 1 of 3 values are not of the declared type integer (X = 0.6667)"
	f.samples == [{"row": 2, "value": "t**"}]
}

test_success_every_value_typed if {
	col := json.patch(_age, [{"op": "replace", "path": "/constraints/type/failed", "value": 0}])
	count(format_compliance.violation) == 0 with input as {"profile": {"columns": [col]}}
}
