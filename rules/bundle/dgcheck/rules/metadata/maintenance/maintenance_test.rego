package dgcheck.rules.metadata.maintenance_test

import data.dgcheck.rules.metadata.maintenance

test_fail_no_version if {
	findings := maintenance.warning with input as {"metadata": {"metadata": {"maintainer": "社会救助科"}}}
	[f] := [f | some f in findings]
	f.id == "META-024"
	f.severity == "info"
	f.message == "the metadata record does not declare metadata.version"
}

test_success_maintained if {
	count(maintenance.warning) == 0 with input as {"metadata": {"metadata": {"maintainer": "社会救助科", "version": "1.0"}}}
}
