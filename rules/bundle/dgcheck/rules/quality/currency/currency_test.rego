package dgcheck.rules.quality.currency_test

import data.dgcheck.rules.quality.currency

_meta := {"modified": "2025-07-05", "accrual_periodicity": "每月", "time_field": "start_date"}

_profile := {"columns": [{"name": "start_date", "max": "2025-06-30"}]}

test_fail_monthly_data_a_year_old if {
	findings := currency.warning with input as {"metadata": _meta, "profile": _profile, "options": {"now": "2026-07-05T00:00:00Z"}}
	[f] := [f | some f in findings]
	f.id == "QUAL-017"
	f.message == "modified 2025-07-05 is 365 days ago; the data was due within 46 days (1.5 update cycles of 31 days)"
	f.measure == {"a": 0, "b": 1, "x": 0}
}

test_fail_records_newer_than_modified if {
	profile := {"columns": [{"name": "start_date", "max": "2025-07-20"}]}
	findings := currency.warning with input as {"metadata": _meta, "profile": profile, "options": {"now": "2025-07-21T00:00:00Z"}}
	[f] := [f | some f in findings]
	f.column == "start_date"
	f.message == "start_date: records are dated up to 2025-07-20, after the declared modified date 2025-07-05"
}

test_success_current_and_in_step if {
	input_ := {"metadata": _meta, "profile": _profile, "options": {"now": "2025-08-01T08:00:00+08:00"}}
	count(currency.warning) == 0 with input as input_
	currency.measures == {
		{"id": "QUAL-017", "indicator": "timeliness", "element": "modified", "a": 1, "b": 1},
		{"id": "QUAL-017", "indicator": "timeliness", "element": "time_field", "a": 1, "b": 1},
	} with input as input_
}

test_success_irregular_data_is_never_late if {
	m := object.union(_meta, {"accrual_periodicity": "不定期"})
	count(currency.warning) == 0 with input as {"metadata": m, "profile": _profile, "options": {"now": "2030-01-01T00:00:00Z"}}
}

test_success_malformed_modified_is_meta_011s if {
	m := object.union(_meta, {"modified": "2025/7/5"})
	count(currency.warning) == 0 with input as {"metadata": m, "profile": _profile, "options": {"now": "2030-01-01T00:00:00Z"}}
	count(currency.measures) == 0 with input as {"metadata": m, "profile": _profile, "options": {"now": "2030-01-01T00:00:00Z"}}
}

# time.parse_ns stops at 2262: a modified date of 9999 is a date in the future all the same.
test_success_modified_far_in_the_future if {
	m := object.union(_meta, {"modified": "9999-12-31"})
	count(currency.warning) == 0 with input as {"metadata": m, "profile": _profile, "options": {"now": "2026-12-04T00:00:00Z"}}
}

# And one in year 1 is long past its cycle.
test_fail_modified_before_the_time_builtins_range if {
	m := object.union(_meta, {"modified": "0001-01-01"})
	findings := currency.warning with input as {"metadata": m, "profile": _profile, "options": {"now": "2026-12-04T00:00:00Z"}}
	[f] := [f | some f in findings; startswith(f.message, "modified ")]
	startswith(f.message, "modified 0001-01-01 is 739953 days ago;")
}
