# METADATA
# title: Dataset grade is no lower than its most sensitive column
# description: >-
#   Take the higher grade when in doubt (就高从严): the level the dataset declares is no lower
#   than the grade of its most sensitive column, whether that grade comes from what the column
#   classifier found in its values (the grading model's level for the detected type, lower for
#   a masked column), from the column's name (health, credential, ...), or from the field's
#   own declared level; nor lower than the level combinations of quasi-identifiers raise it
#   to.
# custom:
#   id: CLASS-004
#   title_zh: '数据集级别不低于其最敏感列的级别'
#   remediation_zh: '将数据集声明的级别（classification.level、general_sublevel）提高到最敏感列的级别，或删除或屏蔽该列（屏蔽后的列级别较低）。'
#   standard: GB/T 43697-2024
#   clause: '4 (principles: 就高从严); 6.6'
#   basis: 'T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), 4 基本原则 and 6.6 seen; S: 就高从严 in a summary (eahome.com.cn/8122.html)'
#   severity: error
#   remediation: >-
#     Raise the dataset's declared level (classification.level, general_sublevel) to the most
#     sensitive column's, or remove or mask that column (a masked column grades lower).
package dgcheck.rules.classification.level_not_below_columns

import data.dgcheck.lib.grading
import data.dgcheck.lib.result

_declared := grading.rank(grading.declared_level)

violation contains finding if {
	[name, g] := grading.most_sensitive
	grading.rank(g.level) > _declared
	finding := result.finding(rego.metadata.chain(), {
		"column": name,
		"message": sprintf(
			"the dataset is graded %s, below its column %s, whose %s grade %s under %s",
			[grading.declared_level, name, _what(g), g.level, grading.model_name],
		),
		"message_zh": sprintf(
			"数据集级别为 %s，低于其列 %s 的级别：按 %s 分级，%s定为 %s",
			[grading.declared_level, name, grading.model_name, _what_zh(g), g.level],
		),
		"evidence": {"declared_level": grading.declared_level, "column_level": g.level, "type": g.type, "source": g.source, "model": grading.model_name},
	})
}

_what(g) := sprintf("%s %s values", [g.form, g.type]) if g.source == "values"

_what(g) := sprintf("name (%s)", [g.type]) if g.source == "name"

_what_zh(g) := sprintf("该列的%s %s 值", [object.get(_form_zh, g.form, g.form), g.type]) if g.source == "values"

_what_zh(g) := sprintf("该列的列名（%s）", [g.type]) if g.source == "name"

_form_zh := {"raw": "原始", "masked": "屏蔽后", "mixed": "部分屏蔽"}

violation contains finding if {
	some f in input.metadata.fields
	level := grading.field_level(f.level)
	grading.rank(level) > _declared
	finding := result.finding(rego.metadata.chain(), {
		"column": f.name,
		"message": sprintf("the dataset is graded %s, below the level %s its field %s declares", [grading.declared_level, level, f.name]),
		"message_zh": sprintf("数据集级别为 %s，低于其字段 %s 声明的级别 %s", [grading.declared_level, f.name, level]),
		"evidence": {"declared_level": grading.declared_level, "field_level": level},
	})
}

violation contains finding if {
	grading.raised
	[_, g] := grading.most_sensitive
	grading.rank(g.level) <= _declared
	grading.rank(grading.suggested_level) > _declared
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf(
			"the dataset is graded %s, but its quasi-identifiers together (%s) raise it to %s",
			[grading.declared_level, concat(", ", sort(grading.quasi_types)), grading.suggested_level],
		),
		"message_zh": sprintf(
			"数据集级别为 %s，但其准标识符组合（%s）使其级别升至 %s",
			[grading.declared_level, concat(", ", sort(grading.quasi_types)), grading.suggested_level],
		),
		"evidence": {"declared_level": grading.declared_level, "suggested_level": grading.suggested_level, "quasi_identifiers": sort(grading.quasi_types)},
	})
}
