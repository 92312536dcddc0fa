# METADATA
# title: Derived data declares its sources; a grade below a source's is justified
# description: >-
#   Derived data (GB/T 43697-2024 Annex I) declares its sources with their grades
#   (lineage.sources[].level); when a source is graded above the dataset, the dataset says why
#   its grade is lower (lineage.justification: aggregation, anonymisation, ...).
# custom:
#   id: CLASS-011
#   title_zh: '衍生数据声明其来源；级别低于来源数据的须说明理由'
#   remediation_zh: '在 lineage.justification 中记录衍生加工如何降低了敏感程度（汇聚层级、匿名化方法及其评估），或按来源数据的级别定级。'
#   standard: GB/T 43697-2024
#   clause: Annex I 衍生数据分级参考
#   basis: 'T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), Annex I seen; NF: its content'
#   severity: info
#   remediation: >-
#     Record in lineage.justification how the derivation lowered the sensitivity (aggregation
#     level, anonymisation method and its evaluation), or grade the dataset as its source.
package dgcheck.rules.classification.derived_lineage

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

warning contains finding if {
	declared := grading.rank(grading.declared_level)
	some source in input.metadata.lineage.sources
	level := grading.field_level(source.level)
	grading.rank(level) > declared
	object.get(input.metadata.lineage, "justification", null) in {null, ""}
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("source %s is graded %s, above the dataset's %s, and lineage.justification does not say why", [object.get(source, "name", "?"), level, grading.declared_level]),
		"message_zh": sprintf("来源数据 %s 的级别为 %s，高于本数据集的 %s，但 lineage.justification 未说明理由", [object.get(source, "name", "?"), level, grading.declared_level]),
		"evidence": {"source": source, "declared_level": grading.declared_level},
	})
}
