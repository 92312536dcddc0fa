package dgcheck.rules.classification.pi_declared_test

import data.dgcheck.rules.classification.pi_declared

_sfzh := {
	"name": "sfzh",
	"rows": 2000,
	"nulls": 2,
	"blanks": 0,
	"detectors": {"cn_resident_id": {"matched": 1998, "plausible": 1998, "valid": 1996, "masked": 0}},
}

_xm := {"name": "xm", "rows": 2000, "nulls": 0, "blanks": 0, "detectors": {}}

test_fail_raw_ids_without_declaration if {
	pi_declared.violation == {{
		"id": "CLASS-006",
		"title": "If any personal identifier is detected, the dataset declares it contains PI",
		"area": "classification",
		"severity": "error",
		"standard": "PIPL (个人信息保护法); GB/T 35273-2020",
		"clause": "PIPL art. 4, art. 73(三)(四); GB/T 35273-2020 3.1 (its note points to Annex A)",
		"remediation": concat(" ", [
			"Declare `pi: {contains_pi: true}` in the metadata and meet what that brings (PI category",
			"and sensitivity per field, a PIA where required), or remove the identifiers from the",
			"dataset before it is shared.",
		]),
		"column": "sfzh",
		"message": "sfzh: 1998 of 1998 non-null values are resident ID numbers (raw 1998, masked 0), but the metadata does not declare pi.contains_pi: true",
		"message_zh": "sfzh：1998 个非空值中有 1998 个是公民身份号码（原始值 1998 个，屏蔽值 0 个），但元数据未声明 pi.contains_pi: true",
		"evidence": {"detector": "cn_resident_id", "matched": 1998, "masked": 0, "non_null": 1998},
	}} with input as {"metadata": {}, "profile": {"columns": [_xm, _sfzh]}}
}

test_fail_masked_mobiles_declared_false if {
	col := {
		"name": "lxdh",
		"rows": 100,
		"nulls": 0,
		"blanks": 0,
		"detectors": {"mobile": {"matched": 0, "plausible": 0, "valid": 0, "masked": 100}},
	}
	findings := pi_declared.violation with input as {"metadata": {"pi": {"contains_pi": false}}, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.id == "CLASS-006"
	f.column == "lxdh"
	f.evidence == {"detector": "mobile", "matched": 0, "masked": 100, "non_null": 100}
}

test_fail_one_finding_per_column_for_the_strongest_identifier if {
	col := {
		"name": "contact",
		"rows": 10,
		"nulls": 0,
		"blanks": 0,
		"detectors": {"mobile": {"matched": 6, "plausible": 6, "masked": 0}, "email": {"matched": 0, "plausible": 0, "masked": 9}},
	}
	findings := pi_declared.violation with input as {"metadata": {}, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.evidence.detector == "email"
}

test_fail_declared_validator_counts_without_hits if {
	col := {"name": "sfzh", "rows": 5, "nulls": 5, "blanks": 0, "detectors": {}}
	findings := pi_declared.violation with input as {
		"metadata": {"fields": [{"name": "sfzh", "validator": "cn_id_gb11643"}]},
		"profile": {"columns": [col]},
	}
	[f] := [f | some f in findings]
	f.column == "sfzh"
	f.evidence.detector == "cn_resident_id"
}

test_success_pi_declared if {
	count(pi_declared.violation) == 0 with input as {"metadata": {"pi": {"contains_pi": true}}, "profile": {"columns": [_sfzh]}}
}

test_success_no_identifiers if {
	count(pi_declared.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [_xm]}}
}

test_success_stray_matches_below_detect_min_rate if {
	col := {
		"name": "bz",
		"rows": 100,
		"nulls": 0,
		"blanks": 0,
		"detectors": {"email": {"matched": 3, "plausible": 3, "masked": 0}},
	}
	count(pi_declared.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_fail_names_classified if {
	col := {
		"name": "xm",
		"rows": 100,
		"nulls": 0,
		"blanks": 0,
		"hints": ["person_name"],
		"detectors": {"person_name": {"matched": 98, "plausible": 98, "valid": 98, "masked": 0}},
		"classification": {"type": "person_name", "detector": "person_name", "confidence": 1, "form": "raw"},
	}
	findings := pi_declared.violation with input as {"metadata": {}, "profile": {"columns": [col]}}
	[f] := [f | some f in findings]
	f.message == "xm: 98 of 100 non-null values are person names (raw 98, masked 0), but the metadata does not declare pi.contains_pi: true"
	f.evidence.detector == "person_name"
}

test_success_organisation_codes_are_not_pi if {
	col := {
		"name": "tyshxydm",
		"rows": 100,
		"nulls": 0,
		"blanks": 0,
		"detectors": {"cn_uscc": {"matched": 100, "plausible": 100, "valid": 100, "masked": 0}},
		"classification": {"type": "cn_uscc", "detector": "cn_uscc", "confidence": 1, "form": "raw"},
	}
	count(pi_declared.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}
