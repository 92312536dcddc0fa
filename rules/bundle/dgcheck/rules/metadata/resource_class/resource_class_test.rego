package dgcheck.rules.metadata.resource_class_test

import data.dgcheck.rules.metadata.resource_class

test_fail_not_declared if {
	findings := resource_class.violation with input as {"metadata": {"cn": {"open_type": "有条件开放"}}}
	[f] := [f | some f in findings]
	f.id == "META-012"
	f.message == "the metadata does not declare cn.resource_class (信息资源分类)"
}

test_fail_not_a_code if {
	findings := resource_class.violation with input as {"metadata": {"cn": {"resource_class": "社会救助类"}}}
	[f] := [f | some f in findings]
	f.evidence == {"resource_class": "社会救助类"}
}

test_success_codes_with_and_without_hyphens if {
	every code in ["1", "1-01", "1-01-001", "101001", "1-01-001-02"] {
		count(resource_class.violation) == 0 with input as {"metadata": {"cn": {"resource_class": code}}}
	}
}
