package dgcheck.rules.quality.data_model_test

import data.dgcheck.rules.quality.data_model

_issues := {"count": 2, "samples": [
	{"row": 0, "line": 1, "column": "column_2", "detail": "header field 2 is blank"},
	{"row": 0, "line": 1, "column": "id (column 4)", "detail": "header field 4 repeats the name \"id\" of field 1"},
]}

_clean := {"count": 0, "samples": []}

test_fail_repeated_name_in_a_parquet_schema if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id", "id (column 2)"]},
		"metadata": {},
		"profile": {"table": {"header_issues": {"count": 1, "samples": [{"row": 0, "line": 0, "column": "id (column 2)", "detail": "schema field 2 repeats the name \"id\" of field 1"}]}}},
	}
	{f.message | some f in findings} == {"schema: schema field 2 repeats the name \"id\" of field 1; the column is read as \"id (column 2)\""}
}

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

_references := {
	"fields": [{"name": "id"}, {"name": "pid", "masking": {"pseudonym_of": "sfz"}}],
	"primary_key": ["id"],
	"deidentification": {"qi_columns": ["sex", "communty"], "sensitive_columns": ["illness"]},
	"foreign_keys": [{"fields": ["street_code"], "reference": {"fields": ["code"]}}],
	"business_rules": [{"name": "r", "column": "amount", "op": ">", "other": "floor"}],
	"consistency": [{"column": "sex", "from": "sfzh", "derivation": "cn_id_sex"}],
	"temporal_order": [["born", "id"]],
	"entities": [{"key": ["id"], "attributes": ["nmae"]}],
	"time_field": "start",
	"pi": {"subject_key": "person"},
}

test_fail_metadata_names_columns_the_file_lacks if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id", "pid", "sex"]},
		"metadata": _references,
		"profile": {"table": {"header_issues": _clean, "reidentification": {"quasi_identifiers": ["sex"]}}},
	}
	{[f.column, f.message] | some f in findings} == {
		["communty", "deidentification.qi_columns names communty, which the file does not have; k-anonymity and uniqueness are measured over sex only"],
		["illness", "deidentification.sensitive_columns names illness, which the file does not have"],
		["street_code", "foreign_keys[0].fields names street_code, which the file does not have"],
		["amount", "business_rules[0].column names amount, which the file does not have"],
		["floor", "business_rules[0].other names floor, which the file does not have"],
		["sfzh", "consistency[0].from names sfzh, which the file does not have"],
		["born", "temporal_order[0] names born, which the file does not have"],
		["nmae", "entities[0].attributes names nmae, which the file does not have"],
		["start", "time_field names start, which the file does not have"],
		["person", "pi.subject_key names person, which the file does not have"],
		["sfz", "fields[1].masking.pseudonym_of names sfz, which the file does not have"],
	}
	every f in findings {
		f.id == "QUAL-002"
		f.evidence.missing == f.column
	}
}

test_fail_no_quasi_identifier_in_the_file if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id", "sex"]},
		"metadata": {"deidentification": {"qi_columns": ["sexx"]}},
		"profile": {"table": {"header_issues": _clean}},
	}
	[f] := [f | some f in findings]
	f.message == "deidentification.qi_columns names sexx, which the file does not have; no quasi-identifier it names is in the file, so re-identification risk is not measured"
	f.message_zh == "deidentification.qi_columns 指定了列 sexx，但文件中没有该列；其指定的准标识符均不在文件中，因此未评估重标识风险"
	f.evidence == {"key": "deidentification.qi_columns", "missing": "sexx"}
}

test_success_every_named_column_exists if {
	count(data_model.violation) == 0 with input as {
		"dataset": {"columns": ["id", "pid", "sex", "communty", "illness", "street_code", "amount", "floor", "sfzh", "born", "nmae", "start", "person", "sfz"]},
		"metadata": _references,
		"profile": {"table": {"header_issues": _clean}},
	}
}

test_success_references_of_the_wrong_type_name_nothing if {
	count(data_model.violation) == 0 with input as {
		"dataset": {"columns": ["id"]},
		"metadata": {
			"deidentification": {"qi_columns": "sex", "sensitive_columns": 5},
			"foreign_keys": "x", "business_rules": [7], "temporal_order": [3], "entities": {"key": 1},
			"time_field": 9, "pi": "yes", "fields": [{"name": "id", "masking": "x"}], "primary_key": ["id"],
		},
		"profile": {"table": {"header_issues": _clean}},
	}
}

# Primary-key entries that are not strings name no column: no finding has them as its column.
test_success_primary_key_entries_of_the_wrong_type if {
	findings := data_model.violation with input as {"dataset": {"columns": ["a"]}, "metadata": {"fields": [{"name": "a"}], "primary_key": ["a", 5, ["a"], {"a": 1}, true]}}
	every f in findings {
		is_string(object.get(f, "column", ""))
	}
}

test_fail_empty_file if {
	findings := data_model.violation with input as {
		"dataset": {"format": "csv", "columns": []},
		"metadata": {},
		"profile": {"table": {"header_issues": {"count": 0, "samples": []}}},
	}
	[f] := [f | some f in findings]
	f.message == "the file has no header row and no data: there are no columns to check"
	f.measure == {"a": 0, "b": 1, "x": 0}
}

test_fail_malformed_foreign_keys if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id", "amount"]},
		"metadata": {"primary_key": ["id"], "foreign_keys": [
			{"fields": ["id"], "reference": {"fields": ["id"]}},
			{"fields": ["amount"], "reference": {"fields": []}},
			{"fields": [], "reference": {"fields": []}},
		]},
		"profile": {"table": {"header_issues": _clean}},
	}
	{f.message | some f in findings} == {
		"foreign_keys[1]: fields [amount] reference []; a foreign key references one field for each of its own, so it is not checked",
		"foreign_keys[2]: fields [] reference []; a foreign key references one field for each of its own, so it is not checked",
	}
}

test_success_well_formed_foreign_key if {
	findings := data_model.violation with input as {
		"dataset": {"columns": ["id", "parent"]},
		"metadata": {"primary_key": ["id"], "foreign_keys": [{"fields": ["parent"], "reference": {"fields": ["id"]}}]},
		"profile": {"table": {"header_issues": _clean}},
	}
	count(findings) == 0
}

test_fail_a_referenced_file_outside_the_walls if {
	findings := data_model.violation with input as {
		"dataset": {"format": "csv", "columns": ["id"], "refused": [
			{"key": "foreign_keys[0].reference.path", "line": 7, "path": "../outside/secret.csv", "root": "/data/roll"},
			{"key": "describedBy", "path": "/etc/dictionary.json", "root": "/data/roll"},
		]},
		"metadata": {},
		"profile": {"table": {"header_issues": {"count": 0, "samples": []}}},
	}
	{f.message | some f in findings} == {
		"foreign_keys[0].reference.path (line 7) names ../outside/secret.csv, outside /data/roll, the folder this check may read in: it was not read (--read-within or --allow-outside reads it)",
		"describedBy names /etc/dictionary.json, outside /data/roll, the folder this check may read in: it was not read (--read-within or --allow-outside reads it)",
	}
	some f in findings
	f.evidence == {"key": "foreign_keys[0].reference.path", "line": 7, "path": "../outside/secret.csv", "root": "/data/roll"}
	f.message_zh == "foreign_keys[0].reference.path（第 7 行）指向 ../outside/secret.csv，位于本次检查可读取的目录 /data/roll 之外：未读取（--read-within 或 --allow-outside 可读取）"
	f.severity == "error"
}

test_success_nothing_refused if {
	count(data_model.violation) == 0 with input as {
		"dataset": {"format": "csv", "columns": ["id"], "refused": []},
		"metadata": {},
		"profile": {"table": {"header_issues": {"count": 0, "samples": []}}},
	}
}
