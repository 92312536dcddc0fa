package dgcheck.rules.metadata.sharing_type_test

import data.dgcheck.rules.metadata.sharing_type

test_fail_conditional_without_method if {
	findings := sharing_type.violation with input as {"metadata": {"cn": {"share_type": "有条件共享", "share_conditions": "民政部门"}}}
	[f] := [f | some f in findings]
	f.id == "META-020"
	f.message == "conditional sharing (有条件共享) without cn.share_method"
	f.message_zh == "共享类型为有条件共享，但未给出 cn.share_method"
}

test_fail_unknown_type if {
	findings := sharing_type.violation with input as {"metadata": {"cn": {"share_type": "部分共享"}}}
	[f] := [f | some f in findings]
	f.message == "cn.share_type \"部分共享\" is not one of 无条件共享, 有条件共享, 不予共享"
}

test_fail_not_declared if {
	count(sharing_type.violation) == 1 with input as {"metadata": {}}
}

test_success_conditional_sharing_in_full if {
	count(sharing_type.violation) == 0 with input as {"metadata": {"cn": {
		"share_type": "有条件共享",
		"share_conditions": "仅限民政、人社部门核对救助资格",
		"share_method": "共享平台接口",
	}}}
}
