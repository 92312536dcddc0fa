# METADATA
# title: Every column in the file has a field-dictionary entry, and every entry has a column
# description: >-
#   The field dictionary (信息项, metadata fields[]) and the file's header name the same
#   columns. A column without an entry is undocumented; an entry without a column documents
#   something the file does not hold. No field dictionary at all leaves every column
#   undocumented.
# custom:
#   id: META-016
#   title_zh: '文件的每一列都有信息项，每个信息项都对应一列'
#   remediation_zh: '使元数据 fields[] 与文件表头列名一一对应：为未说明的列补充信息项（name、cn_name、datatype、description），删除或更正不对应任何列的信息项。'
#   standard: 政务信息资源目录编制指南(试行); ISO/IEC 11179-3
#   clause: 编制指南 信息项信息; ISO/IEC 11179-3 clause unknown
#   severity: error
#   remediation: >-
#     Make metadata fields[] list exactly the file's columns, by their header names: add an
#     entry (name, cn_name, datatype, description) for each undocumented column and remove or
#     rename entries that name no column.
# schemas:
#   - input: schema.dgcheck.input
package dgcheck.rules.metadata.field_dictionary

import data.dgcheck.lib.result

_columns := {name | some name in input.dataset.columns}

_fields := {field.name | some field in input.metadata.fields}

violation contains finding if {
	some column in _columns
	not column in _fields
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf(
			"%s: the column has no field-dictionary entry (file columns: %d, dictionary fields: %d)",
			[column, count(_columns), count(_fields)],
		),
		"evidence": _evidence,
	})
}

violation contains finding if {
	some field in _fields
	not field in _columns
	finding := result.finding(rego.metadata.chain(), {
		"column": field,
		"message": sprintf(
			"%s: the field-dictionary entry names no column of the file (file columns: %d, dictionary fields: %d)",
			[field, count(_columns), count(_fields)],
		),
		"evidence": _evidence,
	})
}

_evidence := {"columns": count(_columns), "fields": count(_fields)}
