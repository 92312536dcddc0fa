package dgcheck.rules.release.closed_data_test

import data.dgcheck.rules.release.closed_data

test_fail_important_data_opened if {
	findings := closed_data.violation with input as {"metadata": {"classification": {"level": "important"}, "cn": {"open_type": "有条件开放"}}}
	[f] := [f | some f in findings]
	f.id == "PUB-001"
	f.message == "data graded important is declared 有条件开放"
	f.message_zh == "级别为 important 的数据被声明为有条件开放"
}

test_fail_closed_data_at_the_release_gate if {
	findings := closed_data.violation with input as {
		"metadata": {"classification": {"level": "general"}, "cn": {"open_type": "不予开放"}},
		"options": {"profile": "public-release"},
	}
	[f] := [f | some f in findings]
	f.message == "data declared 不予开放 is checked for public release"
}

test_success_general_data_opened if {
	count(closed_data.violation) == 0 with input as {"metadata": {"classification": {"level": "general"}, "cn": {"open_type": "无条件开放"}}}
}

test_success_closed_data_shared_internally if {
	count(closed_data.violation) == 0 with input as {
		"metadata": {"classification": {"level": "core"}, "cn": {"open_type": "不予开放"}},
		"options": {"profile": "internal-sharing"},
	}
}
