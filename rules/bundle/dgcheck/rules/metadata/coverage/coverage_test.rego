package dgcheck.rules.metadata.coverage_test

import data.dgcheck.rules.metadata.coverage

test_fail_open_ended_period_and_no_area if {
	findings := coverage.warning with input as {"metadata": {"temporal": {"start": "2015-01-01"}}}
	{f.message | some f in findings} == {
		"the metadata does not declare the spatial coverage",
		"the metadata does not declare the temporal coverage's end",
	}
}

test_fail_nothing_declared if {
	findings := coverage.warning with input as {"metadata": {}}
	{f.message | some f in findings} == {
		"the metadata does not declare the spatial coverage",
		"the metadata does not declare the temporal coverage's start or end",
	}
}

test_success_both_declared if {
	count(coverage.warning) == 0 with input as {"metadata": {"spatial": "CN-42", "temporal": {"start": "2015-01-01", "end": "2025-06-30"}}}
}
