package dgcheck.rules.desensitisation.suppression_reported_test

import data.dgcheck.rules.desensitisation.suppression_reported

test_fail_too_much_suppressed if {
	findings := suppression_reported.warning with input as {"metadata": {"deidentification": {"suppressed_records": 200}}, "profile": {"rows": 1800, "columns": []}}
	[f] := [f | some f in findings]
	f.id == "DESENS-016"
	f.message == "200 of 2000 original records (0.1000) were suppressed, above 0.0500"
	f.measure == {"a": 200, "b": 2000, "x": 0.1}
}

test_fail_suppressed_values_not_reported if {
	col := {"name": "community", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {}, "forms": {"suppressed": 12}}
	findings := suppression_reported.warning with input as {
		"metadata": {"deidentification": {"k": 5}},
		"profile": {"rows": 100, "columns": [col], "table": {"reidentification": {"quasi_identifiers": ["community"]}}},
	}
	[f.column | some f in findings] == ["community"]
}

test_success_reported_within_policy if {
	count(suppression_reported.warning) == 0 with input as {"metadata": {"deidentification": {"suppressed_records": 12}}, "profile": {"rows": 1988, "columns": []}}
}

# suppressed_records: "12", a fraction or a count beyond 2^53 is not a count of records: no
# measure is made of it (the metadata reader reports the type).
test_success_suppressed_records_not_a_count if {
	every suppressed in ["12", [12], 1.5, -3, 1e30, 9223372036854775807] {
		findings := suppression_reported.warning with input as {"metadata": {"deidentification": {"suppressed_records": suppressed}}, "profile": {"rows": 10, "columns": []}}
		count([f | some f in findings; f.measure]) == 0
	}
}
