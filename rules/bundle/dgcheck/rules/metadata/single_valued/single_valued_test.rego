package dgcheck.rules.metadata.single_valued_test

import data.dgcheck.rules.metadata.single_valued

test_fail_two_modified_dates if {
	findings := single_valued.violation with input as {"metadata": {"multi_valued": ["modified", "publisher"]}}
	{[f.id, f.message] | some f in findings} == {
		["META-009", "modified is given more than one value; it takes one (dgcheck read the first)"],
		["META-009", "publisher is given more than one value; it takes one (dgcheck read the first)"],
	}
}

test_success_single_values if {
	count(single_valued.violation) == 0 with input as {"metadata": {"modified": "2025-07-05"}}
}
