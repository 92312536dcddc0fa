package dgcheck.rules.classification.biometrics_test

import data.dgcheck.rules.classification.biometrics

_face := {"name": "face_image", "rows": 10, "nulls": 0, "blanks": 0, "hints": ["biometric"]}

test_fail_open_and_undeclared if {
	[f] := [f | some f in biometrics.violation] with input as {"metadata": {"cn": {"open_type": "有条件开放"}}, "profile": {"columns": [_face]}}
	f.id == "CLASS-012"
	f.message == "face_image: biometric data (by its name), in data declared 有条件开放; not declared sensitive"
	f.message_zh == "face_image：依列名判断为生物识别信息，出现在声明为有条件开放的数据中；未标记为敏感"
}

test_success_closed_and_sensitive if {
	meta := {"cn": {"open_type": "不予开放"}, "fields": [{"name": "face_image", "sensitive": true}]}
	count(biometrics.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [_face]}}
}

test_success_empty_column if {
	col := object.union(_face, {"nulls": 10})
	count(biometrics.violation) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"columns": [col]}}
}
