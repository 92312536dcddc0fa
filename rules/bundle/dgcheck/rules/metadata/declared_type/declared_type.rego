# METADATA
# title: Declared data type matches the observed type
# description: >-
#   Each field's declared datatype (信息项 data type) is what its values are: at least
#   thresholds.type_conformance_min (0.99, a project default) of the values checked have the
#   type, A of B, X = A/B. Below that the declaration, not a few values, is wrong; QUAL-010
#   reports the values themselves. A datatype that is none of Table Schema's types (string,
#   number, integer, boolean, object, array, date, time, datetime, year, yearmonth, duration,
#   geopoint, geojson, any), such as a misspelt integr, declares nothing that can be checked,
#   and is reported as such.
# custom:
#   id: META-017
#   title_zh: '声明的数据类型与实际类型一致'
#   remediation_zh: '按值的实际类型声明（有前导零的代码用 string，带小数的金额用 number）；如声明正确，则更正数据值。'
#   standard: 政务信息资源目录编制指南(试行); GB/T 36344-2018
#   clause: 编制指南 信息项 数据类型; GB/T 36344-2018 5 指标说明, indicator 规范性/数据模型
#   basis: 'S: 编制指南 fields as a Sichuan catalogue sheet lists them (www.sc.gov.cn, 2018gtzytml sheet004); T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 seen; S: the indicator name (two implementations)'
#   severity: error
#   remediation: >-
#     Declare the type the values have (string for codes with leading zeros, number for
#     amounts with decimals), or correct the values if the declaration is right.
package dgcheck.rules.metadata.declared_type

import data.dgcheck.lib.config
import data.dgcheck.lib.result

violation contains finding if {
	some col in input.profile.columns
	check := col.constraints.type
	measure := result.measure(check.evaluated - check.failed, check.evaluated)
	measure.x < config.thresholds.type_conformance_min
	finding := result.finding(rego.metadata.chain(), {
		"column": col.name,
		"message": sprintf("%s: declared %s, but %d of %d values are not (X = %s)", [
			col.name, check.reference, check.failed, check.evaluated, result.ratio(measure.x),
		]),
		"message_zh": sprintf("%s：声明为 %s，但 %d 个值中有 %d 个不符（X = %s）", [
			col.name, check.reference, check.evaluated, check.failed, result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"declared": check.reference, "observed": col.inferred_type},
		"samples": check.samples,
	})
}

# The types of Frictionless Table Schema, which the sidecar's datatype also takes.
_types := {
	"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime",
	"year", "yearmonth", "duration", "geopoint", "geojson", "any",
}

violation contains finding if {
	some f in _fields
	is_object(f)
	name := object.get(f, "name", "")
	is_string(name)
	declared := object.get(f, "datatype", "")
	is_string(declared)
	declared != ""
	not declared in _types
	finding := result.finding(rego.metadata.chain(), {
		"column": name,
		"message": sprintf("%s: declared %q, which is no Table Schema type (%s), so the column's type is not checked", [
			name, declared, concat(", ", sort(_types)),
		]),
		"message_zh": sprintf("%s：声明的类型 %q 不是 Table Schema 类型（%s），因此未检查该列的类型", [
			name, declared, concat(", ", sort(_types)),
		]),
		"evidence": {"declared": declared},
	})
}

_fields := input.metadata.fields if is_array(input.metadata.fields)

_fields := [] if not is_array(input.metadata.fields)
