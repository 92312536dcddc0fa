package dgcheck.rules.classification.credentials_test

import data.dgcheck.rules.classification.credentials

test_fail_password_column if {
	col := {"name": "login_pwd", "rows": 5, "nulls": 1, "blanks": 0, "hints": ["credential"]}
	[f] := [f | some f in credentials.violation] with input as {"profile": {"columns": [col]}}
	f.id == "CLASS-013"
	f.message == "login_pwd: 4 values in a column whose name says it holds credentials"
}

test_success_empty_or_other if {
	cols := [{"name": "pwd", "rows": 5, "nulls": 5, "blanks": 0, "hints": ["credential"]}, {"name": "xm", "rows": 5, "nulls": 0, "blanks": 0, "hints": ["person_name"]}]
	count(credentials.violation) == 0 with input as {"profile": {"columns": cols}}
}
