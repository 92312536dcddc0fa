package dgcheck.rules.metadata.field_dictionary_test

import data.dgcheck.rules.metadata.field_dictionary

test_fail_column_without_entry if {
	field_dictionary.violation == {{
		"id": "META-016",
		"title": "Every column in the file has a field-dictionary entry, and every entry has a column",
		"area": "metadata",
		"severity": "error",
		"standard": "政务信息资源目录编制指南(试行); ISO/IEC 11179-31:2023; ISO/IEC 11179-3:2013",
		"clause": "编制指南 信息项信息; ISO/IEC 11179-31:2023 scope (data elements, value domains); ISO/IEC 11179-3:2013 (no clause: cited as a whole)",
		"remediation": concat(" ", [
			"Make metadata fields[] list exactly the file's columns, by their header names: add an",
			"entry (name, cn_name, datatype, description) for each undocumented column, remove or",
			"rename entries that name no column, and merge repeated entries of a column into one.",
		]),
		"column": "sfzh",
		"message": "sfzh: the column has no field-dictionary entry (file columns: 2, dictionary fields: 1)",
		"message_zh": "sfzh：该列在字段字典中没有对应的信息项（文件列数：2，字典字段数：1）",
		"evidence": {"columns": 2, "fields": 1},
	}} with input as {
		"dataset": {"columns": ["xm", "sfzh"]},
		"metadata": {"fields": [{"name": "xm"}]},
	}
}

test_fail_entry_without_column if {
	findings := field_dictionary.violation with input as {
		"dataset": {"columns": ["xm"]},
		"metadata": {"fields": [{"name": "xm"}, {"name": "lxdh"}]},
	}
	[f] := [f | some f in findings]
	f.id == "META-016"
	f.column == "lxdh"
	f.message == "lxdh: the field-dictionary entry names no column of the file (file columns: 1, dictionary fields: 2)"
}

test_fail_no_field_dictionary_leaves_every_column_undocumented if {
	findings := field_dictionary.violation with input as {"dataset": {"columns": ["xm", "sfzh", "lxdh"]}, "metadata": {}}
	{f.column | some f in findings} == {"xm", "sfzh", "lxdh"}
	every f in findings {
		f.id == "META-016"
		f.severity == "error"
	}
}

test_success_dictionary_matches_header if {
	count(field_dictionary.violation) == 0 with input as {
		"dataset": {"columns": ["xm", "sfzh"]},
		"metadata": {"fields": [{"name": "sfzh"}, {"name": "xm"}]},
	}
}

test_fail_repeated_entry if {
	findings := field_dictionary.violation with input as {
		"dataset": {"columns": ["xm", "sfzh"]},
		"metadata": {"fields": [{"name": "sfzh", "datatype": "string"}, {"name": "xm"}, {"name": "sfzh", "datatype": "integer"}, {"name": "sfzh"}]},
	}
	[f] := [f | some f in findings]
	f.id == "META-016"
	f.column == "sfzh"
	f.message == "sfzh: the field dictionary has 3 entries for the column (fields[0], fields[2], fields[3]); the first, fields[0], is read and the others are ignored"
	f.message_zh == "sfzh：字段字典中该列有 3 个条目（fields[0], fields[2], fields[3]）；只读取第一个 fields[0]，其余均被忽略"
	f.evidence == {"entries": [0, 2, 3]}
}

test_success_one_entry_per_column if {
	count(field_dictionary.violation) == 0 with input as {
		"dataset": {"columns": ["xm", "sfzh"]},
		"metadata": {"fields": [{"name": "xm"}, {"name": "sfzh"}]},
	}

	# Entries of the wrong type repeat nothing (the metadata schema rejects them at the door).
	count(field_dictionary._repeated) == 0 with input as {
		"dataset": {"columns": ["xm"]},
		"metadata": {"fields": [{"name": "xm"}, 7, 7, {"name": 7}, {"name": 7}]},
	}
}
