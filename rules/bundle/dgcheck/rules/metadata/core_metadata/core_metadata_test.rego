package dgcheck.rules.metadata.core_metadata_test

import data.dgcheck.rules.metadata.core_metadata

test_fail_missing_elements if {
	findings := core_metadata.warning with input as {"metadata": {
		"title": {"zh": "低保名册"},
		"description": {"zh": "名册"},
		"publisher": {"name": "民政局"},
		"identifier": "HS-MZ-DIBAO-2025",
	}}
	[f] := [f | some f in findings]
	f.id == "META-023"
	f.message == "2 of the 6 mandatory core metadata are missing: 信息资源分类, 元数据标识符"
	f.message_zh == "6 项必选核心元数据中缺少 2 项：信息资源分类、元数据标识符"
}

test_success_all_six if {
	count(core_metadata.warning) == 0 with input as {"metadata": {
		"title": {"zh": "低保名册"},
		"description": {"zh": "名册"},
		"publisher": {"name": "民政局"},
		"identifier": "HS-MZ-DIBAO-2025",
		"cn": {"resource_class": "1-01-001"},
		"metadata": {"identifier": "META-HS-MZ-DIBAO-2025"},
	}}
}
