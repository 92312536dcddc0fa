package dgcheck.lib.profile_test

import data.dgcheck.lib.profile

_col := {
	"name": "lxdh",
	"rows": 10,
	"nulls": 1,
	"blanks": 1,
	"detectors": {"mobile": {"matched": 3, "plausible": 3, "valid": 3, "masked": 1}},
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

# 18-digit order numbers: every value has an ID number's structure, none a real address code
# and birth date.
test_implausible_values_make_no_identifier_column if {
	col := {"name": "order_no", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"cn_resident_id": {"matched": 100, "plausible": 0, "valid": 0, "masked": 0}}}
	not profile.identifier_column(col, "cn_resident_id") with input as {}
}

# 11-digit member numbers: two thirds fall in an allocated segment, a share no column of
# real mobile numbers shows.
test_mostly_plausible_is_not_enough if {
	col := {"name": "member", "rows": 100, "nulls": 0, "blanks": 0, "detectors": {"mobile": {"matched": 100, "plausible": 67, "valid": 67, "masked": 0}}}
	not profile.identifier_column(col, "mobile") with input as {}
}

# Codes whose check characters are right no more often than chance (1 in 11) are strings of
# the shape; 80% wrong is still well above chance: organisation codes, badly kept.
test_check_characters_above_chance if {
	chance := {"name": "c", "rows": 2000, "nulls": 0, "blanks": 0, "detectors": {"cn_org_code": {"matched": 2000, "plausible": 2000, "valid": 190, "masked": 0}}}
	not profile.identifier_column(chance, "cn_org_code") with input as {}
	bad := json.patch(chance, [{"op": "replace", "path": "/detectors/cn_org_code/valid", "value": 545}])
	profile.identifier_column(bad, "cn_org_code") with input as {}
	profile.mostly_invalid(bad, "cn_org_code")
	good := json.patch(chance, [{"op": "replace", "path": "/detectors/cn_org_code/valid", "value": 1990}])
	not profile.mostly_invalid(good, "cn_org_code")
}

test_direct_identifiers_come_from_the_registry if {
	{"cn_resident_id", "mobile", "email", "bank_card", "cn_passport", "person_name"} - profile.direct == set()
	not "cn_uscc" in profile.direct
	profile.noun("bank_card") == "bank card numbers"
	profile.noun_zh("bank_card") == "银行卡号"
}
