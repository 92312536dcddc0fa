package dgcheck.rules.metadata.format_matches_test

import data.dgcheck.rules.metadata.format_matches

test_fail_parquet_declared_as_csv if {
	findings := format_matches.violation with input as {"dataset": {"format": "parquet"}, "metadata": {"format": "CSV"}}
	[f] := [f | some f in findings]
	f.id == "META-015"
	f.message == "the file is parquet but the metadata declares csv"
	f.evidence == {"actual": "parquet", "declared": ["csv"]}
}

test_fail_no_format if {
	findings := format_matches.violation with input as {"dataset": {"format": "csv"}, "metadata": {}}
	[f] := [f | some f in findings]
	f.message == "the metadata declares no format; the file is csv"
}

test_success_format_of_a_distribution if {
	count(format_matches.violation) == 0 with input as {"dataset": {"format": "parquet"}, "metadata": {
		"distributions": [
			{"format": "text/csv"},
			{"format": "http://publications.europa.eu/resource/authority/file-type/PARQUET"},
		],
	}}
}

test_success_a_database_table_is_in_no_file_format if {
	count(format_matches.violation) == 0 with input as {
		"dataset": {"format": "postgresql"},
		"metadata": {"format": "csv"},
	}
}
