# METADATA
# title: 'Dataset declares a category: sector plus business attribute'
# description: >-
#   The metadata classifies the dataset under GB/T 43697-2024 5.1-5.2: its sector
#   (classification.sector) and its path of business attributes
#   (classification.category_path).
# custom:
#   id: CLASS-002
#   title_zh: '数据集声明数据分类：行业领域加业务属性'
#   remediation_zh: '声明 classification.sector（民政、交通运输、金融等）和 classification.category_path（例如 [民政, 社会救助, 最低生活保障]）。'
#   standard: GB/T 43697-2024
#   clause: 5.1 分类框架; 5.2 分类方法
#   basis: 'T: GB/T 43697-2024 TOC (gbstandards.icu/s/462422), 5.1 and 5.2 seen; their content was not read'
#   severity: warning
#   remediation: >-
#     Declare classification.sector (民政, 交通运输, 金融, ...) and classification.category_path (e.g.
#     [民政, 社会救助, 最低生活保障]).
package dgcheck.rules.classification.category_declared

import data.dgcheck.lib.meta
import data.dgcheck.lib.result

warning contains finding if {
	missing := [k |
		some k in ["sector", "category_path"]
		meta.size(object.get(meta.object_at(["classification"]), k, [])) == 0
	]
	count(missing) > 0
	finding := result.finding(rego.metadata.chain(), {
		"message": sprintf("the metadata declares no %s of the dataset's category", [concat(" or ", [sprintf("classification.%s", [k]) | some k in missing])]),
		"message_zh": sprintf("元数据未声明数据集分类的%s", [concat("或", [sprintf("%s（classification.%s）", [_zh[k], k]) | some k in missing])]),
		"evidence": {"missing": missing},
	})
}

_zh := {"sector": "行业领域", "category_path": "业务属性"}
