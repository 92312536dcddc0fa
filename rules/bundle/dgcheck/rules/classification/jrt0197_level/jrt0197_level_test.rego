package dgcheck.rules.classification.jrt0197_level_test

import data.dgcheck.rules.classification.jrt0197_level

test_fail_no_level if {
	[f] := [f | some f in jrt0197_level.violation] with input as {"metadata": {"classification": {"sector": "金融"}}, "options": {}}
	f.id == "CLASS-014"
	f.evidence == {"jrt0197_level": null}
}

test_fail_level_5_open if {
	meta := {"classification": {"industry": {"jrt0197_level": 5}}, "cn": {"open_type": "有条件开放"}}
	[f] := [f | some f in jrt0197_level.violation] with input as {"metadata": meta, "options": {}}
	f.evidence == {"jrt0197_level": 5, "open_type": "有条件开放"}
}

test_success_declared_and_closed if {
	meta := {"classification": {"sector": "金融", "industry": {"jrt0197_level": 3}}, "cn": {"open_type": "有条件开放"}}
	count(jrt0197_level.violation) == 0 with input as {"metadata": meta, "options": {}}
}

test_success_not_financial if {
	count(jrt0197_level.violation) == 0 with input as {"metadata": {"classification": {"sector": "民政"}}, "options": {}}
}
