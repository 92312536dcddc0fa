package dgcheck.rules.desensitisation.sample_uniqueness_test

import data.dgcheck.rules.desensitisation.sample_uniqueness

_r(unique) := {
	"quasi_identifiers": ["sex", "birth_year"], "rows": 1000, "unique_rows": unique, "sample_uniqueness": unique / 1000,
	"approximate": false, "smallest_classes": [{"size": 1, "first_row": 17}, {"size": 2, "first_row": 3}],
}

test_fail_any_unique_row_in_open_data if {
	findings := sample_uniqueness.warning with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"table": {"reidentification": _r(1)}}}
	[f] := [f | some f in findings]
	f.id == "DESENS-014"
	f.message == "1 of 1000 rows (0.0010) are unique on sex, birth_year, above 0.0000"
	f.samples == [{"row": 17}]
}

test_fail_above_five_percent_when_shared if {
	count(sample_uniqueness.warning) == 1 with input as {"metadata": {"deidentification": {"k": 2}}, "profile": {"table": {"reidentification": _r(60)}}}
}

test_success_few_unique_rows_when_conditionally_open if {
	count(sample_uniqueness.warning) == 0 with input as {"metadata": {"cn": {"open_type": "有条件开放"}}, "profile": {"table": {"reidentification": _r(50)}}}
}
