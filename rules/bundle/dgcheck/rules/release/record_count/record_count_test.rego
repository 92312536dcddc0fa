package dgcheck.rules.release.record_count_test

import data.dgcheck.rules.release.record_count

test_fail_count_differs if {
	findings := record_count.warning with input as {"metadata": {"record_count": 2000}, "profile": {"rows": 1995}}
	[f] := [f | some f in findings]
	f.id == "PUB-005"
	f.message == "the metadata declares 2000 records; the file has 1995 rows"
}

test_success_count_matches if {
	count(record_count.warning) == 0 with input as {"metadata": {"record_count": 2000}, "profile": {"rows": 2000}}
}
