package dgcheck.rules.quality.dirty_values_test

import data.dgcheck.rules.quality.dirty_values

_remark := {
	"name": "remark",
	"rows": 100,
	"nulls": 80,
	"blanks": 0,
	"missing_tokens": {"NULL": 2},
	"dirty": {
		"mojibake": {"count": 1, "samples": [{"row": 9, "value": "é****"}]},
		"fullwidth": {"count": 5, "samples": [{"row": 3, "value": "重*"}]},
	},
	"detectors": {},
}

test_fail_placeholders_and_mojibake_in_free_text if {
	findings := dirty_values.warning with input as {"metadata": {"fields": [{"name": "remark"}]}, "profile": {"columns": [_remark]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-013"
	f.message == "remark: 3 of 20 values are dirty: mojibake 1, placeholder 2 (X = 0.8500)"
	f.message_zh == "remark：20 个值中有 3 个脏数据：乱码 1 个、占位符 2 个（X = 0.8500）"
	f.evidence == {"mojibake": 1, "placeholder": 2}
	f.samples == [{"row": 9, "value": "é****"}]
}

test_fail_fullwidth_digits_in_a_code_column if {
	col := {
		"name": "county_code",
		"rows": 10,
		"nulls": 0,
		"blanks": 0,
		"missing_tokens": {},
		"dirty": {"fullwidth": {"count": 1, "samples": [{"row": 4, "value": "４*****"}]}},
		"detectors": {},
	}
	findings := dirty_values.warning with input as {"metadata": {"fields": [{"name": "county_code", "code_list": "GB/T 2260"}]}, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.message == "county_code: 1 of 10 values are dirty: fullwidth 1 (X = 0.9000)"
}

test_success_declared_missing_values_and_required_fields if {
	col := json.patch(_remark, [{"op": "replace", "path": "/dirty", "value": {"fullwidth": {"count": 5, "samples": []}}}])
	count(dirty_values.warning) == 0 with input as {
		"metadata": {"missing_values": ["NULL"], "fields": [{"name": "remark"}]},
		"profile": {"columns": [col]},
	}
	count(dirty_values.warning) == 0 with input as {
		"metadata": {"fields": [{"name": "remark", "nullable": false}]},
		"profile": {"columns": [col]},
	}
}

# An allowance column: right-skewed amounts, one typed 100 times too large (row 17).
_allowance := {
	"name": "monthly_allowance",
	"rows": 2000,
	"nulls": 0,
	"blanks": 0,
	"missing_tokens": {},
	"dirty": {},
	"detectors": {},
	"spread": {
		"count": 2000, "exact": true, "q1": 560, "median": 920, "q3": 1760, "positive": true,
		"fences": [
			{"scale": "linear", "k": 3, "lower": -3040, "upper": 5360, "below": 0, "above": 5, "exact": true, "samples": [{"row": 17, "value": "176000"}, {"row": 599, "value": "5700"}]},
			{"scale": "log", "k": 3, "lower": 18.04, "upper": 54652.49, "below": 0, "above": 1, "exact": true, "samples": [{"row": 17, "value": "176000"}]},
			{"scale": "log", "k": 1.5, "lower": 100.5, "upper": 9807.92, "below": 7, "above": 1, "exact": false, "samples": [{"row": 17, "value": "176000"}, {"row": 41, "value": "100"}]},
		],
	},
}

test_fail_an_outlier_beyond_the_far_out_fences_on_log_values if {
	findings := dirty_values.warning with input as {"metadata": {"fields": [{"name": "monthly_allowance"}]}, "profile": {"columns": [_allowance]}}
	[f] := [f | some f in findings]
	f.message == "monthly_allowance: 1 of 2000 values are dirty: outlier 1 (X = 0.9995); outliers are beyond Tukey's fences [18.04, 54652.49] (k = 3 on log values)"
	f.message_zh == "monthly_allowance：2000 个值中有 1 个脏数据：离群值 1 个（X = 0.9995）；离群值指超出 Tukey 围栏 [18.04, 54652.49] 的值（k = 3，对数尺度）"
	f.evidence == {"outlier": 1}
	f.samples == [{"row": 17, "value": "176000"}]
}

test_fail_the_linear_scale_and_a_nearer_fence_are_configuration if {
	input_doc := {"metadata": {"fields": [{"name": "monthly_allowance"}]}, "profile": {"columns": [_allowance]}}
	[linear] := [f | some f in dirty_values.warning] with input as object.union(input_doc, {"options": {"thresholds": {"outlier_log_scale": 0}}})
	linear.evidence == {"outlier": 5}
	linear.message == "monthly_allowance: 5 of 2000 values are dirty: outlier 5 (X = 0.9975); outliers are beyond Tukey's fences [-3040, 5360] (k = 3 on linear values)"
	[near] := [f | some f in dirty_values.warning] with input as object.union(input_doc, {"options": {"thresholds": {"outlier_k": 1.5}}})
	near.evidence == {"outlier": 8}
	endswith(near.message, "(k = 1.5 on log values), estimated from a quantile sketch")
	near.samples == [{"row": 17, "value": "176000"}, {"row": 41, "value": "100"}]
}

test_success_no_outlier_test_on_codes_small_columns_or_when_turned_off if {
	fields := [{"name": "monthly_allowance"}]
	count(dirty_values.warning) == 0 with input as {
		"metadata": {"fields": [{"name": "monthly_allowance", "code_list": "local allowance bands"}]},
		"profile": {"columns": [_allowance]},
	}
	few := json.patch(_allowance, [{"op": "replace", "path": "/spread/count", "value": 19}])
	count(dirty_values.warning) == 0 with input as {"metadata": {"fields": fields}, "profile": {"columns": [few]}}
	count(dirty_values.warning) == 0 with input as {
		"metadata": {"fields": fields}, "profile": {"columns": [_allowance]},
		"options": {"thresholds": {"outlier_k": 0}},
	}
}

test_success_values_within_the_fences if {
	within := json.patch(_allowance, [{"op": "replace", "path": "/spread/fences/1/above", "value": 0}])
	count(dirty_values.warning) == 0 with input as {"metadata": {"fields": [{"name": "monthly_allowance"}]}, "profile": {"columns": [within]}}
}

# A value with two counted kinds of dirt (full-width digits and an ideographic space in a
# code) is one dirty value, not two: the message counts values, as it says.
test_fail_a_value_with_two_kinds_counts_once if {
	col := {
		"name": "county_code",
		"rows": 10,
		"nulls": 0,
		"blanks": 0,
		"missing_tokens": {},
		"dirty": {
			"fullwidth": {"count": 3, "samples": [{"row": 4, "value": "４２０１０６"}]},
			"ideographic_space": {"count": 2, "samples": [{"row": 4, "value": "４２０１０６"}]},
			"mojibake": {"count": 1, "samples": [{"row": 4, "value": "４２０１０６"}]},
		},
		"dirty_overlaps": [{"kinds": ["fullwidth", "ideographic_space", "mojibake"], "count": 1}, {"kinds": ["fullwidth", "ideographic_space"], "count": 1}],
		"detectors": {},
	}
	findings := dirty_values.warning with input as {"metadata": {"fields": [{"name": "county_code", "code_list": "GB/T 2260"}]}, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.message == "county_code: 3 of 10 values are dirty: fullwidth 3, ideographic_space 2, mojibake 1 (X = 0.7000)"
	f.measure == {"a": 7, "b": 10, "x": 0.7}
}
