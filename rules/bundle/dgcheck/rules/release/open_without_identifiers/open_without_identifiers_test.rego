package dgcheck.rules.release.open_without_identifiers_test

import data.dgcheck.rules.release.open_without_identifiers

_open := {"cn": {"open_type": "无条件开放"}}

_lxdh := {
	"name": "lxdh",
	"rows": 2000,
	"nulls": 0,
	"blanks": 0,
	"detectors": {
		"mobile": {
			"matched": 2,
			"valid": 2,
			"masked": 1998,
			"raw_samples": [{"row": 7, "value": "138****5678"}, {"row": 90, "value": "139****0001"}],
		},
		"email": {"matched": 0, "valid": 0, "masked": 0},
	},
}

test_fail_raw_mobiles_in_open_data if {
	open_without_identifiers.violation == {{
		"id": "PUB-003",
		"title": "Unconditionally open data contains no PI unless anonymised or lawfully public",
		"area": "release",
		"severity": "error",
		"standard": "PIPL (个人信息保护法); GB/T 37964",
		"clause": "clause unknown (PIPL public disclosure of PI, from memory)",
		"remediation": concat(" ", [
			"Remove or mask the identifiers (GB/T 37964 de-identification) before release, or open the",
			"dataset only on conditions (有条件开放) that cover personal information.",
		]),
		"column": "lxdh",
		"message": "lxdh: 2 of 2000 non-null values are raw mobile numbers, in data declared 无条件开放 (unconditionally open)",
		"evidence": {"detector": "mobile", "raw": 2, "non_null": 2000},
		"samples": [{"row": 7, "value": "138****5678"}, {"row": 90, "value": "139****0001"}],
	}} with input as {"metadata": _open, "profile": {"columns": [_lxdh]}}
}

test_fail_one_finding_per_column_and_identifier if {
	bz := {
		"name": "bz",
		"rows": 50,
		"nulls": 10,
		"blanks": 0,
		"detectors": {
			"cn_resident_id": {"matched": 1, "valid": 0, "masked": 0, "raw_samples": [{"row": 3, "value": "110105********002X"}]},
			"email": {"matched": 2, "valid": 2, "masked": 0, "raw_samples": [{"row": 4, "value": "z***@example.cn"}]},
		},
	}
	findings := open_without_identifiers.violation with input as {"metadata": _open, "profile": {"columns": [bz]}}
	{[f.id, f.column, f.evidence.detector, f.evidence.raw] | some f in findings} == {
		["PUB-003", "bz", "cn_resident_id", 1],
		["PUB-003", "bz", "email", 2],
	}
}

test_success_conditionally_open if {
	count(open_without_identifiers.violation) == 0 with input as {
		"metadata": {"cn": {"open_type": "有条件开放"}},
		"profile": {"columns": [_lxdh]},
	}
}

test_success_open_data_fully_masked if {
	masked := json.patch(_lxdh, [
		{"op": "replace", "path": "/detectors/mobile/matched", "value": 0},
		{"op": "replace", "path": "/detectors/mobile/raw_samples", "value": []},
	])
	count(open_without_identifiers.violation) == 0 with input as {"metadata": _open, "profile": {"columns": [masked]}}
}

test_fail_not_anonymised if {
	r := {
		"quasi_identifiers": ["sex", "birth_date"], "source": "field_roles", "rows": 2000, "k": 1, "unique_rows": 1990,
		"approximate": false, "smallest_classes": [{"size": 1, "first_row": 3}],
	}
	findings := open_without_identifiers.violation with input as {"metadata": _open, "profile": {"columns": [], "table": {"reidentification": r}}}
	[f] := [f | some f in findings]
	f.id == "PUB-003"
	f.message == "not anonymised: k = 1 over the quasi-identifiers sex, birth_date (field_roles), below 5: 1990 of 2000 rows are unique, in data declared 无条件开放 (unconditionally open)"
	f.samples == [{"row": 3}]
}

test_fail_unkeyed_hash_of_mobiles if {
	col := {"name": "lxdh_md5", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "forms": {"hashed": 10}}
	findings := open_without_identifiers.violation with input as {
		"metadata": object.union(_open, {"fields": [{"name": "lxdh_md5", "masking": {"method": "hash", "data": "mobile"}}]}),
		"profile": {"columns": [col]},
	}
	[f.evidence | some f in findings] == [{"hashed": 10, "identifier": "mobile"}]
}

test_success_anonymised_open_data if {
	r := {"quasi_identifiers": ["sex"], "source": "declared", "rows": 2000, "k": 900, "unique_rows": 0, "approximate": false, "smallest_classes": []}
	count(open_without_identifiers.violation) == 0 with input as {"metadata": _open, "profile": {"columns": [], "table": {"reidentification": r}}}
}

test_fail_mobile_written_into_a_remark if {
	bz := {"name": "bz", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {"mobile": {"matched": 0, "valid": 0, "masked": 0, "embedded": 1, "embedded_samples": [{"row": 4, "value": "138****5678"}]}}}
	findings := open_without_identifiers.violation with input as {"metadata": _open, "profile": {"columns": [bz]}}
	[f.message | some f in findings] == ["bz: 1 values hold mobile numbers inside other text, in data declared 无条件开放 (unconditionally open)"]
}
