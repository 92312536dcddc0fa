package dgcheck.rules.quality.required_fields_test

import data.dgcheck.rules.quality.required_fields

_xm := {
	"name": "xm",
	"rows": 2000,
	"nulls": 1,
	"blanks": 1,
	"missing_tokens": {"NULL": 1},
	"null_samples": [12, 345],
}

_required := {"fields": [{"name": "xm", "nullable": false}]}

test_fail_missing_values_in_required_field if {
	required_fields.violation == {{
		"id": "QUAL-007",
		"title": "Required fields are populated",
		"area": "quality",
		"severity": "error",
		"standard": "GB/T 36344-2018",
		"clause": "5 指标说明, indicator 完整性/数据元素完整性",
		"remediation": concat(" ", [
			"Fill the missing values at the source, or declare the field nullable: true in the metadata",
			"if a value may legitimately be absent. Placeholders such as NULL or 无 do not count as",
			"values.",
		]),
		"column": "xm",
		"message": "xm: 3 of 2000 values of a required field are missing: null 1, blank 1, missing-value token 1 (X = 0.9985)",
		"message_zh": "xm：必填字段的 2000 个值中有 3 个缺失：空值（null）1 个，空白 1 个，缺失值标记 1 个（X = 0.9985）",
		"measure": {"a": 1997, "b": 2000, "x": 0.9985},
		"evidence": {"nulls": 1, "blanks": 1, "missing_tokens": {"NULL": 1}},
		"samples": [{"row": 12}, {"row": 345}],
	}} with input as {"metadata": _required, "profile": {"columns": [_xm]}}
}

test_fail_only_missing_tokens if {
	col := {"name": "xm", "rows": 2000, "nulls": 0, "blanks": 0, "missing_tokens": {"无": 4, "N/A": 1}, "null_samples": []}
	findings := required_fields.violation with input as {"metadata": _required, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.column == "xm"
	f.measure == {"a": 1995, "b": 2000, "x": 0.9975}
	not f.samples[0]
}

test_success_within_configured_completeness if {
	count(required_fields.violation) == 0 with input as {
		"metadata": _required,
		"profile": {"columns": [_xm]},
		"options": {"thresholds": {"completeness_min": 0.99}},
	}
}

test_success_nullable_field if {
	count(required_fields.violation) == 0 with input as {
		"metadata": {"fields": [{"name": "xm", "nullable": true}, {"name": "bz"}]},
		"profile": {"columns": [_xm]},
	}
}

test_success_complete_required_field if {
	col := {"name": "xm", "rows": 2000, "nulls": 0, "blanks": 0, "missing_tokens": {}, "null_samples": null}
	count(required_fields.violation) == 0 with input as {"metadata": _required, "profile": {"columns": [col]}}
}

test_success_measures_every_required_field if {
	col := {"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "missing_tokens": {}, "null_samples": []}
	required_fields.measures == {
		{"id": "QUAL-007", "indicator": "completeness", "element": "xm", "a": 1997, "b": 2000},
		{"id": "QUAL-007", "indicator": "completeness", "element": "sfzh", "a": 2000, "b": 2000},
	} with input as {
		"metadata": {"fields": [{"name": "xm", "nullable": false}, {"name": "sfzh", "nullable": false}, {"name": "bz"}]},
		"profile": {"columns": [_xm, col]},
	}
}
