package dgcheck.rules.release.licence_test

import data.dgcheck.rules.release.licence

test_fail_unlicensed_open_data if {
	findings := licence.warning with input as {"metadata": {"cn": {"open_type": "无条件开放"}}}
	[f] := [f | some f in findings]
	f.id == "PUB-007"
	f.message == "data declared 无条件开放 carries neither a licence nor terms of use"
}

test_success_licensed_or_terms if {
	count(licence.warning) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}, "license": "CC-BY-4.0"}}
	count(licence.warning) == 0 with input as {"metadata": {"cn": {"open_type": "有条件开放"}, "terms_of_use": "平台数据使用协议"}}
}
