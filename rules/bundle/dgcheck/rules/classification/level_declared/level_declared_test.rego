package dgcheck.rules.classification.level_declared_test

import data.dgcheck.rules.classification.level_declared

test_fail_no_grade if {
	[f] := [f | some f in level_declared.violation] with input as {"metadata": {"classification": {"sector": "民政"}}}
	f.id == "CLASS-001"
	f.message == "the metadata declares no grade (classification.level: core, important or general)"
}

test_fail_unknown_grade if {
	[f] := [f | some f in level_declared.violation] with input as {"metadata": {"classification": {"level": "secret"}}}
	f.evidence == {"level": "secret"}
}

test_success_declared if {
	count(level_declared.violation) == 0 with input as {"metadata": {"classification": {"level": "一般"}}}
	count(level_declared.violation) == 0 with input as {"metadata": {"classification": {"level": "important"}}}
}
