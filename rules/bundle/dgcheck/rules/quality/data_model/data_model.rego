# METADATA
# title: 'File structure matches the declared model: columns, types, primary key, nullability'
# description: >-
#   The file's structure is the model the metadata declares: every header field has a name of
#   its own (a blank or repeated name is reported with the header line and field, and the
#   column is measured under the name dgcheck gave it), and a dataset with a field dictionary
#   declares the primary key that identifies its rows, naming columns the file has. A of B
#   header fields are well formed, X = A/B. Columns against the dictionary are META-016's,
#   types META-017's.
# custom:
#   id: QUAL-002
#   title_zh: '文件结构与声明的模型一致：列、类型、主键、是否可空'
#   remediation_zh: '为每一列提供唯一且非空的表头名称；以其值能标识一行的列声明 primary_key。'
#   standard: GB/T 36344-2018
#   clause: 规范性/数据模型 (indicator; sub-clause number unknown)
#   severity: error
#   indicator: normativity
#   remediation: >-
#     Give every column a unique, non-blank header name; declare primary_key with the columns
#     whose values identify a row.
# schemas:
#   - input: schema.dgcheck.input
package dgcheck.rules.quality.data_model

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

_columns := count(input.dataset.columns)

measures contains result.measurement(rego.metadata.chain(), "header", _columns - input.profile.table.header_issues.count, _columns)

measures contains result.measurement(rego.metadata.chain(), "primary_key", _keyed, 1) if meta.given(["fields"])

violation contains finding if {
	some issue in input.profile.table.header_issues.samples
	finding := result.finding(rego.metadata.chain(), {
		"column": issue.column,
		"message": sprintf("header (line %d): %s; the column is read as %q", [issue.line, issue.detail, issue.column]),
		"measure": result.measure(_columns - input.profile.table.header_issues.count, _columns),
		"evidence": {"line": issue.line, "detail": issue.detail},
	})
}

violation contains result.finding(rego.metadata.chain(), {
	"message": "the metadata has a field dictionary but declares no primary key (primary_key)",
	"measure": result.measure(0, 1),
}) if {
	meta.given(["fields"])
	not meta.given(["primary_key"])
}

violation contains finding if {
	some column in input.metadata.primary_key
	not column in input.dataset.columns
	finding := result.finding(rego.metadata.chain(), {
		"column": column,
		"message": sprintf("the primary key names %s, which the file does not have", [column]),
		"measure": result.measure(0, 1),
	})
}

default _keyed := 0

_keyed := 1 if {
	meta.given(["primary_key"])
	every column in input.metadata.primary_key {
		column in input.dataset.columns
	}
}
