package dgcheck.rules.desensitisation.no_reidentification_aid_test

import data.dgcheck.rules.desensitisation.no_reidentification_aid

_forms(raw, masked) := {"raw": raw, "masked": masked, "hashed": 0, "tokenised": 0, "generalised": 0, "suppressed": 0}

_xm := {"name": "xm", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "forms": _forms(10, 0)}

test_fail_raw_names_in_a_de_identified_dataset if {
	findings := no_reidentification_aid.violation with input as {
		"metadata": {"deidentification": {"k": 5}, "fields": [{"name": "xm", "identifier_role": "direct"}]},
		"profile": {"columns": [_xm]},
	}
	[f] := [f | some f in findings]
	f.id == "DESENS-011"
	f.message == "xm: a direct identifier with 10 of 10 present values unmasked, in a dataset declared de-identified"
}

test_fail_pseudonym_beside_its_identity if {
	token := {"name": "sfzh_token", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "forms": _forms(0, 0)}
	sfzh := {"name": "sfzh", "rows": 10, "nulls": 0, "blanks": 0, "forms": _forms(10, 0), "detectors": {"cn_resident_id": {"matched": 10, "plausible": 10, "valid": 10, "masked": 0, "raw_samples": [{"row": 1, "value": "110105********002X"}]}}}
	findings := no_reidentification_aid.violation with input as {
		"metadata": {"fields": [{"name": "sfzh_token", "masking": {"method": "tokenization", "pseudonym_of": "sfzh"}}]},
		"profile": {"columns": [token, sfzh]},
	}
	[f.column | some f in findings] == ["sfzh_token"]
}

test_fail_detected_identifier_without_a_role if {
	sfzh := {"name": "sfzh", "rows": 10, "nulls": 0, "blanks": 0, "forms": _forms(10, 0), "detectors": {"cn_resident_id": {"matched": 10, "plausible": 10, "valid": 10, "masked": 0, "raw_samples": [{"row": 1, "value": "110105********002X"}]}}}
	findings := no_reidentification_aid.violation with input as {
		"metadata": {"deidentification": {"qi_columns": ["sex"]}},
		"profile": {"columns": [sfzh]},
	}
	[f.samples | some f in findings] == [[{"row": 1, "value": "110105********002X"}]]
}

test_success_masked_names if {
	xm := json.patch(_xm, [{"op": "replace", "path": "/forms", "value": _forms(0, 10)}])
	count(no_reidentification_aid.violation) == 0 with input as {
		"metadata": {"deidentification": {"k": 5}, "fields": [{"name": "xm", "identifier_role": "direct"}]},
		"profile": {"columns": [xm]},
	}
}

test_success_not_declared_de_identified if {
	count(no_reidentification_aid.violation) == 0 with input as {
		"metadata": {"fields": [{"name": "xm", "identifier_role": "direct"}]},
		"profile": {"columns": [_xm]},
	}
}
