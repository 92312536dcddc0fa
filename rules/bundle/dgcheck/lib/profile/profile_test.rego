package dgcheck.lib.profile_test

import data.dgcheck.lib.profile

_col := {
	"name": "lxdh",
	"rows": 10,
	"nulls": 1,
	"blanks": 1,
	"detectors": {"mobile": {"matched": 3, "valid": 3, "masked": 1}},
}

test_non_null if {
	profile.non_null(_col) == 8
}

test_hits_count_raw_and_masked if {
	profile.hits(_col, "mobile") == 4
	profile.hits(_col, "email") == 0
}

test_identifier_column_at_detect_min_rate if {
	profile.identifier_column(_col, "mobile") with input as {}
}

test_not_identifier_column_below_detect_min_rate if {
	not profile.identifier_column(_col, "mobile") with input as {"options": {"thresholds": {"detect_min_rate": 0.6}}}
}

test_identifier_column_declared_by_validator if {
	col := {"name": "sfzh", "rows": 10, "nulls": 10, "blanks": 0, "detectors": {}}
	profile.identifier_column(col, "cn_resident_id") with input as {"metadata": {"fields": [{"name": "sfzh", "validator": "cn_id_gb11643"}]}}
}

test_empty_column_is_no_identifier_column if {
	col := {"name": "c", "rows": 10, "nulls": 10, "blanks": 0, "detectors": {"email": {"matched": 0, "masked": 0}}}
	not profile.identifier_column(col, "email") with input as {}
}

test_identifier_column_declared_twice if {
	col := {"name": "sfzh", "rows": 10, "nulls": 10, "blanks": 0, "detectors": {}}
	profile.identifier_column(col, "cn_resident_id") with input as {"metadata": {"fields": [
		{"name": "sfzh", "validator": "cn_id_gb11643"},
		{"name": "sfzh"},
	]}}
}
