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
			"completeness": {"score": 95, "a": 19, "b": 20, "rules": ["QUAL-900"], "by_rule": {"QUAL-900": {"a": 19, "b": 20}}},
			"accuracy": {"score": 25, "a": 1, "b": 4, "rules": ["QUAL-901"], "by_rule": {"QUAL-901": {"a": 1, "b": 4}}},
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
	main.score(ms, {}).indicators.completeness == {
		"score": 50, "a": 2, "b": 4, "rules": ["QUAL-900", "QUAL-901"],
		"by_rule": {"QUAL-900": {"a": 1, "b": 2}, "QUAL-901": {"a": 1, "b": 2}},
	}
	main.score([], {}) == {}
}

# Each rule is one requirement of its indicator and weighs the same: a failed check of the
# whole dataset (B = 1) is half of timeliness beside a rule that counted 4000 values, not
# 1 in 4001 of it.
test_each_rule_weighs_the_same_whatever_its_b if {
	ms := [
		{"id": "QUAL-916", "indicator": "timeliness", "element": "a", "a": 2000, "b": 2000},
		{"id": "QUAL-916", "indicator": "timeliness", "element": "b", "a": 2000, "b": 2000},
		{"id": "QUAL-917", "indicator": "timeliness", "element": "modified", "a": 0, "b": 1},
	]
	t := main.score(ms, {}).indicators.timeliness
	t.score == 50
	t.a == 4000
	t.b == 4001
}

# Within a rule, its elements add up: A of B over all of them.
test_a_rule_adds_its_elements if {
	ms := [
		{"id": "QUAL-917", "indicator": "timeliness", "element": "modified", "a": 0, "b": 1},
		{"id": "QUAL-917", "indicator": "timeliness", "element": "time_field", "a": 1, "b": 1},
	]
	main.score(ms, {}).indicators.timeliness.score == 50
}

test_a_score_below_100_never_shows_100 if {
	s := main.score([{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 46223, "b": 46232}], {})
	s.indicators.accuracy.score == 99.9
	s.overall == 99.9
	main.score([{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 999999999, "b": 1000000000}], {}).indicators.accuracy.score == 99.9
}

test_scores_round_down_to_a_tenth if {
	main.score([{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 2, "b": 3}], {}).indicators.accuracy.score == 66.6
	main.score([{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 19, "b": 20}], {}).indicators.accuracy.score == 95
	main.score([{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 7, "b": 10}], {}).indicators.accuracy.score == 70
}

accuracy_999 := [{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 999, "b": 1000}]

test_an_unwaived_error_caps_its_indicator_below_90 if {
	s := main.score(accuracy_999, {"findings": [{"id": "QUAL-910", "severity": "error"}], "fail_on": "error"})
	s.indicators.accuracy.score == 89.9
	s.indicators.accuracy.capped_by == ["QUAL-910"]
}

test_no_cap_for_a_waived_error_a_warning_or_another_indicators_error if {
	some findings in [
		[{"id": "QUAL-910", "severity": "error", "waived": {"reason": "known"}}],
		[{"id": "QUAL-910", "severity": "warning"}],
		[{"id": "QUAL-920", "severity": "error"}],
	]
	a := main.score(accuracy_999, {"findings": findings, "fail_on": "error"}).indicators.accuracy
	a.score == 99.9
	not a.capped_by
}

perfect := [{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 10, "b": 10}]

test_a_dataset_that_does_not_conform_is_not_graded_a if {
	# An unwaived finding at or above fail_on fails the dataset, whatever its area.
	s := main.score(perfect, {"findings": [{"id": "PUB-901", "severity": "error"}], "fail_on": "error"})
	s.overall == 100
	s.grade == "B"
	s.score_grade == "A"

	w := main.score(perfect, {"findings": [{"id": "QUAL-917", "severity": "warning"}], "fail_on": "warning"})
	w.grade == "B"

	# A rule not judged leaves the dataset not conformant either.
	main.score(perfect, {"findings": [], "fail_on": "error", "incomplete": true}).grade == "B"
}

test_a_conformant_dataset_keeps_its_grade if {
	some verdict in [
		{"findings": [{"id": "QUAL-917", "severity": "warning"}], "fail_on": "error"},
		{"findings": [{"id": "PUB-901", "severity": "error", "waived": {"reason": "known"}}], "fail_on": "error"},
		{"findings": [{"id": "QUAL-917", "severity": "warning"}]},
		{},
	]
	s := main.score(perfect, verdict)
	s.grade == "A"
	not s.score_grade
}

test_the_grade_cap_never_raises_a_grade if {
	low := [{"id": "QUAL-910", "indicator": "accuracy", "element": "x", "a": 1, "b": 2}]
	s := main.score(low, {"findings": [{"id": "PUB-901", "severity": "error"}], "fail_on": "error"})
	s.grade == "E"
	not s.score_grade
}

test_scores_obey_fail_on_from_the_options if {
	rules := {"quality": {"a": {
		"measures": {{"id": "QUAL-900", "indicator": "completeness", "element": "xm", "a": 10, "b": 10}},
		"warning": {{"id": "QUAL-900", "severity": "warning"}},
	}}}
	main.scores.grade == "A" with data.dgcheck.rules as rules with input as {"options": {"rules": ["quality.a"]}}
	main.scores.grade == "B" with data.dgcheck.rules as rules
		with input as {"options": {"rules": ["quality.a"], "fail_on": "warning"}}
}
