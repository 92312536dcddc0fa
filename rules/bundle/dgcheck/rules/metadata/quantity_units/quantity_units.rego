# METADATA
# title: Numeric quantity fields declare a unit
# description: >-
#   A field declared a quantity (semantic_type: quantity) says its unit of measure (ISO/IEC
#   11179 unit of measure): 780 means nothing until it is 780 元 a month or 780 kWh.
# custom:
#   id: META-019
#   title_zh: '数值型数量字段声明计量单位'
#   remediation_zh: '为字段添加单位：`unit: 元`、`unit: 人`、`unit: m²`。'
#   standard: ISO/IEC 11179-31:2023
#   clause: scope (a) (units of measure)
#   basis: 'T: ISO/IEC 11179-31:2023 scope (standards.iteh.ai); NF: a clause number'
#   severity: warning
#   remediation: >-
#     Add the unit to the field: `unit: 元`, `unit: 人`, `unit: m²`.
package dgcheck.rules.metadata.quantity_units

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	some field in input.metadata.fields
	field.semantic_type == "quantity"
	not meta.present(object.get(field, "unit", ""))
	finding := result.finding(rego.metadata.chain(), {
		"column": field.name,
		"message": sprintf("%s: a quantity without a unit", [field.name]),
		"message_zh": sprintf("%s：数量字段未声明计量单位", [field.name]),
	})
}
