package dgcheck.rules.release.portal_metadata_test

import data.dgcheck.rules.release.portal_metadata

_complete := {
	"cn": {"open_type": "无条件开放"},
	"publisher": {"name": "民政局", "dept": "社会救助科"},
	"record_count": 2000,
	"accrual_periodicity": "每月",
	"issued": "2025-07-05",
	"modified": "2025-07-05",
	"contact_point": {"email": "dibao@example.org"},
	"fields": [{"name": "household_id", "cn_name": "户编号", "datatype": "string", "description": "户编号"}],
}

test_fail_incomplete_open_metadata if {
	m := json.patch(_complete, [
		{"op": "remove", "path": "/record_count"},
		{"op": "remove", "path": "/publisher/dept"},
		{"op": "remove", "path": "/fields/0/description"},
	])
	findings := portal_metadata.violation with input as {"metadata": m}
	{[f.id, object.get(f, "column", ""), f.message] | some f in findings} == {
		["PUB-004", "", "open data without 来源部门 (provider department), 数据量 (record count)"],
		["PUB-004", "household_id", "household_id: open data's field dictionary gives no description"],
	}
	{f.message_zh | some f in findings} == {"开放数据缺少来源部门、数据量", "household_id：开放数据的字段字典未给出 description"}
}

test_success_complete_open_metadata if {
	count(portal_metadata.violation) == 0 with input as {"metadata": _complete}
}

test_success_not_open if {
	count(portal_metadata.violation) == 0 with input as {"metadata": {"cn": {"open_type": "不予开放"}}}
}
