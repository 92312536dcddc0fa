package dgcheck.rules.crossborder.core_not_exported_test

import data.dgcheck.rules.crossborder.core_not_exported

test_fail_core_export if {
	[f] := [f | some f in core_not_exported.violation] with input as {"metadata": {"classification": {"level": "核心"}, "cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"]}}}
	f.id == "XB-002"
}

test_success_general_export if {
	count(core_not_exported.violation) == 0 with input as {"metadata": {"classification": {"level": "general"}, "cross_border": {"planned": true, "destinations": ["SG"], "recipients": ["Acme Pte Ltd"]}}}
	count(core_not_exported.violation) == 0 with input as {"metadata": {"classification": {"level": "core"}}}
}
