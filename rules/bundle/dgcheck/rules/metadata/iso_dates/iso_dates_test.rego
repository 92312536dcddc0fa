package dgcheck.rules.metadata.iso_dates_test

import data.dgcheck.rules.metadata.iso_dates

test_fail_local_and_impossible_dates if {
	findings := iso_dates.violation with input as {"metadata": {
		"issued": "2025/7/5",
		"modified": "2025-02-29",
		"temporal": {"start": "2015-01-01", "end": "2025-06-30T24:00:00Z"},
	}}
	{f.evidence.property | some f in findings} == {"issued", "modified", "temporal.end"}
	some f in findings
	f.message == "issued \"2025/7/5\" is not an ISO 8601 date (YYYY-MM-DD) or date-time"
}

test_success_dates_and_date_times if {
	count(iso_dates.violation) == 0 with input as {"metadata": {
		"issued": "2024-02-29",
		"modified": "2025-07-05T09:30+08:00",
		"valid_until": "2026-12-31T23:59:59.5Z",
		"temporal": {"start": "2015-01-01", "end": "2025-06-30"},
		"pi": {"pia_date": "2025-05-01T00:00:00"},
	}}
}
