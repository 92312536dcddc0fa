package dgcheck.rules.classification.general_sublevel_test

import data.dgcheck.rules.classification.general_sublevel

test_fail_no_sublevel if {
	[f] := [f | some f in general_sublevel.warning] with input as {"metadata": {"classification": {"level": "general"}}}
	f.id == "CLASS-003"
	f.evidence == {"general_sublevel": null}
}

test_fail_out_of_range if {
	[f] := [f | some f in general_sublevel.warning] with input as {"metadata": {"classification": {"level": "一般", "general_sublevel": 5}}}
	f.evidence == {"general_sublevel": 5}
}

test_success_sublevel if {
	count(general_sublevel.warning) == 0 with input as {"metadata": {"classification": {"level": "general", "general_sublevel": 2}}}
	count(general_sublevel.warning) == 0 with input as {"metadata": {"classification": {"level": "important"}}}
}
