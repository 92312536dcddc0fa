package dgcheck.rules.classification.level_not_below_columns_test

import data.dgcheck.rules.classification.level_not_below_columns

_meta := {"classification": {"level": "general", "general_sublevel": 2}}

_sfzh := {"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}

test_fail_raw_ids_in_general_2 if {
	[f] := [f | some f in level_not_below_columns.violation] with input as {"metadata": _meta, "profile": {"columns": [{"name": "xm", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"person_name": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "person_name", "detector": "person_name", "confidence": 0.99, "form": "raw"}}, _sfzh]}, "options": {}}
	f.id == "CLASS-004"
	f.column == "sfzh"
	f.message == "the dataset is graded general-2, below its column sfzh, whose raw cn_resident_id values grade general-4 under gbt43697"
	f.message_zh == "数据集级别为 general-2，低于其列 sfzh 的级别：按 gbt43697 分级，该列的原始 cn_resident_id 值定为 general-4"
	f.evidence.column_level == "general-4"
}

test_fail_declared_field_level if {
	meta := object.union(_meta, {"fields": [{"name": "bz", "level": "general-3"}]})
	[f] := [f | some f in level_not_below_columns.violation] with input as {"metadata": meta, "profile": {"columns": []}, "options": {}}
	f.column == "bz"
	f.evidence == {"declared_level": "general-2", "field_level": "general-3"}
}

test_fail_quasi_identifier_combination if {
	cols := [{"name": "lxdh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"mobile": {"matched": 0, "valid": 0, "masked": 100}}, "classification": {"type": "mobile", "detector": "mobile", "confidence": 0.99, "form": "masked"}}, {"name": "csrq", "hints": ["birth_date"]}, {"name": "xb", "hints": ["sex"]}, {"name": "yb", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"postcode": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "postcode", "detector": "postcode", "confidence": 0.99, "form": "raw"}}]
	[f] := [f | some f in level_not_below_columns.violation] with input as {"metadata": _meta, "profile": {"columns": cols}, "options": {}}
	f.evidence.suggested_level == "general-3"
	f.evidence.quasi_identifiers == ["birth_date", "postcode", "sex"]
}

test_success_masked_ids_in_general_2 if {
	cols := [{"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 0, "valid": 0, "masked": 100}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "masked"}}, {"name": "xm", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"person_name": {"matched": 0, "valid": 0, "masked": 100}}, "classification": {"type": "person_name", "detector": "person_name", "confidence": 0.99, "form": "masked"}}]
	count(level_not_below_columns.violation) == 0 with input as {"metadata": _meta, "profile": {"columns": cols}, "options": {}}
}

test_success_graded_high_enough if {
	meta := {"classification": {"level": "general", "general_sublevel": 4}}
	count(level_not_below_columns.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [_sfzh]}, "options": {}}
}

test_success_undeclared_level_is_class_001s if {
	count(level_not_below_columns.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [_sfzh]}, "options": {}}
}
