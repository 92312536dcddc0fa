# METADATA
# title: Column names and descriptions are documented in the declared language; code values are explained
# description: >-
#   A reader can understand every column: each field-dictionary entry gives its Chinese name
#   (cn_name, 中文信息项名) beside the header name, and each field restricted to a list of codes
#   (constraints.enum) says what they mean, by a code list or a value domain. A of B fields are
#   documented, X = A/B, target 1.
# custom:
#   id: QUAL-022
#   title_zh: '列名和说明以声明的语言记录；代码值有解释'
#   remediation_zh: '为每个字段给出 cn_name，并解释代码值：`code_list: GB/T 2261.1` 或 `value_domain: 1 在保，2 停保`。'
#   standard: ISO/IEC 25012:2008; GB/T 36344-2018
#   clause: ISO/IEC 25012:2008 understandability characteristic; GB/T 36344-2018 5 指标说明, indicator 规范性/元数据
#   basis: 'T: ISO/IEC 25012:2008 abstract, 15 characteristics (standards.iteh.ai); S: their names (JDA-DM/GIF guidebook); NF: a clause number; T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: info
#   remediation: >-
#     Give every field a cn_name, and explain coded values: `code_list: GB/T 2261.1`, or
#     `value_domain: 1 在保，2 停保`.
package dgcheck.rules.quality.understandability

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	# Entries that are not objects are the metadata reader's to report, not fields here.
	fields := [f | some f in input.metadata.fields; is_object(f)]
	unnamed := [sprintf("%v", [f.name]) | some f in fields; not meta.present(object.get(f, "cn_name", ""))]
	count(unnamed) > 0
	measure := result.measure(count(fields) - count(unnamed), count(fields))
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%d of %d fields have no Chinese name (cn_name): %s (X = %s)", [
			count(unnamed), count(fields), concat(", ", unnamed), result.ratio(measure.x),
		]),
		"message_zh": sprintf("%d 个字段中有 %d 个没有中文名称（cn_name）：%s（X = %s）", [
			count(fields), count(unnamed), concat("、", unnamed), result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"fields": unnamed},
	})
}

warning contains finding if {
	coded := [f | some f in input.metadata.fields; is_object(f); meta.size(object.get(f, ["constraints", "enum"], [])) > 0]
	unexplained := [sprintf("%v", [f.name]) | some f in coded; not _explained(f)]
	count(unexplained) > 0
	measure := result.measure(count(coded) - count(unexplained), count(coded))
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("%d of %d coded fields do not explain their codes (code_list or value_domain): %s (X = %s)", [
			count(unexplained), count(coded), concat(", ", unexplained), result.ratio(measure.x),
		]),
		"message_zh": sprintf("%d 个编码字段中有 %d 个未解释其代码值（code_list 或 value_domain）：%s（X = %s）", [
			count(coded), count(unexplained), concat("、", unexplained), result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"fields": unexplained},
	})
}

_explained(f) if meta.present(object.get(f, "code_list", ""))

_explained(f) if meta.present(object.get(f, "value_domain", ""))
