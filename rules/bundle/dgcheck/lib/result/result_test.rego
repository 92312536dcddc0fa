package dgcheck.lib.result_test

import data.dgcheck.lib.result

_chain := [
	{"path": ["dgcheck", "rules", "quality", "example", "violation"]},
	{
		"path": ["dgcheck", "rules", "quality", "example"],
		"annotations": {
			"scope": "package",
			"title": "An example requirement",
			"custom": {
				"id": "QUAL-999",
				"standard": "GB/T 36344-2018",
				"clause": "(no clause: cited as a whole)",
				"severity": "warning",
				"remediation": "Fix it.",
			},
		},
	},
]

test_finding_takes_identity_from_the_package_annotation if {
	f := result.finding(_chain, {"column": "xm", "message": "xm: 1 of 2 rows"})
	f == {
		"id": "QUAL-999",
		"title": "An example requirement",
		"area": "quality",
		"severity": "warning",
		"standard": "GB/T 36344-2018",
		"clause": "(no clause: cited as a whole)",
		"remediation": "Fix it.",
		"column": "xm",
		"message": "xm: 1 of 2 rows",
	}
}

test_finding_ignores_identity_in_details if {
	f := result.finding(_chain, {"id": "META-001", "severity": "error", "message": "m"})
	f.id == "QUAL-999"
	f.severity == "warning"
}

test_finding_may_lower_its_severity if {
	result.finding(_chain, {"severity": "info", "message": "m"}).severity == "info"
	result.finding(_chain, {"severity": "bogus", "message": "m"}).severity == "warning"
}

test_finding_undefined_outside_rules if {
	chain := [{"path": ["dgcheck", "main"], "annotations": {"scope": "package", "title": "x"}}]
	not result.finding(chain, {"message": "m"})
}

test_measure if {
	result.measure(3, 4) == {"a": 3, "b": 4, "x": 0.75}
}

test_measure_undefined_when_nothing_evaluated if {
	not result.measure(0, 0)
}

test_ratio_formats_four_decimals if {
	result.ratio(1996 / 1998) == "0.9990"
	result.ratio(1) == "1.0000"
	result.ratio(0) == "0.0000"
	result.ratio(0.5) == "0.5000"
}

test_measurement_names_the_indicator_from_the_package_annotation if {
	chain := json.patch(_chain, [{"op": "add", "path": "/1/annotations/custom/indicator", "value": "completeness"}])
	result.measurement(chain, "xm", 1997, 2000) == {"id": "QUAL-999", "indicator": "completeness", "element": "xm", "a": 1997, "b": 2000}
}

test_measurement_of_nothing_is_undefined if {
	not result.measurement(_chain, "xm", 0, 0)
}
