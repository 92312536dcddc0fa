package dgcheck.rules.quality.identifier_checksums_test

import data.dgcheck.rules.quality.identifier_checksums

_sfzh := {
	"name": "sfzh",
	"rows": 2000,
	"nulls": 0,
	"blanks": 0,
	"detectors": {"cn_resident_id": {
		"matched": 2000,
		"plausible": 2000,
		"valid": 1995,
		"masked": 0,
		"invalid_samples": [{"row": 14, "value": "110105********0021"}],
	}},
}

test_fail_invalid_check_digits if {
	findings := identifier_checksums.warning with input as {"metadata": {}, "profile": {"columns": [_sfzh]}}
	[f] := [f | some f in findings]
	f.id == "QUAL-023"
	f.message == "5 of 2000 identifiers with a check character fail it, in sfzh (cn_resident_id) (X = 0.9975)"
	f.samples == [{"row": 14, "value": "110105********0021"}]
}

test_success_valid_identifiers if {
	col := json.patch(_sfzh, [{"op": "replace", "path": "/detectors/cn_resident_id/valid", "value": 2000}])
	count(identifier_checksums.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}}
}

test_success_no_identifiers if {
	count(identifier_checksums.warning) == 0 with input as {"metadata": {}, "profile": {"columns": [{"name": "x", "rows": 1, "nulls": 0, "blanks": 0, "detectors": {}}]}}
}
