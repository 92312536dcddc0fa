package dgcheck.rules.quality.precision_test

import data.dgcheck.rules.quality.precision

_col := {"name": "monthly_allowance", "forms": {"decimal_places": {"0": 1900, "1": 60, "2": 36, "3": 4}}}

test_fail_more_places_than_declared if {
	findings := precision.warning with input as {
		"metadata": {"fields": [{"name": "monthly_allowance", "precision": 2}]},
		"profile": {"columns": [_col]},
	}
	[f] := [f | some f in findings]
	f.id == "QUAL-021"
	f.message == "monthly_allowance: 4 of 2000 numbers have more than the declared 2 decimal places (X = 0.9980)"
}

test_success_within_precision if {
	count(precision.warning) == 0 with input as {
		"metadata": {"fields": [{"name": "monthly_allowance", "precision": 3}]},
		"profile": {"columns": [_col]},
	}
}
