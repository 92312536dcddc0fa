package dgcheck.rules.metadata.distribution_details_test

import data.dgcheck.rules.metadata.distribution_details

test_fail_bare_distribution if {
	findings := distribution_details.warning with input as {"metadata": {"distributions": [
		{"format": "csv", "license": "CC-BY-4.0", "availability": "stable", "description": "CSV"},
		{"format": "parquet", "access_url": "https://data.example.org/d/1"},
	]}}
	[f] := [f | some f in findings]
	f.id == "META-008"
	f.message == "distribution 2 does not declare its license, availability, description"
	f.evidence == {"distribution": 2, "missing": ["license", "availability", "description"]}
}

test_success_complete_distribution if {
	count(distribution_details.warning) == 0 with input as {"metadata": {"distributions": [
		{"format": "csv", "license": "CC-BY-4.0", "availability": "stable", "description": "CSV"},
	]}}
}

# An entry that is not an object declares nothing; distributions that are not a list are not
# numbered (the metadata reader reports both).
test_fail_entry_of_the_wrong_type_declares_nothing if {
	findings := distribution_details.warning with input as {"metadata": {"distributions": ["csv"]}}
	[f.message | some f in findings] == ["distribution 1 does not declare its format, license, availability, description"]
}

test_success_distributions_not_a_list if {
	count(distribution_details.warning) == 0 with input as {"metadata": {"distributions": {"a": {}}}}
}
