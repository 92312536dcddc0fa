package dgcheck.rules.classification.c3_level_test

import data.dgcheck.rules.classification.c3_level

_pin := {"name": "pin", "rows": 5, "nulls": 0, "blanks": 0, "hints": ["credential"]}

test_fail_c3_below_4 if {
	meta := {"classification": {"industry": {"jrt0197_level": 3}}}
	[f] := [f | some f in c3_level.violation] with input as {"metadata": meta, "profile": {"columns": [_pin]}, "options": {}}
	f.id == "CLASS-015"
	f.message == "pin: C3 authentication data (credential, by its name) in financial data declared JR/T 0197 level 3, below 4"
}

test_success_level_4 if {
	meta := {"classification": {"industry": {"jrt0197_level": 4}}}
	count(c3_level.violation) == 0 with input as {"metadata": meta, "profile": {"columns": [_pin]}, "options": {}}
}

test_success_not_financial if {
	count(c3_level.violation) == 0 with input as {"metadata": {}, "profile": {"columns": [_pin]}, "options": {}}
}
