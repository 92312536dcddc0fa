# METADATA
# title: The same entity has the same attribute values wherever it repeats
# description: >-
#   For each entity the metadata declares (entities: a key such as the ID number, and the
#   attributes that describe it such as name and sex), every repetition of a key carries the
#   same value of each attribute: A of B entities do, X = A/B, and the attribute fails below
#   thresholds.entity_consistency_min (1.0).
# custom:
#   id: QUAL-014
#   title_zh: '同一实体在各处重复出现时属性值一致'
#   remediation_zh: '在源头核对每个实体的记录，使一个标识对应唯一的姓名、性别和出生日期；取值不同要么是录入错误，要么是另一个实体共用了同一键。'
#   standard: GB/T 36344-2018
#   clause: 5 指标说明, indicator 一致性/相同数据一致性
#   basis: 'T: GB/T 36344-2018 TOC (chinesestandard.net GBT36344-2018), 5 指标说明 seen; S: the indicator and X = A/B (two implementations); NF: a sub-clause number'
#   severity: warning
#   indicator: consistency
#   remediation: >-
#     Reconcile the records of each entity at the source so that one ID carries one name, sex
#     and birth date; a differing value is either a typing error or a second entity sharing the
#     key.
package dgcheck.rules.quality.entity_consistency

import data.dgcheck.lib.config
import data.dgcheck.lib.result

measures contains result.measurement(rego.metadata.chain(), concat(":", [concat(",", e.key), e.attribute]), e.entities - e.inconsistent, e.entities) if {
	some e in input.profile.table.entities
}

warning contains finding if {
	some e in input.profile.table.entities
	measure := result.measure(e.entities - e.inconsistent, e.entities)
	measure.x < config.thresholds.entity_consistency_min
	finding := result.finding(rego.metadata.chain(), {
		"column": e.attribute,
		"message": sprintf("%s: %d of %d entities (by %s) carry more than one value (X = %s)", [
			e.attribute, e.inconsistent, e.entities, concat(",", e.key), result.ratio(measure.x),
		]),
		"message_zh": sprintf("%s：按 %s 识别的 %d 个实体中有 %d 个取值不唯一（X = %s）", [
			e.attribute, concat(",", e.key), e.entities, e.inconsistent, result.ratio(measure.x),
		]),
		"measure": measure,
		"evidence": {"key": e.key, "entities": e.entities, "inconsistent": e.inconsistent},
		"samples": e.samples,
	})
}
