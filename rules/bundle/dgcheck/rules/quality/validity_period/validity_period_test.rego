package dgcheck.rules.quality.validity_period_test

import data.dgcheck.rules.quality.validity_period

test_fail_expired if {
	findings := validity_period.warning with input as {"metadata": {"valid_until": "2025-12-31"}, "options": {"now": "2026-01-02T03:04:05Z"}}
	[f] := [f | some f in findings]
	f.id == "QUAL-020"
	f.severity == "info"
	f.message == "the data was valid until 2025-12-31; today is 2026-01-02"
}

test_success_last_valid_day if {
	count(validity_period.warning) == 0 with input as {"metadata": {"valid_until": "2025-12-31"}, "options": {"now": "2025-12-31T23:00:00Z"}}
}

test_success_no_validity_declared if {
	count(validity_period.measures) == 0 with input as {"metadata": {}, "options": {"now": "2025-12-31T23:00:00Z"}}
}
