package dgcheck.rules.quality.duplicate_rows_test

import data.dgcheck.rules.quality.duplicate_rows

test_fail_repeated_rows if {
	duplicate_rows.warning == {{
		"id": "QUAL-011",
		"title": "Unintended duplicate records are absent",
		"area": "quality",
		"severity": "warning",
		"standard": "GB/T 36344-2018",
		"clause": "5 指标说明, indicator 准确性/数据重复率",
		"remediation": concat(" ", [
			"Remove the repeated rows, or, if the repeats are real, add the column that tells them apart",
			"(a time stamp or sequence number).",
		]),
		"message": "2 of 2000 rows repeat an earlier row exactly (X = 0.9990)",
		"message_zh": "2000 行中有 2 行与前面某一行完全重复（X = 0.9990）",
		"measure": {"a": 1998, "b": 2000, "x": 0.999},
		"evidence": {
			"duplicate_rows": 2,
			"first_rows": [{"row": 41, "first_row": 40}, {"row": 1500, "first_row": 3}],
		},
		"samples": [{"row": 41}, {"row": 1500}],
	}} with input as {"profile": {"table": {
		"rows": 2000,
		"duplicate_rows": {"count": 2, "samples": [{"row": 41, "first_row": 40}, {"row": 1500, "first_row": 3}]},
	}}}
}

test_fail_every_row_repeated_once if {
	findings := duplicate_rows.warning with input as {"profile": {"table": {
		"rows": 4,
		"duplicate_rows": {"count": 2, "samples": [{"row": 3, "first_row": 1}, {"row": 4, "first_row": 2}]},
	}}}
	[f] := [f | some f in findings]
	f.severity == "warning"
	f.measure == {"a": 2, "b": 4, "x": 0.5}
}

test_success_no_repeats if {
	count(duplicate_rows.warning) == 0 with input as {"profile": {"table": {
		"rows": 2000,
		"duplicate_rows": {"count": 0, "samples": null},
	}}}
}

test_success_measures_rows_without_repeats if {
	duplicate_rows.measures == {{"id": "QUAL-011", "indicator": "accuracy", "element": "rows", "a": 1998, "b": 2000}} with input as {
		"profile": {"table": {"rows": 2000, "duplicate_rows": {"count": 2, "samples": []}}},
	}
}
