package dgcheck.rules.metadata.catalog_record_test

import data.dgcheck.rules.metadata.catalog_record

test_fail_catalogue_without_publisher if {
	findings := catalog_record.violation with input as {"metadata": {"catalog": {"title": {"zh": "武汉市公共数据开放平台"}}}}
	[f] := [f | some f in findings]
	f.id == "META-004"
	f.message == "the catalogue record lacks description, publisher.name"
	f.message_zh == "编目记录缺少 description、publisher.name"
	f.evidence == {"missing": ["description", "publisher.name"]}
}

test_success_complete_catalogue if {
	count(catalog_record.violation) == 0 with input as {"metadata": {"catalog": {
		"title": {"zh": "武汉市公共数据开放平台"},
		"description": {"zh": "武汉市各部门开放的公共数据。"},
		"publisher": {"name": "武汉市数据局"},
	}}}
}

test_success_no_catalogue if {
	count(catalog_record.violation) == 0 with input as {"metadata": {}}
}
