package dgcheck.rules.desensitisation.masking_conformance_test

import data.dgcheck.rules.desensitisation.masking_conformance

_check := {
	"pattern": "id_6_8_4", "data": "cn_resident_id", "regex": "^\\d{6}\\*{8}\\d{3}[\\dX]$", "length": 18,
	"kept": [[1, 6], [15, 18]], "checked": 2000, "conforming": 1998, "leaks": 1,
	"nonconforming_samples": [{"row": 14, "value": "420111********123X"}, {"row": 90, "value": "42011*********0021"}],
	"leak_samples": [{"row": 14, "value": "420111********123X"}],
}

_col(check) := {"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "detectors": {}, "masking": check}

test_fail_values_not_masked_as_declared if {
	findings := masking_conformance.violation with input as {"metadata": {}, "profile": {"columns": [_col(_check)]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-003"
	f.column == "sfzh"
	f.message == "sfzh: 2 of 2000 present values do not match the declared masking pattern id_6_8_4 (X = 0.9990)"
	f.measure == {"a": 1998, "b": 2000, "x": 1998 / 2000}
	f.samples == _check.nonconforming_samples
}

test_fail_unknown_pattern if {
	check := {
		"pattern": "id_9_9", "error": "masking pattern \"id_9_9\" is not a known pattern and the field declares no regex",
		"length": 0, "checked": 0, "conforming": 0, "leaks": 0, "nonconforming_samples": [], "leak_samples": [],
	}
	findings := masking_conformance.violation with input as {"metadata": {}, "profile": {"columns": [_col(check)]}}
	[f.message | some f in findings] == ["sfzh: masking pattern \"id_9_9\" is not a known pattern and the field declares no regex, so no value could be checked"]
}

test_fail_pattern_not_allowed_for_the_open_type if {
	check := json.patch(_check, [
		{"op": "replace", "path": "/conforming", "value": 2000},
		{"op": "replace", "path": "/pattern", "value": "id_keep_14"},
	])
	findings := masking_conformance.violation with input as {
		"metadata": {"cn": {"open_type": "无条件开放"}},
		"profile": {"columns": [_col(check)]},
	}
	[f.evidence | some f in findings] == [{
		"pattern": "id_keep_14", "data": "cn_resident_id", "open_type": "无条件开放",
		"allowed": ["id_6_8_4", "id_3_11_4", "id_1_16_1"],
	}]
}

test_fail_policy_tightened_for_open_data if {
	check := json.patch(_check, [{"op": "replace", "path": "/conforming", "value": 2000}])
	findings := masking_conformance.violation with input as {
		"metadata": {"cn": {"open_type": "无条件开放"}},
		"profile": {"columns": [_col(check)]},
	}
		with data.dgcheck.config.desensitisation.allowed_masks["无条件开放"] as {"cn_resident_id": ["id_1_16_1"]}
	count(findings) == 1
}

test_success_every_value_masked_as_declared if {
	check := json.patch(_check, [{"op": "replace", "path": "/conforming", "value": 2000}])
	count(masking_conformance.violation) == 0 with input as {
		"metadata": {"cn": {"open_type": "无条件开放"}},
		"profile": {"columns": [_col(check)]},
	}
}

test_success_no_declared_masking if {
	col := {"name": "sfzh", "rows": 2000, "nulls": 0, "blanks": 0, "detectors": {}}
	count(masking_conformance.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
