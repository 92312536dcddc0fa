# METADATA
# title: Every column in the file has a field-dictionary entry, and every entry has a column
# description: >-
#   The field dictionary (信息项, metadata fields[]) and the file's header name the same
#   columns. A column without an entry is undocumented; an entry without a column documents
#   something the file does not hold. No field dictionary at all leaves every column
#   undocumented. A column has one entry: of several entries of one name the first is read
#   (by dgcheck and by every rule) and the others are reported, since what they declare is
#   silently not what is checked.
# custom:
#   id: META-016
#   title_zh: '文件的每一列都有信息项，每个信息项都对应一列'
#   remediation_zh: '使元数据 fields[] 与文件表头列名一一对应：为未说明的列补充信息项（name、cn_name、datatype、description），删除或更正不对应任何列的信息项，将同一列的重复信息项合并为一项。'
#   standard: 政务信息资源目录编制指南(试行); ISO/IEC 11179-31:2023; ISO/IEC 11179-3:2013
#   clause: '编制指南 信息项信息; ISO/IEC 11179-31:2023 scope (data elements, value domains); ISO/IEC 11179-3:2013 (no clause: cited as a whole)'
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004); T: ISO/IEC 11179-31:2023 scope (standards.iteh.ai); NF: an ISO/IEC 11179-3:2013 clause'
#   severity: error
#   remediation: >-
#     Make metadata fields[] list exactly the file's columns, by their header names: add an
#     entry (name, cn_name, datatype, description) for each undocumented column, remove or
#     rename entries that name no column, and merge repeated entries of a column into one.
package dgcheck.rules.metadata.field_dictionary

import data.dgcheck.lib.result

_columns := {name | some name in input.dataset.columns}

# Names that are not strings name no column; the metadata reader reports them.
_fields := {field.name | some field in input.metadata.fields; is_string(field.name)}

violation contains finding if {
	some column in _columns
	not column in _fields
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf(
			"%s: the column has no field-dictionary entry (file columns: %d, dictionary fields: %d)",
			[column, count(_columns), count(_fields)],
		),
		"message_zh": sprintf(
			"%s：该列在字段字典中没有对应的信息项（文件列数：%d，字典字段数：%d）",
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
		"message_zh": sprintf(
			"%s：字段字典中的该信息项不对应文件中的任何列（文件列数：%d，字典字段数：%d）",
			[field, count(_columns), count(_fields)],
		),
		"evidence": _evidence,
	})
}

_evidence := {"columns": count(_columns), "fields": count(_fields)}

# Entries per name, in dictionary order, where a name has more than one.
_repeated[name] := indexes if {
	some field in input.metadata.fields
	name := field.name
	is_string(name)
	indexes := [i | some i, other in input.metadata.fields; other.name == name]
	count(indexes) > 1
}

violation contains finding if {
	some name, indexes in _repeated
	finding := result.finding(rego.metadata.chain(), {
		"column": name,
		"message": sprintf(
			"%s: the field dictionary has %d entries for the column (fields[%s]); the first, fields[%d], is read and the others are ignored",
			[name, count(indexes), concat("], fields[", [sprintf("%d", [i]) | some i in indexes]), indexes[0]],
		),
		"message_zh": sprintf(
			"%s：字段字典中该列有 %d 个条目（fields[%s]）；只读取第一个 fields[%d]，其余均被忽略",
			[name, count(indexes), concat("], fields[", [sprintf("%d", [i]) | some i in indexes]), indexes[0]],
		),
		"evidence": {"entries": indexes},
	})
}
