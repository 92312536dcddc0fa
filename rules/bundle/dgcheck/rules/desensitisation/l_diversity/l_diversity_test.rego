package dgcheck.rules.desensitisation.l_diversity_test

import data.dgcheck.rules.desensitisation.l_diversity

_r(l) := {"diversity": [{
	"column": "diagnosis", "l": l, "l_cap": 8, "capped": false,
	"least_diverse": [{"size": 6, "first_row": 4, "distinct": l}],
}]}

test_fail_one_diagnosis_per_class if {
	findings := l_diversity.warning with input as {"metadata": {"deidentification": {"sensitive_columns": ["diagnosis"]}}, "profile": {"table": {"reidentification": _r(1)}}}
	[f] := [f | some f in findings]
	f.id == "DESENS-015"
	f.severity == "info"
	f.message == "diagnosis: l = 1, below 2: some classes over the quasi-identifiers hold only 1 distinct values of it"
	f.samples == [{"row": 4}]
}

test_fail_declared_l if {
	count(l_diversity.warning) == 1 with input as {"metadata": {"deidentification": {"l": 3}}, "profile": {"table": {"reidentification": _r(2)}}}
}

test_success_diverse if {
	count(l_diversity.warning) == 0 with input as {"metadata": {"deidentification": {"k": 5}}, "profile": {"table": {"reidentification": _r(2)}}}
}
