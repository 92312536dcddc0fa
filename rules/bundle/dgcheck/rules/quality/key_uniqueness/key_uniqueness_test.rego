package dgcheck.rules.quality.key_uniqueness_test

import data.dgcheck.rules.quality.key_uniqueness

_key := {
	"columns": ["household_id"],
	"rows": 2000,
	"null_keys": 1,
	"distinct": 1997,
	"duplicates": {"count": 2, "samples": [{"row": 88, "first_row": 87}, {"row": 901, "first_row": 5}]},
}

test_fail_repeated_and_empty_keys if {
	key_uniqueness.violation == {{
		"id": "QUAL-012",
		"title": "The declared unique key is unique",
		"area": "quality",
		"severity": "error",
		"standard": "GB/T 36344-2018",
		"clause": "5 指标说明, indicator 准确性/数据唯一性",
		"remediation": concat(" ", [
			"Give every row its own key value: remove repeated records, fill empty keys, or declare a",
			"key (primary_key in the metadata) that really identifies a row.",
		]),
		"column": "household_id",
		"message": "key household_id: 3 of 2000 rows have no key of their own: repeated 2, empty 1 (X = 0.9985)",
		"message_zh": "键 household_id：2000 行中有 3 行没有唯一的键值：重复 2 行，键为空 1 行（X = 0.9985）",
		"measure": {"a": 1997, "b": 2000, "x": 0.9985},
		"evidence": {
			"duplicates": 2,
			"null_keys": 1,
			"distinct": 1997,
			"first_rows": [{"row": 88, "first_row": 87}, {"row": 901, "first_row": 5}],
		},
		"samples": [{"row": 88}, {"row": 901}],
	}} with input as {"profile": {"table": {"keys": [_key]}}}
}

test_fail_compound_key_named_by_its_columns if {
	key := {
		"columns": ["county_code", "household_no"],
		"rows": 10,
		"null_keys": 0,
		"distinct": 9,
		"duplicates": {"count": 1, "samples": [{"row": 10, "first_row": 2}]},
	}
	findings := key_uniqueness.violation with input as {"profile": {"table": {"keys": [_key, key]}}}
	{[f.id, f.column, f.measure.a, f.measure.b] | some f in findings} == {
		["QUAL-012", "household_id", 1997, 2000],
		["QUAL-012", "county_code,household_no", 9, 10],
	}
}

test_success_unique_key if {
	key := object.union(_key, {"null_keys": 0, "distinct": 2000, "duplicates": {"count": 0, "samples": null}})
	count(key_uniqueness.violation) == 0 with input as {"profile": {"table": {"keys": [key]}}}
}

test_success_no_declared_key if {
	count(key_uniqueness.violation) == 0 with input as {"profile": {"table": {"keys": null}}}
}

test_success_measures_each_key if {
	key_uniqueness.measures == {{"id": "QUAL-012", "indicator": "accuracy", "element": "household_id", "a": 1997, "b": 2000}} with input as {
		"profile": {"table": {"keys": [_key]}},
	}
}
