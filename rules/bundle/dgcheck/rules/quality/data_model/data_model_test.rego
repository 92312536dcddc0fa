package dgcheck.rules.quality.data_model_test

import data.dgcheck.rules.quality.data_model

_issues := {"count": 2, "samples": [
	{"row": 0, "line": 1, "column": "column_2", "detail": "header field 2 is blank"},
	{"row": 0, "line": 1, "column": "id (column 4)", "detail": "header field 4 repeats the name \"id\" of field 1"},
]}

_clean := {"count": 0, "samples": []}

test_fail_blank_and_repeated_header_names if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id", "column_2", "age", "id (column 4)"]},
		"metadata": {},
		"profile": {"table": {"header_issues": _issues}},
	}
	{[f.column, f.message] | some f in findings} == {
		["column_2", "header (line 1): header field 2 is blank; the column is read as \"column_2\""],
		["id (column 4)", "header (line 1): header field 4 repeats the name \"id\" of field 1; the column is read as \"id (column 4)\""],
	}
	every f in findings {
		f.id == "QUAL-002"
		f.measure == {"a": 2, "b": 4, "x": 0.5}
	}
}

test_fail_no_primary_key if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id"]},
		"metadata": {"fields": [{"name": "id"}]},
		"profile": {"table": {"header_issues": _clean}},
	}
	[f] := [f | some f in findings]
	f.message == "the metadata has a field dictionary but declares no primary key (primary_key)"
	f.measure == {"a": 0, "b": 1, "x": 0}
}

test_fail_primary_key_without_its_column if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id"]},
		"metadata": {"fields": [{"name": "id"}], "primary_key": ["household_id"]},
		"profile": {"table": {"header_issues": _clean}},
	}
	[f] := [f | some f in findings]
	f.column == "household_id"
	data_model.measures == {
		{"id": "QUAL-002", "indicator": "normativity", "element": "header", "a": 1, "b": 1},
		{"id": "QUAL-002", "indicator": "normativity", "element": "primary_key", "a": 0, "b": 1},
	} with input as {
		"dataset": {"columns": ["id"]},
		"metadata": {"fields": [{"name": "id"}], "primary_key": ["household_id"]},
		"profile": {"table": {"header_issues": _clean}},
	}
}

test_success_well_formed_and_keyed if {
	count(data_model.violation) == 0 with input as {
		"dataset": {"columns": ["id", "age"]},
		"metadata": {"fields": [{"name": "id"}, {"name": "age"}], "primary_key": ["id"]},
		"profile": {"table": {"header_issues": _clean}},
	}
}
