package dgcheck.rules.desensitisation.precise_location_test

import data.dgcheck.rules.desensitisation.precise_location

_jd := {"name": "jd", "rows": 10, "nulls": 0, "blanks": 0, "detectors": {}, "hints": ["coordinate"], "forms": {"decimal_places": {"6": 8, "3": 2}}}

test_fail_six_decimal_places if {
	findings := precise_location.warning with input as {"metadata": {"cn": {"open_type": "无条件开放"}, "pi": {"contains_pi": true}}, "profile": {"columns": [_jd]}}
	[f] := [f | some f in findings]
	f.id == "DESENS-021"
	f.message == "jd: 8 coordinates keep more than 3 decimal places, in open data about people"
}

test_success_rounded if {
	jd := json.patch(_jd, [{"op": "replace", "path": "/forms/decimal_places", "value": {"3": 10}}])
	count(precise_location.warning) == 0 with input as {"metadata": {"cn": {"open_type": "无条件开放"}, "pi": {"contains_pi": true}}, "profile": {"columns": [jd]}}
}

test_success_not_open if {
	count(precise_location.warning) == 0 with input as {"metadata": {"cn": {"open_type": "有条件开放"}, "pi": {"contains_pi": true}}, "profile": {"columns": [_jd]}}
}
