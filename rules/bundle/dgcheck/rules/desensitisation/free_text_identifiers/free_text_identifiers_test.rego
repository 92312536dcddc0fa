package dgcheck.rules.desensitisation.free_text_identifiers_test

import data.dgcheck.rules.desensitisation.free_text_identifiers

_bz := {
	"name": "bz", "rows": 100, "nulls": 90, "blanks": 0,
	"detectors": {"mobile": {"matched": 0, "valid": 0, "masked": 0, "embedded": 2, "embedded_samples": [{"row": 5, "value": "138****5678"}]}},
}

test_fail_mobile_in_a_remark_of_open_data if {
	findings := free_text_identifiers.violation with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"columns": [_bz]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-020"
	f.message == "bz: 2 of 10 present values hold mobile numbers inside other text"
	f.samples == [{"row": 5, "value": "138****5678"}]
}

test_fail_shared_data if {
	count(free_text_identifiers.violation) == 1 with input as {"metadata": {"cn": {"share_type": "有条件共享"}}, "profile": {"columns": [_bz]}}
}

test_success_kept_inside if {
	count(free_text_identifiers.violation) == 0 with input as {"metadata": {"cn": {"open_type": "不予开放"}}, "profile": {"columns": [_bz]}}
}

test_success_no_embedded_identifier if {
	bz := json.patch(_bz, [{"op": "replace", "path": "/detectors/mobile/embedded", "value": 0}])
	count(free_text_identifiers.violation) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}}, "profile": {"columns": [bz]}}
}
