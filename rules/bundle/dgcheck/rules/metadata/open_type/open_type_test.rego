package dgcheck.rules.metadata.open_type_test

import data.dgcheck.rules.metadata.open_type

test_fail_unknown_open_type if {
	findings := open_type.violation with input as {"metadata": {"cn": {"open_type": "公开"}}}
	[f] := [f | some f in findings]
	f.id == "META-021"
	f.evidence == {"open_type": "公开"}
	startswith(f.message, "cn.open_type \"公开\" is not one of ")
}

test_fail_not_declared if {
	count(open_type.violation) == 1 with input as {"metadata": {"cn": {}}}
}

test_success_vocabulary_and_synonym if {
	every t in ["无条件开放", "有条件开放", "不予开放", "非开放类"] {
		count(open_type.violation) == 0 with input as {"metadata": {"cn": {"open_type": t}}}
	}
}
