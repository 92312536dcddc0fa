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
