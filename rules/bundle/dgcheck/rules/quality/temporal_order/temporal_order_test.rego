package dgcheck.rules.quality.temporal_order_test

import data.dgcheck.rules.quality.temporal_order

_check := {
	"kind": "temporal_order",
	"name": "birth_date <= start_date",
	"columns": ["birth_date", "start_date"],
	"evaluated": 100,
	"failed": 1,
	"samples": [{"row": 8}],
}

test_fail_dates_out_of_order if {
	findings := temporal_order.warning with input as {"profile": {"table": {"row_checks": [_check]}}}
	[f] := [f | some f in findings]
	f.id == "QUAL-018"
	f.message == "1 of 100 rows have dates out of the declared order birth_date <= start_date (X = 0.9900)"
	f.samples == [{"row": 8}]
}

test_success_in_order if {
	check := object.union(_check, {"failed": 0, "samples": []})
	count(temporal_order.warning) == 0 with input as {"profile": {"table": {"row_checks": [check]}}}
}
