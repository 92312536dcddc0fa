package dgcheck.rules.metadata.publication_and_cycle_test

import data.dgcheck.rules.metadata.publication_and_cycle

test_fail_no_cycle if {
	findings := publication_and_cycle.violation with input as {"metadata": {"issued": "2025-07-05"}}
	[f] := [f | some f in findings]
	f.id == "META-022"
	f.message == "the metadata does not declare accrual_periodicity (更新周期)"
}

test_success_both if {
	count(publication_and_cycle.violation) == 0 with input as {"metadata": {"issued": "2025-07-05", "accrual_periodicity": "每月"}}
}
