package dgcheck.rules.classification.minors_declared_test

import data.dgcheck.rules.classification.minors_declared

_now := {"now": "2025-07-05T00:00:00Z"}

test_fail_children_by_id_numbers if {
	col := object.union({"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}, {"detectors": {"cn_resident_id": {"birth_months": {"min": "1950-01", "max": "2016-03"}}}})
	[f] := [f | some f in minors_declared.violation] with input as {"metadata": {}, "profile": {"columns": [col]}, "options": _now}
	f.id == "CLASS-007"
	f.message == "sfzh: the youngest person was born in 2016-03, under 14 on the check date 2025-07-05, but the metadata does not declare pi.contains_minor_pi: true"
}

test_fail_children_by_birth_date_column if {
	col := {"name": "birth_date", "hints": ["birth_date"], "inferred_type": "date", "max": "2011-07-20"}
	[f] := [f | some f in minors_declared.violation] with input as {"metadata": {"pi": {"contains_minor_pi": false}}, "profile": {"columns": [col]}, "options": _now}
	f.evidence.latest_birth == "2011-07"
}

test_fail_children_by_birth_year if {
	col := {"name": "birth_date", "hints": ["birth_date"], "inferred_type": "date", "max": "2012"}
	[f] := [f | some f in minors_declared.violation] with input as {"metadata": {}, "profile": {"columns": [col]}, "options": _now}
	f.evidence.latest_birth == "2012"
}

test_success_adults_by_birth_year if {
	col := {"name": "birth_date", "hints": ["birth_date"], "inferred_type": "date", "max": "2010"}
	count(minors_declared.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}, "options": _now}
}

test_success_adults_only if {
	col := object.union({"name": "sfzh", "rows": 100, "nulls": 0, "blanks": 0, "distinct": 100, "hints": [], "detectors": {"cn_resident_id": {"matched": 100, "valid": 100, "masked": 0}}, "classification": {"type": "cn_resident_id", "detector": "cn_resident_id", "confidence": 0.99, "form": "raw"}}, {"detectors": {"cn_resident_id": {"birth_months": {"min": "1935-01", "max": "2008-12"}}}})
	count(minors_declared.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [col]}, "options": _now}
}

test_success_minors_declared if {
	col := {"name": "csrq", "hints": ["birth_date"], "inferred_type": "date", "max": "2020-01-01"}
	count(minors_declared.violation) == 0 with input as {"metadata": {"pi": {"contains_minor_pi": true}}, "profile": {"columns": [col]}, "options": _now}
}

# PIPL art. 28: 不满十四周岁, under 14, which excludes 14. Birth months are all the profile
# publishes, so a person born in the check date's month 14 years before may still be 13 (their
# birthday later in the month) and counts; one born a month earlier is 14.
test_minor_age_counts_as_the_law_does if {
	_minors("2011-06-30") == 0
	_minors("2011-07-20") == 1
	_minors("2011-08-01") == 1
}

_minors(latest) := count(v) if {
	col := {"name": "birth_date", "hints": ["birth_date"], "inferred_type": "date", "max": latest}
	v := minors_declared.violation with input as {"metadata": {}, "profile": {"columns": [col]}, "options": _now}
}
