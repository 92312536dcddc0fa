package dgcheck.rules.metadata.resource_name_code_test

import data.dgcheck.rules.metadata.resource_name_code

test_fail_no_resource_code if {
	findings := resource_name_code.violation with input as {"metadata": {"title": {"zh": "低保名册"}}}
	[f] := [f | some f in findings]
	f.id == "META-013"
	f.message == "the metadata does not declare cn.resource_code (信息资源代码)"
	f.message_zh == "元数据未声明信息资源代码（cn.resource_code）"
}

test_success_both_declared if {
	count(resource_name_code.violation) == 0 with input as {"metadata": {"title": {"zh": "低保名册"}, "cn": {"resource_code": "1-01-001-0001"}}}
}
