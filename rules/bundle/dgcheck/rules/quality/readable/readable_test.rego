package dgcheck.rules.quality.readable_test

import data.dgcheck.rules.quality.readable

_clean := {"count": 0, "samples": null}

_ragged := {"count": 2, "samples": [
	{"row": 17, "line": 18, "detail": "6 fields, header has 5", "detail_zh": "6 个字段，表头有 5 个"},
	{"row": 40, "line": 41, "detail": "4 fields, header has 5", "detail_zh": "4 个字段，表头有 5 个"},
]}

_undecodable := {"count": 1, "samples": [{"row": 3, "line": 4, "column": "xm", "detail": "invalid UTF-8 at byte offset 2"}]}

test_fail_ragged_rows if {
	readable.violation == {{
		"id": "QUAL-019",
		"title": "Distribution is readable: file opens, encoding decodes as declared (UTF-8 or GB18030), CSV dialect parses",
		"area": "quality",
		"severity": "error",
		"standard": "GB/T 36344-2018",
		"clause": "5 指标说明, indicator 可访问性/可访问",
		"remediation": concat(" ", [
			"Re-export the file with one encoding throughout (UTF-8, or GB18030 declared as such) and a",
			"consistent CSV dialect: every row with the header's number of fields, fields holding the",
			"delimiter or a line break quoted.",
		]),
		"message": "2 of 2000 rows have a different number of fields from the header; first at row 17: 6 fields, header has 5 (X = 0.9990)",
		"message_zh": "2000 行中有 2 行字段数与表头不一致；首次出现在第 17 行：6 个字段，表头有 5 个（X = 0.9990）",
		"measure": {"a": 1998, "b": 2000, "x": 0.999},
		"evidence": {"encoding": "utf-8", "ragged_rows": 2, "issues": _ragged.samples},
		"samples": [{"row": 17}, {"row": 40}],
	}} with input as {
		"dataset": {"encoding": "utf-8"},
		"profile": {"table": {"rows": 2000, "ragged_rows": _ragged, "undecodable_rows": _clean}},
	}
}

test_fail_undecodable_and_ragged_rows_are_two_findings if {
	findings := readable.violation with input as {
		"dataset": {"encoding": "utf-8"},
		"profile": {"table": {"rows": 10, "ragged_rows": _ragged, "undecodable_rows": _undecodable}},
	}
	{[f.id, f.measure.a, f.evidence.encoding] | some f in findings} == {["QUAL-019", 8, "utf-8"], ["QUAL-019", 9, "utf-8"]}
	some f in findings
	f.message == "1 of 10 rows hold bytes that do not decode as utf-8; first at row 3: invalid UTF-8 at byte offset 2 (X = 0.9000)"
	f.samples == [{"row": 3}]

	# A profile whose issue gives no Chinese detail is quoted in English rather than not at all.
	f.message_zh == "10 行中有 1 行含有无法按 utf-8 解码的字节；首次出现在第 3 行：invalid UTF-8 at byte offset 2（X = 0.9000）"
}

test_success_clean_read if {
	count(readable.violation) == 0 with input as {
		"dataset": {"encoding": "gb18030"},
		"profile": {"table": {"rows": 2000, "ragged_rows": _clean, "undecodable_rows": _clean}},
	}
}

test_success_measures_both_reading_problems if {
	readable.measures == {
		{"id": "QUAL-019", "indicator": "accessibility", "element": "ragged_rows", "a": 8, "b": 10},
		{"id": "QUAL-019", "indicator": "accessibility", "element": "undecodable_rows", "a": 9, "b": 10},
	} with input as {"profile": {"table": {"rows": 10, "ragged_rows": _ragged, "undecodable_rows": _undecodable}}}
}

_bare_quote := {"count": 1, "samples": [{"row": 5, "line": 6, "column": "lat", "detail": "a \" inside unquoted field 2 (byte 14 of the line), read as a character"}]}

_nul := {"count": 2, "samples": [{"row": 1, "line": 2, "column": "name", "detail": "a NUL byte in field 2"}, {"row": 9, "line": 10, "column": "name", "detail": "a NUL byte in field 2"}]}

_blank := {"count": 3, "samples": [
	{"row": 2, "line": 3, "detail": "line 3 is blank (before row 2)"},
	{"row": 2, "line": 4, "detail": "line 4 is blank (before row 2)"},
	{"row": 7, "line": 9, "detail": "every field is empty"},
]}

test_fail_bare_quote_rows if {
	findings := readable.violation with input as {
		"dataset": {"encoding": "utf-8"},
		"profile": {"table": {"rows": 10, "ragged_rows": _clean, "undecodable_rows": _clean, "bare_quote_rows": _bare_quote}},
	}
	[f.message | some f in findings] == ["1 of 10 rows have a quote inside an unquoted field or after a closing quote, read as a character; first at row 5: a \" inside unquoted field 2 (byte 14 of the line), read as a character (X = 0.9000)"]
	[[f.id, f.measure, f.samples, f.evidence.bare_quote_rows] | some f in findings] == [["QUAL-019", {"a": 9, "b": 10, "x": 0.9}, [{"row": 5}], 1]]
}

test_fail_nul_rows if {
	findings := readable.violation with input as {
		"dataset": {"encoding": "utf-8"},
		"profile": {"table": {"rows": 10, "ragged_rows": _clean, "undecodable_rows": _clean, "nul_rows": _nul}},
	}
	[[f.message, f.samples] | some f in findings] == [[
		"2 of 10 rows hold a NUL byte; first at row 1: a NUL byte in field 2 (X = 0.8000)",
		[{"row": 1}, {"row": 9}],
	]]
}

test_fail_blank_rows_measured_against_rows_read_and_blank if {
	findings := readable.violation with input as {
		"dataset": {"encoding": "gb18030"},
		"profile": {"table": {"rows": 7, "ragged_rows": _clean, "undecodable_rows": _clean, "blank_rows": _blank}},
	}
	[[f.message, f.measure, f.evidence.blank_rows] | some f in findings] == [[
		"3 blank rows among 7 rows; first at row 2: line 3 is blank (before row 2) (X = 0.7000)",
		{"a": 7, "b": 10, "x": 0.7},
		3,
	]]
}

test_success_measures_every_reading_problem_present if {
	readable.measures == {
		{"id": "QUAL-019", "indicator": "accessibility", "element": "ragged_rows", "a": 10, "b": 10},
		{"id": "QUAL-019", "indicator": "accessibility", "element": "undecodable_rows", "a": 10, "b": 10},
		{"id": "QUAL-019", "indicator": "accessibility", "element": "bare_quote_rows", "a": 9, "b": 10},
		{"id": "QUAL-019", "indicator": "accessibility", "element": "nul_rows", "a": 8, "b": 10},
		{"id": "QUAL-019", "indicator": "accessibility", "element": "blank_rows", "a": 10, "b": 13},
	} with input as {"profile": {"table": {
		"rows": 10, "ragged_rows": _clean, "undecodable_rows": _clean,
		"bare_quote_rows": _bare_quote, "nul_rows": _nul, "blank_rows": _blank,
	}}}
}
