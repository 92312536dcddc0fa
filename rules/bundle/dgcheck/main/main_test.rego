package dgcheck.main_test

import data.dgcheck.main

test_findings_collect_violations_and_warnings_of_every_rule if {
	rules := {
		"metadata": {"a": {"violation": {{"id": "META-900"}}}},
		"quality": {
			"b": {"warning": {{"id": "QUAL-900"}}},
			"c": {"violation": {{"id": "QUAL-901"}, {"id": "QUAL-902"}}},
		},
	}
	main.findings == {{"id": "META-900"}, {"id": "QUAL-900"}, {"id": "QUAL-901"}, {"id": "QUAL-902"}} with data.dgcheck.rules as rules
}

test_no_findings_without_rules if {
	count(main.findings) == 0 with data.dgcheck.rules as {}
}
