package dgcheck.rules.release.open_conditions_test

import data.dgcheck.rules.release.open_conditions

test_fail_conditions_missing if {
	findings := open_conditions.violation with input as {"metadata": {"cn": {"open_type": "有条件开放类"}}}
	[f] := [f | some f in findings]
	f.id == "PUB-002"
	f.message == "data declared 有条件开放类 gives no conditions (cn.open_conditions)"
}

test_success_conditions_given if {
	count(open_conditions.violation) == 0 with input as {"metadata": {"cn": {"open_type": "有条件开放", "open_conditions": "科研机构经审核后使用"}}}
}

test_success_unconditionally_open if {
	count(open_conditions.violation) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}}}
}
