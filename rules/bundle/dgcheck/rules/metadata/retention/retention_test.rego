package dgcheck.rules.metadata.retention_test

import data.dgcheck.rules.metadata.retention

test_fail_pi_kept_indefinitely if {
	findings := retention.warning with input as {"metadata": {"pi": {"contains_pi": true}}}
	[f] := [f | some f in findings]
	f.id == "META-026"
	f.message == "the dataset contains personal information but does not declare retention.period or retention.destruction_method"
}

test_success_declared_retention if {
	count(retention.warning) == 0 with input as {"metadata": {
		"pi": {"contains_pi": true},
		"retention": {"period": "P3Y", "destruction_method": "到期后从开放平台下架并删除副本"},
	}}
}

test_success_no_pi if {
	count(retention.warning) == 0 with input as {"metadata": {"pi": {"contains_pi": false}}}
}
