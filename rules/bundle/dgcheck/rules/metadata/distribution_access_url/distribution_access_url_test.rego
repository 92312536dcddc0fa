package dgcheck.rules.metadata.distribution_access_url_test

import data.dgcheck.rules.metadata.distribution_access_url

test_fail_missing_and_malformed_urls if {
	findings := distribution_access_url.violation with input as {"metadata": {"distributions": [
		{"title": "CSV", "access_url": "https://data.example.org/d/1"},
		{"title": "Parquet"},
		{"format": "json", "access_url": "data.example.org/d/1"},
	]}}
	{f.message | some f in findings} == {
		"distribution 2 (Parquet) has no access URL",
		"distribution 3 (json) has an access URL that is not a URI: \"data.example.org/d/1\"",
	}
	every f in findings {
		f.id == "META-003"
		f.severity == "error"
	}
}

test_success_every_distribution_linked if {
	count(distribution_access_url.violation) == 0 with input as {"metadata": {"distributions": [
		{"title": "CSV", "access_url": "https://data.example.org/d/1"},
		{"access_url": "ftp://files.example.org/roll.parquet"},
	]}}
}

test_success_no_distributions if {
	count(distribution_access_url.violation) == 0 with input as {"metadata": {}}
}

# An entry that is not an object, or an access URL that is not a string, has no access URL.
test_fail_entries_of_the_wrong_type if {
	findings := distribution_access_url.violation with input as {"metadata": {"distributions": ["csv", {"access_url": 5}]}}
	count(findings) == 2
}

test_success_distributions_not_a_list if {
	count(distribution_access_url.violation) == 0 with input as {"metadata": {"distributions": {"a": {"access_url": 5}}}}
}

# DCAT-US gives a downloadURL or an accessURL: a download URL is a way to the file.
test_success_a_download_url_counts if {
	count(distribution_access_url.violation) == 0 with input as {"metadata": {"distributions": [
		{"download_url": "https://data.agency.gov/datasets/widgets-statistics/widgets.csv", "media_type": "text/csv"},
		{"access_url": "https://data.agency.gov/api/widgets-statistics/"},
	]}}
}

test_fail_a_download_url_that_is_no_uri_does_not_count if {
	findings := distribution_access_url.violation with input as {"metadata": {"distributions": [{"download_url": "widgets.csv"}]}}
	{f.message | some f in findings} == {"distribution 1 (no title) has no access URL"}
	{f.message_zh | some f in findings} == {"第 1 个分发（无名称）没有访问地址"}
}
