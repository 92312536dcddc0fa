package dgcheck.main_test

import data.dgcheck.main

judge_all := {"options": {"rules": ["metadata.a", "quality.b", "quality.c"]}}

test_findings_collect_violations_and_warnings_of_every_rule if {
	rules := {
		"metadata": {"a": {"violation": {{"id": "META-900"}}}},
		"quality": {
			"b": {"warning": {{"id": "QUAL-900"}}},
			"c": {"violation": {{"id": "QUAL-901"}, {"id": "QUAL-902"}}},
		},
	}
	main.findings == {{"id": "META-900"}, {"id": "QUAL-900"}, {"id": "QUAL-901"}, {"id": "QUAL-902"}} with data.dgcheck.rules as rules
		with input as judge_all
	main.outcomes["quality.c"].findings == {{"id": "QUAL-901"}, {"id": "QUAL-902"}} with data.dgcheck.rules as rules
		with input as judge_all
}

test_no_findings_without_rules if {
	count(main.findings) == 0 with data.dgcheck.rules as {} with input as judge_all
}

test_only_the_rules_named_run if {
	rules := {"quality": {
		"b": {"warning": {{"id": "QUAL-900"}}},
		"c": {"violation": {{"id": "QUAL-901"}}},
	}}
	main.findings == {{"id": "QUAL-901"}} with data.dgcheck.rules as rules
		with input as {"options": {"rules": ["quality.c"]}}
}

test_findings_are_judged_by_the_configuration if {
	rules := {"quality": {"c": {"violation": {{"id": "QUAL-901", "severity": "error"}}}}}
	main.findings == {{"id": "QUAL-901", "severity": "warning"}} with data.dgcheck.rules as rules
		with input as {"options": {"rules": ["quality.c"], "severity_overrides": {"QUAL-901": "warning"}}}
}

test_scores_add_the_measures_of_each_indicator if {
	rules := {
		"quality": {
			"a": {"measures": {
				{"id": "QUAL-900", "indicator": "completeness", "element": "xm", "a": 9, "b": 10},
				{"id": "QUAL-900", "indicator": "completeness", "element": "sfzh", "a": 10, "b": 10},
			}},
			"b": {"measures": {{"id": "QUAL-901", "indicator": "accuracy", "element": "", "a": 1, "b": 4}}},
		},
		"metadata": {"c": {"violation": {{"id": "META-900"}}}},
	}
	main.scores == {
		"indicators": {
			"completeness": {"score": 95, "a": 19, "b": 20, "rules": ["QUAL-900"]},
			"accuracy": {"score": 25, "a": 1, "b": 4, "rules": ["QUAL-901"]},
		},
		"overall": 60,
		"grade": "D",
	} with data.dgcheck.rules as rules
		with input as {"options": {"rules": ["quality.a", "quality.b", "metadata.c"]}}
}

test_scores_leave_out_rules_not_named if {
	rules := {"quality": {
		"a": {"measures": {{"id": "QUAL-900", "indicator": "completeness", "element": "xm", "a": 0, "b": 10}}},
		"b": {"measures": {{"id": "QUAL-901", "indicator": "completeness", "element": "xm", "a": 10, "b": 10}}},
	}}
	s := main.scores with data.dgcheck.rules as rules with input as {"options": {"rules": ["quality.b"]}}
	s.indicators.completeness.score == 100
	s.grade == "A"
}

test_no_scores_without_measures if {
	main.scores == {} with data.dgcheck.rules as {"metadata": {"c": {"violation": {{"id": "META-900"}}}}}
		with input as {"options": {"rules": ["metadata.c"]}}
}

test_score_of_measures_judged_apart if {
	ms := [
		{"id": "QUAL-900", "indicator": "completeness", "element": "xm", "a": 1, "b": 2},
		{"id": "QUAL-901", "indicator": "completeness", "element": "xm", "a": 1, "b": 2},
	]
	main.score(ms).indicators.completeness == {"score": 50, "a": 2, "b": 4, "rules": ["QUAL-900", "QUAL-901"]}
	main.score([]) == {}
}
