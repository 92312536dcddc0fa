package dgcheck.rules.desensitisation.k_anonymity_test

import data.dgcheck.rules.desensitisation.k_anonymity

_r := {
	"quasi_identifiers": ["sex", "birth_date", "street"], "source": "declared", "missing": [],
	"rows": 2000, "classes": 1990, "k": 1, "unique_rows": 1980, "sample_uniqueness": 0.99,
	"prosecutor_risk_max": 1, "prosecutor_risk_average": 0.995, "class_sizes": [],
	"smallest_classes": [{"size": 1, "first_row": 1}, {"size": 1, "first_row": 2}],
	"diversity": [], "approximate": false, "sample_rate": 1, "class_limit": 2097152,
}

test_fail_unique_rows_in_open_data if {
	k_anonymity.violation == {{
		"id": "DESENS-012",
		"title": "k-anonymity over the declared quasi-identifiers meets policy k",
		"area": "desensitisation",
		"severity": "error",
		"standard": "GB/T 37964-2019; GB/T 42460-2023",
		"clause": "GB/T 37964-2019 (no clause: cited as a whole); GB/T 42460-2023 Annex D 基于K-匿名模型的评估示例",
		"remediation": concat(" ", [
			"Generalise the quasi-identifiers (birth date to a year or a band of years, region code",
			"to 4 or 2 digits, age to bands) or suppress the rarest rows until every class has at",
			"least k rows; report suppression in deidentification.suppressed_records.",
		]),
		"message": "k = 1 over the quasi-identifiers sex, birth_date, street (declared), below 5: 1980 of 2000 rows are unique",
		"message_zh": "准标识符 sex, birth_date, street（declared）上的 k = 1，低于 5：2000 行中有 1980 行是唯一的",
		"evidence": {
			"k": 1, "k_required": 5, "quasi_identifiers": ["sex", "birth_date", "street"], "source": "declared",
			"classes": 1990, "unique_rows": 1980, "rows": 2000, "approximate": false, "smallest_class_sizes": [1, 1],
		},
		"samples": [{"row": 1}, {"row": 2}],
	}} with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"table": {"reidentification": _r}}}
}

test_fail_declared_k_raises_the_bar if {
	r := json.patch(_r, [{"op": "replace", "path": "/k", "value": 6}, {"op": "replace", "path": "/approximate", "value": true}, {"op": "replace", "path": "/sample_rate", "value": 0.5}])
	findings := k_anonymity.violation with input as {"metadata": {"deidentification": {"k": 10}}, "profile": {"table": {"reidentification": r}}}
	[f.message | some f in findings] == ["k = 6 over the quasi-identifiers sex, birth_date, street (declared), below 10: 1980 of 2000 rows are unique; estimated from a 0.5 sample of the classes"]
}

test_success_k_reached if {
	r := json.patch(_r, [{"op": "replace", "path": "/k", "value": 8}])
	count(k_anonymity.violation) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"table": {"reidentification": r}}}
}

test_success_data_kept_inside if {
	count(k_anonymity.violation) == 0 with input as {"metadata": {"cn": {"open_type": "不予开放"}}, "profile": {"table": {"reidentification": _r}}}
}
