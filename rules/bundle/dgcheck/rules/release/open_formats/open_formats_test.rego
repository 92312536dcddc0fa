package dgcheck.rules.release.open_formats_test

import data.dgcheck.rules.release.open_formats

test_fail_spreadsheet_and_undeclared_encoding if {
	findings := open_formats.warning with input as {
		"dataset": {"format": "csv"},
		"metadata": {"cn": {"open_type": "无条件开放"}, "distributions": [{"format": "csv"}, {"format": "XLSX"}]},
	}
	{f.message | some f in findings} == {
		"open data in a format that is not open: xlsx",
		"open CSV data does not declare its encoding",
	}
}

test_success_open_formats if {
	count(open_formats.warning) == 0 with input as {
		"dataset": {"format": "csv"},
		"metadata": {"cn": {"open_type": "无条件开放"}, "encoding": "utf-8", "distributions": [{"format": "csv"}, {"format": "parquet"}]},
	}
}
