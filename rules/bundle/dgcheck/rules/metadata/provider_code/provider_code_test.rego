package dgcheck.rules.metadata.provider_code_test

import data.dgcheck.rules.metadata.provider_code

test_fail_wrong_check_character if {
	# STANDARDS.md §3.2 worked example 91110108MA01ABCD5T, with its check character changed.
	findings := provider_code.violation with input as {"metadata": {"publisher": {"name": "某区民政局", "uscc": "91110108MA01ABCD5U"}}}
	[f] := [f | some f in findings]
	f.id == "META-014"
	f.message == "publisher.uscc \"91110108MA01ABCD5U\" is not a valid unified social credit code (GB 32100-2015 structure and check character)"
}

test_fail_nothing_declared if {
	findings := provider_code.violation with input as {"metadata": {}}
	{f.message | some f in findings} == {
		"the metadata does not name the provider (publisher.name)",
		"the metadata does not give the provider's code (publisher.uscc)",
	}
}

test_success_worked_example if {
	count(provider_code.violation) == 0 with input as {"metadata": {"publisher": {"name": "某区民政局", "uscc": "91110108MA01ABCD5T"}}}
}
