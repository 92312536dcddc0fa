package dgcheck.rules.quality.related_consistency_test

import data.dgcheck.rules.quality.related_consistency

_sex := {
	"kind": "consistency",
	"name": "cn_id_sex",
	"columns": ["sfzh", "sex"],
	"evaluated": 2000,
	"failed": 4,
	"samples": [{"row": 12}],
}

_fk := {
	"columns": ["street_code"],
	"referenced": {"path": "streets.csv", "columns": ["code"], "rows": 12, "keys": 12},
	"evaluated": 2000,
	"failed": 1,
	"samples": [{"row": 77, "value": "4*********"}],
}

test_fail_sex_disagrees_with_id if {
	findings := related_consistency.warning with input as {"profile": {"table": {"row_checks": [_sex], "foreign_keys": []}}}
	[f] := [f | some f in findings]
	f.id == "QUAL-015"
	f.column == "sex"
	f.message == "sex: 4 of 2000 rows disagree with the sex in sfzh (X = 0.9980)"
	f.message_zh == "sex：2000 行中有 4 行与 sfzh 中的性别不一致（X = 0.9980）"
}

test_fail_dangling_foreign_key if {
	findings := related_consistency.warning with input as {"profile": {"table": {"row_checks": [], "foreign_keys": [_fk]}}}
	[f] := [f | some f in findings]
	f.message == "foreign key street_code: 1 of 2000 keys are not found in code of streets.csv (X = 0.9995)"
	f.message_zh == "外键 street_code：2000 个键中有 1 个在 streets.csv 的 code 中找不到（X = 0.9995）"
	f.samples == [{"row": 77, "value": "4*********"}]
}

test_success_consistent if {
	sex := object.union(_sex, {"failed": 0, "samples": []})
	fk := object.union(_fk, {"failed": 0, "samples": []})
	count(related_consistency.warning) == 0 with input as {"profile": {"table": {"row_checks": [sex], "foreign_keys": [fk]}}}
	count(related_consistency.measures) == 2 with input as {"profile": {"table": {"row_checks": [sex], "foreign_keys": [fk]}}}
}
